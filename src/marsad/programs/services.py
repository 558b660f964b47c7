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
from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.evidence import claims_by_ids
from marsad.core.models import Source
from marsad.core.services.base import (
    check_reach,
    clean_marking,
    lock_writes,
    require_writer,
    save,
    validate,
)
from marsad.core.services.inputs import actor, choice, parse_date, parse_quantity
from marsad.extraction.numerals import to_latin_digits
from marsad.geo.governorates import governorate_geometries
from marsad.programs import scoring
from marsad.programs.models import Cohort, Course, ReadinessIndicator
from marsad.programs.vocabulary import IndicatorKind, Program

COUNTS = ("enrolled", "vetted", "graduated", "dropped_out")
# Decimal separators a reader may type: the Arabic one (U+066B) and the full stop.
_DECIMAL_SEPARATORS = str.maketrans({"\u066b": "."})
_PERCENT_SIGNS = "%\u066a"


def _marked(record: Any, marking: str | None, releasable_to: Iterable[str]) -> None:
    record.marking, record.releasable_to = clean_marking(marking, releasable_to)


def _store(record: Any, *, by: Any, claims: Iterable[Any] = (), **m2m: Iterable[Any]) -> None:
    """Validate, check what the record names, save and audit it with its relations."""
    validate(record)
    supporting = claims_by_ids(claims)
    for field, related in m2m.items():
        check_reach(record, field, related)
    save(record, by=by, m2m={"claims": supporting, **m2m})


def _pledge(value: Any) -> Pledge | None:
    """A coalition pledge given as itself or by number (its kind is checked by the model)."""
    if value in (None, ""):
        return None
    if isinstance(value, Pledge):
        return value
    try:
        number = parse_quantity(value, "pledge")
    except InvalidInput:
        raise InvalidInput.one("pledge", value, "must be a pledge number") from None
    found = Pledge.objects.select_related("nation").filter(pk=number).first()
    if found is None:
        raise InvalidInput.one("pledge", value, "no pledge has this number")
    return found


def _source(value: Any) -> Source:
    if isinstance(value, Source):
        return value
    found = Source.objects.filter(key=str(value or "").strip().upper()).first()
    if found is None:
        raise InvalidInput.one("source", value, "no source has this identifier")
    return found


def _pcode(value: Any) -> str:
    """A governorate's OCHA P-code (PS0255 ... PS0275), in any case."""
    code = str(value or "").strip().upper()
    known = sorted(governorate_geometries())
    if code not in known:
        raise InvalidInput.one(
            "pcode", value, "is not the P-code of a Gaza governorate (" + ", ".join(known) + ")"
        )
    return code


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
) -> Course:
    """Record a course: where and when, who trains, under which pledge, for how many trainees."""
    require_writer(by)
    nations = [
        actor(n, f"trainer_nations[{i}]", ["state"]) for i, n in enumerate(trainer_nations or [])
    ]
    backing = _pledge(pledge)
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
        location=actor(location, "location", ["place", "state"]) if location else None,
        location_ar=(location_ar or "").strip(),
        location_en=(location_en or "").strip(),
        starts=parse_date(starts, "starts"),
        ends=parse_date(ends, "ends"),
        pledge=backing,
        target_trainees=parse_quantity(target_trainees, "target_trainees"),
        note_ar=(note_ar or "").strip(),
        note_en=(note_en or "").strip(),
    )
    _marked(course, marking, releasable_to)
    _store(course, by=by, claims=claims, trainer_nations=nations)
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
    _marked(cohort, marking, releasable_to)
    _store(cohort, by=by, claims=claims)
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
    before = audit.snapshot(cohort)
    for name, value in {**counts, **dates}.items():
        setattr(cohort, name, value)
    for name in ("note_ar", "note_en"):
        if name in changes:
            setattr(cohort, name, (changes[name] or "").strip())
    validate(cohort)
    save(
        cohort, by=by, before=before, m2m={"claims": [*cohort.claims.all(), *claims_by_ids(claims)]}
    )
    return cohort


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
    code = _pcode(pcode)
    origin = _source(source)
    lock_writes()  # two writers must not both find no value and both insert one
    if ReadinessIndicator.objects.filter(
        pcode=code, kind=kind, measured_on=day, source=origin
    ).exists():
        raise InvalidInput.one(
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
    _marked(indicator, marking, releasable_to)
    _store(indicator, by=by, claims=claims)
    return indicator
