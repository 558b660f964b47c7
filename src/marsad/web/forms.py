"""What every record form shares: the marking and evidence fields, pickers that read with the
reader, a service's refusal marked on the field it names in the reader's language, and one page
(web/record_form.html) that shows any of them.

A form only collects; the area's service validates and writes (through the gate). A refused
form is shown again with what was typed and each problem beside its field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.releasability import Marking
from marsad.web.pickers import PickerField, PickerWidget
from marsad.web.problems import refusal_text


class RecordForm(forms.Form):
    """A record's own fields (in the subclass), then its marking and the claims it rests on.
    `fields_of` maps a service's argument name to the form field that carries it, where they
    differ."""

    fields_of: dict[str, str] = {}

    marking = forms.ChoiceField(
        label=gettext_lazy("Releasability"), choices=Marking.choices, initial=Marking.INTERNAL
    )
    releasable_to = forms.CharField(
        label=gettext_lazy("Releasable to (ISO3, comma-separated)"), required=False
    )
    claims = PickerField(
        "claims", multiple=True, required=False, label=gettext_lazy("Evidence (claims)")
    )

    def __init__(self, *args: Any, reader: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.reader = reader
        for field in self.fields.values():
            if isinstance(field.widget, PickerWidget):
                field.widget.reader = reader
            css = {"select": "form-select", "checkbox": "form-check-input"}
            kind = getattr(field.widget, "input_type", "")
            field.widget.attrs.setdefault("class", css.get(kind, "form-control"))
        for name in ("marking", "releasable_to", "claims"):  # after the record's own fields
            self.fields[name] = self.fields.pop(name)

    def nations(self) -> list[str]:
        raw = self.cleaned_data.get("releasable_to") or ""
        return [n.strip().upper() for n in raw.replace("،", ",").split(",") if n.strip()]

    def common(self) -> dict[str, Any]:
        """The service arguments every record takes."""
        return {
            "marking": self.cleaned_data["marking"],
            "releasable_to": self.nations(),
            "claims": self.cleaned_data.get("claims") or [],
        }

    def refused(self, error: InvalidInput) -> None:
        """Mark each problem on the field it names (`claims[2]` on claims), or on the form."""
        for problem in error.problems:
            name = re.split(r"[\[.]", problem.field, maxsplit=1)[0]
            name = self.fields_of.get(name, name)
            self.add_error(name if name in self.fields else None, refusal_text(problem.message))


def describe_errors(form: forms.Form) -> None:
    """aria-invalid and aria-describedby on each refused field, for screen readers."""
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["class"] = attrs.get("class", "") + " is-invalid"
            attrs["aria-describedby"] = f"{form[name].auto_id}-errors"


def form_page(
    request: HttpRequest,
    *,
    form: RecordForm,
    title: str,
    save: Callable[[dict[str, Any]], Any],
    done: Callable[[Any], str],
    allowed: bool,
    back: str = "",
    saved_message: str = "",
) -> HttpResponse:
    """Show `form`; on a valid POST call `save` (the service) and go to `done(record)`. A
    reader whose role may not write is refused before any input is read."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise PermissionDenied(_("Your role may not record this."))
    if request.method == "POST" and form.is_valid():
        try:
            record = save(form.cleaned_data)
        except InvalidInput as error:
            form.refused(error)
        except NotAllowed as error:
            raise PermissionDenied(str(error)) from None
        else:
            messages.success(request, saved_message or _("Recorded."))
            return redirect(done(record))
    describe_errors(form)
    return render(
        request,
        "web/record_form.html",
        {"form": form, "title": title, "back": back},
        status=400 if form.is_bound and form.errors else 200,
    )
