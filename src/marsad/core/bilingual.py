"""Texts kept in Arabic and English, read in the active language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def arabic_active() -> bool:
    return (get_language() or "ar").startswith("ar")


def localized(obj: Any, field: str) -> str:
    """obj.<field>_ar or obj.<field>_en by the active language, else the other one."""
    first, second = ("ar", "en") if arabic_active() else ("en", "ar")
    return getattr(obj, f"{field}_{first}", "") or getattr(obj, f"{field}_{second}", "")


class BilingualName:
    """For models with `name_ar` and `name_en`."""

    name_ar: str
    name_en: str

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return localized(self, "name")

    @property
    def other_name(self) -> str:
        """The name in the other language, shown beside it."""
        return self.name_en if arabic_active() else self.name_ar
