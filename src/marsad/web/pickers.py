"""Pickers: a field that names a record (an actor, a place, a source, a crossing, a claim, a
provision) is chosen from what its reader may read, by typing part of its name in either
language, never typed as an identifier.

Each kind of record has a finder registered under its kind's name. The core's kinds are
registered here; an area registers its own from its app config (`web` knows no area). A finder
reads through the selectors with the reader, so a picker proposes only what the reader may read,
and only proposes: a name matching nothing creates nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.core import selectors as core
from marsad.core.models import Actor, Claim
from marsad.core.vocabulary import CLAIM_TYPE_LABELS
from marsad.extraction.normalize import fold
from marsad.extraction.numerals import to_latin_digits

MOST_OPTIONS = 12
# The longest query a picker reads: a longer one is cut, never refused.
LONGEST_QUERY = 100


@dataclass(frozen=True)
class Option:
    """One proposal: the value the form sends, the name in the reader's language and, beside
    it, the name in the other language and an identifier (key or P-code)."""

    value: str
    label: str
    other: str = ""
    code: str = ""


Finder = Callable[[Any, str], list[Option]]
Labeller = Callable[[Any, list[str]], dict[str, Option]]


@dataclass(frozen=True)
class Picker:
    find: Finder  # (reader, folded query) -> proposals, at most MOST_OPTIONS
    label: Labeller  # (reader, values) -> the options of the values the reader may read


PICKERS: dict[str, Picker] = {}


def register(kind: str, picker: Picker) -> None:
    PICKERS[kind] = picker


def squeeze(text: str) -> str:
    """A text folded for matching, spaces removed: "خانيونس" finds "خان يونس"."""
    return fold(to_latin_digits(text or "")).replace(" ", "")


def arabic() -> bool:
    return (get_language() or "ar").startswith("ar")


def bilingual(value: str, name_ar: str, name_en: str, code: str = "") -> Option:
    first, second = (name_ar, name_en) if arabic() else (name_en, name_ar)
    return Option(value, first or second, second if first else "", code)


def ranked(
    query: str, rows: Iterable[tuple[Option, Iterable[str]]], limit: int = MOST_OPTIONS
) -> list[Option]:
    """The options whose texts contain the folded query: those starting with it first, then by
    name in the reader's language."""
    hits: list[tuple[int, str, Option]] = []
    for option, texts in rows:
        folded = [squeeze(t) for t in texts if t]
        if not query:
            hits.append((1, option.label, option))
        elif any(t.startswith(query) for t in folded):
            hits.append((0, option.label, option))
        elif any(query in t for t in folded):
            hits.append((1, option.label, option))
    hits.sort(key=lambda hit: (hit[0], hit[1]))
    return [option for _rank, _label, option in hits[:limit]]


def _actor_rows(user: Any, kinds: Iterable[str]) -> Any:
    qs = core.records(user, Actor)
    kinds = list(kinds)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    return qs.values_list("key", "name_ar", "name_en", "aliases_ar", "aliases_en", "pcode")


def _actor_option(key: str, name_ar: str, name_en: str, pcode: str) -> Option:
    return bilingual(key, name_ar, name_en, pcode or key)


def actor_picker(*kinds: str) -> Picker:
    def find(user: Any, query: str) -> list[Option]:
        return ranked(
            query,
            (
                (
                    _actor_option(key, ar, en, pcode),
                    [ar, en, key, pcode, *(aliases_ar or []), *(aliases_en or [])],
                )
                for key, ar, en, aliases_ar, aliases_en, pcode in _actor_rows(user, kinds)
            ),
        )

    def label(user: Any, values: list[str]) -> dict[str, Option]:
        rows = _actor_rows(user, kinds).filter(key__in=[v.upper() for v in values])
        return {key: _actor_option(key, ar, en, pcode) for key, ar, en, _aa, _ae, pcode in rows}

    return Picker(find, label)


def _source_rows(user: Any) -> Any:
    return core.sources(user).values_list("key", "name_ar", "name_en")


def _find_sources(user: Any, query: str) -> list[Option]:
    return ranked(
        query, ((bilingual(k, ar, en, k), [ar, en, k]) for k, ar, en in _source_rows(user))
    )


def _label_sources(user: Any, values: list[str]) -> dict[str, Option]:
    rows = _source_rows(user).filter(key__in=[v.upper() for v in values])
    return {k: bilingual(k, ar, en, k) for k, ar, en in rows}


def _claim_option(pk: int, claim_type: str, title: str) -> Option:
    return Option(str(pk), str(CLAIM_TYPE_LABELS.get(claim_type, claim_type)), title[:80], f"#{pk}")


def _claims(user: Any) -> Any:
    return core.records(user, Claim).order_by("-id").values_list("id", "type", "document__title")


def _find_claims(user: Any, query: str) -> list[Option]:
    """Claims by number, else by their type or their document's title (the newest few hundred:
    a claim is picked by its number or a recent document, not browsed)."""
    if query.lstrip("#").isdigit():
        rows = _claims(user).filter(id=int(query.lstrip("#")[:18]))
        return [_claim_option(*row) for row in rows]
    return ranked(
        query,
        (
            (option, [option.label, title])
            for option, title in (
                (_claim_option(pk, kind, title), title) for pk, kind, title in _claims(user)[:500]
            )
        ),
    )


def _label_claims(user: Any, values: list[str]) -> dict[str, Option]:
    numbers = [int(v) for v in values if v.isdigit() and len(v) < 18]
    return {str(pk): _claim_option(pk, k, t) for pk, k, t in _claims(user).filter(id__in=numbers)}


register("actors", actor_picker())
register("places", actor_picker("place"))
register("states", actor_picker("state"))
register("sources", Picker(_find_sources, _label_sources))
register("claims", Picker(_find_claims, _label_claims))


def values_of(raw: Any) -> list[str]:
    """The values a picker sent: one, or several separated by commas."""
    if raw in (None, ""):
        return []
    if isinstance(raw, list | tuple):
        return [str(v).strip() for v in raw if str(v).strip()]
    return [v.strip() for v in str(raw).replace("،", ",").split(",") if v.strip()]


def pick(request: HttpRequest, kind: str) -> HttpResponse:
    """The options of one kind matching what the reader typed (an HTML fragment for htmx)."""
    picker = PICKERS.get(kind)
    if picker is None:
        raise Http404(_("No picker of this kind."))
    typed = request.GET.get("q")
    if typed is None:  # htmx sends the search box under its own name, `<field>__search`
        typed = next((v for k, v in request.GET.items() if k.endswith("__search")), "")
    query = squeeze(typed[:LONGEST_QUERY])
    return render(
        request,
        "web/picker_options.html",
        {"options": picker.find(request.user, query), "typed": typed[:LONGEST_QUERY]},
    )


class PickerWidget(forms.Widget):
    """A search box proposing records of one kind; the chosen values travel in a hidden input
    (several joined by commas when `multiple`). Started by picker.js from data-widget."""

    template_name = "web/picker.html"

    def __init__(
        self,
        kind: str,
        *,
        multiple: bool = False,
        placeholder: Any = "",
        attrs: dict[str, Any] | None = None,
    ):
        super().__init__(attrs)
        self.kind, self.multiple, self.placeholder = kind, multiple, placeholder
        self.reader: Any = None  # set by the form (web.forms.RecordForm) for the labels

    def format_value(self, value: Any) -> str:
        return ",".join(values_of(value))

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name, "")

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        values = values_of(value)
        known = PICKERS[self.kind].label(self.reader, values) if values and self.reader else {}
        context["widget"].update(
            kind=self.kind,
            multiple=self.multiple,
            placeholder=self.placeholder,
            url=reverse("pick", kwargs={"kind": self.kind}),
            chosen=[known.get(v) or known.get(v.upper()) or Option(v, v) for v in values],
        )
        return context


class PickerField(forms.Field):
    """A field whose value is chosen with a picker: a key (or claim number), or a list of them."""

    def __init__(self, kind: str, *, multiple: bool = False, **kwargs: Any):
        self.kind, self.multiple = kind, multiple
        kwargs.setdefault("widget", PickerWidget(kind, multiple=multiple))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        values = values_of(value)
        if self.multiple:
            return values
        return values[0] if values else ""
