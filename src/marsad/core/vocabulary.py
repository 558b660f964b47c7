"""Translated labels for the contract's vocabularies, so every value reads in Arabic and English.

The values themselves live in marsad.extraction.contract; a test checks both lists agree.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

CLAIM_TYPE_LABELS = {
    "invitation": _("Invitation"),
    "membership_decision": _("Membership decision"),
    "contribution": _("Contribution"),
    "legal_reservation": _("Legal reservation"),
    "caveat": _("National caveat"),
    "charter_action": _("Charter action"),
    "mandate_task": _("Mandate task"),
    "mandate_limit": _("Mandate limit"),
    "plan_announcement": _("Plan announcement"),
    "dispute": _("Dispute"),
    "attack": _("Attack"),
    "violation_accusation": _("Violation accusation"),
    "ceasefire_phase": _("Ceasefire phase"),
    "casualties": _("Casualties"),
    "statement": _("Statement"),
    "comment_refusal": _("Refusal to comment"),
    "corridor_status": _("Corridor status"),
    "aid_delivery": _("Aid delivery"),
    "protest": _("Protest"),
    "other": _("Other"),
}

STATUS_LABELS = {
    "reported": _("Reported"),
    "confirmed": _("Confirmed"),
    "unconfirmed": _("Unconfirmed"),
    "denied": _("Denied"),
}

# Modalities qualify what is said, not the claim: Arabic needs other forms than for review states.
MODALITY_LABELS = {
    "asserted": pgettext_lazy("modality", "Asserted"),
    "negated": pgettext_lazy("modality", "Negated"),
    "future": pgettext_lazy("modality", "Future"),
    "hypothetical": pgettext_lazy("modality", "Hypothetical"),
    "proposed": pgettext_lazy("modality", "Proposed"),
}

SOURCE_KIND_LABELS = {
    "media": _("Media"),
    "anonymous": _("Anonymous"),
    "official": _("Official"),
    "document": _("Document"),
    "unknown": _("Unknown"),
}

PRECISION_LABELS = {
    "day": _("exact day"),
    "month": _("month only"),
    "year": _("year only"),
}

ATTRIBUTE_LABELS = {
    "deployment": _("deployment"),
    "provision": _("plan point"),
    "role": _("role"),
    "decision": _("decision"),
    "kind": _("kind"),
    "basis": _("basis"),
    "caveat": _("caveat"),
    "action": _("action"),
    "task": _("task"),
    "limit": _("limit"),
    "points": _("points"),
    "topic": _("topic"),
    "means": _("means"),
    "agreement": _("agreement"),
    "phase": _("phase"),
    "event": _("event"),
    "population": _("population"),
    "period": _("period"),
    "stance": _("stance"),
    "status": _("status"),
    "form": _("form"),
}

VALUE_LABELS = {
    # stages of a pledge or a deployment
    "delivered": _("delivered"),
    "not_started": _("not started"),
    # invitation roles
    "founding_member": _("founding member"),
    "member": _("member"),
    "observer": _("observer"),
    "unspecified": _("unspecified"),
    # membership decisions
    "under_consideration": _("under consideration"),
    "accepted": _("accepted"),
    "declined": _("declined"),
    "withdrawn": _("withdrawn"),
    # contributions
    "troops": _("troops"),
    "police_training": _("police training"),
    "funding": _("funding"),
    "logistics": _("logistics"),
    "engineering": _("engineering"),
    "medical": _("medical"),
    "political": _("political and diplomatic"),
    "other": _("other"),
    # legal bases
    "constitution": _("constitution"),
    "international_mandate": _("international mandate"),
    "parliament": _("parliament"),
    # caveats
    "no_ground_troops": _("no ground troops"),
    "no_combat": _("no combat role"),
    "geographic_limit": _("geographic limit"),
    "time_limit": _("time limit"),
    # charter actions
    "signed": _("signed"),
    "not_signed": _("did not sign"),
    "boycotted": _("boycotted"),
    "abstained": _("abstained"),
    "open_to_amendment": _("open to amendment"),
    # mandate tasks and limits
    "ceasefire": _("consolidate the ceasefire"),
    "security": _("security and stability"),
    "humanitarian_corridors": _("humanitarian corridors"),
    "reconstruction": _("reconstruction"),
    "border_security": _("border security"),
    "disarmament": _("disarmament"),
    "no_direct_combat": _("no direct combat"),
    # disputes
    "sequencing": _("sequencing"),
    "withdrawal": _("withdrawal"),
    "governance": _("governance"),
    # attacks
    "air": _("air strike"),
    "artillery": _("artillery"),
    "drone": _("drone"),
    "gunfire": _("gunfire"),
    "explosive": _("explosive device"),
    "abduction": _("abduction"),
    "demolition": _("demolition"),
    # protests
    "demonstration": _("demonstration"),
    "riot": _("riot"),
    "strike": _("general strike"),
    "sit_in": _("sit-in"),
    # ceasefire phases
    "entered": _("entered"),
    "completed": _("completed"),
    "announced": _("announced"),
    # casualties
    "civilians": _("civilians"),
    "palestinians": _("Palestinians"),
    "children": _("children"),
    "combatants": _("combatants"),
    "since_truce": _("since the truce began"),
    "day": _("in one day"),
    # stances
    "shocked": _("shocked"),
    "condemn": _("condemns"),
    "concern": _("concerned"),
    "welcome": _("welcomes"),
    "support": _("supports"),
    "reject": _("rejects"),
    "call": _("calls for"),
    "announce": _("announces"),
    # refusals
    "declined_comment": _("declined to comment"),
    "no_response": _("did not respond"),
    "refused_confirm": _("would not confirm"),
    "denied": _("denied"),
    # corridor status
    "open": _("open"),
    "closed": _("closed"),
    "restricted": _("restricted"),
    "reopened": _("reopened"),
}

MEASURE_LABELS = {
    "killed": _("killed"),
    "injured": _("injured"),
    "trucks": _("trucks"),
    "troops": _("troops"),
    "trainees": _("trainees"),
    "amount_usd": _("amount (US$)"),
}
