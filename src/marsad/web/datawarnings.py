"""The casualty series' data warnings in the reader's language. The analysis (a pure core) words
each warning in English with its values; the page says it again from the catalogue, with the
same values: days, figures and the names of the series' columns."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext_lazy

from marsad.web.counting import counted, in_style

# The columns of the daily series that a warning may name.
COLUMNS = {
    "ext_killed_cum": gettext_lazy("cumulative killed (with estimates)"),
    "killed_cum": gettext_lazy("cumulative killed"),
    "ext_injured_cum": gettext_lazy("cumulative injured (with estimates)"),
    "injured_cum": gettext_lazy("cumulative injured"),
}

NUMBER = r"-?\d+"
DAY = r"\d{4}-\d\d-\d\d"
SENTENCES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(p), t)
    for p, t in (
        (
            rf"^No report was published on (?P<day>{DAY}); the day's figures are estimates",
            gettext_lazy(
                "No report was published on %(day)s; the day's figures are estimates filled "
                "in by the editors of the series."
            ),
        ),
        (
            rf"^On (?P<day>{DAY}) the report gives (?P<killed>{NUMBER}) killed, but its parts "
            rf"add up to (?P<sum>{NUMBER}) \((?P<new>{NUMBER}) new, (?P<recovered>{NUMBER}) "
            rf"recovered, (?P<committee>{NUMBER}) added by the committee, "
            rf"(?P<succumbed>{NUMBER}) succumbed\)\.$",
            gettext_lazy(
                "On %(day)s the report gives %(killed)s killed, but its parts add up to "
                "%(sum)s (new: %(new)s; recovered: %(recovered)s; added by the committee: "
                "%(committee)s; succumbed: %(succumbed)s)."
            ),
        ),
        (
            rf"^The series has no row for (?P<days>\d+) day\(s\) after (?P<day>{DAY})\.$",
            gettext_lazy("The series has no row for %(days)s after %(day)s."),
        ),
        (
            rf"^On (?P<day>{DAY}) the daily figure is (?P<daily>{NUMBER}) but the cumulative "
            rf"one rose by (?P<change>{NUMBER})\.$",
            gettext_lazy(
                "On %(day)s the daily figure is %(daily)s but the cumulative one rose by "
                "%(change)s."
            ),
        ),
        (
            rf"^(?P<column>\w+) falls from (?P<before>{NUMBER}) on (?P<since>{DAY}) to "
            rf"(?P<value>{NUMBER}) on (?P<day>{DAY})\.$",
            gettext_lazy("%(column)s falls from %(before)s on %(since)s to %(value)s on %(day)s."),
        ),
    )
]


def warning_sentence(message: str, digits: str | None = None) -> str | None:
    """The warning `message` in the active language, its figures in the reader's digit style;
    None for a wording this table does not know."""
    for pattern, said in SENTENCES:
        found = pattern.match(message)
        if not found:
            continue
        values = found.groupdict()
        if "days" in values:
            values["days"] = counted(int(values["days"]), "days", "genitive", digits)
        if "column" in values:
            values["column"] = str(COLUMNS.get(values["column"], values["column"]))
        text = str(said) % values
        return in_style(text, digits)
    return None
