"""Copies of one story: each document's fingerprint is stored with its LSH band keys, and a new
document is compared with the stored documents that share a band. The fingerprint and the copies
found are written through the gate with an audit entry each; the band keys, computed from the
fingerprint's signature, are an index the gate writes with it (`gate.store_index`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection

from marsad.core.models import Document
from marsad.core.releasability import readable
from marsad.core.services import gate
from marsad.core.services.base import Writer, on_behalf
from marsad.extraction.duplicates import SAME_STORY, bands, signature, similarity
from marsad.intake.models import Band, Fingerprint, SameStory


def fingerprint(*, by: Writer, document: Document) -> list[tuple[Document, float]]:
    """Store the document's fingerprint and return the earlier documents telling the same
    story (recorded as such), best match first. Every document counts, whoever may read it:
    copies of one story are one source to the grading of claims; the caller shows the writer only
    the copies it may read."""
    values = signature(document.text)
    keys = bands(values)
    candidates = (
        Fingerprint.objects.filter(document__bands__key__in=keys)
        .exclude(document=document)
        .select_related("document")
        .distinct()
    )
    found = []
    for other in candidates:
        score = similarity(values, other.signature)
        if score >= SAME_STORY:
            found.append((other.document, score))
    stored = Fingerprint.objects.filter(document=document).first() or Fingerprint(document=document)
    stored.signature = values
    gate.store(stored, by=by)
    known = set(Band.objects.filter(document=document).values_list("key", flat=True))
    store_bands([(document.pk, [k for k in keys if k not in known])])
    linked = set(SameStory.objects.filter(document=document).values_list("original_id", flat=True))
    for original, score in found:
        if original.pk not in linked:
            writer = by if readable(by, original) else on_behalf(by, "same story")
            link = SameStory(document=document, original=original, similarity=score)
            gate.store(link, by=writer)
    return sorted(found, key=lambda pair: -pair[1])


def store_bands(keys: Sequence[tuple[int, Sequence[str]]]) -> None:
    """Index each document's band keys (each key once a document), in the caller's transaction."""
    columns: dict[str, list[object]] = {"document_id": [], "key": []}
    for document_id, bands_of in keys:
        distinct = list(dict.fromkeys(bands_of))
        columns["document_id"] += [document_id] * len(distinct)
        columns["key"] += distinct
    gate.store_index(Band, columns)


# Keys asked for in one query: well under the variables a statement may bind on either engine.
_KEYS_A_QUERY = 5_000


def band_holders(keys: Iterable[str]) -> dict[str, list[int]]:
    """The documents holding each of `keys`. A batch of an ingest asks for some 3,400 keys at
    once: the statement is written here because the ORM's `key__in` prepares every value on
    its own, which cost more than the query itself."""
    wanted = list(keys)
    holders: dict[str, list[int]] = defaultdict(list)
    with connection.cursor() as cursor:
        for start in range(0, len(wanted), _KEYS_A_QUERY):
            part = wanted[start : start + _KEYS_A_QUERY]
            cursor.execute(
                f'SELECT "key", "document_id" FROM "{Band._meta.db_table}" '
                f'WHERE "key" IN ({", ".join(["%s"] * len(part))})',
                part,
            )
            for key, document_id in cursor.fetchall():
                holders[key].append(document_id)
    return holders


def story_root(document_id: int, links: dict[int, int]) -> int:
    """The earliest document of a story's copies (a document is its own root when unique)."""
    seen = set()
    while document_id in links and document_id not in seen:
        seen.add(document_id)
        document_id = links[document_id]
    return document_id


def story_links(document_ids: list[int]) -> dict[int, int]:
    """copy id -> original id, for the given documents."""
    rows = SameStory.objects.filter(document_id__in=document_ids).order_by("similarity")
    return {row.document_id: row.original_id for row in rows}
