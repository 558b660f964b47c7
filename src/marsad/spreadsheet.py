"""The one way Marsad writes CSV (exports, HXL, import reports): every text cell that a
spreadsheet would read as a formula is neutralised.

A cell starting with `=`, `+`, `-` or `@` is run as a formula by Excel, LibreOffice and Google
Sheets (`=HYPERLINK(...)` sends the reader's data away; DDE formulas run commands), and a
leading tab or carriage return lets such a character hide behind white space. Marsad's texts
come from reports, imported lists and users, so any of them may start that way. Following
OWASP's rule for CSV injection (and ASVS 1.2.10, which adds the NUL character), such a cell
gets a leading single quote, which spreadsheets
show as text and a reader can strip. Only text is neutralised: numbers are written from
Python numbers (a longitude of -0.5, a negative difference), and stay numbers. The decision is
made on the value's type before it is formatted, never on the formatted text.

Pure: no Django, so the pure readers' reports and the Django areas share it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\x00")


def neutralise(value: Any) -> Any:
    """The cell as written: text that a spreadsheet would run gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """csv.writer whose rows are neutralised cell by cell."""

    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.writer(stream)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def lines(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """CSV text row by row, for streaming a large export."""
    buffer = io.StringIO()
    writer = Writer(buffer)
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
