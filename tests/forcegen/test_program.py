"""The HiGHS wrapper: silent, and honest about time limits."""

import subprocess
import sys

from marsad.forcegen import Pledge, Requirement, allocate
from marsad.forcegen import solve as solve_module
from marsad.forcegen.program import Outcome, Row, solve_program


def test_highs_writes_nothing_to_stdout_even_the_first_time():
    code = (
        "from marsad.forcegen import Pledge, Requirement, allocate\n"
        "r = Requirement(id='R1', task='ceasefire', capability='engineers', quantity=5)\n"
        "p = Pledge(id='P1', nation='EGY', capability='engineers', quantity=9)\n"
        "print(allocate(requirements=[r], pledges=[p]).coverage)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "{'R1': 1.0}\n"


def test_solve_program_maximises_a_small_program():
    # Two columns share one row of capacity 3; the first is worth more.
    outcome = solve_program(
        costs=[2.0, 1.0],
        uppers=[2, 5],
        rows=[Row(columns=[0, 1], lower=0.0, upper=3.0)],
        maximize=True,
        time_limit=5.0,
        abs_gap=1e-9,
    )
    assert outcome == Outcome(values=(2, 1), status="optimal")


def test_a_time_limit_hit_is_reported(monkeypatch):
    real = solve_module.solve_program

    def stopped(**kwargs):
        return Outcome(values=real(**kwargs).values, status="time_limit")

    monkeypatch.setattr(solve_module, "solve_program", stopped)
    r = Requirement(id="R1", task="ceasefire", capability="engineers", quantity=5)
    p = Pledge(id="P1", nation="EGY", capability="engineers", quantity=9)
    result = allocate(requirements=[r], pledges=[p], time_limit=2)
    assert result.status == "time_limit"
    assert result.message.startswith("HiGHS stopped at the 2 s time limit")
    assert result.coverage == {"R1": 1.0}


def test_a_tie_break_stopped_without_a_solution_keeps_the_coverage(monkeypatch):
    real = solve_module.solve_program
    calls = []

    def second_stops(**kwargs):
        calls.append(kwargs["maximize"])
        if kwargs["maximize"]:
            return real(**kwargs)
        return Outcome(values=None, status="time_limit")

    monkeypatch.setattr(solve_module, "solve_program", second_stops)
    r = Requirement(id="R1", task="ceasefire", capability="engineers", quantity=5)
    pledges = [
        Pledge(id="P1", nation="EGY", capability="engineers", quantity=9),
        Pledge(id="P2", nation="FRA", capability="engineers", quantity=9),
    ]
    result = allocate(requirements=[r], pledges=pledges)
    assert calls == [True, False]
    assert result.status == "time_limit"
    assert "Coverage is optimal" in result.message
    assert result.coverage == {"R1": 1.0}
