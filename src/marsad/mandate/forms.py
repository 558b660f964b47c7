"""Forms of the mandate: the force's tasks and limits, what the tasks need, the pledges
assigned to it, and what the force did. They collect; the mandate's services check and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.coalition.vocabulary import PledgeKind
from marsad.mandate.models import AssignmentStatus, LimitKind, Task
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
OWN = ("marking", "releasable_to", "claims")
FORCE = "ISF"


class MandateForm(RecordForm):
    def own(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {k: (None if v == "" and k in self.optional else v) for k, v in data.items()}

    optional: tuple[str, ...] = ()

    def arguments(self) -> dict[str, Any]:
        return {**self.own(), **self.common()}


class TaskForm(MandateForm):
    optional = ("legal_basis",)

    force = PickerField("forces", label=_("Force"), initial=FORCE)
    code = forms.ChoiceField(label=_("Task"), choices=Task._meta.get_field("code").choices)
    name_ar = forms.CharField(label=_("Name in Arabic"), max_length=200)
    name_en = forms.CharField(label=_("Name in English"), max_length=200)
    legal_basis = PickerField("instruments", label=_("Legal basis"), required=False)
    description_ar = forms.CharField(label=_("Description in Arabic"), required=False, widget=TEXT)
    description_en = forms.CharField(label=_("Description in English"), required=False, widget=TEXT)


class LimitForm(MandateForm):
    force = PickerField("forces", label=_("Force"), initial=FORCE)
    kind = forms.ChoiceField(label=_("Limit"), choices=LimitKind.choices)
    text_ar = forms.CharField(label=_("Text in Arabic"), widget=TEXT)
    text_en = forms.CharField(label=_("Text in English"), widget=TEXT)


class RequirementForm(MandateForm):
    """`task` is a task's number, chosen with the picker; the view finds the task."""

    optional = ("area",)

    task = PickerField("tasks", label=_("Task"))
    capability = forms.ChoiceField(label=_("Capability"), choices=PledgeKind.choices)
    quantity = forms.CharField(label=_("Quantity needed"))
    area = PickerField("places", label=_("Area"), required=False)
    weight = forms.CharField(label=_("Priority weight"), initial="1")
    needed_from = forms.DateField(label=_("Needed from"), required=False, widget=DATE)
    combat = forms.BooleanField(label=_("Involves direct combat"), required=False)
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(label=_("Note in English"), required=False, widget=TEXT)


class AssignmentForm(MandateForm):
    """`pledge` and `requirement` are numbers chosen with pickers; the view finds them."""

    pledge = PickerField("assignable-pledges", label=_("Pledge"))
    requirement = PickerField("requirements", label=_("Requirement"))
    quantity = forms.CharField(label=_("Quantity assigned"))
    status = forms.ChoiceField(
        label=_("Status"), choices=AssignmentStatus.choices, initial=AssignmentStatus.PLANNED
    )
    since = forms.DateField(label=_("Since"), required=False, widget=DATE)


class ActionForm(MandateForm):
    optional = ("task", "place")

    force = PickerField("forces", label=_("Force"), initial=FORCE)
    on = forms.DateField(label=_("Date"), widget=DATE)
    task = PickerField("tasks", label=_("Under the task"), required=False)
    place = PickerField("places", label=_("Place"), required=False)
    combat = forms.BooleanField(label=_("Direct combat"), required=False)
    description_ar = forms.CharField(label=_("Description in Arabic"), required=False, widget=TEXT)
    description_en = forms.CharField(label=_("Description in English"), required=False, widget=TEXT)
