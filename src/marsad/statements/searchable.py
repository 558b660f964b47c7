"""Statements in search (see core/search/registry.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marsad.core.search.registry import Entry, Kind, both, register
from marsad.statements.models import Statement

_VALUES = {
    **dict(Statement._meta.get_field("stance").choices or []),
    **dict(Statement._meta.get_field("refusal").choices or []),
}


def _statement(statement: Statement) -> Entry:
    speaker = statement.speaker
    what_ar, what_en = both(_VALUES.get(statement.stance or statement.refusal, ""))
    about = [a.pk for a in statement.about.all()]
    return Entry(
        title_ar=f"{speaker.name_ar}: {what_ar}",
        title_en=f"{speaker.name_en}: {what_en}",
        body="\n".join(
            filter(
                None,
                [
                    statement.quote,
                    statement.translation,
                    statement.calls_for_ar,
                    statement.calls_for_en,
                ],
            )
        ),
        day=statement.on,
        link=speaker.key,
        actor_ids=[speaker.pk, *about],
    )


register(
    Kind(
        key="statement",
        label=_("Statements"),
        model=Statement,
        entry=_statement,
        url=lambda record_id, link: f"{reverse('statements:index')}?{urlencode({'actor': link})}",
        select=("speaker",),
        prefetch=("about",),
    )
)
