"""Pages that record invitations and the steps of their timeline, memberships, pledges, their
status and readiness, caveats, and legal conditions met."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.coalition import selectors, services
from marsad.coalition.forms import (
    CaveatForm,
    ConditionMetForm,
    InvitationForm,
    InvitationStatusForm,
    MembershipForm,
    PledgeForm,
    PledgeStatusForm,
    ReadinessForm,
)
from marsad.coalition.models import Caveat, Invitation, Pledge
from marsad.web.forms import form_page


def _writer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "can_write", False))


def _pledge(request: HttpRequest, pk: int) -> Pledge:
    try:
        return selectors.pledges(request.user).get(pk=pk)
    except Pledge.DoesNotExist:
        raise Http404(_("No pledge with this number is visible to you.")) from None


def _state_url(pledge_or_caveat: Any) -> str:
    return reverse("coalition:state", kwargs={"key": pledge_or_caveat.nation.key})


def _of_state(key: str) -> str:
    return reverse("coalition:state", kwargs={"key": key})


def _given(request: HttpRequest, name: str) -> dict[str, str]:
    """The actor a page's link names (a state's page offers its own key), as the form's start."""
    value = request.GET.get(name, "").strip().upper()
    return {name: value} if value else {}


def invitation_new(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(
        request.POST or None, initial=_given(request, "invitee"), reader=request.user
    )
    return form_page(
        request,
        form=form,
        title=_("Record an invitation"),
        save=lambda _data: services.create_invitation(by=request.user, **form.arguments()),
        done=lambda invitation: _of_state(invitation.invitee.key) + "#invitations",
        allowed=_writer(request),
        back=reverse("coalition:index") + "#invitations",
        saved_message=_("Invitation recorded."),
    )


def invitation_status(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        invitation = selectors.invitations(request.user).get(pk=pk)
    except Invitation.DoesNotExist:
        raise Http404(_("No invitation with this number is visible to you.")) from None
    # A step is marked as its invitation is, unless the analyst narrows or widens it.
    initial = {"marking": invitation.marking, "releasable_to": ", ".join(invitation.nations)}
    form = InvitationStatusForm(request.POST or None, initial=initial, reader=request.user)
    back = _of_state(invitation.invitee.key) + "#invitations"
    return form_page(
        request,
        form=form,
        title=_("Add a step to the invitation"),
        save=lambda _data: services.record_status(
            by=request.user, invitation=invitation, **form.arguments()
        ),
        done=lambda _step: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Step recorded."),
    )


def membership_new(request: HttpRequest) -> HttpResponse:
    form = MembershipForm(
        request.POST or None, initial=_given(request, "member"), reader=request.user
    )
    return form_page(
        request,
        form=form,
        title=_("Record a membership"),
        save=lambda _data: services.record_membership(by=request.user, **form.arguments()),
        done=lambda membership: _of_state(membership.member.key) + "#memberships",
        allowed=_writer(request),
        back=reverse("coalition:index"),
        saved_message=_("Membership recorded."),
    )


def caveat_new(request: HttpRequest) -> HttpResponse:
    form = CaveatForm(request.POST or None, initial=_given(request, "nation"), reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a caveat or a legal condition"),
        save=lambda _data: services.record_caveat(by=request.user, **form.arguments()),
        done=lambda caveat: _state_url(caveat) + "#caveats",
        allowed=_writer(request),
        back=reverse("coalition:index"),
        saved_message=_("Caveat recorded."),
    )


def pledge_new(request: HttpRequest) -> HttpResponse:
    given = {k: request.GET[k].upper() for k in ("nation",) if request.GET.get(k)}
    form = PledgeForm(request.POST or None, initial=given, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a pledge"),
        save=lambda _data: services.record_pledge(by=request.user, **form.arguments()),
        done=lambda pledge: _state_url(pledge) + "#pledges",
        allowed=_writer(request),
        back=reverse("coalition:pledges"),
        saved_message=_("Pledge recorded."),
    )


def pledge_status(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    form = PledgeStatusForm(request.POST or None, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Change the status of the pledge"),
        save=lambda data: services.set_pledge_status(
            by=request.user,
            pledge=pledge,
            status=data["status"],
            on=data["on"],
            claims=data["claims"],
        ),
        done=lambda _p: _state_url(pledge) + "#pledges",
        allowed=_writer(request),
        back=_state_url(pledge),
        saved_message=_("Status recorded."),
    )


def pledge_readiness(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    initial = {"readiness": pledge.readiness, "deployable_from": pledge.deployable_from}
    form = ReadinessForm(request.POST or None, initial=initial, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Readiness of the contribution"),
        save=lambda data: services.set_pledge_readiness(
            by=request.user,
            pledge=pledge,
            readiness=data["readiness"],
            deployable_from=data["deployable_from"],
            claims=data["claims"],
        ),
        done=lambda _p: _state_url(pledge) + "#pledges",
        allowed=_writer(request),
        back=_state_url(pledge),
        saved_message=_("Readiness recorded."),
    )


def condition_met(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        caveat = selectors.caveats(request.user).get(pk=pk)
    except Caveat.DoesNotExist:
        raise Http404(_("No caveat with this number is visible to you.")) from None
    form = ConditionMetForm(
        request.POST or None,
        initial={"met": {True: "yes", False: "no"}.get(caveat.met, "")},
        reader=request.user,
    )
    return form_page(
        request,
        form=form,
        title=_("Is the legal condition met?"),
        save=lambda data: services.set_condition_met(
            by=request.user, caveat=caveat, met=data["met"], claims=data["claims"]
        ),
        done=lambda _c: _state_url(caveat) + "#caveats",
        allowed=_writer(request),
        back=_state_url(caveat),
        saved_message=_("Recorded."),
    )
