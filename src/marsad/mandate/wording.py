"""Force-generation reasons in the reader's language, built from the records they name."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from marsad.coalition.vocabulary import PledgeKind
from marsad.core.bilingual import localized
from marsad.forcegen.reasons import Reason
from marsad.forcegen.whatif import Blocker, ConditionGain
from marsad.mandate.capabilities import KIND_OF_CAPABILITY
from marsad.web.counting import counted

RULE_PHRASES = {
    "ground_force_capability": gettext_lazy("keeps its ground forces out of every task"),
    "ground_security_task": gettext_lazy("excludes ground security tasks"),
    "combat": gettext_lazy("excludes combat"),
    "outside_areas": gettext_lazy("allows only other areas"),
    "no_area": gettext_lazy("allows only named areas, and this need has none"),
    "after_until": gettext_lazy("ends before this need begins"),
    "excluded_task": gettext_lazy("excludes this task"),
}


UNUSED_WHY = {
    "withdrawn": gettext_lazy("the pledge was withdrawn"),
    "legal_condition": gettext_lazy("its legal conditions are not met"),
    "no_requirement": gettext_lazy("no requirement needs this capability"),
    "outside_mandate": gettext_lazy("only combat needs it, outside the mandate"),
    "excluded": gettext_lazy("the nation's caveats bar it from every need"),
    "surplus": gettext_lazy("every need it may serve is already met"),
    "solver_stopped": gettext_lazy("the solver reached its time limit"),
}


def capability_name(capability: str) -> str:
    kind = KIND_OF_CAPABILITY.get(capability, capability)
    return str(dict(PledgeKind.choices).get(kind, kind))


def requirement_name(generation: Any, requirement_id: str, fallback: str) -> str:
    requirement = generation.requirements.get(requirement_id)
    if requirement is None:
        return fallback
    area = f" ({requirement.area.name})" if requirement.area else ""
    return f"{requirement.task.name}: {requirement.get_capability_display()}{area}"


def nation_name(generation: Any, code: str | None) -> str:
    for pledge in generation.pledges.values():
        if code in (pledge.nation.iso3, pledge.nation.key):
            return pledge.nation.name
    return code or ""


def caveat_words(generation: Any, reason: Reason) -> str:
    caveat = generation.caveats.get(reason.caveat_id or "")
    if caveat is None:
        return reason.caveat_text
    return localized(caveat, "text") or caveat.get_kind_display()


def condition_words(generation: Any, reason: Reason) -> str:
    """A legal condition in the reader's language: the solver names it by the caveat's English
    text, which the caveat also holds in Arabic."""
    texts = {}
    for caveat in generation.caveats.values():
        shown = localized(caveat, "text")
        for text in (caveat.text_en, caveat.text_ar):
            if text and shown:
                texts[text.strip().rstrip(".")] = shown.strip().rstrip(".")
    # Several conditions come joined by "; ".
    parts = [p.strip().rstrip(".") for p in (reason.detail or "").split(";")]
    separator = "؛ " if (get_language() or "ar").startswith("ar") else "; "
    return separator.join(texts.get(p, p) for p in parts if p) if texts else reason.detail


def describe(generation: Any, reason: Reason) -> str:
    """One sentence for a gap's cause, in the active language."""
    values = {
        "requirement": requirement_name(
            generation, reason.requirement_id, reason.requirement_label
        ),
        "capability": capability_name(reason.capability),
        # What is counted follows the number ("200 من مدربي الشرطة"); each sentence has them
        # after a preposition or a verbal noun, so in the genitive.
        "needed": counted(reason.needed, reason.capability, "genitive"),
        "quantity": counted(reason.quantity, reason.capability, "genitive"),
        "nation": nation_name(generation, reason.nation),
        "caveat": caveat_words(generation, reason),
        "rule": str(RULE_PHRASES.get(reason.rule or "", reason.detail)),
        "detail": condition_words(generation, reason)
        if reason.kind == "legal_condition"
        else reason.detail,
        "used": "، ".join(
            requirement_name(generation, u.requirement_id, u.label) for u in reason.used_by
        ),
    }
    sentences = {
        "outside_mandate": _(
            "“%(requirement)s” is outside the mandate: the force takes no part in direct combat."
        ),
        "no_pledge": _("No pledge offers %(capability)s; “%(requirement)s” needs %(needed)s."),
        "shortfall": _(
            "Usable pledges come to %(quantity)s, short of the %(needed)s that "
            "“%(requirement)s” needs."
        ),
        "withdrawn": _("%(nation)s's pledge of %(quantity)s was withdrawn."),
        "legal_condition": _(
            "%(nation)s's pledge of %(quantity)s waits for legal conditions: %(detail)s."
        ),
        "caveat": _(
            "%(nation)s's pledge of %(quantity)s cannot serve “%(requirement)s”: "
            "its caveat “%(caveat)s” %(rule)s."
        ),
        "used_elsewhere": _(
            "%(nation)s's pledge of %(quantity)s goes to needs that count as "
            "much or more: %(used)s."
        ),
        "solver_stopped": _(
            "%(nation)s's %(capability)s were left unassigned when the solver "
            "reached its time limit."
        ),
    }
    return sentences.get(reason.kind, reason.describe()) % values


def unmet_condition_words(conditions: list[Any], fallback: str) -> str:
    """The unmet legal conditions of one nation, in the active language."""
    words = [localized(c, "text") or str(c.get_kind_display()) for c in conditions]
    separator = "؛ " if (get_language() or "ar").startswith("ar") else "; "
    return separator.join(w.rstrip(".") for w in words if w) or fallback


def gain_words(generation: Any, gain: ConditionGain, conditions: list[Any]) -> str:
    """ "Italy — parliamentary approval: would add 200 police trainers and 1.9 points", in the
    active language."""
    comma = "، " if (get_language() or "ar").startswith("ar") else ", "
    units = comma.join(
        counted(quantity, capability, "genitive") for capability, quantity in gain.units
    )
    return _("%(nation)s — %(condition)s: would add %(units)s and %(points)s points") % {
        "nation": nation_name(generation, gain.nation),
        "condition": unmet_condition_words(conditions, gain.condition),
        "units": units or _("no units"),
        "points": f"{gain.points:.1f}",
    }


def blocking_words(decision: Any, blocker: Blocker) -> list[str]:
    """What stands in a gap's way: each unmet legal condition (with what meeting it would add)
    and each caveat, in the active language."""
    generation = decision.generation
    words = []
    for gain, conditions in decision.gains:
        if (gain.nation, gain.condition) in blocker.conditions:
            words.append(gain_words(generation, gain, conditions))
    for caveat_id, text in blocker.caveats:
        caveat = generation.caveats.get(caveat_id)
        name = nation_name(generation, conversion_code(caveat)) if caveat else ""
        said = localized(caveat, "text") or caveat.get_kind_display() if caveat else text
        words.append(_("caveat of %(nation)s: “%(caveat)s”") % {"nation": name, "caveat": said})
    return words


def conversion_code(caveat: Any) -> str:
    return str(caveat.nation.iso3 or caveat.nation.key)
