"""The tolls' corrections read from the figures (`aggregates._toll_corrections`): the same, to the
unit, as walking every incident of the reader's window and testing it against the figures,
when figures name incidents the reader may not read, incidents outside the dates or the
governorate asked, and when sources disagree about one incident."""

from datetime import date

import pytest
from django.db.models import Count, Sum
from django.utils import timezone

from marsad.ceasefire import aggregates
from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.ceasefire.services.figures import record_figure
from marsad.ceasefire.services.incidents import record_incident
from marsad.ceasefire.tolls import killed_sum, with_tolls
from marsad.core import history
from marsad.core import selectors as core
from marsad.core.services import gate
from marsad.core.services.actors import create_source
from tests.ceasefire.places import khan_younis

from .test_dashboard_tolls import STRIKE, readers  # noqa: F401

pytestmark = pytest.mark.django_db

WINDOWS = (
    {},
    {"start": date(2025, 11, 2)},
    {"end": date(2025, 11, 3)},
    {"start": date(2025, 11, 2), "end": date(2025, 11, 4)},
    {"pcode": "PS0270"},
    {"pcode": "PS0270", "start": date(2025, 11, 3)},
)


@pytest.fixture
def disputed(system, states):
    """Incidents of every marking over five days and two governorates (and none), with figures
    of three sources that disagree, some the reader may not read, some for incidents the reader
    may not read or outside the window asked."""
    khan_younis(system)
    for key in ("MOH", "OCHA", "OTHER"):
        create_source(by=system, key=key, name_ar=key, name_en=key, kind="media", marking="public")
    made = {}
    for name, day, pcode, marking, nations, killed in (
        ("early", "2025-11-01", "PS0270", "public", [], 6),
        ("hidden", "2025-11-02", "PS0270", "public", [], 10),
        ("ita", "2025-11-02", "PS0275", "nations", ["ITA"], 4),
        ("split", "2025-11-03", "PS0270", "public", [], 5),
        ("uncoded", "2025-11-03", "PS0270", "public", [], None),
        ("force", "2025-11-04", "PS0275", "force", [], 8),
        ("nowhere", "2025-11-04", "", "public", [], 3),
        ("late", "2025-11-05", "PS0275", "public", [], 2),
        ("plain", "2025-11-05", "PS0270", "public", [], 7),
    ):
        made[name] = record_incident(
            by=system,
            event_date=day,
            **STRIKE,
            pcode=pcode,
            marking=marking,
            releasable_to=nations,
            fatalities=killed,
        )

    def figure(incident, source, marking="public", nations=(), **killed):
        record_figure(
            by=system,
            source=source,
            reported_on="2025-11-20",
            incident=made[incident],
            marking=marking,
            releasable_to=list(nations),
            **killed,
        )

    # Outside most windows asked (the first and last days), for readers of every kind.
    figure("early", "MOH", killed=2)
    figure("late", "MOH", killed=1)
    # Incidents an anonymous reader, or a liaison officer of another nation, may not read: one
    # restricted to the centre after a public figure was given for it, one released to Italy
    # and one to the force, with figures marked as they are.
    figure("hidden", "MOH", killed=3)
    gate.store(made["hidden"], by=system, marking="internal")
    figure("ita", "MOH", "nations", ["ITA"], killed=1)
    figure("force", "OCHA", "force", killed=12)  # higher than coded: 8 stands
    # Sources disagreeing: 5 coded, 3 and 9 from two sources, 1 from a third that only the
    # centre may read; the most conservative the reader may read wins.
    figure("split", "MOH", killed=3)
    figure("split", "OCHA", killed=9)
    figure("split", "OTHER", "internal", killed=1)
    # No coded count: a range's low end against another source's best estimate.
    figure("uncoded", "MOH", killed_low=4, killed_high=9)
    figure("uncoded", "OCHA", killed=6)
    figure("uncoded", "OTHER", "nations", ["ITA"], killed=2)
    # Injured only: the toll stays the coded count.
    figure("nowhere", "OCHA", injured=5)
    return made


def _walk(user, incidents, figures=None):
    """The corrections as they were read before: every incident of the window tested against
    the figures, with its toll beside its coded count."""
    if figures is None:
        figures = core.records(user, CasualtyFigure)
    named = figures.filter(incident__isnull=False).values("incident_id")
    rows = (
        with_tolls(user, incidents.filter(id__in=named), figures)
        .values("event_date", "pcode", "fatalities", "toll")
        .order_by()
    )
    found = {}
    for r in rows:
        fix = found.setdefault(
            (r["event_date"], r["pcode"]), {"coded_sum": 0, "coded": 0, "toll_sum": 0, "tolled": 0}
        )
        fix["coded_sum"] += r["fatalities"] or 0
        fix["coded"] += r["fatalities"] is not None
        fix["toll_sum"] += r["toll"] or 0
        fix["tolled"] += r["toll"] is not None
    # An incident whose figures give no killed count changes nothing in the sums.
    return {
        key: fix
        for key, fix in found.items()
        if fix["toll_sum"] != fix["coded_sum"] or fix["tolled"] != fix["coded"]
    }


def _changes(found):
    return {
        key: fix
        for key, fix in found.items()
        if fix["toll_sum"] != fix["coded_sum"] or fix["tolled"] != fix["coded"]
    }


def _every_toll(user, **within):
    """Each incident's toll summed per day and governorate: what the dashboard must show."""
    qs = aggregates._within(core.records(user, Incident), **within)
    rows = (
        with_tolls(user, qs)
        .values("event_date", "pcode")
        .annotate(n=Count("id"), killed=Sum(killed_sum()), tolled=Count("toll"))
        .order_by()
    )
    return {
        (r["event_date"], r["pcode"]): (r["n"], r["killed"], r["tolled"]) for r in rows if r["n"]
    }


def _shown(user, **within):
    return {
        key: (row["n"], row["killed"], row["tolled"])
        for key, row in aggregates.day_areas(user, **within).items()
    }


def test_figures_outside_the_readers_reach_and_window_change_nothing(disputed, readers):  # noqa: F811
    for name, user in readers.items():
        for within in WINDOWS:
            incidents = aggregates._within(core.records(user, Incident), **within)
            found = aggregates._toll_corrections(user, incidents)
            assert _changes(found) == _walk(user, incidents), (name, within)
            assert _shown(user, **within) == _every_toll(user, **within), (name, within)
    anonymous, ita = readers["anonymous"], readers["ita"]
    # `hidden` (internal) and `ita` (Italy's) are out of an anonymous reader's reach, `early`
    # and `late` out of the window: only `split` and `uncoded` are corrected.
    window = {"start": date(2025, 11, 2), "end": date(2025, 11, 4)}
    incidents = aggregates._within(core.records(anonymous, Incident), **window)
    assert set(_changes(aggregates._toll_corrections(anonymous, incidents))) == {
        (date(2025, 11, 3), "PS0270")
    }
    # Italy's liaison officer reaches `ita` (corrected 4 → 1) and `force` (the coded 8 stands).
    incidents = aggregates._within(core.records(ita, Incident), **window)
    assert set(_changes(aggregates._toll_corrections(ita, incidents))) == {
        (date(2025, 11, 2), "PS0275"),
        (date(2025, 11, 3), "PS0270"),
    }


def test_when_sources_disagree_the_most_conservative_readable_figure_counts(disputed, readers):  # noqa: F811
    day = {"start": date(2025, 11, 3), "end": date(2025, 11, 3), "pcode": "PS0270"}
    tolls = {}
    for name, user in readers.items():
        incidents = aggregates._within(core.records(user, Incident), **day)
        found = aggregates._toll_corrections(user, incidents)
        assert _changes(found) == _walk(user, incidents), name
        assert _shown(user, **day) == _every_toll(user, **day), name
        tolls[name] = aggregates.total_of(aggregates.day_areas(user, **day))
    # `split`: 3 (MOH's, below the coded 5 and OCHA's 9), 1 for the centre's readers (an
    # internal figure); `uncoded`: 4 (MOH's low end, below OCHA's 6), 2 for those who may read
    # the figure released to Italy (Italy's liaison officer and the centre's readers).
    assert tolls == {"anonymous": 3 + 4, "analyst": 1 + 2, "ita": 3 + 2, "fra": 3 + 4, "admin": 3}


def test_held_at_a_moment_the_corrections_read_the_figures_then(system, disputed, readers):  # noqa: F811
    held = timezone.now()
    record_figure(
        by=system,
        source="OCHA",
        reported_on="2025-11-21",
        incident=disputed["plain"],
        killed=0,
        marking="public",
    )
    for name, user in readers.items():
        for within in WINDOWS:
            incidents = aggregates._within(history.known_on(Incident, user, held), **within)
            figures = history.known_on(CasualtyFigure, user, held)
            found = aggregates._toll_corrections(user, incidents, figures)
            assert _changes(found) == _walk(user, incidents, figures), (name, within)
            now = aggregates.day_areas(user, **within)
            assert aggregates.day_areas(user, known_on=timezone.now(), **within) == now
    # The figure recorded after the moment is not in the toll known then.
    everyone = readers["anonymous"]
    plain = {"start": date(2025, 11, 5), "end": date(2025, 11, 5), "pcode": "PS0270"}
    assert aggregates.total_of(aggregates.day_areas(everyone, known_on=held, **plain)) == 7
    assert aggregates.total_of(aggregates.day_areas(everyone, **plain)) == 0


def test_the_rule_on_counts_read_is_the_rule_in_sql():
    from marsad.ceasefire.tolls import conservative

    assert [
        conservative(*pair) for pair in [(None, None), (4, None), (None, 3), (4, 3), (2, 3)]
    ] == [
        None,
        4,
        3,
        3,
        2,
    ]


def test_the_join_from_the_figures_gives_the_corrections_of_the_lookups(disputed, readers):  # noqa: F811
    for name, user in readers.items():
        for within in WINDOWS:
            incidents = aggregates._within(core.records(user, Incident), **within)
            assert aggregates._corrections_now(user, **within) == aggregates._toll_corrections(
                user, incidents
            ), (name, within)
