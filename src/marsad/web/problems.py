"""Refusals from services in the reader's language. A service names the field, the value and
what is wrong in English (the same words serve the API and the command line); a page shows the
field's label and the message from the catalogues, and keeps the value as given, isolated so
that English or digits inside an Arabic sentence do not move its punctuation."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import get_language, gettext, gettext_lazy, gettext_noop

from marsad.core.vocabulary import ATTRIBUTE_LABELS, VALUE_LABELS

# U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE: <bdi> for plain text.
ISOLATE = "\u2068{}\u2069"

# Fields that services and filters name, as a reader would call them.
FIELD_LABELS = {
    "releasable_to": gettext_noop("releasable to"),
    "marking": gettext_noop("releasability"),
    "start": gettext_noop("start"),
    "end": gettext_noop("end"),
    "day": gettext_noop("day"),
    "as_of": gettext_noop("as it stood on"),
    "known_on": gettext_noop("as Marsad knew it on"),
    "category": gettext_noop("category"),
    "status": gettext_noop("status"),
    "source": gettext_noop("source"),
    "stance": gettext_noop("stance"),
    "refusal": gettext_noop("refusal"),
    "topic": gettext_noop("topic"),
    "score": gettext_noop("score"),
    "crossing": gettext_noop("crossing"),
    "corridor": gettext_noop("corridor"),
    "governorate": gettext_noop("governorate"),
    "file": gettext_noop("file"),
    "name": gettext_noop("name"),
    "text": gettext_noop("text"),
    "title": gettext_noop("title"),
    "url": gettext_noop("address"),
    "language": gettext_noop("language"),
    "audience": gettext_noop("audience"),
    "format": gettext_noop("format"),
    "distance": gettext_noop("distance"),
    "claims": gettext_noop("claims"),
    "reason": gettext_noop("reason"),
    "analyst": gettext_noop("analyst"),
    "action": gettext_noop("action"),
    "undo": gettext_noop("undo"),
    "state": gettext_noop("state of the clock"),
    "to": gettext_noop("time to move to"),
    "minutes": gettext_noop("minutes"),
}

# The messages services give most, so that the catalogues hold them.
MESSAGES = (
    gettext_noop("the marking 'nations' needs at least one nation"),
    gettext_noop("nations can be named only with the marking 'nations'"),
    gettext_noop("must be ISO 3166 alpha-3 codes"),
    gettext_noop("must be a date written YYYY-MM-DD"),
    gettext_noop("is required"),
    gettext_noop("must not be negative"),
    gettext_noop("is before the start"),
    gettext_noop("must be unrwa, cogat, demo or manual"),
)
# The services' refusals are written in English, one wording each; the page says them in the
# reader's language. A pattern's groups (values, lists) are kept as they were.
REFUSALS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(p), t)
    for p, t in (
        (r"^is required$", gettext_lazy("This field is required.")),
        (
            r"^the (start )?date (of (the )?\w+ )?is required$",
            gettext_lazy("The date is required."),
        ),
        (r"^give trucks, a quantity or tons$", gettext_lazy("Give trucks, a quantity or tons.")),
        (
            r"^give at least killed or injured$",
            gettext_lazy("Give at least the number killed or the number injured."),
        ),
        (
            r"^happened on (?P<x>\S+), before the agreement took effect \((?P<y>[^)]+)\)$",
            gettext_lazy(
                "The incident happened on %(x)s, before the agreement took effect (%(y)s)."
            ),
        ),
        (
            r"^is before the pledge's current status took effect \((?P<x>[^)]+)\)$",
            gettext_lazy("This day is before the pledge's current status took effect (%(x)s)."),
        ),
        (
            r"^a statement has a stance, or it is a refusal",
            gettext_lazy("Choose a stance or a refusal to speak, not both."),
        ),
        (
            r"^say in which language the quote is$",
            gettext_lazy("Choose the language of the quote."),
        ),
        (r"is already '(?P<x>\w+)'", gettext_lazy("It is already “%(x)s”.")),
        (
            r"^a \w+ '(?P<x>\w+)' can only become: (?P<y>.+)$",
            gettext_lazy("From “%(x)s” it can only become: %(y)s."),
        ),
        (
            r"^nothing was closed",
            gettext_lazy("Nothing was closed: record “open” (a reopening follows a closure)."),
        ),
        (
            r"^a closed crossing or corridor comes back as",
            gettext_lazy(
                "A closed crossing or corridor comes back as “reopened” (or “restricted”)."
            ),
        ),
        (
            r"^must be a date written YYYY-MM-DD$",
            gettext_lazy("Write a date as year-month-day (YYYY-MM-DD)."),
        ),
        (r"^must be a number$", gettext_lazy("Write a number.")),
        (r"^must be a whole number$", gettext_lazy("Write a whole number.")),
        (r"^must not be negative$", gettext_lazy("The number may not be negative.")),
        (
            r"^must lie between (?P<x>\S+) and (?P<y>\S+)$",
            gettext_lazy("Write a number between %(x)s and %(y)s."),
        ),
        (
            r"^no (?P<x>[\w ]+) has this (identifier|number)$",
            gettext_lazy(
                "Choose a record proposed by the list: none readable by you has this value."
            ),
        ),
        (
            r"^is a (?P<x>\w+); expected (?P<y>.+)$",
            gettext_lazy("This record is of the wrong kind."),
        ),
        (
            r"^must be 0, 1, 2 or 3",
            gettext_lazy("The score is 0, 1, 2 or 3 (Peace Accords Matrix)."),
        ),
        (
            r"^is not a sub-event of",
            gettext_lazy("This sub-event type does not belong to the event type chosen."),
        ),
        (
            r"^give both latitude and longitude, or neither$",
            gettext_lazy("Give both latitude and longitude, or neither."),
        ),
        (
            r"^is not the P-code of a Gaza governorate",
            gettext_lazy("Choose one of Gaza's five governorates."),
        ),
        (
            r"^give a crossing or a corridor, not both$",
            gettext_lazy("Choose a crossing or a corridor, not both."),
        ),
        (r"is recorded already$", gettext_lazy("This record exists already.")),
        (
            r"^must be ISO 3166 alpha-3 codes$",
            gettext_lazy("Name nations by their three-letter ISO codes (ITA, FRA)."),
        ),
        (
            r"^the marking 'nations' needs at least one nation$",
            gettext_lazy("Name at least one nation for this marking."),
        ),
        (
            r"^nations can be named only with the marking 'nations'$",
            gettext_lazy("Nations are named only with the marking “named nations”."),
        ),
        (
            r"^(?P<what>.+) is marked '(?P<their>[^']*)': "
            r"a record marked '(?P<own>[^']*)' may not point to it$",
            gettext_lazy(
                "Whoever reads this record must be able to read what it names: %(what)s is "
                "marked “%(their)s”. Choose a narrower releasability."
            ),
        ),
        (
            r"^the plan has no point",
            gettext_lazy("Choose a point of the plan proposed by the list."),
        ),
        (
            r"^a precondition must cite the statement",
            gettext_lazy("Choose the statement that carries the precondition."),
        ),
        # Timelines (an invitation's steps), courses, indicators and the plan's dependencies.
        (
            r"^is (before|not after) the current step \('(?P<x>\w+)' since (?P<y>[^)]+)\)$",
            gettext_lazy("This day is not after the current step (since %(y)s)."),
        ),
        (
            r"^an invitation '(?P<x>\w+)' can only become: (?P<y>.+)$",
            gettext_lazy("From “%(x)s” it can only become: %(y)s."),
        ),
        (
            r"^the invitation was \w+; a change needs a new invitation$",
            gettext_lazy("This invitation is closed: a change of mind needs a new invitation."),
        ),
        (r"^is in the future$", gettext_lazy("This date is in the future.")),
        (
            r"^a percentage lies between 0 and 100$",
            gettext_lazy("A percentage lies between 0 and 100."),
        ),
        (
            r"^a number of incidents is a whole number$",
            gettext_lazy("A number of incidents is a whole number."),
        ),
        (r"^must be a number written with digits$", gettext_lazy("Write a number.")),
        (
            r"already gave a value of \w+ for \w+ on this date$",
            gettext_lazy("This source already gave this indicator's value on this date."),
        ),
        (
            r"^(is a pledge of \w+; a course rests|is a refusal to give trainers)",
            gettext_lazy("Choose a pledge of police trainers proposed by the list."),
        ),
        (
            r"^is a pledge of \w+, which is not among the trainer nations$",
            gettext_lazy("The pledge is of a nation that is not among the trainer nations."),
        ),
        (
            r"^a course needs a place, or its location written out$",
            gettext_lazy("Choose a place, or write where the course is given."),
        ),
        (
            r"^a point cannot depend on itself$",
            gettext_lazy("A point cannot depend on itself: choose another point."),
        ),
        (
            r"^conflicts with a record you cannot see$",
            gettext_lazy("This conflicts with a record you may not read."),
        ),
        # The review workbench.
        (r"^choose at least one claim$", gettext_lazy("Choose at least one claim.")),
        (r"^must be accepted or rejected$", gettext_lazy("Choose to accept or to reject.")),
        (r"^a rejection needs its reason$", gettext_lazy("Give the reason for the rejection.")),
        (r"^there is no action of yours to undo$", gettext_lazy("You have no action to undo.")),
        (r"^write the comment first$", gettext_lazy("Write the comment first.")),
        (
            r"^is longer than (?P<x>\d+) characters$",
            gettext_lazy("The text may not be longer than %(x)s characters."),
        ),
        (
            r"^is not an analyst who may review$",
            gettext_lazy("Choose an analyst who may review."),
        ),
        # The exercise clock.
        (r"^the exercise has ended$", gettext_lazy("The exercise has ended.")),
        (r"^the clock is running already$", gettext_lazy("The clock is running already.")),
        (r"^the clock is not running$", gettext_lazy("The clock is not running.")),
        (
            r"^is not a time like D\+0 12:00$",
            gettext_lazy("Write a time like D+0 12:00 (day of the exercise, hour)."),
        ),
        (
            r"^is before the exercise's time \((?P<x>[^)]+)\)$",
            gettext_lazy("This time is before the exercise's time (%(x)s)."),
        ),
        (r"^must be a positive number$", gettext_lazy("Write a number above zero.")),
        # The mandate, governance and access forms.
        (r"^must be greater than zero$", gettext_lazy("Write a number above zero.")),
        (r"^must be at least 1$", gettext_lazy("Write a number of at least 1.")),
        (r"^this force has this task already$", gettext_lazy("The force has this task already.")),
        (
            r"^already protects this corridor$",
            gettext_lazy("This task protects this corridor already."),
        ),
        (
            r"^describe the \w+ in Arabic or English$",
            gettext_lazy("Describe it in Arabic or in English."),
        ),
        (
            r"^is a task of (?P<x>\S+), not (?P<y>\S+)$",
            gettext_lazy("This task belongs to %(x)s, not to %(y)s."),
        ),
        (
            r"^pledge \d+ is (a refusal|withdrawn)$",
            gettext_lazy("This pledge is withdrawn or a refusal: it cannot be assigned."),
        ),
        (
            r"^pledge \d+ gives \w+; requirement \d+ needs \w+$",
            gettext_lazy("This pledge does not give the capability the requirement needs."),
        ),
        (r"^pledge \d+ has (?P<x>\d+) left$", gettext_lazy("This pledge has %(x)s left.")),
        (
            r"^requirement \d+ needs (?P<x>\d+) more$",
            gettext_lazy("This requirement needs %(x)s more."),
        ),
        (
            r"involves combat, outside the mandate",
            gettext_lazy("The requirement involves combat, outside a mandate of no direct combat."),
        ),
        (
            r"^(?P<x>\w+)'s legal conditions (?P<y>.+) are not met$",
            gettext_lazy(
                "The legal conditions of %(x)s are not met (%(y)s): record the assignment as "
                "planned."
            ),
        ),
        (
            r"^(?P<x>\w+)'s caveat '(?P<y>[^']+)'",
            gettext_lazy("A caveat of %(x)s forbids it: %(y)s."),
        ),
        (
            r"^names (?P<x>\d+) abstaining members but the vote counts (?P<y>\d+)$",
            gettext_lazy("%(x)s abstaining members are named, but the vote counts %(y)s."),
        ),
    )
]

ONE_OF = re.compile(r"^must be one of (?P<choices>.+?)(?P<empty> \(or empty\))?$")


def field_label(field: str) -> str:
    """A field's label in the reader's language ("attributes.vote" is the attribute vote)."""
    name = field.rsplit(".", 1)[-1]
    if name in ATTRIBUTE_LABELS:
        return str(ATTRIBUTE_LABELS[name])
    if name in FIELD_LABELS:
        return gettext(FIELD_LABELS[name])
    return ISOLATE.format(field)


def message(text: str) -> str:
    """A service's message in the reader's language, where the catalogues know it."""
    found = ONE_OF.match(text)
    if found:
        choices = [c.strip() for c in found["choices"].split(",")]
        listed = gettext(", ").join(ISOLATE.format(_value_label(c)) for c in choices)
        if found["empty"]:
            return gettext("must be one of %(choices)s, or empty") % {"choices": listed}
        return gettext("must be one of %(choices)s") % {"choices": listed}
    for pattern, said in REFUSALS:
        matched = pattern.search(text)
        if matched:
            return str(said) % matched.groupdict() if matched.groupdict() else str(said)
    return gettext(text)


def refusal_text(text: str) -> str:
    """A service's refusal in the reader's language; one the catalogues do not know is shown as
    written, said to be a refusal."""
    said = message(text)
    return said if said != text else gettext("Refused: %(why)s") % {"why": text}


def _value_label(value: str) -> str:
    label = VALUE_LABELS.get(value)
    return str(label) if label is not None else value


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return gettext("nothing")
    if isinstance(value, list | tuple):
        return gettext(", ").join(str(v) for v in value)
    return str(value)


def explain(error: BaseException) -> str:
    """What a page says of a refusal: each problem as "field: message (value)"."""
    problems = getattr(error, "problems", None)
    if not problems:
        return gettext(str(error))
    separator = "؛ " if (get_language() or "ar").startswith("ar") else "; "
    return separator.join(
        gettext("%(field)s: %(message)s (given: %(value)s)")
        % {
            "field": field_label(p.field),
            "message": message(p.message),
            "value": ISOLATE.format(_shown(p.value)),
        }
        for p in problems
    )
