"""Writes of humanitarian access: crossings and corridors, status steps, consignments, access
incidents and the mandate's protection of corridors. Imports of whole lists are in
`imports.py`.

Administrators and analysts write here; so do humanitarian coordinators, whose records are
public (they read public records only, so they may not write what they could not read back).
"""

from marsad.access.services.base import require_access_writer
from marsad.access.services.places import (
    corridor_by_key,
    create_corridor,
    create_crossing,
    crossing_by_key,
    ensure_crossings,
    reference_crossings,
)
from marsad.access.services.records import (
    protect_corridor,
    record_access_incident,
    record_consignment,
    set_consignment_status,
)
from marsad.access.services.timeline import record_status

__all__ = [
    "corridor_by_key",
    "create_corridor",
    "create_crossing",
    "crossing_by_key",
    "ensure_crossings",
    "protect_corridor",
    "record_access_incident",
    "record_consignment",
    "record_status",
    "reference_crossings",
    "require_access_writer",
    "set_consignment_status",
]
