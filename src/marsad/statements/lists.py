"""The statement list with its export columns, declared for the exports and saved searches (see
`core/listing.py`). HXL has no hashtags for stances and refusals: no HXL export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from marsad.core.listing import MARKING, Column, ListSpec, register
from marsad.statements import selectors

STATEMENTS = register(
    ListSpec(
        key="statements",
        url_name="statements:index",
        title=_("Who said what"),
        parse=selectors.StatementFilters.parse,
        rows=selectors.statements,
        columns=(
            Column("id"),
            Column("on"),
            # A statement never reaches further than the actors it names (the gate checks it).
            Column("speaker", read=lambda s: s.speaker.key),
            Column("stance"),
            Column("refusal"),
            Column("topic"),
            Column("about", read=lambda s: " ".join(sorted(a.key for a in s.about.all()))),
            Column("quote"),
            Column("quote_language"),
            Column("translation"),
            Column("calls_for_ar"),
            Column("calls_for_en"),
            MARKING,
        ),
    )
)
