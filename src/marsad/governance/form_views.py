"""Pages that record governance by hand: legal instruments and actions on charters. Thin: the
forms collect, the services check and write."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.governance import services
from marsad.governance.forms import CharterActionForm, InstrumentForm
from marsad.web.forms import form_page


def may_write(user: Any) -> bool:
    """The services' rule: analysts and administrators."""
    return bool(getattr(user, "can_write", False))


def instrument_new(request: HttpRequest) -> HttpResponse:
    form = InstrumentForm(request.POST or None, reader=request.user)
    index = reverse("governance:index")
    return form_page(
        request,
        form=form,
        title=_("Record a legal instrument"),
        save=lambda _data: services.record_instrument(by=request.user, **form.arguments()),
        done=lambda instrument: f"{index}#instrument-{instrument.pk}",
        allowed=may_write(request.user),
        back=index,
    )


def charter_action_new(request: HttpRequest) -> HttpResponse:
    form = CharterActionForm(request.POST or None, reader=request.user)
    index = reverse("governance:index")
    return form_page(
        request,
        form=form,
        title=_("Record an action on a charter"),
        save=lambda _data: services.record_charter_action(by=request.user, **form.arguments()),
        done=lambda _action: f"{index}#h-charter",
        allowed=may_write(request.user),
        back=index,
    )
