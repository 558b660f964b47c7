"""The smallest relaxation: exact on hand-checked graphs, the heuristic when forced, and what
each says about itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from marsad.plangraph import Dependency, analyse, build_graph, minimum_relaxation
from marsad.plangraph.exact import exact_cut
from marsad.plangraph.relax import contract

from .plans import SEQUENCING, hamas, israel, party

OVERLAPPING = [
    israel("i1", "withdrawal", "disarmament"),  # on both cycles
    hamas("h1", "disarmament", "withdrawal"),
    hamas("h2", "reconstruction", "withdrawal"),
    party("Donors", "d1", "disarmament", "reconstruction"),
]
PLAN = ["disarmament", "withdrawal", "reconstruction"]


def test_the_israel_hamas_deadlock_is_broken_by_one_of_the_two_preconditions():
    relaxation = analyse(["disarmament", "withdrawal"], [], SEQUENCING).relaxation
    assert relaxation.preconditions in ({"israel-1"}, {"hamas-1"})
    assert relaxation.method == "exact"
    assert relaxation.minimal
    assert relaxation.lower_bound == 1


def test_one_precondition_shared_by_two_cycles_is_the_exact_minimum():
    relaxation = analyse(PLAN, [], OVERLAPPING).relaxation
    assert relaxation.preconditions == {"i1"}
    assert relaxation.minimal
    assert [e.pair for e in relaxation.edges] == [("disarmament", "withdrawal")]


def test_the_heuristic_finds_it_too_and_proves_it_with_the_bound():
    relaxation = analyse(PLAN, [], OVERLAPPING, exact_max_candidates=0).relaxation
    assert relaxation.method == "heuristic"
    assert relaxation.preconditions == {"i1"}
    assert relaxation.minimal
    assert "heuristic" in relaxation.detail


def test_an_edge_held_by_two_preconditions_costs_two():
    pres = [*SEQUENCING, party("United States", "us-1", "withdrawal", "disarmament")]
    relaxation = analyse(["disarmament", "withdrawal"], [], pres).relaxation
    assert relaxation.preconditions == {"hamas-1"}


def test_both_preconditions_on_an_edge_go_when_that_edge_is_the_only_way():
    # Cycle: a -> b (two parties) and b -> a (a dependency, never relaxed).
    pres = [israel("i1", "b", "a"), hamas("h1", "b", "a")]
    relaxation = analyse(["a", "b"], [Dependency("b", "a")], pres).relaxation
    assert relaxation.preconditions == {"i1", "h1"}
    assert relaxation.minimal


def test_dependencies_are_never_relaxed():
    # a -> b -> c by the plan; Hamas wants c before a: only Hamas's precondition can go.
    relaxation = analyse(
        ["a", "b", "c"], [Dependency("a", "b"), Dependency("b", "c")], [hamas("h1", "a", "c")]
    ).relaxation
    assert relaxation.preconditions == {"h1"}


def test_a_precondition_closing_a_dependency_cycle_is_forced():
    # a <-> b by dependencies (unbreakable); c -> a and a -> c by preconditions; b -> c too.
    result = analyse(
        ["a", "b", "c"],
        [Dependency("a", "b"), Dependency("b", "a")],
        [israel("i1", "b", "b"), israel("i2", "c", "a"), hamas("h1", "a", "c")],
    )
    assert "i1" in result.relaxation.preconditions
    assert len(result.relaxation.preconditions) == 2
    assert "close a cycle with dependencies alone" in result.relaxation.detail
    assert [c.provisions for c in result.unbreakable] == [("a", "b")]


def test_no_deadlock_needs_no_relaxation():
    relaxation = analyse(["a", "b"], [Dependency("a", "b")], [israel("i1", "b", "a")]).relaxation
    assert relaxation.preconditions == frozenset()
    assert relaxation.method == "none"
    assert relaxation.minimal
    assert relaxation.detail == "no deadlock to break"


def test_components_are_solved_separately_and_the_methods_reported():
    # Two disjoint deadlocks; the cut-off sends the bigger one to the heuristic.
    pres = [
        *SEQUENCING,
        *[party("X", f"x{i}", f"p{(i + 1) % 4}", f"p{i}") for i in range(4)],
        party("Y", "y1", "p0", "p2"),
    ]
    ids = ["disarmament", "withdrawal", "p0", "p1", "p2", "p3"]
    relaxation = analyse(ids, [], pres, exact_max_candidates=2).relaxation
    assert relaxation.method == "exact+heuristic"
    assert (relaxation.exact_components, relaxation.heuristic_components) == (1, 1)
    assert len(relaxation.preconditions) == 2


@pytest.mark.parametrize("cutoff", [0, 150])
def test_the_relaxation_is_the_same_whatever_the_input_order(cutoff):
    forward = build_graph(PLAN, [], OVERLAPPING)
    backward = build_graph(PLAN[::-1], [], OVERLAPPING[::-1])
    assert minimum_relaxation(forward, exact_max_candidates=cutoff) == minimum_relaxation(
        backward, exact_max_candidates=cutoff
    )


def test_a_component_the_exact_method_cannot_settle_goes_to_the_heuristic(monkeypatch):
    monkeypatch.setattr("marsad.plangraph.relax.exact_cut", lambda component: None)
    relaxation = analyse(PLAN, [], OVERLAPPING).relaxation
    assert relaxation.method == "heuristic"
    assert relaxation.preconditions == {"i1"}
    assert "after the exact method ran out" in relaxation.detail


def test_the_exact_method_gives_up_when_its_time_is_spent():
    graph = build_graph(PLAN, [], OVERLAPPING)
    (component,) = contract(graph)[2]
    assert exact_cut(component, time_budget=0) is None
    assert exact_cut(component) == {("disarmament", "withdrawal")}


def test_the_solver_prints_nothing_to_standard_output():
    # HiGHS's own wrapper prints a banner to the process's stdout; the command line's --json
    # output and the benchmark's JSON line must stay clean. A fresh process sees the banner once.
    code = (
        "from marsad.plangraph import analyse, Precondition as P\n"
        "pairs = [('a', 'b'), ('b', 'a'), ('b', 'c'), ('c', 'a')]  # two cycles: HiGHS runs\n"
        "pres = [P(f'{x}{y}', 'X', y, x, 's') for x, y in pairs]\n"
        "assert analyse(['a', 'b', 'c'], [], pres).relaxation.preconditions == {'ab'}\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == ""
