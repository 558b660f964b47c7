"""The one writer of `marsad ingest`: a batch of extracted documents stored in one transaction
through the gate's batch form (`gate.store_batch`: history rows, one audit entry per model and
batch with a Merkle root over its rows). It stores what `services.submit` stores one document
at a time: the documents, their fingerprints and band keys, the copies of one story found, the
proposed claims with the actors and sources they name, and the grades of the claims of one
event. A claim that names an actor or source not yet in the dictionary, or that the quick
checks here do not pass, is stored by `services.propose_one` itself, so that its refusal or
what it creates is exactly the one-by-one path's.

Ingest writes as the system (`system:ingest`), which reads every record: a text stored already
is the same document, whoever stored it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from marsad.core.bulk_records import new_records
from marsad.core.errors import InvalidInput
from marsad.core.models import Claim, Document, Source
from marsad.core.models.documents import Language
from marsad.core.releasability import readable
from marsad.core.search import given
from marsad.core.services import gate, lookups
from marsad.core.services.base import (
    Writer,
    clean_marking,
    history_user,
    lock_writes,
    on_behalf,
    problems_from,
)
from marsad.core.services.inputs import parse_date
from marsad.extraction.duplicates import SAME_STORY, similarity
from marsad.intake.entity_keys import keyed
from marsad.intake.fingerprints import band_holders, store_bands
from marsad.intake.ingest import TERM_CHARS, Extracted, Job, Outcome, title_of
from marsad.intake.ingest import Writer as PipelineWriter
from marsad.intake.models import Fingerprint, SameStory
from marsad.intake.services_batch_claims import store_claims
from marsad.intake.services_batch_kept import Kept

# Checked by the gate when a record is saved on its own; a batch holds the records they point to
# already (read as the writer may read them), so their existence is not asked again per row.
RELATIONS = {
    Document: ["source", "created_by"],
    Claim: ["document", "target", "where", "attribution_source", "reviewed_by"],
}


def _clean(record: Any) -> None:
    try:
        record.full_clean(exclude=RELATIONS[type(record)], validate_unique=False)
    except ValidationError as error:
        raise InvalidInput(problems_from(error, record)) from None


_LANGUAGES = frozenset(Language.values)


class BatchWriter(PipelineWriter):
    def __init__(self, *, by: Writer, source: str, marking: str, label: str) -> None:
        self.by, self.marking, self.label = by, marking, label
        self.default_source = lookups.source(by, source)
        self._sources: dict[str, Source] = {self.default_source.key: self.default_source}
        self._kept = Kept()

    def store(self, jobs: Sequence[Job], results: Sequence[Extracted | str]) -> list[Outcome]:
        try:
            return self._store(jobs, results)
        except BaseException:
            # What the kept grades hold of this batch was rolled back with it.
            self._kept = Kept()
            raise

    def stored(self, digests: Iterable[str]) -> set[str]:
        wanted = list(digests)
        return set(Document.objects.filter(sha256__in=wanted).values_list("sha256", flat=True))

    def _source(self, key: Any) -> Source:
        name = str(key or "").strip().upper()
        if not name:
            return self.default_source
        if name not in self._sources:
            self._sources[name] = lookups.source(self.by, name)
        return self._sources[name]

    def _document(self, job: Job, result: Extracted) -> Document:
        meta = job.meta
        language = result.language
        if language not in _LANGUAGES:
            raise InvalidInput.one(
                "language", language, "must be one of " + ", ".join(Language.values)
            )
        document = Document(
            title=title_of(job),
            text=job.text,
            language=language,
            url=str(meta.get("url") or "").strip(),
            published=parse_date(job.published, "published"),
            source=self._source(meta.get("source")),
            sha256=job.sha256,
            created_by=history_user(self.by),
        )
        document.marking, document.releasable_to = clean_marking(
            meta.get("marking") or self.marking, ()
        )
        _clean(document)
        # The terms of its title and text, analysed by the worker, for its search entry.
        analysed = result.terms
        given.give(
            document,
            {
                text: analysed[role]
                for role, text in (("title", title_of(job)), ("text", job.text[:TERM_CHARS]))
                if role in analysed
            },
        )
        return document

    @transaction.atomic
    def _store(self, jobs: Sequence[Job], results: Sequence[Extracted | str]) -> list[Outcome]:
        lock_writes()
        outcomes: dict[str, Outcome] = {}
        known = {
            d.sha256: d.pk
            for d in Document.objects.filter(sha256__in=[j.sha256 for j in jobs]).order_by("-id")
        }
        first: dict[str, Job] = {}
        new: list[tuple[Job, Extracted, Document]] = []
        copies: list[Job] = []
        for job, result in zip(jobs, results, strict=True):
            if isinstance(result, str):
                outcomes[job.name] = Outcome(job.name, "failed", result)
            elif job.sha256 in known:
                outcomes[job.name] = Outcome(
                    job.name, "skipped", f"same text as document {known[job.sha256]}"
                )
            elif job.sha256 in first:
                copies.append(job)
            else:
                try:
                    document = self._document(job, result)
                    result.extraction = keyed(result.extraction, document.marking, document.nations)
                    new.append((job, result, document))
                    first[job.sha256] = job
                except InvalidInput as exc:
                    outcomes[job.name] = Outcome(job.name, "failed", str(exc))
        documents = [d for _j, _r, d in new]
        gate.store_batch(
            Document,
            documents,
            by=self.by,
            ids=lambda d: d.sha256[:16],
            detail={"ingest": self.label},
            action="create",
        )
        by_sha = {d.sha256: d for d in documents}
        for job in copies:
            outcomes[job.name] = Outcome(
                job.name, "skipped", f"same text as document {by_sha[job.sha256].pk}"
            )
        links = self._fingerprints(new)
        counts = store_claims(self.by, [(r, d) for _j, r, d in new], links, self._kept)
        for job, _result, document in new:
            outcomes[job.name] = Outcome(
                job.name, "stored", f"document {document.pk}, {counts[document.pk]} claims"
            )
        return [outcomes[j.name] for j in jobs]

    def _fingerprints(
        self, new: list[tuple[Job, Extracted, Document]]
    ) -> list[tuple[int, int, float]]:
        """Store each document's fingerprint and band keys and link it to the earlier documents
        (stored before, or earlier in the batch) that tell the same story."""
        keys = {k for _j, r, _d in new for k in r.bands}
        holders = band_holders(keys)
        wanted = {i for ids in holders.values() for i in ids}
        signatures = dict(
            Fingerprint.objects.filter(document_id__in=wanted).values_list(
                "document_id", "signature"
            )
        )
        found = []
        for _job, result, document in new:
            # The id read once: `pk` is a property, and a document has some 17 band keys.
            pk, keys = document.pk, set(result.bands)
            candidates = {i for k in keys if k in holders for i in holders[k]}
            for other in sorted(candidates):
                if other in signatures:
                    score = similarity(result.signature, signatures[other])
                    if score >= SAME_STORY:
                        found.append((pk, other, score))
            signatures[pk] = result.signature
            for key in keys:
                holders[key].append(pk)
        prints = new_records(
            Fingerprint,
            {
                "document_id": [d.pk for _j, _r, d in new],
                "signature": [r.signature for _j, r, _d in new],
            },
        )
        detail = {"ingest": self.label}
        gate.store_batch(
            Fingerprint, prints, by=self.by, ids=lambda f: f.document_id, detail=detail,
            action="create",
        )  # fmt: skip
        store_bands([(d.pk, r.bands) for _j, r, d in new])
        originals = Document.objects.in_bulk({o for _d, o, _s in found})
        by_writer: dict[Any, list[SameStory]] = defaultdict(list)
        for document_id, original_id, score in found:
            original = originals[original_id]
            writer = self.by if readable(self.by, original) else on_behalf(self.by, "same story")
            by_writer[writer].append(
                SameStory(document_id=document_id, original=original, similarity=score)
            )
        for writer, rows in by_writer.items():
            gate.store_batch(
                SameStory, rows, by=writer, ids=lambda s: f"{s.document_id}>{s.original_id}",
                detail=detail, action="create",
            )  # fmt: skip
        return found
