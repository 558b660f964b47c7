"""The analysis as plain JSON-ready data, one shape for the API, the command line and exports."""

from __future__ import annotations

from typing import Any

from marsad.plangraph.analysis import Analysis
from marsad.plangraph.deadlocks import Cycle
from marsad.plangraph.model import Edge


def edge_to_dict(edge: Edge) -> dict[str, Any]:
    """An edge with its reasons: the plan's dependency and each party's precondition."""
    return {
        "before": edge.before,
        "after": edge.after,
        "dependency": edge.dependency,
        "preconditions": [
            {"id": p.id, "party": p.party, "statement_id": p.statement_id}
            for p in edge.preconditions
        ],
    }


def cycle_to_dict(cycle: Cycle) -> dict[str, Any]:
    """A cycle's provisions in order, its edges and its English sentence."""
    return {
        "provisions": list(cycle.provisions),
        "edges": [edge_to_dict(e) for e in cycle.edges],
        "breakable": cycle.breakable,
        "sentence": cycle.sentence,
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole analysis as JSON-ready data (lists sorted as in the analysis)."""
    relaxation = analysis.relaxation
    return {
        "order": list(analysis.order),
        "blocked": {
            provision: [
                {
                    "provision": b.provision,
                    "score": b.score,
                    "in_deadlock": b.in_deadlock,
                    "edge": edge_to_dict(b.edge),
                }
                for b in blockers
            ]
            for provision, blockers in analysis.blocked.items()
        },
        "deadlocks": [
            {
                "provisions": list(d.provisions),
                "parties": list(d.parties),
                "breakable": d.breakable,
                "sentence": d.sentence,
                "edges": [edge_to_dict(e) for e in d.edges],
                "cycles": [cycle_to_dict(c) for c in d.cycles],
                "cycles_complete": d.cycles_complete,
            }
            for d in analysis.deadlocks
        ],
        "relaxation": {
            "preconditions": sorted(relaxation.preconditions),
            "method": relaxation.method,
            "minimal": relaxation.minimal,
            "lower_bound": relaxation.lower_bound,
            "detail": relaxation.detail,
        },
        "unbreakable": [cycle_to_dict(c) for c in analysis.unbreakable],
    }
