"""Reader of Tech for Palestine's daily casualty series for Gaza (`casualties_daily.json`).

The file is a JSON array with one object per day. Plain fields (`killed`, `injured_cum`, ...)
are what the day's report said and are absent when it said nothing; `ext_*` fields are always
present, with gaps filled by Tech for Palestine. Since the truce the Ministry splits `killed`
into new deaths, recovered bodies, committee additions and wounded who succumbed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from marsad.datasets.rows import Loaded, Rejection, RowCheck, Source, load, open_text

#: Days whose `report_source` says no report was published; `ext_*` values are then estimates.
MISSING_SOURCE = "missing"


@dataclass(frozen=True, slots=True)
class CasualtyDay:
    """One day of the series; None where the day's report gave no figure.

    `line` is the line of the file where the day's object starts.
    """

    report_date: date
    report_source: str
    ext_killed: int
    ext_killed_cum: int
    ext_injured: int
    ext_injured_cum: int
    line: int
    report_period: int | None = None
    killed: int | None = None
    killed_cum: int | None = None
    injured: int | None = None
    injured_cum: int | None = None
    killed_truce_new: int | None = None
    killed_recovered: int | None = None
    killed_committee: int | None = None
    killed_succumbed: int | None = None
    killed_children_cum: int | None = None
    killed_women_cum: int | None = None
    ext_killed_children_cum: int | None = None
    ext_killed_women_cum: int | None = None
    massacres_cum: int | None = None
    ext_massacres_cum: int | None = None
    civdef_killed_cum: int | None = None
    ext_civdef_killed_cum: int | None = None
    med_killed_cum: int | None = None
    ext_med_killed_cum: int | None = None
    press_killed_cum: int | None = None
    ext_press_killed_cum: int | None = None
    aid_seeker_killed_cum: int | None = None
    aid_seeker_injured_cum: int | None = None
    famine_cum: int | None = None
    child_famine_cum: int | None = None
    #: Counts the reader does not know by name, kept rather than dropped: (field, value).
    extra: tuple[tuple[str, int], ...] = ()

    @property
    def key(self) -> str:
        """The idempotency key: the report date."""
        return self.report_date.isoformat()

    @property
    def missing_report(self) -> bool:
        """Whether no report was published that day (figures are Tech for Palestine's fill)."""
        return self.report_source == MISSING_SOURCE


_TEXT_FIELDS = {"report_date", "report_source", "line", "extra"}
_REQUIRED = ("ext_killed", "ext_killed_cum", "ext_injured", "ext_injured_cum")
_COUNTS = tuple(f.name for f in fields(CasualtyDay) if f.name not in _TEXT_FIELDS)


def iter_casualties(source: Source) -> Iterator[CasualtyDay | Rejection]:
    """Days and rejections of the series, in file order."""
    with open_text(source) as stream:
        text = stream.read()
    first_line: dict[date, int] = {}
    for line, obj in _array_items(text):
        check = RowCheck(line)
        day = _day(check, obj) if isinstance(obj, dict) else None
        if day is None and not check.rejections:
            check.reject("(row)", json.dumps(obj)[:80], "is not a JSON object")
        if day is not None and day.report_date in first_line:
            check.reject(
                "report_date",
                day.key,
                f"repeats the day of line {first_line[day.report_date]}; the first is kept",
            )
        if check.rejections:
            yield from check.rejections
        elif day is not None:
            first_line[day.report_date] = line
            yield day


def read_casualties(source: Source) -> Loaded[CasualtyDay]:
    """The whole series in memory, with its rejections and counts."""
    return load(iter_casualties(source))


def _array_items(text: str) -> Iterator[tuple[int, Any]]:
    """The items of a top-level JSON array with the line each starts on."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if text[position : position + 1] != "[":
        raise ValueError("the file is not a JSON array")
    position = _skip_space(text, position + 1)
    line = 1 + text.count("\n", 0, position)
    if text[position : position + 1] == "]":
        return
    while True:
        item, end = decoder.raw_decode(text, position)
        yield line, item
        after = _skip_space(text, end)
        if text[after : after + 1] == "]":
            return
        if text[after : after + 1] != ",":
            raise ValueError(f"line {1 + text.count(chr(10), 0, after)}: expected ',' or ']'")
        following = _skip_space(text, after + 1)
        line += text.count("\n", position, following)
        position = following


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _day(check: RowCheck, obj: dict[str, Any]) -> CasualtyDay | None:
    report_date = check.day("report_date", str(obj.get("report_date", "")))
    counts: dict[str, int | None] = {}
    extra: list[tuple[str, int]] = []
    for name, value in obj.items():
        if name in ("report_date", "report_source"):
            continue
        count = _count(check, name, value)
        if name in _COUNTS:
            counts[name] = count
        elif count is not None:
            extra.append((name, count))
    for name in _REQUIRED:
        if name not in obj or obj[name] is None:
            check.reject(name, "", "is required")
    if check.rejections:
        return None
    return CasualtyDay(
        report_date=report_date,
        report_source=str(obj.get("report_source", "")).strip(),
        line=check.line,
        extra=tuple(sorted(extra)),
        **counts,  # type: ignore[arg-type]
    )


def _count(check: RowCheck, name: str, value: Any) -> int | None:
    """A count: a non-negative whole number (JSON number or digits), or None for null."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        check.reject(name, json.dumps(value)[:80], "is not a whole number")
        return None
    return check.optional_integer(name, str(value), minimum=0)
