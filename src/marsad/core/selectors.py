"""Reads of the provenance core. Every query that reaches a user starts from `visible_to`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Model, Q, QuerySet, TextField
from django.db.models.functions import Cast

from marsad.core import history
from marsad.core.errors import InvalidInput
from marsad.core.models import (
    Actor,
    ApiToken,
    Claim,
    Conflict,
    Document,
    ReviewState,
    SavedSearch,
    Source,
)
from marsad.core.models.documents import Language
from marsad.core.releasability import releasability_filter
from marsad.core.vocabulary import CLAIM_TYPE_LABELS, STATUS_LABELS


def records(user: Any, model: type[Model]) -> QuerySet[Any]:
    """Every record of a releasable `model` that `user` may read: for reads that need no more
    than the filter (a loader checking what it recorded already, an export by identifier)."""
    return model.objects.visible_to(user)  # type: ignore[attr-defined]


def actors(user: Any, *, kind: str = "", query: str = "") -> QuerySet[Actor]:
    qs = Actor.objects.visible_to(user).select_related("parent")
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        qs = qs.annotate(
            _aliases_ar=Cast("aliases_ar", TextField()), _aliases_en=Cast("aliases_en", TextField())
        ).filter(
            Q(name_ar__icontains=query)
            | Q(name_en__icontains=query)
            | Q(key__iexact=query)
            | Q(_aliases_ar__icontains=query)
            | Q(_aliases_en__icontains=query)
        )
    return qs


def actor(user: Any, key: str) -> Actor:
    """The actor with this identifier if `user` may read it; Actor.DoesNotExist otherwise."""
    return actors(user).get(key=key.upper())


def sources(user: Any) -> QuerySet[Source]:
    return Source.objects.visible_to(user).select_related("actor")


def source(user: Any, key: str) -> Source:
    return sources(user).get(key=key.upper())


def source_by_id(user: Any, source_id: int | None, *, request: Any = None) -> Source | None:
    """The source with this id if `user` may read it, else None. Given the request, the
    sources `user` may read are fetched once for it (a page or an API list shows many rows)."""
    if source_id is None:
        return None
    if request is None:
        return Source.objects.visible_to(user).filter(pk=source_id).first()
    visible = getattr(request, "_marsad_visible_sources", None)
    if visible is None:
        visible = {s.pk: s for s in Source.objects.visible_to(user)}
        request._marsad_visible_sources = visible
    return visible.get(source_id)


def documents(
    user: Any, *, language: str = "", source_key: str = "", query: str = ""
) -> QuerySet[Document]:
    """Documents `user` may read; `query` keeps those whose title or text holds it."""
    qs = Document.objects.visible_to(user).select_related("source")
    if language:
        qs = qs.filter(language=language)
    if source_key:
        qs = qs.filter(source__key=source_key.upper())
    if query.strip():
        words = query.strip()
        qs = qs.filter(Q(title__icontains=words) | Q(text__icontains=words))
    return qs


@dataclass(frozen=True)
class DocumentFilters:
    """The filters of the document list, its exports and saved searches (notifications of new
    documents apply them too): words in the title or text, language, source key."""

    q: str = ""
    language: str = ""
    source: str = ""

    @classmethod
    def parse(cls, params: Any) -> DocumentFilters:
        language = (params.get("language", "") or "").strip()
        if language and language not in Language.values:
            raise InvalidInput.one(
                "language", language, "must be one of " + ", ".join(Language.values)
            )
        return cls(
            q=(params.get("q", "") or "").strip(),
            language=language,
            source=(params.get("source", "") or "").strip().upper(),
        )

    def apply(self, user: Any) -> QuerySet[Document]:
        return documents(user, language=self.language, source_key=self.source, query=self.q)


def document(user: Any, pk: int) -> Document:
    return documents(user).get(pk=pk)


def claims(
    user: Any,
    *,
    type: str = "",
    actor_key: str = "",
    status: str = "",
    review_state: str = "",
    document_id: int | None = None,
) -> QuerySet[Claim]:
    qs = (
        Claim.objects.visible_to(user)
        .select_related(
            "document",
            "document__source",
            "attribution_source",
            "target",
            "where",
            "reviewed_by",
        )
        .defer("document__text")
        .prefetch_related("actors", "recipients")
    )
    if type:
        qs = qs.filter(type=type)
    if status:
        qs = qs.filter(status=status)
    if review_state:
        qs = qs.filter(review_state=review_state)
    if document_id is not None:
        qs = qs.filter(document_id=document_id)
    if actor_key:
        key = actor_key.upper()
        ids = Claim.objects.filter(
            Q(actors__key=key) | Q(recipients__key=key) | Q(target__key=key) | Q(where__key=key)
        ).values("id")
        qs = qs.filter(id__in=ids)
    return qs


@dataclass(frozen=True)
class ClaimFilters:
    """The filters of the claim list and its exports: type, status, review state, actor key."""

    type: str = ""
    status: str = ""
    review_state: str = ""
    actor: str = ""

    @classmethod
    def parse(cls, params: Any) -> ClaimFilters:
        found = {k: (params.get(k, "") or "").strip() for k in ("type", "status", "review_state")}
        for name, allowed in (
            ("type", list(CLAIM_TYPE_LABELS)),
            ("status", list(STATUS_LABELS)),
            ("review_state", list(ReviewState.values)),
        ):
            if found[name] and found[name] not in allowed:
                raise InvalidInput.one(name, found[name], "must be one of " + ", ".join(allowed))
        return cls(**found, actor=(params.get("actor", "") or "").strip().upper())

    def apply(self, user: Any) -> QuerySet[Claim]:
        return claims(
            user,
            type=self.type,
            status=self.status,
            review_state=self.review_state,
            actor_key=self.actor,
        )


def claim(user: Any, pk: int) -> Claim:
    return claims(user).get(pk=pk)


def conflicts(user: Any, *, open_only: bool = True) -> QuerySet[Conflict]:
    """Conflicts with hidden records that `user` may read (readers of both records), newest
    first; only those not reconciled yet unless `open_only` is false."""
    qs = Conflict.objects.visible_to(user).select_related("created_by", "resolved_by")
    return qs.filter(resolved_at__isnull=True) if open_only else qs


def chained(steps: list[Any]) -> list[Any]:
    """The steps of one timeline that one reader may read, oldest first, each ending where the
    next of them begins. The stored end date is the next stored step's start: a step hidden
    from the reader would show itself through it. Expected steps end nothing and keep none.
    The objects are changed in place, to be read only (services re-read what they change)."""
    following = None
    for step in reversed(steps):
        if getattr(step, "expected", False):
            step.valid_to = None
            continue
        step.valid_to = following.valid_from if following is not None else None
        following = step
    return steps


def evidence_withheld(user: Any, record: Any) -> bool:
    """Whether some claims a record rests on are not releasable to `user`. Readers are told
    that much and no more: not how many, nor what they say. For a version read as held
    (`known_on`), of the claims it rested on then."""
    if history.moment_of(record) is not None:
        record.evidence_for(user)  # reads the links as held, once
        return bool(history.withheld(record, "claims"))
    condition = releasability_filter(user)
    return condition is not None and record.claims.exclude(condition).exists()


@dataclass(frozen=True)
class Overview:
    actors: int
    documents: int
    claims: int
    claims_by_type: list[tuple[str, int]]
    actors_by_kind: list[tuple[str, int]]
    latest_documents: list[Document]


def overview(user: Any, latest: int = 5) -> Overview:
    """What the home page presents: counts, claims by type and the latest documents."""
    visible_claims = Claim.objects.visible_to(user)
    visible_actors = Actor.objects.visible_to(user)
    visible_documents = documents(user)
    return Overview(
        actors=visible_actors.count(),
        documents=visible_documents.count(),
        claims=visible_claims.count(),
        claims_by_type=list(
            visible_claims.values_list("type").annotate(n=Count("id")).order_by("-n", "type")
        ),
        actors_by_kind=list(
            visible_actors.values_list("kind").annotate(n=Count("id")).order_by("-n", "kind")
        ),
        latest_documents=list(visible_documents.order_by("-published", "-created")[:latest]),
    )


def saved_searches(user: Any) -> QuerySet[SavedSearch]:
    """The reader's own saved searches, by name. A saved search holds filters, not records:
    only its owner lists it; anyone with its link may open it."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "pk", None) is None:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(owner=user).order_by("name", "id")


def saved_search_by_key(share_key: str) -> SavedSearch | None:
    """The saved search a shared link names (its filters only are read from it)."""
    return SavedSearch.objects.filter(share_key=share_key).first()


def api_tokens(*, username: str = "") -> QuerySet[ApiToken]:
    """API tokens, newest first, for `marsad token list`. Tokens are no releasable record: only
    administrators (at the command line) read them."""
    qs = ApiToken.objects.select_related("user").order_by("-created", "-id")
    return qs.filter(user__username=username) if username else qs
