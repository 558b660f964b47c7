"""`marsad ingest`'s pipeline stores what storing each text one by one (`services.submit`)
stores: the same documents, claims (with their grades), copies of one story and dictionary
entries, whatever the batch size; archives and JSON Lines are read with their bad members
named; a rerun after an interruption goes on where it stopped."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from marsad.core.models import Actor, Claim, Document, Source
from marsad.core.services.actors import create_source
from marsad.core.services.base import SystemUser
from marsad.core.services.documents import normalize_text as core_normalize
from marsad.extraction.extract import extract
from marsad.intake import archives, ingest, services
from marsad.intake.models import Band, Fingerprint, SameStory
from marsad.intake.services_batch import BatchWriter

SYSTEM = SystemUser("system:ingest")
PUBLISHED = "2026-02-02"

STRIKE_AR = (
    "قالت مصادر محلية إن طائرات إسرائيلية شنّت غارة على منزل في بني سهيلا شرقي خان يونس "
    "أمس، ما أسفر عن مقتل ٧ فلسطينيين. وامتنع مكتب رئيسة الوزراء الإيطالية عن التعليق على "
    "دعوة واشنطن روما إلى الانضمام إلى قوة الاستقرار الدولية."
)
STRIKE_EN = (
    "Israeli aircraft struck a house in Bani Suheila, east of Khan Younis, yesterday, killing "
    "seven Palestinians, the civil defence said."
)
TEXTS = [
    STRIKE_AR,
    STRIKE_EN,
    "خان يونس – " + STRIKE_AR.replace("٧", "سبعة"),  # a copy of the first story
    STRIKE_EN,  # the same text twice
    "The Israeli army said its forces shot two people who approached troops in Rafah on "
    "Sunday. Hamas said the shooting violated the ceasefire.",
    "Gaza's civil defence said an Israeli strike killed three people in Deir al-Balah "
    "yesterday. Egypt condemned the strike.",
    "قال الدفاع المدني في غزة إن غارة إسرائيلية قتلت ثلاثة أشخاص في دير البلح أمس.",
    "Witnesses said Israeli aircraft struck a house in Khan Younis yesterday, killing seven.",
]
# and a person and a village no dictionary holds (`intake.entity_keys`)
NAMED_FROM_TEXT = [
    *TEXTS,
    "اغتيل النائب عن حزب الكتائب أنطوان غانم في انفجار سيارة مفخخة قرب بلدة القاع أمس.",
]


@pytest.fixture
def source(db: Any) -> str:
    with transaction.atomic():
        create_source(
            by=SYSTEM,
            key="WIRE",
            name_ar="وكالة",
            name_en="Wire",
            kind="media",
            reliability="C",
            marking="public",
        )
    return "WIRE"


def write_folder(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    for index, text in enumerate(texts):
        (folder / f"t{index:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def one_by_one(folder: Path, source: str) -> None:
    """What `marsad ingest` did before batches: `services.submit` per file, in path order."""
    for path in sorted(folder.glob("*.txt")):
        text = core_normalize(path.read_text(encoding="utf-8"))
        services.submit(
            by=SYSTEM,
            text=text,
            source=source,
            title=path.stem,
            published=PUBLISHED,
            marking="public",
            extraction=extract(text, published=date.fromisoformat(PUBLISHED)),
        )


def in_batches(target: Path, source: str, batch_size: int) -> list[ingest.Outcome]:
    writer = BatchWriter(by=SYSTEM, source=source, marking="public", label=str(target))
    return list(
        ingest.run(archives.read(target), writer, None, published=PUBLISHED, batch_size=batch_size)
    )


def stored_state() -> dict[str, Any]:
    """Everything ingest stores, named by content rather than by row number."""
    sha = dict(Document.objects.values_list("pk", "sha256"))
    claims = []
    for claim in Claim.objects.prefetch_related("actors", "recipients").select_related(
        "target", "where", "attribution_source"
    ):
        claims.append(
            (
                sha[claim.document_id],
                claim.type,
                claim.status,
                claim.modality,
                json.dumps(claim.evidence, sort_keys=True),
                tuple(sorted(a.key for a in claim.actors.all())),
                tuple(sorted(a.key for a in claim.recipients.all())),
                claim.target.key if claim.target else None,
                claim.where.key if claim.where else None,
                claim.where_pcode,
                str(claim.when_date),
                json.dumps(claim.figures, sort_keys=True),
                json.dumps(claim.attributes, sort_keys=True),
                claim.attribution_kind,
                claim.attribution_source.key if claim.attribution_source else None,
                claim.reliability,
                claim.credibility,
                claim.review_state,
                claim.marking,
            )
        )
    return {
        "documents": sorted(
            Document.objects.values_list(
                "sha256", "title", "language", "published", "source__key", "marking"
            )
        ),
        "claims": sorted(claims),
        "same_story": sorted(
            (sha[s.document_id], sha[s.original_id], round(s.similarity, 6))
            for s in SameStory.objects.all()
        ),
        "bands": sorted((sha[b.document_id], b.key) for b in Band.objects.all()),
        "fingerprints": sorted(
            (sha[f.document_id], tuple(f.signature)) for f in Fingerprint.objects.all()
        ),
        "actors": sorted(Actor.objects.values_list("key", "kind", "parent__key", "marking")),
        "sources": sorted(Source.objects.values_list("key", "actor__key", "reliability")),
    }


def state_after(run: Any) -> dict[str, Any]:
    with transaction.atomic():
        run()
        state = stored_state()
        transaction.set_rollback(True)
    return state


@pytest.mark.django_db
def test_batches_store_what_one_by_one_stores(source, tmp_path):
    folder = write_folder(tmp_path / "texts", NAMED_FROM_TEXT)
    expected = state_after(lambda: one_by_one(folder, source))
    assert expected["claims"]
    assert {"PERSON", "PLACE"} <= {key.split("-")[0] for key, *_rest in expected["actors"]}
    assert expected["same_story"]
    assert len({c[-3] for c in expected["claims"]}) > 1  # grades set by corroboration
    for size in (1, 3, 50):
        assert state_after(lambda size=size: in_batches(folder, source, size)) == expected


@pytest.mark.django_db
def test_each_document_is_reported_and_a_rerun_skips_what_is_stored(source, tmp_path):
    folder = write_folder(tmp_path / "texts", TEXTS)
    (folder / "zz-bad.txt").write_bytes(b"\xff\xfe\x00 not text")
    outcomes = in_batches(folder, source, 3)
    assert [o.result for o in outcomes] == [
        *["stored"] * 3, "skipped", *["stored"] * 4, "failed",
    ]  # fmt: skip
    assert "same text as document" in outcomes[3].detail
    assert "UTF-16" in outcomes[-1].detail
    again = in_batches(folder, source, 3)
    assert [o.result for o in again][:8] == ["skipped"] * 8


@pytest.mark.django_db
def test_an_interrupted_ingest_goes_on_where_it_stopped(source, tmp_path):
    folder = write_folder(tmp_path / "texts", TEXTS)
    expected = state_after(lambda: in_batches(folder, source, 3))

    def interrupted() -> None:
        writer = BatchWriter(by=SYSTEM, source=source, marking="public", label="x")
        store = writer.store
        calls = []

        def failing(jobs, results):
            calls.append(1)
            if len(calls) == 2:
                raise KeyboardInterrupt  # Ctrl-C while the second batch is written
            return store(jobs, results)

        writer.store = failing  # type: ignore[method-assign]
        with pytest.raises(KeyboardInterrupt):
            list(ingest.run(archives.read(folder), writer, None, published=PUBLISHED, batch_size=3))
        assert Document.objects.count() == 3  # the first batch, whole; nothing of the second
        outcomes = in_batches(folder, source, 3)
        assert [o.result for o in outcomes][:3] == ["skipped"] * 3

    assert state_after(interrupted) == expected


def test_normalization_is_the_stored_one():
    for text in ("\r\n a\r\nb\rc \n", "x", "  \n"):
        assert ingest.normalize_text(text) == core_normalize(text)


def test_archives_and_json_lines_are_read_with_bad_members_named(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("one.txt", "first text")
        archive.writestr("sub/two.md", "second text")
        archive.writestr("three.txt", b"\xff\xfe\x00b\x00a\x00d")
        archive.writestr("notes.pdf", b"%PDF")
    with tarfile.open(tmp_path / "b.tar.gz", "w:gz") as archive:
        for name, data in (("x.txt", b"third text"), ("y.jsonl", b'{"text": "fourth"}\n')):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    lines = [
        json.dumps({"text": "fifth", "title": "T", "published": "2024-01-15", "lang": "en"}),
        "{not json",
        json.dumps({"txt": "misspelt"}),
        "",
        json.dumps(["a list"]),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "d.zip").write_bytes(b"PK\x03\x04 broken")
    items = {i.name.replace(str(tmp_path) + "/", ""): i for i in archives.read(tmp_path)}
    assert items["a.zip:one.txt"].text == "first text"
    assert items["a.zip:sub/two.md"].meta == {"title": "two"}
    assert "UTF-16" in items["a.zip:three.txt"].problem
    assert "a.zip:notes.pdf" not in items
    assert items["b.tar.gz:x.txt"].text == "third text"
    assert items["b.tar.gz:y.jsonl:1"].text == "fourth"
    assert items["c.jsonl:1"].meta == {"title": "T", "published": "2024-01-15", "lang": "en"}
    assert "not JSON" in items["c.jsonl:2"].problem
    assert "unknown field 'txt'" in items["c.jsonl:3"].problem
    assert "c.jsonl:4" not in items  # a blank line is no document
    assert items["c.jsonl:5"].problem == "not a JSON object"
    assert "not a readable zip" in items["d.zip"].problem
    assert archives.count(tmp_path / "c.jsonl") == 4


def test_a_damaged_tar_keeps_the_members_before_the_damage(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name in ("a.txt", "b.txt"):
            data = f"text of {name}".encode() * 200
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    raw = buffer.getvalue()
    (tmp_path / "t.tar").write_bytes(raw[: len(raw) // 2 + 700])
    items = list(archives.read_tar(tmp_path / "t.tar", "t.tar"))
    assert items[0].name == "t.tar:a.txt"
    assert items[0].text.startswith("text of a.txt")
    assert any(i.problem for i in items[1:])


def search_entries() -> list[tuple[Any, ...]]:
    """The index's entries, named by content (record ids differ between runs)."""
    from marsad.core.models import SearchEntry

    # The source by its key: a batch's new sources may take their ids in another order.
    skip = {"id", "record_id", "link"}
    columns = [f.attname for f in SearchEntry._meta.concrete_fields if f.attname not in skip]
    keys = dict(Actor.objects.values_list("pk", "key"))
    sources = dict(Source.objects.values_list("pk", "key"))
    rows = []
    for entry in SearchEntry.objects.prefetch_related("actor_links"):
        named_fields = {"source_id": sources.get(entry.source_id)}
        fields = tuple(str(named_fields.get(name, getattr(entry, name))) for name in columns)
        named = sorted(keys[link.actor_id] for link in entry.actor_links.all())
        rows.append((*fields, tuple(named)))
    return sorted(rows)


@pytest.mark.django_db
def test_the_search_entries_of_terms_analysed_in_the_workers_are_the_listeners(
    source, tmp_path, monkeypatch
):
    """The writer indexes its documents and claims from the terms the workers analysed
    (`core.search.given`): the entries are those the gate's listener writes when it reads the
    records back and analyses their texts itself, and those a rebuild of the index writes."""
    from marsad.core.search import given
    from marsad.core.search import services as search
    from marsad.core.search.text import index_text

    def rolled_back(run: Any) -> Any:
        with transaction.atomic():
            found = run()
            transaction.set_rollback(True)
        return found

    assert ingest.TERM_CHARS == search.TERM_CHARS
    folder = write_folder(tmp_path / "texts", TEXTS)
    handed: list[str] = []
    complete = given.complete

    def spy(records, prefetch):
        found = complete(records, prefetch)
        if found:
            handed.append(type(records[0]).__name__)
        return found

    def run() -> list[tuple[Any, ...]]:
        in_batches(folder, source, 3)
        return search_entries()

    with monkeypatch.context() as patched:
        patched.setattr(given, "complete", spy)
        written = rolled_back(run)
    assert {"Document", "Claim"} <= set(handed)
    with monkeypatch.context() as patched:
        patched.setattr(given, "complete", lambda records, prefetch: False)
        patched.setattr(given, "terms", lambda record, parts: index_text(*parts))
        assert rolled_back(run) == written
    assert {row[0] for row in written} >= {"document", "claim"}

    def rebuilt() -> list[tuple[Any, ...]]:
        in_batches(folder, source, 3)
        before = search_entries()
        search.reindex(["document", "claim"])
        return [before, search_entries()]

    before, after = rolled_back(rebuilt)
    assert before == written
    assert [r for r in after if r[0] != "actor"] == [r for r in written if r[0] != "actor"]


@pytest.mark.django_db
def test_a_name_read_in_a_batch_is_marked_as_its_document(source, tmp_path):
    folder = write_folder(tmp_path / "texts", NAMED_FROM_TEXT[-1:])
    writer = BatchWriter(by=SYSTEM, source=source, marking="force", label="force")
    assert [o.result for o in ingest.run(archives.read(folder), writer, None)] == ["stored"]
    read = Actor.objects.filter(key__regex=r"^(PERSON|PLACE)-")
    assert {(a.kind, a.marking) for a in read} == {("person", "force"), ("place", "force")}
    assert not Actor.objects.visible_to(None).filter(pk__in=read).exists()
