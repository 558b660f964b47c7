"""The page that records a statement by hand."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from marsad.statements.forms import StatementForm
from marsad.statements.services import record_statement
from marsad.web.forms import form_page


def statement_new(request: HttpRequest) -> HttpResponse:
    given = {k: request.GET[k].upper() for k in ("speaker",) if request.GET.get(k)}
    form = StatementForm(request.POST or None, initial=given, reader=request.user)
    return form_page(
        request,
        form=form,
        title=_("Record a statement"),
        save=lambda _data: record_statement(by=request.user, **form.arguments()),
        done=lambda statement: reverse("statements:index") + f"?actor={statement.speaker.key}",
        allowed=bool(getattr(request.user, "can_write", False)),
        back=reverse("statements:index"),
        saved_message=_("Statement recorded."),
    )
