"""The ingest pipeline: documents read from a folder or an archive (`archives`), extracted in
batches by the workers of a `concurrent.futures.Executor` (a process pool on this machine, a Dask
cluster's executor for a large archive) and stored by ONE writer, a batch in one transaction
through the gate's batch form (`intake.services_batch`).

Batches are stored in the order they were read whatever order the workers finish them in, so a
run stores exactly what storing the documents one by one stores. A text already stored (found by
the hash of its text) is skipped before it is sent to a worker: an interrupted ingest run again
on the same input goes on where it stopped, and each batch is stored whole or not at all.

This module imports no Django: `extract_batch` runs in worker processes and on Dask workers,
which need the project installed but neither its settings nor its database.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any, Protocol

from marsad.intake.archives import Item

# A batch costs the writer some tens of milliseconds whatever its size (its queries, audit
# entries and announcements): 400 documents make that a few per cent of storing them.
BATCH = 400
# As `core.search.services.TERM_CHARS` (a test keeps them equal): what a text's terms take in.
TERM_CHARS = 100_000


def normalize_text(text: str) -> str:
    """The stored form of a text, as `core.services.documents.normalize_text` makes it (a test
    keeps the two equal): offsets of the extraction refer to it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Job:
    """A document on its way to a worker: its normalized text and what the extractor needs."""

    name: str
    text: str
    sha256: str
    meta: dict[str, Any]
    published: str | None
    language: str


def title_of(job: Job) -> str:
    """The document's title: the one given, else its first line."""
    return str(job.meta.get("title") or "").strip() or job.text.splitlines()[0][:200]


def quotes_of(text: str, claim: dict[str, Any]) -> str | None:
    """A proposed claim's quotes as its search entry reads them (`core.searchable`); None when
    its evidence is not spans (the claim is refused; nothing is indexed)."""
    try:
        spans = [text[span["start"] : span["end"]] for span in claim["evidence"]]
    except (KeyError, TypeError, ValueError):
        return None
    return " … ".join(q for q in spans if q)


@dataclass
class Extracted:
    """What a worker made of a job: the language, the fingerprint, the extraction, and the
    search terms of its texts (`terms`: the title's and the text's; `claim_terms`: each claim's
    quotes', in the extraction's order), analysed here so that the one writer does not."""

    language: str
    signature: list[int]
    bands: list[str]
    extraction: dict[str, Any]
    terms: dict[str, str] = field(default_factory=dict)
    claim_terms: list[str | None] = field(default_factory=list)


def extract_one(job: Job) -> Extracted:
    from marsad.core.search.text import index_text
    from marsad.extraction.duplicates import bands, signature
    from marsad.extraction.extract import extract
    from marsad.extraction.language import detect_language

    language = job.language or detect_language(job.text)
    day = date.fromisoformat(job.published) if job.published else None
    values = signature(job.text)
    extraction = extract(job.text, language=language, published=day)
    return Extracted(
        language=language,
        signature=values,
        bands=bands(values),
        extraction=extraction,
        terms={
            "title": index_text(title_of(job)),
            "text": index_text(job.text[:TERM_CHARS]),
        },
        claim_terms=[
            index_text(quotes) if (quotes := quotes_of(job.text, claim)) is not None else None
            for claim in extraction["claims"]
        ],
    )


def warm() -> None:
    """Run in a worker as it starts: the extractor's modules, and the dictionaries' automaton
    loaded from the var directory where an earlier process kept it built (or built there once)."""
    import marsad.extraction.extract  # noqa: F401
    from marsad.extraction.gazetteer import lexicon

    _kept_dictionaries()
    lexicon()


def _kept_dictionaries() -> None:
    from marsad.extraction.gazetteer import use_prebuilt
    from marsad.paths import extraction_dir

    use_prebuilt(extraction_dir())


def extract_batch(jobs: Sequence[Job]) -> list[Extracted | str]:
    """Run in a worker: each job's extraction, or the reason it failed (one bad text does not
    lose the batch)."""
    _kept_dictionaries()
    results: list[Extracted | str] = []
    for job in jobs:
        try:
            results.append(extract_one(job))
        except (ValueError, KeyError, TypeError) as exc:
            results.append(f"extraction failed: {exc}")
    return results


@dataclass
class Outcome:
    """One document's result, as the command reports it."""

    name: str
    result: str  # stored, skipped or failed
    detail: str


@dataclass
class Batch:
    jobs: list[Job] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)  # read failures and resumed skips
    order: list[str] = field(default_factory=list)  # every item's name, as read
    # Jobs sent ahead and then found stored already (by index): their extraction is not stored.
    dropped: set[int] = field(default_factory=set)


class Writer(Protocol):
    """What the pipeline needs of the store (the real one: `intake.services_batch.BatchWriter`)."""

    def stored(self, digests: Iterable[str]) -> set[str]: ...

    def store(self, jobs: Sequence[Job], results: Sequence[Extracted | str]) -> list[Outcome]: ...


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepare(chunk: list[Item], writer: Writer | None, *, published: str | None) -> Batch:
    """The jobs of a chunk: unreadable items fail, texts stored already are skipped without being
    extracted again (with no writer yet, `drop_stored` skips them once there is one)."""
    batch = Batch()
    candidates: list[Job] = []
    for item in chunk:
        batch.order.append(item.name)
        if item.problem:
            batch.outcomes.append(Outcome(item.name, "failed", item.problem))
            continue
        text = normalize_text(item.text)
        if not text:
            batch.outcomes.append(Outcome(item.name, "failed", "empty text"))
            continue
        meta = dict(item.meta)
        candidates.append(
            Job(
                name=item.name,
                text=text,
                sha256=text_sha256(text),
                meta=meta,
                published=meta.get("published") or published,
                language=str(meta.get("lang") or "").strip().lower(),
            )
        )
    # A text met twice in one run still goes to the writer, which reports the copy as the
    # one-by-one path does; it is extracted once per occurrence.
    batch.jobs = candidates
    if writer is not None:
        drop_stored(batch, writer)
        batch.jobs = [job for index, job in enumerate(batch.jobs) if index not in batch.dropped]
        batch.dropped.clear()
    return batch


def drop_stored(batch: Batch, writer: Writer) -> None:
    """Skip the batch's texts stored already."""
    stored = writer.stored(job.sha256 for job in batch.jobs)
    for index, job in enumerate(batch.jobs):
        if job.sha256 in stored:
            batch.outcomes.append(Outcome(job.name, "skipped", "stored already"))
            batch.dropped.add(index)


@dataclass
class Ahead:
    """Batches sent to the workers before the writer is open, and the items after them.

    Opening the writer (setting Django up) takes a second or more, and the workers would wait
    for it: the command sends them its first batches at once. Texts among them that turn out to
    be stored already are skipped as if they had not been sent; only their extraction is spent,
    at a time the workers had nothing else to do."""

    items: Iterator[Item]
    sent: list[tuple[Batch, Future[list[Extracted | str]]]]


def send_ahead(
    items: Iterable[Item], executor: Executor, *, published: str | None, sizes: Sequence[int]
) -> Ahead:
    """Send the first batches, of these sizes, to the executor."""
    rest = iter(items)
    sent = []
    for size in sizes:
        chunk = list(islice(rest, max(1, size)))
        if not chunk:
            break
        batch = prepare(chunk, None, published=published)
        sent.append((batch, executor.submit(extract_batch, batch.jobs)))
    return Ahead(rest, sent)


def run(
    items: Iterable[Item],
    writer: Writer,
    executor: Executor | None,
    *,
    published: str | None = None,
    batch_size: int = BATCH,
    in_flight: int = 4,
    advance: Callable[[int], None] = lambda n: None,
    ahead: Ahead | None = None,
) -> Iterator[Outcome]:
    """Read, extract and store everything in `items` (after the batches `ahead` sent, if any);
    yields each document's outcome in the order read. With no executor the extraction runs in
    this process (the reference path)."""
    pending: deque[tuple[Batch, Future[list[Extracted | str]] | list[Extracted | str]]] = deque()

    def finish() -> Iterator[Outcome]:
        batch, work = pending.popleft()
        results = work.result() if isinstance(work, Future) else work
        kept = [i for i in range(len(batch.jobs)) if i not in batch.dropped]
        by_name = {o.name: o for o in batch.outcomes}
        for outcome in writer.store([batch.jobs[i] for i in kept], [results[i] for i in kept]):
            by_name.setdefault(outcome.name, outcome)
        for name in batch.order:
            yield by_name[name]
        advance(len(batch.order))

    for batch, future in ahead.sent if ahead else ():
        drop_stored(batch, writer)
        if len(batch.dropped) < len(batch.jobs):
            pending.append((batch, future))
        else:
            future.cancel()
            pending.append((batch, []))
    for chunk in _chunks(items, batch_size):
        batch = prepare(chunk, writer, published=published)
        if not batch.jobs:
            work: Any = []
        elif executor is None:
            work = extract_batch(batch.jobs)
        else:
            work = executor.submit(extract_batch, batch.jobs)
        pending.append((batch, work))
        while len(pending) > in_flight:
            yield from finish()
    while pending:
        yield from finish()
