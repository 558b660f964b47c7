"""Pages that record access records by hand: status steps, consignments, access incidents, the
force's protection of a corridor, crossings, corridors. Thin: the forms collect, the services
check and write."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.access import selectors
from marsad.access.forms import (
    AccessIncidentForm,
    ConsignmentForm,
    CorridorForm,
    CrossingForm,
    ProtectionForm,
    StatusForm,
)
from marsad.access.services.places import create_corridor, create_crossing
from marsad.access.services.records import (
    protect_corridor,
    record_access_incident,
    record_consignment,
)
from marsad.access.services.timeline import record_status
from marsad.core.roles import Role
from marsad.core.services.lookups import by_number
from marsad.mandate.models import Task
from marsad.web.forms import form_page


def may_record(user: Any) -> bool:
    """The services' rule: analysts and administrators; humanitarian coordinators (public
    records only, which the service checks)."""
    return bool(getattr(user, "can_write", False)) or getattr(user, "role", "") == Role.HUMANITARIAN


def _subject_url(crossing: str | None, corridor: str | None) -> str:
    if corridor:
        return reverse("access:corridor", kwargs={"key": corridor})
    if crossing:
        return reverse("access:crossing", kwargs={"key": crossing})
    return reverse("access:dashboard")


def status_new(request: HttpRequest) -> HttpResponse:
    given = {k: request.GET[k].upper() for k in ("crossing", "corridor") if request.GET.get(k)}
    form = StatusForm(request.POST or None, initial=given, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a change of status"),
        save=lambda _data: record_status(by=request.user, **form.arguments()),
        done=lambda step: _subject_url(
            step.crossing.key if step.crossing else None,
            step.corridor.key if step.corridor else None,
        ),
        allowed=may_record(request.user),
        back=_subject_url(given.get("crossing"), given.get("corridor")),
        saved_message=_("Status recorded."),
    )


def consignment_new(request: HttpRequest) -> HttpResponse:
    given = {k: request.GET[k].upper() for k in ("crossing",) if request.GET.get(k)}
    form = ConsignmentForm(request.POST or None, initial=given, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a consignment"),
        save=lambda _data: record_consignment(by=request.user, **form.arguments()),
        done=lambda _c: reverse("access:consignments"),
        allowed=may_record(request.user),
        back=reverse("access:consignments"),
        saved_message=_("Consignment recorded."),
    )


def crossing_new(request: HttpRequest) -> HttpResponse:
    form = CrossingForm(request.POST or None, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a crossing"),
        save=lambda _data: create_crossing(by=request.user, **form.arguments()),
        done=lambda crossing: _subject_url(crossing.key, None),
        allowed=may_record(request.user),
        back=reverse("access:dashboard"),
        saved_message=_("Crossing recorded."),
    )


def corridor_new(request: HttpRequest) -> HttpResponse:
    given = {k: request.GET[k].upper() for k in ("crossing",) if request.GET.get(k)}
    form = CorridorForm(request.POST or None, initial=given, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a corridor"),
        save=lambda _data: create_corridor(by=request.user, **form.arguments()),
        done=lambda corridor: _subject_url(None, corridor.key),
        allowed=may_record(request.user),
        back=reverse("access:dashboard"),
        saved_message=_("Corridor recorded."),
    )


def incident_new(request: HttpRequest) -> HttpResponse:
    given = {k: request.GET[k].upper() for k in ("crossing", "corridor") if request.GET.get(k)}
    form = AccessIncidentForm(request.POST or None, initial=given, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record an access incident"),
        save=lambda _data: record_access_incident(by=request.user, **form.arguments()),
        done=lambda incident: _subject_url(
            incident.crossing.key if incident.crossing else None,
            incident.corridor.key if incident.corridor else None,
        ),
        allowed=may_record(request.user),
        back=_subject_url(given.get("crossing"), given.get("corridor")),
        saved_message=_("Access incident recorded."),
    )


def protection_new(request: HttpRequest, key: str) -> HttpResponse:
    corridor = selectors.corridors(request.user).filter(key=key.upper()).first()
    if corridor is None and request.user.is_authenticated:
        raise Http404(_("No corridor with this identifier is visible to you."))
    form = ProtectionForm(request.POST or None, reader=request.user)

    def save(_data: Any) -> Any:
        data = form.arguments()
        task = by_number(request.user, Task, data.pop("task"), "task", "task")
        return protect_corridor(by=request.user, task=task, corridor=corridor, **data)

    back = _subject_url(None, corridor.key if corridor else key)
    return form_page(
        request,
        form=form,
        title=_("Record that a task of the force protects %(corridor)s")
        % {"corridor": corridor.name if corridor else key},
        save=save,
        done=lambda _protection: back,
        allowed=may_record(request.user),
        back=back,
        saved_message=_("Protection recorded."),
    )
