"""The engines behind search, one interface: `match` narrows a query of index entries to those
answering the query's words (an AND of words, each an OR of the stems it may be). SQLite's FTS5
is the embedded default; PostgreSQL's full-text search
(a GIN index over a generated tsvector column) serves on PostgreSQL. The terms are only letters
and digits (marsad.core.search.text), and each is quoted, so no reader's input reaches either
engine's query syntax."""

from __future__ import annotations

from typing import Any, Protocol

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

Groups = list[list[str]]


class Backend(Protocol):
    def match(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]: ...


class Fts5:
    """FTS5's MATCH as a set of rowids the index table is filtered by: the engine finds the
    matches first, then each is looked up by its key (a join lets SQLite's planner walk the
    index table and ask FTS5 row by row)."""

    @staticmethod
    def expression(groups: Groups) -> str:
        # FTS5 reads a bare space as AND only between phrases, not between brackets.
        return " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups
        )

    def match(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]:
        return entries.filter(
            id__in=RawSQL(
                "SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s",
                [self.expression(groups)],
            )
        )


class Postgres:
    """A tsquery over the `simple` configuration (the terms are folded and stemmed already)."""

    @staticmethod
    def expression(groups: Groups) -> str:
        return " & ".join("(" + " | ".join(f"'{term}'" for term in group) + ")" for group in groups)

    def match(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]:
        return entries.extra(
            where=["core_searchentry.vector @@ to_tsquery('simple'::regconfig, %s)"],
            params=[self.expression(groups)],
        )


def backend() -> Backend:
    """The engine of the database in use."""
    return Postgres() if connection.vendor == "postgresql" else Fts5()
