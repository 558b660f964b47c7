"""Police-training courses and their cohorts; reconstruction-readiness indicators by
governorate."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.bilingual import BilingualName, localized
from marsad.core.evidence import Evidenced
from marsad.programs import scoring
from marsad.programs.vocabulary import CohortStatus, IndicatorKind, Program


class Course(BilingualName, Evidenced):
    """A training course of a program, given by trainer nations, perhaps under a coalition
    pledge of police trainers."""

    program = models.CharField(
        _("program"), max_length=30, choices=Program.choices, default=Program.POLICE_TRAINING
    )
    name_ar = models.CharField(_("Arabic name"), max_length=200, blank=True, default="")
    name_en = models.CharField(_("English name"), max_length=200, blank=True, default="")
    location = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="courses_at",
        verbose_name=_("location"),
        help_text=_("A place or a state where the course is given."),
    )
    location_ar = models.CharField(_("location (Arabic)"), max_length=200, blank=True, default="")
    location_en = models.CharField(_("location (English)"), max_length=200, blank=True, default="")
    starts = models.DateField(_("starts"), null=True, blank=True)
    ends = models.DateField(_("ends"), null=True, blank=True)
    trainer_nations = models.ManyToManyField(
        "core.Actor", related_name="courses_trained", blank=True, verbose_name=_("trainer nations")
    )
    pledge = models.ForeignKey(
        "coalition.Pledge",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("pledge of trainers"),
    )
    target_trainees = models.PositiveIntegerField(_("target trainees"), null=True, blank=True)
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["trainer_nations", "claims"])

    class Meta:
        ordering = ["starts", "name_en", "id"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def note(self) -> str:
        return localized(self, "note")

    @property
    def place(self) -> str:
        """Where the course is given, in the active language."""
        return localized(self, "location") or (self.location.name if self.location else "")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not (self.name_ar.strip() or self.name_en.strip()):
            errors["name_ar"] = _("a course needs its name in Arabic or English")
        if self.location_id is None and not (self.location_ar.strip() or self.location_en.strip()):
            errors["location"] = _("a course needs a place, or its location written out")
        if self.starts and self.ends and self.ends < self.starts:
            errors["ends"] = _("ends before it starts")
        if self.pledge_id is not None:
            if self.pledge.kind != "police_trainers":
                errors["pledge"] = _(
                    "a course rests on a pledge of police trainers, not of '%(kind)s'"
                ) % {"kind": self.pledge.kind}
            elif self.pledge.negative:
                errors["pledge"] = _("this pledge is a refusal to give trainers")
        if errors:
            raise ValidationError(errors)


class Cohort(BilingualName, Evidenced):
    """A group of trainees going through a course together, with its counts."""

    course = models.ForeignKey(
        Course, models.CASCADE, related_name="cohorts", verbose_name=_("course")
    )
    name_ar = models.CharField(_("Arabic name"), max_length=200, blank=True, default="")
    name_en = models.CharField(_("English name"), max_length=200, blank=True, default="")
    starts = models.DateField(_("starts"), null=True, blank=True)
    ends = models.DateField(_("ends"), null=True, blank=True)
    enrolled = models.PositiveIntegerField(_("enrolled"), default=0)
    vetted = models.PositiveIntegerField(_("vetted"), default=0)
    graduated = models.PositiveIntegerField(_("graduated"), default=0)
    dropped_out = models.PositiveIntegerField(_("dropped out"), default=0)
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["course", "starts", "id"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    @property
    def note(self) -> str:
        return localized(self, "note")

    def status_on(self, day: date) -> str:
        return scoring.cohort_status(self.starts, self.ends, day)

    @property
    def status(self) -> str:
        return self.status_on(date.today())

    def get_status_display(self) -> str:
        return str(CohortStatus(self.status).label)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        if not (self.name_ar.strip() or self.name_en.strip()):
            errors.setdefault("name_ar", []).append(
                str(_("a cohort needs its name in Arabic or English"))
            )
        if self.starts and self.ends and self.ends < self.starts:
            errors.setdefault("ends", []).append(str(_("ends before it starts")))
        course = self.course if self.course_id else None
        if course is not None:
            if self.starts and course.starts and self.starts < course.starts:
                errors.setdefault("starts", []).append(
                    str(_("is before its course starts (%(day)s)")) % {"day": course.starts}
                )
            if self.ends and course.ends and self.ends > course.ends:
                errors.setdefault("ends", []).append(
                    str(_("is after its course ends (%(day)s)")) % {"day": course.ends}
                )
        counts = [self.enrolled, self.vetted, self.graduated, self.dropped_out]
        if all(isinstance(n, int) for n in counts):
            for field, message in scoring.count_problems(*counts):
                errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)


class ReadinessIndicator(Evidenced):
    """One measurement of one readiness indicator in one governorate, from a source."""

    pcode = models.CharField(_("governorate P-code"), max_length=10, db_index=True)
    kind = models.CharField(_("indicator"), max_length=30, choices=IndicatorKind.choices)
    value = models.DecimalField(_("value"), max_digits=7, decimal_places=1)
    measured_on = models.DateField(_("date"))
    source = models.ForeignKey(
        "core.Source", models.PROTECT, related_name="readiness_indicators", verbose_name=_("source")
    )
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["pcode", "kind", "measured_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pcode", "kind", "measured_on", "source"], name="one_indicator_value"
            )
        ]
        verbose_name = _("readiness indicator")
        verbose_name_plural = _("readiness indicators")

    def __str__(self) -> str:
        return f"{self.pcode} {self.kind} {self.measured_on}: {self.value}"

    @property
    def note(self) -> str:
        return localized(self, "note")

    @property
    def is_percentage(self) -> bool:
        return self.kind in scoring.PERCENT_KINDS

    def clean(self) -> None:
        super().clean()
        from marsad.geo.governorates import governorate_geometries

        errors = {}
        if self.pcode not in governorate_geometries():
            errors["pcode"] = _("is not the P-code of a Gaza governorate (%(known)s)") % {
                "known": ", ".join(sorted(governorate_geometries()))
            }
        if self.value is not None:
            if self.value < 0:
                errors["value"] = _("must not be negative")
            elif self.is_percentage and self.value > 100:
                errors["value"] = _("a percentage lies between 0 and 100")
            elif self.kind == scoring.SECURITY and self.value != int(self.value):
                errors["value"] = _("a number of incidents is a whole number")
        if errors:
            raise ValidationError(errors)
