"""What an event says to one recipient: a title in Arabic and English, a link, and a summary for
webhooks, written from the record as the recipient may read it now. None when the recipient may
not read it (or it is gone): then nothing is delivered and nothing counted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from marsad.notify import kinds, selectors
from marsad.notify.alerts import Evaluations
from marsad.notify.models import Event, KnownAlert

LANGUAGES = ("ar", "en")


@dataclass
class Message:
    record: Any
    titles: dict[str, str]
    paths: dict[str, str]
    summary: dict[str, Any] = field(default_factory=dict)
    kind: str = ""

    def title(self, language: str) -> str:
        from marsad.exercises.mode import mark

        # In an exercise every channel (in-app, feed, webhook, e-mail) says so in the title.
        return mark(self.titles.get(language) or self.titles["en"], language)[:300]

    def path(self, language: str) -> str:
        return self.paths.get(language) or self.paths["ar"]


def _in_each_language(
    build: Callable[[], tuple[str, str]],
) -> tuple[dict[str, str], dict[str, str]]:
    """(titles, paths) with `build` run once in each language (names, labels and the URL's
    language prefix follow the active language)."""
    titles, paths = {}, {}
    for language in LANGUAGES:
        with translation.override(language):
            title, path = build()
            titles[language], paths[language] = title[:300], path
    return titles, paths


def _status(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    step = selectors.record(reader, "access.AccessStatus", event.object_id)
    if step is None:
        return None
    before = selectors.previous_status(reader, step)
    subject = step.subject

    def build() -> tuple[str, str]:
        values = {
            "name": subject.name,
            "state": step.get_state_display(),
            "day": step.valid_from.isoformat(),
        }
        if before is None:
            title = _("%(name)s: %(state)s from %(day)s") % values
        else:
            values["before"] = before.get_state_display()
            title = _("%(name)s: %(state)s (was %(before)s) from %(day)s") % values
        return title, step.get_absolute_url()

    titles, paths = _in_each_language(build)
    kind = "crossing" if step.crossing_id else "corridor"
    return Message(
        step,
        titles,
        paths,
        {
            kind: subject.key,
            "state": step.state,
            "previous_state": before.state if before else None,
            "from": step.valid_from.isoformat(),
            "reason_en": step.reason_en,
            "reason_ar": step.reason_ar,
        },
    )


def _score(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    change = selectors.record(reader, "plan.ScoreChange", event.object_id)
    if change is None:
        return None
    before = selectors.previous_score(reader, change)
    number = change.provision.number

    def build() -> tuple[str, str]:
        values = {"point": number, "score": change.score, "day": change.on.isoformat()}
        if before is None:
            title = _("Plan point %(point)s: score %(score)s from %(day)s") % values
        else:
            values["before"] = before.score
            title = (
                _("Plan point %(point)s: score %(score)s (was %(before)s) from %(day)s") % values
            )
        return title, reverse("plan:provision", args=[number])

    titles, paths = _in_each_language(build)
    summary = {
        "point": number,
        "score": change.score,
        "previous_score": before.score if before else None,
        "from": change.on.isoformat(),
    }
    return Message(change, titles, paths, summary)


def _claim(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    claim = selectors.record(reader, "core.Claim", event.object_id)
    if claim is None:
        return None

    def build() -> tuple[str, str]:
        values = {"type": claim.get_type_display(), "title": claim.document.title}
        return _("Claim accepted: %(type)s in “%(title)s”") % values, claim.get_absolute_url()

    titles, paths = _in_each_language(build)
    summary = {
        "type": claim.type,
        "actors": sorted(a.key for a in claim.actors.all()),
        "target": claim.target.key if claim.target_id else None,
        "governorate": claim.where_pcode or None,
        "date": claim.when_date.isoformat() if claim.when_date else None,
        "document": claim.document_id,
    }
    return Message(claim, titles, paths, summary)


def _document(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    document = selectors.record(reader, "core.Document", event.object_id)
    if document is None:
        return None

    def build() -> tuple[str, str]:
        return _("New document: %(title)s") % {"title": document.title}, document.get_absolute_url()

    titles, paths = _in_each_language(build)
    summary = {
        "title": document.title,
        "source": document.source.key,
        "language": document.language,
        "published": document.published.isoformat() if document.published else None,
    }
    return Message(document, titles, paths, summary)


def _report(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    report = selectors.record(reader, kinds.REPORT_MODEL, event.object_id)
    if report is None:
        return None

    def build() -> tuple[str, str]:
        path = report.get_absolute_url() if hasattr(report, "get_absolute_url") else ""
        return _("Report issued: %(name)s") % {"name": str(report)}, path

    titles, paths = _in_each_language(build)
    return Message(report, titles, paths, {"report": str(report)})


def _derived(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    """A spike or a deadlock, delivered only while the recipient's own evaluation shows it."""
    known = KnownAlert.objects.filter(pk=event.object_id).first()
    if known is None:
        return None
    alert = cache.of(event.kind, reader).get(known.key)
    if alert is None:
        return None
    detail = alert.detail

    def build() -> tuple[str, str]:
        if event.kind == kinds.PLAN_DEADLOCK:
            points = ", ".join(str(n) for n in detail["points"])
            return (
                _("New deadlock in the plan: points %(points)s wait for one another")
                % {"points": points},
                reverse("plan:sequencing"),
            )
        values = {
            "day": detail["day"],
            "value": round(detail["value"]),
            "usual": detail["baseline"],
        }
        if detail["series"] == "deaths":
            title = _("Spike of new deaths on %(day)s: %(value)s (usual %(usual)s)") % values
        else:
            title = _("Spike of incidents on %(day)s: %(value)s (usual %(usual)s)") % values
        return title, reverse("ceasefire:alerts")

    titles, paths = _in_each_language(build)
    return Message(known, titles, paths, dict(detail))


BUILDERS: dict[str, Callable[[Event, Any, Evaluations], Message | None]] = {
    kinds.CROSSING_STATUS: _status,
    kinds.CORRIDOR_STATUS: _status,
    kinds.PLAN_SCORE: _score,
    kinds.CLAIM: _claim,
    kinds.DOCUMENT: _document,
    kinds.REPORT_ISSUED: _report,
    kinds.SPIKE_ALERT: _derived,
    kinds.PLAN_DEADLOCK: _derived,
}


def message(event: Event, reader: Any, cache: Evaluations | None = None) -> Message | None:
    """What `event` says to `reader`, or None when the reader may not read it now."""
    if not getattr(reader, "is_active", True):
        return None
    return BUILDERS[event.kind](event, reader, cache or Evaluations())


def path_in(path: str, language: str) -> str:
    """A stored link (an Arabic path: no language prefix) as the page in `language`."""
    with translation.override("ar"):
        return translate_url(path, language)
