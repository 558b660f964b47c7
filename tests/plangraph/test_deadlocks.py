"""Deadlocks on hand-checked graphs: what they contain and how they are explained."""

from __future__ import annotations

from marsad.plangraph import Dependency, Provision, analyse

from .plans import DISARM, REBUILD, SEQUENCING, WITHDRAW, hamas, israel, party


def test_the_israel_hamas_deadlock_names_both_parties_and_their_statements():
    result = analyse(
        [DISARM, WITHDRAW, REBUILD], [Dependency("withdrawal", "reconstruction")], SEQUENCING
    )
    (deadlock,) = result.deadlocks
    assert deadlock.provisions == ("disarmament", "withdrawal")
    assert deadlock.parties == ("Hamas", "Israel")
    assert {p.statement_id for p in deadlock.preconditions} == {
        "statement-israel-1",
        "statement-hamas-1",
    }
    assert deadlock.sentence == (
        "Israel requires disarmament before withdrawal "
        "while Hamas requires withdrawal before disarmament."
    )
    (cycle,) = deadlock.cycles
    assert cycle.provisions == ("disarmament", "withdrawal")
    assert [e.pair for e in cycle.edges] == [
        ("disarmament", "withdrawal"),
        ("withdrawal", "disarmament"),
    ]
    assert deadlock.cycles_complete
    assert deadlock.breakable
    assert result.deadlock_of("reconstruction") is None
    assert result.deadlock_of("withdrawal") is deadlock


def test_a_three_party_cycle_is_one_deadlock_with_three_clauses():
    ids = [Provision("A", "hostage release"), Provision("B", "amnesty"), Provision("C", "aid")]
    result = analyse(
        ids,
        [],
        [
            party("Israel", "c1", "B", "A"),
            party("Hamas", "c2", "C", "B"),
            party("Egypt", "c3", "A", "C"),
        ],
    )
    (deadlock,) = result.deadlocks
    assert deadlock.parties == ("Egypt", "Hamas", "Israel")
    assert deadlock.sentence == (
        "Israel requires hostage release before amnesty, Hamas requires amnesty before aid "
        "and Egypt requires aid before hostage release."
    )
    assert len(result.relaxation.preconditions) == 1


def test_overlapping_cycles_are_one_deadlock_listing_both_cycles():
    result = analyse(
        ["disarmament", "withdrawal", "reconstruction"],
        [],
        [
            israel("i1", "withdrawal", "disarmament"),
            hamas("h1", "disarmament", "withdrawal"),
            hamas("h2", "reconstruction", "withdrawal"),
            party("Donors", "d1", "disarmament", "reconstruction"),
        ],
    )
    (deadlock,) = result.deadlocks
    assert [c.provisions for c in deadlock.cycles] == [
        ("disarmament", "withdrawal"),
        ("disarmament", "withdrawal", "reconstruction"),
    ]
    assert deadlock.sentence.startswith(
        "Disarmament, reconstruction and withdrawal are locked in 2 cycles; the shortest: "
    )


def test_a_cycle_of_dependencies_alone_is_unbreakable():
    result = analyse(["a", "b", "c"], [Dependency("a", "b"), Dependency("b", "a")])
    (deadlock,) = result.deadlocks
    assert not deadlock.breakable
    (cycle,) = result.unbreakable
    assert cycle.provisions == ("a", "b")
    assert not cycle.breakable
    assert cycle.sentence == "The plan requires a before b while the plan requires b before a."
    assert result.relaxation.preconditions == frozenset()
    assert result.relaxation.method == "none"


def test_a_self_loop_is_a_deadlock_of_one_provision():
    result = analyse(["a", "b"], [Dependency("a", "b")], [israel("c1", "b", "b")])
    (deadlock,) = result.deadlocks
    assert deadlock.provisions == ("b",)
    assert deadlock.sentence == "Israel makes b wait for itself."
    assert result.relaxation.preconditions == {"c1"}
    assert result.order == ("a", "b")


def test_a_dependency_self_loop_is_unbreakable():
    result = analyse(["a"], [Dependency("a", "a")])
    assert [c.provisions for c in result.unbreakable] == [("a",)]
    assert result.unbreakable[0].sentence == "The plan makes a wait for itself."


def test_cycles_past_the_cap_are_a_sample_that_says_so():
    # Every ordered pair of 5 provisions: far more than 10 elementary cycles.
    ids = ["a", "b", "c", "d", "e"]
    pres = [party("X", f"{u}{v}", v, u) for u in ids for v in ids if u != v]
    result = analyse(ids, [], pres, max_cycles=10)
    (deadlock,) = result.deadlocks
    assert len(deadlock.cycles) == 10
    assert not deadlock.cycles_complete
    assert "at least 10 cycles" in deadlock.sentence


def test_parties_on_the_same_edge_are_named_together():
    result = analyse(
        ["disarmament", "withdrawal"],
        [],
        [*SEQUENCING, party("United States", "us-1", "withdrawal", "disarmament")],
    )
    assert result.deadlocks[0].sentence.startswith(
        "Israel and United States require disarmament before withdrawal while"
    )
