"""The areas of Marsad in the order of the mission. An area shows in the navigation once its
pages exist (its URL name resolves), so the menu grows with the system and never links to
nothing."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

AREAS: list[tuple[str, Promise]] = [
    ("home", _("Overview")),
    ("coalition:index", _("Coalition")),
    ("governance:index", _("Governance")),
    ("mandate:index", _("Mandate")),
    ("ceasefire:dashboard", _("Ceasefire")),
    ("access:dashboard", _("Humanitarian access")),
    ("plan:tracker", _("The plan")),
    ("programs:index", _("Programs")),
    ("statements:index", _("Statements")),
    ("intake:index", _("Report intake")),
    ("reports:index", _("Reports")),
    ("actors", _("Actors")),
    ("documents", _("Documents")),
    ("claims", _("Claims")),
    ("sources", _("Sources")),
    ("conflicts", _("Conflicts")),
    ("imports:index", _("Imports")),
]

# Pages for those who record (analysts and administrators) only.
WRITERS_ONLY = frozenset({"conflicts", "imports:index"})


def available_areas(*, writer: bool = False) -> list[tuple[str, str, Promise]]:
    """(url name, url, label) of every area whose pages exist (and that the reader may use)."""
    found = []
    for name, label in AREAS:
        if name in WRITERS_ONLY and not writer:
            continue
        try:
            found.append((name, reverse(name), label))
        except NoReverseMatch:
            continue
    return found
