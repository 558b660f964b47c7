"""What the leak matrix's records share: the markings, the tokens that stand for them, and one
marking's context while its records are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.core.services.base import SystemUser

SYSTEM = SystemUser("system:leak-matrix")

#: (name, marking, nations): every kind of marking, and nations that overlap and do not.
MARKINGS = (
    ("public", "public", ()),
    ("force", "force", ()),
    ("ita", "nations", ("ITA",)),
    ("itafra", "nations", ("ITA", "FRA")),
    ("fra", "nations", ("FRA",)),
    ("internal", "internal", ()),
    ("unmarked", "", ()),
)


@dataclass
class Markers:
    """The tokens, with the marking each stands for, and the records by model and marking."""

    tokens: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)

    def token(self, model: str, name: str, marking: str, nations: tuple[str, ...]) -> str:
        made = f"LKM{model.upper()}{name.upper()}X"
        self.tokens[made] = (f"{model}:{name}", marking, nations)
        return made

    def keep(self, model: str, name: str, record: Any) -> Any:
        self.records.setdefault(model, {})[name] = record
        return record


@dataclass
class One:
    """One marking's records being written: its tokens, keys, marking and evidence."""

    markers: Markers
    name: str
    marking: str
    nations: tuple[str, ...]
    claims: dict[str, list[int]] = field(default_factory=dict)

    def t(self, model: str) -> str:
        return self.markers.token(model, self.name, self.marking, self.nations)

    def key(self, model: str) -> str:
        return f"LKM-{model}-{self.name}".upper()

    @property
    def mark(self) -> dict[str, Any]:
        return {"marking": self.marking, "releasable_to": list(self.nations)}

    def keep(self, model: str, record: Any) -> Any:
        return self.markers.keep(model, self.name, record)
