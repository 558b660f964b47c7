"""Building the graph: validation of bad input, merging of edges, and the tie-break order."""

from __future__ import annotations

import pytest

from marsad.plangraph import (
    Dependency,
    PlanGraphError,
    Precondition,
    Provision,
    analyse,
    build_graph,
)

from .plans import SEQUENCING, israel


def test_a_dependency_on_a_missing_provision_is_refused_by_name():
    with pytest.raises(PlanGraphError, match="'ghost'") as caught:
        build_graph(["a", "b"], [Dependency("a", "ghost")])
    assert caught.value.code == "unknown_provision"
    assert caught.value.subject == "ghost"


def test_a_precondition_on_a_missing_provision_is_refused_by_name():
    with pytest.raises(PlanGraphError, match="precondition 'c1' of 'Israel'.*'ghost'") as caught:
        build_graph(["withdrawal"], [], [israel("c1", "withdrawal", "ghost")])
    assert caught.value.code == "unknown_provision"


def test_a_precondition_naming_no_statement_is_refused():
    with pytest.raises(PlanGraphError, match="names no statement") as caught:
        build_graph(["a", "b"], [], [Precondition("c1", "Israel", "a", "b", "")])
    assert caught.value.code == "no_statement"


def test_a_precondition_naming_no_party_is_refused():
    with pytest.raises(PlanGraphError, match="names no party"):
        build_graph(["a", "b"], [], [Precondition("c1", "", "a", "b", "s1")])


@pytest.mark.parametrize(
    ("provisions", "preconditions", "code"),
    [
        (["a", "a"], [], "duplicate_provision"),
        ([""], [], "empty_id"),
        (["a", "b"], [israel("c", "a", "b"), israel("c", "b", "a")], "duplicate_precondition"),
    ],
)
def test_duplicates_and_empty_ids_are_refused(provisions, preconditions, code):
    with pytest.raises(PlanGraphError) as caught:
        build_graph(provisions, [], preconditions)
    assert caught.value.code == code


@pytest.mark.parametrize("score", [-1, 4, 2.5, True, "3"])
def test_a_score_outside_the_scale_is_refused(score):
    with pytest.raises(PlanGraphError, match="0–3 scale") as caught:
        analyse(["a"], scores={"a": score})
    assert caught.value.code == "score_out_of_range"
    assert caught.value.subject == "a"


def test_a_score_for_a_missing_provision_is_refused():
    with pytest.raises(PlanGraphError, match="'ghost'"):
        analyse(["a"], scores={"ghost": 1})


def test_a_rank_for_a_missing_provision_is_refused():
    with pytest.raises(PlanGraphError, match="the rank names provision 'ghost'"):
        build_graph(["a"], rank={"ghost": 1})


def test_dependencies_and_preconditions_on_the_same_pair_make_one_edge():
    graph = build_graph(
        ["disarmament", "withdrawal"],
        [Dependency("disarmament", "withdrawal"), Dependency("disarmament", "withdrawal")],
        [israel("c2", "withdrawal", "disarmament"), israel("c1", "withdrawal", "disarmament")],
    )
    (edge,) = graph.edges.values()
    assert edge.pair == ("disarmament", "withdrawal")
    assert edge.dependency
    assert [p.id for p in edge.preconditions] == ["c1", "c2"]
    assert edge.kinds == ("dependency", "precondition")
    assert not edge.relaxable


def test_a_precondition_points_from_what_must_come_first():
    graph = build_graph(["disarmament", "withdrawal"], [], SEQUENCING[:1])
    assert list(graph.edges) == [("disarmament", "withdrawal")]


def test_ids_sort_naturally_and_a_rank_comes_first():
    ids = ["P10", "P2", "P1", "p3"]
    assert build_graph(ids).order == ("P1", "P2", "p3", "P10")
    ranked = build_graph(ids, rank={"P10": 0, "p3": 1})
    assert ranked.order == ("P10", "p3", "P1", "P2")


def test_labels_default_to_ids():
    graph = build_graph([Provision("P1", "ceasefire"), "P2"])
    assert graph.name("P1") == "ceasefire"
    assert graph.name("P2") == "P2"
