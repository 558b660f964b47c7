"""The phrases of the dictionaries: an actor's aliases and demonyms, and the cue files' lines,
each with what the scan must check before it counts (gazetteer.py)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from marsad.extraction.normalize import fold

ENTITY = "E"


@dataclass(frozen=True)
class Entry:
    """One dictionary phrase: an actor alias (category E) or a cue such as T:attack:air."""

    category: str
    value: str
    lang: str
    flags: frozenset[str] = frozenset()
    needs: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    stem: bool = False
    adjective: bool = False
    cased: str | None = None
    article_form: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        # Unpickled (prebuilt.py) through __init__: an object whose __dict__ the unpickler
        # fills reads its attributes by a slower path, some 4% more instructions a pass.
        return (Entry, tuple(getattr(self, f.name) for f in fields(self)))


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def expand(phrase: str) -> list[str]:
    """All the phrases a pattern stands for: "{was|is} invited" → ["was invited", "is invited"]."""
    parts = re.split(r"(\{[^}]*\})", phrase)
    choices = [p[1:-1].split("|") if p.startswith("{") else [p] for p in parts]
    return [" ".join("".join(combo).split()) for combo in itertools.product(*choices)]


def _parse_flags(raw: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    flags: set[str] = set()
    needs: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    for item in filter(None, (x.strip() for x in raw.split(","))):
        if item.startswith("n="):
            needs = tuple(fold(x) for x in item[2:].split("/") if x)
        elif item.startswith("x="):
            excludes = tuple(fold(x) for x in item[2:].split("/") if x)
        else:
            flags.add(item)
    return frozenset(flags), needs, excludes


def cue_entries(path: Path) -> list[tuple[str, Entry]]:
    entries: list[tuple[str, Entry]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        category, phrase = fields[0].strip(), fields[1].strip()
        flags, needs, excludes = _parse_flags(fields[2] if len(fields) > 2 else "")
        # T:attack:air → category "T:attack", value "air"; MEAS:killed → "MEAS:killed", "killed"
        parts = category.split(":")
        name = ":".join(parts[:2]) if parts[0] == "T" else category
        attribute = parts[2] if parts[0] == "T" and len(parts) > 2 else parts[-1]
        for variant in expand(phrase):
            if "*" in variant.rstrip("*"):
                raise ValueError(f"{path.name}: '*' may only end a phrase: {variant!r}")
            stem = variant.endswith("*")
            text = variant.rstrip("*").strip()
            lang = "ar" if is_arabic(text) else "en"
            entry = Entry(name, attribute, lang, flags, needs, excludes, stem=stem)
            entries.append((text, entry))
    return entries


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and not any(c.islower() for c in alias)


# Aliases that count only in some context (places.py): after a place word (ctx), after a
# noun such as مدينة (word: the name is also a word of the language), or beside another name of
# the same place (family).
_CONTEXT_FIELDS = (
    ("ctx_ar", "ctx"),
    ("ctx_en", "ctx"),
    ("word_ar", "word"),
    ("family_ar", "family"),
    ("family_en", "family"),
)


def actor_entries(raw: dict[str, Any]) -> list[tuple[str, Entry]]:
    """The phrases of an actor, each with the context it needs (see _CONTEXT_FIELDS)."""
    actor_id = raw["id"]
    out: list[tuple[str, Entry]] = []
    cased = set(raw.get("cased_en", []))
    # by folded form: a spelling that folds onto a contextual alias (سئول → سيول) is one too
    needs: dict[str, frozenset[str]] = {}
    listed: list[str] = []
    for name, flag in _CONTEXT_FIELDS:
        for alias in raw.get(name, []):
            needs[fold(alias)] = frozenset({flag})
            listed.append(alias)
    arabic = [raw["name_ar"], *raw.get("ar", []), *listed]
    for alias in dict.fromkeys(a for a in arabic if is_arabic(a)):
        flags = needs.get(fold(alias), frozenset())
        out.append((alias, Entry(ENTITY, actor_id, "ar", flags)))
    english = [raw["name_en"], *raw.get("en", []), *cased, *listed]
    if not raw.get("match_en", True):
        english = []  # a town's short English name: inside too many words to scan for
    for alias in dict.fromkeys(a for a in english if not is_arabic(a)):
        flags = needs.get(fold(alias), frozenset())
        exact = alias if alias in cased or _is_acronym(alias) or "ctx" in flags else None
        out.append((alias, Entry(ENTITY, actor_id, "en", flags, cased=exact)))
    for stem in raw.get("adj_ar", []):
        out.append((stem, Entry(ENTITY, actor_id, "ar", adjective=True)))
    for word in raw.get("adj_en", []):
        out.append((word, Entry(ENTITY, actor_id, "en", adjective=True)))
    return out
