"""Pages that record police courses, their cohorts and progress, and readiness indicators."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.programs import selectors
from marsad.programs.forms import CohortForm, CohortUpdateForm, CourseForm, IndicatorForm
from marsad.programs.models import Cohort, Course
from marsad.programs.services import create_course, record_cohort, record_indicator, update_cohort
from marsad.web.forms import form_page


def _writer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "can_write", False))


def cohort_new(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        course = selectors.course(request.user, pk)
    except Course.DoesNotExist:
        raise Http404(_("No course with this number is visible to you.")) from None
    form = CohortForm(request.POST or None, reader=request.user)
    back = reverse("programs:course", kwargs={"pk": course.pk})
    return form_page(
        request,
        form=form,
        title=_("Record a cohort"),
        save=lambda _data: record_cohort(by=request.user, course=course, **form.arguments()),
        done=lambda _cohort: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Cohort recorded."),
    )


def cohort_update(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        cohort = selectors.cohorts(request.user).get(pk=pk)
    except Cohort.DoesNotExist:
        raise Http404(_("No cohort with this number is visible to you.")) from None
    initial = {
        name: getattr(cohort, name)
        for name in (
            "starts",
            "ends",
            "enrolled",
            "vetted",
            "graduated",
            "dropped_out",
            "note_ar",
            "note_en",
        )
    }
    form = CohortUpdateForm(request.POST or None, initial=initial, reader=request.user)
    back = reverse("programs:course", kwargs={"pk": cohort.course_id})
    return form_page(
        request,
        form=form,
        title=_("Update the cohort"),
        save=lambda data: update_cohort(
            by=request.user, cohort=cohort, claims=data["claims"], **form.arguments()
        ),
        done=lambda _cohort: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Cohort updated."),
    )


def course_new(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a police course"),
        save=lambda _data: create_course(by=request.user, **form.arguments()),
        done=lambda course: reverse("programs:course", kwargs={"pk": course.pk}),
        allowed=_writer(request),
        back=reverse("programs:index") + "#training",
        saved_message=_("Course recorded."),
    )


def indicator_new(request: HttpRequest) -> HttpResponse:
    given = {"pcode": request.GET.get("pcode", "").upper()} if request.GET.get("pcode") else {}
    form = IndicatorForm(request.POST or None, initial=given, reader=request.user)
    back = reverse("programs:readiness")
    return form_page(
        request,
        form=form,
        title=_("Record a readiness indicator"),
        save=lambda _data: record_indicator(by=request.user, **form.arguments()),
        done=lambda _indicator: back,
        allowed=_writer(request),
        back=back,
        saved_message=_("Indicator recorded."),
    )
