"""Index entries of new records whose writer hands over what they need: the search terms of
their long texts, analysed where the text was at hand (an ingest's extraction worker), and the
related records their entries read, as stored. `core.search.services` asks this module for an
entry's terms, and indexes records given here as they are, without reading them back.

The terms given are keyed by the very text they are the terms of, so a text given wrongly (or not
given) is only analysed here again: the entry is the one `services.index` writes either way
(`index_text(a, b)` is `index_text(a)` and `index_text(b)` joined, each part's terms on their
own).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db.models import Model

from marsad.core.search.text import index_text, index_text_after

# Where a record keeps what it was given (its `__dict__`: a model's fields never take these names).
_TERMS = "_search_terms_given"
_RELATED = "_search_related_given"


def give(
    record: Model, terms: Mapping[str, str], related: Mapping[str, list[Any]] | None = None
) -> None:
    """Hand `record` over with `terms` (a text of its entry → its `index_text`) and the records
    of its many-to-many relations (`related`: a relation's name → its records, as stored), so
    that its entry is built from them without a query or a second analysis. The records are
    kept beside the record's own relations, not as a prefetched queryset: building a related
    manager's queryset cost more than the rest of a claim's entry."""
    record.__dict__[_TERMS] = dict(terms)
    if related:
        record.__dict__[_RELATED] = {name: list(rows) for name, rows in related.items()}


def related(record: Model, name: str) -> list[Any]:
    """The records of `record`'s many-to-many relation `name`: those given, else as stored (or
    prefetched)."""
    rows = record.__dict__.get(_RELATED, {}).get(name)
    return list(getattr(record, name).all()) if rows is None else rows


def complete(records: Sequence[Model], prefetch: Iterable[str]) -> bool:
    """Whether every one of `records` was given here with the relations an entry reads."""
    wanted = list(prefetch)
    for record in records:
        given = record.__dict__.get(_RELATED, {})
        if _TERMS not in record.__dict__ or any(name not in given for name in wanted):
            return False
    return bool(records)


def terms(record: Model, parts: Sequence[str]) -> str:
    """`index_text(*parts)`, each part's terms taken from those given with `record` if any."""
    known: Mapping[str, str] = record.__dict__.get(_TERMS) or {}
    if not known:
        return index_text(*parts)
    found = []
    for part in parts:
        if not part:
            continue
        text = known.get(part)
        if text is None:
            text = _after_given(part, known)
        if text is None:
            text = index_text(part)
        if text:
            found.append(text)
    return " ".join(found)


def _after_given(part: str, known: Mapping[str, str]) -> str | None:
    """The terms of `part` when it is a label put in front of a text given (a claim's title is
    its type's label and its document's title): the label's alone are analysed."""
    for text, found in known.items():
        if text and len(part) > len(text) and part.endswith(text):
            terms = index_text_after(part[: -len(text)], found)
            if terms is not None:
                return terms
    return None
