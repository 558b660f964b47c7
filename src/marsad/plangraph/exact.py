"""Exact minimum-cost cut of a component's cycles: an integer program solved by HiGHS, with the
cycles added lazily. Each round solves "cover every known cycle at least cost", then looks for a
cycle the chosen cut leaves standing and adds it; when none is left the cut is feasible for all
cycles and optimal for a subset of them, hence optimal."""

from __future__ import annotations

import time

import highspy
from highspy._core import _Highs

from marsad.highs import solver as new_solver
from marsad.plangraph.component import Component, Pair

MAX_ROUNDS = 100
# Per component, all rounds together. A safety net: components within the cut-off solved in well
# under a second in our trials. When it runs out the component goes to the heuristic, and only
# then can the result depend on the machine's speed.
TIME_BUDGET_SECONDS = 10.0


def exact_cut(
    component: Component,
    *,
    max_rounds: int = MAX_ROUNDS,
    time_budget: float = TIME_BUDGET_SECONDS,
) -> frozenset[Pair] | None:
    """The cheapest set of cuttable edges breaking every cycle, or None when not proven in time."""
    deadline = time.monotonic() + time_budget
    candidates = component.candidates
    if len(component.edges) == len(component.nodes):
        # Strongly connected with as many edges as nodes: one simple cycle (the common two-party
        # dispute), whose cheapest cuttable edge is the answer; no solver needed.
        return frozenset([min(candidates, key=lambda e: component.weight[e])])
    column = {edge: i for i, edge in enumerate(candidates)}
    solver = _solver(component, candidates)
    known: set[frozenset[int]] = set()

    def add(cycle: list[Pair]) -> bool:
        columns = frozenset(column[e] for e in cycle if e in column)
        # Components come from a graph whose dependency cycles were set aside: every cycle
        # here has a cuttable edge.
        assert columns, cycle
        if columns in known:
            return False
        known.add(columns)
        indices = sorted(columns)
        solver.addRow(1.0, highspy.kHighsInf, len(indices), indices, [1.0] * len(indices))
        return True

    # A first batch: the shortest cycle through each candidate, which usually settles it.
    for cycle in component.leftover_cycles(()):
        add(cycle)
    for _ in range(max_rounds):
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        solver.setOptionValue("time_limit", left)
        solver.run()
        if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        values = solver.getSolution().col_value
        cut = frozenset(e for e, value in zip(candidates, values, strict=True) if value > 0.5)
        leftover = component.leftover_cycles(cut)
        if not leftover:
            return cut
        if not any([add(cycle) for cycle in leftover]):
            return None  # cannot happen with an exact solver; refuse to claim anything if it does
    return None


def _solver(component: Component, candidates: list[Pair]) -> _Highs:
    solver = new_solver()
    solver.setOptionValue("mip_rel_gap", 0.0)
    lp = highspy.HighsLp()
    lp.num_col_ = len(candidates)
    lp.num_row_ = 0
    lp.col_cost_ = [float(component.weight[e]) for e in candidates]
    lp.col_lower_ = [0.0] * len(candidates)
    lp.col_upper_ = [1.0] * len(candidates)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(candidates)
    solver.passModel(lp)
    return solver
