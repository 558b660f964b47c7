"""Claims: one statement of fact from one document, with its source, grading and review state.

The fields follow the extraction contract (marsad.extraction/1), so what the extractor proposes,
what an analyst confirms and what the API returns have one shape.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.models.sources import Reliability
from marsad.core.releasability import Releasable
from marsad.core.vocabulary import (
    CLAIM_TYPE_LABELS,
    MODALITY_LABELS,
    PRECISION_LABELS,
    SOURCE_KIND_LABELS,
    STATUS_LABELS,
)
from marsad.extraction.contract import (
    check_attributes,
    check_evidence,
    normalize_figures,
)


class ReviewState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Credibility(models.IntegerChoices):
    """NATO Admiralty code: credibility of the information."""

    CONFIRMED = 1, _("1: confirmed by other sources")
    PROBABLY_TRUE = 2, _("2: probably true")
    POSSIBLY_TRUE = 3, _("3: possibly true")
    DOUBTFUL = 4, _("4: doubtful")
    IMPROBABLE = 5, _("5: improbable")
    CANNOT_JUDGE = 6, _("6: truth cannot be judged")


class Claim(Releasable):
    document = models.ForeignKey(
        "core.Document",
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=_("document"),
    )
    type = models.CharField(
        _("claim type"), max_length=30, choices=list(CLAIM_TYPE_LABELS.items()), db_index=True
    )
    actors = models.ManyToManyField(
        "core.Actor", related_name="claims_as_actor", blank=True, verbose_name=_("actors")
    )
    recipients = models.ManyToManyField(
        "core.Actor",
        related_name="claims_as_recipient",
        blank=True,
        verbose_name=_("recipients"),
    )
    target = models.ForeignKey(
        "core.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_as_target",
        verbose_name=_("target"),
    )
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=list(STATUS_LABELS.items()))
    modality = models.CharField(_("modality"), max_length=20, choices=list(MODALITY_LABELS.items()))
    attribution_source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name=_("attributed to"),
    )
    attribution_kind = models.CharField(
        _("kind of attribution"),
        max_length=20,
        choices=list(SOURCE_KIND_LABELS.items()),
        default="unknown",
    )
    attribution_cue = models.CharField(_("attribution cue"), max_length=300, blank=True, default="")
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    when_date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    when_precision = models.CharField(
        _("date precision"),
        max_length=5,
        blank=True,
        default="",
        choices=list(PRECISION_LABELS.items()),
    )
    when_text = models.CharField(_("date as written"), max_length=300, blank=True, default="")
    where = models.ForeignKey(
        "core.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_located",
        verbose_name=_("place"),
    )
    where_pcode = models.CharField(_("P-code"), max_length=20, blank=True, default="")
    where_text = models.CharField(_("place as written"), max_length=300, blank=True, default="")
    evidence = models.JSONField(_("evidence spans"), default=list)
    reliability = models.CharField(
        _("source reliability"), max_length=1, choices=Reliability.choices
    )
    credibility = models.PositiveSmallIntegerField(
        _("information credibility"),
        choices=Credibility.choices,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    review_state = models.CharField(
        _("review"),
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.PROPOSED,
        db_index=True,
    )
    reviewed_by = models.ForeignKey(
        "core.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[actors, recipients])

    class Meta:
        ordering = ["-document__published", "id"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    def __str__(self) -> str:
        return f"{self.get_type_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("document", args=[self.document_id]) + f"#claim-{self.pk}"

    def clean(self) -> None:
        """The contract's rules on attributes, figures and evidence, for every way of saving."""
        super().clean()
        text_length = len(self.document.text) if self.document_id else None
        problems = (
            check_attributes(self.type, self.attributes or {})
            + normalize_figures(self.figures or {})[1]
            + check_evidence(self.evidence, text_length)
        )
        errors: dict[str, list[str]] = {}
        for problem in problems:
            field = problem.field.split(".")[0].split("[")[0]
            errors.setdefault(field, []).append(str(problem))
        if errors:
            raise ValidationError(errors)

    @property
    def grade(self) -> str:
        """The Admiralty grade, e.g. 'B3'."""
        return f"{self.reliability}{self.credibility}"

    def evidence_quotes(self) -> list[str]:
        """The words each evidence span covers (kept with the span when it was recorded)."""
        return [
            span["quote"] if "quote" in span else self.document.text[span["start"] : span["end"]]
            for span in self.evidence
        ]

    def to_contract(self) -> dict[str, Any]:
        """This claim in the shape of the extraction contract, with entity ids as actor keys."""
        source = self.attribution_source
        return {
            "id": f"c{self.pk}",
            "type": self.type,
            "actor": [a.key for a in self.actors.all()],
            "recipient": [a.key for a in self.recipients.all()],
            "target": self.target.key if self.target else None,
            "attributes": self.attributes,
            "status": self.status,
            "modality": self.modality,
            "attribution": {
                "source": source.key if source else None,
                "source_kind": self.attribution_kind,
                "cue": self.attribution_cue or None,
            },
            "figures": self.figures,
            "when": {
                "date": self.when_date.isoformat() if self.when_date else None,
                "precision": self.when_precision or None,
                "text": self.when_text or None,
            },
            "where": {
                "entity": self.where.key if self.where else None,
                "pcode": self.where_pcode or None,
                "text": self.where_text or None,
            },
            "evidence": self.evidence,
        }
