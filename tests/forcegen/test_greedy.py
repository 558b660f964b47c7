"""The greedy baseline (marsad.forcegen.greedy)."""

from marsad.forcegen import Caveat, Pledge, Requirement, allocate, greedy_allocate


def test_greedy_fills_by_weight_then_id_from_pledges_in_id_order():
    requirements = [
        Requirement(id="R1", task="ceasefire", capability="engineers", quantity=30, weight=1),
        Requirement(id="R2", task="reconstruction", capability="engineers", quantity=30, weight=2),
        Requirement(id="R0", task="reconstruction", capability="engineers", quantity=30, weight=1),
    ]
    pledges = [
        Pledge(id="P2", nation="FRA", capability="engineers", quantity=20),
        Pledge(id="P1", nation="EGY", capability="engineers", quantity=20),
    ]
    result = greedy_allocate(requirements=requirements, pledges=pledges)
    got = [(a.pledge_id, a.requirement_id, a.quantity) for a in result.assignments]
    # R2 (weight 2) first: P1 20, then P2 10; R0 before R1 by id: P2's last 10.
    assert got == [("P2", "R0", 10), ("P1", "R2", 20), ("P2", "R2", 10)]


def test_greedy_obeys_caveats_and_the_solver_beats_it():
    # Greedy hands the only flexible pledge to the heavier need and strands the other.
    requirements = [
        Requirement(id="R1", task="security", capability="infantry", quantity=10, weight=2,
                    area="PS0255"),
        Requirement(id="R2", task="security", capability="infantry", quantity=10, weight=1.5,
                    area="PS0275"),
    ]  # fmt: skip
    pledges = [
        Pledge(id="P1", nation="FRA", capability="infantry", quantity=10),
        Pledge(id="P2", nation="EGY", capability="infantry", quantity=10),
    ]
    caveats = [Caveat(id="C1", nation="EGY", kind="geographic_limit", areas={"PS0255"})]
    greedy = greedy_allocate(requirements=requirements, pledges=pledges, caveats=caveats)
    best = allocate(requirements=requirements, pledges=pledges, caveats=caveats)
    assert greedy.objective == 2.0
    assert best.objective == 3.5
    assert {(a.pledge_id, a.requirement_id) for a in best.assignments} == {
        ("P1", "R2"),
        ("P2", "R1"),
    }
