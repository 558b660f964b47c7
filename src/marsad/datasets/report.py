"""What an import did with each row of its file: the one report every import gives (the command
line prints it, the imports page shows it and offers it as CSV), and the batching that fills it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from marsad.datasets.rows import Rejection
from marsad.spreadsheet import Writer

T = TypeVar("T")

REPORT_COLUMNS = ["line", "status", "id", "field", "value", "message"]


@dataclass(frozen=True, slots=True)
class Accepted:
    """One accepted row: where it starts, its id in Marsad, and whether it was created or found
    already there."""

    line: int
    key: str
    status: str  # "created" or "already there"


@dataclass
class ImportReport:
    """What an import did with each row of the file. `rejected` holds every bad field (a row
    with three bad fields gives three rejections and counts as one rejected row). `accepted`
    lists the accepted rows only when asked for (`None` otherwise): a million ids are a lot to
    keep for a report nobody reads. `by_crossing` counts created aid records per crossing."""

    file: str
    rows: int = 0
    created: int = 0
    already_there: int = 0
    attributed: int = 0  # rows already there that were given their source
    rejected: list[Rejection] = field(default_factory=list)
    accepted: list[Accepted] | None = None
    by_crossing: Counter[str] = field(default_factory=Counter)

    @property
    def rejected_rows(self) -> int:
        """Rows refused (a row with two bad fields is one row)."""
        return len({r.line for r in self.rejected})

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "file": self.file,
            "rows": self.rows,
            "created": self.created,
            "already_there": self.already_there,
            "attributed": self.attributed,
            "rejected_rows": self.rejected_rows,
            "rejections": len(self.rejected),
        }
        if self.by_crossing:
            found["by_crossing"] = dict(sorted(self.by_crossing.items()))
        return found

    def note(self, items: Iterable[Any], there: set[Any], key: Callable[[Any], Any]) -> None:
        """Count a written batch, and list its rows when asked for."""
        items = list(items)
        self.already_there += sum(1 for item in items if key(item) in there)
        if self.accepted is not None:
            self.accepted += [
                Accepted(item.line, item.key, "already there" if key(item) in there else "created")
                for item in items
            ]

    def write_csv(self, handle: IO[str]) -> None:
        """One line per row, in file order: accepted rows with their id (when listed), rejected
        rows once per bad field with the value and why."""
        lines: list[tuple[int, str, str, str, str, str]] = [
            (a.line, a.status, a.key, "", "", "") for a in self.accepted or []
        ]
        lines += [(r.line, "rejected", "", r.field, r.value, r.message) for r in self.rejected]
        lines.sort(key=lambda line: line[0])
        writer = Writer(handle)
        writer.writerow(REPORT_COLUMNS)
        writer.writerows(lines)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (files of imports run to gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def count_lines(path: Path) -> int:
    """Lines of a text file, counted in blocks: an import's progress is rows of this total."""
    with path.open("rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


def batches(items: Iterable[T | Rejection], size: int, report: ImportReport) -> Iterator[list[T]]:
    """Accepted rows in batches of `size`; rejections go to the report as they pass."""
    batch: list[T] = []
    last_rejected = -1
    for item in items:
        if isinstance(item, Rejection):
            report.rejected.append(item)
            # A row's bad fields come one after another: the row counts once.
            if item.line != last_rejected:
                report.rows += 1
                last_rejected = item.line
            continue
        report.rows += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
