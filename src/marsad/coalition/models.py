"""Invitations (with a status timeline), memberships, pledges and national caveats."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.coalition.vocabulary import (
    LEGAL_CONDITIONS,
    CaveatKind,
    InvitationState,
    PledgeKind,
    PledgeStatus,
    Readiness,
    Role,
    Unit,
)
from marsad.core.evidence import Evidenced


class Invitation(Evidenced):
    """One party invites another to join a force or body, in a role, through a channel."""

    inviter = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="invitations_sent", verbose_name=_("inviter")
    )
    invitee = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        related_name="invitations_received",
        verbose_name=_("invitee"),
    )
    body = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        related_name="invitations_to",
        verbose_name=_("force or body"),
    )
    role = models.CharField(_("role offered"), max_length=20, choices=Role.choices)
    channels = models.ManyToManyField(
        "core.Actor",
        related_name="invitations_through",
        blank=True,
        verbose_name=_("delivered through"),
    )
    note = models.TextField(_("note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["channels", "claims"])

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.inviter} → {self.invitee} ({self.body})"


class InvitationStatus(Evidenced):
    """One step of an invitation's timeline, valid from its date until the next step."""

    invitation = models.ForeignKey(
        Invitation, models.CASCADE, related_name="statuses", verbose_name=_("invitation")
    )
    state = models.CharField(_("status"), max_length=20, choices=InvitationState.choices)
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["invitation", "valid_from", "id"]
        verbose_name = _("invitation status")
        verbose_name_plural = _("invitation statuses")

    def __str__(self) -> str:
        return f"{self.get_state_display()} {self.valid_from}"


class Membership(Evidenced):
    member = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="memberships", verbose_name=_("member")
    )
    body = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="members", verbose_name=_("force or body")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def clean(self) -> None:
        super().clean()
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("ends before it begins")})


class Pledge(Evidenced):
    """What a nation offers the force: a kind, a quantity, conditions and a status. A negative
    pledge ("will not send troops") is a fact too."""

    nation = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="pledges", verbose_name=_("nation")
    )
    body = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        related_name="pledges_received",
        verbose_name=_("force or body"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PledgeKind.choices, db_index=True)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    negative = models.BooleanField(
        _("refusal"), default=False, help_text=_("The nation says it will not give this.")
    )
    conditions = models.TextField(_("conditions"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.OFFERED
    )
    announced = models.DateField(_("announced"), null=True, blank=True)
    # The day the status took effect: a pledge withdrawn on a day counts until that day. None:
    # not known (a withdrawal of unknown date counts on every day, as before dates were kept).
    status_since = models.DateField(_("status since"), null=True, blank=True)
    readiness = models.CharField(
        _("readiness"), max_length=12, choices=Readiness.choices, blank=True, default=""
    )
    deployable_from = models.DateField(_("can deploy from"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["nation__name_en", "kind", "id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return f"{self.nation}: {self.get_kind_display()}"

    def clean(self) -> None:
        super().clean()
        if self.negative and self.quantity:
            raise ValidationError({"quantity": _("a refusal has no quantity")})


class Caveat(Evidenced):
    """A national condition on a contribution: a limit on its use, or a legal condition that
    must be met before it can be used at all."""

    nation = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="caveats", verbose_name=_("nation")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=CaveatKind.choices)
    text_ar = models.TextField(_("Arabic text"), blank=True, default="")
    text_en = models.TextField(_("English text"), blank=True, default="")
    areas = models.JSONField(_("areas (P-codes)"), default=list, blank=True)
    tasks = models.JSONField(_("tasks"), default=list, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    met = models.BooleanField(
        _("met"),
        null=True,
        blank=True,
        help_text=_("For legal conditions: whether the condition is met (empty: not known)."),
    )
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["nation__name_en", "kind", "id"]
        verbose_name = _("caveat")
        verbose_name_plural = _("caveats")

    def __str__(self) -> str:
        return f"{self.nation}: {self.get_kind_display()}"

    @property
    def is_legal_condition(self) -> bool:
        return self.kind in LEGAL_CONDITIONS

    def clean(self) -> None:
        """Each limit names what it limits, or force generation could not apply it."""
        super().clean()
        errors = {}
        if self.kind == CaveatKind.GEOGRAPHIC_LIMIT and not self.areas:
            errors["areas"] = _("a geographic limit names the areas it allows")
        if self.kind == CaveatKind.TIME_LIMIT and self.until is None:
            errors["until"] = _("a time limit needs its end date")
        if self.kind == CaveatKind.TASK_EXCLUSION and not self.tasks:
            errors["tasks"] = _("a task exclusion names the excluded tasks")
        if not (self.text_ar.strip() or self.text_en.strip()):
            errors["text_en"] = _("a caveat needs its text in Arabic or English")
        if errors:
            raise ValidationError(errors)
