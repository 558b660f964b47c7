"""Imports of whole files: the ACLED export and a daily casualty series.

Rows are written in batches, each batch in its own transaction with one audit entry: an import
killed half-way leaves whole batches only, and running it again skips what is there (by ACLED's
event_id_cnty, or by source and day) and completes the rest.

Each ACLED incident points to the graded ACLED source and its line in the file (recorded with
the grading below when missing); running the import again gives them to incidents imported
before they were kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from marsad.ceasefire import selectors
from marsad.ceasefire.models import DailyReport, Incident
from marsad.ceasefire.places import governorates, h3_cells
from marsad.core import bulk_records
from marsad.core import selectors as core
from marsad.core.models import Actor, Source
from marsad.core.releasability import within
from marsad.core.search import backlog
from marsad.core.services import gate, lookups
from marsad.core.services.actors import check_source_reach, import_source
from marsad.core.services.base import Writer, clean_marking, require_writer
from marsad.datasets.acled import AcledEvent, iter_acled
from marsad.datasets.casualties import CasualtyDay, iter_casualties
from marsad.datasets.report import ImportReport, batches, file_digest

# The editor of the daily series in data/ (public domain): its figures are the Gaza Ministry of
# Health's and the Government Media Office's, compiled and gap-filled by Tech for Palestine.
TECH_FOR_PALESTINE = "Tech for Palestine"

# The source of every ACLED row, recorded with this grading when an import finds none.
ACLED_SOURCE = {
    "key": "ACLED",
    "name_ar": "مشروع بيانات مواقع وأحداث النزاعات المسلحة (ACLED)",
    "name_en": "ACLED (Armed Conflict Location & Event Data)",
    "kind": "document",
    "reliability": "B",
    "url": "https://acleddata.com",
    "grading_note_ar": "موثوق عادةً: مجموعة بيانات مرمَّزة من تقارير منشورة، ويذكر كل حدث "
    "المصادر التي رُمِّز منها.",
    "grading_note_en": "Usually reliable: a coded dataset of published reports; each event "
    "names the outlets it was coded from.",
}

# ACLED actor names that are actors of Marsad (by their start; ACLED adds years in brackets).
ACLED_ACTORS = {
    "Military Forces of Israel": "IDF",
    "Police Forces of Israel": "ISR",
    "Hamas Movement": "HAMAS",
    "Al Qassam Brigades": "HAMAS",
    "Palestinian Islamic Jihad": "PIJ",
    "Al Quds Brigades": "PIJ",
}


class _Refs:
    """Actors an imported record may point to: only those at least as widely released."""

    def __init__(self, by: Writer, marking: str, nations: list[str]):
        self.marking = (marking, nations)
        self.by_key = {
            a.key: a for a in core.actors(by) if within(self.marking, (a.marking, a.nations))
        }
        # The governorate itself (keyed by its P-code), not a neighbourhood that shares it.
        self.by_pcode = {a.pcode: a for a in self.by_key.values() if a.pcode and a.key == a.pcode}
        self._named: dict[str, Actor | None] = {}

    def acled_actor(self, name: str) -> Actor | None:
        # An import names a few actors thousands of times: each name is matched once.
        if name not in self._named:
            key = next((k for start, k in ACLED_ACTORS.items() if name.startswith(start)), None)
            self._named[name] = self.by_key.get(key) if key else None
        return self._named[name]


def import_acled(
    *,
    by: Any,
    path: Path,
    marking: str = "internal",
    releasable_to: Iterable[str] = (),
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    list_accepted: bool = False,
) -> ImportReport:
    """Import an ACLED export (31 columns). Marked `internal` unless told otherwise: ACLED's
    terms restrict redistribution. With `list_accepted`, the report lists every accepted row's
    event_id_cnty."""
    require_writer(by)
    marking, nations = clean_marking(marking, releasable_to)
    source = import_source(by=by, spec=ACLED_SOURCE, marking=marking, nations=nations)
    refs = _Refs(by, marking, [n for n in nations.split("|") if n])
    report = ImportReport(file=path.name, accepted=[] if list_accepted else None)
    detail = {"file": path.name, "sha256": file_digest(path), "source": source.key}
    for batch in batches(iter_acled(path), batch_size, report):
        _write_acled(
            batch,
            by=by,
            marking=marking,
            nations=nations,
            source=source,
            refs=refs,
            report=report,
            detail=detail,
        )
        if progress:
            progress(report.rows)
    if report.created:
        _refresh_statistics()
    return report


def _refresh_statistics() -> None:
    """After a bulk load, PostgreSQL plans with the statistics it had before until autovacuum
    catches up (a minute or more). With those of a nearly empty table it joins the actors by
    nested loops, and the first page of the incident list takes most of a second at 100,000
    incidents instead of a millisecond. SQLite has no statistics unless ANALYZE runs, and the
    model's covering indexes are designed for that (docs/benchmarks.md, "Incidents at scale")."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Incident._meta.db_table)}")


@transaction.atomic
def _write_acled(
    batch: list[AcledEvent],
    *,
    by: Any,
    marking: str,
    nations: str,
    source: Source,
    refs: _Refs,
    report: ImportReport,
    detail: dict[str, Any],
) -> None:
    keys = [event.event_id_cnty for event in batch]
    there = set(
        selectors.incidents(by).filter(event_id__in=keys).values_list("event_id", flat=True)
    )
    fresh = [event for event in batch if event.event_id_cnty not in there]
    report.note(batch, there, key=lambda event: event.event_id_cnty)
    if there:
        _attribute(batch, there, by=by, source=source, report=report, detail=detail)
    if not fresh:
        return
    codes = governorates([(e.latitude, e.longitude) for e in fresh])
    cells = [h3_cells(e.latitude, e.longitude) for e in fresh]
    n = len(fresh)
    # A column at a time: thousands of records built by keyword cost more than their insert.
    incidents = bulk_records.new_records(
        Incident,
        {
            "event_id": [e.event_id_cnty for e in fresh],
            "event_date": [e.event_date for e in fresh],
            "time_precision": [e.time_precision for e in fresh],
            "event_type": [e.event_type for e in fresh],
            "sub_event_type": [e.sub_event_type for e in fresh],
            "actor1": [e.actor1 for e in fresh],
            "actor1_ref": [refs.acled_actor(e.actor1) for e in fresh],
            "inter1": [e.inter1 for e in fresh],
            "actor2": [e.actor2 for e in fresh],
            "actor2_ref": [refs.acled_actor(e.actor2) for e in fresh],
            "inter2": [e.inter2 for e in fresh],
            "place": [refs.by_pcode.get(pcode) for pcode in codes],
            "admin1": [e.admin1 for e in fresh],
            "admin2": [e.admin2 for e in fresh],
            "location": [e.location for e in fresh],
            "pcode": codes,
            "latitude": [e.latitude for e in fresh],
            "longitude": [e.longitude for e in fresh],
            "geo_precision": [e.geo_precision for e in fresh],
            "h3_6": [cell[0] for cell in cells],
            "h3_8": [cell[1] for cell in cells],
            "description_en": [e.notes for e in fresh],
            "reported_by": [e.source for e in fresh],
            "fatalities": [e.fatalities for e in fresh],
            "imported_from": ["acled"] * n,
            "source": [source] * n,
            "source_row": [e.line for e in fresh],
            "marking": [marking] * n,
            "releasable_to": [nations] * n,
        },
    )
    # Their search entries are written by a job after the batch commits (core.search.backlog).
    with backlog.deferred():
        gate.store_batch(
            Incident, incidents, by=by, ids=lambda incident: incident.event_id, detail=detail
        )
    report.created += len(incidents)


def _attribute(
    batch: list[AcledEvent],
    there: set[str],
    *,
    by: Any,
    source: Source,
    report: ImportReport,
    detail: dict[str, Any],
) -> None:
    """Give the incidents of this batch imported before sources were kept their source and
    line, with their history and one audit entry."""
    lines = {event.event_id_cnty: event.line for event in batch}
    missing = list(
        selectors.incidents(by)
        .filter(event_id__in=there, imported_from="acled", source__isnull=True)
        .order_by("id")
    )
    if not missing:
        return
    for incident in missing:
        incident.source = source
        incident.source_row = lines[incident.event_id]
    gate.update_batch(
        Incident,
        missing,
        ["source", "source_row"],
        by=by,
        ids=lambda incident: incident.event_id,
        detail=detail,
    )
    report.attributed += len(missing)


def import_casualties(
    *,
    by: Any,
    path: Path,
    source: str = "GAZA-MOH",
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    batch_size: int = 500,
    via: str = TECH_FOR_PALESTINE,
    list_accepted: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a daily casualty series (Tech for Palestine's casualties_daily.json shape) as the
    reports of `source`, one per day, crediting `via`, the editor who compiled them."""
    require_writer(by)
    marking, nations = clean_marking(marking, releasable_to)
    owner = lookups.source(by, source)
    check_source_reach(owner, marking=marking, nations=nations)
    report = ImportReport(file=path.name, accepted=[] if list_accepted else None)
    via = via.strip()
    detail = {"file": path.name, "sha256": file_digest(path), "source": owner.key, "via": via}
    for batch in batches(iter_casualties(path), batch_size, report):
        _write_days(
            batch,
            by=by,
            owner=owner,
            via=via,
            marking=marking,
            nations=nations,
            report=report,
            detail=detail,
        )
        if progress:
            progress(report.rows)
    return report


@transaction.atomic
def _write_days(
    batch: list[CasualtyDay],
    *,
    by: Any,
    owner: Source,
    via: str,
    marking: str,
    nations: str,
    report: ImportReport,
    detail: dict[str, Any],
) -> None:
    days = [d.report_date for d in batch]
    there = set(selectors.daily_report_days(by, owner, days))
    fresh = [d for d in batch if d.report_date not in there]
    report.note(batch, there, key=lambda day: day.report_date)
    if not fresh:
        return
    rows = [
        DailyReport(
            source=owner,
            report_date=d.report_date,
            report_source=d.report_source,
            via=via,
            killed=d.killed,
            injured=d.injured,
            ext_killed=d.ext_killed,
            ext_injured=d.ext_injured,
            ext_killed_cum=d.ext_killed_cum,
            ext_injured_cum=d.ext_injured_cum,
            killed_truce_new=d.killed_truce_new,
            killed_recovered=d.killed_recovered,
            killed_committee=d.killed_committee,
            killed_succumbed=d.killed_succumbed,
            children_cum=d.ext_killed_children_cum,
            women_cum=d.ext_killed_women_cum,
            marking=marking,
            releasable_to=nations,
        )
        for d in fresh
    ]
    gate.store_batch(
        DailyReport, rows, by=by, ids=lambda row: row.report_date.isoformat(), detail=detail
    )
    report.created += len(rows)
