"""The events a user may follow: a fixed list, so that a name not in it is refused."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SPIKE_ALERT = "spike_alert"
CROSSING_STATUS = "crossing_status"
CORRIDOR_STATUS = "corridor_status"
PLAN_SCORE = "plan_score"
PLAN_DEADLOCK = "plan_deadlock"
CLAIM = "claim"
DOCUMENT = "document"
REPORT_ISSUED = "report_issued"

KIND_CHOICES = [
    (SPIKE_ALERT, _("a spike of violence (ceasefire alert)")),
    (CROSSING_STATUS, _("a crossing opens, closes or is restricted")),
    (CORRIDOR_STATUS, _("a corridor opens, closes or is restricted")),
    (PLAN_SCORE, _("a plan point's score changes")),
    (PLAN_DEADLOCK, _("a new deadlock in the plan's sequencing")),
    (CLAIM, _("a claim is accepted")),
    (DOCUMENT, _("a new document")),
    (REPORT_ISSUED, _("a report is issued")),
]
KINDS = [kind for kind, _label in KIND_CHOICES]

# Derived alerts: no record of their own; their key is kept in KnownAlert.
DERIVED = frozenset({SPIKE_ALERT, PLAN_DEADLOCK})

# The report model is built beside notifications; it is named, never imported.
REPORT_MODEL = "reports.IssuedReport"
