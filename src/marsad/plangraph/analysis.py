"""The whole analysis of a plan: the order provisions can proceed in, what blocks each one, the
deadlocks, and the smallest relaxation that would break them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from marsad.plangraph.deadlocks import MAX_CYCLES, Cycle, Deadlock, find_deadlocks
from marsad.plangraph.deadlocks import unbreakable_cycles as find_unbreakable
from marsad.plangraph.graph import MAX_SCORE, PlanGraph, build_graph, check_scores
from marsad.plangraph.model import Dependency, Edge, Precondition, Provision
from marsad.plangraph.relax import EXACT_MAX_CANDIDATES, Relaxation, minimum_relaxation


@dataclass(frozen=True)
class Blocker:
    """A provision that must come before the blocked one and holds it up: it is not complete, or
    the edge from it lies in a deadlock. `edge` says why it must come first (the plan's
    dependency, the parties' preconditions with their statements, or both)."""

    provision: str
    score: int | None
    edge: Edge
    in_deadlock: bool

    @property
    def complete(self) -> bool:
        """Whether the blocking provision is scored 3 (complete)."""
        return self.score == MAX_SCORE


@dataclass(frozen=True)
class Analysis:
    """Result of `analyse`. `order` is a topological order once deadlock edges are set aside;
    `blocked` maps each blocked provision (not complete itself) to its blockers; `unbreakable`
    lists cycles made of dependencies alone, which no relaxation can break."""

    order: tuple[str, ...]
    blocked: Mapping[str, tuple[Blocker, ...]]
    deadlocks: tuple[Deadlock, ...]
    relaxation: Relaxation
    unbreakable: tuple[Cycle, ...]
    graph: PlanGraph = field(repr=False, compare=False)

    def deadlock_of(self, provision: str) -> Deadlock | None:
        """The deadlock a provision sits in, if any."""
        return next((d for d in self.deadlocks if provision in d.provisions), None)


def analyse(
    provisions: Iterable[Provision | str],
    dependencies: Iterable[Dependency] = (),
    preconditions: Iterable[Precondition] = (),
    *,
    scores: Mapping[str, int] | None = None,
    rank: Mapping[str, int] | None = None,
    exact_max_candidates: int = EXACT_MAX_CANDIDATES,
    max_cycles: int = MAX_CYCLES,
) -> Analysis:
    """Validate the plan and analyse its sequencing; raises PlanGraphError on bad input."""
    graph = build_graph(provisions, dependencies, preconditions, rank=rank)
    return analyse_graph(
        graph, scores=scores, exact_max_candidates=exact_max_candidates, max_cycles=max_cycles
    )


def analyse_graph(
    graph: PlanGraph,
    *,
    scores: Mapping[str, int] | None = None,
    exact_max_candidates: int = EXACT_MAX_CANDIDATES,
    max_cycles: int = MAX_CYCLES,
) -> Analysis:
    """`analyse` on a graph already built with `build_graph`."""
    scores = dict(scores or {})
    check_scores(graph, scores)
    return Analysis(
        order=graph.order,
        blocked=blocked(graph, scores),
        deadlocks=find_deadlocks(graph, max_cycles=max_cycles),
        relaxation=minimum_relaxation(graph, exact_max_candidates=exact_max_candidates),
        unbreakable=find_unbreakable(graph, max_cycles=max_cycles),
        graph=graph,
    )


def blocked(graph: PlanGraph, scores: Mapping[str, int]) -> dict[str, tuple[Blocker, ...]]:
    """Each provision that is not complete and has an incomplete predecessor or sits in a
    deadlock, with its blockers. A missing score counts as not complete."""
    result = {}
    for provision in graph.provisions:
        if scores.get(provision) == MAX_SCORE:
            continue  # done already: whatever should have preceded it no longer holds it up
        blockers = tuple(
            Blocker(
                provision=edge.before,
                score=scores.get(edge.before),
                edge=edge,
                in_deadlock=edge.pair in graph.deadlock_pairs,
            )
            for edge in graph.incoming(provision)
            if scores.get(edge.before) != MAX_SCORE or edge.pair in graph.deadlock_pairs
        )
        if blockers:
            result[provision] = blockers
    return result
