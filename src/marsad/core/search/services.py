"""Keeping the search index in step with the records: the write gate announces every write
(`core.events`) and `on_write` rewrites the entries of the records written, inside the writer's
transaction, so a write and its entry are kept or rolled back together; an import's batch that
asks for it is queued instead and indexed by a job after it commits (`core.search.backlog`).
`reindex` rebuilds the whole index (`marsad search reindex`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import transaction

from marsad.core import audit, events
from marsad.core.models import Actor, SearchEntry, SearchEntryActor
from marsad.core.search import backlog, given, registry
from marsad.core.services import gate

# A snippet needs the start of a long text; the terms take in more of it.
BODY_CHARS = 20_000
TERM_CHARS = 100_000
CHUNK = 500


def _names(actor: Actor) -> list[str]:
    return [actor.name_ar, actor.name_en, *(actor.aliases_ar or []), *(actor.aliases_en or [])]


def _named(entries: Sequence[registry.Entry]) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
    """Names of the actors and governorates the entries name, in two queries for a batch."""
    ids = {actor_id for entry in entries for actor_id in entry.actor_ids}
    pcodes = {entry.governorate for entry in entries if entry.governorate}
    by_id: dict[int, list[str]] = {}
    by_pcode: dict[str, list[str]] = {}
    # The names only: an actor's outline is kilobytes of JSON that nothing here reads.
    actors = Actor.objects.only("pk", "pcode", "name_ar", "name_en", "aliases_ar", "aliases_en")
    if ids:
        for actor in actors.filter(pk__in=ids):
            by_id[actor.pk] = _names(actor)
    if pcodes:
        for actor in actors.filter(pcode__in=pcodes):
            by_pcode.setdefault(actor.pcode, []).extend(_names(actor))
    return by_id, by_pcode


# The index row's columns, in the order `_columns` fills them.
COLUMNS = (
    "kind",
    "record_id",
    "link",
    "title_ar",
    "title_en",
    "body",
    "terms",
    "day",
    "claim_type",
    "source_id",
    "grade",
    "governorate",
    "marking",
    "releasable_to",
)


def _columns(
    kind: registry.Kind, records: Sequence[Any]
) -> tuple[dict[str, list[Any]], list[list[int]]]:
    """The index rows of `records` a column at a time (no model instance per row), and the
    actors each row names."""
    built = [(record, kind.entry(record)) for record in records]
    by_id, by_pcode = _named([entry for _record, entry in built])
    rows = []
    links = []
    for record, entry in built:
        actor_ids = sorted(set(entry.actor_ids))
        names = [n for i in actor_ids for n in by_id.get(i, [])]
        names += by_pcode.get(entry.governorate, [])
        parts = (entry.title_ar, entry.title_en, entry.body[:TERM_CHARS], *entry.names, *names)
        terms = given.terms(record, parts)
        rows.append(
            (
                kind.key,
                kind.record_id(record),
                entry.link,
                entry.title_ar[:500],
                entry.title_en[:500],
                entry.body[:BODY_CHARS],
                terms,
                entry.day,
                entry.claim_type,
                entry.source_id,
                entry.grade,
                entry.governorate,
                record.marking,
                record.releasable_to,
            )
        )
        links.append(actor_ids)
    columns = dict(zip(COLUMNS, map(list, zip(*rows, strict=True)), strict=True)) if rows else {}
    return columns, links


def _loaded(kind: registry.Kind, pks: Iterable[Any], field: str = "pk") -> list[Any]:
    manager = kind.model._default_manager
    found: list[Any] = []
    pks = list(pks)
    for start in range(0, len(pks), CHUNK):
        qs = manager.filter(**{f"{field}__in": pks[start : start + CHUNK]})
        if kind.select:
            qs = qs.select_related(*kind.select)
        if kind.prefetch:
            qs = qs.prefetch_related(*kind.prefetch)
        found.extend(qs)
    return found


def index_stored(kind: registry.Kind, pks: Sequence[Any]) -> int:
    """(Re)write the entries of the records of `kind` with these primary keys, as stored now
    (records deleted since are skipped)."""
    return index(kind, _loaded(kind, pks))


def unindex(kind: registry.Kind, record_ids: Iterable[str]) -> None:
    ids = list(record_ids)
    for start in range(0, len(ids), CHUNK):
        SearchEntry.objects.filter(kind=kind.key, record_id__in=ids[start : start + CHUNK]).delete()


def index(kind: registry.Kind, records: Sequence[Any], *, new: bool = False) -> int:
    """(Re)write the entries of `records` (loaded with what their entries need). `new`: records
    just created and keyed by their id, which no entry can name yet (an id is never given twice,
    `core.erase`), so there is nothing to drop first."""
    if not records:
        return 0
    columns, actors = _columns(kind, records)
    if not (new and kind.lookup == "pk"):
        unindex(kind, columns["record_id"])
    # Written a column at a time; the ids come back in order, for the actor links.
    ids = gate.store_index(SearchEntry, columns)
    entry_ids = [pk for pk, named in zip(ids, actors, strict=True) for _actor in named]
    actor_ids = [actor for named in actors for actor in named]
    if entry_ids:
        gate.store_index(SearchEntryActor, {"entry_id": entry_ids, "actor_id": actor_ids})
    return len(ids)


# The fields of an actor that other records' entries hold (its names, see `_columns`).
ACTOR_NAMES = ("name_ar", "name_en", "aliases_ar", "aliases_en")


def _changed(written: events.Written, names: Iterable[str]) -> bool:
    """Whether the write may have changed one of `names` (a batch is assumed to)."""
    if written.before is None:
        # New records (nothing names them yet), or a batch of updates.
        return written.action == "update"
    (record,) = written.records
    opts = written.model._meta
    attnames = [opts.get_field(name).attname for name in names]
    now = {name: getattr(record, name) for name in attnames}
    return any(written.before.get(name) != value for name, value in canonical(now).items())


def canonical(values: dict[str, Any]) -> dict[str, Any]:
    # As the gate's `before` holds them (dates as text, JSON lists as lists).
    loaded: dict[str, Any] = json.loads(audit.canonical_json(values))
    return loaded


def _naming(written: events.Written) -> dict[registry.Kind, set[str]]:
    """The entries (record_ids per kind) that hold something of the records written."""
    out: dict[registry.Kind, set[str]] = {}
    pks = [record.pk for record in written.records]
    for kind in registry.kinds():
        for follow in kind.follows:
            if follow.model is written.model and _changed(written, follow.fields):
                found = kind.model._default_manager.filter(**{f"{follow.path}__in": pks})
                out.setdefault(kind, set()).update(
                    str(value) for value in found.values_list(kind.lookup, flat=True)
                )
    if written.model is Actor and _changed(written, ACTOR_NAMES):
        pcodes = [p for r in written.records if (p := registry.governorate(r.pcode)) == r.pcode]
        named = SearchEntry.objects.filter(actor_links__actor_id__in=pks)
        if pcodes:
            named = named | SearchEntry.objects.filter(governorate__in=pcodes)
        for key, record_id in named.values_list("kind", "record_id").distinct():
            if (kind := registry.by_key(key)) is not None:
                out.setdefault(kind, set()).add(record_id)
    return out


def _with_related(kind: registry.Kind, records: Sequence[Any]) -> Sequence[Any] | None:
    """`records` given the related records their entries read (the kind's `select`) as stored
    now, each distinct one read once (a batch of thousands names a handful); None when the kind
    needs more than that (a prefetch, or a select across two relations)."""
    if kind.prefetch or any("__" in name for name in kind.select):
        return None
    for name in kind.select:
        field = kind.model._meta.get_field(name)
        values = {getattr(record, field.attname) for record in records} - {None}
        target = field.target_field.name  # type: ignore[union-attr]
        found = field.related_model._base_manager.in_bulk(values, field_name=target)  # type: ignore[union-attr]
        for record in records:
            value = getattr(record, field.attname)
            field.set_cached_value(record, None if value is None else found[value])  # type: ignore[union-attr]
    return records


def on_write(written: events.Written) -> None:
    """The gate's announcement: rewrite (or drop) the entries of what was written, and rewrite
    the entries that hold its names or fields (an actor renamed is found by its new name in the
    claims naming it)."""
    kind = registry.for_model(written.model)
    if kind is not None:
        if written.action == "import" and backlog.deferring():
            # Indexed by a job after the batch commits (core.search.backlog).
            backlog.queue(kind, written.records)
        elif written.action == "delete":
            unindex(kind, [kind.record_id(record) for record in written.records])
        elif given.complete(written.records, kind.prefetch):
            # Handed over as stored, with their relations and their texts' terms (`given`).
            index(kind, written.records, new=written.action == "create")
        elif (
            written.action == "import"
            and (complete := _with_related(kind, written.records)) is not None
        ):
            # An import's new records are as stored already (the gate set their ids): reading
            # them back would only cost a query and model instances per row.
            index(kind, complete)
        else:
            index(kind, _loaded(kind, [record.pk for record in written.records]))
    if written.action == "delete":
        return
    for other, record_ids in _naming(written).items():
        if other is kind:
            record_ids -= {kind.record_id(record) for record in written.records}
        if record_ids:
            index(other, _loaded(other, record_ids, other.lookup))


def reindex(keys: Iterable[str] = (), *, progress: Callable[[str, int], None] | None = None) -> int:
    """Rebuild the entries of the kinds named (all when none), a chunk at a time."""
    chosen = [k for k in registry.kinds() if not keys or k.key in set(keys)]
    total = 0
    for kind in chosen:
        with transaction.atomic():
            SearchEntry.objects.filter(kind=kind.key).delete()
            pks = list(kind.model._default_manager.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(pks), CHUNK * 4):
                done = index(kind, _loaded(kind, pks[start : start + CHUNK * 4]))
                total += done
                if progress:
                    progress(kind.key, done)
    return total
