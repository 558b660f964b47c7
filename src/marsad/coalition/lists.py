"""The pledge list with its export columns and HXL hashtags, declared for the exports and saved
searches (see `core/listing.py`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from marsad.coalition import selectors
from marsad.core.listing import MARKING, Column, ListSpec, register

PLEDGES = register(
    ListSpec(
        key="pledges",
        url_name="coalition:pledges",
        title=_("Pledges"),
        parse=selectors.PledgeFilters.parse,
        rows=lambda reader, filters: selectors.pledges(reader, filters).order_by(
            "nation__name_en", "kind", "id"
        ),
        columns=(
            Column("id", "#meta+id"),
            # A pledge never reaches further than the actors it names (the gate checks it).
            Column("nation", "#country+code", lambda p: p.nation.iso3 or p.nation.key),
            Column("nation_name", "#country+name", lambda p: p.nation.name_en),
            Column("body", "#org+code", lambda p: p.body.key),
            Column("kind", "#sector"),
            Column("negative", "#status+refusal", lambda p: int(p.negative)),
            Column("quantity", "#value"),
            Column("unit", "#value+unit"),
            Column("status", "#status"),
            Column("announced", "#date"),
            Column("conditions", "#description"),
            MARKING,
        ),
    )
)
