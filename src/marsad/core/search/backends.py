"""The engines behind search, one interface. The engine finds the matches (an AND of words,
each an OR of the stems it may be) with their score when ranking (FTS5's bm25, PostgreSQL's
ts_rank_cd); everything else, the reader's releasability, the filters, every facet counted
exactly and one page in order, is done over the index's columns held in memory
(marsad.core.search.columns), so a search reads the engine's ids and nothing more of the index.
Relevance orders at most `RANKED` of the reader's hits, the newest: past that, a word is in so
much of the index that its score says little, and scoring every match is most of the search's
cost (PostgreSQL reads each match's vector to score it). The older hits follow, newest first;
the counts stay exact over every hit.
SQLite's FTS5 is the embedded default; PostgreSQL's full-text search (a GIN index over a
generated tsvector column) serves on PostgreSQL. The terms are only letters and digits
(marsad.core.search.text), and each is quoted, so no reader's input reaches either engine's
query syntax."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from django.db import connection, transaction

from marsad.core.search import columns
from marsad.core.search.columns import TEXT_FACETS, Narrowing

Groups = list[list[str]]
# What a search reads: (facet, value, count) rows, the page's ids in order, and how many hits
# were ordered by relevance.
Found = tuple[list[tuple[str, Any, int]], list[int], int]
# The engine's matches: ids, and scores when ranking (None when not).
Matches = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64] | None]

RELEVANCE = "relevance"
RANKED = 2000
NEWEST = "newest"
SORTS = (RELEVANCE, NEWEST)


def _matches(sql: str, params: list[Any], scored: bool, setup: str = "") -> Matches:
    # Only PostgreSQL's setting needs a transaction (SQLite's would take the write lock).
    with transaction.atomic() if setup else nullcontext(), connection.cursor() as cursor:
        if setup:
            cursor.execute(setup)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        if setup:
            cursor.execute(RESET)
    if not rows:
        return np.empty(0, np.int64), (np.empty(0) if scored else None)
    found = np.array(rows, np.float64).reshape(len(rows), -1)
    return found[:, 0].astype(np.int64), (found[:, 1] if scored else None)


def _aligned(
    found: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64] | None,
    ids: npt.NDArray[np.int64],
    worst: float,
) -> npt.NDArray[np.float64]:
    """The scores of `ids` from the engine's (`found`, `scores`), in the order of `ids`; an
    entry rewritten since the match (under a new id) has none and gets `worst`: it ranks last."""
    out = np.full(len(ids), worst)
    if scores is None or not len(found):
        return out
    order = np.argsort(found)
    known = found[order]
    at = np.minimum(np.searchsorted(known, ids), len(known) - 1)
    same = known[at] == ids
    out[same] = scores[order][at[same]]
    return out


class Backend(Protocol):
    # Whether a better match has a higher score (ts_rank_cd) or a lower one (bm25).
    higher_is_better: bool
    # Whether the scores are asked for the hits to rank once they are known (`scores`), rather
    # than with every match.
    scores_later: bool

    def matches(self, groups: Groups, scored: bool) -> Matches:
        """Every entry answering the words, with its score when `scored`."""
        ...

    def scores(self, groups: Groups, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        """The scores of the entries `ids` (which answer the words), in their order."""
        ...


class Fts5:
    higher_is_better = False
    # bm25 is worked out inside FTS5 as it walks the matches, for a sixth more than the ids alone
    # at 60,000 matches; asking again for some ids would walk them again.
    scores_later = False

    @staticmethod
    def expression(groups: Groups) -> str:
        # FTS5 reads a bare space as AND only between phrases, not between brackets.
        return " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in group) + ")" for group in groups
        )

    def matches(self, groups: Groups, scored: bool) -> Matches:
        score = ", rank" if scored else ""
        sql = f"SELECT rowid{score} FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s"
        return _matches(sql, [self.expression(groups)], scored)

    def scores(self, groups: Groups, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        # Not used by `search` (scores_later is False); FTS5 can only score a whole match.
        found, scores = self.matches(groups, True)
        return _aligned(found, scores, ids, worst=np.inf)


# The GIN index even for a word in most entries: its matches need no recheck, so the bitmap scan
# reads narrow rows, where the sequential scan the planner prefers reads every vector out of
# TOAST to test it (five times slower for a word in 60% of 100,000 entries).
INDEX_ONLY = "SET LOCAL enable_seqscan = off"
RESET = "RESET enable_seqscan"


class Postgres:
    """A tsquery over the `simple` configuration (the terms are folded and stemmed already). The
    texts and the tsvector are kept out of the table's own pages (migration 0009), so a bitmap
    scan of many matches reads narrow rows; ts_rank_cd reads the matches' vectors when ranking."""

    higher_is_better = True
    scores_later = True
    MATCH = "core_searchentry.vector @@ to_tsquery('simple'::regconfig, %s)"

    @staticmethod
    def expression(groups: Groups) -> str:
        return " & ".join("(" + " | ".join(f"'{term}'" for term in group) + ")" for group in groups)

    def matches(self, groups: Groups, scored: bool) -> Matches:
        expression = self.expression(groups)
        if scored:
            sql = (
                "SELECT id, ts_rank_cd(vector, to_tsquery('simple'::regconfig, %s)) "
                f"FROM core_searchentry WHERE {self.MATCH}"
            )
            return _matches(sql, [expression, expression], True, INDEX_ONLY)
        sql = f"SELECT id FROM core_searchentry WHERE {self.MATCH}"
        return _matches(sql, [expression], False, INDEX_ONLY)

    def scores(self, groups: Groups, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        # By primary key: only the vectors of the hits to rank are read.
        sql = (
            "SELECT id, ts_rank_cd(vector, to_tsquery('simple'::regconfig, %s)) "
            "FROM core_searchentry WHERE id = ANY(%s)"
        )
        found, scores = _matches(sql, [self.expression(groups), ids.tolist()], True)
        return _aligned(found, scores, ids, worst=-np.inf)


def backend() -> Backend:
    """The engine of the database in use."""
    return Postgres() if connection.vendor == "postgresql" else Fts5()


def search(
    reader: Any,
    narrowing: Narrowing,
    groups: Groups,
    sort: str,
    offset: int,
    limit: int,
    top_actors: int,
) -> Found:
    """Every facet's (facet, value, count) among the hits the reader may read and the filters
    keep, and one page's ids: by relevance, then the newest day (none last), then the last
    written; or newest first."""
    engine = backend()
    relevance = sort == RELEVANCE
    ids, scores = engine.matches(groups, relevance and not engine.scores_later)
    if not len(ids):
        return [], [], 0
    tab = columns.table(int(ids.max()))
    at, held = columns.positions(tab, ids)
    at, ids = at[held], ids[held]
    keep = columns.kept_rows(tab, reader, at, narrowing)
    rows, ids = at[keep], ids[keep]
    counts = _counts(tab, rows, top_actors)
    days = tab.cols["day"][rows]
    keys: list[Any] = [-ids, -days]
    ranked = 0
    if relevance and len(ids):
        chosen = _page(keys, RANKED)
        ranked = len(chosen)
        if engine.scores_later:
            some = engine.scores(groups, ids[chosen])
        else:
            assert scores is not None
            some = scores[held][keep][chosen]
        # Lower sorts first; the hits past the newest RANKED come after every ranked one.
        score = np.full(len(ids), np.inf)
        score[chosen] = -some if engine.higher_is_better else some
        keys.append(score)
    return counts, [int(i) for i in ids[_page(keys, offset + limit)][offset:]], ranked


def _page(keys: list[Any], first: int) -> Any:
    """The positions of the `first` rows in the order of `keys` (the last the first key), sorting
    only the rows that may be among them: those at or before the first key's `first`-th value."""
    main = keys[-1]
    if len(main) > first > 0:
        bound = np.partition(main, first - 1)[first - 1]
        (chosen,) = np.nonzero(main <= bound)
        return chosen[np.lexsort([key[chosen] for key in keys])][:first]
    return np.lexsort(keys)[:first]


def _counts(tab: columns.Table, rows: Any, top_actors: int) -> list[tuple[str, Any, int]]:
    out: list[tuple[str, Any, int]] = []

    def add(facet: str, labels: list[Any], column: Any) -> None:
        for code, n in enumerate(np.bincount(column, minlength=len(labels)).tolist()):
            if n and labels[code] not in ("", None):
                out.append((facet, labels[code], n))

    for name in TEXT_FACETS:
        add(name, tab.codes[name].values, tab.cols[name][rows])
    for name in ("source", "year"):
        values, n = np.unique(tab.cols[name][rows], return_counts=True)
        none = columns.NO_SOURCE if name == "source" else 0
        pairs = zip(values.tolist(), n.tolist(), strict=True)
        out += [(name, str(v), int(c)) for v, c in pairs if v != none]
    hit = np.zeros(len(tab.ids), bool)
    hit[rows] = True
    actors, n = np.unique(tab.link_actors[hit[tab.link_rows]], return_counts=True)
    top = np.lexsort((actors, -n))[:top_actors]
    out += [("actor", str(int(actors[i])), int(n[i])) for i in top]
    return out
