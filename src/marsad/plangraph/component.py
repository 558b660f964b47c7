"""One strongly connected piece of the graph that relaxation has to cut: its edges, which of them
may be cut and at what cost, and the path searches the solvers share."""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

Pair = tuple[str, str]


@dataclass
class Component:
    """Nodes in tie-break order; `weight` holds the cuttable edges and what cutting each costs
    (its number of preconditions). An edge missing from `weight` is a dependency: never cut."""

    nodes: list[str]
    edges: list[Pair]
    weight: dict[Pair, int]
    succ: dict[str, list[str]] = field(init=False)
    pred: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.succ = {n: [] for n in self.nodes}
        self.pred = {n: [] for n in self.nodes}
        for u, v in self.edges:
            self.succ[u].append(v)
            self.pred[v].append(u)

    @property
    def candidates(self) -> list[Pair]:
        """The cuttable edges, in the component's edge order."""
        return [e for e in self.edges if e in self.weight]

    def cost(self, cut: Iterable[Pair]) -> int:
        """What cutting these edges costs: the preconditions relaxed."""
        return sum(self.weight[e] for e in cut)

    def path(self, start: str, goal: str, skip: Collection[Pair] = ()) -> list[str] | None:
        """A shortest path (fewest edges) from start to goal not using the skipped edges."""
        parent: dict[str, str] = {start: start}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if node == goal:
                path = [goal]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            for nxt in self.succ[node]:
                if nxt not in parent and (node, nxt) not in skip:
                    parent[nxt] = node
                    queue.append(nxt)
        return None

    def cycle_through(self, edge: Pair, skip: Collection[Pair] = ()) -> list[Pair] | None:
        """The edges of a shortest cycle that uses `edge` and none of the skipped edges."""
        back = self.path(edge[1], edge[0], skip)
        if back is None:
            return None
        return [edge, *zip(back, back[1:], strict=False)]

    def leftover_cycles(self, cut: Collection[Pair]) -> list[list[Pair]]:
        """One shortest cycle through each cuttable edge that still closes a cycle once `cut` is
        removed; empty when the cut breaks every cycle of the component."""
        cycles = []
        for edge in self.candidates:
            if edge not in cut:
                cycle = self.cycle_through(edge, cut)
                if cycle is not None:
                    cycles.append(cycle)
        return cycles
