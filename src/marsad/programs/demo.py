"""The programs' part of the demo scenario (demo.toml), loaded through the services. Loading
twice creates nothing the second time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.coalition.models import Pledge
from marsad.core import selectors as core
from marsad.core.demo.loader import (
    DEMO_USER,
    DemoDataError,
    DemoReport,
    find_claims,
    read_area_data,
)
from marsad.core.models import Source
from marsad.core.services.actors import create_source
from marsad.programs.models import Cohort, Course, ReadinessIndicator
from marsad.programs.services import create_course, record_cohort, record_indicator

DATA = Path(__file__).resolve().parent / "demo.toml"


def _marking(spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "marking": spec.get("marking", "public"),
        "releasable_to": spec.get("releasable_to", []),
    }


def _pledge(spec: dict[str, Any]) -> Pledge:
    found = (
        core.records(DEMO_USER, Pledge)
        .filter(nation__key=spec["nation"], kind=spec["kind"], quantity=spec.get("quantity"))
        .first()
    )
    if found is None:
        raise DemoDataError(f"programs demo: no coalition pledge {spec}")
    return found


def _load_sources(data: dict[str, Any], report: DemoReport) -> None:
    for spec in data.get("source", []):
        exists = core.records(DEMO_USER, Source).filter(key=spec["key"]).exists()
        report.count("sources", created=not exists)
        if not exists:
            create_source(
                by=DEMO_USER,
                key=spec["key"],
                name_ar=spec["name_ar"],
                name_en=spec["name_en"],
                kind=spec["kind"],
                reliability=spec.get("reliability", "F"),
                **_marking(spec),
            )


def _load_courses(data: dict[str, Any], report: DemoReport) -> None:
    for spec in data.get("course", []):
        course = core.records(DEMO_USER, Course).filter(name_en=spec["name_en"]).first()
        report.count("courses", created=course is None)
        if course is None:
            course = create_course(
                by=DEMO_USER,
                name_ar=spec["name_ar"],
                name_en=spec["name_en"],
                location=spec.get("location"),
                location_ar=spec.get("location_ar", ""),
                location_en=spec.get("location_en", ""),
                starts=spec.get("starts"),
                ends=spec.get("ends"),
                trainer_nations=spec.get("trainer_nations", []),
                pledge=_pledge(spec["pledge"]) if "pledge" in spec else None,
                target_trainees=spec.get("target_trainees"),
                note_ar=spec.get("note_ar", ""),
                note_en=spec.get("note_en", ""),
                claims=find_claims(spec.get("claims", [])),
                **_marking(spec),
            )
        for cohort in spec.get("cohort", []):
            exists = (
                core.records(DEMO_USER, Cohort)
                .filter(course=course, name_en=cohort["name_en"])
                .exists()
            )
            report.count("cohorts", created=not exists)
            if exists:
                continue
            record_cohort(
                by=DEMO_USER,
                course=course,
                **{
                    k: v
                    for k, v in cohort.items()
                    if k not in ("claims", "marking", "releasable_to")
                },
                claims=find_claims(cohort.get("claims", [])),
                **_marking(cohort),
            )


def _load_readiness(data: dict[str, Any], report: DemoReport) -> None:
    spec = data.get("readiness")
    if not spec:
        return
    dates = spec["dates"]
    for pcode, kinds in spec["values"].items():
        for kind, values in kinds.items():
            if len(values) != len(dates):
                raise DemoDataError(f"programs demo: {pcode} {kind} needs {len(dates)} values")
            for day, value in zip(dates, values, strict=True):
                exists = (
                    core.records(DEMO_USER, ReadinessIndicator)
                    .filter(pcode=pcode, kind=kind, measured_on=day, source__key=spec["source"])
                    .exists()
                )
                report.count("readiness indicators", created=not exists)
                if not exists:
                    record_indicator(
                        by=DEMO_USER,
                        pcode=pcode,
                        kind=kind,
                        value=value,
                        measured_on=day,
                        source=spec["source"],
                        note_ar=spec.get("note_ar", ""),
                        note_en=spec.get("note_en", ""),
                        **_marking(spec),
                    )


def load(report: DemoReport) -> None:
    data = read_area_data(DATA)
    _load_sources(data, report)
    _load_courses(data, report)
    _load_readiness(data, report)
