"""The plan's provisions, dependencies and preconditions through the pure plan-graph core:
order, blockers and deadlocks, explained in the reader's language, and drawn as SVG."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from marsad import plangraph
from marsad.core.models import Actor
from marsad.plan.models import Plan, Precondition, Provision
from marsad.plan.selectors import (
    current_scores,
    preconditions,
    preconditions_held,
    provisions,
)

NODE_WIDTH, NODE_HEIGHT, X_STEP, Y_STEP, MARGIN = 64, 34, 120, 56, 24


def node_id(provision: Provision) -> str:
    return f"P{provision.number}"


@dataclass
class Sequencing:
    analysis: plangraph.Analysis
    provisions: dict[str, Provision]
    preconditions: dict[str, Precondition]
    parties: dict[str, Actor] = field(default_factory=dict)

    def name(self, node: str) -> str:
        provision = self.provisions[node]
        return f"{provision.number}. {provision.summary[:70]}"

    def party(self, key: str) -> str:
        actor = self.parties.get(key)
        return actor.name if actor else key

    def deadlock_words(self, deadlock: plangraph.Deadlock) -> list[str]:
        """Each party's condition in the cycle, in words."""
        lines = []
        for condition in deadlock.preconditions:
            lines.append(
                _("%(party)s: point %(provision)s only after point %(after)s")
                % {
                    "party": self.party(condition.party),
                    "provision": self.provisions[condition.provision].number,
                    "after": self.provisions[condition.after].number,
                }
            )
        return lines

    def relaxation_words(self) -> list[str]:
        return [
            _("%(party)s: point %(provision)s only after point %(after)s")
            % {
                "party": self.party(self.preconditions[key].party.key),
                "provision": self.preconditions[key].provision.number,
                "after": self.preconditions[key].after.number,
            }
            for key in sorted(self.analysis.relaxation.preconditions)
        ]


def analyse_plan(
    user: Any, plan: Plan, *, as_of: date | None = None, known_on: datetime | None = None
) -> Sequencing:
    """Run the plan-graph core on what `user` may see of the plan: the points, their
    dependencies, the scores and the parties' preconditions as Marsad held them at `known_on`
    when given."""
    found = {node_id(p): p for p in provisions(user, plan, known_on)}
    held = current_scores(user, plan, as_of=as_of, known_on=known_on)
    scores = {node_id(p): s for p, s in held.items() if s is not None}
    dependencies = [
        plangraph.Dependency(before=node_id(needed), after=key)
        for key, provision in found.items()
        for needed in provision.depends_on.all()
        if node_id(needed) in found
    ]
    if known_on is None:
        stated: Any = preconditions(user, plan)
    else:
        stated = preconditions_held(user, plan, known_on)
    conditions = {
        f"C{c.pk}": c for c in stated if node_id(c.provision) in found and node_id(c.after) in found
    }
    analysis = plangraph.analyse(
        [plangraph.Provision(id=key, label=p.summary_en[:60]) for key, p in found.items()],
        dependencies,
        [
            plangraph.Precondition(
                id=key,
                party=c.party.key,
                provision=node_id(c.provision),
                after=node_id(c.after),
                statement_id=str(c.statement_id),
            )
            for key, c in conditions.items()
        ],
        scores=scores,
        rank={key: p.number for key, p in found.items()},
    )
    parties = {c.party.key: c.party for c in conditions.values()}
    return Sequencing(
        analysis=analysis, provisions=found, preconditions=conditions, parties=parties
    )


def svg_geometry(sequencing: Sequencing, *, rtl: bool) -> dict[str, Any]:
    """Nodes and edges in pixels; right-to-left pages run the layers from the right."""
    graph = sequencing.analysis.graph
    positions = plangraph.layout(graph)
    width = int(
        max((x for x, _y in positions.values()), default=0) * X_STEP + 2 * MARGIN + NODE_WIDTH
    )
    height = int(
        max((y for _x, y in positions.values()), default=0) * Y_STEP + 2 * MARGIN + NODE_HEIGHT
    )

    def point(node: str) -> tuple[float, float]:
        x, y = positions[node]
        left = MARGIN + x * X_STEP
        if rtl:
            left = width - left - NODE_WIDTH
        return left, MARGIN + y * Y_STEP

    nodes = []
    deadlocked = {n for d in sequencing.analysis.deadlocks for n in d.provisions}
    for node, provision in sequencing.provisions.items():
        left, top = point(node)
        nodes.append(
            {
                "id": node,
                "x": left,
                "y": top,
                "cx": left + NODE_WIDTH / 2,
                "cy": top + NODE_HEIGHT / 2,
                "number": provision.number,
                "title": sequencing.name(node),
                "deadlocked": node in deadlocked,
                "blocked": node in sequencing.analysis.blocked,
            }
        )
    centre = {n["id"]: n for n in nodes}
    edges = []
    for drawn in plangraph.drawing_edges(graph):
        tail, head = centre[drawn.before], centre[drawn.after]
        dx, dy = head["cx"] - tail["cx"], head["cy"] - tail["cy"]
        # Start and end on the boxes' borders, so each arrowhead shows.
        scale = max(abs(dx) / (NODE_WIDTH / 2), abs(dy) / (NODE_HEIGHT / 2)) or 1.0
        edges.append(
            {
                "x1": tail["cx"] + dx / scale,
                "y1": tail["cy"] + dy / scale,
                "x2": head["cx"] - dx / scale,
                "y2": head["cy"] - dy / scale,
                "kind": drawn.kind,
            }
        )
    return {
        "width": width,
        "height": height,
        "nodes": nodes,
        "edges": edges,
        "node_width": NODE_WIDTH,
        "node_height": NODE_HEIGHT,
    }
