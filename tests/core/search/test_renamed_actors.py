"""An actor renamed is found by its new name, and by it only, in the records that name it, and
each nation's liaison officer finds exactly the records released to it: the rewrite that follows
a rename keeps every entry's marking and nations (the index's `Follow` of actors' names)."""

from __future__ import annotations

import pytest

from marsad.core.models import Actor
from marsad.core.services.actors import create_actor, update_actor
from marsad.core.services.claims import record_claim
from tests.conftest import SYSTEM
from tests.core.search.test_search import api

pytestmark = pytest.mark.django_db

TEXT = "أعلنت الجهة المسلحة مسؤوليتها عن الهجوم على المعبر."
OLD = ("كتائب الفجر", "Dawn Brigades")
NEW = ("ألوية الشروق", "Sunrise Battalions")


def claim_naming(document, key):
    return record_claim(
        by=SYSTEM,
        document=document,
        data={
            "type": "attack",
            "actor": [key],
            "recipient": [],
            "attributes": {},
            "attribution": {"source_kind": "media"},
            "evidence": [{"start": 0, "end": len("أعلنت الجهة المسلحة")}],
        },
    )


def found(reader, query):
    """Every (kind, id) the reader's search finds, every page of it, and the total it counts."""
    body = api(reader, q=query)
    hits = {(hit["kind"], hit["id"]) for hit in body["hits"]}
    assert body["total"] == len(hits), "one page holds every hit here"
    return hits


def test_each_nation_finds_its_records_by_the_new_name_only(
    make_document, liaison_ita, liaison_fra
):
    create_actor(
        by=SYSTEM, key="DAWN", kind="armed_group", name_ar=OLD[0], name_en=OLD[1], marking="public"
    )
    released = {
        "public": ("public", ()),
        "ita": ("nations", ("ITA",)),
        "fra": ("nations", ("FRA",)),
        "both": ("nations", ("ITA", "FRA")),
        "internal": ("internal", ()),
    }
    claims = {
        # One document each: a text submitted again is the same document.
        name: ("claim", str(claim_naming(make_document(f"{TEXT} {name}", *how), "DAWN").pk))
        for name, how in released.items()
    }
    actor = ("actor", "DAWN")
    may_read = {
        liaison_ita: {claims["public"], claims["ita"], claims["both"], actor},
        liaison_fra: {claims["public"], claims["fra"], claims["both"], actor},
    }
    for reader, expected in may_read.items():
        for name in OLD:
            assert found(reader, name) == expected, (reader.nation, name)

    update_actor(by=SYSTEM, actor=Actor.objects.get(key="DAWN"), name_ar=NEW[0], name_en=NEW[1])

    for reader, expected in may_read.items():
        for name in NEW:
            assert found(reader, name) == expected, (reader.nation, name)
        for name in OLD:
            assert found(reader, name) == set(), (reader.nation, name)
    # Released to one nation only: never shown to the other, by either name, nor counted.
    for reader, other in ((liaison_ita, "fra"), (liaison_fra, "ita")):
        for name in (*OLD, *NEW):
            assert claims[other] not in found(reader, name)
        counted = api(reader, q=NEW[1], marking="nations")
        assert counted["total"] == 2, (reader.nation, counted["total"])
    # Nor is the internal record, to either.
    for reader in may_read:
        assert claims["internal"] not in found(reader, NEW[0])
