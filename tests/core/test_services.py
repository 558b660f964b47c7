"""Bad input is refused with the field and value named, and nothing is half-stored."""

import pytest

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditEntry, Claim, Document
from marsad.core.services.claims import record_claim, review_claim
from marsad.core.services.documents import submit_document

pytestmark = pytest.mark.django_db

TEXT = "أعلنت وزارة الصحة في غزة مقتل ١٢ شخصاً في غارات على خان يونس، وفق مصادر مطلعة."


def data(**changes):
    return {
        "type": "casualties",
        "actor": [],
        "recipient": [],
        "attributes": {"population": "palestinians", "period": "day"},
        "attribution": {"source_kind": "official"},
        "figures": {"killed": {"best": 12, "text": "١٢"}},
        "evidence": [{"start": 0, "end": 40}],
        **changes,
    }


@pytest.fixture
def doc(make_document):
    return make_document(TEXT)


@pytest.mark.parametrize(
    ("change", "field", "value"),
    [
        ({"type": "rumour"}, "type", "rumour"),
        ({"status": "probable"}, "status", "probable"),
        ({"modality": "perhaps"}, "modality", "perhaps"),
        ({"reliability": "G"}, "reliability", "G"),
        ({"credibility": 7}, "credibility", 7),
        ({"credibility": "٠"}, "credibility", "٠"),
        ({"evidence": [{"start": 10, "end": 5000}]}, "evidence[0]", {"start": 10, "end": 5000}),
        ({"actor": ["NOBODY"]}, "actor[0]", "NOBODY"),
        (
            {"attribution": {"source": "NOSUCH", "source_kind": "media"}},
            "attribution.source",
            "NOSUCH",
        ),
        ({"attributes": {"population": "aliens"}}, "attributes.population", "aliens"),
        ({"review_state": "maybe"}, "review_state", "maybe"),
    ],
)
def test_bad_claims_are_refused_naming_field_and_value(system, doc, change, field, value):
    entries = AuditEntry.objects.count()
    with pytest.raises(InvalidInput) as caught:
        record_claim(by=system, document=doc, data=data(**change))
    problem = next(p for p in caught.value.problems if p.field == field)
    assert problem.value == value
    assert field in str(caught.value)
    assert Claim.objects.count() == 0
    assert AuditEntry.objects.count() == entries


def test_all_problems_are_reported_at_once(system, doc):
    with pytest.raises(InvalidInput) as caught:
        record_claim(by=system, document=doc, data=data(type="x", status="y", modality="z"))
    assert {p.field for p in caught.value.problems} >= {"type", "status", "modality"}


def test_arabic_indic_digits_are_stored_as_integers(system, doc):
    claim = record_claim(
        by=system,
        document=doc,
        data=data(
            credibility="٣",
            figures={"killed": {"low": "١٠", "best": "١٢", "high": "١٬٢٠٠", "text": "١٢"}},
            when={"date": "٢٠٢٥-١١-٢٠", "precision": "day"},
        ),
    )
    claim.refresh_from_db()
    assert claim.credibility == 3
    assert claim.figures["killed"] == {"low": 10, "best": 12, "high": 1200, "text": "١٢"}
    assert claim.when_date.isoformat() == "2025-11-20"
    assert claim.grade == "B3"  # the document source's reliability by default
    assert claim.evidence[0]["quote"] == TEXT[0:40]


def test_accepted_claim_records_its_reviewer(analyst, doc):
    claim = record_claim(by=analyst, document=doc, data=data(review_state="accepted"))
    assert claim.reviewed_by == analyst
    assert claim.reviewed_at is not None
    back = review_claim(by=analyst, claim=claim, state="proposed")
    assert back.reviewed_by is None
    assert back.review_state == "proposed"


def test_readers_cannot_write(liaison_ita, make_user, doc):
    with pytest.raises(NotAllowed):
        record_claim(by=liaison_ita, document=doc, data=data())
    with pytest.raises(NotAllowed):
        submit_document(by=make_user("public"), title="t", text="نص", source="WIRE")


def test_same_text_is_one_document(system, wire):
    first, created = submit_document(by=system, title="أ", text=TEXT + "\r\n", source=wire)
    again, created_again = submit_document(by=system, title="ب", text="  " + TEXT, source="wire")
    assert created
    assert not created_again
    assert again.pk == first.pk
    assert Document.objects.count() == 1
    assert first.language == "ar"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text": "   "}, "text"),
        ({"source": "NOSUCH"}, "source"),
        ({"language": "fr"}, "language"),
        ({"published": "20-11-2025"}, "published"),
    ],
)
def test_bad_documents_are_refused(system, wire, change, field):
    kwargs = {"title": "t", "text": "نص جديد", "source": "WIRE", **change}
    with pytest.raises(InvalidInput) as caught:
        submit_document(by=system, **kwargs)
    assert caught.value.problems[0].field == field
    assert Document.objects.count() == 0


def test_document_cannot_reach_further_than_its_source(system, states):
    from marsad.core.services.actors import create_source

    create_source(
        by=system, key="CELL", name_ar="خلية", name_en="Cell", kind="field_report", marking="force"
    )
    with pytest.raises(InvalidInput, match="source 'CELL' is marked 'force'"):
        submit_document(by=system, title="t", text="تقرير", source="CELL", marking="public")
