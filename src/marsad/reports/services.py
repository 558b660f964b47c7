"""Issuing a report: the exact bytes, their SHA-256, the audience, the day and the issuer, kept
through the write gate (history and audit entry; the entry records the hash)."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.db import transaction

from marsad.core.audience import Audience
from marsad.core.errors import InvalidInput
from marsad.core.services import gate
from marsad.core.services.base import require_writer
from marsad.reports.audience import marking_of
from marsad.reports.models import Format, IssuedReport, Language


def issue(
    *, by: Any, day: date, audience: Audience, language: str, fmt: str, content: bytes
) -> IssuedReport:
    """Record `content` as the report of `day` issued to `audience` by `by`."""
    require_writer(by)
    if language not in Language.values:
        raise InvalidInput.one("lang", language, "must be ar or en")
    if fmt not in Format.values:
        raise InvalidInput.one("format", fmt, "must be pdf or html")
    if not content:
        raise InvalidInput.one("content", "", "an issued report has content")
    marking, nations = marking_of(audience)
    record = IssuedReport(
        day=day,
        audience=audience.code,
        language=language,
        format=fmt,
        content=bytes(content),
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        issued_by=getattr(by, "username", "") or "system",
        issuer_role=str(getattr(by, "role", "") or ""),
    )
    with transaction.atomic():
        # Stored as a creation (the audit entry's action, and the event other areas listen to).
        return gate.store(record, by=by, marking=marking, releasable_to=nations)


def issue_daily(*, by: Any, day: date, audience: Audience, language: str, fmt: str) -> IssuedReport:
    """Build, render and issue the report of `day` for `audience`."""
    from django.utils import translation

    from marsad.reports.render import render
    from marsad.reports.sitrep import build

    with translation.override(language):
        report = build(day, audience)
    content = render(report, lang=language, fmt=fmt)
    return issue(by=by, day=day, audience=audience, language=language, fmt=fmt, content=content)
