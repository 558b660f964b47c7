"""Writes of the ceasefire: agreements, phases, clauses, incidents, casualty figures and
violations. Imports of whole files are in `imports.py`."""

from marsad.ceasefire.services.agreements import (
    create_agreement,
    create_clause,
    create_phase,
    phase_on,
)
from marsad.ceasefire.services.figures import record_figure
from marsad.ceasefire.services.incidents import (
    check_event_type,
    record_incident,
    set_verification,
)
from marsad.ceasefire.services.violations import record_violation, set_determination

__all__ = [
    "check_event_type",
    "create_agreement",
    "create_clause",
    "create_phase",
    "phase_on",
    "record_figure",
    "record_incident",
    "record_violation",
    "set_determination",
    "set_verification",
]
