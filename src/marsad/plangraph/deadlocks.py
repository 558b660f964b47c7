"""Deadlocks: the strongly connected parts of the graph (more than one provision, or a provision
that waits for itself), the elementary cycles inside each, and the cycles no relaxation can break
because they are made of dependencies alone."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import networkx as nx

from marsad.plangraph.explain import cycle_sentence, deadlock_sentence
from marsad.plangraph.graph import PlanGraph
from marsad.plangraph.model import Edge, Precondition

# Elementary cycles can be exponentially many; past this number per deadlock (and for the
# dependency-only cycles in all) the list is a sample and says so.
MAX_CYCLES = 50


@dataclass(frozen=True)
class Cycle:
    """An elementary cycle: provisions[0] → provisions[1] → … → provisions[0], starting at the
    first provision in tie-break order; `edges` in the same order."""

    provisions: tuple[str, ...]
    edges: tuple[Edge, ...]
    sentence: str

    @property
    def breakable(self) -> bool:
        """False when every edge is a dependency: no precondition can be relaxed to break it."""
        return any(e.relaxable for e in self.edges)

    @property
    def preconditions(self) -> tuple[Precondition, ...]:
        """The preconditions on the cycle's edges, in cycle order."""
        return tuple(p for e in self.edges for p in e.preconditions)


@dataclass(frozen=True)
class Deadlock:
    """Provisions that wait for one another, every edge between them with its reasons, and the
    elementary cycles found (all of them when `cycles_complete`). `breakable` is False when
    dependencies alone make a cycle inside it, so no relaxation can clear it completely."""

    provisions: tuple[str, ...]
    edges: tuple[Edge, ...]
    cycles: tuple[Cycle, ...]
    cycles_complete: bool
    preconditions: tuple[Precondition, ...]
    parties: tuple[str, ...]
    breakable: bool
    sentence: str


def find_deadlocks(graph: PlanGraph, *, max_cycles: int = MAX_CYCLES) -> tuple[Deadlock, ...]:
    """Every deadlock of the graph, in tie-break order of its first provision."""
    found = []
    for members in graph.cyclic_components:
        inside = set(members)
        edges = tuple(e for (a, b), e in graph.edges.items() if a in inside and b in inside)
        cycles, complete = _cycles(graph, graph.digraph.subgraph(members), max_cycles)
        preconditions = tuple(p for e in edges for p in e.preconditions)
        found.append(
            Deadlock(
                provisions=members,
                edges=edges,
                cycles=cycles,
                cycles_complete=complete,
                preconditions=preconditions,
                parties=tuple(sorted({p.party for p in preconditions})),
                breakable=nx.is_directed_acyclic_graph(graph.structural.subgraph(members)),
                sentence=deadlock_sentence(
                    members, [c.edges for c in cycles], complete, graph.name
                ),
            )
        )
    return tuple(found)


def unbreakable_cycles(graph: PlanGraph, *, max_cycles: int = MAX_CYCLES) -> tuple[Cycle, ...]:
    """The cycles made of dependencies alone (at most `max_cycles` of them)."""
    return _cycles(graph, graph.structural, max_cycles)[0]


def _cycles(graph: PlanGraph, digraph: Any, limit: int) -> tuple[tuple[Cycle, ...], bool]:
    listed = list(islice(nx.simple_cycles(digraph), limit + 1))
    cycles = []
    for nodes in listed[:limit]:
        start = nodes.index(min(nodes, key=graph.key))
        ring = (*nodes[start:], *nodes[:start])
        edges = tuple(graph.edges[(a, b)] for a, b in zip(ring, (*ring[1:], ring[0]), strict=True))
        cycles.append(Cycle(ring, edges, cycle_sentence(edges, graph.name)))
    cycles.sort(key=lambda c: (len(c.provisions), [graph.key(p) for p in c.provisions]))
    return tuple(cycles), len(listed) <= limit
