"""Copies of one story: each document's fingerprint is stored with its LSH band keys, and a new
document is compared with the stored documents that share a band."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from marsad.core.models import Document
from marsad.extraction.duplicates import SAME_STORY, bands, signature, similarity
from marsad.intake.models import Band, Fingerprint, SameStory


def fingerprint(document: Document) -> list[tuple[Document, float]]:
    """Store the document's fingerprint and return the earlier documents telling the same
    story (recorded as such), best match first."""
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
    Fingerprint.objects.update_or_create(document=document, defaults={"signature": values})
    Band.objects.bulk_create([Band(document=document, key=k) for k in keys], ignore_conflicts=True)
    for original, score in found:
        SameStory.objects.get_or_create(
            document=document, original=original, defaults={"similarity": score}
        )
    return sorted(found, key=lambda pair: -pair[1])


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


def same_story_as(user: Any, document: Document) -> QuerySet[Document]:
    """Visible documents this one copies, or that copy it."""
    ids = set(SameStory.objects.filter(document=document).values_list("original_id", flat=True))
    ids |= set(SameStory.objects.filter(original=document).values_list("document_id", flat=True))
    return Document.objects.visible_to(user).filter(pk__in=ids).select_related("source")
