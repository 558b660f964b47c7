"""Whether this process runs an exercise, and the words that mark its outputs.

Reports, exports and notifications of an exercise carry "EXERCISE" (Arabic "تمرين") in their
title and marking line, so that nothing printed or forwarded from one is taken for the record.
"""

from __future__ import annotations

from django.conf import settings

WORD = {"ar": "تمرين", "en": "EXERCISE"}


def current() -> str:
    """The name of the exercise this process runs, or ''."""
    return str(getattr(settings, "EXERCISE", "") or "")


def label(language: str = "") -> str:
    """ "EXERCISE — NAME" in `language` (both languages, Arabic first, when none), or ''."""
    name = current()
    if not name:
        return ""
    if language in WORD:
        return f"{WORD[language]} — {name}"
    return f"{WORD['ar']} — {name} / {WORD['en']} — {name}"


def mark(text: str, language: str = "") -> str:
    """`text` with the exercise label in front; unchanged outside an exercise."""
    prefix = label(language)
    return f"{prefix} · {text}" if prefix and text else (prefix or text)
