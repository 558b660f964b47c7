"""API of the programs: police-training courses and cohorts, readiness indicators and the
readiness table with its scores."""

from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Status
from ninja.pagination import paginate

from marsad.core.api import Page
from marsad.core.moments import Moments
from marsad.core.schemas import Error
from marsad.programs import scoring, selectors, services
from marsad.programs.schemas import (
    CohortChange,
    CohortIn,
    CohortOut,
    CourseIn,
    CourseOut,
    IndicatorIn,
    IndicatorOut,
    ReadinessOut,
)

router = Router(tags=["programs"])
ERRORS = {403: Error, 404: Error, 422: Error}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _course_out(user: Any, course: Any) -> Any:
    """The course with the totals of the cohorts `user` may see."""
    progress = selectors.course_progress(user, course)
    for name in ("enrolled", "vetted", "graduated", "dropped_out", "progress", "dropout_rate"):
        setattr(course, name, getattr(progress, name))
    course.visible_cohorts = progress.cohorts
    return course


@router.get("/courses", response=list[CourseOut], summary="Police-training courses")
def list_courses(request: HttpRequest, program: str = "") -> Any:
    """Each course with its visible cohorts, their totals and the progress against the target."""
    found = selectors.courses(_user(request))
    if program:
        found = found.filter(program=program)
    return [_course_out(_user(request), c) for c in found]


@router.get("/courses/{pk}", response={200: CourseOut, 404: Error}, summary="One course")
def get_course(request: HttpRequest, pk: int) -> Any:
    return _course_out(_user(request), selectors.course(_user(request), pk))


@router.post("/courses", response={201: CourseOut, **ERRORS}, summary="Record a course")
def create_course(request: HttpRequest, payload: CourseIn) -> Any:
    course = services.create_course(by=_user(request), **payload.dict())
    return Status(201, _course_out(_user(request), course))


@router.get("/cohorts", response=list[CohortOut], summary="Cohorts")
@paginate(Page)
def list_cohorts(request: HttpRequest, course: int | None = None) -> Any:
    found = selectors.cohorts(_user(request))
    return found.filter(course_id=course) if course else found


@router.post(
    "/courses/{pk}/cohorts", response={201: CohortOut, **ERRORS}, summary="Record a cohort"
)
def create_cohort(request: HttpRequest, pk: int, payload: CohortIn) -> Any:
    course = selectors.course(_user(request), pk)
    return Status(201, services.record_cohort(by=_user(request), course=course, **payload.dict()))


@router.patch(
    "/cohorts/{pk}",
    response={200: CohortOut, **ERRORS},
    summary="Change a cohort's counts or dates",
)
def change_cohort(request: HttpRequest, pk: int, payload: CohortChange) -> Any:
    cohort = selectors.cohorts(_user(request)).get(pk=pk)
    changes = payload.dict(exclude_unset=True)
    claims = changes.pop("claims", [])
    return services.update_cohort(by=_user(request), cohort=cohort, claims=claims, **changes)


@router.get("/indicators", response=list[IndicatorOut], summary="Readiness indicators")
@paginate(Page)
def list_indicators(request: HttpRequest, pcode: str = "", kind: str = "") -> Any:
    found = selectors.indicators(_user(request))
    if pcode:
        found = found.filter(pcode=pcode.upper())
    return found.filter(kind=kind) if kind else found


@router.post(
    "/indicators",
    response={201: IndicatorOut, **ERRORS},
    summary="Record a readiness indicator's value",
)
def create_indicator(request: HttpRequest, payload: IndicatorIn) -> Any:
    return Status(201, services.record_indicator(by=_user(request), **payload.dict()))


@router.get("/readiness", response={200: ReadinessOut, 422: Error}, summary="Readiness table")
def readiness(request: HttpRequest, as_of: str | None = None, known_on: str | None = None) -> Any:
    """Each governorate's latest indicators on `as_of` (default: the latest value you may see),
    their trend, and the readiness score with its formula; with `known_on` (a date, or an ISO
    date-time), the indicators and incidents as Marsad held them then."""
    moments = Moments.parse({"as_of": as_of, "known_on": known_on})
    table = selectors.readiness_table(_user(request), moments.as_of, moments.known_on)
    words = {}
    for language in ("ar", "en"):
        with translation.override(language):
            words[language] = selectors.formula()
    return {
        "as_of": table.as_of,
        "known_on": table.known_on,
        "window_start": table.window_start,
        "penalty_per_incident": scoring.PENALTY_PER_INCIDENT,
        "formula": words,
        "governorates": [
            {
                "pcode": row.pcode,
                "name": row.name,
                "score": row.readiness.score,
                "average": row.readiness.average,
                "penalty": row.readiness.penalty,
                "incidents": row.readiness.incidents,
                "indicators_used": list(row.readiness.used),
                "indicators_missing": list(row.readiness.missing),
                "indicators": [
                    {
                        "kind": cell.kind,
                        "value": None if cell.value is None else float(cell.value),
                        "measured_on": cell.measured_on,
                        "source": cell.source.key if cell.source else None,
                        "computed": cell.computed,
                        "indicator": cell.record.pk if cell.record else None,
                        "previous": None if cell.previous is None else float(cell.previous),
                        "trend": cell.trend,
                    }
                    for cell in row.cells
                ],
            }
            for row in table.rows
        ],
    }
