"""Order and blocked provisions on hand-checked graphs, and the JSON form of an analysis."""

from __future__ import annotations

import json

from marsad.plangraph import Dependency, analyse, analysis_to_dict

from .plans import DISARM, REBUILD, SEQUENCING, WITHDRAW, chain, hamas


def test_a_chain_proceeds_in_its_order():
    result = analyse(["c", "a", "b"], chain("a", "b", "c"))
    assert result.order == ("a", "b", "c")
    assert result.deadlocks == ()
    assert set(result.blocked) == {"b", "c"}  # nothing is scored, so nothing is complete


def test_a_diamond_proceeds_top_first_and_ties_by_id():
    deps = [Dependency("a", "c"), Dependency("a", "b"), Dependency("b", "d"), Dependency("c", "d")]
    assert analyse(["d", "c", "b", "a"], deps).order == ("a", "b", "c", "d")


def test_the_order_is_deterministic_and_follows_a_rank():
    ids = [f"P{i}" for i in range(12, 0, -1)]
    assert analyse(ids).order == tuple(f"P{i}" for i in range(1, 13))
    rank = {f"P{i}": -i for i in range(1, 13)}
    assert analyse(ids, rank=rank).order == tuple(f"P{i}" for i in range(12, 0, -1))
    assert analyse(ids, [Dependency("P1", "P12")], rank=rank).order[-1] == "P12"


def test_blocked_provisions_name_their_incomplete_predecessors():
    deps = [Dependency("a", "b"), Dependency("a", "c"), Dependency("b", "d"), Dependency("c", "d")]
    result = analyse(["a", "b", "c", "d"], deps, scores={"a": 3, "b": 3, "c": 2, "d": 0})
    assert list(result.blocked) == ["d"]
    (blocker,) = result.blocked["d"]
    assert (blocker.provision, blocker.score, blocker.complete) == ("c", 2, False)
    assert blocker.edge.dependency
    assert not blocker.in_deadlock


def test_a_complete_provision_is_not_blocked():
    result = analyse(["a", "b"], chain("a", "b"), scores={"b": 3})
    assert result.blocked == {}


def test_a_provision_in_a_deadlock_is_blocked_by_the_party_behind_each_edge():
    result = analyse(
        [DISARM, WITHDRAW, REBUILD],
        [Dependency("withdrawal", "reconstruction")],
        SEQUENCING,
        scores={"disarmament": 3, "withdrawal": 1, "reconstruction": 0},
    )
    assert set(result.blocked) == {"withdrawal", "reconstruction"}
    (why,) = result.blocked["withdrawal"]
    assert why.provision == "disarmament"
    assert why.complete
    assert why.in_deadlock
    assert [(p.party, p.statement_id) for p in why.edge.preconditions] == [
        ("Israel", "statement-israel-1")
    ]
    (rebuild,) = result.blocked["reconstruction"]
    assert (rebuild.provision, rebuild.score, rebuild.in_deadlock) == ("withdrawal", 1, False)


def test_the_order_sets_the_deadlock_aside_and_keeps_the_rest():
    result = analyse(
        [DISARM, WITHDRAW, REBUILD],
        [Dependency("withdrawal", "reconstruction")],
        [*SEQUENCING, hamas("h2", "reconstruction", "disarmament")],
    )
    assert result.order == ("disarmament", "withdrawal", "reconstruction")


def test_the_analysis_serializes_to_json():
    result = analyse([DISARM, WITHDRAW], [], SEQUENCING, scores={"withdrawal": 1})
    data = json.loads(json.dumps(analysis_to_dict(result)))
    assert data["order"] == ["disarmament", "withdrawal"]
    assert data["deadlocks"][0]["parties"] == ["Hamas", "Israel"]
    assert data["relaxation"]["method"] == "exact"
    assert data["blocked"]["withdrawal"][0]["edge"]["preconditions"][0]["party"] == "Israel"
