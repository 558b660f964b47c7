"""What the page, the API and the command ask for, read the same way: a day, an audience, a
language and a format, each refused with its field named."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from marsad.core.audience import Audience
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.services.inputs import parse_date
from marsad.reports.audience import may_request, parse_audience
from marsad.reports.models import Format, Language


@dataclass(frozen=True)
class ReportRequest:
    day: date
    audience: Audience
    language: str
    fmt: str

    @classmethod
    def parse(
        cls, *, day: Any, audience: Any, language: Any, fmt: Any = "html", reader: Any = None
    ) -> ReportRequest:
        """Parse and check; `reader` (when given) must be allowed the audience's material.
        Without a day, the latest day with recorded events the audience may read (else today)."""
        lang = str(language or "ar").lower()
        if lang not in Language.values:
            raise InvalidInput.one("lang", lang, "must be ar or en")
        kind = str(fmt or "html").lower()
        if kind not in Format.values:
            raise InvalidInput.one("format", kind, "must be pdf or html")
        parsed_day = parse_date(day, "date") if day else None
        found = parse_audience(audience, day=parsed_day)
        if reader is not None and not may_request(reader, found):
            raise NotAllowed("you may not read reports cut for this audience")
        if parsed_day is None:
            from marsad.reports.sitrep import latest_day

            parsed_day = latest_day(found) or timezone.localdate()
            if found.kind == "force":
                found = parse_audience(audience, day=parsed_day)
        return cls(parsed_day, found, lang, kind)
