"""Incidents in search (see core/search/registry.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marsad.ceasefire.models import Incident
from marsad.core.search.registry import Entry, Kind, both, governorate, register

_TYPES = dict(Incident._meta.get_field("sub_event_type").choices or [])


def _incident(incident: Incident) -> Entry:
    what_ar, what_en = both(_TYPES.get(incident.sub_event_type, incident.sub_event_type))
    place = incident.location or incident.admin2 or incident.admin1
    actor_ids = [
        i for i in (incident.actor1_ref_id, incident.actor2_ref_id, incident.place_id) if i
    ]
    return Entry(
        title_ar=f"{what_ar} — {place}" if place else what_ar,
        title_en=f"{what_en} — {place}" if place else what_en,
        body="\n".join(filter(None, [incident.description_ar, incident.description_en])),
        names=[
            incident.actor1,
            incident.actor2,
            incident.admin1,
            incident.admin2,
            incident.event_id,
        ],
        day=incident.event_date,
        governorate=governorate(incident.pcode),
        actor_ids=actor_ids,
    )


register(
    Kind(
        key="incident",
        label=_("Incidents"),
        model=Incident,
        entry=_incident,
        url=lambda record_id, link: reverse("ceasefire:incident", args=[int(record_id)]),
    )
)
