"""The validated plan graph: one edge per ordered pair of provisions, carrying every dependency
and precondition that asks for it, plus the strongly connected parts that make deadlocks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

import networkx as nx

from marsad.plangraph.model import (
    Dependency,
    Edge,
    PlanGraphError,
    Precondition,
    Provision,
    natural_key,
)

Pair = tuple[str, str]
SortKey = tuple[int, int, tuple[tuple[object, ...], str]]
MAX_SCORE = 3  # Peace Accords Matrix: 0 not started, 1 minimal, 2 intermediate, 3 complete


class PlanGraph:
    """Provisions and the edges between them, validated; made by `build_graph`. Everything in it
    is listed in a fixed order (rank, then natural id order) so that results are deterministic."""

    def __init__(
        self, provisions: Mapping[str, Provision], edges: Iterable[Edge], rank: Mapping[str, int]
    ) -> None:
        # Keys are computed once: sorting thousands of edges calls them tens of thousands of times.
        self._keys: dict[str, SortKey] = {
            pid: (0, rank[pid], natural_key(pid)) if pid in rank else (1, 0, natural_key(pid))
            for pid in provisions
        }
        self.provisions: dict[str, Provision] = {
            pid: provisions[pid] for pid in sorted(provisions, key=self.key)
        }
        self.edges: dict[Pair, Edge] = {
            e.pair: e for e in sorted(edges, key=lambda e: (self.key(e.before), self.key(e.after)))
        }
        self.digraph: Any = nx.DiGraph()
        self.digraph.add_nodes_from(self.provisions)
        self.digraph.add_edges_from(self.edges)

    def key(self, provision: str) -> SortKey:
        """Tie-break order: a given rank first, then provisions without one, each by natural id."""
        return self._keys[provision]

    def sorted(self, provisions: Iterable[str]) -> list[str]:
        """The provisions in tie-break order."""
        return sorted(provisions, key=self.key)

    def name(self, provision: str) -> str:
        """The label used in sentences (the id when there is no label)."""
        return self.provisions[provision].name

    def incoming(self, provision: str) -> list[Edge]:
        """The edges into a provision, in tie-break order of their tails."""
        return [
            self.edges[(p, provision)] for p in self.sorted(self.digraph.predecessors(provision))
        ]

    @cached_property
    def cyclic_components(self) -> tuple[tuple[str, ...], ...]:
        """Strongly connected components with a cycle in them (more than one provision, or a
        self-loop), each sorted, in order of their first provision."""
        found = []
        for component in nx.strongly_connected_components(self.digraph):
            first = next(iter(component))
            if len(component) > 1 or self.digraph.has_edge(first, first):
                found.append(tuple(self.sorted(component)))
        return tuple(sorted(found, key=lambda c: self.key(c[0])))

    @cached_property
    def structural(self) -> Any:
        """The dependency edges alone, as a networkx DiGraph over every provision."""
        structural = nx.DiGraph()
        structural.add_nodes_from(self.provisions)
        structural.add_edges_from(pair for pair, e in self.edges.items() if e.dependency)
        return structural

    @cached_property
    def deadlock_pairs(self) -> frozenset[Pair]:
        """The edges that lie inside a deadlock: both ends in the same cyclic component."""
        where = {p: i for i, c in enumerate(self.cyclic_components) for p in c}
        return frozenset(
            pair for pair in self.edges if pair[0] in where and where[pair[0]] == where.get(pair[1])
        )

    @cached_property
    def order(self) -> tuple[str, ...]:
        """A topological order once the deadlock edges are set aside, ties in tie-break order."""
        acyclic = nx.restricted_view(self.digraph, [], list(self.deadlock_pairs))
        return tuple(nx.lexicographical_topological_sort(acyclic, key=self.key))


def build_graph(
    provisions: Iterable[Provision | str],
    dependencies: Iterable[Dependency] = (),
    preconditions: Iterable[Precondition] = (),
    *,
    rank: Mapping[str, int] | None = None,
) -> PlanGraph:
    """Validate the input and combine dependencies and preconditions into one graph."""
    known: dict[str, Provision] = {}
    for item in provisions:
        given = Provision(item) if isinstance(item, str) else item
        if not given.id:
            raise PlanGraphError("a provision has an empty id", code="empty_id")
        if given.id in known:
            raise PlanGraphError(
                f"provision {given.id!r} is listed twice",
                code="duplicate_provision",
                subject=given.id,
            )
        known[given.id] = given

    def exists(provision: str, where: str) -> None:
        if provision not in known:
            raise PlanGraphError(
                f"{where} names provision {provision!r}, which does not exist",
                code="unknown_provision",
                subject=provision,
            )

    structural: set[Pair] = set()
    for dep in dependencies:
        for provision in (dep.before, dep.after):
            exists(provision, f"dependency {dep.before!r} before {dep.after!r}")
        structural.add((dep.before, dep.after))

    stated: dict[Pair, list[Precondition]] = {}
    seen: set[str] = set()
    for pre in preconditions:
        _check_precondition(pre, seen)
        for provision in (pre.provision, pre.after):
            exists(provision, f"precondition {pre.id!r} of {pre.party!r}")
        stated.setdefault((pre.after, pre.provision), []).append(pre)

    for provision in rank or {}:
        exists(provision, "the rank")
    for provision, value in (rank or {}).items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise PlanGraphError(
                f"the rank of {provision!r} is {value!r}, not a whole number",
                code="bad_rank",
                subject=provision,
            )

    edges = [
        Edge(
            before=pair[0],
            after=pair[1],
            dependency=pair in structural,
            preconditions=tuple(sorted(stated.get(pair, ()), key=lambda p: natural_key(p.id))),
        )
        for pair in structural | set(stated)
    ]
    return PlanGraph(known, edges, rank or {})


def _check_precondition(pre: Precondition, seen: set[str]) -> None:
    if not pre.id:
        raise PlanGraphError("a precondition has an empty id", code="empty_id")
    if pre.id in seen:
        raise PlanGraphError(
            f"precondition {pre.id!r} is listed twice",
            code="duplicate_precondition",
            subject=pre.id,
        )
    seen.add(pre.id)
    if not pre.party:
        raise PlanGraphError(
            f"precondition {pre.id!r} names no party", code="no_party", subject=pre.id
        )
    if not pre.statement_id:
        raise PlanGraphError(
            f"precondition {pre.id!r} of {pre.party!r} names no statement",
            code="no_statement",
            subject=pre.id,
        )


def check_scores(graph: PlanGraph, scores: Mapping[str, int]) -> None:
    """Refuse a score for an unknown provision or outside the 0–3 scale."""
    for provision, score in scores.items():
        if provision not in graph.provisions:
            raise PlanGraphError(
                f"a score is given for provision {provision!r}, which does not exist",
                code="unknown_provision",
                subject=provision,
            )
        if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= MAX_SCORE:
            raise PlanGraphError(
                f"the score of provision {provision!r} is {score!r}, outside the 0–3 scale",
                code="score_out_of_range",
                subject=provision,
            )
