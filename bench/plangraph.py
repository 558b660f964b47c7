"""Benchmark of the plan-graph core: the full deadlock analysis (`analyse`: order, blocked
provisions, deadlocks with their cycles, minimum relaxation, dependency-only cycles) on seeded
random plans of 20, 200 and 2,000 provisions, against a baseline measured in the same run on the
same graph:

  baseline_scc     networkx.strongly_connected_components alone
  baseline_cycles  the same plus networkx.simple_cycles inside each cyclic component, capped at
                   the number of cycles `analyse` lists (its MAX_CYCLES), i.e. finding the
                   deadlocks and no more

A plan is a sparse random DAG of dependencies (each provision depends on one or two of the ten
before it), random scores 0-3, one two-party dispute per 20 provisions (each party wants the
other's step first: a two-cycle) and random preconditions, one for every two provisions, from
six parties; most agree with the dependencies, one in ten asks for the reverse and may close
longer cycles. The relaxation is also timed with every component sent to the heuristic, to
compare it with the exact method on the same graph. It prints one
JSON line (figures, ratios and how time grows with size) and a table on stderr. Timings vary
between machines; they are never pass/fail tests. Usage: bench/plangraph.py [--quick] [--seed N]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import random
import statistics
import sys
import time
from itertools import islice

import networkx as nx

from marsad.plangraph import (
    EXACT_MAX_CANDIDATES,
    MAX_CYCLES,
    Dependency,
    Precondition,
    analyse_graph,
    build_graph,
    layout,
    minimum_relaxation,
)
from marsad.plangraph.relax import contract

PARTIES = ["Israel", "Hamas", "Egypt", "Qatar", "United States", "Palestinian Authority"]
# (name, provisions, reach): "sparse" at the three sizes; "knotted" lets preconditions reach ten
# times further, which ties most of the plan into one component past the exact cut-off.
PLANS = (("sparse", 20, 30), ("sparse", 200, 30), ("sparse", 2000, 30), ("knotted", 2000, 300))
ALL = 10**9  # an exact cut-off no component reaches
REVERSED = 0.1  # share of preconditions that ask for the reverse of the plan's direction


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="What the plan-graph analysis costs.")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a quick check")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    return parser.parse_args()


def scores(ids: list[str], seed: int) -> dict[str, int]:
    """Seeded random Peace Accords Matrix scores, so that some provisions are complete."""
    rnd = random.Random(seed)
    return {pid: rnd.randrange(4) for pid in ids}


def plan(
    n: int, seed: int, reach: int = 30
) -> tuple[list[str], list[Dependency], list[Precondition]]:
    """A seeded random plan of n provisions; a precondition links provisions at most `reach`
    apart in the plan."""
    rnd = random.Random(seed * 1_000_003 + n * 1009 + reach)
    ids = [f"P{i}" for i in range(n)]
    deps = []
    for i in range(1, n):
        for j in rnd.sample(range(max(0, i - 10), i), min(i, rnd.choice((1, 2)))):
            deps.append(Dependency(ids[j], ids[i]))
    # The seed case in miniature, once per 20 provisions: two parties each wanting the other's
    # step first, on provisions close in the plan.
    pres = []
    for k in range(n // 20):
        a = rnd.randrange(n - 1)
        b = rnd.randrange(a + 1, min(n, a + 5))
        pres.append(Precondition(f"d{k}a", "Israel", ids[b], ids[a], f"sd{k}a"))
        pres.append(Precondition(f"d{k}b", "Hamas", ids[a], ids[b], f"sd{k}b"))
    for k in range(n // 2):
        later = rnd.randrange(1, n)
        earlier = rnd.randrange(max(0, later - reach), later)
        first, then = (later, earlier) if rnd.random() < REVERSED else (earlier, later)
        pres.append(Precondition(f"c{k}", rnd.choice(PARTIES), ids[then], ids[first], f"s{k}"))
    return ids, deps, pres


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        # Each run starts from a clean heap, so that it does not pay for the garbage of the last.
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline_cycles(digraph) -> int:
    listed = 0
    for component in nx.strongly_connected_components(digraph):
        first = next(iter(component))
        if len(component) > 1 or digraph.has_edge(first, first):
            sub = digraph.subgraph(component)
            listed += len(list(islice(nx.simple_cycles(sub), MAX_CYCLES + 1)))
    return listed


def measure(name: str, n: int, reach: int, seed: int, runs: int) -> dict:
    ids, deps, pres = plan(n, seed, reach)
    scored = scores(ids, seed)

    def full():
        # Built afresh each run: the graph caches its components, and analyse builds it too.
        return analyse_graph(build_graph(ids, deps, pres), scores=scored)

    result = full()
    graph = result.graph
    relaxation = result.relaxation
    analyse_s = median_seconds(full, runs)
    relax_s = median_seconds(lambda: minimum_relaxation(build_graph(ids, deps, pres)), runs)
    build_s = median_seconds(lambda: build_graph(ids, deps, pres), runs)
    layout_s = median_seconds(lambda: layout(build_graph(ids, deps, pres)), runs) - build_s
    # The same graph with every component sent to the heuristic, then to the exact method
    # whatever its size, to compare the two where both can run.
    timings = {}
    other = {}
    for method, cutoff in (("heuristic", 0), ("exact", ALL)):
        other[method] = minimum_relaxation(graph, exact_max_candidates=cutoff)
        timings[method] = median_seconds(
            lambda c=cutoff: minimum_relaxation(
                build_graph(ids, deps, pres), exact_max_candidates=c
            ),
            runs,
        )
    scc_s = median_seconds(lambda: list(nx.strongly_connected_components(graph.digraph)), runs)
    cycles_s = median_seconds(lambda: baseline_cycles(graph.digraph), runs)
    return {
        "plan": name,
        "n": n,
        "reach": reach,
        "dependencies": len(deps),
        "preconditions": len(pres),
        "edges": len(graph.edges),
        "deadlocks": len(result.deadlocks),
        "largest_deadlock": max((len(d.provisions) for d in result.deadlocks), default=0),
        "cycles_listed": sum(len(d.cycles) for d in result.deadlocks),
        "blocked": len(result.blocked),
        "relaxed": len(relaxation.preconditions),
        "lower_bound": relaxation.lower_bound,
        "method": relaxation.method,
        "minimal": relaxation.minimal,
        "exact_components": relaxation.exact_components,
        "heuristic_components": relaxation.heuristic_components,
        "largest_component_candidates": largest_candidates(graph),
        "heuristic_relaxed": len(other["heuristic"].preconditions),
        "heuristic_lower_bound": other["heuristic"].lower_bound,
        "exact_relaxed": len(other["exact"].preconditions),
        "exact_proven": other["exact"].minimal,
        "runs": runs,
        "analyse_ms": analyse_s * 1000,
        "relaxation_ms": relax_s * 1000,
        "heuristic_relaxation_ms": timings["heuristic"] * 1000,
        "exact_relaxation_ms": timings["exact"] * 1000,
        "build_ms": build_s * 1000,
        "layout_ms": layout_s * 1000,
        "baseline_scc_ms": scc_s * 1000,
        "baseline_cycles_ms": cycles_s * 1000,
        "ratio_scc": analyse_s / scc_s,
        "ratio_cycles": analyse_s / cycles_s,
    }


def largest_candidates(graph) -> int:
    """Cuttable edges in the biggest component relaxation has to solve (what the cut-off sees)."""
    return max((len(c.candidates) for c in contract(graph)[2]), default=0)


def growth(rows: list[dict]) -> list[dict]:
    """Time ratio between consecutive sizes against their size ratio, and the implied exponent
    (1 = linear, 2 = quadratic)."""
    steps = []
    for small, big in zip(rows, rows[1:], strict=False):
        size_ratio = big["n"] / small["n"]
        time_ratio = big["analyse_ms"] / small["analyse_ms"]
        steps.append(
            {
                "from": small["n"],
                "to": big["n"],
                "size_ratio": size_ratio,
                "time_ratio": time_ratio,
                "exponent": math.log(time_ratio) / math.log(size_ratio),
            }
        )
    return steps


def table(result: dict) -> str:
    lines = [
        f"bench plangraph, seed {result['seed']}, exact cut-off {result['exact_max_candidates']}"
        " candidate edges per component",
        "  plan       n  edges deadlocks largest cands relaxed bound method     analyse ms"
        "  relax ms  heur ms/set  exact ms/set  scc ms cycles ms  ratio scc  ratio cycles",
    ]
    for r in result["sizes"]:
        lines.append(
            f"  {r['plan']:7s}{r['n']:5d} {r['edges']:6d} {r['deadlocks']:9d}"
            f" {r['largest_deadlock']:7d}"
            f" {r['largest_component_candidates']:5d} {r['relaxed']:7d} {r['lower_bound']:5d}"
            f" {r['method']:10s} {r['analyse_ms']:10.1f} {r['relaxation_ms']:9.1f}"
            f" {r['heuristic_relaxation_ms']:7.1f}/{r['heuristic_relaxed']:<4d}"
            f" {r['exact_relaxation_ms']:8.1f}/{r['exact_relaxed']:<4d}"
            f" {r['baseline_scc_ms']:7.2f} {r['baseline_cycles_ms']:9.1f}"
            f" {r['ratio_scc']:10.0f} {r['ratio_cycles']:13.1f}"
        )
    for g in result["growth"]:
        lines.append(
            f"  sparse {g['from']} -> {g['to']}: size x{g['size_ratio']:.0f}, "
            f"time x{g['time_ratio']:.1f} (exponent {g['exponent']:.2f})"
        )
    return "\n".join(lines)


def main() -> None:
    args = parse_args()
    rows = []
    for name, n, reach in PLANS:
        runs = (3 if n < 2000 else 1) if args.quick else (7 if n < 2000 else 3)
        rows.append(measure(name, n, reach, args.seed, runs))
    result = {
        "bench": "plangraph",
        "seed": args.seed,
        "quick": args.quick,
        "exact_max_candidates": EXACT_MAX_CANDIDATES,
        "max_cycles": MAX_CYCLES,
        "sizes": rows,
        "growth": growth([r for r in rows if r["plan"] == "sparse"]),
    }
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
