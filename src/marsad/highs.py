"""The one way Marsad creates a HiGHS solver, shared by force generation and the plan graph.

HiGHS keeps one thread scheduler per process, set up by the first solver that runs. A later
solver asking for another thread count fails with an empty model status, so every solver in
the process must ask for the same: one thread, which with a fixed seed also makes the same model
give the same answer on every run. The low-level class is used because the `Highs` wrapper
prints a copyright banner on the process's standard output when it is created, before any option
can silence it, which would corrupt the JSON that the command line and the benchmarks print.
"""

from __future__ import annotations

from highspy._core import _Highs


def solver() -> _Highs:
    """A silent, single-threaded, seeded HiGHS instance."""
    highs = _Highs()
    for name, value in (("output_flag", False), ("threads", 1), ("random_seed", 0)):
        highs.setOptionValue(name, value)
    return highs
