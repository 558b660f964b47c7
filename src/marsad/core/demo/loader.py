"""Load the demo scenario through the same services as any user write, so it is audited.

Loading twice changes nothing: actors and sources are kept when their identifier exists,
documents are found by the hash of their text and claims by their type and evidence.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils.module_loading import import_string

from marsad.core import selectors as core
from marsad.core.models import Actor, Claim, Document, Source
from marsad.core.models.documents import text_sha256
from marsad.core.services.actors import create_actor, create_source
from marsad.core.services.base import SystemUser
from marsad.core.services.claims import record_claim
from marsad.core.services.documents import normalize_text, submit_document
from marsad.geo.governorates import geometry_for, point

DATA = Path(__file__).resolve().parent
DEMO_USER = SystemUser("system:demo")


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        bucket = self.created if created else self.kept
        bucket[kind] = bucket.get(kind, 0) + 1

    def add(self, kind: str, *, created: int, kept: int) -> None:
        """Counts of a bulk load; a zero leaves its bucket untouched, as one-by-one counts do."""
        for bucket, n in ((self.created, created), (self.kept, kept)):
            if n:
                bucket[kind] = bucket.get(kind, 0) + n


class DemoDataError(ValueError):
    """The demo files disagree with themselves (a quote missing from its text, say)."""


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def _parents_first(actors: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    by_key = {a["key"]: a for a in actors}
    done: set[str] = set()

    def visit(actor: dict[str, Any], path: tuple[str, ...]) -> Iterator[dict[str, Any]]:
        if actor["key"] in done:
            return
        if actor["key"] in path:
            raise DemoDataError(f"actors.toml: parent cycle through {actor['key']}")
        parent = actor.get("parent")
        if parent:
            if parent not in by_key:
                raise DemoDataError(f"actors.toml: {actor['key']} has unknown parent {parent}")
            yield from visit(by_key[parent], (*path, actor["key"]))
        done.add(actor["key"])
        yield actor

    for actor in actors:
        yield from visit(actor, ())


def _geometry(spec: dict[str, Any]) -> dict[str, Any] | None:
    if spec.get("point"):
        latitude, longitude = spec["point"]
        return point(latitude, longitude)
    if spec.get("pcode"):
        return geometry_for(spec["pcode"])
    return None


def _load_actors(report: DemoReport) -> None:
    existing = set(core.records(DEMO_USER, Actor).values_list("key", flat=True))
    for spec in _parents_first(_read("actors.toml")["actor"]):
        if spec["key"] in existing:
            report.count("actors", created=False)
            continue
        create_actor(
            by=DEMO_USER,
            key=spec["key"],
            kind=spec["kind"],
            name_ar=spec["name_ar"],
            name_en=spec["name_en"],
            aliases_ar=spec.get("aliases_ar", []),
            aliases_en=spec.get("aliases_en", []),
            description_ar=spec.get("description_ar", ""),
            description_en=spec.get("description_en", ""),
            iso3=spec.get("iso3", ""),
            pcode=spec.get("pcode", ""),
            geometry=_geometry(spec),
            parent=spec.get("parent", ""),
            marking=spec.get("marking", "public"),
            releasable_to=spec.get("releasable_to", []),
        )
        report.count("actors", created=True)


def _load_sources(report: DemoReport) -> None:
    existing = set(core.records(DEMO_USER, Source).values_list("key", flat=True))
    for spec in _read("sources.toml")["source"]:
        if spec["key"] in existing:
            report.count("sources", created=False)
            continue
        create_source(
            by=DEMO_USER,
            key=spec["key"],
            name_ar=spec["name_ar"],
            name_en=spec["name_en"],
            kind=spec["kind"],
            reliability=spec.get("reliability", "F"),
            actor=spec.get("actor", ""),
            url=spec.get("url", ""),
            marking=spec.get("marking", "public"),
            releasable_to=spec.get("releasable_to", []),
            grading_note_ar=spec.get("grading_note_ar", ""),
            grading_note_en=spec.get("grading_note_en", ""),
        )
        report.count("sources", created=True)


def quote_span(text: str, quote: str, where: str) -> dict[str, Any]:
    """Evidence given as a quote, turned into offsets (so editing a text never leaves offsets
    pointing at the wrong words)."""
    start = text.find(quote)
    if start < 0:
        raise DemoDataError(f"{where}: the quote {quote!r} is not in the text")
    return {"start": start, "end": start + len(quote), "rule": "demo"}


def _claim_data(spec: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    data = {k: v for k, v in spec.items() if k != "evidence"}
    data["evidence"] = [quote_span(text, quote, where) for quote in spec["evidence"]]
    for section in ("when", "where"):
        data[section] = {k: v for k, v in spec.get(section, {}).items() if v not in ("", None)}
    attribution = dict(spec.get("attribution", {}))
    data["attribution"] = {k: v for k, v in attribution.items() if v not in ("", None)}
    data["target"] = spec.get("target") or None
    return data


def _same_claim(document: Document, data: dict[str, Any]) -> bool:
    spans = [(s["start"], s["end"]) for s in data["evidence"]]
    return any(
        [(s["start"], s["end"]) for s in claim.evidence] == spans
        for claim in core.records(DEMO_USER, Claim).filter(document=document, type=data["type"])
    )


def _load_documents(report: DemoReport) -> None:
    for path in sorted((DATA / "documents").glob("*.toml")):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        document, created = submit_document(
            by=DEMO_USER,
            title=spec["title"],
            text=spec["text"],
            source=spec["source"],
            language=spec["language"],
            url=spec.get("url", ""),
            published=spec.get("published"),
            marking=spec.get("marking", "public"),
            releasable_to=spec.get("releasable_to", []),
        )
        report.count("documents", created)
        text = normalize_text(spec["text"])
        for index, claim_spec in enumerate(spec.get("claim", [])):
            data = _claim_data(claim_spec, text, f"{path.name} claim {index + 1}")
            if _same_claim(document, data):
                report.count("claims", created=False)
                continue
            record_claim(by=DEMO_USER, document=document, data=data)
            report.count("claims", created=True)


def area_loaders() -> list[Callable[[DemoReport], None]]:
    """The demo parts of the areas: an app's config names its loader in `demo_loader` (a dotted
    path to a function taking the report) and its place in `demo_order` (after the core's)."""
    found = []
    for config in apps.get_app_configs():
        path = getattr(config, "demo_loader", None)
        if path:
            found.append((getattr(config, "demo_order", 100), config.label, import_string(path)))
    return [loader for _order, _label, loader in sorted(found, key=lambda f: f[:2])]


@transaction.atomic
def load_demo() -> DemoReport:
    """Load (or complete) the demo scenario in one transaction: all of it or nothing."""
    report = DemoReport()
    _load_actors(report)
    _load_sources(report)
    _load_documents(report)
    for loader in area_loaders():
        loader(report)
    return report


@cache
def _document_specs() -> dict[str, tuple[Path, dict[str, Any]]]:
    specs = {}
    for path in sorted((DATA / "documents").glob("*.toml")):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        specs[spec["slug"]] = (path, spec)
    return specs


def find_claims(refs: list[str]) -> list[Claim]:
    """Demo claims named 'document-slug#n' (the n-th claim of that demo document, from 1), so
    area demo files can cite the evidence behind their records."""
    specs = _document_specs()
    found = []
    for ref in refs:
        slug, _, number = ref.partition("#")
        if slug not in specs or not number.isdigit():
            raise DemoDataError(f"claim reference {ref!r}: use 'document-slug#n'")
        path, spec = specs[slug]
        claim_specs = spec.get("claim", [])
        if not 1 <= int(number) <= len(claim_specs):
            raise DemoDataError(f"claim reference {ref!r}: {slug} has {len(claim_specs)} claims")
        text = normalize_text(spec["text"])
        data = _claim_data(claim_specs[int(number) - 1], text, ref)
        document = core.records(DEMO_USER, Document).get(sha256=text_sha256(text))
        spans = [(s["start"], s["end"]) for s in data["evidence"]]
        claim = next(
            (
                c
                for c in core.records(DEMO_USER, Claim).filter(document=document, type=data["type"])
                if [(s["start"], s["end"]) for s in c.evidence] == spans
            ),
            None,
        )
        if claim is None:
            raise DemoDataError(f"claim reference {ref!r} is not loaded")
        found.append(claim)
    return found


def read_area_data(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def database_is_empty() -> bool:
    return not core.records(DEMO_USER, Actor).exists()
