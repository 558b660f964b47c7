"""The core's records in search: documents, claims and actors (see core/search/registry.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marsad.core.models import Actor, Claim, Document, Source
from marsad.core.search import given
from marsad.core.search.registry import Entry, Follow, Kind, both, governorate, register

_CLAIM_TYPES = dict(Claim._meta.get_field("type").choices or [])
# What documents and claims hold of their source: its names, and a document's grade.
_SOURCE = ("name_ar", "name_en", "reliability")


def _document(document: Document) -> Entry:
    source = document.source
    return Entry(
        title_ar=document.title,
        title_en=document.title,
        body=document.text,
        names=[source.name_ar, source.name_en],
        day=document.published or document.created.date(),
        source_id=source.pk,
        grade=source.reliability,
    )


def _claim(claim: Claim) -> Entry:
    label_ar, label_en = both(_CLAIM_TYPES.get(claim.type, claim.type))
    document = claim.document
    source = claim.attribution_source or document.source
    quotes = " … ".join(span.get("quote", "") for span in claim.evidence if span.get("quote"))
    actor_ids = [a.pk for name in ("actors", "recipients") for a in given.related(claim, name)]
    actor_ids += [i for i in (claim.target_id, claim.where_id) if i]
    return Entry(
        title_ar=f"{label_ar}: {document.title}",
        title_en=f"{label_en}: {document.title}",
        body=quotes,
        names=[claim.where_text, claim.attribution_cue, source.name_ar, source.name_en],
        day=claim.when_date or document.published,
        link=str(document.pk),
        claim_type=claim.type,
        source_id=source.pk,
        grade=f"{claim.reliability}{claim.credibility or ''}",
        governorate=governorate(claim.where_pcode),
        actor_ids=actor_ids,
    )


def _actor(actor: Actor) -> Entry:
    return Entry(
        title_ar=actor.name_ar,
        title_en=actor.name_en,
        body="\n".join(filter(None, [actor.description_ar, actor.description_en])),
        names=[*(actor.aliases_ar or []), *(actor.aliases_en or []), actor.key],
        governorate=governorate(actor.pcode),
        actor_ids=[actor.pk],
    )


def _claim_url(record_id: str, link: str) -> str:
    return f"{reverse('document', args=[int(link)])}#claim-{record_id}"


register(
    Kind(
        key="document",
        label=_("Documents"),
        model=Document,
        entry=_document,
        url=lambda record_id, link: reverse("document", args=[int(record_id)]),
        select=("source",),
        follows=(Follow(Source, "source", _SOURCE),),
    )
)
register(
    Kind(
        key="claim",
        label=_("Claims"),
        model=Claim,
        entry=_claim,
        url=_claim_url,
        select=("document", "document__source", "attribution_source"),
        prefetch=("actors", "recipients"),
        follows=(
            Follow(Document, "document", ("title", "published", "source")),
            Follow(Source, "document__source", _SOURCE),
            Follow(Source, "attribution_source", _SOURCE),
        ),
    )
)
register(
    Kind(
        key="actor",
        label=_("Actors"),
        model=Actor,
        entry=_actor,
        url=lambda record_id, link: reverse("actor", args=[record_id]),
        record_id=lambda actor: actor.key,
        lookup="key",
    )
)
