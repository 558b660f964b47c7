"""Stored records as the inputs of the pure force-generation core."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from marsad.coalition.models import Caveat, Pledge
from marsad.coalition.vocabulary import LEGAL_CONDITIONS
from marsad.forcegen import model as fg
from marsad.mandate.capabilities import CAPABILITY_OF_KIND
from marsad.mandate.models import Limit, Requirement


def requirement_input(requirement: Requirement) -> fg.Requirement:
    return fg.Requirement(
        id=f"R{requirement.pk}",
        task=requirement.task.code,
        capability=CAPABILITY_OF_KIND[requirement.capability],
        quantity=requirement.quantity,
        area=(requirement.area.pcode or requirement.area.key) if requirement.area else None,
        weight=requirement.weight or 1.0,
        combat=requirement.combat,
        label=str(requirement),
        needed_from=requirement.needed_from,
    )


def nation_code(pledge_or_caveat: Pledge | Caveat) -> str:
    nation = pledge_or_caveat.nation
    return nation.iso3 or nation.key


def pledge_inputs(pledges: Iterable[Pledge], caveats: Iterable[Caveat]) -> list[fg.Pledge]:
    """Pledges with the legal conditions of their nation: unmet or unknown conditions make a
    pledge conditional (political support needs no deployment and stays unconditional)."""
    unmet: dict[str, list[str]] = defaultdict(list)
    for caveat in caveats:
        if caveat.kind in LEGAL_CONDITIONS and caveat.met is not True:
            words = caveat.text_en or str(caveat.get_kind_display())
            unmet[nation_code(caveat)].append(words.rstrip("."))
    made = []
    for pledge in pledges:
        if pledge.negative or not pledge.quantity:
            continue
        missing = [] if pledge.kind == "political" else unmet.get(nation_code(pledge), [])
        made.append(pledge_input(pledge, missing))
    return made


def pledge_input(pledge: Pledge, missing: list[str] | None = None) -> fg.Pledge:
    """One pledge as the core sees it; a pledge of unknown size counts 0 (the caveat rules
    do not depend on the size, and allocation has nothing to give from it)."""
    missing = missing or []
    return fg.Pledge(
        id=f"P{pledge.pk}",
        nation=nation_code(pledge),
        capability=CAPABILITY_OF_KIND[pledge.kind],
        quantity=pledge.quantity or 0,
        status=pledge.status,
        conditions_met=not missing,
        condition="; ".join(missing),
        label=str(pledge),
    )


def caveat_inputs(caveats: Iterable[Caveat]) -> list[fg.Caveat]:
    """The limits on use; legal conditions are carried by the pledges instead."""
    made = []
    for caveat in caveats:
        if caveat.kind in LEGAL_CONDITIONS:
            continue
        made.append(
            fg.Caveat(
                id=f"C{caveat.pk}",
                nation=nation_code(caveat),
                kind=caveat.kind,
                text=caveat.text_en or caveat.get_kind_display(),
                tasks=frozenset(caveat.tasks),
                areas=frozenset(caveat.areas),
                until=caveat.until,
            )
        )
    return made


def limit_inputs(limits: Iterable[Limit]) -> list[fg.MandateLimit]:
    return [
        fg.MandateLimit(kind="no_direct_combat")
        for limit in limits
        if limit.kind == "no_direct_combat"
    ]
