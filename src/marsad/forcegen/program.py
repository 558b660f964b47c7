"""A small integer program handed to HiGHS: bounded integer columns, rows of unit coefficients.

Every row of force generation (a pledge's capacity, a requirement's need, a total to keep) is a
sum of columns with coefficient 1, so that is all this wrapper supports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import highspy

from marsad.highs import solver

OPTIMAL = "optimal"
TIME_LIMIT = "time_limit"


@dataclass(frozen=True)
class Row:
    """lower <= sum of the listed columns <= upper."""

    columns: Sequence[int]
    lower: float
    upper: float


@dataclass(frozen=True)
class Outcome:
    """Integer column values (None if HiGHS found none in time) and whether HiGHS proved them
    optimal or stopped at the time limit."""

    values: tuple[int, ...] | None
    status: str


def solve_program(
    *,
    costs: Sequence[float],
    uppers: Sequence[int],
    rows: Sequence[Row],
    maximize: bool,
    time_limit: float,
    abs_gap: float,
) -> Outcome:
    """Solve the integer program with HiGHS: one thread, a fixed seed, no console output."""
    n = len(costs)
    if n == 0:
        return Outcome(values=(), status=OPTIMAL)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(rows)
    lp.col_cost_ = [float(c) for c in costs]
    lp.col_lower_ = [0.0] * n
    lp.col_upper_ = [float(u) for u in uppers]
    lp.row_lower_ = [row.lower for row in rows]
    lp.row_upper_ = [row.upper for row in rows]
    starts: list[int] = [0]
    index: list[int] = []
    for row in rows:
        index.extend(row.columns)
        starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = n
    lp.a_matrix_.num_row_ = len(rows)
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = [1.0] * len(index)
    lp.sense_ = highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n

    highs = solver()
    for name, value in (
        ("time_limit", max(time_limit, 0.001)),
        ("mip_rel_gap", 0.0),
        ("mip_abs_gap", abs_gap),
    ):
        highs.setOptionValue(name, value)
    if highs.passModel(lp) == highspy.HighsStatus.kError:
        raise RuntimeError("HiGHS refused the force-generation model")
    highs.run()
    model_status = highs.getModelStatus()
    if model_status == highspy.HighsModelStatus.kOptimal:
        status = OPTIMAL
    elif model_status == highspy.HighsModelStatus.kTimeLimit:
        status = TIME_LIMIT
    else:
        # x = 0 is always feasible, so anything else is a solver fault, not bad input.
        raise RuntimeError(f"HiGHS ended with {highs.modelStatusToString(model_status)}")
    solution = highs.getSolution()
    if not solution.value_valid:
        return Outcome(values=None, status=status)
    return Outcome(values=tuple(round(v) for v in solution.col_value), status=status)
