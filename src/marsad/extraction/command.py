"""The pure function behind `marsad extract`: files in, one JSON object per file out.

Each file is read as UTF-8 (a byte-order mark is dropped) and extracted on its own; a file that
is empty, binary, not UTF-8, too large or unreadable is reported with a clear message and the
other files go on (`text_files.read_text`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from marsad.extraction.extract import extract
from marsad.extraction.text_files import read_text


@dataclass(frozen=True)
class FileProblem:
    """Why one file produced no output."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ExtractReport:
    """What run_extract did: files written (or printed) and files refused."""

    done: list[str] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every file was extracted, 1 otherwise."""
        return 1 if self.problems else 0


def parse_published(value: date | str | None) -> date | None:
    """A publication date from a date or an ISO string (YYYY-MM-DD)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValueError(f"published must be a date YYYY-MM-DD (got {value!r})") from exc


def _out_name(path: Path, taken: set[str]) -> str:
    name = f"{path.stem or 'document'}.json"
    counter = 2
    while name in taken:
        name = f"{path.stem or 'document'}-{counter}.json"
        counter += 1
    taken.add(name)
    return name


def run_extract(
    paths: Iterable[str | Path],
    *,
    lang: str = "auto",
    published: date | str | None = None,
    out_dir: str | Path | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> ExtractReport:
    """Extract each file: JSON Lines to stdout, or <name>.json files in out_dir."""
    if lang not in ("auto", "ar", "en", "other"):
        raise ValueError(f"lang must be auto, ar or en (got {lang!r})")
    when = parse_published(published)
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    folder = Path(out_dir) if out_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    report = ExtractReport()
    taken: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            text = read_text(path)
            result: dict[str, Any] = extract(text, language=lang, published=when, path=str(path))
        except ValueError as exc:
            report.problems.append(FileProblem(str(path), str(exc)))
            print(f"marsad extract: {path}: {exc}", file=err)
            continue
        except Exception as exc:  # one bad file must not stop the others
            message = f"extraction failed ({type(exc).__name__}: {exc})"
            report.problems.append(FileProblem(str(path), message))
            print(f"marsad extract: {path}: {message}", file=err)
            continue
        line = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
        if folder is None:
            out.write(line + "\n")
        else:
            (folder / _out_name(path, taken)).write_text(line + "\n", encoding="utf-8")
        report.done.append(str(path))
    return report
