"""Programs writes, without the demo: courses on pledges, cohorts and their counts, readiness
indicators; bad input named with its field and value; nothing half-written."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from marsad.ceasefire.services import record_incident
from marsad.coalition.services import record_pledge
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditEntry
from marsad.core.services.actors import create_actor, create_source
from marsad.programs.models import Cohort, Course, ReadinessIndicator
from marsad.programs.selectors import readiness_table
from marsad.programs.services import (
    create_course,
    record_cohort,
    record_indicator,
    update_cohort,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Refusals read in English here (the interface's default language is Arabic)."""
    with translation.override("en"):
        yield


@pytest.fixture
def force(system, states):
    create_actor(
        by=system,
        key="ISF",
        kind="force",
        name_ar="قوة الاستقرار الدولية",
        name_en="International Stabilization Force",
        marking="public",
    )


@pytest.fixture
def pledges(system, force):
    def pledge(kind, marking="public", nations=(), quantity=None, nation="ITA"):
        return record_pledge(
            by=system,
            nation=nation,
            body="ISF",
            kind=kind,
            quantity=quantity,
            marking=marking,
            releasable_to=list(nations),
        )

    return {
        "public": pledge("police_trainers"),
        "restricted": pledge("police_trainers", "nations", ("ITA", "USA"), quantity=200),
        "troops": pledge("troops", quantity=50),
    }


def course(system, **extra):
    fields = {
        "name_ar": "دورة تدريب الشرطة",
        "name_en": "Police course",
        "location_en": "Egypt or Jordan",
        "trainer_nations": ["ITA"],
        "target_trainees": 200,
        "marking": "public",
        **extra,
    }
    return create_course(by=system, **fields)


class Unchanged:
    """Counts the rows that a refused write must not leave behind."""

    def __init__(self):
        self.before = self.now()

    @staticmethod
    def now():
        return (
            AuditEntry.objects.count(),
            Course.objects.count(),
            Cohort.objects.count(),
            ReadinessIndicator.objects.count(),
        )

    def check(self):
        assert self.now() == self.before


def refused(call, field, value=None, match=None):
    """Run a write that must be refused; check the field (and value) it names, and that it
    wrote nothing."""
    unchanged = Unchanged()
    with pytest.raises(InvalidInput, match=match) as caught:
        call()
    problem = caught.value.problems[0]
    assert problem.field == field, caught.value
    if value is not None:
        assert str(problem.value) == str(value), caught.value
    unchanged.check()
    return caught.value


def test_course_on_a_pledge_of_trainers_reads_arabic_digits(system, pledges):
    entries = AuditEntry.objects.count()
    made = course(system, pledge=pledges["public"].pk, target_trainees="٢٠٠", starts="٢٠٢٦-٠٣-٠١")
    assert made.target_trainees == 200
    assert made.starts == date(2026, 3, 1)
    assert made.pledge == pledges["public"]
    assert [n.key for n in made.trainer_nations.all()] == ["ITA"]
    assert made.history.earliest().history_type == "+"
    assert AuditEntry.objects.count() == entries + 1
    assert made.place == "Egypt or Jordan"


def test_a_pledge_of_another_kind_is_refused(system, pledges):
    troops = pledges["troops"]
    problem = refused(lambda: course(system, pledge=troops.pk), "pledge", troops.pk, "troops")
    assert "police trainers" in str(problem)
    refused(lambda: course(system, pledge=99999), "pledge", 99999, "no pledge has this number")
    refused(lambda: course(system, pledge="abc"), "pledge", "abc", "must be a pledge number")


def test_a_refusal_to_give_trainers_is_no_basis_for_a_course(system, force):
    refusal = record_pledge(
        by=system,
        nation="ITA",
        body="ISF",
        kind="police_trainers",
        negative=True,
        marking="public",
    )
    refused(lambda: course(system, pledge=refusal.pk), "pledge", match="refusal")


def test_the_pledge_must_come_from_a_trainer_nation(system, pledges):
    refused(
        lambda: course(system, pledge=pledges["public"].pk, trainer_nations=["FRA"]),
        "pledge",
        pledges["public"].pk,
        "ITA, which is not among the trainer nations",
    )


def test_a_course_reaches_no_further_than_its_pledge(system, pledges):
    restricted = pledges["restricted"]
    refused(lambda: course(system, pledge=restricted.pk), "marking", match="may not point")
    refused(
        lambda: course(
            system, pledge=restricted.pk, marking="nations", releasable_to=["ITA", "FRA"]
        ),
        "marking",
    )
    same = course(system, pledge=restricted.pk, marking="nations", releasable_to=["USA", "ITA"])
    assert same.nations == ["ITA", "USA"]


@pytest.mark.parametrize(
    ("extra", "field", "value"),
    [
        ({"starts": "2026-05-01", "ends": "2026-04-01"}, "ends", "2026-04-01"),
        ({"starts": "first of May"}, "starts", "first of May"),
        ({"target_trainees": "-20"}, "target_trainees", "-20"),
        ({"target_trainees": "many"}, "target_trainees", "many"),
        ({"trainer_nations": ["ISF"]}, "trainer_nations[0]", "ISF"),
        ({"trainer_nations": ["XXX"]}, "trainer_nations[0]", "XXX"),
        ({"location": "NOWHERE", "location_en": ""}, "location", "NOWHERE"),
        ({"location_en": ""}, "location", None),
        ({"name_ar": "", "name_en": " "}, "name_ar", None),
        ({"program": "cooking"}, "program", "cooking"),
    ],
)
def test_bad_course_input_is_named(system, force, extra, field, value):
    refused(lambda: course(system, **extra), field, value)


def test_only_writers_record_courses(force, make_user):
    with pytest.raises(NotAllowed):
        course(make_user("liaison", "ITA"))


@pytest.fixture
def police_course(system, force):
    return course(system, starts="2026-03-01", ends="2026-12-31")


def cohort(system, police_course, **extra):
    fields = {
        "name_ar": "الدفعة الأولى",
        "name_en": "First cohort",
        "starts": "2026-03-01",
        "ends": "2026-06-30",
        "marking": "public",
        **extra,
    }
    return record_cohort(by=system, course=police_course, **fields)


def test_cohort_counts_in_arabic_indic_digits(system, police_course):
    made = cohort(
        system, police_course, enrolled="١٢٠", vetted="١٠٠", graduated="٨٠", dropped_out="١٥"
    )
    assert (made.enrolled, made.vetted, made.graduated, made.dropped_out) == (120, 100, 80, 15)
    assert made.status_on(date(2026, 2, 1)) == "planned"
    assert made.status_on(date(2026, 4, 1)) == "running"
    assert made.status_on(date(2026, 7, 1)) == "completed"


@pytest.mark.parametrize(
    ("counts", "field", "value", "match"),
    [
        ({"enrolled": "-3"}, "enrolled", "-3", "must not be negative"),
        ({"enrolled": "ten"}, "enrolled", "ten", "whole number"),
        ({"enrolled": 10, "vetted": "2.5"}, "vetted", "2.5", "whole number"),
        ({"enrolled": "١٠", "vetted": "١١"}, "vetted", 11, "more than the 10 enrolled"),
        (
            {"enrolled": 10, "vetted": 10, "graduated": 8, "dropped_out": 3},
            "graduated",
            8,
            "make more than the 10 enrolled",
        ),
        ({"enrolled": 10, "vetted": 5, "graduated": 6}, "graduated", 6, "more than the 5 vetted"),
    ],
)
def test_bad_or_inconsistent_counts_are_refused(system, police_course, counts, field, value, match):
    refused(lambda: cohort(system, police_course, **counts), field, value, match)


@pytest.mark.parametrize(
    ("dates", "field", "match"),
    [
        ({"starts": "2026-05-01", "ends": "2026-04-01"}, "ends", "ends before it starts"),
        ({"starts": "2026-02-01"}, "starts", "before its course starts"),
        ({"ends": "2027-02-01"}, "ends", "after its course ends"),
    ],
)
def test_cohort_dates_out_of_order_are_refused(system, police_course, dates, field, match):
    refused(lambda: cohort(system, police_course, **dates), field, match=match)


def test_a_cohort_reaches_no_further_than_its_course(system, pledges):
    restricted = course(
        system,
        pledge=pledges["restricted"].pk,
        marking="nations",
        releasable_to=["ITA", "USA"],
    )
    refused(lambda: cohort(system, restricted), "marking", match="may not point")
    assert cohort(system, restricted, marking="nations", releasable_to=["ITA"]).nations == ["ITA"]


def test_counts_change_with_history_and_a_bad_change_leaves_them(system, police_course):
    made = cohort(system, police_course, enrolled=100, vetted=90)
    update_cohort(by=system, cohort=made, graduated="٧٠", dropped_out=5)
    made.refresh_from_db()
    assert (made.graduated, made.dropped_out) == (70, 5)
    assert made.history.count() == 2
    refused(lambda: update_cohort(by=system, cohort=made, vetted=60), "graduated", 70)
    refused(lambda: update_cohort(by=system, cohort=made, enrolled=-1), "enrolled", -1)
    refused(lambda: update_cohort(by=system, cohort=made, course=3), "course", 3)
    made.refresh_from_db()
    assert (made.enrolled, made.vetted, made.graduated) == (100, 90, 70)
    assert made.history.count() == 2


@pytest.fixture
def survey(system, states):
    return create_source(
        by=system,
        key="SURVEY",
        name_ar="مسح ميداني",
        name_en="Field survey",
        kind="field_report",
        reliability="C",
        marking="public",
    )


def indicator(system, **extra):
    fields = {
        "pcode": "PS0270",
        "kind": "water",
        "value": 30,
        "measured_on": "2026-01-28",
        "source": "SURVEY",
        "marking": "public",
        **extra,
    }
    return record_indicator(by=system, **fields)


def test_indicator_values_in_any_digits(system, survey):
    assert indicator(system, value="٤٥٫٥").value == Decimal("45.5")
    assert indicator(system, value="33%", kind="power").value == Decimal("33")
    assert indicator(system, value="١٢", kind="security_incidents", pcode="ps0255").pcode == (
        "PS0255"
    )
    assert indicator(system, value=12.25, kind="health").value == Decimal("12.3")


@pytest.mark.parametrize(
    ("extra", "field", "value", "match"),
    [
        ({"pcode": "PS0299"}, "pcode", "PS0299", "not the P-code of a Gaza governorate"),
        ({"value": "-4"}, "value", "-4", "must not be negative"),
        ({"value": "120"}, "value", "120", "between 0 and 100"),
        ({"value": "a lot"}, "value", "a lot", "number written with digits"),
        ({"value": ""}, "value", "", "is required"),
        ({"kind": "security_incidents", "value": "2.5"}, "value", "2.5", "whole number"),
        ({"kind": "morale"}, "kind", "morale", "must be one of"),
        ({"measured_on": "2099-01-01"}, "measured_on", "2099-01-01", "in the future"),
        ({"measured_on": "yesterday"}, "measured_on", "yesterday", "YYYY-MM-DD"),
        ({"source": "NOBODY"}, "source", "NOBODY", "no source"),
    ],
)
def test_bad_indicator_input_is_named(system, survey, extra, field, value, match):
    refused(lambda: indicator(system, **extra), field, value, match)


def test_the_same_value_twice_is_refused(system, survey):
    indicator(system)
    refused(lambda: indicator(system, value=31), "measured_on", "2026-01-28", "already gave")


def test_an_indicator_reaches_no_further_than_its_source(system, states):
    create_source(
        by=system,
        key="CELL",
        name_ar="خلية",
        name_en="Cell",
        kind="field_report",
        marking="force",
    )
    refused(lambda: indicator(system, source="CELL"), "marking", match="may not point")
    assert indicator(system, source="CELL", marking="force").marking == "force"


def test_security_is_counted_from_the_visible_incident_log(system, survey, make_user):
    def strike(day, marking="public", lat=31.3460, lon=34.3380):
        record_incident(
            by=system,
            event_date=day,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            latitude=lat,
            longitude=lon,
            marking=marking,
        )

    strike("2026-01-25")
    strike("2026-01-20")
    strike("2026-01-10", marking="internal")
    strike("2025-12-20")  # in the 30 days before the window
    for kind, value in (("water", 30), ("health", 40)):
        indicator(system, kind=kind, value=value)
    # Rafah has no incident in the log: its recorded value stands in.
    indicator(system, pcode="PS0275", kind="security_incidents", value=4)
    indicator(system, pcode="PS0275", kind="water", value=10)
    # Khan Younis's recorded value is overridden by the log.
    indicator(system, kind="security_incidents", value=50)

    reader = make_user("public")
    table = readiness_table(reader)
    assert table.as_of == date(2026, 1, 28)
    rows = {r.pcode: r for r in table.rows}
    khan_younis = rows["PS0270"].cell("security_incidents")
    assert (khan_younis.value, khan_younis.computed, khan_younis.previous) == (2, True, 1)
    assert khan_younis.trend == "up"
    assert khan_younis.improving is False
    assert rows["PS0270"].readiness.score == 35 - 2 * 2
    analyst = {r.pcode: r for r in readiness_table(make_user("analyst", username="a")).rows}
    assert analyst["PS0270"].cell("security_incidents").value == 3
    rafah = rows["PS0275"]
    assert (rafah.cell("security_incidents").value, rafah.readiness.score) == (4, 10 - 8)
    assert rows["PS0255"].readiness.score is None
    earlier = {r.pcode: r for r in readiness_table(reader, date(2026, 1, 15)).rows}
    assert earlier["PS0270"].cell("water").value is None
    assert earlier["PS0270"].cell("security_incidents").value == 1
    # Today's counts come from the kept daily counts, the past's from the incidents' versions:
    # at the present moment both readings agree, for each reader and window.
    now = timezone.now()
    for user in (reader, make_user("analyst", username="b")):
        for as_of in (None, date(2026, 1, 15), date(2026, 1, 25)):
            today = readiness_table(user, as_of)
            held = readiness_table(user, as_of, known_on=now)
            assert [
                (r.pcode, r.cell("security_incidents").value, r.cell("security_incidents").previous)
                for r in today.rows
            ] == [
                (r.pcode, r.cell("security_incidents").value, r.cell("security_incidents").previous)
                for r in held.rows
            ]
