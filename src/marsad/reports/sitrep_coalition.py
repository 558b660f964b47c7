"""The report's coalition and plan sections: invitations and their answers, pledges and caveats
that changed on the day, force-generation coverage; plan points whose score moved and deadlocks
that are new since the day before."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from marsad.coalition import selectors as coalition
from marsad.coalition.models import Caveat
from marsad.core.audience import Audience
from marsad.reports.sitrep import Figure, Item, Section, grade_for, source_of


def coalition_section(day: date, audience: Audience) -> Section:
    found = Section("coalition", _("Coalition"))
    for step in coalition.statuses(audience).filter(valid_from=day).order_by("id"):
        invitation = step.invitation
        found.items.append(
            Item(
                _("Invitation from %(inviter)s to %(invitee)s: %(state)s")
                % {
                    "inviter": invitation.inviter,
                    "invitee": invitation.invitee,
                    "state": step.get_state_display(),
                },
                day=day,
                source=source_of(audience, step),
                grade=grade_for(audience, step),
            )
        )
    for pledge in coalition.pledges(audience).filter(announced=day).order_by("id"):
        quantity = f" {pledge.quantity} {pledge.get_unit_display()}" if pledge.quantity else ""
        words = {"nation": pledge.nation, "what": f"{pledge.get_kind_display()}{quantity}"}
        found.items.append(
            Item(
                (
                    _("%(nation)s refuses to contribute: %(what)s")
                    if pledge.negative
                    else _("%(nation)s pledges to contribute: %(what)s")
                )
                % words,
                day=day,
                source=source_of(audience, pledge),
                grade=grade_for(audience, pledge),
            )
        )
    for caveat in _caveats_changed(audience, day):
        found.items.append(
            Item(
                _("Caveat of %(nation)s: %(kind)s")
                % {"nation": caveat.nation, "kind": caveat.get_kind_display()},
                day=day,
                source=source_of(audience, caveat),
                grade=grade_for(audience, caveat),
            )
        )
    found.has_data = bool(found.items)
    coverage = _coverage(audience)
    if coverage is not None:
        found.figures.append(coverage)
    return found


def _caveats_changed(reader: Any, day: date) -> list[Caveat]:
    """Caveats the reader may read whose record was written or changed on the day (a caveat has
    no date of its own; its history has)."""
    visible = {c.pk: c for c in coalition.caveats(reader)}
    changed = (
        Caveat.history.filter(id__in=visible, history_date__date=day)
        .values_list("id", flat=True)
        .distinct()
    )
    return [visible[pk] for pk in sorted(set(changed))]


def _coverage(reader: Any) -> Figure | None:
    """How much of the force's requirements the pledges the reader may read cover (the force
    generation solver, as the mandate's page computes it)."""
    from marsad.mandate.generation import run

    generation = run(reader)
    if not generation.requirements:
        return None
    return Figure(
        _("Force-generation coverage of the requirements (%)"),
        round(generation.coverage_percent, 1),
        source=_("force generation computed from the pledges and requirements"),
    )


def plan_section(day: date, audience: Audience) -> Section:
    from marsad.plan import selectors as plan
    from marsad.plan.sequencing import analyse_plan

    found = Section("plan", _("The plan"))
    main = plan.main_plan(audience)
    if main is None:
        return found
    now = plan.current_scores(audience, main, as_of=day)
    before = plan.current_scores(audience, main, as_of=day - timedelta(days=1))
    for provision, score in now.items():
        earlier = before.get(provision)
        if score == earlier:
            continue
        change = plan.scores(audience, provision).filter(on__lte=day).last()
        found.items.append(
            Item(
                _("Point %(number)s (%(summary)s): score %(before)s → %(now)s. %(note)s")
                % {
                    "number": provision.number,
                    "summary": provision.summary[:80],
                    "before": "–" if earlier is None else earlier,
                    "now": "–" if score is None else score,
                    "note": change.note if change else "",
                },
                day=change.on if change else day,
                source=source_of(audience, change) if change else "",
                grade=grade_for(audience, change) if change else "",
            )
        )
    today = analyse_plan(audience, main, as_of=day)
    earlier_cycles = {
        frozenset(d.provisions)
        for d in analyse_plan(audience, main, as_of=day - timedelta(days=1)).analysis.deadlocks
    }
    for deadlock in today.analysis.deadlocks:
        if frozenset(deadlock.provisions) in earlier_cycles:
            continue
        found.items.append(
            Item(
                _("New deadlock: %(words)s") % {"words": "; ".join(today.deadlock_words(deadlock))},
                day=day,
            )
        )
    found.has_data = bool(found.items)
    return found
