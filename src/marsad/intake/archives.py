"""Reading what `marsad ingest` takes in: a text file, a folder, a `.zip`, a `.tar.gz` (or
`.tgz`) and JSON Lines, one document a line with its metadata. Each document comes out as an
`Item` named so that a person can find it again (`news.zip:2024/post-1.txt`, `posts.jsonl:17`);
one that cannot be read (a corrupt member, a line that is not a JSON object, a text that is not
UTF-8) comes out with its problem instead, and the others go on.

No Django here: the reader runs in the command's own process, before anything is stored.
"""

from __future__ import annotations

import json
import tarfile
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.extraction.text_files import decode_text

TEXT_SUFFIXES = (".txt", ".md")
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".jsonl")
# The fields a JSON Lines document may carry besides `text`; any other is refused, so that a
# misspelt field is not dropped in silence.
JSONL_FIELDS = ("text", "title", "source", "published", "lang", "url", "marking", "id")


@dataclass
class Item:
    """One document to ingest, or the reason it cannot be."""

    name: str
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    problem: str = ""


def _kind(name: str) -> str:
    lower = name.lower()
    for suffix in (*ARCHIVE_SUFFIXES, *TEXT_SUFFIXES):
        if lower.endswith(suffix):
            return suffix
    return ""


def _text_item(name: str, data: bytes) -> Item:
    try:
        return Item(name, decode_text(data), {"title": Path(name).stem})
    except ValueError as exc:
        return Item(name, problem=str(exc))


def _jsonl_item(name: str, line: str) -> Item:
    try:
        value = json.loads(line)
    except ValueError as exc:
        return Item(name, problem=f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(value, Mapping):
        return Item(name, problem="not a JSON object")
    unknown = sorted(set(value) - set(JSONL_FIELDS))
    if unknown:
        return Item(
            name, problem=f"unknown field '{unknown[0]}' (known: {', '.join(JSONL_FIELDS)})"
        )
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        return Item(name, problem="no text")
    meta = {k: v for k, v in value.items() if k != "text" and v not in (None, "")}
    for key, given in meta.items():
        if not isinstance(given, str):
            return Item(name, problem=f"'{key}' must be text")
    return Item(name, text, meta)


def read_jsonl(name: str, lines: Iterator[bytes]) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Item(where, problem=f"not UTF-8 (invalid byte at offset {exc.start})")
            continue
        yield _jsonl_item(where, line)


def _read_member(name: str, data: bytes) -> Iterator[Item]:
    kind = _kind(name)
    if kind == ".jsonl":
        yield from read_jsonl(name, iter(data.splitlines()))
    elif kind in TEXT_SUFFIXES:
        yield _text_item(name, data)


def read_zip(path: Path, label: str) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Item(label, problem=f"not a readable zip archive ({exc})")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir() or not _kind(info.filename):
                continue
            name = f"{label}:{info.filename}"
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                yield Item(name, problem=f"corrupt member ({exc})")
                continue
            yield from _read_member(name, data)


def read_tar(path: Path, label: str) -> Iterator[Item]:
    """Members in the order they are stored: a tar archive is read as a stream, and a damaged
    end leaves the members before it readable."""
    try:
        archive = tarfile.open(path, "r:*")
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield Item(label, problem=f"not a readable tar archive ({exc})")
        return
    with archive:
        while True:
            try:
                info = archive.next()
            except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
                yield Item(label, problem=f"corrupt archive after the last member read ({exc})")
                return
            if info is None:
                return
            if not info.isfile() or not _kind(info.name):
                continue
            name = f"{label}:{info.name}"
            try:
                handle = archive.extractfile(info)
                data = handle.read() if handle else b""
            except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
                yield Item(name, problem=f"corrupt member ({exc})")
                continue
            yield from _read_member(name, data)


def read_file(path: Path, label: str) -> Iterator[Item]:
    kind = _kind(path.name)
    if kind == ".zip":
        yield from read_zip(path, label)
    elif kind in (".tar.gz", ".tgz"):
        yield from read_tar(path, label)
    elif kind == ".jsonl":
        try:
            with path.open("rb") as handle:
                yield from read_jsonl(label, iter(handle))
        except OSError as exc:
            yield Item(label, problem=f"cannot be read ({exc.strerror or exc})")
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Item(label, problem=f"cannot be read ({exc.strerror or exc})")
            return
        yield _text_item(label, data)


def read(target: Path) -> Iterator[Item]:
    """Every document of `target`: a file of any kind above, or a folder whose text files,
    archives and JSON Lines files are read in the order of their paths."""
    if not target.is_dir():
        yield from read_file(target, str(target))
        return
    for path in sorted(p for p in target.rglob("*") if p.is_file() and _kind(p.name)):
        yield from read_file(path, str(path))


def count(target: Path) -> int | None:
    """How many documents `target` holds, when that is cheap to know (for the progress bar's
    estimate): text files and zip members are counted, JSON Lines lines too; a tar archive is a
    stream and is not (None)."""
    paths = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
    total = 0
    for path in paths:
        kind = _kind(path.name)
        if kind in TEXT_SUFFIXES:
            total += 1
        elif kind == ".jsonl":
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        elif kind == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    total += sum(
                        1 for i in archive.infolist() if not i.is_dir() and _kind(i.filename)
                    )
            except (zipfile.BadZipFile, OSError):
                total += 1
        elif kind:
            return None
    return total
