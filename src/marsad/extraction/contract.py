"""The vocabularies of the extraction contract (marsad.extraction/1) and a checker for claims.

The Django models validate stored claims with `check_claim`, and `marsad extract` produces
objects of the same shape, so the contract is enforced in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.extraction.numerals import parse_int, to_latin_digits

CONTRACT = "marsad.extraction/1"

ENTITY_KINDS = (
    "state",
    "organization",
    "body",
    "force",
    "armed_group",
    "person",
    "office",
    "media",
    "place",
    "agreement",
    "plan",
    "group",
)
CLAIM_TYPES = (
    "invitation",
    "membership_decision",
    "contribution",
    "legal_reservation",
    "caveat",
    "charter_action",
    "mandate_task",
    "mandate_limit",
    "plan_announcement",
    "dispute",
    "attack",
    "violation_accusation",
    "ceasefire_phase",
    "casualties",
    "statement",
    "comment_refusal",
    "corridor_status",
    "aid_delivery",
    "protest",
    "other",
)
STATUSES = ("reported", "confirmed", "unconfirmed", "denied")
MODALITIES = ("asserted", "negated", "future", "hypothetical", "proposed")
SOURCE_KINDS = ("media", "anonymous", "official", "document", "unknown")
PRECISIONS = ("day", "month", "year")
MEASURES = ("killed", "injured", "trucks", "troops", "trainees", "amount_usd")
LANGUAGES = ("ar", "en", "other")

MANDATE_TASKS = (
    "ceasefire",
    "security",
    "humanitarian_corridors",
    "reconstruction",
    "police_training",
    "border_security",
    "disarmament",
    "other",
)

# Attribute names per claim type, with their closed vocabularies; INT marks an integer value.
INT = "int"
ATTRIBUTES: dict[str, dict[str, tuple[str, ...] | str]] = {
    "invitation": {"role": ("founding_member", "member", "observer", "unspecified")},
    "membership_decision": {
        "decision": ("under_consideration", "accepted", "declined", "withdrawn"),
    },
    "contribution": {
        "kind": (
            "troops",
            "police_training",
            "funding",
            "logistics",
            "engineering",
            "medical",
            "political",
            "other",
        ),
    },
    "legal_reservation": {
        "basis": ("constitution", "international_mandate", "parliament", "other")
    },
    "caveat": {
        "caveat": ("no_ground_troops", "no_combat", "geographic_limit", "time_limit", "other"),
    },
    "charter_action": {
        "action": ("signed", "not_signed", "boycotted", "abstained", "open_to_amendment"),
    },
    "mandate_task": {"task": MANDATE_TASKS},
    "mandate_limit": {"limit": ("no_direct_combat", "other")},
    "plan_announcement": {"points": INT},
    "dispute": {"topic": ("sequencing", "disarmament", "withdrawal", "governance", "other")},
    "attack": {
        "means": (
            "air",
            "artillery",
            "drone",
            "gunfire",
            "explosive",
            "abduction",
            "demolition",
            "other",
        ),
    },
    "violation_accusation": {},
    "ceasefire_phase": {"phase": INT, "event": ("entered", "completed", "announced")},
    "casualties": {
        "population": ("civilians", "palestinians", "children", "combatants", "other"),
        "period": ("since_truce", "day", "other"),
        # "among them 41 children": a part of the toll given beside it, never a toll itself.
        "within": ("toll",),
    },
    "statement": {
        "stance": (
            "shocked",
            "condemn",
            "concern",
            "welcome",
            "support",
            "reject",
            "call",
            "announce",
        ),
    },
    "comment_refusal": {"kind": ("declined_comment", "no_response", "refused_confirm", "denied")},
    "corridor_status": {"status": ("open", "closed", "restricted", "reopened")},
    "aid_delivery": {},
    "protest": {"form": ("demonstration", "riot", "strike", "sit_in", "other")},
    "other": {},
}


@dataclass(frozen=True)
class Problem:
    """One reason a claim breaks the contract, naming the field and the offending value."""

    field: str
    value: Any
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message} (got {_shown(self.value)})"


def _shown(value: Any) -> str:
    """A value as a reader would write it: dates in ISO form, text quoted."""
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def _choice(problems: list[Problem], field: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        problems.append(Problem(field, value, "must be one of " + ", ".join(allowed)))


def check_attributes(claim_type: str, attributes: Mapping[str, Any]) -> list[Problem]:
    """Check the attribute values a claim type defines; other attribute names pass through."""
    problems: list[Problem] = []
    for name, allowed in ATTRIBUTES.get(claim_type, {}).items():
        if name not in attributes or attributes[name] is None:
            continue
        value = attributes[name]
        if allowed == INT:
            try:
                parse_int(value)
            except ValueError as exc:
                problems.append(Problem(f"attributes.{name}", value, str(exc)))
        else:
            assert isinstance(allowed, tuple)
            _choice(problems, f"attributes.{name}", value, allowed)
    return problems


def normalize_figures(
    figures: Mapping[str, Any],
) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """Return figures with integer low/best/high (any digit script accepted) and the problems."""
    problems: list[Problem] = []
    clean: dict[str, dict[str, Any]] = {}
    for measure, figure in figures.items():
        field = f"figures.{measure}"
        if measure not in MEASURES:
            problems.append(Problem(field, measure, "unknown measure; use " + ", ".join(MEASURES)))
            continue
        if not isinstance(figure, Mapping):
            problems.append(Problem(field, figure, "must be an object with low, best, high, text"))
            continue
        out: dict[str, Any] = {"text": figure.get("text") or None}
        for bound in ("low", "best", "high"):
            raw = figure.get(bound)
            if raw is None or raw == "":
                out[bound] = None
                continue
            try:
                number = parse_int(raw)
            except ValueError as exc:
                problems.append(Problem(f"{field}.{bound}", raw, str(exc)))
                continue
            if number < 0:
                problems.append(Problem(f"{field}.{bound}", raw, "must not be negative"))
            out[bound] = number
        low, best, high = out.get("low"), out.get("best"), out.get("high")
        ordered = [v for v in (low, best, high) if isinstance(v, int)]
        if ordered != sorted(ordered):
            problems.append(Problem(field, figure, "needs low <= best <= high"))
        clean[measure] = out
    return clean, problems


# A claim quotes a few passages; the bound keeps one claim from carrying megabytes of spans.
MAX_SPANS = 200


def check_evidence(evidence: Any, text_length: int | None) -> list[Problem]:
    """Evidence is a non-empty list of at most MAX_SPANS [start, end) spans inside the
    document's text."""
    if not isinstance(evidence, list) or not evidence:
        return [Problem("evidence", evidence, "needs at least one span {start, end}")]
    if len(evidence) > MAX_SPANS:
        return [Problem("evidence", len(evidence), f"has more than {MAX_SPANS} spans")]
    problems: list[Problem] = []
    for index, span in enumerate(evidence):
        field = f"evidence[{index}]"
        if not isinstance(span, Mapping):
            problems.append(Problem(field, span, "must be an object with start and end"))
            continue
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            problems.append(Problem(field, span, "start and end must be integers"))
        elif start < 0 or end <= start:
            problems.append(Problem(field, span, "needs 0 <= start < end"))
        elif text_length is not None and end > text_length:
            problems.append(
                Problem(field, span, f"lies outside the text ({text_length} characters)")
            )
    return problems


def check_when(when: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    raw_date, precision = when.get("date"), when.get("precision")
    if precision not in (None, "", *PRECISIONS):
        _choice(problems, "when.precision", precision, PRECISIONS)
    if raw_date:
        try:
            date.fromisoformat(to_latin_digits(str(raw_date)).strip())
        except ValueError:
            problems.append(Problem("when.date", raw_date, "must be an ISO date YYYY-MM-DD"))
        if not precision:
            problems.append(Problem("when.precision", precision, "is required with a date"))
    return problems


def check_claim(claim: Mapping[str, Any], text_length: int | None = None) -> list[Problem]:
    """Check a claim's enumerations, attributes, figures, date and evidence against the contract."""
    problems: list[Problem] = []
    claim_type = claim.get("type")
    _choice(problems, "type", claim_type, CLAIM_TYPES)
    _choice(problems, "status", claim.get("status"), STATUSES)
    _choice(problems, "modality", claim.get("modality"), MODALITIES)
    attribution = claim.get("attribution") or {}
    _choice(problems, "attribution.source_kind", attribution.get("source_kind"), SOURCE_KINDS)
    if claim_type in ATTRIBUTES:
        problems += check_attributes(str(claim_type), claim.get("attributes") or {})
    problems += normalize_figures(claim.get("figures") or {})[1]
    problems += check_when(claim.get("when") or {})
    problems += check_evidence(claim.get("evidence"), text_length)
    return problems
