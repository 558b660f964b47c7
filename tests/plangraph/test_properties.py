"""Properties on small random plans (hypothesis): the order, the relaxation against brute force,
the heuristic's guarantees and the layout."""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.plangraph import (
    Dependency,
    Precondition,
    analyse,
    build_graph,
    layers,
    layout,
)

PARTIES = ["Israel", "Hamas", "Egypt"]
FAST = settings(max_examples=60, deadline=None)


@st.composite
def plans(draw, max_nodes=7, max_preconditions=12, dependency_cycles=False):
    """(ids, dependencies, preconditions): dependencies mostly a DAG, preconditions anywhere."""
    n = draw(st.integers(1, max_nodes))
    ids = [f"P{i}" for i in range(n)]
    node = st.integers(0, n - 1)
    pairs = draw(st.lists(st.tuples(node, node), max_size=2 * n))
    if not dependency_cycles:
        pairs = [(min(a, b), max(a, b)) for a, b in pairs if a != b]
    deps = [Dependency(ids[a], ids[b]) for a, b in pairs]
    stated = draw(
        st.lists(st.tuples(node, node, st.sampled_from(PARTIES)), max_size=max_preconditions)
    )
    pres = [
        Precondition(f"c{i}", who, ids[x], ids[y], f"s{i}") for i, (x, y, who) in enumerate(stated)
    ]
    return ids, deps, pres


def breaks_every_breakable_cycle(ids, deps, pres, relaxed) -> bool:
    """With `relaxed` preconditions gone, is every remaining cycle made of dependencies alone?"""
    graph = build_graph(ids, deps, [p for p in pres if p.id not in relaxed])
    where = {}
    for i, members in enumerate(nx.strongly_connected_components(graph.digraph)):
        where.update(dict.fromkeys(members, i))
    return not any(e.relaxable and where[e.before] == where[e.after] for e in graph.edges.values())


@FAST
@given(plans(dependency_cycles=True))
def test_the_order_respects_every_edge_outside_a_reported_deadlock(plan):
    ids, deps, pres = plan
    result = analyse(ids, deps, pres)
    assert sorted(result.order) == sorted(ids)
    position = {p: i for i, p in enumerate(result.order)}
    in_deadlock = {e.pair for d in result.deadlocks for e in d.edges}
    for pair in result.graph.edges:
        if pair not in in_deadlock:
            assert position[pair[0]] < position[pair[1]], pair


@FAST
@given(plans())
def test_relaxing_the_set_leaves_the_graph_acyclic(plan):
    ids, deps, pres = plan
    result = analyse(ids, deps, pres)
    assert result.unbreakable == ()
    kept = [p for p in pres if p.id not in result.relaxation.preconditions]
    assert nx.is_directed_acyclic_graph(build_graph(ids, deps, kept).digraph)
    assert bool(result.deadlocks) == bool(result.relaxation.preconditions)


@FAST
@given(plans(dependency_cycles=True))
def test_with_dependency_cycles_only_those_remain(plan):
    ids, deps, pres = plan
    relaxed = analyse(ids, deps, pres).relaxation.preconditions
    assert breaks_every_breakable_cycle(ids, deps, pres, relaxed)


@FAST
@given(plans(max_nodes=6, max_preconditions=12, dependency_cycles=True))
def test_the_exact_set_is_no_larger_than_any_breaking_set_found_by_brute_force(plan):
    ids, deps, pres = plan
    relaxation = analyse(ids, deps, pres).relaxation
    assert relaxation.method in ("none", "exact")
    assert relaxation.minimal
    smallest = next(
        size
        for size in range(len(pres) + 1)
        if any(
            breaks_every_breakable_cycle(ids, deps, pres, {p.id for p in chosen})
            for chosen in combinations(pres, size)
        )
    )
    assert len(relaxation.preconditions) == smallest
    assert relaxation.lower_bound == smallest


@FAST
@given(plans(max_nodes=8, dependency_cycles=True))
def test_the_heuristic_breaks_every_cycle_and_stays_above_its_bound(plan):
    ids, deps, pres = plan
    exact = analyse(ids, deps, pres).relaxation
    heuristic = analyse(ids, deps, pres, exact_max_candidates=0).relaxation
    assert breaks_every_breakable_cycle(ids, deps, pres, heuristic.preconditions)
    assert heuristic.lower_bound <= len(exact.preconditions) <= len(heuristic.preconditions)
    if heuristic.minimal:
        assert len(heuristic.preconditions) == len(exact.preconditions)


@FAST
@given(plans(max_nodes=10, dependency_cycles=True))
def test_the_layout_places_every_node_and_edges_point_to_later_layers(plan):
    ids, deps, pres = plan
    graph = build_graph(ids, deps, pres)
    at = layout(graph)
    assert set(at) == set(ids)
    assert len(set(at.values())) == len(ids)  # no two provisions on the same spot
    layer = layers(graph)
    for pair in graph.edges:
        if pair not in graph.deadlock_pairs:
            assert at[pair[1]][0] > at[pair[0]][0], pair
            assert layer[pair[1]] > layer[pair[0]]


@FAST
@given(plans(dependency_cycles=True), st.randoms(use_true_random=False))
def test_the_analysis_does_not_depend_on_input_order(plan, rnd: random.Random):
    ids, deps, pres = plan
    first = analyse(ids, deps, pres)
    shuffled = [list(x) for x in plan]
    for items in shuffled:
        rnd.shuffle(items)
    again = analyse(*shuffled)
    assert again.order == first.order
    assert again.deadlocks == first.deadlocks
    assert again.relaxation == first.relaxation
    assert again.blocked == first.blocked
    assert layout(again.graph) == layout(first.graph)
