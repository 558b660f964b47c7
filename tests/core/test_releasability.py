"""Deny by default: each role reads exactly what its marking allows, in lists, details and API."""

import pytest

from marsad.core import selectors
from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Document
from marsad.core.releasability import within
from marsad.core.services.actors import create_actor
from marsad.core.services.claims import record_claim

pytestmark = pytest.mark.django_db


def _claim(system, document, **extra):
    return record_claim(
        by=system,
        document=document,
        data={
            "type": "invitation",
            "actor": ["USA"],
            "recipient": ["ITA"],
            "attributes": {"role": "founding_member"},
            "attribution": {"source_kind": "anonymous"},
            "evidence": [{"start": 0, "end": 10}],
            **extra,
        },
    )


@pytest.fixture
def world(system, make_document):
    """One document (and its claim) under each marking."""
    docs = {
        "public": make_document(marking="public"),
        "force": make_document(marking="force"),
        "ita": make_document(marking="nations", nations=("ITA",)),
        "fra": make_document(marking="nations", nations=("FRA",)),
        "ita_usa": make_document(marking="nations", nations=("ITA", "USA")),
        "internal": make_document(marking="internal"),
        "unmarked": make_document(marking=""),
    }
    claims = {name: _claim(system, doc) for name, doc in docs.items()}
    return docs, claims


def visible(user, docs):
    ids = set(selectors.documents(user).values_list("pk", flat=True))
    return {name for name, doc in docs.items() if doc.pk in ids}


def test_each_role_reads_what_its_marking_allows(
    world, analyst, admin_user, liaison_ita, liaison_fra, make_user
):
    from django.contrib.auth.models import AnonymousUser

    docs, _ = world
    assert visible(admin_user, docs) == set(docs)
    assert visible(analyst, docs) == set(docs) - {"unmarked"}
    assert visible(liaison_ita, docs) == {"public", "force", "ita", "ita_usa"}
    assert visible(liaison_fra, docs) == {"public", "force", "fra"}
    assert visible(make_user("humanitarian"), docs) == {"public"}
    assert visible(make_user("public"), docs) == {"public"}
    assert visible(AnonymousUser(), docs) == {"public"}


def test_liaison_never_sees_another_nations_record_in_lists_or_details(world, liaison_ita):
    docs, claims = world
    assert claims["fra"].pk not in set(selectors.claims(liaison_ita).values_list("pk", flat=True))
    with pytest.raises(Document.DoesNotExist):
        selectors.document(liaison_ita, docs["fra"].pk)
    with pytest.raises(Claim.DoesNotExist):
        selectors.claim(liaison_ita, claims["fra"].pk)
    assert selectors.claim(liaison_ita, claims["ita_usa"].pk).pk == claims["ita_usa"].pk


def test_claim_lists_do_not_load_whole_documents(world, analyst):
    claim = selectors.claims(analyst).first()
    assert "text" in claim.document.get_deferred_fields()
    assert claim.evidence_quotes() == [claim.evidence[0]["quote"]]


def test_a_liaison_without_a_nation_sees_public_only(world, liaison_ita):
    docs, _ = world
    liaison_ita.nation = ""
    assert visible(liaison_ita, docs) == {"public"}


def test_nation_codes_do_not_match_inside_other_codes(system, make_document, make_user):
    """'|ITA|' must not match a list holding, say, 'XITAX'-like neighbours."""
    doc = make_document(marking="nations", nations=("ITX", "AIT"))
    assert doc.pk not in set(
        selectors.documents(make_user("liaison", "ITA")).values_list("pk", flat=True)
    )


def test_unmarked_actor_is_seen_by_admins_only(system, analyst, admin_user):
    create_actor(by=system, key="SECRET-CELL", kind="group", name_ar="خلية", name_en="Cell")
    assert not selectors.actors(analyst).filter(key="SECRET-CELL").exists()
    assert selectors.actors(admin_user).filter(key="SECRET-CELL").exists()
    with pytest.raises(Actor.DoesNotExist):
        selectors.actor(analyst, "SECRET-CELL")


def test_a_claim_cannot_reach_further_than_its_document(system, make_document):
    doc = make_document(marking="nations", nations=("ITA",))
    with pytest.raises(InvalidInput, match="document .* is marked 'nations ITA'") as caught:
        _claim(system, doc, marking="public")
    assert caught.value.problems[0].field == "marking"
    with pytest.raises(InvalidInput, match="document .* is marked 'nations ITA'"):
        _claim(system, doc, marking="nations", releasable_to=["ITA", "FRA"])
    narrower = _claim(system, doc, marking="internal")
    assert narrower.marking == "internal"
    inherited = _claim(system, doc)
    assert (inherited.marking, inherited.nations) == ("nations", ["ITA"])


def test_a_public_claim_cannot_name_an_internal_actor(system, make_document):
    create_actor(
        by=system,
        key="INFORMANT",
        kind="person",
        name_ar="مخبر",
        name_en="Informant",
        marking="internal",
    )
    with pytest.raises(InvalidInput, match="actor 'INFORMANT' is marked 'internal'") as caught:
        _claim(system, make_document(), actor=["INFORMANT"])
    assert caught.value.problems[0].field == "actor"


def test_marking_needs_nations_only_for_nations(system, make_document):
    with pytest.raises(InvalidInput, match="at least one nation"):
        make_document(marking="nations")
    with pytest.raises(InvalidInput, match="only with the marking"):
        make_document(marking="force", nations=("ITA",))
    with pytest.raises(InvalidInput, match="alpha-3"):
        make_document(marking="nations", nations=("Italy",))
    with pytest.raises(InvalidInput, match="must be one of"):
        make_document(marking="secret")


@pytest.mark.parametrize(
    ("inner", "outer", "expected"),
    [
        (("internal", []), ("public", []), True),
        (("public", []), ("force", []), False),
        (("nations", ["ITA"]), ("nations", ["ITA", "USA"]), True),
        (("nations", ["ITA", "FRA"]), ("nations", ["ITA"]), False),
        (("nations", ["ITA"]), ("internal", []), False),
        (("", []), ("internal", []), True),
        (("force", []), ("nations", ["ITA"]), False),
    ],
)
def test_within(inner, outer, expected):
    assert within(inner, outer) is expected


def test_the_reach_rule_holds_for_every_way_of_saving(system, make_document):
    """The admin saves through model validation, not the service: the model enforces it too."""
    from django.core.exceptions import ValidationError

    claim = _claim(system, make_document(marking="nations", nations=("ITA",)))
    claim.marking, claim.releasable_to = "public", ""
    with pytest.raises(ValidationError, match="document .* is marked 'nations ITA'"):
        claim.full_clean()
