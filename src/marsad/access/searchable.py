"""Consignments in search (see core/search/registry.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marsad.access.models import Consignment, Crossing
from marsad.core.models import Source
from marsad.core.search.registry import Entry, Follow, Kind, both, register

_CATEGORIES = dict(Consignment._meta.get_field("category").choices or [])


def _consignment(consignment: Consignment) -> Entry:
    crossing = consignment.crossing
    what_ar, what_en = both(_CATEGORIES.get(consignment.category, consignment.category))
    return Entry(
        title_ar=f"{what_ar} — {crossing.name_ar}",
        title_en=f"{what_en} — {crossing.name_en}",
        body="\n".join(
            filter(None, [consignment.description, consignment.donor, consignment.destination])
        ),
        names=[
            *(crossing.aliases_ar or []),
            *(crossing.aliases_en or []),
            consignment.category_raw,
            consignment.key,
        ],
        day=consignment.day,
        link=f"{crossing.key}|{consignment.day.isoformat()}",
        source_id=consignment.source_id,
        grade=consignment.source.reliability if consignment.source else "",
        actor_ids=[crossing.place_id] if crossing.place_id else [],
    )


def _url(record_id: str, link: str) -> str:
    crossing, _sep, day = link.partition("|")
    query = urlencode({"crossing": crossing, "start": day, "end": day})
    return f"{reverse('access:consignments')}?{query}"


register(
    Kind(
        key="consignment",
        label=_("Consignments"),
        model=Consignment,
        entry=_consignment,
        url=_url,
        select=("crossing", "source"),
        # A consignment's entry holds its crossing's names and its source's grade.
        follows=(
            Follow(Crossing, "crossing", ("key", "name_ar", "name_en", "aliases_ar", "aliases_en")),
            Follow(Source, "source", ("reliability",)),
        ),
    )
)
