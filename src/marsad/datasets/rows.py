"""Rows in, records or rejections out: the parts every reader shares.

A reader never stops at a bad row. Each bad field becomes a `Rejection` naming the line, the
field and the value; a row with any rejection yields no record, every other row yields one.
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Generic, TypeVar

from marsad.datasets.dates import parse_date

T = TypeVar("T")

_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")

#: A path to a file, or an open text stream (tests pass `io.StringIO`).
Source = str | os.PathLike[str] | IO[str]


@dataclass(frozen=True, slots=True)
class Rejection:
    """One bad field of one row: where it is, what it held and why it was refused."""

    line: int
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field} = {self.value!r}: {self.message}"


@dataclass
class ReadReport:
    """Counts of one read: rows seen, accepted, rejected, and rejections by field and message."""

    rows: int = 0
    accepted: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    _last_rejected_line: int = field(default=-1, repr=False)

    def add(self, item: object) -> None:
        """Count one item of a reader's stream."""
        if isinstance(item, Rejection):
            self.reasons[f"{item.field}: {item.message}"] += 1
            # A row with several bad fields yields several rejections in a row: count it once.
            if item.line != self._last_rejected_line:
                self._last_rejected_line = item.line
                self.rows += 1
                self.rejected += 1
        else:
            self.rows += 1
            self.accepted += 1

    def watch(self, items: Iterable[T]) -> Iterator[T]:
        """Pass a reader's stream through unchanged while counting it."""
        for item in items:
            self.add(item)
            yield item


@dataclass
class Loaded(Generic[T]):
    """A whole file read into memory: its records, its rejections and their counts."""

    records: list[T]
    rejections: list[Rejection]
    report: ReadReport


def load(items: Iterable[T | Rejection]) -> Loaded[T]:
    """Read a reader's whole stream, splitting records from rejections."""
    loaded: Loaded[T] = Loaded([], [], ReadReport())
    for item in loaded.report.watch(items):
        if isinstance(item, Rejection):
            loaded.rejections.append(item)
        else:
            loaded.records.append(item)
    return loaded


@contextmanager
def open_text(source: Source) -> Iterator[IO[str]]:
    """An open text stream for a path (closed afterwards) or the stream itself."""
    if isinstance(source, str | os.PathLike):
        # utf-8-sig: spreadsheet exports often start with a byte-order mark.
        with open(source, encoding="utf-8-sig", newline="") as stream:
            yield stream
    else:
        yield source


def csv_rows(
    stream: IO[str], *, required: Collection[str]
) -> Iterator[tuple[int, dict[str, str]] | Rejection]:
    """Rows of a CSV file as (line where the row starts, row by column name).

    A row with the wrong number of cells is a rejection; a header that lacks a required column
    makes the whole file unreadable (ValueError), since every row would be refused.
    """
    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None:
        raise ValueError("the file is empty: no header row")
    header = [name.strip() for name in header]
    missing = [name for name in required if name not in header]
    if missing:
        raise ValueError(f"the header lacks the column(s) {', '.join(missing)}")
    previous_end = reader.line_num
    for cells in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if not cells or cells == [""]:
            continue
        if len(cells) != len(header):
            yield Rejection(
                start, "(row)", ",".join(cells)[:80], f"has {len(cells)} cells, not {len(header)}"
            )
            continue
        yield start, dict(zip(header, cells, strict=True))


class RowCheck:
    """Parses the fields of one row, collecting every refusal instead of stopping at the first.

    Each parser returns a harmless placeholder when it refuses a value; the row's record is
    built only when `rejections` is empty, so placeholders never reach a caller.
    """

    def __init__(self, line: int) -> None:
        self.line = line
        self.rejections: list[Rejection] = []

    def reject(self, name: str, value: str, message: str) -> None:
        """Record one refused field."""
        self.rejections.append(Rejection(self.line, name, value, message))

    def text(self, name: str, raw: str, *, required: bool = False) -> str:
        """A text field, trimmed; an empty required field is refused."""
        value = raw.strip()
        if required and not value:
            self.reject(name, raw, "is required")
        return value

    def choice(self, name: str, raw: str, allowed: Collection[str]) -> str:
        """A field that must be one of a fixed vocabulary."""
        value = raw.strip()
        if value not in allowed:
            self.reject(name, raw, "is not in the vocabulary")
        return value

    def day(self, name: str, raw: str) -> date:
        """A date in any form `parse_date` reads."""
        try:
            return parse_date(raw)
        except ValueError:
            self.reject(name, raw, "is not a readable date")
            return date.min

    def integer(
        self, name: str, raw: str, *, minimum: int | None = None, maximum: int | None = None
    ) -> int:
        """A required whole number within optional bounds."""
        value = self.optional_integer(name, raw, minimum=minimum, maximum=maximum)
        if value is None:
            if not raw.strip():
                self.reject(name, raw, "is required")
            return 0
        return value

    def optional_integer(
        self, name: str, raw: str, *, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        """A whole number within optional bounds, or None when the cell is empty."""
        value = self._bounded(name, raw, _to_int, "is not a whole number", minimum, maximum)
        return None if value is None else int(value)

    def number(
        self, name: str, raw: str, *, minimum: float | None = None, maximum: float | None = None
    ) -> float:
        """A required number within optional bounds."""
        value = self.optional_number(name, raw, minimum=minimum, maximum=maximum)
        if value is None:
            if not raw.strip():
                self.reject(name, raw, "is required")
            return 0.0
        return value

    def optional_number(
        self,
        name: str,
        raw: str,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        blanks: Collection[str] = (),
    ) -> float | None:
        """A number within optional bounds, or None when the cell is empty or a blank mark."""
        if raw.strip() in blanks:
            return None
        return self._bounded(name, raw, _to_float, "is not a number", minimum, maximum)

    def _bounded(
        self,
        name: str,
        raw: str,
        convert: Callable[[str], float],
        unreadable: str,
        minimum: float | None,
        maximum: float | None,
    ) -> float | None:
        text = raw.strip()
        if not text:
            return None
        try:
            value = convert(text)
        except ValueError:
            self.reject(name, raw, unreadable)
            return None
        if minimum is not None and value < minimum:
            if minimum == 0:
                self.reject(name, raw, "is negative")
            else:
                self.reject(name, raw, f"is below {minimum:g}")
            return None
        if maximum is not None and value > maximum:
            self.reject(name, raw, f"is above {maximum:g}")
            return None
        return value


def _to_int(text: str) -> int:
    # "12.0" is a whole number written by a spreadsheet; "12.5" is not.
    number = _to_float(text)
    if not number.is_integer():
        raise ValueError(text)
    return int(number)


def _to_float(text: str) -> float:
    if "," in text:
        # Only thousands separators ("1,250"); a decimal comma would be read ten times too big.
        if not _THOUSANDS.match(text):
            raise ValueError(text)
        text = text.replace(",", "")
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number
