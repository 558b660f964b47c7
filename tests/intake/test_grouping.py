"""The count of independent sources among (story, source) pairs (`grouping.independent_count`),
with no database."""

import random

import pytest

from marsad.intake.grouping import independent_count


def _components(pairs):
    # Every story and source a node, every pair an edge: the connected sets, by a plain search.
    edges = {}
    for story, source in pairs:
        edges.setdefault(("story", story), set()).add(("source", source))
        edges.setdefault(("source", source), set()).add(("story", story))
    seen, count = set(), 0
    for node in edges:
        if node in seen:
            continue
        count += 1
        frontier = [node]
        while frontier:
            current = frontier.pop()
            if current not in seen:
                seen.add(current)
                frontier.extend(edges[current] - seen)
    return count


@pytest.mark.parametrize("seed", range(40))
def test_the_count_is_the_connected_sets_of_stories_and_sources(seed):
    rng = random.Random(seed)
    stories = rng.randint(1, 30)
    # Some sets have every story once (the count is then the sources), some have copies.
    pairs = {(rng.randrange(stories), rng.randrange(8)) for _ in range(rng.randint(0, 40))}
    if seed % 2:
        pairs = {(index, source) for index, (_story, source) in enumerate(pairs)}
    assert independent_count(pairs) == _components(pairs)


def test_one_story_told_by_two_sources_joins_them():
    assert independent_count({(1, 10), (2, 10), (3, 11)}) == 2
    assert independent_count({(1, 10), (1, 11), (3, 12)}) == 2
    assert independent_count(set()) == 0
