"""What each caveat kind forbids, case by case (marsad.forcegen.rules)."""

from datetime import date

import pytest

from marsad.forcegen import Caveat, MandateLimit, Pledge, Requirement, exclusion, forbids
from marsad.forcegen.rules import outside_mandate


def req(task="police_training", capability="police_trainers", area="PS0260", **kw):
    return Requirement(id="R1", task=task, capability=capability, quantity=10, area=area, **kw)


def pledge(capability="police_trainers", nation="ITA"):
    return Pledge(id="P1", nation=nation, capability=capability, quantity=10)


NO_GROUND = Caveat(id="C1", nation="ITA", kind="no_ground_troops", text="no ground troops")


def test_no_ground_troops_allows_training_police():
    assert not forbids(caveat=NO_GROUND, pledge=pledge(), requirement=req())


@pytest.mark.parametrize("task", ["security", "border_security", "disarmament"])
def test_no_ground_troops_keeps_people_out_of_ground_security_tasks(task):
    found = exclusion(caveat=NO_GROUND, pledge=pledge(), requirement=req(task=task))
    assert found is not None
    assert found.rule == "ground_security_task"
    assert found.phrase == "excludes ground security tasks"


def test_no_ground_troops_excludes_ground_forces_and_combat_everywhere():
    infantry = pledge(capability="infantry")
    found = exclusion(
        caveat=NO_GROUND,
        pledge=infantry,
        requirement=req(task="humanitarian_corridors", capability="infantry"),
    )
    assert found is not None
    assert found.rule == "ground_force_capability"
    combat = req(task="ceasefire", capability="engineers", combat=True)
    assert exclusion(caveat=NO_GROUND, pledge=pledge("engineers"), requirement=combat).rule == (
        "combat"
    )


def test_no_ground_troops_leaves_money_and_diplomacy_free():
    border = req(task="border_security", capability="funding_usd")
    assert not forbids(caveat=NO_GROUND, pledge=pledge("funding_usd"), requirement=border)


def test_no_combat_forbids_only_combat_requirements():
    caveat = Caveat(id="C2", nation="ITA", kind="no_combat")
    infantry = pledge("infantry")
    assert forbids(
        caveat=caveat, pledge=infantry, requirement=req("security", "infantry", combat=True)
    )
    assert not forbids(caveat=caveat, pledge=infantry, requirement=req("security", "infantry"))


def test_geographic_limit_allows_listed_areas_and_the_places_inside_them():
    caveat = Caveat(id="C3", nation="ITA", kind="geographic_limit", areas={"PS0260"})
    assert not forbids(caveat=caveat, pledge=pledge(), requirement=req(area="PS0260"))
    assert not forbids(caveat=caveat, pledge=pledge(), requirement=req(area="PS026012"))
    outside = exclusion(caveat=caveat, pledge=pledge(), requirement=req(area="PS0275"))
    assert outside is not None
    assert outside.rule == "outside_areas"
    assert outside.phrase == "limits it to PS0260, and this need is in PS0275"
    nowhere = exclusion(caveat=caveat, pledge=pledge(), requirement=req(area=None))
    assert nowhere is not None
    assert nowhere.rule == "no_area"


def test_geographic_limit_to_the_whole_strip_allows_requirements_without_area():
    caveat = Caveat(id="C3", nation="ITA", kind="geographic_limit", areas={"PS02"})
    assert not forbids(caveat=caveat, pledge=pledge(), requirement=req(area=None))
    assert not forbids(caveat=caveat, pledge=pledge(), requirement=req(area="PS0255"))


def test_time_limit_forbids_needs_that_start_after_it_ends():
    caveat = Caveat(id="C4", nation="ITA", kind="time_limit", until=date(2026, 6, 30))
    later = req(needed_from=date(2026, 9, 1))
    found = exclusion(caveat=caveat, pledge=pledge(), requirement=later)
    assert found is not None
    assert found.rule == "after_until"
    assert "2026-06-30" in found.phrase
    assert "2026-09-01" in found.phrase
    assert not forbids(caveat=caveat, pledge=pledge(), requirement=req())
    assert not forbids(
        caveat=caveat, pledge=pledge(), requirement=req(needed_from=date(2026, 6, 30))
    )


def test_task_exclusion_forbids_the_listed_tasks():
    caveat = Caveat(id="C5", nation="ITA", kind="task_exclusion", tasks=["disarmament"])
    found = exclusion(caveat=caveat, pledge=pledge(), requirement=req(task="disarmament"))
    assert found is not None
    assert found.phrase == "excludes disarmament tasks"
    assert not forbids(caveat=caveat, pledge=pledge(), requirement=req())


def test_other_caveats_never_restrict():
    caveat = Caveat(id="C6", nation="ITA", kind="other", text="prefers to work with Egypt")
    hard = req("border_security", "infantry", combat=True, area=None)
    assert not forbids(caveat=caveat, pledge=pledge("infantry"), requirement=hard)


def test_a_caveat_binds_only_its_nation_and_its_listed_capabilities():
    scoped = Caveat(
        id="C7", nation="ITA", kind="geographic_limit", areas={"PS0255"}, capabilities={"medical"}
    )
    south = req(task="reconstruction", capability="medical", area="PS0275")
    assert forbids(caveat=scoped, pledge=pledge("medical"), requirement=south)
    assert not forbids(caveat=scoped, pledge=pledge("engineers"), requirement=south)
    assert not forbids(caveat=scoped, pledge=pledge("medical", nation="FRA"), requirement=south)


def test_no_direct_combat_puts_combat_requirements_outside_the_mandate():
    limit = MandateLimit()
    assert outside_mandate(limit=limit, requirement=req(combat=True))
    assert not outside_mandate(limit=limit, requirement=req())
