"""Benchmark of force generation: `allocate` (the HiGHS integer program, three lexicographic
stages) against `greedy_allocate` (the baseline it must never fall below), on the same seeded
input in the same run, so that a busy machine slows both sides alike.

Input: 100 requirements over 12 capabilities (ground forces, specialists, funding in US dollars,
political support) in the five Gaza governorates or nowhere set, some of them combat needs under
the no-direct-combat limit; 50, 100 and 200 nations with one to four pledges each (some
withdrawn, some waiting on a legal condition) and caveats of every kind. Nation k is the same at
every size, so each input holds the one before. Both calls include building the problem and the
reasons for every gap; an extra timed pass splits HiGHS's time into build, its three solves and
assembly. Two more inputs are solved by both methods, untimed: the same one with funding counted
in millions (the same problem, so the same coverage is expected: `scaling_loss` must be 0), and
its funding alone (values per dollar near 1e-8, where HiGHS's tolerances once hid coverage).
Exit 1 if, on any of the three inputs, a HiGHS assignment breaks a caveat, the mandate or a
quantity, or HiGHS covers less than greedy; or if the units of funding change the coverage.
One JSON line on stdout, a table on stderr; timings vary between machines and are never
pass/fail. Usage: bench/forcegen.py [--quick] [--seed N]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import math
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date, timedelta
from functools import partial

from marsad import forcegen as fg
from marsad.forcegen import solve as solve_module
from marsad.forcegen.allocation import assemble
from marsad.forcegen.problem import build_problem

# capability: (unit, smallest pledge, largest pledge). A requirement asks for 2-6 typical
# pledges, so that at 200 nations supply roughly meets demand and pledges must be shared out.
CAPABILITIES = {
    "infantry": (50, 100, 1000),
    "armour": (10, 10, 60),
    "military_police": (10, 20, 300),
    "force_protection": (10, 50, 400),
    "police_trainers": (5, 10, 200),
    "engineers": (10, 20, 300),
    "medical": (5, 10, 150),
    "logistics": (10, 20, 300),
    "explosive_ordnance_disposal": (5, 5, 80),
    "border_monitors": (5, 10, 120),
    "funding_usd": (1_000_000, 1_000_000, 50_000_000),
    "political": (1, 1, 3),
}
AREAS = ("PS0255", "PS0260", "PS0265", "PS0270", "PS0275", None)
START = date(2026, 1, 1)
WEIGHTS = (1.0, 1.0, 2.0, 3.0, 5.0)  # most needs ordinary, a few urgent
LIMITS = (fg.MandateLimit("no_direct_combat"),)
STATUSES, STATUS_ODDS = ("offered", "confirmed", "delivered", "withdrawn"), (4, 3, 2, 1)


def units(rnd: random.Random, capability: str, scale: int = 1) -> int:
    unit, low, high = CAPABILITIES[capability]
    return max(1, round(rnd.randint(low, high) * scale / unit)) * unit


def requirements(count: int, seed: int) -> list[fg.Requirement]:
    rnd, made = random.Random(seed), []
    for i in range(count):
        cap = rnd.choice(sorted(CAPABILITIES))
        task, area, weight = rnd.choice(sorted(fg.TASKS)), rnd.choice(AREAS), rnd.choice(WEIGHTS)
        quantity, combat = units(rnd, cap, rnd.randint(2, 6)), rnd.random() < 0.1
        needed = None if rnd.random() < 0.5 else START + timedelta(days=rnd.randrange(730))
        rid = f"R{i:03d}"
        made.append(fg.Requirement(rid, task, cap, quantity, area, weight, combat, "", needed))
    return made


def nation(k: int, seed: int) -> tuple[list[fg.Pledge], list[fg.Caveat]]:
    rnd = random.Random(seed * 100_003 + k)  # per nation: nation k is the same at every size
    code, pledges, caveats = f"N{k:03d}", [], []
    for j, cap in enumerate(rnd.sample(sorted(CAPABILITIES), rnd.randint(1, 4))):
        met, status = rnd.random() >= 0.15, rnd.choices(STATUSES, STATUS_ODDS)[0]
        pid, condition = f"P{k:03d}{j}", "" if met else "parliamentary approval"
        pledges.append(fg.Pledge(pid, code, cap, units(rnd, cap), status, met, condition))
    for j in range(rnd.choice((0, 0, 1, 1, 2))):
        kind = rnd.choice(fg.CAVEAT_KINDS)
        # A third bind only one of the nation's capabilities, as "no troops" often does.
        scoped = {rnd.choice(pledges).capability} if rnd.random() < 0.3 else set()
        extra: dict = {}
        if kind == "geographic_limit":
            extra["areas"] = set(rnd.sample(AREAS[:5], rnd.randint(1, 3)))
        elif kind == "time_limit":
            extra["until"] = START + timedelta(days=rnd.randrange(180, 730))
        elif kind == "task_exclusion":
            extra["tasks"] = set(rnd.sample(sorted(fg.TASKS), rnd.randint(1, 3)))
        caveats.append(fg.Caveat(f"C{k:03d}{j}", code, kind, capabilities=scoped, **extra))
    return pledges, caveats


def in_millions(items: list) -> list:
    # Every funding quantity is a whole number of millions, so this is the same problem.
    return [
        dataclasses.replace(x, quantity=x.quantity // 10**6) if x.capability == "funding_usd" else x
        for x in items
    ]


def funding_only(args: dict) -> dict:
    """The same input with only the funding requirements and pledges."""
    return {
        **args,
        "requirements": [r for r in args["requirements"] if r.capability == "funding_usd"],
        "pledges": [p for p in args["pledges"] if p.capability == "funding_usd"],
    }


def share(result) -> float | None:
    """Coverage: the objective over the total weight (None when nothing is required)."""
    return result.objective / result.total_weight if result.total_weight else None


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()  # each run starts from a clean heap, not the last run's garbage
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def violations(result, reqs, pledges, caveats) -> int:
    """Assignments that break a caveat, the mandate, a capability, a status or a quantity."""
    req_of, pledge_of = {r.id: r for r in reqs}, {p.id: p for p in pledges}
    given, filled, bad = Counter(), Counter(), 0
    for a in result.assignments:
        p, r = pledge_of[a.pledge_id], req_of[a.requirement_id]
        given[p.id] += a.quantity
        filled[r.id] += a.quantity
        bad += sum(
            fg.forbids(caveat=c, pledge=p, requirement=r) for c in caveats if c.nation == p.nation
        )
        bad += r.combat or p.capability != r.capability or p.status == "withdrawn"
        bad += not p.conditions_met or a.quantity <= 0
    bad += sum(given[i] > pledge_of[i].quantity for i in given)
    return bad + sum(filled[i] > req_of[i].quantity for i in filled)


def breakdown(args: dict, runs: int) -> dict:
    """Median times of the parts of allocate: build, each HiGHS solve, assembly."""
    stages: list[list[float]] = []
    real = solve_module.solve_program

    def timed(**kw):
        start = time.perf_counter()
        out = real(**kw)
        stages[-1].append(time.perf_counter() - start)
        return out

    # Wrapped only for these passes, so that the timings above pay for no wrapper.
    solve_module.solve_program = timed
    try:
        for _ in range(runs):
            stages.append([])
            result = fg.allocate(**args)
    finally:
        solve_module.solve_program = real
    build = partial(build_problem, **args, count_unmet_conditions=False)
    problem = build()
    found = {(a.pledge_id, a.requirement_id): a.quantity for a in result.assignments}
    done = partial(assemble, problem=problem, units=found, status="optimal")
    return {
        "columns": len(problem.pairs),
        "build_ms": 1000 * median_seconds(build, runs),
        "stage_ms": [1000 * statistics.median(s) for s in zip(*stages, strict=True)],
        "assemble_ms": 1000 * median_seconds(done, runs),
    }


def measure(n: int, reqs: list[fg.Requirement], seed: int, runs: int) -> dict:
    made = [nation(k, seed) for k in range(n)]
    pledges, caveats = [p for ps, _ in made for p in ps], [c for _, cs in made for c in cs]
    args = {"requirements": reqs, "pledges": pledges, "caveats": caveats, "limits": LIMITS}
    inputs = {
        "dollars": args,
        "millions": {**args, "requirements": in_millions(reqs), "pledges": in_millions(pledges)},
        "funding_only": funding_only(args),
    }
    solved = {
        name: (fg.allocate(**given), fg.greedy_allocate(**given)) for name, given in inputs.items()
    }
    exact, greedy = solved["dollars"]
    millions = solved["millions"][0]
    funding, funding_greedy = solved["funding_only"]
    exact_s = median_seconds(lambda: fg.allocate(**args), runs)
    greedy_s = median_seconds(lambda: fg.greedy_allocate(**args), runs)
    total = exact.total_weight
    return {
        "nations": n,
        "pledges": len(pledges),
        "usable_pledges": sum(p.status != "withdrawn" and p.conditions_met for p in pledges),
        "caveats": dict(sorted(Counter(c.kind for c in caveats).items())),
        "combat_requirements": sum(r.combat for r in reqs),
        "status": exact.status,
        "highs_ms": exact_s * 1000,
        "greedy_ms": greedy_s * 1000,
        "ratio_time": exact_s / greedy_s,
        "highs_coverage": exact.objective / total,
        "greedy_coverage": greedy.objective / total,
        "coverage_gain": (exact.objective - greedy.objective) / total,
        "highs_unmet": len(exact.unmet),
        "greedy_unmet": len(greedy.unmet),
        "highs_violations": sum(
            violations(solved[name][0], given["requirements"], given["pledges"], caveats)
            for name, given in inputs.items()
        ),
        "greedy_violations": violations(greedy, reqs, pledges, caveats),
        # The inputs (of those above) on which HiGHS covers less than greedy: none, or a defect.
        "below_greedy": [
            name
            for name, (best, base) in solved.items()
            if best.objective < base.objective - 1e-9 * best.total_weight
        ],
        "highs_coverage_millions": millions.objective / total,
        "scaling_loss": (millions.objective - exact.objective) / total,
        "funding_requirements": len(inputs["funding_only"]["requirements"]),
        "funding_pledges": len(inputs["funding_only"]["pledges"]),
        "highs_coverage_funding": share(funding),
        "greedy_coverage_funding": share(funding_greedy),
        **breakdown(args, runs),
    }


def growth(rows: list[dict]) -> list[dict]:
    """Time ratio between consecutive sizes against their size ratio (exponent 1 = linear)."""
    steps = []
    for small, big in zip(rows, rows[1:], strict=False):
        size = big["nations"] / small["nations"]
        step = {"from": small["nations"], "to": big["nations"], "size_ratio": size}
        for name in ("highs", "greedy"):
            ratio = big[f"{name}_ms"] / small[f"{name}_ms"]
            step[f"{name}_time_ratio"] = ratio
            step[f"{name}_exponent"] = math.log(ratio) / math.log(size)
        steps.append(step)
    return steps


def cell(coverage: float | None) -> str:
    return "  -  " if coverage is None else f"{coverage:5.3f}"


def table(result: dict) -> str:
    lines = [
        f"bench forcegen, seed {result['seed']}, {len(CAPABILITIES)} capabilities",
        "  nations pledges cols highs ms greedy ms ratio cov highs greedy   gain  millions"
        "  funding h/g  build ms stages ms          assemble ms  bad",
    ]
    for r in result["sizes"]:
        stages = "/".join(f"{s:.1f}" for s in r["stage_ms"])
        lines.append(
            f"  {r['nations']:7d} {r['pledges']:7d} {r['columns']:4d} {r['highs_ms']:8.1f}"
            f" {r['greedy_ms']:9.1f} {r['ratio_time']:5.1f} {r['highs_coverage']:9.3f}"
            f" {r['greedy_coverage']:6.3f} {r['coverage_gain']:+6.3f}"
            f" {r['highs_coverage_millions']:9.3f}"
            f" {cell(r['highs_coverage_funding'])}/{cell(r['greedy_coverage_funding'])}"
            f" {r['build_ms']:9.1f}  {stages:18s}"
            f" {r['assemble_ms']:11.1f} {r['highs_violations']:4d}"
        )
    for g in result["growth"]:
        lines.append(
            f"  {g['from']} -> {g['to']} nations (x{g['size_ratio']:.0f}): HiGHS time"
            f" x{g['highs_time_ratio']:.2f} (exponent {g['highs_exponent']:.2f}), greedy"
            f" x{g['greedy_time_ratio']:.2f} (exponent {g['greedy_exponent']:.2f})"
        )
    for r in result["sizes"]:
        if r["below_greedy"] or abs(r["scaling_loss"]) > 1e-9:
            lines.append(
                f"  {r['nations']} nations: HiGHS below greedy on {r['below_greedy']},"
                f" scaling loss {r['scaling_loss']:+.2g}"
            )
    lines.append("  check: " + ("passed" if result["check_passed"] else "FAILED"))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="What force generation costs and gains.")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args()
    # Quick keeps the full run's nations per requirement (0.5, 1, 2), hence its coverage.
    (sizes, count, runs) = ((10, 20, 40), 20, 3) if args.quick else ((50, 100, 200), 100, 5)
    reqs = requirements(count, args.seed)
    rows = [measure(n, reqs, args.seed, runs) for n in sizes]
    passed = not any(
        r["highs_violations"] or r["below_greedy"] or abs(r["scaling_loss"]) > 1e-9 for r in rows
    )
    result = {"bench": "forcegen", "seed": args.seed, "quick": args.quick, "check_passed": passed}
    result |= {"requirements": count, "capabilities": len(CAPABILITIES), "runs": runs}
    result |= {"sizes": rows, "growth": growth(rows)}
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    print(table(result), file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
