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

# The services' refusals are written in English, one wording each; the page says them in the
# reader's language. A pattern's groups (values, lists) are kept as they were.
REFUSALS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(p), t)
    for p, t in (
        (r"^is required$", gettext_lazy("This field is required.")),
        (
            r"^the (start )?date (of (the )?\w+ )?is required$",
            gettext_lazy("The date is required."),
        ),
        (r"^must be a number", gettext_lazy("Write a number.")),
        (r"^give trucks, a quantity or tons$", gettext_lazy("Give trucks, a quantity or tons.")),
        (
            r"^happened on (?P<x>\S+), before the agreement took effect \((?P<y>[^)]+)\)$",
            gettext_lazy(
                "The incident happened on %(x)s, before the agreement took effect (%(y)s)."
            ),
        ),
        (
            r"^is before the pledge's current status took effect \((?P<x>[^)]+)\)$",
            gettext_lazy("This day is before the pledge's current status took effect (%(x)s)."),
        ),
        (
            r"^a statement has a stance, or it is a refusal",
            gettext_lazy("Choose a stance or a refusal to speak, not both."),
        ),
        (
            r"^say in which language the quote is$",
            gettext_lazy("Choose the language of the quote."),
        ),
        (r"is already '(?P<x>\w+)'", gettext_lazy("It is already “%(x)s”.")),
        (
            r"^a \w+ '(?P<x>\w+)' can only become: (?P<y>.+)$",
            gettext_lazy("From “%(x)s” it can only become: %(y)s."),
        ),
        (
            r"^nothing was closed",
            gettext_lazy("Nothing was closed: record “open” (a reopening follows a closure)."),
        ),
        (
            r"^a closed crossing or corridor comes back as",
            gettext_lazy(
                "A closed crossing or corridor comes back as “reopened” (or “restricted”)."
            ),
        ),
        (
            r"^must be a date written YYYY-MM-DD$",
            gettext_lazy("Write a date as year-month-day (YYYY-MM-DD)."),
        ),
        (r"^must be one of (?P<x>.+)$", gettext_lazy("Choose one of: %(x)s.")),
        (r"^must be a number$", gettext_lazy("Write a number.")),
        (r"^must be a whole number$", gettext_lazy("Write a whole number.")),
        (r"^must not be negative$", gettext_lazy("The number may not be negative.")),
        (
            r"^must lie between (?P<x>\S+) and (?P<y>\S+)$",
            gettext_lazy("Write a number between %(x)s and %(y)s."),
        ),
        (
            r"^no (?P<x>[\w ]+) has this (identifier|number)$",
            gettext_lazy(
                "Choose a record proposed by the list: none readable by you has this value."
            ),
        ),
        (
            r"^is a (?P<x>\w+); expected (?P<y>.+)$",
            gettext_lazy("This record is of the wrong kind."),
        ),
        (
            r"^must be 0, 1, 2 or 3",
            gettext_lazy("The score is 0, 1, 2 or 3 (Peace Accords Matrix)."),
        ),
        (
            r"^is not a sub-event of",
            gettext_lazy("This sub-event type does not belong to the event type chosen."),
        ),
        (
            r"^give both latitude and longitude, or neither$",
            gettext_lazy("Give both latitude and longitude, or neither."),
        ),
        (
            r"^is not the P-code of a Gaza governorate",
            gettext_lazy("Choose one of Gaza's five governorates."),
        ),
        (
            r"^give a crossing or a corridor, not both$",
            gettext_lazy("Choose a crossing or a corridor, not both."),
        ),
        (r"is recorded already$", gettext_lazy("This record exists already.")),
        (
            r"^must be ISO 3166 alpha-3 codes$",
            gettext_lazy("Name nations by their three-letter ISO codes (ITA, FRA)."),
        ),
        (
            r"^the marking 'nations' needs at least one nation$",
            gettext_lazy("Name at least one nation for this marking."),
        ),
        (
            r"^nations can be named only with the marking 'nations'$",
            gettext_lazy("Nations are named only with the marking “named nations”."),
        ),
        (
            r"^(?P<what>.+) is marked '(?P<their>[^']*)': "
            r"a record marked '(?P<own>[^']*)' may not point to it$",
            gettext_lazy(
                "Whoever reads this record must be able to read what it names: %(what)s is "
                "marked “%(their)s”. Choose a narrower releasability."
            ),
        ),
        (
            r"^the plan has no point",
            gettext_lazy("Choose a point of the plan proposed by the list."),
        ),
        (
            r"^a precondition must cite the statement",
            gettext_lazy("Choose the statement that carries the precondition."),
        ),
    )
]


def refusal_text(message: str) -> str:
    """A service's refusal in the reader's language; one not known here is shown as written."""
    for pattern, text in REFUSALS:
        found = pattern.search(message)
        if found:
            return str(text) % found.groupdict() if found.groupdict() else str(text)
    return _("Refused: %(why)s") % {"why": message}


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
