"""The Merkle tree of import batches: every row of every size of batch has a path to the root,
and no other row, nor an inner node passed off as a row, has one."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.core import merkle


@given(st.lists(st.binary(max_size=40), min_size=1, max_size=70, unique=True))
def test_every_row_is_proven_and_no_stranger(rows):
    leaves = [merkle.leaf(row) for row in rows]
    root = merkle.root(leaves)
    for index, leaf in enumerate(leaves):
        steps = merkle.proof(leaves, index)
        assert merkle.verify(leaf, steps, root)
        assert not merkle.verify(merkle.leaf(b"not a row of the batch" * 3), steps, root)
    assert len(merkle.proof(leaves, 0)) <= max(1, len(leaves)).bit_length()


def test_an_inner_node_cannot_pass_for_a_row():
    leaves = [merkle.leaf(bytes([n])) for n in range(4)]
    inner = merkle.node(leaves[0], leaves[1])
    root = merkle.root(leaves)
    # The inner node's own path (its sibling) would lead to the root if leaves were not hashed
    # apart from nodes; as a row, its bytes hash differently.
    assert not merkle.verify(
        merkle.leaf(inner), [merkle.Step("right", merkle.node(leaves[2], leaves[3]))], root
    )


def test_an_empty_batch_has_no_tree():
    with pytest.raises(ValueError, match="at least one row"):
        merkle.root([])
