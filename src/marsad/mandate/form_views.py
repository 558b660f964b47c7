"""Pages that record the mandate by hand: tasks, limits, requirements, assignments and the
force's actions. Thin: the forms collect; the records they name are found through the reader's
selectors, and the services check and write."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.coalition.models import Pledge
from marsad.core.services.lookups import by_number
from marsad.mandate import services
from marsad.mandate.forms import ActionForm, AssignmentForm, LimitForm, RequirementForm, TaskForm
from marsad.mandate.models import Requirement, Task
from marsad.web.forms import form_page


def may_write(user: Any) -> bool:
    """The services' rule: analysts and administrators."""
    return bool(getattr(user, "can_write", False))


def _page(request: HttpRequest, form: Any, title: str, save: Any, anchor: str) -> HttpResponse:
    index = reverse("mandate:index")
    return form_page(
        request,
        form=form,
        title=title,
        save=save,
        done=lambda _record: f"{index}#{anchor}",
        allowed=may_write(request.user),
        back=index,
    )


def task_new(request: HttpRequest) -> HttpResponse:
    form = TaskForm(request.POST or None, reader=request.user)
    return _page(
        request,
        form,
        _("Record a task of the force"),
        lambda _data: services.create_task(by=request.user, **form.arguments()),
        "h-tasks",
    )


def limit_new(request: HttpRequest) -> HttpResponse:
    form = LimitForm(request.POST or None, reader=request.user)
    return _page(
        request,
        form,
        _("Record a limit of the mandate"),
        lambda _data: services.create_limit(by=request.user, **form.arguments()),
        "h-limits",
    )


def requirement_new(request: HttpRequest) -> HttpResponse:
    form = RequirementForm(request.POST or None, reader=request.user)

    def save(_data: Any) -> Any:
        data = form.arguments()
        task = by_number(request.user, Task, data.pop("task"), "task", "task")
        return services.create_requirement(by=request.user, task=task, **data)

    return _page(request, form, _("Record what a task needs"), save, "h-req")


def assignment_new(request: HttpRequest) -> HttpResponse:
    form = AssignmentForm(request.POST or None, reader=request.user)

    def save(_data: Any) -> Any:
        data = form.arguments()
        user = request.user
        pledge = by_number(user, Pledge, data.pop("pledge"), "pledge", "pledge")
        requirement = by_number(
            user, Requirement, data.pop("requirement"), "requirement", "requirement"
        )
        return services.assign(by=user, pledge=pledge, requirement=requirement, **data)

    return _page(request, form, _("Assign a pledge to a requirement"), save, "h-assign")


def action_new(request: HttpRequest) -> HttpResponse:
    form = ActionForm(request.POST or None, reader=request.user)

    def save(_data: Any) -> Any:
        data = form.arguments()
        task = data.pop("task")
        if task is not None:
            task = by_number(request.user, Task, task, "task", "task")
        return services.record_force_action(by=request.user, task=task, **data)

    return _page(request, form, _("Record an action of the force"), save, "h-actions")
