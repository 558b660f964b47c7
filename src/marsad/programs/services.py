"""Writes of the programs: courses, cohorts and their counts, readiness indicators. Each write
validates everything first, then saves and audits in one transaction: a refusal leaves nothing
behind."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from marsad.coalition.models import Pledge
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, lock_writes, require_writer
from marsad.core.services.inputs import choice, governorate, parse_date, parse_quantity
from marsad.extraction.numerals import to_latin_digits
from marsad.programs import scoring
from marsad.programs.models import Cohort, Course, ReadinessIndicator
from marsad.programs.vocabulary import IndicatorKind, Program

COUNTS = ("enrolled", "vetted", "graduated", "dropped_out")
# Decimal separators a reader may type: the Arabic one (U+066B) and the full stop.
_DECIMAL_SEPARATORS = str.maketrans({"\u066b": "."})
_PERCENT_SIGNS = "%\u066a"


def _pledge(user: Writer, value: Any) -> Pledge | None:
    """A coalition pledge given as itself or by number (its kind is checked by the model)."""
    if value in (None, ""):
        return None
    return lookups.by_number(user, Pledge, value, "pledge", "pledge")


def parse_measure(value: Any, field: str) -> Decimal:
    """A number in any digit script, with a full stop or the Arabic decimal separator and an
    optional percent sign; kept to one decimal (rounded half up)."""
    if value in (None, ""):
        raise InvalidInput.one(field, value, "is required")
    if isinstance(value, bool):
        raise InvalidInput.one(field, value, "must be a number, not true/false")
    text = to_latin_digits(str(value)).translate(_DECIMAL_SEPARATORS).strip()
    text = text.rstrip(_PERCENT_SIGNS).strip().replace("\u2212", "-")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InvalidInput.one(field, value, "must be a number written with digits") from None
    if not number.is_finite():
        raise InvalidInput.one(field, value, "must be a number written with digits")
    return number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@transaction.atomic
def create_course(
    *,
    by: Any,
    name_ar: str = "",
    name_en: str = "",
    program: str = Program.POLICE_TRAINING,
    location: Any = None,
    location_ar: str = "",
    location_en: str = "",
    starts: Any = None,
    ends: Any = None,
    trainer_nations: Iterable[Any] = (),
    pledge: Any = None,
    target_trainees: Any = None,
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Course:
    """Record a course: where and when, who trains, under which pledge, for how many trainees."""
    require_writer(by)
    nations = [
        lookups.actor(by, n, f"trainer_nations[{i}]", ["state"])
        for i, n in enumerate(trainer_nations or [])
    ]
    backing = _pledge(by, pledge)
    if backing is not None and backing.kind != "police_trainers":
        raise InvalidInput.one(
            "pledge",
            backing.pk,
            f"is a pledge of {backing.kind}; a course rests on a pledge of police trainers",
        )
    if backing is not None and backing.negative:
        raise InvalidInput.one(
            "pledge", backing.pk, "is a refusal to give trainers, not an offer of them"
        )
    if backing is not None and nations and backing.nation not in nations:
        raise InvalidInput.one(
            "pledge",
            backing.pk,
            f"is a pledge of {backing.nation.key}, which is not among the trainer nations",
        )
    course = Course(
        program=choice(program, "program", Program.values),
        name_ar=(name_ar or "").strip(),
        name_en=(name_en or "").strip(),
        location=lookups.actor(by, location, "location", ["place", "state"]) if location else None,
        location_ar=(location_ar or "").strip(),
        location_en=(location_en or "").strip(),
        starts=parse_date(starts, "starts"),
        ends=parse_date(ends, "ends"),
        pledge=backing,
        target_trainees=parse_quantity(target_trainees, "target_trainees"),
        note_ar=(note_ar or "").strip(),
        note_en=(note_en or "").strip(),
    )
    gate.store(
        course,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
        trainer_nations=nations,
    )
    return course


def _counts(values: dict[str, Any]) -> dict[str, int]:
    return {name: parse_quantity(values[name], name) or 0 for name in COUNTS if name in values}


@transaction.atomic
def record_cohort(
    *,
    by: Any,
    course: Course,
    name_ar: str = "",
    name_en: str = "",
    starts: Any = None,
    ends: Any = None,
    enrolled: Any = 0,
    vetted: Any = 0,
    graduated: Any = 0,
    dropped_out: Any = 0,
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Cohort:
    """Record a cohort of a course with its counts (whole numbers in any digits)."""
    require_writer(by)
    counts = _counts(
        {"enrolled": enrolled, "vetted": vetted, "graduated": graduated, "dropped_out": dropped_out}
    )
    cohort = Cohort(
        course=course,
        name_ar=(name_ar or "").strip(),
        name_en=(name_en or "").strip(),
        starts=parse_date(starts, "starts"),
        ends=parse_date(ends, "ends"),
        note_ar=(note_ar or "").strip(),
        note_en=(note_en or "").strip(),
        **counts,
    )
    gate.store(
        cohort,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return cohort


@transaction.atomic
def update_cohort(*, by: Any, cohort: Cohort, claims: Iterable[Any] = (), **changes: Any) -> Cohort:
    """Change a cohort's counts or dates (those given); the history keeps what they were."""
    require_writer(by)
    unknown = sorted(set(changes) - {*COUNTS, "starts", "ends", "note_ar", "note_en"})
    if unknown:
        raise InvalidInput.one(unknown[0], changes[unknown[0]], "cannot be changed here")
    counts = _counts(changes)
    dates = {k: parse_date(changes[k], k) for k in ("starts", "ends") if k in changes}
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    for name, value in {**counts, **dates}.items():
        setattr(cohort, name, value)
    for name in ("note_ar", "note_en"):
        if name in changes:
            setattr(cohort, name, (changes[name] or "").strip())
    return gate.store(cohort, by=by, claims=claims)


@transaction.atomic
def record_indicator(
    *,
    by: Any,
    pcode: str,
    kind: str,
    value: Any,
    measured_on: Any,
    source: Any,
    note_ar: str = "",
    note_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
    today: date | None = None,
) -> ReadinessIndicator:
    """Record one value of a readiness indicator for a governorate (P-code), with its date and
    source. Percentages lie between 0 and 100; incidents are whole numbers."""
    require_writer(by)
    kind = choice(kind, "kind", IndicatorKind.values)
    day = parse_date(measured_on, "measured_on")
    if day is None:
        raise InvalidInput.one("measured_on", measured_on, "the date of the value is required")
    if day > (today or date.today()):
        raise InvalidInput.one("measured_on", day.isoformat(), "is in the future")
    number = parse_measure(value, "value")
    if number < 0:
        raise InvalidInput.one("value", value, "must not be negative")
    if kind in scoring.PERCENT_KINDS and number > 100:
        raise InvalidInput.one("value", value, "a percentage lies between 0 and 100")
    if kind == scoring.SECURITY and number != number.to_integral_value():
        raise InvalidInput.one("value", value, "a number of incidents is a whole number")
    code = governorate(pcode)
    origin = lookups.source(by, source)
    lock_writes()  # two writers must not both find no value and both insert one
    gate.check_unique(
        by,
        ReadinessIndicator.objects.filter(pcode=code, kind=kind, measured_on=day, source=origin),
        "measured_on",
        day.isoformat(),
        f"{origin.key} already gave a value of {kind} for {code} on this date",
    )
    indicator = ReadinessIndicator(
        pcode=code,
        kind=kind,
        value=number,
        measured_on=day,
        source=origin,
        note_ar=(note_ar or "").strip(),
        note_en=(note_en or "").strip(),
    )
    gate.store(
        indicator,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return indicator
