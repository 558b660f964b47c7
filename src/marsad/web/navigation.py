"""The areas of Marsad in the order of the mission, grouped so that the bar holds at most seven
entries in either language at any width. An area shows once its pages exist (its URL name
resolves), so the menu grows with the system and never links to nothing; a group with one area
left is a plain link, a group with none is not shown."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# (group label, [(url name, label)]): a group of one is a link of its own.
MENU: list[tuple[Promise, list[tuple[str, Promise]]]] = [
    (_("Overview"), [("home", _("Overview"))]),
    (
        _("The force"),
        [
            ("coalition:index", _("Coalition")),
            ("mandate:index", _("Mandate")),
            ("mandate:force_generation", _("Force generation")),
            ("governance:index", _("Governance")),
        ],
    ),
    (
        _("On the ground"),
        [
            ("ceasefire:dashboard", _("Ceasefire")),
            ("access:dashboard", _("Humanitarian access")),
        ],
    ),
    (
        _("The plan"),
        [
            ("plan:tracker", _("The plan")),
            ("plan:sequencing", _("Sequencing")),
            ("programs:index", _("Programs")),
        ],
    ),
    (
        _("Record"),
        [
            ("statements:index", _("Statements")),
            ("actors", _("Actors")),
            ("documents", _("Documents")),
            ("claims", _("Claims")),
            ("sources", _("Sources")),
        ],
    ),
    (
        _("Work"),
        [
            ("intake:index", _("Report intake")),
            ("reports:index", _("Reports")),
            ("imports:index", _("Imports")),
            ("conflicts", _("Conflicts")),
        ],
    ),
    (_("Help"), [("help", _("Help"))]),
]

# Every area, flat, in the order of the menu.
AREAS: list[tuple[str, Promise]] = [area for _label, areas in MENU for area in areas]

# Pages for those who record (analysts and administrators) only.
WRITERS_ONLY = frozenset({"conflicts", "imports:index"})


@dataclass
class Entry:
    """One entry of the bar: a link (one area) or a drop-down menu (several)."""

    label: Promise
    areas: list[tuple[str, str, Promise]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [name for name, _url, _label in self.areas]


def available_areas(*, writer: bool = False) -> list[tuple[str, str, Promise]]:
    """(url name, url, label) of every area whose pages exist (and that the reader may use)."""
    return [area for entry in menu(writer=writer) for area in entry.areas]


def menu(*, writer: bool = False) -> list[Entry]:
    """The entries of the bar for this reader."""
    entries = []
    for label, areas in MENU:
        entry = Entry(label)
        for name, area_label in areas:
            if name in WRITERS_ONLY and not writer:
                continue
            try:
                entry.areas.append((name, reverse(name), area_label))
            except NoReverseMatch:
                continue
        if entry.areas:
            entries.append(entry)
    return entries
