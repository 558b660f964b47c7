"""The two cores that solve integer programs share one HiGHS thread scheduler per process."""

import subprocess
import sys

# The plan graph's exact method solves first (two cycles through three provisions), then force
# generation. HiGHS sets its scheduler up for the first solver that runs; when the two asked for
# different thread counts, the second solver failed with an empty model status.
SCRIPT = """
from marsad.forcegen.program import Row, solve_program
from marsad.plangraph import Precondition, analyse

pairs = [("a", "b"), ("b", "a"), ("b", "c"), ("c", "a")]
preconditions = [Precondition(f"{x}{y}", "X", y, x, "s") for x, y in pairs]
relaxation = analyse(["a", "b", "c"], [], preconditions).relaxation
assert (relaxation.method, relaxation.preconditions) == ("exact", {"ab"}), relaxation
outcome = solve_program(
    costs=[1.0, 2.0], uppers=[3, 3], rows=[Row(columns=[0, 1], lower=0, upper=4)],
    maximize=True, time_limit=5.0, abs_gap=0.0,
)
print(outcome.status, outcome.values)
"""


def test_plan_graph_then_force_generation_in_one_process_print_only_their_answer():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "optimal (1, 3)\n"
