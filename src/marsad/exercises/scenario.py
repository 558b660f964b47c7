"""Scenario files: a TOML file of timed injects and the ground truth they are scored against
(docs/exercises.md). Read whole and checked before anything is created; every refusal names the
line and the field.

Checking has two steps: `parse` (the file alone: fields, times, kinds, markings) and
`check_references` (sources, actors and crossings against what the exercise database holds).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parent / "scenarios" / "ceasefire_phase_two.toml"
FORMAT = "marsad.exercise/1"
TIME = re.compile(r"^D\+(\d{1,2}) ([01]\d|2[0-3]):([0-5]\d)$")
# From the widest to the narrowest release.
MARKINGS = ("public", "force", "nations", "internal")

TOP = {"format", "title_ar", "title_en", "day_zero", "ceiling", "inject", "key_fact"}
COMMON = {"id", "at", "kind", "marking", "releasable_to"}
FIELDS: dict[str, set[str]] = {
    "document": {"title", "text", "source", "language", "truth"},
    "incident": {
        "event_type",
        "sub_event_type",
        "place",
        "pcode",
        "actor1",
        "actor1_ref",
        "actor2",
        "actor2_ref",
        "description_ar",
        "description_en",
        "fatalities",
        "verification",
        "reported_by",
    },
    "crossing_status": {"crossing", "state", "reason_ar", "reason_en", "authority"},
    "pledge": {"nation", "body", "pledge_kind", "quantity", "unit", "status", "conditions"},
    "statement": {
        "speaker",
        "topic",
        "stance",
        "refusal",
        "quote",
        "quote_language",
        "calls_for_ar",
        "calls_for_en",
    },
}
REQUIRED: dict[str, set[str]] = {
    "document": {"title", "text", "source", "language"},
    "incident": {"event_type", "sub_event_type"},
    "crossing_status": {"crossing", "state"},
    "pledge": {"nation", "body", "pledge_kind"},
    "statement": {"speaker", "topic"},
}
TRUTH = {"id", "type", "actor", "recipient", "target", "attributes", "killed"}
KEY_FACT = {"id", "ar", "en"}
# Fields naming an actor, and the field naming a crossing.
ACTOR_FIELDS = ("actor1_ref", "actor2_ref", "authority", "nation", "body", "speaker", "place")


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.field}: {self.message}"


class ScenarioError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass
class Scenario:
    title_ar: str
    title_en: str
    day_zero: date
    ceiling: str
    injects: list[dict[str, Any]] = field(default_factory=list)
    key_facts: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""


def minutes(value: str) -> int | None:
    """'D+1 08:30' as minutes after D+0 00:00, or None if it is not such a time."""
    found = TIME.match(value) if isinstance(value, str) else None
    if not found:
        return None
    day, hour, minute = (int(g) for g in found.groups())
    return (day * 24 + hour) * 60 + minute


class _Lines:
    """Where tables and fields start in the file's text (tomllib gives no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            header = re.match(r"^\s*\[\[\s*([\w.]+)\s*\]\]", line)
            if header:
                self.tables.setdefault(header.group(1), []).append(number)

    def table(self, name: str, index: int) -> int:
        found = self.tables.get(name, [])
        return found[index] if index < len(found) else 1

    def field(self, start: int, name: str) -> int:
        for number in range(start, len(self.lines) + 1):
            text = self.lines[number - 1]
            if number > start and re.match(r"^\s*\[", text):
                break
            if re.match(rf"^\s*{re.escape(name)}\s*=", text):
                return number
        return start


# Lengths the exercise's tables hold.
LONGEST = {"id": 60, "title_ar": 200, "title_en": 200, "ar": 200, "en": 200}


def _too_long(
    problems: list[Problem], data: dict[str, Any], where: int, lines: _Lines, prefix: str = ""
) -> None:
    for name, limit in LONGEST.items():
        value = data.get(name)
        if isinstance(value, str) and len(value) > limit:
            problems.append(
                Problem(
                    lines.field(where, name), prefix + name, f"is longer than {limit} characters"
                )
            )
        elif name == "id" and name in data and not isinstance(value, str):
            problems.append(Problem(lines.field(where, name), prefix + name, "must be text"))


def _unknown(
    problems: list[Problem], data: dict[str, Any], allowed: set[str], where: int, lines: _Lines
) -> None:
    for name in sorted(set(data) - allowed):
        problems.append(Problem(lines.field(where, name), name, "unknown field"))


def _check_inject(
    item: dict[str, Any], index: int, lines: _Lines, ceiling: str, truth_seen: int
) -> tuple[list[Problem], int]:
    start = lines.table("inject", index)
    problems: list[Problem] = []
    kind = item.get("kind")
    if kind not in FIELDS:
        problems.append(
            Problem(lines.field(start, "kind"), "kind", f"must be one of {', '.join(FIELDS)}")
        )
        return problems, truth_seen
    _unknown(problems, item, COMMON | FIELDS[kind], start, lines)
    _too_long(problems, item, start, lines)
    for name in sorted({"id", "at", *REQUIRED[kind]} - set(item)):
        problems.append(Problem(start, name, "is required"))
    if "at" in item and minutes(item["at"]) is None:
        problems.append(
            Problem(lines.field(start, "at"), "at", f"{item['at']!r} is not a time like D+0 08:00")
        )
    marking = item.get("marking", ceiling)
    if marking not in MARKINGS:
        problems.append(
            Problem(lines.field(start, "marking"), "marking", f"must be one of {MARKINGS}")
        )
    elif MARKINGS.index(marking) < MARKINGS.index(ceiling):
        problems.append(
            Problem(
                lines.field(start, "marking"),
                "marking",
                f"{marking!r} is wider than the scenario allows ({ceiling!r})",
            )
        )
    if kind == "document" and item.get("language") not in (None, "ar", "en"):
        problems.append(Problem(lines.field(start, "language"), "language", "must be ar or en"))
    truths = item.get("truth", [])
    if kind == "document":
        for t_index, truth in enumerate(truths if isinstance(truths, list) else []):
            t_start = lines.table("inject.truth", truth_seen + t_index)
            _unknown(problems, truth, TRUTH, t_start, lines)
            _too_long(problems, truth, t_start, lines, "truth.")
            for name in sorted({"id", "type"} - set(truth)):
                problems.append(Problem(t_start, f"truth.{name}", "is required"))
        truth_seen += len(truths) if isinstance(truths, list) else 0
    return problems, truth_seen


def parse(text: str) -> Scenario:
    """Read a scenario file's text; refuse it (ScenarioError) with every problem named."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        raise ScenarioError(
            [Problem(int(found.group(1)) if found else 1, "(file)", str(error))]
        ) from None
    lines = _Lines(text)
    problems: list[Problem] = []
    _unknown(problems, data, TOP, 1, lines)
    _too_long(problems, data, 1, lines)
    if data.get("format") != FORMAT:
        problems.append(Problem(lines.field(1, "format"), "format", f"must be {FORMAT!r}"))
    for name in ("title_ar", "title_en", "day_zero"):
        if name not in data:
            problems.append(Problem(1, name, "is required"))
    ceiling = data.get("ceiling", "force")
    if ceiling not in MARKINGS:
        problems.append(Problem(lines.field(1, "ceiling"), "ceiling", f"must be one of {MARKINGS}"))
        ceiling = "internal"
    day_zero = data.get("day_zero")
    if "day_zero" in data and not isinstance(day_zero, date):
        problems.append(
            Problem(lines.field(1, "day_zero"), "day_zero", "must be a date like 2026-02-10")
        )
    injects = data.get("inject", [])
    seen: set[str] = set()
    previous, truth_seen = -1, 0
    for index, item in enumerate(injects):
        found, truth_seen = _check_inject(item, index, lines, ceiling, truth_seen)
        problems.extend(found)
        start = lines.table("inject", index)
        key = item.get("id")
        if key in seen:
            problems.append(Problem(lines.field(start, "id"), "id", f"{key!r} is used twice"))
        seen.add(key)
        at = minutes(item.get("at", ""))
        if at is not None:
            if at < previous:
                problems.append(
                    Problem(
                        lines.field(start, "at"),
                        "at",
                        f"{item['at']} comes before the inject above it; list injects in time "
                        "order",
                    )
                )
            previous = max(previous, at)
    for index, fact in enumerate(data.get("key_fact", [])):
        start = lines.table("key_fact", index)
        _unknown(problems, fact, KEY_FACT, start, lines)
        _too_long(problems, fact, start, lines, "key_fact.")
        for name in sorted(KEY_FACT - set(fact)):
            problems.append(Problem(start, f"key_fact.{name}", "is required"))
    if problems:
        raise ScenarioError(problems)
    return Scenario(
        title_ar=data["title_ar"],
        title_en=data["title_en"],
        day_zero=data["day_zero"],
        ceiling=ceiling,
        injects=[{**item, "_line": lines.table("inject", i)} for i, item in enumerate(injects)],
        key_facts=list(data.get("key_fact", [])),
        text=text,
    )


def check_references(
    scenario: Scenario,
    *,
    is_source: Callable[[str], bool],
    is_actor: Callable[[str], bool],
    is_crossing: Callable[[str], bool],
) -> None:
    """Refuse a scenario that names a source, actor or crossing the exercise does not hold."""
    lines = _Lines(scenario.text)
    problems: list[Problem] = []

    def need(item: dict[str, Any], name: str, values: Iterable[str], known: Callable) -> None:
        for value in values:
            if value and not known(value):
                problems.append(
                    Problem(lines.field(item["_line"], name), name, f"unknown {name}: {value!r}")
                )

    for item in scenario.injects:
        need(item, "source", [item.get("source", "")], is_source)
        need(item, "crossing", [item.get("crossing", "")], is_crossing)
        for name in ACTOR_FIELDS:
            need(item, name, [item.get(name, "")], is_actor)
    if problems:
        raise ScenarioError(problems)


def read(path: Path | None) -> Scenario:
    return parse((path or DEFAULT).read_text(encoding="utf-8"))
