"""Pages that record pledges, their status and readiness, and legal conditions met."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.coalition import selectors, services
from marsad.coalition.forms import ConditionMetForm, PledgeForm, PledgeStatusForm, ReadinessForm
from marsad.coalition.models import Caveat, Pledge
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
