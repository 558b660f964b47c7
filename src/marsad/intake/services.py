"""Intake: submit a text, propose its claims, and let an analyst accept, edit, reject or add
them. Accepted claims feed the other areas (effects.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Document, ReviewState, Source
from marsad.core.releasability import readable
from marsad.core.services import gate
from marsad.core.services.actors import create_actor, create_source
from marsad.core.services.base import SystemUser, Writer, on_behalf, require_writer
from marsad.core.services.claims import EDITABLE as CLAIM_EDITABLE
from marsad.core.services.claims import grade_claim, record_claim, review_claim, update_claim
from marsad.core.services.documents import submit_document
from marsad.extraction.extract import extract
from marsad.geo.governorates import GAZA_STRIP_PCODE, governorate_geometries
from marsad.intake import effects
from marsad.intake.entity_keys import keyed
from marsad.intake.fingerprints import fingerprint, story_links
from marsad.intake.grouping import corroborating, grade
from marsad.intake.selectors import same_event

SOURCE_KIND_OF_ACTOR = {"media": "media"}
# Finds the whole group of an event: grades are set for every reader of each claim, whoever
# caused the change.
GRADING = SystemUser("system:grading")


@dataclass
class Intake:
    """What happened to a submitted text."""

    document: Document
    created: bool
    claims: list[Claim] = field(default_factory=list)
    same_story: list[tuple[Document, float]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    extraction: dict[str, Any] = field(default_factory=dict)


def _entity_actor(*, by: Any, entities: Mapping[str, Mapping[str, Any]], key: str) -> Actor:
    """The actor of an extracted entity, created from the project's dictionary if new."""
    found = Actor.objects.visible_to(by).filter(key=key).first()
    if found is not None:
        return found
    entity = entities[key]
    parent = entity.get("parent") or ""
    if parent and parent in entities:
        _entity_actor(by=by, entities=entities, key=parent)
    elif parent and not Actor.objects.visible_to(by).filter(key=parent).exists():
        parent = ""
    return create_actor(
        by=by,
        key=key,
        kind=entity["kind"],
        name_ar=entity["name_ar"],
        name_en=entity["name_en"],
        iso3=entity.get("iso3") or "",
        pcode=entity.get("pcode") or "",
        parent=parent,
        # a dictionary entity is public knowledge; a name read from the text, its document's
        marking=entity.get("marking", "public"),
        releasable_to=entity.get("nations", ()),
    )


def _source(*, by: Any, entities: Mapping[str, Mapping[str, Any]], key: str | None) -> str:
    """The source key for an attribution, created from its entity if new ('' if none)."""
    if not key:
        return ""
    if Source.objects.visible_to(by).filter(key=key).exists():
        return key
    if key not in entities:
        return ""
    actor = _entity_actor(by=by, entities=entities, key=key)
    create_source(
        by=by,
        key=key,
        name_ar=actor.name_ar,
        name_en=actor.name_en,
        kind=SOURCE_KIND_OF_ACTOR.get(actor.kind, "official"),
        reliability="F",
        actor=actor.key,
        marking=actor.marking,
        releasable_to=actor.nations,
    )
    return key


def regrade(*, by: Writer, claim: Claim) -> list[Claim]:
    """Set the credibility of the claim and of the other claims of its event, each from the
    claims its own readers may read; returns the others. A claim the writer may not read is
    graded on the writer's behalf by the system (the audit names both)."""
    group = list(same_event(GRADING, claim))
    members = [claim, *group]
    for member in members:
        digit = grade(member, corroborating(member, members))
        if digit != member.credibility:
            writer = by if readable(by, member) else on_behalf(by, "grading")
            grade_claim(by=writer, claim=member, credibility=digit)
    return group


@transaction.atomic
def propose_one(
    *,
    by: Any,
    document: Document,
    entities: Mapping[str, Mapping[str, Any]],
    data: Mapping[str, Any],
) -> Claim:
    """Record one extracted claim as proposed, with the actors and source it names created
    from the dictionary if new; a claim refused (InvalidInput) leaves none of them behind."""
    for field_name in ("actor", "recipient"):
        for key in data[field_name]:
            _entity_actor(by=by, entities=entities, key=key)
    for key in (data["target"], data["where"].get("entity")):
        if key:
            _entity_actor(by=by, entities=entities, key=key)
    source = _source(by=by, entities=entities, key=data["attribution"].get("source"))
    data = {**data, "attribution": {**data["attribution"], "source": source or None}}
    return record_claim(by=by, document=document, data=data)


def regrade_many(*, by: Writer, claims: Iterable[Claim]) -> None:
    """`regrade` for the claims of one review action: each claim's event is found as before,
    and the grades that change are written at once (one history row each, one audit entry)."""
    events = [[claim, *same_event(GRADING, claim)] for claim in claims]
    links = story_links(list({c.document_id for members in events for c in members}))
    digits: dict[int, tuple[Claim, int]] = {}
    for members in events:
        for member in members:
            digits[member.pk] = (member, grade(member, corroborating(member, members), links))
    changed = [(member, digit) for member, digit in digits.values() if digit != member.credibility]
    mine = []
    for member, digit in changed:
        if readable(by, member):
            member.credibility = digit
            mine.append(member)
        else:
            grade_claim(by=on_behalf(by, "grading"), claim=member, credibility=digit)
    gate.update_batch(
        Claim, mine, ["credibility"], by=by, ids=lambda c: c.pk, detail={"regraded": "review"}
    )


def propose(
    *, by: Any, document: Document, result: Mapping[str, Any] | None = None
) -> tuple[list[Claim], list[str], Mapping[str, Any]]:
    """Record the claims the extractor finds in a stored document (or the extraction already
    made, by a worker process) as proposed. A claim that cannot be stored (it would name a
    restricted actor, say) is skipped with the reason."""
    if result is None:
        result = extract(document.text, language=document.language, published=document.published)
    result = keyed(result, document.marking, document.nations)
    entities = {e["id"]: e for e in result["entities"]}
    recorded, skipped = [], []
    for proposed in result["claims"]:
        try:
            recorded.append(propose_one(by=by, document=document, entities=entities, data=proposed))
        except InvalidInput as error:
            skipped.append(f"{proposed['id']} ({proposed['type']}): {error}")
    for claim in recorded:
        regrade(by=by, claim=claim)
    return recorded, skipped, result


@transaction.atomic
def submit(
    *,
    by: Any,
    text: str,
    source: Any,
    title: str = "",
    language: str = "",
    url: str = "",
    published: Any = None,
    marking: str = "",
    releasable_to: Iterable[str] = (),
    extraction: Mapping[str, Any] | None = None,
) -> Intake:
    """Store a text and propose its claims; the same text again returns what is stored.
    `extraction` is the extractor's result when a worker made it already."""
    require_writer(by)
    document, created = submit_document(
        by=by,
        title=title,
        text=text,
        source=source,
        language=language,
        url=url,
        published=published,
        marking=marking,
        releasable_to=releasable_to,
    )
    if not created:
        visible = Claim.objects.visible_to(by).filter(document=document).order_by("id")
        return Intake(document=document, created=False, claims=list(visible))
    copies = fingerprint(by=by, document=document)
    claims, skipped, result = propose(by=by, document=document, result=extraction)
    shown = set(Document.objects.visible_to(by).filter(pk__in=[d.pk for d, _s in copies]))
    return Intake(
        document=document,
        created=True,
        claims=claims,
        same_story=[(d, score) for d, score in copies if d in shown],
        skipped=skipped,
        extraction=dict(result),
    )


@transaction.atomic
def accept(*, by: Any, claim: Claim) -> list[str]:
    """Accept a claim (reviewer and time recorded) and let it feed the other areas; returns
    what was created or updated, in words."""
    require_writer(by)
    claim = review_claim(by=by, claim=claim, state=ReviewState.ACCEPTED)
    regrade(by=by, claim=claim)
    return effects.apply(by=by, claim=claim)


@transaction.atomic
def reject(*, by: Any, claim: Claim) -> Claim:
    require_writer(by)
    group = list(same_event(GRADING, claim))
    claim = review_claim(by=by, claim=claim, state=ReviewState.REJECTED)
    # The rejected claim no longer corroborates the others.
    for member in group:
        regrade(by=by, claim=member)
    return claim


EDITABLE = (*CLAIM_EDITABLE, "place")


def _known_pcodes(user: Writer) -> set[str]:
    """The Strip, its governorates, and the P-code of every place in the dictionary `user` may
    read."""
    stored = (
        Actor.objects.visible_to(user)
        .filter(kind="place")
        .exclude(pcode="")
        .values_list("pcode", flat=True)
    )
    return {GAZA_STRIP_PCODE, *governorate_geometries(), *stored}


def where_of(user: Writer, value: Any, field: str = "place") -> dict[str, Any]:
    """The contract's `where` for a place given as the identifier of a place in the dictionary
    or as an OCHA P-code (governorates are keyed by their P-code, so both find them); empty
    when no place is given."""
    code = str(value or "").strip().upper()
    if not code:
        return {"entity": None, "pcode": None}
    found = Actor.objects.visible_to(user).filter(key=code).first()
    if found is not None:
        if found.kind != "place":
            raise InvalidInput.one(field, value, f"is a {found.kind}; expected a place")
        return {"entity": found.key, "pcode": found.pcode or None}
    if code in _known_pcodes(user):
        return {"entity": None, "pcode": code}
    raise InvalidInput.one(
        field, value, "is neither the identifier of a place nor a known P-code (e.g. PS0270)"
    )


def _figures(current: Mapping[str, Any], given: Any) -> Any:
    """Figures given per measure replace those measures (the rest stay); a measure given with
    no number is removed. The words the document used are kept unless new ones are given."""
    if not isinstance(given, Mapping):
        return given  # check_claim names what is wrong with it
    merged = {**current}
    for measure, figure in given.items():
        old = current.get(measure) or {}
        if isinstance(figure, Mapping) and not figure.get("text") and old.get("text"):
            figure = {**figure, "text": old["text"]}
        merged[measure] = figure
    return merged


def _facts(user: Writer, data: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """Turn the analyst's `place` into the contract's `where`, and merge `when`, `where` and
    `figures` with the claim's current ones (the words as written stay with them)."""
    data = dict(data)
    if "place" in data:
        data["where"] = where_of(user, data.pop("place"))
    if isinstance(data.get("when"), Mapping):
        data["when"] = {**current["when"], **data["when"]}
    if isinstance(data.get("where"), Mapping):
        # A new place's P-code follows from it, not from the old place.
        data["where"] = {"text": current["where"]["text"], **data["where"]}
    if "figures" in data:
        data["figures"] = _figures(current.get("figures") or {}, data["figures"])
    return data


@transaction.atomic
def edit(*, by: Writer, claim: Claim, data: Mapping[str, Any]) -> Claim:
    """Correct a proposed claim before accepting it (figures, date and place included, the
    place as a place's identifier or a P-code); checked like any claim (`update_claim`)."""
    require_writer(by)
    unknown = set(data) - set(EDITABLE)
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidInput.one(name, data[name], "cannot be edited")
    changes = _facts(by, data, claim.to_contract())
    where = changes.get("where")
    if "place" not in data and isinstance(where, Mapping):
        # Checked as an analyst's place: an entity of kind place, and a known P-code.
        for key in ("entity", "pcode"):
            where_of(by, where.get(key), f"where.{key}")
    return update_claim(by=by, claim=claim, changes=changes)


@transaction.atomic
def add(*, by: Any, document: Document, data: Mapping[str, Any]) -> tuple[Claim, list[str]]:
    """An analyst's own claim on a span of the text they selected: recorded as accepted. The
    place may be given as `place` (a place's identifier or a P-code), as in `edit`."""
    require_writer(by)
    data = dict(data)
    if "place" in data:
        data["where"] = where_of(by, data.pop("place"))
    claim = record_claim(
        by=by, document=document, data={**data, "review_state": ReviewState.ACCEPTED}
    )
    regrade(by=by, claim=claim)
    return claim, effects.apply(by=by, claim=claim)
