"""The demo scenario: the situation of the mission, complete, public where it should be,
audited, and idempotent."""

import pytest

from marsad.core import audit
from marsad.core.demo.loader import load_demo
from marsad.core.models import Actor, AuditEntry, Claim, Document, Source

pytestmark = pytest.mark.django_db

REQUIRED = [
    "USA",
    "ITA",
    "ISR",
    "PSE",
    "EGY",
    "QAT",
    "TUR",
    "FRA",
    "DEU",
    "GBR",
    "JPN",
    "CAN",
    "RUS",
    "CHN",
    "G7",
    "ISF",
    "BOP",
    "BOP-CHARTER",
    "PLAN-20",
    "UNSCR-2803",
    "GAZA-CEASEFIRE",
    "HAMAS",
    "IDF",
    "OHCHR-OPT",
    "WHITE-HOUSE",
    "ITA-PMO",
    "ITA-MFA",
    "BLOOMBERG",
    "MELONI",
    "PS02",
    "PS0255",
    "PS0260",
    "PS0265",
    "PS0270",
    "PS0275",
    "CROSSING-KEREM-SHALOM",
    "CROSSING-RAFAH",
    "CROSSING-EREZ",
]


def counts():
    return (
        Actor.objects.count(),
        Source.objects.count(),
        Document.objects.count(),
        Claim.objects.count(),
        AuditEntry.objects.count(),
    )


def test_demo_holds_the_scenario():
    report = load_demo()
    assert report.created["actors"] >= 40
    assert not set(REQUIRED) - set(Actor.objects.values_list("key", flat=True))
    for pcode in ("PS0255", "PS0260", "PS0265", "PS0270", "PS0275"):
        governorate = Actor.objects.get(key=pcode)
        assert governorate.pcode == pcode
        assert governorate.parent.key == "PS02"
        assert governorate.geometry["type"] in ("Polygon", "MultiPolygon")
    assert Actor.objects.get(key="ITA-PMO").parent.key == "ITA"
    kerem = Actor.objects.get(key="CROSSING-KEREM-SHALOM")
    assert kerem.geometry == {"type": "Point", "coordinates": [34.27056, 31.22083]}
    assert all(a.name_ar and a.name_en for a in Actor.objects.all())
    assert not Actor.objects.exclude(marking="public").exists()


def test_demo_documents_cover_arabic_english_and_an_official_statement():
    load_demo()
    documents = Document.objects.select_related("source")
    assert documents.filter(language="ar", source__kind="media", marking="public").exists()
    assert documents.filter(language="en", source__kind="media", marking="public").exists()
    assert documents.filter(source__kind="official", marking="public").exists()
    for doc in documents:
        claims = doc.claims.all()
        assert claims, f"{doc.title} has no claims"
        for claim in claims:
            for quote in claim.evidence_quotes():
                assert quote.strip(), f"empty evidence in {doc.title}"
    types = set(Claim.objects.values_list("type", flat=True))
    assert {
        "invitation",
        "comment_refusal",
        "casualties",
        "statement",
        "legal_reservation",
        "charter_action",
        "attack",
        "ceasefire_phase",
    } <= types


def test_the_refusals_of_the_mission_are_there():
    load_demo()
    refusals = {
        (c.actors.get().key, c.attributes["kind"])
        for c in Claim.objects.filter(type="comment_refusal").prefetch_related("actors")
    }
    assert {
        ("ITA-PMO", "declined_comment"),
        ("ITA-MFA", "no_response"),
        ("WHITE-HOUSE", "refused_confirm"),
    } <= refusals


def test_loading_twice_changes_nothing_and_is_audited():
    load_demo()
    before = counts()
    for model in (Actor, Source, Document, Claim):  # every record was written and audited
        audited = AuditEntry.objects.filter(model=model._meta.label, action="create").count()
        assert audited == model.objects.count()
    report = load_demo()
    assert counts() == before
    assert not report.created
    assert audit.verify().ok


def test_internal_liaison_note_is_not_public():
    load_demo()
    restricted = Document.objects.exclude(marking="public")
    assert restricted.exists()
    for doc in restricted:
        assert doc.claims.filter(marking="public").count() == 0


@pytest.mark.django_db(transaction=True)
def test_reset_erases_and_loads_again():
    from typer.testing import CliRunner

    from marsad.cli import app

    load_demo()
    Actor.objects.filter(key="G7").update(name_en="changed by hand")
    result = CliRunner().invoke(app, ["demo", "--reset", "--yes"])
    assert result.exit_code == 0, result.output
    assert Actor.objects.get(key="G7").name_en != "changed by hand"
    assert audit.verify().ok
    assert AuditEntry.objects.filter(model="core.Actor").count() == Actor.objects.count()
