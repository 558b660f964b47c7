"""Forms of the coalition: a pledge, its status from a day, its readiness, and whether a legal
condition is met."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.coalition.vocabulary import PledgeKind, PledgeStatus, Readiness, Unit
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
OWN = ("marking", "releasable_to", "claims")


class PledgeForm(RecordForm):
    nation = PickerField("actors", label=_("Nation or organisation"))
    body = PickerField("actors", label=_("Force or body it is offered to"), initial="ISF")
    kind = forms.ChoiceField(label=_("Kind"), choices=PledgeKind.choices)
    negative = forms.BooleanField(
        label=_("A refusal: the nation will not give this"), required=False
    )
    quantity = forms.CharField(label=_("Quantity"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), choices=[("", "—"), *Unit.choices], required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=PledgeStatus.choices, initial=PledgeStatus.OFFERED
    )
    announced = forms.DateField(label=_("Announced"), required=False, widget=DATE)
    readiness = forms.ChoiceField(label=_("Readiness"), choices=Readiness.choices, required=False)
    deployable_from = forms.DateField(label=_("Can deploy from"), required=False, widget=DATE)
    conditions = forms.CharField(
        label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}


class PledgeStatusForm(RecordForm):
    """A new status from a day. The pledge keeps its marking: only the claims are asked."""

    status = forms.ChoiceField(label=_("New status"), choices=PledgeStatus.choices)
    on = forms.DateField(label=_("From"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"]


class ReadinessForm(RecordForm):
    readiness = forms.ChoiceField(label=_("Readiness"), choices=Readiness.choices, required=False)
    deployable_from = forms.DateField(label=_("Can deploy from"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"]


class ConditionMetForm(RecordForm):
    met = forms.TypedChoiceField(
        label=_("Is the condition met?"),
        choices=[("", _("not known")), ("yes", _("met")), ("no", _("not met"))],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"]
