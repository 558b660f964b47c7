"""Imports of the two aid line lists: UNRWA's trucks received and COGAT's consignments.

The readers of `marsad.datasets.aid` parse each row (dates like `25 Feb 2024` and `Sept`, tons
written `-`) and resolve crossing names through an alias table built from the crossings Marsad
records (their names and aliases, their place actors' aliases, and `marsad.datasets.crossings`).
A name that is not in it rejects its row, naming the line and the value, with the closest alias
when one is near: an import never creates a crossing.

Rows are written in batches, each batch in its own transaction with one audit entry. Keys come
from the readers (`unrwa:<ID>`, `cogat:<hash>:<n>`), so running an import again adds nothing,
and an import killed half-way leaves whole batches only and completes when it is run again.

Each row points to its list's graded source (UNRWA, COGAT; recorded with the grading below when
missing) and keeps its line in the file; running an import again gives rows imported before
sources were kept their source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from marsad.access import selectors
from marsad.access.models import Consignment, Crossing
from marsad.access.services import ensure_crossings
from marsad.access.vocabulary import STATUS_ALIASES, Unit, category_of, unit_of
from marsad.core import bulk_records
from marsad.core.models import Source
from marsad.core.search import backlog
from marsad.core.services import gate
from marsad.core.services.actors import import_source
from marsad.core.services.base import clean_marking, require_writer
from marsad.datasets.aid import CogatConsignment, UnrwaTruck, iter_cogat, iter_unrwa
from marsad.datasets.crossings import ALIASES, CrossingNames, normalize_name
from marsad.datasets.report import ImportReport, batches, file_digest
from marsad.datasets.rows import Rejection

# The sources of the two lists, recorded with this grading when an import finds none.
UNRWA_SOURCE = {
    "key": "UNRWA",
    "name_ar": "وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين (الأونروا)",
    "name_en": "UNRWA",
    "kind": "official",
    "reliability": "B",
    "actor": "UNRWA",
    "grading_note_ar": "موثوقة عادةً: تعدّ الشاحنات التي تتسلّمها وتتولّاها بنفسها.",
    "grading_note_en": "Usually reliable: counts the trucks it receives and handles itself.",
}
COGAT_SOURCE = {
    "key": "COGAT",
    "name_ar": "منسق أعمال الحكومة الإسرائيلية في المناطق",
    "name_en": "COGAT",
    "kind": "official",
    "reliability": "C",
    "actor": "COGAT",
    "grading_note_ar": "موثوق إلى حدٍّ ما: طرف في النزاع يبلّغ عن تسهيله هو للمساعدات.",
    "grading_note_en": "Fairly reliable: a party to the conflict, reporting its own "
    "facilitation of aid.",
}


def crossing_names(crossings: Iterable[Crossing]) -> CrossingNames:
    """The alias table of the recorded crossings: the shared table's names for each, then the
    crossing's own names and aliases and its place actor's. An alias that would name two
    crossings is left out (the first one keeps it)."""
    table: dict[str, list[str]] = {}
    taken: dict[str, str] = {}
    for crossing in crossings:
        names = [*ALIASES.get(crossing.key, ()), crossing.name_en, crossing.name_ar]
        names += [*crossing.aliases_en, *crossing.aliases_ar]
        if crossing.place_id:
            place = crossing.place
            names += [place.name_en, place.name_ar, *place.aliases_en, *place.aliases_ar]
        for name in names:
            normal = normalize_name(name) if name else ""
            if normal and taken.setdefault(normal, crossing.key) == crossing.key:
                table.setdefault(crossing.key, []).append(name)
    return CrossingNames(table)


def _prepare(
    by: Any, marking: str, releasable_to: Iterable[str], spec: dict[str, Any]
) -> tuple[str, str, Any, Source]:
    require_writer(by)
    marking, nations = clean_marking(marking, releasable_to)
    ensure_crossings(by=by)
    source = import_source(by=by, spec=spec, marking=marking, nations=nations)
    recorded = list(selectors.crossings(by))
    return marking, nations, recorded, source


def import_unrwa(
    *,
    by: Any,
    path: Path,
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import UNRWA's list of trucks received (one truck per row). Public unless told
    otherwise: UNRWA publishes these counts; the file itself must not ship with Marsad."""
    marking, nations, recorded, source = _prepare(by, marking, releasable_to, UNRWA_SOURCE)
    by_key = {c.key: c for c in recorded}
    report = ImportReport(file=path.name)
    detail = {"file": path.name, "sha256": file_digest(path), "list": "unrwa"}
    stream = iter_unrwa(path, crossings=crossing_names(recorded))
    for batch in batches(_unrwa_statuses(stream), batch_size, report):
        _write(
            batch,
            lambda fresh: _from_trucks(fresh, by_key, marking, nations, source),
            source=source,
            by=by,
            report=report,
            detail=detail,
        )
        if progress:
            progress(report.rows)
    return report


def _unrwa_statuses(items: Iterable[UnrwaTruck | Rejection]) -> Iterator[UnrwaTruck | Rejection]:
    """Reject a truck whose status the list writes in words Marsad does not know."""
    for item in items:
        if isinstance(item, UnrwaTruck) and item.status.casefold() not in STATUS_ALIASES:
            known = ", ".join(sorted(STATUS_ALIASES))
            yield Rejection(item.line, "Status", item.status, f"is not a known status: {known}")
            continue
        yield item


def _from_trucks(
    trucks: list[UnrwaTruck],
    by_key: dict[str, Crossing],
    marking: str,
    nations: str,
    source: Source,
) -> dict[str, list[Any]]:
    """The consignments of UNRWA's trucks, a column at a time (`bulk_records.new_records`)."""
    n = len(trucks)
    units = [unit_of(t.units) for t in trucks]
    return {
        "key": [t.key for t in trucks],
        "day": [t.received for t in trucks],
        "crossing": [by_key[t.crossing_id] for t in trucks],
        "category": [category_of(t.cargo_category) for t in trucks],
        "category_raw": [t.cargo_category[:100] for t in trucks],
        "description": [t.cargo_description[:300] for t in trucks],
        "donor": [t.donor[:200] for t in trucks],
        "donation_type": [t.donation_type[:100] for t in trucks],
        "trucks": [1] * n,
        "quantity": [t.quantity for t in trucks],
        "unit": units,
        "unit_raw": [t.units[:40] for t in trucks],
        "tons": [
            t.quantity if unit == Unit.TONS else None for t, unit in zip(trucks, units, strict=True)
        ],
        "status": [str(STATUS_ALIASES[t.status.casefold()]) for t in trucks],
        "destination": [t.destination[:200] for t in trucks],
        "reported_by": [t.data_source[:100] or "UNRWA" for t in trucks],
        "imported_from": ["unrwa"] * n,
        "line": [t.line for t in trucks],
        "source": [source] * n,
        "marking": [marking] * n,
        "releasable_to": [nations] * n,
    }


def import_cogat(
    *,
    by: Any,
    path: Path,
    marking: str = "public",
    releasable_to: Iterable[str] = (),
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import COGAT's list of aid consignments (tons by route, donor and classification; the
    number of trucks is not given). Public unless told otherwise."""
    marking, nations, recorded, source = _prepare(by, marking, releasable_to, COGAT_SOURCE)
    by_key = {c.key: c for c in recorded}
    report = ImportReport(file=path.name)
    detail = {"file": path.name, "sha256": file_digest(path), "list": "cogat"}
    stream = iter_cogat(path, crossings=crossing_names(recorded))
    for batch in batches(stream, batch_size, report):
        _write(
            batch,
            lambda fresh: _from_consignments(fresh, by_key, marking, nations, source),
            source=source,
            by=by,
            report=report,
            detail=detail,
        )
        if progress:
            progress(report.rows)
    return report


def _from_consignments(
    items: list[CogatConsignment],
    by_key: dict[str, Crossing],
    marking: str,
    nations: str,
    source: Source,
) -> dict[str, list[Any]]:
    """The consignments of COGAT's list, a column at a time (`bulk_records.new_records`)."""
    n = len(items)
    known = [item.tons is not None for item in items]
    return {
        "key": [item.key for item in items],
        "day": [item.day for item in items],
        "crossing": [by_key[item.crossing_id] for item in items],
        "category": [category_of(item.classification) for item in items],
        "category_raw": [item.classification[:100] for item in items],
        "donor": [item.donor[:200] for item in items],
        "quantity": [item.tons for item in items],
        "unit": [Unit.TONS if tons else "" for tons in known],
        "unit_raw": ["tons" if tons else "-" for tons in known],
        "tons": [item.tons for item in items],
        "status": ["entered"] * n,
        "reported_by": ["COGAT"] * n,
        "imported_from": ["cogat"] * n,
        "line": [item.line for item in items],
        "source": [source] * n,
        "marking": [marking] * n,
        "releasable_to": [nations] * n,
    }


@transaction.atomic
def _write(
    items: list[UnrwaTruck] | list[CogatConsignment],
    columns: Callable[[Any], dict[str, list[Any]]],
    *,
    source: Source,
    by: Any,
    report: ImportReport,
    detail: dict[str, Any],
) -> None:
    """One batch in one transaction: the rows not there yet, their history, one audit entry;
    and the source (and line) of rows there already that have none."""
    keys = [item.key for item in items]
    there = set(selectors.consignments(by).filter(key__in=keys).values_list("key", flat=True))
    fresh = [item for item in items if item.key not in there]
    report.already_there += len(items) - len(fresh)
    if there:
        lines = {item.key: item.line for item in items if item.key in there}
        _attribute(lines, source=source, by=by, report=report, detail=detail)
    if not fresh:
        return
    rows = bulk_records.new_records(Consignment, columns(fresh))
    # Their search entries are written by a job after the batch commits (core.search.backlog).
    with backlog.deferred():
        gate.store_batch(Consignment, rows, by=by, ids=lambda row: row.key, detail=detail)
    report.created += len(rows)
    report.by_crossing.update(r.crossing.key for r in rows)


def _attribute(
    lines: dict[str, int],
    *,
    source: Source,
    by: Any,
    report: ImportReport,
    detail: dict[str, Any],
) -> None:
    """Give the rows imported before sources were kept (`lines`: their keys and lines in this
    file) their source and line, with their history and one audit entry."""
    missing = list(
        selectors.consignments(by).filter(key__in=list(lines), source__isnull=True).order_by("id")
    )
    if not missing:
        return
    for consignment in missing:
        consignment.source = source
        consignment.line = consignment.line or lines[consignment.key]
    gate.update_batch(
        Consignment, missing, ["source", "line"], by=by, ids=lambda row: row.key, detail=detail
    )
    report.attributed += len(missing)
