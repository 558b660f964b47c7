"""The search index: one row per searchable record (document, claim, actor, statement,
incident, consignment), derived from the record and kept in step with it by the write gate's
announcements (marsad.core.search). A row is never a record of its own: it carries the record's
marking and nations so that the releasability filter runs in the index query itself, and the
facets' values so that counting them needs no join to the areas' tables.

The engines' own structures are created by the migration: an FTS5 table over `terms` on SQLite,
a generated tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from django.db import models

from marsad.core.releasability import ReleasableQuerySet


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20)
    record_id = models.CharField(max_length=80)
    # What the record's page needs besides its id (a speaker's key, a crossing and a day).
    link = models.CharField(max_length=200, blank=True, default="")
    title_ar = models.CharField(max_length=500, blank=True, default="")
    title_en = models.CharField(max_length=500, blank=True, default="")
    # The text shown in snippets, as written (capped: a snippet needs no more).
    body = models.TextField(blank=True, default="")
    # What the engines index: the folded, stemmed terms of the titles, body and named actors.
    terms = models.TextField(blank=True, default="")
    day = models.DateField(null=True, blank=True)
    claim_type = models.CharField(max_length=30, blank=True, default="")
    source_id = models.IntegerField(null=True, blank=True)
    grade = models.CharField(max_length=2, blank=True, default="")
    governorate = models.CharField(max_length=10, blank=True, default="")
    marking = models.CharField(max_length=10, blank=True, default="")
    releasable_to = models.CharField(max_length=400, blank=True, default="")

    objects = ReleasableQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "record_id"], name="search_entry_record")
        ]
        indexes = [models.Index(fields=["marking", "kind"], name="search_entry_marking")]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id}"


class SearchEntryActor(models.Model):
    """An actor a searchable record names, for the actor facet."""

    entry = models.ForeignKey(SearchEntry, models.CASCADE, related_name="actor_links")
    actor_id = models.IntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "actor_id"], name="search_entry_actor")
        ]


class SearchBacklog(models.Model):
    """Records of one kind whose entries are still to be written: an import's batch, queued in
    the batch's own transaction (kept or rolled back with it) and indexed by a job once it has
    committed (marsad.core.search.backlog). Not a record: nothing of it is shown or audited."""

    kind = models.CharField(max_length=20)
    # The records' primary keys, as the batch stored them.
    pks = models.JSONField(default=list)
    queued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} × {len(self.pks)}"
