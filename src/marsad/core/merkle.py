"""A Merkle tree over the rows of an import batch: the batch's one audit entry carries the root,
and any single row can be proven part of the batch with a path of log2(n) hashes.

Leaves and inner nodes are hashed apart (a 0x00 or 0x01 byte first), so that an inner node can
never pass for a row; a level with an odd number of nodes carries its last one up unpaired. Pure
Python: no Django here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

LEAF = b"\x00"
NODE = b"\x01"


def leaf(data: bytes) -> bytes:
    return hashlib.sha256(LEAF + data).digest()


def node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE + left + right).digest()


def _levels(leaves: list[bytes]) -> list[list[bytes]]:
    if not leaves:
        raise ValueError("a Merkle tree needs at least one row")
    levels = [leaves]
    while len(levels[-1]) > 1:
        below = levels[-1]
        above = [node(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)]
        if len(below) % 2:
            above.append(below[-1])
        levels.append(above)
    return levels


def root(leaves: list[bytes]) -> bytes:
    return _levels(leaves)[-1][0]


@dataclass(frozen=True)
class Step:
    """One hash of a proof and the side it joins on."""

    side: str  # "left" or "right": where this sibling stands
    hash: bytes


def proof(leaves: list[bytes], index: int) -> list[Step]:
    """The siblings from the leaf at `index` up to the root."""
    if not 0 <= index < len(leaves):
        raise IndexError(f"no row {index} in a batch of {len(leaves)}")
    steps = []
    for level in _levels(leaves)[:-1]:
        sibling = index ^ 1
        if sibling < len(level):
            steps.append(Step("left" if sibling < index else "right", level[sibling]))
        index //= 2
    return steps


def verify(row_leaf: bytes, steps: list[Step], expected_root: bytes) -> bool:
    current = row_leaf
    for step in steps:
        current = node(step.hash, current) if step.side == "left" else node(current, step.hash)
    return current == expected_root
