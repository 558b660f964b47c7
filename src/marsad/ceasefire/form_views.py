"""Pages that record ceasefire records by hand: an incident, a violation an incident is said
to be, a casualty figure. Thin: the forms collect, the services check and write."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.ceasefire import selectors
from marsad.ceasefire.forms import FigureForm, IncidentForm, ViolationForm
from marsad.ceasefire.models import Incident
from marsad.ceasefire.services.figures import record_figure
from marsad.ceasefire.services.incidents import record_incident
from marsad.ceasefire.services.violations import record_violation
from marsad.core import selectors as core
from marsad.core.models import Actor
from marsad.web.forms import form_page


def _writer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "can_write", False))


def _reported_name(user: Any, key: str) -> str:
    """The name an actor chosen by a picker is listed under, when none was typed."""
    try:
        return core.actor(user, key).name_en if key else ""
    except Actor.DoesNotExist:
        return ""  # the service refuses the key itself, naming the field


def incident_new(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(request.POST or None, reader=request.user)

    def save(_data: dict[str, Any]) -> Incident:
        arguments = form.arguments()
        for n in ("1", "2"):
            if not arguments[f"actor{n}"] and arguments[f"actor{n}_ref"]:
                arguments[f"actor{n}"] = _reported_name(request.user, arguments[f"actor{n}_ref"])
        return record_incident(by=request.user, **arguments)

    return form_page(
        request,
        form=form,
        title=_("Record an incident"),
        save=save,
        done=lambda incident: reverse("ceasefire:incident", kwargs={"pk": incident.pk}),
        allowed=_writer(request),
        back=reverse("ceasefire:incidents"),
        saved_message=_("Incident recorded."),
    )


def violation_new(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        incident = selectors.incident(request.user, pk)
    except Incident.DoesNotExist:
        raise Http404(_("No incident with this number is visible to you.")) from None
    agreement = selectors.main_agreement(request.user)
    if agreement is None:
        raise Http404(_("No agreement is visible to you."))
    form = ViolationForm(request.POST or None, reader=request.user)
    back = reverse("ceasefire:incident", kwargs={"pk": incident.pk})
    return form_page(
        request,
        form=form,
        title=_("Record a violation of the agreement"),
        save=lambda _data: record_violation(
            by=request.user, incident=incident, agreement=agreement, **form.arguments()
        ),
        done=lambda _violation: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Violation recorded."),
    )


def _pcode(user: Any, key: str) -> str:
    """The P-code of the place a picker chose (a governorate's key is its P-code)."""
    try:
        return core.actor(user, key).pcode or key if key else ""
    except Actor.DoesNotExist:
        return key  # the service refuses it, naming the field


def figure_new(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A casualty figure: of an incident (from its page), or of a period and an area."""
    incident = None
    if pk is not None:
        try:
            incident = selectors.incident(request.user, pk)
        except Incident.DoesNotExist:
            raise Http404(_("No incident with this number is visible to you.")) from None
    form = FigureForm(request.POST or None, reader=request.user, incident=incident)

    def save(_data: dict[str, Any]) -> Any:
        arguments = form.arguments()
        if incident is None:
            arguments["area"] = _pcode(request.user, arguments.get("area", ""))
        return record_figure(by=request.user, incident=incident, **arguments)

    back = (
        reverse("ceasefire:incident", kwargs={"pk": incident.pk})
        if incident
        else reverse("ceasefire:figures")
    )
    return form_page(
        request,
        form=form,
        title=_("Record a casualty figure"),
        save=save,
        done=lambda _figure: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Figure recorded."),
    )
