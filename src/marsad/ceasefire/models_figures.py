"""What sources report: casualty figures, for an incident or a period, and each source's daily
casualty series. Figures of different sources stand side by side; none overwrites another."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.evidence import Evidenced


class CasualtyFigure(Evidenced):
    """Killed and injured as one source gives them, for an incident or a period. Figures of
    different sources stand side by side; none overwrites another."""

    incident = models.ForeignKey(
        "ceasefire.Incident",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("incident"),
    )
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("to"), null=True, blank=True)
    area = models.CharField(_("area P-code"), max_length=10, blank=True, default="")
    source = models.ForeignKey(
        "core.Source", models.PROTECT, related_name="casualty_figures", verbose_name=_("source")
    )
    reported_on = models.DateField(_("reported on"))
    killed_low = models.PositiveIntegerField(_("killed, low"), null=True, blank=True)
    killed_best = models.PositiveIntegerField(_("killed, best"), null=True, blank=True)
    killed_high = models.PositiveIntegerField(_("killed, high"), null=True, blank=True)
    injured_low = models.PositiveIntegerField(_("injured, low"), null=True, blank=True)
    injured_best = models.PositiveIntegerField(_("injured, best"), null=True, blank=True)
    injured_high = models.PositiveIntegerField(_("injured, high"), null=True, blank=True)
    civilians = models.PositiveIntegerField(_("civilians killed"), null=True, blank=True)
    children = models.PositiveIntegerField(_("children killed"), null=True, blank=True)
    women = models.PositiveIntegerField(_("women killed"), null=True, blank=True)
    wording = models.TextField(_("the source's words"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["reported_on", "id"]
        verbose_name = _("casualty figure")
        verbose_name_plural = _("casualty figures")

    def __str__(self) -> str:
        return f"{self.source}: {self.killed_best} killed"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.incident_id is None and not (self.period_start and self.period_end):
            errors["period_start"] = _("a figure belongs to an incident or to a period")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("the period ends before it starts")
        for measure in ("killed", "injured"):
            values = [getattr(self, f"{measure}_{b}") for b in ("low", "best", "high")]
            known = [v for v in values if v is not None]
            if known != sorted(known):
                errors[f"{measure}_best"] = _("needs low <= best <= high")
        if errors:
            raise ValidationError(errors)


class DailyReport(Evidenced):
    """One day of a source's casualty series, with the truce fields where it gives them.
    `filled` marks days without a report of their own (values carried by the series' editor)."""

    source = models.ForeignKey(
        "core.Source", models.PROTECT, related_name="daily_reports", verbose_name=_("source")
    )
    report_date = models.DateField(_("day"))
    report_source = models.CharField(_("channel of the report"), max_length=40)
    # The series' editor who compiled the source's reports (Tech for Palestine for the Gaza
    # series), credited wherever the series is shown.
    via = models.CharField(_("compiled by"), max_length=100, blank=True, default="")
    killed = models.PositiveIntegerField(_("killed (reported)"), null=True, blank=True)
    injured = models.PositiveIntegerField(_("injured (reported)"), null=True, blank=True)
    ext_killed = models.PositiveIntegerField(_("killed (series)"))
    ext_injured = models.PositiveIntegerField(_("injured (series)"))
    ext_killed_cum = models.PositiveIntegerField(_("killed, cumulative"))
    ext_injured_cum = models.PositiveIntegerField(_("injured, cumulative"))
    killed_truce_new = models.PositiveIntegerField(_("new deaths"), null=True, blank=True)
    killed_recovered = models.PositiveIntegerField(_("bodies recovered"), null=True, blank=True)
    killed_committee = models.PositiveIntegerField(_("added by committee"), null=True, blank=True)
    killed_succumbed = models.PositiveIntegerField(_("succumbed to wounds"), null=True, blank=True)
    children_cum = models.PositiveIntegerField(
        _("children killed, cumulative"), null=True, blank=True
    )
    women_cum = models.PositiveIntegerField(_("women killed, cumulative"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["source", "report_date"]
        constraints = [
            models.UniqueConstraint(fields=["source", "report_date"], name="one_report_a_day")
        ]
        verbose_name = _("daily casualty report")
        verbose_name_plural = _("daily casualty reports")

    def __str__(self) -> str:
        return f"{self.source} {self.report_date}"
