"""Claims about the same event from different documents: one group, many sources. The claims of
the group that a claim's readers may read set its credibility, by the Admiralty rule of
marsad.extraction.grading. The group itself is found by `intake.selectors.same_event`; the
grades are written by `intake.services.regrade`."""

from __future__ import annotations

from marsad.core.models import Claim
from marsad.core.releasability import within
from marsad.extraction.grading import credibility
from marsad.intake.fingerprints import story_links, story_root


def independent_sources(members: list[Claim], links: dict[int, int] | None = None) -> int:
    """How many independent sources tell the claims: a claim's source is the one it is
    attributed to, else its document's. Two documents of one source are one source; copies
    of one story are one source, whoever published them. So stories and sources that meet in
    a claim are joined, and each connected set counts once. `links` (copy -> original) are
    the stored ones when not given; a batch writer gives its own."""
    if links is None:
        links = story_links([c.document_id for c in members])
    return independent_count({(story_root(c.document_id, links), source_of(c)) for c in members})


def source_of(claim: Claim) -> int:
    """The source a claim counts as: its attribution's, else its document's."""
    return claim.attribution_source_id or claim.document.source_id


def independent_count(pairs: set[tuple[int, int]]) -> int:
    """The connected sets among (story, source) pairs: a story and a source that meet in a
    pair are joined."""
    stories = {story for story, _source in pairs}
    if len(stories) == len(pairs):
        # Each story in one pair only (no copies told by two sources, the usual case): a story
        # joins nothing to its source, so the sets are the sources. Asked for every claim of a
        # large event, with all its members: the general count below walks every pair.
        return len({source for _story, source in pairs})
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for story, source in pairs:
        parent[root(("story", story))] = root(("source", source))
    return len({root(node) for node in list(parent)})


def grade(claim: Claim, group: list[Claim], links: dict[int, int] | None = None) -> int:
    """The credibility the group gives, by the rule of marsad.extraction.grading."""
    members = [claim, *group]
    anonymous = all(c.attribution_kind == "anonymous" for c in members)
    return credibility(
        independent_sources=independent_sources(members, links),
        anonymous_only=anonymous,
        status=claim.status,
    )


def corroborating(claim: Claim, group: list[Claim]) -> list[Claim]:
    """The claims of `group` every reader of `claim` may read: only they may move its grade, or
    a reader would see a claim "confirmed by other sources" and no other source."""
    return [
        other
        for other in group
        if other.pk != claim.pk
        and within((claim.marking, claim.nations), (other.marking, other.nations))
    ]
