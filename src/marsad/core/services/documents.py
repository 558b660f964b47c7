"""Recording documents. The same text submitted twice is one document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.models import Document, Source
from marsad.core.models.documents import Language, text_sha256
from marsad.core.services import gate, lookups
from marsad.core.services.base import history_user, lock_writes, require_writer
from marsad.core.services.inputs import parse_date
from marsad.extraction.language import detect_language

MAX_TEXT_CHARS = 10_000_000


def normalize_text(text: str) -> str:
    """One form per text: Unix line ends, no surrounding blank space. Offsets refer to this form."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@transaction.atomic
def submit_document(
    *,
    by: Any,
    title: str,
    text: str,
    source: str | Source,
    language: str = "",
    url: str = "",
    published: Any = None,
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> tuple[Document, bool]:
    """Store a document, or return the one the writer may read that already holds this text.
    Returns (document, created).

    When only documents hidden from the writer hold the text, it is stored again as the
    writer's own document, exactly as a new text would be, and the copy is queued for an analyst
    who may read both: answering with the hidden document (or refusing) would tell the writer
    it exists."""
    require_writer(by)
    if not isinstance(text, str):
        raise InvalidInput.one("text", type(text).__name__, "must be text")
    text = normalize_text(text)
    if not text:
        raise InvalidInput.one("text", "", "is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInput.one(
            "text", f"{len(text)} characters", f"is longer than {MAX_TEXT_CHARS} characters"
        )
    digest = text_sha256(text)
    lock_writes()
    same_text = Document.objects.filter(sha256=digest).order_by("id")
    existing = same_text.visible_to(by).first()
    if existing is not None:
        return existing, False
    hidden = same_text.first()
    language = (language or "").strip().lower() or detect_language(text)
    if language not in Language.values:
        raise InvalidInput.one("language", language, "must be one of " + ", ".join(Language.values))
    document = Document(
        title=(title or "").strip() or text.splitlines()[0][:200],
        text=text,
        language=language,
        url=(url or "").strip(),
        published=parse_date(published, "published"),
        source=lookups.source(by, source),
        sha256=digest,
        created_by=history_user(by),
    )
    gate.store(document, by=by, marking=marking, releasable_to=releasable_to)
    if hidden is not None:
        gate.queue_conflict(
            by=by,
            record=document,
            other=hidden,
            field="text",
            reason=f"document {document.pk} holds the same text as document {hidden.pk}",
        )
    return document, True
