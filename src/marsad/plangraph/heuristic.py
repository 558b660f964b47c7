"""Heuristic cut for components too big for the exact method, and a lower bound to judge it.

The cut comes from an ordering in the manner of Eades, Lin and Smyth (1993): peel sinks off the
end and sources off the front, otherwise place next the node whose outgoing weight most exceeds
its incoming weight. Here only nodes whose dependencies are all placed may be chosen, so that no
dependency ever points backwards; the cuttable edges that do are the cut. A second pass then puts
back every cut edge that closes no cycle any more, heaviest first, so the cut is minimal by
inclusion (no edge in it can be spared), though not necessarily of minimum cost."""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable
from typing import Any

from marsad.plangraph.component import Component, Pair

Key = Callable[[str], Any]


def heuristic_cut(component: Component, key: Key) -> frozenset[Pair]:
    """A cut breaking every cycle: a dependency-respecting greedy order, then redundant cuts
    put back."""
    position = {node: i for i, node in enumerate(_greedy_order(component, key))}
    backward = [e for e in component.candidates if position[e[0]] > position[e[1]]]
    return _put_back(component, backward, key)


def packing_bound(component: Component) -> int:
    """A lower bound on any cut's cost: cycles sharing no cuttable edge each need their own cut
    edge, at least the cheapest on that cycle."""
    used: set[Pair] = set()
    bound = 0
    for edge in component.candidates:
        if edge in used:
            continue
        cycle = component.cycle_through(edge, used)
        if cycle is None:
            continue
        cuttable = [e for e in cycle if e in component.weight]
        used.update(cuttable)
        bound += min(component.weight[e] for e in cuttable)
    return bound


def _greedy_order(component: Component, key: Key) -> list[str]:
    weight = component.weight
    remaining = set(component.nodes)
    out_count = {n: len(component.succ[n]) for n in component.nodes}
    in_count = {n: len(component.pred[n]) for n in component.nodes}
    # A dependency counts 1 on the outgoing side; it never counts incoming, since a node is only
    # chosen once its dependencies are placed.
    out_weight = {n: sum(weight.get((n, m), 1) for m in component.succ[n]) for n in out_count}
    in_weight = {n: sum(weight.get((m, n), 0) for m in component.pred[n]) for n in in_count}
    waiting = {n: sum((m, n) not in weight for m in component.pred[n]) for n in in_count}
    rank = {n: i for i, n in enumerate(sorted(component.nodes, key=key))}
    sinks = deque(n for n in component.nodes if out_count[n] == 0)
    sources = deque(n for n in component.nodes if in_count[n] == 0)
    heap: list[tuple[int, int, str]] = []

    def offer(node: str) -> None:
        if waiting[node] == 0:
            heapq.heappush(heap, (in_weight[node] - out_weight[node], rank[node], node))

    for node in component.nodes:
        offer(node)

    def place(node: str) -> None:
        remaining.discard(node)
        for m in component.succ[node]:
            if m in remaining:
                in_count[m] -= 1
                in_weight[m] -= weight.get((node, m), 0)
                waiting[m] -= (node, m) not in weight
                if in_count[m] == 0:
                    sources.append(m)
                offer(m)
        for m in component.pred[node]:
            if m in remaining:
                out_count[m] -= 1
                out_weight[m] -= weight.get((m, node), 1)
                if out_count[m] == 0:
                    sinks.append(m)
                offer(m)

    head: list[str] = []
    tail: list[str] = []
    while remaining:
        if sinks or sources:
            queue, line = (sinks, tail) if sinks else (sources, head)
            node = queue.popleft()
            if node in remaining:
                line.append(node)
                place(node)
            continue
        score, _, node = heapq.heappop(heap)
        # Entries go stale as neighbours are placed; only a current one is acted on.
        if node in remaining and waiting[node] == 0 and score == in_weight[node] - out_weight[node]:
            head.append(node)
            place(node)
    return head + tail[::-1]


def _put_back(component: Component, cut: list[Pair], key: Key) -> frozenset[Pair]:
    kept = set(cut)
    for edge in sorted(cut, key=lambda e: (-component.weight[e], key(e[0]), key(e[1]))):
        kept.discard(edge)
        # Putting the edge back closes a cycle exactly when its head still reaches its tail.
        if component.path(edge[1], edge[0], kept) is not None:
            kept.add(edge)
    return frozenset(kept)
