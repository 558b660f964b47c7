"""The plan graph's vocabulary: provisions, dependencies, preconditions, the edges they make, and
the one error the core raises on bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

EdgeKind = Literal["dependency", "precondition"]


class PlanGraphError(ValueError):
    """Bad input, with a machine-readable `code` and the offending `subject` so that the Django
    layer can word the message in Arabic as well as English."""

    def __init__(self, message: str, *, code: str, subject: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.subject = subject


@dataclass(frozen=True)
class Provision:
    """One point of the plan; `label` is the English short name used in sentences."""

    id: str
    label: str = ""

    @property
    def name(self) -> str:
        """The label, or the id when there is none."""
        return self.label or self.id


@dataclass(frozen=True)
class Dependency:
    """Structural: the plan itself puts `before` ahead of `after`. Never relaxed."""

    before: str
    after: str


@dataclass(frozen=True)
class Precondition:
    """`party` accepts `provision` only after `after`, as said in statement `statement_id`."""

    id: str
    party: str
    provision: str
    after: str
    statement_id: str


@dataclass(frozen=True)
class Edge:
    """`before` must come before `after`, for the plan's own reasons (`dependency`), for the
    parties' (`preconditions`), or both."""

    before: str
    after: str
    dependency: bool
    preconditions: tuple[Precondition, ...]

    @property
    def pair(self) -> tuple[str, str]:
        """(before, after)."""
        return (self.before, self.after)

    @property
    def relaxable(self) -> bool:
        """An edge goes away only when every precondition on it is relaxed and no dependency
        holds it."""
        return not self.dependency

    @property
    def kinds(self) -> tuple[EdgeKind, ...]:
        """Which kinds of reason the edge has, dependency first."""
        kinds: list[EdgeKind] = ["dependency"] if self.dependency else []
        if self.preconditions:
            kinds.append("precondition")
        return tuple(kinds)

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties behind its preconditions, each once, in precondition order."""
        return tuple(dict.fromkeys(p.party for p in self.preconditions))


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[object, ...], str]:
    """Sort key putting "P2" before "P10": digits compare as numbers. Split parts alternate
    text/number, so two keys never compare a string with an integer."""
    parts = _DIGITS.split(text)
    return (tuple(int(p) if i % 2 else p.casefold() for i, p in enumerate(parts)), text)
