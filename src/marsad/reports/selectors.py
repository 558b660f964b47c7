"""Reads of issued reports, always through visible_to: a reader lists and downloads only the
reports whose audience's marking reaches it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from marsad.reports.models import IssuedReport


def issued(user: Any) -> QuerySet[IssuedReport]:
    """The issued reports `user` may read, newest first, without their bytes."""
    return IssuedReport.objects.visible_to(user).defer("content")


def issued_report(user: Any, pk: int) -> IssuedReport:
    """One issued report with its bytes (IssuedReport.DoesNotExist when hidden or missing)."""
    return IssuedReport.objects.visible_to(user).get(pk=pk)


def already_issued(user: Any, *, day: Any, audience: str, language: str, fmt: str) -> bool:
    return (
        IssuedReport.objects.visible_to(user)
        .filter(day=day, audience=audience, language=language, format=fmt)
        .exists()
    )
