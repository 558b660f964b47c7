"""What an exercise database holds beside the demo: its clock, the scenario's injects and the
ground truth they are scored against. These tables stay empty in the live database."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

MINUTES_PER_DAY = 24 * 60


def exercise_time(minutes: int) -> str:
    """Minutes since D+0 00:00 written as the scenario writes them: "D+0 08:00"."""
    day, rest = divmod(int(minutes), MINUTES_PER_DAY)
    return f"D+{day} {rest // 60:02d}:{rest % 60:02d}"


class ClockState(models.TextChoices):
    READY = "ready", _("ready")
    RUNNING = "running", _("running")
    PAUSED = "paused", _("paused")
    ENDED = "ended", _("ended")


class Clock(models.Model):
    """The exercise's one clock. Exercise time is `elapsed` minutes after D+0 00:00, plus the
    wall time since `running_since` while it runs; advancing adds to `elapsed`."""

    name = models.CharField(_("exercise"), max_length=40)
    title_ar = models.CharField(_("Arabic title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200)
    day_zero = models.DateField(_("day zero (D+0)"))
    ceiling = models.CharField(_("widest marking"), max_length=10)
    state = models.CharField(
        _("state"), max_length=10, choices=ClockState.choices, default=ClockState.READY
    )
    elapsed = models.PositiveIntegerField(_("minutes elapsed"), default=0)
    running_since = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    scenario = models.TextField(_("scenario file"), blank=True, default="")

    class Meta:
        verbose_name = _("exercise clock")

    def __str__(self) -> str:
        return self.name


class InjectKind(models.TextChoices):
    DOCUMENT = "document", _("document")
    INCIDENT = "incident", _("incident")
    CROSSING_STATUS = "crossing_status", _("crossing status")
    PLEDGE = "pledge", _("pledge")
    STATEMENT = "statement", _("statement")


class Inject(models.Model):
    """One timed item of the scenario: what arrives, when (minutes after D+0 00:00) and, once
    delivered, when it arrived and what it became."""

    key = models.CharField(_("identifier"), max_length=60, unique=True)
    at = models.PositiveIntegerField(_("exercise time (minutes)"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=InjectKind.choices)
    line = models.PositiveIntegerField(_("line of the scenario"))
    payload = models.JSONField(default=dict)
    queued_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    delivered_minute = models.PositiveIntegerField(null=True, blank=True)
    record = models.CharField(_("record"), max_length=80, blank=True, default="")
    document = models.ForeignKey(
        "core.Document", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    failure = models.CharField(_("failure"), max_length=500, blank=True, default="")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("inject")

    def __str__(self) -> str:
        return self.key

    @property
    def when(self) -> str:
        return exercise_time(self.at)

    @property
    def arrived(self) -> str:
        return "" if self.delivered_minute is None else exercise_time(self.delivered_minute)


class Truth(models.Model):
    """A claim the trainees should accept from an injected document."""

    inject = models.ForeignKey(Inject, models.CASCADE, related_name="truths")
    key = models.CharField(_("identifier"), max_length=60)
    claim_type = models.CharField(_("claim type"), max_length=40)
    spec = models.JSONField(default=dict)

    class Meta:
        ordering = ["id"]
        verbose_name = _("expected claim")


class KeyFact(models.Model):
    """Words the daily report issued during the exercise should carry (either language)."""

    key = models.CharField(_("identifier"), max_length=60, unique=True)
    text_ar = models.CharField(_("Arabic words"), max_length=200)
    text_en = models.CharField(_("English words"), max_length=200)

    class Meta:
        ordering = ["id"]
        verbose_name = _("key fact")


class ReportCheck(models.Model):
    """Which key facts a daily report issued during the exercise carried, read from the report
    as it was issued."""

    report_id = models.PositiveBigIntegerField(_("issued report"))
    day = models.DateField(_("day"))
    audience = models.CharField(_("audience"), max_length=400)
    language = models.CharField(_("language"), max_length=2)
    format = models.CharField(_("format"), max_length=4)
    issued_by = models.CharField(_("issued by"), max_length=150)
    issued_at = models.DateTimeField(_("issued at"))
    carried = models.JSONField(default=dict)

    class Meta:
        ordering = ["issued_at", "id"]
        verbose_name = _("report check")

    @property
    def carried_keys(self) -> list[str]:
        return [key for key, found in self.carried.items() if found]
