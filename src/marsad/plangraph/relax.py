"""The smallest set of preconditions whose relaxation breaks every deadlock that can be broken.

Dependencies are never relaxed, so cycles made of dependencies alone are set aside first: each
strongly connected group of the dependency-only graph is contracted to one node. A precondition
edge inside such a group closes a cycle with dependencies alone and must go (it is "forced").
On the contracted graph every cycle has a cuttable edge, the problem is a minimum-cost feedback
arc set where an edge costs its number of preconditions (relaxing one of two preconditions on the
same edge leaves the edge standing), and it splits into its strongly connected components.
Each component is solved exactly (exact.py) when it has at most `EXACT_MAX_CANDIDATES` cuttable
edges, by the stated heuristic (heuristic.py) otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from marsad.plangraph.component import Component, Pair
from marsad.plangraph.exact import exact_cut
from marsad.plangraph.graph import PlanGraph
from marsad.plangraph.heuristic import heuristic_cut, packing_bound
from marsad.plangraph.model import Edge

EXACT_MAX_CANDIDATES = 200
Method = Literal["none", "exact", "heuristic", "exact+heuristic"]


@dataclass(frozen=True)
class Relaxation:
    """Preconditions to relax, the edges that then disappear, how they were found, and whether
    the set is proven to be of minimum size (`lower_bound` is what any breaking set needs)."""

    preconditions: frozenset[str]
    edges: tuple[Edge, ...]
    method: Method
    minimal: bool
    lower_bound: int
    exact_components: int
    heuristic_components: int
    detail: str


def minimum_relaxation(
    graph: PlanGraph, *, exact_max_candidates: int = EXACT_MAX_CANDIDATES
) -> Relaxation:
    """The smallest set of preconditions found whose relaxation leaves only dependency cycles."""
    forced, merged, components = contract(graph)
    removed = list(forced)
    bound = sum(len(e.preconditions) for e in forced)
    counts = {"exact": 0, "heuristic": 0, "fallback": 0}
    proven = True
    for component in components:
        cut = None
        if len(component.candidates) <= exact_max_candidates:
            cut = exact_cut(component)
            counts["fallback" if cut is None else "exact"] += 1
        if cut is None:
            cut = heuristic_cut(component, graph.key)
            counts["heuristic"] += 1
            floor = packing_bound(component)
            proven = proven and component.cost(cut) == floor
        else:
            floor = component.cost(cut)
        bound += floor
        removed.extend(edge for pair in cut for edge in merged[pair])

    removed.sort(key=lambda e: (graph.key(e.before), graph.key(e.after)))
    ids = frozenset(p.id for e in removed for p in e.preconditions)
    method: Method = "none"
    if counts["exact"] and counts["heuristic"]:
        method = "exact+heuristic"
    elif counts["heuristic"]:
        method = "heuristic"
    elif removed:
        method = "exact"
    return Relaxation(
        preconditions=ids,
        edges=tuple(removed),
        method=method,
        minimal=proven,
        lower_bound=bound,
        exact_components=counts["exact"],
        heuristic_components=counts["heuristic"],
        detail=_detail(len(forced), counts, exact_max_candidates, proven),
    )


def contract(graph: PlanGraph) -> tuple[list[Edge], dict[Pair, list[Edge]], list[Component]]:
    """The problem relaxation solves: the forced precondition edges, the contracted graph's
    edges (each with the original edges it stands for) and its strongly connected components."""
    group = _dependency_groups(graph)
    forced = [e for e in graph.edges.values() if e.relaxable and group[e.before] == group[e.after]]
    merged: dict[Pair, list[Edge]] = {}
    for edge in graph.edges.values():
        u, v = group[edge.before], group[edge.after]
        if u != v:
            merged.setdefault((u, v), []).append(edge)
    return forced, merged, _components(graph, merged)


def _dependency_groups(graph: PlanGraph) -> dict[str, str]:
    """Each provision's strongly connected group in the dependency-only graph, named by its
    first provision."""
    group: dict[str, str] = {}
    for members in nx.strongly_connected_components(graph.structural):
        first = min(members, key=graph.key)
        group.update(dict.fromkeys(members, first))
    return group


def _components(graph: PlanGraph, merged: dict[Pair, list[Edge]]) -> list[Component]:
    contracted: Any = nx.DiGraph()
    contracted.add_edges_from(merged)
    found = []
    for members in nx.strongly_connected_components(contracted):
        if len(members) < 2:
            continue
        nodes = graph.sorted(members)
        inside = set(nodes)
        edges = sorted(
            (p for p in merged if p[0] in inside and p[1] in inside),
            key=lambda p: (graph.key(p[0]), graph.key(p[1])),
        )
        weight = {
            p: sum(len(e.preconditions) for e in merged[p])
            for p in edges
            if not any(e.dependency for e in merged[p])
        }
        found.append(Component(nodes, edges, weight))
    return sorted(found, key=lambda c: graph.key(c.nodes[0]))


def _detail(forced: int, counts: dict[str, int], cutoff: int, proven: bool) -> str:
    parts = []
    if forced:
        parts.append(
            f"{forced} precondition edge(s) close a cycle with dependencies alone and must go"
        )
    if counts["exact"]:
        parts.append(
            f"{counts['exact']} component(s) solved exactly (HiGHS integer program over cycles "
            f"added until none is left; at most {cutoff} candidate edges)"
        )
    if counts["heuristic"]:
        parts.append(
            f"{counts['heuristic']} component(s) by heuristic (dependency-respecting "
            "Eades–Lin–Smyth order, then redundant relaxations put back)"
            + (
                f", {counts['fallback']} of them after the exact method ran out"
                if counts["fallback"]
                else ""
            )
            + ("; proven minimal by a cycle-packing bound" if proven else "")
        )
    return "; ".join(parts) if parts else "no deadlock to break"
