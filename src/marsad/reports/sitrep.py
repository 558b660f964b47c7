"""The daily situation report, gathered for one audience: every figure read through the areas'
selectors with the audience as the reader, so the report holds only what every reader of the
audience may read. Each figure carries its source and its Admiralty grade; a section with
nothing recorded for the day says so instead of printing zeros.

The sections live in `sitrep_ceasefire`, `sitrep_access`, `sitrep_coalition` (coalition and
the plan) and `sitrep_news` (statements and intake); this module holds the shapes they share and
`build`, which runs them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from marsad.core.audience import Audience

#: How many days the charts look back from the report's date.
CHART_DAYS = 30


@dataclass
class Figure:
    """One figure of the report: what it counts, its value (None: no report for the day), where
    it comes from and how it is graded."""

    label: str
    value: Any
    source: str = ""
    grade: str = ""
    note: str = ""


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass
class Item:
    """A line of text (an incident, a statement, a change) with its date, source and grade."""

    text: str
    day: date | None = None
    source: str = ""
    grade: str = ""
    # Data shown isolated from the sentence around it (a name or title before, the words said
    # after), in whatever language and script they were recorded.
    lead: str = ""
    quote: str = ""


@dataclass
class Section:
    key: str
    title: str
    has_data: bool = False
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    # Inline SVG drawings (charts, the map), as safe markup.
    drawings: list[Any] = field(default_factory=list)

    @property
    def empty_message(self) -> str:
        return _("Nothing is recorded for this day in this section.")


@dataclass
class Sitrep:
    day: date
    audience: Audience
    marking: str
    audience_label: str = ""
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def exercise(self) -> str:
        """ "EXERCISE — NAME" in the active language when an exercise is running, else ''."""
        from django.utils.translation import get_language

        from marsad.exercises.mode import label

        return label((get_language() or "en")[:2])


def best_grade(claims: Iterable[Any]) -> str:
    """The best Admiralty grade of the claims (most reliable source, then most credible
    information): 'B2'; '' without claims."""
    grades = sorted((c.reliability, c.credibility) for c in claims)
    return f"{grades[0][0]}{grades[0][1]}" if grades else ""


def grade_for(reader: Any, record: Any) -> str:
    """The best grade of the record's supporting claims that `reader` may read."""
    claims = getattr(record, "claims", None)
    if claims is None:
        return ""
    return best_grade(claims.visible_to(reader).only("reliability", "credibility"))


def source_of(reader: Any, record: Any) -> str:
    """Who says so: the sources of the record's supporting claims `reader` may read."""
    claims = getattr(record, "claims", None)
    if claims is None:
        return ""
    names = set()
    for claim in claims.visible_to(reader).select_related("attribution_source", "document__source"):
        # A claim may not reach further than its document and sources (the write gate's rule),
        # so the source of a claim the reader may read is one the reader may read too.
        source = claim.attribution_source or claim.document.source
        if source is not None:
            names.add(source.name)
    return " · ".join(sorted(names))


def build(day: date, audience: Audience) -> Sitrep:
    """The report of `day` for `audience`, in the active language."""
    from marsad.reports import sitrep_access, sitrep_ceasefire, sitrep_coalition, sitrep_news
    from marsad.reports.audience import audience_label, marking_line

    found = Sitrep(
        day=day,
        audience=audience,
        marking=marking_line(audience),
        audience_label=audience_label(audience),
    )
    found.sections = [
        sitrep_ceasefire.section(day, audience),
        sitrep_access.section(day, audience),
        sitrep_coalition.coalition_section(day, audience),
        sitrep_coalition.plan_section(day, audience),
        sitrep_news.statements_section(day, audience),
        sitrep_news.intake_section(day, audience),
        sitrep_ceasefire.map_section(day, audience),
    ]
    return found


def latest_day(audience: Audience) -> date | None:
    """The latest day on which something the report reports as news happened, as `audience`
    may know it: an incident, a consignment, a crossing's status step, an access incident, or a
    statement. The casualty series is left out: it runs on its own schedule
    (months past the last recorded event in the demo) and alone would make an empty report."""
    from django.db.models import Max

    from marsad.access import selectors as access
    from marsad.ceasefire import selectors as ceasefire
    from marsad.statements import selectors as statements

    days = [
        ceasefire.incidents(audience).aggregate(d=Max("event_date"))["d"],
        access.consignments(audience).aggregate(d=Max("day"))["d"],
        access.statuses(audience).filter(expected=False).aggregate(d=Max("valid_from"))["d"],
        access.access_incidents(audience).aggregate(d=Max("day"))["d"],
        statements.statements(audience).aggregate(d=Max("on"))["d"],
    ]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def yesterday(day: date) -> date:
    return day - timedelta(days=1)
