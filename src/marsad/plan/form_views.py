"""Pages that record a provision's score, a party's precondition and a dependency by hand."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.plan import selectors
from marsad.plan.forms import DependencyForm, PreconditionForm, ScoreForm
from marsad.plan.models import Provision
from marsad.plan.services import (
    add_dependency,
    provision_by_number,
    record_precondition,
    record_score,
)
from marsad.web.forms import form_page


def _point(request: HttpRequest, number: int) -> Provision:
    plan = selectors.main_plan(request.user)
    found = selectors.provisions(request.user, plan).filter(number=number).first() if plan else None
    if found is None:
        raise Http404(_("No point with this number is visible to you."))
    return found


def _writer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "can_write", False))


def score_new(request: HttpRequest, number: int) -> HttpResponse:
    point = _point(request, number)
    form = ScoreForm(request.POST or None, reader=request.user)
    back = reverse("plan:provision", kwargs={"number": number})
    return form_page(
        request,
        form=form,
        title=_("Record a score of point %(n)s") % {"n": number},
        save=lambda _data: record_score(by=request.user, provision=point, **form.arguments()),
        done=lambda _score: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Score recorded."),
    )


def precondition_new(request: HttpRequest, number: int) -> HttpResponse:
    point = _point(request, number)
    form = PreconditionForm(request.POST or None, reader=request.user)
    back = reverse("plan:provision", kwargs={"number": number})

    def save(data: dict[str, Any]) -> Any:
        after = provision_by_number(request.user, point.plan, data["after"], "after")
        return record_precondition(
            by=request.user, provision=point, after=after, **form.arguments()
        )

    return form_page(
        request,
        form=form,
        title=_("Record a precondition on point %(n)s") % {"n": number},
        save=save,
        done=lambda _condition: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Precondition recorded."),
    )


def dependency_new(request: HttpRequest, number: int) -> HttpResponse:
    point = _point(request, number)
    form = DependencyForm(request.POST or None, reader=request.user)
    back = reverse("plan:provision", kwargs={"number": number})
    return form_page(
        request,
        form=form,
        title=_("Point %(n)s depends on another") % {"n": number},
        save=lambda data: add_dependency(by=request.user, provision=point, on=data["on"]),
        done=lambda _point: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Dependency recorded."),
    )
