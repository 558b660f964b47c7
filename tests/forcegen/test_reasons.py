"""Reasons for gaps and for unused pledges, and their English (marsad.forcegen.reasons)."""

from marsad.forcegen import Caveat, MandateLimit, Pledge, Requirement, allocate
from marsad.forcegen.allocation import assemble
from marsad.forcegen.problem import build_problem

NAMES = {"ITA": "Italy", "FRA": "France", "EGY": "Egypt"}


def test_partly_used_pledges_say_how_much_went_where():
    requirements = [
        Requirement(id="R1", task="ceasefire", capability="engineers", quantity=10, weight=1,
                    label="rebuild the crossing"),
        Requirement(id="R2", task="reconstruction", capability="engineers", quantity=40, weight=1,
                    label="clear rubble"),
    ]  # fmt: skip
    pledges = [Pledge(id="P1", nation="EGY", capability="engineers", quantity=30)]
    result = allocate(requirements=requirements, pledges=pledges)
    (rubble,) = result.unmet
    assert (rubble.requirement_id, rubble.missing) == ("R2", 20)
    assert [r.kind for r in rubble.reasons] == ["shortfall", "used_elsewhere"]
    assert rubble.reasons[0].describe() == (
        "Usable pledges of engineers come to 30, short of the 40 that 'clear rubble' needs."
    )
    assert rubble.reasons[1].describe(names=NAMES) == (
        "Egypt's 30 engineers (10 of them) are assigned to requirements that count at least as "
        "much per unit needed: 'rebuild the crossing' (10)."
    )


def test_other_trades_are_named_only_for_people_on_the_ground():
    requirements = [
        Requirement(id="R1", task="border_security", capability="infantry", quantity=50),
        Requirement(id="R2", task="border_security", capability="funding_usd", quantity=10**6),
    ]
    pledges = [
        Pledge(id="P1", nation="ITA", capability="police_trainers", quantity=200),
        Pledge(id="P2", nation="ITA", capability="political", quantity=1),
    ]
    caveats = [
        Caveat(id="C1", nation="ITA", kind="task_exclusion", tasks={"border_security"}),
    ]
    result = allocate(requirements=requirements, pledges=pledges, caveats=caveats)
    by_req = {u.requirement_id: u for u in result.unmet}
    assert [(r.kind, r.pledge_id) for r in by_req["R1"].reasons] == [
        ("no_pledge", None),
        ("caveat", "P1"),
    ]
    # Nobody asks police trainers for money: the funding gap lists no caveats.
    assert [r.kind for r in by_req["R2"].reasons] == ["no_pledge"]
    assert by_req["R2"].reasons[0].describe() == (
        "No pledge offers US dollars of funding; 'border security: US dollars of funding' "
        "needs 1,000,000."
    )


def test_a_caveat_of_the_right_trade_is_named_with_every_rule_it_breaks():
    requirements = [
        Requirement(id="R1", task="security", capability="infantry", quantity=20, area="PS0275")
    ]
    pledges = [Pledge(id="P1", nation="ITA", capability="infantry", quantity=100)]
    caveats = [
        Caveat(id="C1", nation="ITA", kind="no_ground_troops", text="no ground troops"),
        Caveat(id="C2", nation="ITA", kind="geographic_limit", areas={"PS0260"}),
    ]
    result = allocate(requirements=requirements, pledges=pledges, caveats=caveats)
    reasons = result.unmet[0].reasons
    assert [(r.kind, r.caveat_id, r.rule) for r in reasons] == [
        ("shortfall", None, None),
        ("caveat", "C1", "ground_force_capability"),
        ("caveat", "C2", "outside_areas"),
    ]
    (unused,) = result.unused
    assert (unused.why, unused.caveat_ids) == ("excluded", ("C1", "C2"))
    assert unused.describe(names=NAMES) == (
        "Italy's 100 infantry are not used: every requirement for them is excluded by the "
        "caveats 'no ground troops', 'geographic limit'."
    )


def test_pledges_nobody_needs_are_reported():
    pledges = [Pledge(id="P1", nation="ITA", capability="political", quantity=1)]
    (unused,) = allocate(requirements=[], pledges=pledges).unused
    assert unused.describe(names=NAMES) == (
        "Italy's 1 political support is not used: no requirement needs political support."
    )


def test_an_unfinished_solve_is_blamed_on_the_solver():
    requirements = [Requirement(id="R1", task="ceasefire", capability="engineers", quantity=10)]
    pledges = [Pledge(id="P1", nation="FRA", capability="engineers", quantity=10)]
    problem = build_problem(
        requirements=requirements,
        pledges=pledges,
        caveats=(),
        limits=(),
        count_unmet_conditions=False,
    )
    result = assemble(problem=problem, units={("P1", "R1"): 4}, status="time_limit")
    assert [r.kind for r in result.unmet[0].reasons] == ["solver_stopped"]
    assert result.unmet[0].reasons[0].describe(names=NAMES) == (
        "France's 10 engineers could serve 'ceasefire: engineers' but were left unassigned "
        "when the solver stopped at its time limit."
    )
    assert result.unused[0].why == "solver_stopped"


def test_the_mandate_reason_stands_alone():
    requirements = [
        Requirement(id="R1", task="disarmament", capability="infantry", quantity=10, combat=True,
                    label="disarm by force"),
    ]  # fmt: skip
    result = allocate(requirements=requirements, pledges=[], limits=[MandateLimit()])
    (reason,) = result.unmet[0].reasons
    assert reason.describe() == (
        "'disarm by force' is outside the mandate: the force takes no part in direct combat, "
        "so it is not filled."
    )


def test_a_refusal_to_send_troops_is_no_pledge_at_all():
    requirements = [Requirement(id="R1", task="security", capability="infantry", quantity=10)]
    pledges = [Pledge(id="P1", nation="ITA", capability="infantry", quantity=0)]
    result = allocate(requirements=requirements, pledges=pledges)
    assert [r.kind for r in result.unmet[0].reasons] == ["no_pledge"]
    assert result.unused == ()
