"""The statement form: what an actor said (a stance) or would not say (a refusal)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.core.vocabulary import VALUE_LABELS
from marsad.statements.models import REFUSALS, STANCES, QuoteLanguage, Topic
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

TEXT = forms.Textarea(attrs={"rows": 3})
OWN = ("marking", "releasable_to", "claims")


class StatementForm(RecordForm):
    speaker = PickerField("actors", label=_("Speaker"))
    on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    stance = forms.ChoiceField(
        label=_("Stance"),
        required=False,
        choices=[("", "—"), *((s, VALUE_LABELS.get(s, s)) for s in STANCES)],
    )
    refusal = forms.ChoiceField(
        label=_("or a refusal to speak"),
        required=False,
        choices=[("", "—"), *((r, VALUE_LABELS.get(r, r)) for r in REFUSALS)],
    )
    about = PickerField("actors", multiple=True, required=False, label=_("About"))
    quote = forms.CharField(label=_("Quote, as said"), required=False, widget=TEXT)
    quote_language = forms.ChoiceField(
        label=_("Language of the quote"),
        required=False,
        choices=[("", "—"), *QuoteLanguage.choices],
    )
    translation = forms.CharField(label=_("Translation of the quote"), required=False, widget=TEXT)
    calls_for_ar = forms.CharField(label=_("Calls for (Arabic)"), required=False, widget=TEXT)
    calls_for_en = forms.CharField(label=_("Calls for (English)"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}
