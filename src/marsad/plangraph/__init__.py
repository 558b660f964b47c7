"""Pure plan-graph core: provisions, dependencies and parties' preconditions in; an order, the
blocked provisions and the sequencing deadlocks out. No Django, no database.

An edge Y → X means "Y must come before X". `Dependency(before=Y, after=X)` is the plan's own
(never relaxed); `Precondition(id, party, provision=X, after=Y, statement_id)` is a party's
"X only after Y". `analyse(...)` returns the order, the blocked provisions with their blockers,
every deadlock with its cycles and an English sentence, the smallest relaxation found and the
cycles of dependencies alone; `layout(graph)` and `drawing_edges(graph)` give the geometry for
the SVG that the Django app draws. Bad input raises `PlanGraphError` (with `code`, `subject`).
"""

from marsad.plangraph.analysis import Analysis, Blocker, analyse, analyse_graph
from marsad.plangraph.deadlocks import MAX_CYCLES, Cycle, Deadlock
from marsad.plangraph.graph import PlanGraph, build_graph
from marsad.plangraph.layout import DrawnEdge, drawing_edges, layers, layout
from marsad.plangraph.model import Dependency, Edge, PlanGraphError, Precondition, Provision
from marsad.plangraph.relax import EXACT_MAX_CANDIDATES, Relaxation, minimum_relaxation
from marsad.plangraph.serialize import analysis_to_dict

__all__ = [
    "EXACT_MAX_CANDIDATES",
    "MAX_CYCLES",
    "Analysis",
    "Blocker",
    "Cycle",
    "Deadlock",
    "Dependency",
    "DrawnEdge",
    "Edge",
    "PlanGraph",
    "PlanGraphError",
    "Precondition",
    "Provision",
    "Relaxation",
    "analyse",
    "analyse_graph",
    "analysis_to_dict",
    "build_graph",
    "drawing_edges",
    "layers",
    "layout",
    "minimum_relaxation",
]
