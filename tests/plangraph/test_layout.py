"""Layered layout and the kinds of the edges drawn."""

from __future__ import annotations

from marsad.plangraph import Dependency, build_graph, drawing_edges, layout

from .plans import SEQUENCING, chain, israel


def test_a_chain_is_drawn_left_to_right_in_one_line():
    assert layout(build_graph(["a", "b", "c"], chain("a", "b", "c"))) == {
        "a": (0.0, 0.0),
        "b": (1.0, 0.0),
        "c": (2.0, 0.0),
    }


def test_a_diamond_has_three_layers_centred():
    deps = [Dependency("a", "b"), Dependency("a", "c"), Dependency("b", "d"), Dependency("c", "d")]
    at = layout(build_graph(["a", "b", "c", "d"], deps))
    assert at == {"a": (0.0, 0.5), "b": (1.0, 0.0), "c": (1.0, 1.0), "d": (2.0, 0.5)}


def test_crossings_are_removed_where_possible():
    # Layer 0 is a, b; the edges cross unless layer 1 puts d above c.
    graph = build_graph(["a", "b", "c", "d"], [Dependency("a", "d"), Dependency("b", "c")])
    at = layout(graph)
    assert at["a"][1] < at["b"][1]
    assert at["d"][1] < at["c"][1]


def test_long_edges_keep_their_way_clear():
    # a -> b -> c and a -> c: the way-point for a -> c takes a slot in b's layer.
    at = layout(build_graph(["a", "b", "c"], [*chain("a", "b", "c"), Dependency("a", "c")]))
    assert [at[n][0] for n in "abc"] == [0.0, 1.0, 2.0]
    assert at["a"][1] == at["c"][1] != at["b"][1]


def test_deadlock_edges_are_drawn_back_and_marked():
    graph = build_graph(
        ["disarmament", "withdrawal", "reconstruction"],
        [Dependency("withdrawal", "reconstruction")],
        [*SEQUENCING, israel("i2", "reconstruction", "disarmament")],
    )
    at = layout(graph)
    assert at["disarmament"][0] == at["withdrawal"][0] == 0.0
    assert at["reconstruction"][0] == 1.0
    kinds = {(d.before, d.after): d.kind for d in drawing_edges(graph)}
    assert kinds == {
        ("disarmament", "withdrawal"): "deadlock",
        ("withdrawal", "disarmament"): "deadlock",
        ("withdrawal", "reconstruction"): "dependency",
        ("disarmament", "reconstruction"): "precondition",
    }


def test_the_layout_is_deterministic():
    ids = [f"p{i}" for i in range(30)]
    deps = [Dependency(f"p{i}", f"p{(i * 7 + 3) % 30}") for i in range(30) if i < (i * 7 + 3) % 30]
    first = layout(build_graph(ids, deps))
    assert layout(build_graph(ids[::-1], deps[::-1])) == first
