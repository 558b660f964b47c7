"""The ceasefire's vocabularies: ACLED's event types and precisions, verification and
determination statuses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.datasets.acled_codebook import EVENT_TYPES

# Translated labels of ACLED's event and sub-event types (the values stay ACLED's own).
EVENT_TYPE_LABELS = {
    "Battles": _("Battles"),
    "Explosions/Remote violence": _("Explosions/Remote violence"),
    "Violence against civilians": _("Violence against civilians"),
    "Protests": _("Protests"),
    "Riots": _("Riots"),
    "Strategic developments": _("Strategic developments"),
}
SUB_EVENT_LABELS = {
    "Armed clash": _("Armed clash"),
    "Government regains territory": _("Government regains territory"),
    "Non-state actor overtakes territory": _("Non-state actor overtakes territory"),
    "Chemical weapon": _("Chemical weapon"),
    "Air/drone strike": _("Air/drone strike"),
    "Suicide bomb": _("Suicide bomb"),
    "Shelling/artillery/missile attack": _("Shelling/artillery/missile attack"),
    "Remote explosive/landmine/IED": _("Remote explosive/landmine/IED"),
    "Grenade": _("Grenade"),
    "Sexual violence": _("Sexual violence"),
    "Attack": _("Attack"),
    "Abduction/forced disappearance": _("Abduction/forced disappearance"),
    "Peaceful protest": _("Peaceful protest"),
    "Protest with intervention": _("Protest with intervention"),
    "Excessive force against protesters": _("Excessive force against protesters"),
    "Violent demonstration": _("Violent demonstration"),
    "Mob violence": _("Mob violence"),
    "Agreement": _("Agreement"),
    "Arrests": _("Arrests"),
    "Change to group/activity": _("Change to group/activity"),
    "Disrupted weapons use": _("Disrupted weapons use"),
    "Headquarters or base established": _("Headquarters or base established"),
    "Looting/property destruction": _("Looting/property destruction"),
    "Non-violent transfer of territory": _("Non-violent transfer of territory"),
    "Other": _("Other"),
}
SUB_EVENT_TYPES = tuple(sub for subs in EVENT_TYPES.values() for sub in subs)


class TimePrecision(models.IntegerChoices):
    """ACLED: 1 the day is known, 2 the week, 3 only the month."""

    DAY = 1, _("day")
    WEEK = 2, _("week")
    MONTH = 3, _("month")


class GeoPrecision(models.IntegerChoices):
    """ACLED: 1 the place itself, 2 near it or a part of a region, 3 only the region."""

    PLACE = 1, _("the place itself")
    NEAR = 2, _("near the place")
    REGION = 3, _("the region only")


class Verification(models.TextChoices):
    REPORTED = "reported", _("reported")
    CORROBORATED = "corroborated", _("corroborated")
    VERIFIED = "verified", _("verified")
    DISPUTED = "disputed", _("disputed")
    FALSE = "false", _("false")


class Determination(models.TextChoices):
    ALLEGED = "alleged", _("alleged")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


# What each way of counting "killed since the truce" counts, in the reader's language.
DEFINITIONS = {
    "all_reported": (
        _("all deaths reported"),
        _(
            "Every death the daily reports add: new deaths, bodies recovered from the rubble, "
            "deaths added by the ministry's committee, and the wounded who died."
        ),
    ),
    "new_deaths": (
        _("new deaths"),
        _("People killed since the truce began, as reported day by day."),
    ),
    "recovered_bodies": (
        _("bodies recovered"),
        _("Bodies of people killed earlier, recovered since the truce began."),
    ),
    "committee_additions": (
        _("added by the committee"),
        _("Earlier deaths the ministry's committee confirmed and added to the record."),
    ),
    "succumbed": (
        _("died of earlier wounds"),
        _("People wounded before the truce who died of their wounds since."),
    ),
    "coded_fatalities": (
        _("fatalities coded on incidents"),
        _(
            "The sum of each incident's coded fatalities (ACLED's rule: the most conservative "
            "figure of each event)."
        ),
    ),
    "as_reported": (
        _("as the source reported it"),
        _("One figure a source gave for the whole period, in its own words."),
    ),
}

WARNING_LABELS = {
    "truce_parts_mismatch": _("the day's deaths do not equal the sum of their parts"),
    "missing_report": _("no report that day: the series carries a value"),
    "cumulative_decrease": _("a cumulative total went down"),
    "missing_days": _("days missing from the series"),
    "daily_cumulative_mismatch": _("daily and cumulative figures disagree"),
}

# Editors who compile a source's daily series, named in the reader's language.
EDITOR_LABELS = {
    "Tech for Palestine": _("Tech for Palestine"),
}
