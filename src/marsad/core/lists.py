"""The core's lists, declared for exports and saved searches (see `core/listing.py`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from marsad.core import selectors
from marsad.core.listing import MARKING, Column, ListSpec, register


def _keys(related: Any) -> str:
    """Identifiers of related actors, in a stable order, separated by spaces."""
    return " ".join(sorted(actor.key for actor in related.all()))


def _key(record: Any) -> str:
    # A record never reaches further than what it names (the gate checks it), so whoever may
    # export the record may read the identifiers it names.
    return record.key if record is not None else ""


DOCUMENTS = register(
    ListSpec(
        key="documents",
        url_name="documents",
        title=_("Documents"),
        parse=selectors.DocumentFilters.parse,
        rows=lambda reader, filters: filters.apply(reader).defer("text"),
        columns=(
            Column("id"),
            Column("published"),
            Column("title"),
            Column("language"),
            Column("source", read=lambda d: d.source.key),
            Column("url"),
            Column("created"),
            MARKING,
        ),
    )
)

CLAIMS = register(
    ListSpec(
        key="claims",
        url_name="claims",
        title=_("Claims"),
        parse=selectors.ClaimFilters.parse,
        rows=lambda reader, filters: filters.apply(reader),
        columns=(
            Column("id"),
            Column("type"),
            Column("status"),
            Column("modality"),
            Column("review_state"),
            Column("when_date"),
            Column("actors", read=lambda c: _keys(c.actors)),
            Column("recipients", read=lambda c: _keys(c.recipients)),
            Column("target", read=lambda c: _key(c.target)),
            Column("where", read=lambda c: _key(c.where)),
            Column("where_pcode"),
            Column("document", read=lambda c: c.document_id),
            Column("source", read=lambda c: _key(c.attribution_source or c.document.source)),
            Column("reliability"),
            Column("credibility"),
            MARKING,
        ),
    )
)
