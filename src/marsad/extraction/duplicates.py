"""Near-duplicate texts (syndicated copies of one story) by MinHash signatures and LSH bands.

A signature is 128 MinHash values (datasketch) over the character 5-grams of the folded text
(Arabic letter forms, digits and case folded, spaces collapsed), so a copy with another
headline, a dateline or a few changed words stays close. The signature is cut into 16 bands of
8 values: two texts that share a band are candidates (the chance rises steeply around a
similarity of 0.7), and the candidates are kept when the signatures agree on at least
SAME_STORY of their values (an estimate of the Jaccard similarity of the 5-grams).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from datasketch import MinHash

from marsad.extraction.normalize import fold

PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
SAME_STORY = 0.8
SEED = 1


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The character n-grams of the folded text (the whole text when it is shorter)."""
    folded = fold(text)
    if len(folded) <= size:
        return {folded} if folded else set()
    return {folded[i : i + size] for i in range(len(folded) - size + 1)}


def signature(text: str) -> list[int]:
    """The text's MinHash values (the same text always gives the same values)."""
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch(s.encode("utf-8") for s in shingles(text))
    return [int(v) for v in minhash.hashvalues]


def bands(values: list[int]) -> list[str]:
    """One key per band: texts sharing a key are candidate near-duplicates."""
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(chunk).encode("ascii"), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def similarity(first: list[int], second: list[int]) -> float:
    """Share of equal MinHash values: an estimate of the texts' Jaccard similarity."""
    if len(first) != len(second) or not first:
        return 0.0
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def same_story(first: list[int], second: list[int]) -> bool:
    return similarity(first, second) >= SAME_STORY


def clusters(signatures: Iterable[tuple[str, list[int]]]) -> list[list[str]]:
    """Groups of ids whose texts are near-duplicates of one another (single linkage)."""
    parent: dict[str, str] = {}
    by_band: dict[str, list[tuple[str, list[int]]]] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, values in signatures:
        parent.setdefault(key, key)
        for band in bands(values):
            for other, other_values in by_band.setdefault(band, []):
                if root(other) != root(key) and same_story(values, other_values):
                    parent[root(key)] = root(other)
            by_band[band].append((key, values))
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
