"""The submit form: a pasted or uploaded text with its source and marking."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.core.releasability import Marking
from marsad.web.pickers import PickerField, PickerWidget

MAX_UPLOAD = 20 * 1024 * 1024


class SubmitForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}), required=False
    )
    upload = forms.FileField(label=_("or a text file (UTF-8)"), required=False)
    title = forms.CharField(label=_("Title"), max_length=500, required=False)
    # No source is chosen for the analyst: a text stored under the wrong source would count as
    # that source's word. The picker proposes the sources the reader may read, by name in the
    # interface's language.
    source = PickerField(
        "sources",
        label=_("Source"),
        widget=PickerWidget("sources", placeholder=_("choose a source")),
        error_messages={"required": _("choose a source")},
    )
    published = forms.DateField(
        label=_("Published"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[
            ("", _("detect")),
            ("ar", _("Arabic")),
            ("en", _("English")),
            ("other", _("Other")),
        ],
    )
    marking = forms.ChoiceField(
        label=_("Releasability"), choices=Marking.choices, initial=Marking.INTERNAL
    )
    releasable_to = forms.CharField(
        label=_("Releasable to (ISO3, comma-separated)"), required=False
    )

    def __init__(self, *args: Any, reader: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        widget = self.fields["source"].widget
        widget.reader = reader
        widget.attrs.update({"class": "form-control", "id": "id_source"})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload = data.get("upload")
        if upload is not None:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(_("The file is larger than 20 MB."))
            raw = upload.read()
            if b"\x00" in raw[:8192]:
                raise forms.ValidationError(_("The file is binary, not a text."))
            try:
                data["text"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    _("The file is not UTF-8 text (byte %(offset)s).") % {"offset": error.start}
                ) from None
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Paste a text or choose a file."))
        return data
