"""The exercise controller's pages: the clock and its injects, and the after-action review (in
the page, as PDF or HTML). Only the controller and administrators open them; outside an
exercise they answer 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.exercises import clock as exercise_clock
from marsad.exercises import mode
from marsad.exercises.models import Inject, exercise_time
from marsad.exercises.review import review
from marsad.exercises.review_render import render as render_review
from marsad.web.problems import explain


def _controller(request: HttpRequest) -> None:
    if not mode.current():
        raise Http404(_("Marsad is not running an exercise."))
    try:
        exercise_clock.require_controller(request.user)
    except NotAllowed:
        raise PermissionDenied(_("Only the exercise controller may open this page.")) from None


def control(request: HttpRequest) -> HttpResponse:
    _controller(request)
    try:
        clock = exercise_clock.the_clock()
    except exercise_clock.NoExercise:
        raise Http404(_("This database holds no exercise.")) from None
    minute = exercise_clock.now(clock)
    injects = list(Inject.objects.order_by("at", "pk"))
    return render(
        request,
        "exercises/control.html",
        {
            "clock": clock,
            "now": exercise_time(minute),
            "moment": exercise_clock.exercise_datetime(clock, minute),
            "injects": injects,
            "delivered": sum(1 for i in injects if i.delivered_at),
        },
    )


@require_POST
def clock_action(request: HttpRequest) -> HttpResponse:
    _controller(request)
    action = request.POST.get("action", "")
    try:
        if action == "start":
            exercise_clock.start(by=request.user)
        elif action == "pause":
            exercise_clock.pause(by=request.user)
        elif action == "end":
            exercise_clock.end(by=request.user)
        elif action == "advance":
            raw = request.POST.get("minutes", "").strip()
            to = request.POST.get("to", "").strip()
            if to:
                exercise_clock.advance(by=request.user, to=to)
            else:
                exercise_clock.advance(by=request.user, minutes=int(raw) if raw.isdigit() else 0)
        else:
            raise InvalidInput.one("action", action, "start, pause, advance or end")
    except InvalidInput as error:
        messages.error(request, explain(error))
    return redirect("exercises:control")


def review_page(request: HttpRequest) -> HttpResponse:
    _controller(request)
    return render(request, "exercises/review.html", {"review": review(request.user)})


def review_file(request: HttpRequest, fmt: str) -> HttpResponse:
    _controller(request)
    if fmt not in ("pdf", "html"):
        raise Http404(_("No such format."))
    language = translation.get_language() or "ar"
    content = render_review(review(request.user), lang=language, fmt=fmt)
    answer = HttpResponse(
        content, content_type="application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
    )
    filename = f"marsad-EXERCISE-{mode.current()}-review-{language}.{fmt}"
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer
