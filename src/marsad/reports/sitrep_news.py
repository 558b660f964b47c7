"""The report's statements and intake sections: who said what on the day, who would not say,
and the texts that came in (published or recorded on the day) with their claims."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from marsad.core import selectors as core
from marsad.core.audience import Audience
from marsad.core.releasability import releasability_filter
from marsad.reports.sitrep import Item, Section, grade_for, source_of
from marsad.statements import selectors as statements


def statements_section(day: date, audience: Audience) -> Section:
    found = Section("statements", _("Statements and refusals"))
    for statement in statements.statements(audience).filter(on=day).order_by("refusal", "id"):
        said = statement.get_refusal_display() or statement.get_stance_display()
        words = statement.translation or statement.quote or statement.calls_for
        found.items.append(
            Item(
                f"({said}; {statement.get_topic_display()})",
                day=day,
                source=source_of(audience, statement),
                grade=grade_for(audience, statement),
                lead=statement.speaker.name,
                quote=words,
            )
        )
    found.has_data = bool(found.items)
    return found


def intake_section(day: date, audience: Audience) -> Section:
    found = Section("intake", _("New in intake"))
    visible_claims = releasability_filter(audience, prefix="claims__")
    counted = Q() if visible_claims is None else visible_claims
    documents = (
        core.documents(audience)
        .filter(Q(published=day) | Q(created__date=day))
        .annotate(
            accepted=Count("claims", filter=counted & Q(claims__review_state="accepted")),
            proposed=Count("claims", filter=counted & Q(claims__review_state="proposed")),
        )
        .order_by("published", "id")
    )
    for document in documents:
        found.items.append(
            Item(
                _("%(accepted)s claims accepted, %(proposed)s proposed")
                % {"accepted": document.accepted, "proposed": document.proposed},
                lead=document.title,
                day=document.published,
                source=document.source.name if document.source else "",
                grade=document.source.reliability if document.source else "",
            )
        )
    found.has_data = bool(found.items)
    return found
