"""Near-duplicate texts (syndicated copies of one story) by MinHash signatures and LSH bands.

A signature is 128 MinHash values over the character 5-grams of the folded text (Arabic letter
forms, digits and case folded, spaces collapsed), so a copy with another headline, a dateline or
a few changed words stays close. The signature is cut into 16 bands of 8 values: two texts that
share a band are candidates (the chance rises steeply around a similarity of 0.7), and the
candidates are kept when the signatures agree on at least SAME_STORY of their values (an
estimate of the Jaccard similarity of the 5-grams).

The hashing is vectorised with numpy rather than done 5-gram by 5-gram: each 5-gram's code
points are combined into one 64-bit number and mixed (half of murmur3's finaliser) down to 32
bits, and the 128 permutations are x -> (a·x mod 2^32) xor b with odd random a, in 32-bit
arithmetic. That is several times faster than datasketch's MinHash with SHA-1 per 5-gram (see
bench/extraction.py, which measures both). The values differ from those of the earlier scheme
(datasketch), so band keys carry the scheme (SCHEME): a document fingerprinted before is found
again only once fingerprinted anew.

signatures() and many_bands() give the same values as signature() and bands() for many texts at
once: the numpy calls, not the arithmetic, are most of the cost of a short text, and a batch
makes them once for all its texts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from marsad.extraction.normalize import fold

PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
SAME_STORY = 0.8
SEED = 1
SCHEME = "2"
_SHIFT = np.uint64(32)
_EMPTY = (1 << 32) - 1
# Rows of 5-grams hashed at once: bounds memory (rows x 128 x 8 bytes) on long texts.
_CHUNK = 4096


def _constants(label: str, count: int) -> list[int]:
    """Fixed pseudo-random 64-bit numbers, derived with BLAKE2b so that they never change with
    a library's version: stored fingerprints depend on them."""
    return [
        int.from_bytes(hashlib.blake2b(f"{label}:{SEED}:{i}".encode(), digest_size=8).digest())
        for i in range(count)
    ]


# x -> (a·x mod 2^32) xor b with odd a is a permutation of the 32-bit hashes; the inputs are
# already mixed, so its minimum behaves as MinHash's
_A32 = np.array([c & 0xFFFFFFFF | 1 for c in _constants("a", PERMUTATIONS)], dtype=np.uint32)
_B32 = np.array([c & 0xFFFFFFFF for c in _constants("b", PERMUTATIONS)], dtype=np.uint32)
_ROW_WEIGHTS = np.array([c | 1 for c in _constants("row", ROWS)], dtype=np.uint64)
# Odd multipliers for the code points of a 5-gram, one per position.
_POSITIONS = np.array([c | 1 for c in _constants("position", SHINGLE)], dtype=np.uint64)

U64 = npt.NDArray[np.uint64]


def _mix(values: U64) -> U64:
    """Half of murmur3's finaliser: enough to spread a 5-gram's sum over the top 32 bits."""
    values = values ^ (values >> _SHIFT)
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    result: U64 = values ^ (values >> np.uint64(29))
    return result


def shingle_hashes(text: str, size: int = SHINGLE) -> npt.NDArray[np.uint32]:
    """The 32-bit hashes of the folded text's character n-grams (of the whole text when it is
    shorter than n). A 5-gram met twice is hashed twice: the minimum does not mind."""
    folded = fold(text)
    if not folded:
        return np.zeros(0, dtype=np.uint32)
    raw = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _hash_grams(raw.astype(np.uint64), size)


def _hash_grams(points: U64, size: int) -> npt.NDArray[np.uint32]:
    """The 32-bit hashes of every n-gram of the code points (one of all when fewer than n)."""
    count = max(1, len(points) - size + 1)
    with np.errstate(over="ignore"):
        combined = points[:count] * _POSITIONS[0]
        for position in range(1, min(size, len(points))):
            combined += points[position : position + count] * _POSITIONS[position]
        hashed: npt.NDArray[np.uint32] = (_mix(combined) >> _SHIFT).astype(np.uint32)
    return hashed


def signature(text: str) -> list[int]:
    """The text's MinHash values (the same text always gives the same values)."""
    hashes = shingle_hashes(text)
    if not len(hashes):
        return [_EMPTY] * PERMUTATIONS
    return _minimum(hashes)


def _minimum(hashes: npt.NDArray[np.uint32]) -> list[int]:
    best = np.full(PERMUTATIONS, _EMPTY, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for start in range(0, len(hashes), _CHUNK):
            # one row per permutation: the minimum runs along contiguous memory
            permuted = np.multiply.outer(_A32, hashes[start : start + _CHUNK]) ^ _B32[:, None]
            np.minimum(best, permuted.min(axis=1), out=best)
    values: list[int] = best.tolist()
    return values


def signatures(texts: Sequence[str]) -> list[list[int]]:
    """signature() of each text, computed for the whole batch at once (same values)."""
    out: list[list[int]] = [[] for _ in texts]
    folded = [fold(text) for text in texts]
    # texts shorter than a 5-gram are hashed whole, as signature() does, one by one
    batch = [i for i, f in enumerate(folded) if len(f) >= SHINGLE]
    for i, f in enumerate(folded):
        if len(f) < SHINGLE:
            out[i] = signature(texts[i])
    if not batch:
        return out
    joined = "".join(folded[i] for i in batch)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    hashed = _hash_grams(points.astype(np.uint64), SHINGLE)
    # the 5-grams of text k start at offsets[k] .. offsets[k] + len - 5; the others cross texts
    lengths = np.array([len(folded[i]) for i in batch], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    counts = lengths - (SHINGLE - 1)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    grams = hashed[np.arange(int(counts.sum())) + np.repeat(offsets - starts, counts)]
    done = 0
    while done < len(batch):
        # a group of whole texts with at most _CHUNK 5-grams (or one longer text)
        last = done + 1
        while last < len(batch) and starts[last] + counts[last] - starts[done] <= _CHUNK:
            last += 1
        a, b = int(starts[done]), int(starts[last - 1] + counts[last - 1])
        if last - done == 1 and b - a > _CHUNK:
            out[batch[done]] = _minimum(grams[a:b])
        else:
            with np.errstate(over="ignore"):
                permuted = np.multiply.outer(_A32, grams[a:b]) ^ _B32[:, None]
            mins = np.minimum.reduceat(permuted, starts[done:last] - a, axis=1)
            for k, row in enumerate(mins.T.tolist()):
                out[batch[done + k]] = row
        done = last
    return out


def many_bands(many: Sequence[list[int]]) -> list[list[str]]:
    """bands() of each signature, all at once (same keys)."""
    if not many:
        return []
    rows = np.asarray(many, dtype=np.uint64).reshape(len(many), BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = _mix(_mix((rows * _ROW_WEIGHTS).sum(axis=2, dtype=np.uint64)))
    return [
        [f"{SCHEME}:{band:02d}:{key:016x}" for band, key in enumerate(row)] for row in keys.tolist()
    ]


def bands(values: list[int]) -> list[str]:
    """One key per band: texts sharing a key are candidate near-duplicates. A band's eight
    values are summed with fixed odd multipliers and mixed into 64 bits, all bands at once."""
    rows = np.asarray(values, dtype=np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = _mix(_mix((rows * _ROW_WEIGHTS).sum(axis=1, dtype=np.uint64)))
    return [f"{SCHEME}:{band:02d}:{int(key):016x}" for band, key in enumerate(keys.tolist())]


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

    items = list(signatures)
    for (key, values), keys in zip(items, many_bands([v for _, v in items]), strict=True):
        parent.setdefault(key, key)
        for band in keys:
            for other, other_values in by_band.setdefault(band, []):
                if root(other) != root(key) and same_story(values, other_values):
                    parent[root(key)] = root(other)
            by_band[band].append((key, values))
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
