"""The engines behind search, one interface. A search is one statement: every hit the reader may
read counted per facet value (exactly), and one page of hits, by relevance (FTS5's bm25,
PostgreSQL's ts_rank_cd) or newest first. It starts from the engine's matches (an AND of words,
each an OR of the stems it may be) and only then reads the index table, so a word found nowhere
costs nothing and a rare word costs its few rows. SQLite's FTS5 is the embedded default;
PostgreSQL's full-text search (a GIN index over a generated tsvector column) serves on
PostgreSQL. The terms are only letters and digits (marsad.core.search.text), and each is quoted,
so no reader's input reaches either engine's query syntax."""

from __future__ import annotations

from typing import Any, Protocol

from django.db import connection

Groups = list[list[str]]
# The reader's releasability and the filters, as a WHERE clause over core_searchentry.
Where = tuple[str, list[Any]]
# What a search reads: (facet, value, count) rows and the page's ids in order.
Found = tuple[list[tuple[str, Any, int]], list[int]]

# The index table's columns each facet counts (the year is the engine's expression of `day`).
FACETS = ("kind", "claim_type", "source_id", "grade", "governorate", "marking")
RELEVANCE = "relevance"
NEWEST = "newest"
SORTS = (RELEVANCE, NEWEST)


# Typed, so that PostgreSQL can match the union's columns (an untyped NULL is read as text).
_NONE = "CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS TEXT)"


def _statement(hits: str, year: str, sort: str, top_actors: int) -> str:
    """Counts and one page in one statement, from the hits found once (`hits`: a materialized
    table of id, score, day and the facets): (facet, value, count) rows for every facet, then
    ('page', id, score, day) rows, the page's hits in an order Python sorts again."""
    parts = [
        f"SELECT '{name}', CAST({name} AS TEXT), COUNT(*), {_NONE} FROM hits "
        f"WHERE {name} IS NOT NULL GROUP BY {name}"
        for name in FACETS
    ]
    parts.append(
        f"SELECT 'year', CAST({year} AS TEXT), COUNT(*), {_NONE} FROM hits "
        f"WHERE day IS NOT NULL GROUP BY {year}"
    )
    parts.append(
        f"SELECT * FROM (SELECT 'actor', CAST(actor_id AS TEXT), COUNT(*) AS n, {_NONE} "
        "FROM core_searchentryactor WHERE entry_id IN (SELECT id FROM hits) "
        f"GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT {top_actors}) AS top_actors"
    )
    order = "day DESC NULLS LAST, id DESC"
    if sort == RELEVANCE:
        order = f"score {SCORE_ORDER[connection.vendor]}, {order}"
    parts.append(
        "SELECT * FROM (SELECT 'page', CAST(id AS TEXT), CAST(NULL AS BIGINT), "
        "CAST(score AS DOUBLE PRECISION), CAST(day AS TEXT) "
        f"FROM hits ORDER BY {order} LIMIT %s OFFSET %s) AS page"
    )
    return f"WITH {hits} " + " UNION ALL ".join(parts)


# bm25 is lower for a better match, ts_rank_cd higher.
SCORE_ORDER = {"sqlite": "ASC", "postgresql": "DESC"}


def _run(sql: str, params: list[Any], sort: str) -> Found:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts = [(facet, value, n) for facet, value, n, _score, _day in rows if facet != "page"]
    page = [(int(value), score, day) for facet, value, _n, score, day in rows if facet == "page"]
    # The statement's order, again (a union keeps no order): stable sorts, last key first.
    page.sort(key=lambda hit: hit[0], reverse=True)
    page.sort(key=lambda hit: str(hit[2] or ""), reverse=True)
    if sort == RELEVANCE:
        better = SCORE_ORDER[connection.vendor] == "DESC"
        page.sort(key=lambda hit: float(hit[1]), reverse=better)
    return counts, [hit[0] for hit in page]


class Backend(Protocol):
    def search(
        self, where: Where, groups: Groups, sort: str, offset: int, limit: int, top_actors: int
    ) -> Found:
        """Every facet's (facet, value, count) among all the hits, and one page's ids."""
        ...


class Fts5:
    """FTS5 gives the matching rowids (and their bm25 when ranking); each is then looked up in a
    narrow covering index of the index table (search_entry_facets: the facets and
    releasability), never in the table itself, whose rows hold the texts. CROSS JOIN keeps
    SQLite's planner from walking the index table and asking FTS5 row by row."""

    @staticmethod
    def expression(groups: Groups) -> str:
        # FTS5 reads a bare space as AND only between phrases, not between brackets.
        return " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups
        )

    def search(
        self, where: Where, groups: Groups, sort: str, offset: int, limit: int, top_actors: int
    ) -> Found:
        condition, params = where
        score = "rank" if sort == RELEVANCE else "0"
        hits = (
            f"matches AS MATERIALIZED (SELECT rowid AS id, {score} AS score "
            "FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s), "
            f"hits AS MATERIALIZED (SELECT core_searchentry.id, matches.score, day, "
            f"{', '.join(FACETS)} FROM matches CROSS JOIN core_searchentry "
            "INDEXED BY search_entry_facets ON core_searchentry.id = matches.id "
            f"WHERE {condition})"
        )
        # Days are stored as text (YYYY-MM-DD): the year is its first four letters.
        sql = _statement(hits, "substr(day, 1, 4)", sort, top_actors)
        return _run(sql, [self.expression(groups), *params, limit, offset], sort)


class Postgres:
    """A tsquery over the `simple` configuration (the terms are folded and stemmed already). The
    texts and the tsvector are kept out of the table's own pages (migration 0009), so a bitmap
    scan of many matches reads narrow rows; ts_rank_cd reads the hits' vectors when ranking."""

    MATCH = "core_searchentry.vector @@ to_tsquery('simple'::regconfig, %s)"

    @staticmethod
    def expression(groups: Groups) -> str:
        return " & ".join("(" + " | ".join(f"'{term}'" for term in group) + ")" for group in groups)

    def search(
        self, where: Where, groups: Groups, sort: str, offset: int, limit: int, top_actors: int
    ) -> Found:
        condition, params = where
        expression = self.expression(groups)
        score, args = "0", [expression]
        if sort == RELEVANCE:
            score = "ts_rank_cd(core_searchentry.vector, to_tsquery('simple'::regconfig, %s))"
            args = [expression, expression]
        hits = (
            f"hits AS MATERIALIZED (SELECT id, {score} AS score, day, {', '.join(FACETS)} "
            f"FROM core_searchentry WHERE {self.MATCH} AND {condition})"
        )
        sql = _statement(hits, "EXTRACT(YEAR FROM day)::int", sort, top_actors)
        return _run(sql, [*args, *params, limit, offset], sort)


def backend() -> Backend:
    """The engine of the database in use."""
    return Postgres() if connection.vendor == "postgresql" else Fts5()
