"""The engines behind search, one interface: `match` narrows a query of index entries to those
answering the query's words (an AND of words, each an OR of the stems it may be) and `ranked`
orders them best first. SQLite's FTS5 is the embedded default; PostgreSQL's full-text search
(a GIN index over a generated tsvector column) serves on PostgreSQL. The terms are only letters
and digits (marsad.core.search.text), and each is quoted, so no reader's input reaches either
engine's query syntax."""

from __future__ import annotations

from typing import Any, Protocol

from django.db import connection
from django.db.models import QuerySet

Groups = list[list[str]]


class Backend(Protocol):
    def match(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]: ...

    def ranked(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]: ...


class Fts5:
    """FTS5's MATCH joined to the index table by rowid; bm25 ranks (lower is better)."""

    @staticmethod
    def expression(groups: Groups) -> str:
        # FTS5 reads a bare space as AND only between phrases, not between brackets.
        return " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups
        )

    def match(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]:
        return entries.extra(
            tables=["core_searchentry_fts"],
            where=[
                "core_searchentry_fts.rowid = core_searchentry.id",
                "core_searchentry_fts MATCH %s",
            ],
            params=[self.expression(groups)],
        )

    def ranked(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]:
        return entries.extra(select={"rank": "core_searchentry_fts.rank"}).order_by(
            "rank", "-day", "-id"
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

    def ranked(self, entries: QuerySet[Any], groups: Groups) -> QuerySet[Any]:
        rank = "ts_rank(core_searchentry.vector, to_tsquery('simple'::regconfig, %s))"
        return entries.extra(
            select={"rank": rank}, select_params=[self.expression(groups)]
        ).order_by("-rank", "-day", "-id")


def backend() -> Backend:
    """The engine of the database in use."""
    return Postgres() if connection.vendor == "postgresql" else Fts5()
