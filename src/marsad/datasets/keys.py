"""Idempotency keys for rows that carry no trustworthy id of their own.

Such a row is named by a hash of its parsed values plus its occurrence number among identical
rows in the file: the first consignment of 20 tons of food from WFP on 9 April 2024 is `...:1`,
the second identical one `...:2`. Reading the same file twice gives the same keys, so an import
adds nothing the second time; a later edition of the list that repeats the old rows gives them
the same keys and gives new keys only to what it adds. Hashing parsed values rather than raw
text means that `2 Sept 2024` and `2 Sep 2024`, or `20` and `20.0`, name the same row.
"""

from __future__ import annotations

import hashlib
from collections import Counter


def content_hash(*values: object) -> str:
    """A short, stable hash of values (their `str`), independent of Python's hash seed."""
    joined = "\x1f".join("" if value is None else str(value) for value in values)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=10).hexdigest()


class OccurrenceKeys:
    """Hands out `prefix:hash:n` keys, n counting identical rows from 1 in file order."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._seen: Counter[str] = Counter()

    def key(self, *values: object) -> str:
        """The key of the next row holding these values."""
        digest = content_hash(*values)
        self._seen[digest] += 1
        return f"{self.prefix}:{digest}:{self._seen[digest]}"
