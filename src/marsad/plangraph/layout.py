"""Geometry for drawing the plan graph as layers (Sugiyama style); the Django app draws the SVG.

Layers come from longest paths once the deadlock edges are set aside, so every other edge points
to a later layer and deadlock edges are the ones drawn back. Edges spanning several layers get
invisible way-points in the layers between, so that crossings are counted and reduced for them
too; the order inside each layer then comes from barycentre sweeps, down and up, keeping the
sweep with the fewest crossings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from marsad.plangraph.graph import PlanGraph
from marsad.plangraph.model import Edge

DrawnKind = Literal["dependency", "precondition", "deadlock"]
SWEEPS = 8


@dataclass(frozen=True)
class DrawnEdge:
    """An edge as drawn: `kind` is deadlock for an edge inside a deadlock, else dependency when
    the plan asks for it (a party may also ask), else precondition."""

    before: str
    after: str
    kind: DrawnKind
    edge: Edge


def drawing_edges(graph: PlanGraph) -> tuple[DrawnEdge, ...]:
    """Every edge with the kind it is drawn as."""
    drawn = []
    for pair, edge in graph.edges.items():
        kind: DrawnKind = "dependency" if edge.dependency else "precondition"
        if pair in graph.deadlock_pairs:
            kind = "deadlock"
        drawn.append(DrawnEdge(edge.before, edge.after, kind, edge))
    return tuple(drawn)


def layers(graph: PlanGraph) -> dict[str, int]:
    """Each provision's layer: the length of the longest path reaching it, deadlock edges aside."""
    layer: dict[str, int] = {}
    for node in graph.order:
        incoming = [e.before for e in graph.incoming(node) if e.pair not in graph.deadlock_pairs]
        layer[node] = max((layer[p] + 1 for p in incoming), default=0)
    return layer


def layout(graph: PlanGraph, *, sweeps: int = SWEEPS) -> dict[str, tuple[float, float]]:
    """Position of every provision: x is its layer (0, 1, …), y its slot in the layer (one unit
    apart, layers centred on the widest); deterministic."""
    layer = layers(graph)
    rows, up, down = _layered(graph, layer)
    position = _positions(rows)
    best, fewest = [list(r) for r in rows], _crossings(rows, down, position)
    idle = 0
    for sweep in range(sweeps):
        # Two sweeps (one down, one up) without progress rarely precede a better one.
        if fewest == 0 or idle == 2:
            break
        downward = sweep % 2 == 0
        indices = range(1, len(rows)) if downward else range(len(rows) - 2, -1, -1)
        for i in indices:
            neighbours = up if downward else down
            rows[i].sort(key=lambda n: (_barycentre(neighbours[n], position, n), position[n]))
            position.update({n: p for p, n in enumerate(rows[i])})
        crossings = _crossings(rows, down, position)
        if crossings < fewest:
            best, fewest, idle = [list(r) for r in rows], crossings, 0
        else:
            idle += 1
    widest = max((len(r) for r in best), default=0)
    names = list(graph.order)
    placed: dict[str, tuple[float, float]] = {}
    for x, row in enumerate(best):
        offset = (widest - len(row)) / 2
        for slot, node in enumerate(row):
            if node < len(names):
                placed[names[node]] = (float(x), slot + offset)
    return placed


def _layered(
    graph: PlanGraph, layer: dict[str, int]
) -> tuple[list[list[int]], dict[int, list[int]], dict[int, list[int]]]:
    """Rows of node numbers per layer (provisions numbered in order, way-points after them) and
    each node's neighbours in the layer above and below."""
    names = list(graph.order)
    number = {name: i for i, name in enumerate(names)}
    count = len(names)
    rows: list[list[int]] = [[] for _ in range(max(layer.values(), default=-1) + 1)]
    up: dict[int, list[int]] = {i: [] for i in range(count)}
    down: dict[int, list[int]] = {i: [] for i in range(count)}
    for name in names:
        rows[layer[name]].append(number[name])
    for pair in graph.edges:
        if pair in graph.deadlock_pairs:
            continue
        chain = [number[pair[0]]]
        for between in range(layer[pair[0]] + 1, layer[pair[1]]):
            up[count], down[count] = [], []
            rows[between].append(count)
            chain.append(count)
            count += 1
        chain.append(number[pair[1]])
        for a, b in zip(chain, chain[1:], strict=False):
            down[a].append(b)
            up[b].append(a)
    return rows, up, down


def _positions(rows: list[list[int]]) -> dict[int, int]:
    return {node: slot for row in rows for slot, node in enumerate(row)}


def _barycentre(neighbours: list[int], position: dict[int, int], node: int) -> float:
    # A node with no neighbour on that side keeps its place.
    if not neighbours:
        return float(position[node])
    return sum(position[n] for n in neighbours) / len(neighbours)


def _crossings(rows: list[list[int]], down: dict[int, list[int]], position: dict[int, int]) -> int:
    """Edge crossings between consecutive layers: inversions among the edges' lower ends once
    sorted by their upper ends, counted with a Fenwick tree."""
    total = 0
    for row, below in zip(rows, rows[1:], strict=False):
        ends = sorted((position[a], position[b]) for a in row for b in down[a])
        tree = [0] * (len(below) + 1)
        for seen, (_, low) in enumerate(ends):
            # Edges already seen whose lower end lies right of this one cross it.
            i, not_right = low + 1, 0
            while i > 0:
                not_right += tree[i]
                i -= i & -i
            total += seen - not_right
            i = low + 1
            while i <= len(below):
                tree[i] += 1
                i += i & -i
    return total
