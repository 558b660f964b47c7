"""Ceasefire writes: ACLED's vocabulary, coordinates, figures that never overwrite each other,
violations tied to the agreement's phases."""

import pytest

from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.ceasefire.services import (
    create_agreement,
    create_phase,
    record_figure,
    record_incident,
    record_violation,
)
from marsad.core.errors import InvalidInput
from marsad.core.services.actors import create_actor, create_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def truce(system, states):
    for key, kind, ar, en in (
        ("ISR", "state", "إسرائيل", "Israel"),
        ("HAMAS", "armed_group", "حماس", "Hamas"),
        ("GAZA-CEASEFIRE", "agreement", "وقف إطلاق النار", "Ceasefire"),
    ):
        create_actor(
            by=system,
            key=key,
            kind=kind,
            iso3="ISR" if key == "ISR" else "",
            name_ar=ar,
            name_en=en,
            marking="public",
        )
    create_source(
        by=system,
        key="MOH",
        name_ar="الوزارة",
        name_en="Ministry",
        kind="official",
        marking="public",
    )
    create_source(
        by=system, key="OTHER", name_ar="مصدر", name_en="Other", kind="media", marking="public"
    )
    agreement = create_agreement(
        by=system,
        actor_key="GAZA-CEASEFIRE",
        effective="2025-10-10",
        parties=["ISR", "HAMAS"],
        marking="public",
    )
    create_phase(
        by=system,
        agreement=agreement,
        number=1,
        name_ar="الأولى",
        name_en="One",
        starts="2025-10-10",
        ends="2026-01-14",
        marking="public",
    )
    create_phase(
        by=system,
        agreement=agreement,
        number=2,
        name_ar="الثانية",
        name_en="Two",
        starts="2026-01-14",
        marking="public",
    )
    return agreement


def strike(system, **changes):
    data = {
        "event_date": "2025-11-12",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "latitude": 31.3436,
        "longitude": 34.3225,
        "marking": "public",
        **changes,
    }
    return record_incident(by=system, **data)


def test_incident_finds_its_governorate_and_keeps_a_point_at_sea(system, truce):
    assert strike(system).pcode == "PS0270"
    at_sea = strike(system, latitude="٣١٫٤٢", longitude="34.25")
    assert at_sea.pcode == ""
    assert at_sea.latitude == pytest.approx(31.42)
    assert at_sea.offshore


@pytest.mark.parametrize(
    ("change", "field", "value"),
    [
        ({"event_type": "Skirmish"}, "event_type", "Skirmish"),
        ({"sub_event_type": "Armed clash"}, "sub_event_type", "Armed clash"),
        ({"latitude": 95}, "latitude", 95),
        ({"longitude": None}, "longitude", None),
        ({"event_date": "12/11/2025"}, "event_date", "12/11/2025"),
        ({"fatalities": "-3"}, "fatalities", "-3"),
        ({"verification": "rumour"}, "verification", "rumour"),
        ({"time_precision": 7}, "time_precision", 7),
    ],
)
def test_bad_incidents_are_refused_naming_field_and_value(system, truce, change, field, value):
    with pytest.raises(InvalidInput) as caught:
        strike(system, **change)
    problem = caught.value.problems[0]
    assert (problem.field, problem.value) == (field, value)
    assert not Incident.objects.exists()


def test_figures_of_different_sources_stand_side_by_side(system, truce):
    incident = strike(system)
    record_figure(
        by=system,
        source="MOH",
        reported_on="2025-11-12",
        incident=incident,
        killed="٥",
        wording="خمسة شهداء",
        marking="public",
    )
    record_figure(
        by=system,
        source="OTHER",
        reported_on="2025-11-13",
        incident=incident,
        killed=3,
        killed_low=2,
        killed_high=4,
        marking="public",
    )
    assert sorted(incident.figures.values_list("killed_best", flat=True)) == [3, 5]
    with pytest.raises(InvalidInput, match="low <= best <= high"):
        record_figure(
            by=system,
            source="OTHER",
            reported_on="2025-11-13",
            incident=incident,
            killed=3,
            killed_low=5,
            marking="public",
        )
    with pytest.raises(InvalidInput, match="incident or to a period"):
        record_figure(
            by=system, source="OTHER", reported_on="2025-11-13", killed=3, marking="public"
        )
    assert CasualtyFigure.objects.count() == 2


def test_violations_take_the_phase_of_their_day_and_not_before_the_truce(system, truce):
    in_phase_two = strike(system, event_date="2026-01-20")
    violation = record_violation(
        by=system,
        incident=in_phase_two,
        agreement=truce,
        accused="ISR",
        accuser="HAMAS",
        marking="public",
    )
    assert violation.phase.number == 2
    before = strike(system, event_date="2025-09-01")
    with pytest.raises(InvalidInput, match="before the agreement took effect"):
        record_violation(
            by=system, incident=before, agreement=truce, accused="ISR", marking="public"
        )


def test_phases_may_not_overlap_or_precede_the_agreement(system, truce):
    with pytest.raises(InvalidInput, match="overlaps phase 2"):
        create_phase(
            by=system,
            agreement=truce,
            number=3,
            name_ar="ث",
            name_en="Three",
            starts="2026-02-01",
            marking="public",
        )
    with pytest.raises(InvalidInput, match="before the agreement took effect"):
        create_phase(
            by=system,
            agreement=truce,
            number=0,
            name_ar="ص",
            name_en="Zero",
            starts="2025-01-01",
            ends="2025-02-01",
            marking="public",
        )


@pytest.fixture
def claim(system, make_document):
    from marsad.core.services.claims import record_claim

    document = make_document("غارة جوية شرقي خان يونس أكدتها مصادر متعددة.")
    return record_claim(
        by=system,
        document=document,
        data={"type": "attack", "evidence": [{"start": 0, "end": 9}], "marking": "public"},
    )


def test_verification_moves_with_a_reason_and_a_claim_and_is_audited(system, truce, claim):
    from marsad.ceasefire.services import set_verification
    from marsad.core.models import AuditEntry

    incident = strike(system)
    with pytest.raises(InvalidInput) as caught:
        set_verification(by=system, incident=incident, verification="verified", reason="")
    assert caught.value.problems[0].field == "reason"
    with pytest.raises(InvalidInput) as caught:
        set_verification(by=system, incident=incident, verification="verified", reason="seen")
    assert caught.value.problems[0].field == "claims"
    changed = set_verification(
        by=system,
        incident=incident,
        verification="verified",
        reason="Two sources and imagery agree.",
        claims=[claim.pk],
    )
    assert (changed.verification, changed.verification_reason) == (
        "verified",
        "Two sources and imagery agree.",
    )
    assert claim in changed.claims.all()
    assert changed.history.first().history_change_reason == "Two sources and imagery agree."
    entry = AuditEntry.objects.filter(model="ceasefire.Incident", action="update").last()
    assert '"verification":"reported"' in entry.before
    assert '"verification":"verified"' in entry.after
    for new, why in (
        ("false", "can only become: disputed"),
        ("reported", "does not go back"),
        ("verified", "already"),
        ("rumour", "must be one of"),
    ):
        with pytest.raises(InvalidInput, match=why) as caught:
            set_verification(by=system, incident=changed, verification=new, reason="r")
        assert (caught.value.problems[0].field, caught.value.problems[0].value) == (
            "verification",
            new,
        )


def test_determination_moves_from_alleged_and_refuses_what_makes_no_sense(
    system, truce, claim, liaison_ita
):
    from marsad.ceasefire.services import set_determination, set_verification
    from marsad.core.errors import NotAllowed

    incident = strike(system, event_date="2026-01-20")
    violation = record_violation(
        by=system, incident=incident, agreement=truce, accused="ISR", marking="public"
    )
    with pytest.raises(NotAllowed):
        set_determination(by=liaison_ita, violation=violation, determination="rejected", reason="x")
    with pytest.raises(InvalidInput, match="needs at least one supporting claim"):
        set_determination(by=system, violation=violation, determination="confirmed", reason="x")
    confirmed = set_determination(
        by=system,
        violation=violation,
        determination="confirmed",
        reason="The strike hit inside the agreed line.",
        claims=[claim.pk],
    )
    assert confirmed.determination == "confirmed"
    assert confirmed.determination_reason == "The strike hit inside the agreed line."
    with pytest.raises(InvalidInput, match="can only become: alleged"):
        set_determination(by=system, violation=confirmed, determination="rejected", reason="x")
    reopened = set_determination(
        by=system, violation=confirmed, determination="alleged", reason="New footage."
    )
    set_verification(by=system, incident=incident, verification="false", reason="Staged.")
    with pytest.raises(InvalidInput, match="marked 'false'"):
        set_determination(
            by=system, violation=reopened, determination="confirmed", reason="x", claims=[claim]
        )
    with pytest.raises(InvalidInput) as caught:
        set_determination(
            by=system, violation=reopened, determination="rejected", reason="x", claims=[999999]
        )
    assert (caught.value.problems[0].field, caught.value.problems[0].value) == (
        "claims[0]",
        999999,
    )


def test_refusals_give_dates_as_written_not_as_python_objects(system, truce):
    incident = strike(system)
    with pytest.raises(InvalidInput) as caught:
        record_figure(
            by=system,
            source="MOH",
            reported_on="2026-01-02",
            period_start="2026-01-05",
            period_end="2026-01-01",
            killed=3,
            marking="public",
        )
    problem = caught.value.problems[0]
    assert (problem.field, problem.value) == ("period_end", "2026-01-01")
    assert "datetime" not in str(caught.value.as_dict())
    assert incident.figures.count() == 0
