"""Report intake on the demo: propose, review, accept into the other areas, find copies of one
story, grade by corroboration; bad input named."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from marsad.ceasefire.models import Incident
from marsad.coalition.models import Invitation
from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Document
from marsad.core.services.base import SystemUser
from marsad.core.services.users import issue_token
from marsad.intake import services
from marsad.intake.entity_keys import dictionary_key
from marsad.intake.models import SameStory
from marsad.statements.models import Statement

SYSTEM = SystemUser("system:test")
REPORT = (
    "قالت مصادر محلية إن طائرات إسرائيلية شنّت غارة على منزل في بني سهيلا شرقي خان يونس "
    "أمس، ما أسفر عن مقتل ٧ فلسطينيين. وامتنع مكتب رئيسة الوزراء الإيطالية عن التعليق على "
    "دعوة واشنطن روما إلى الانضمام إلى قوة الاستقرار الدولية."
)
OTHER_REPORT = (
    "Israeli aircraft struck a house in Bani Suheila, east of Khan Younis, yesterday, killing "
    "seven Palestinians, the civil defence said."
)


def submit(text, source="MARSAD-DIGEST-AR", **extra):
    return services.submit(
        by=SYSTEM, text=text, source=source, published="2026-02-02", marking="public", **extra
    )


def test_a_text_is_stored_and_its_claims_proposed(demo):
    result = submit(REPORT)
    assert result.created
    types = {c.type for c in result.claims}
    assert {"attack", "comment_refusal"} <= types
    assert all(c.review_state == "proposed" for c in result.claims)
    for claim in result.claims:
        assert claim.evidence_quotes()[0] in REPORT
    again = submit(REPORT)
    assert not again.created
    assert again.document.pk == result.document.pk
    assert Document.objects.filter(sha256=result.document.sha256).count() == 1


def test_claims_naming_a_person_and_a_place_read_from_the_text_are_stored(demo):
    text = (
        "اغتيل النائب عن حزب الكتائب أنطوان غانم وقتل ستة أشخاص آخرون في انفجار سيارة مفخخة "
        "في بلدة القاع البقاعية أمس."
    )
    result = submit(text)
    assert not result.skipped
    attack = next(c for c in result.claims if c.type == "attack")
    (victim,) = attack.recipients.all()
    assert (victim.kind, victim.name_ar) == ("person", "أنطوان غانم")
    assert victim.key == dictionary_key("PERSON:أنطوان غانم")
    assert (attack.where.kind, attack.where.name_ar) == ("place", "القاع")
    # the same name in another document is the same actor
    again = submit(
        "قال أنصار أنطوان غانم إنهم سيشيعونه غداً في بيروت بعد اغتيال النائب أنطوان غانم."
    )
    assert Actor.objects.filter(key=victim.key).count() == 1
    assert again.document.pk != result.document.pk


def test_claims_naming_a_group_and_a_body_read_from_the_text_are_stored(demo):
    text = (
        "خطف مسلحون من كتيبة «شهداء الصحراء» عشرات الرهائن الأجانب في منشأة للغاز، وقالت "
        "لجنة الإشراف الخماسية إنها تتابع الوضع."
    )
    result = submit(text)
    assert not result.skipped
    attack = next(c for c in result.claims if c.type == "attack")
    (group,) = attack.actors.all()
    assert (group.kind, group.name_ar) == ("armed_group", "كتيبة «شهداء الصحراء»")
    assert group.key == dictionary_key("GROUP:كتيبة «شهداء الصحراء»")
    assert group.marking == "public"
    body = Actor.objects.get(key=dictionary_key("BODY:لجنة الإشراف الخماسية"))
    assert (body.kind, body.name_ar) == ("body", "لجنة الإشراف الخماسية")


def for_italy(text):
    """A text submitted as a document releasable to Italy only."""
    return services.submit(
        by=SYSTEM, text=text, source="MARSAD-DIGEST-AR", published="2026-02-02",
        marking="nations", releasable_to=["ITA"],
    )  # fmt: skip


def test_a_name_read_in_a_document_for_one_nation_reaches_that_nation_only(demo, demo_users):
    text = "اغتيل النائب عن حزب الكتائب أنطوان غانم في انفجار سيارة مفخخة قرب بلدة القاع أمس."
    restricted = for_italy(text)
    attack = next(c for c in restricted.claims if c.type == "attack")
    (victim,) = attack.recipients.all()
    assert (victim.marking, victim.nations) == ("nations", ["ITA"])
    assert (attack.where.marking, attack.where.nations) == ("nations", ["ITA"])
    ita, fra = demo_users["ita"], demo_users["fra"]
    assert Actor.objects.visible_to(ita).filter(pk=victim.pk).exists()
    assert not Actor.objects.visible_to(fra).filter(pk=victim.pk).exists()
    assert not Actor.objects.visible_to(None).filter(name_ar="أنطوان غانم").exists()
    # quoted, the person becomes a source marked as the document is
    quoted = for_italy("قال النائب أنطوان غانم إن طائرات إسرائيلية قصفت بلدة القاع أمس.")
    said = next(c for c in quoted.claims if c.type == "attack").attribution_source
    assert (said.key, said.marking, said.nations) == (victim.key, "nations", ["ITA"])
    # the same name read in a public document is another actor, a public one
    public = submit(text + " وأعلن الحداد.")
    (named,) = next(c for c in public.claims if c.type == "attack").recipients.all()
    assert named.pk != victim.pk
    assert named.marking == "public"


def test_a_group_read_in_a_document_for_one_nation_reaches_that_nation_only(demo, demo_users):
    text = "خطف مسلحون من كتيبة «شهداء الصحراء» عشرات الرهائن الأجانب في منشأة للغاز."
    restricted = for_italy(text)
    (group,) = next(c for c in restricted.claims if c.type == "attack").actors.all()
    assert group.kind == "armed_group"
    assert (group.marking, group.nations) == ("nations", ["ITA"])
    assert Actor.objects.visible_to(demo_users["ita"]).filter(pk=group.pk).exists()
    assert not Actor.objects.visible_to(demo_users["fra"]).filter(pk=group.pk).exists()
    assert (
        not Actor.objects.visible_to(None)
        .filter(kind="armed_group", name_ar=group.name_ar)
        .exists()
    )


def test_accepting_feeds_the_other_areas(demo):
    result = submit(REPORT)
    attack = next(c for c in result.claims if c.type == "attack")
    effects = services.accept(by=SYSTEM, claim=attack)
    incident = Incident.objects.get(claims=attack)
    assert incident.pcode == "PS0270"
    assert str(incident.event_date) == "2026-02-01"  # "أمس" from the text's date
    assert "incident" in effects[0]
    refusal = next(c for c in result.claims if c.type == "comment_refusal")
    services.accept(by=SYSTEM, claim=refusal)
    statement = Statement.objects.get(claims=refusal)
    assert (statement.speaker.key, statement.refusal) == ("ITA-PMO", "declined_comment")
    assert Claim.objects.get(pk=attack.pk).reviewed_at is not None


def test_one_incident_collects_many_sources_and_grading_rises(demo):
    first = submit(REPORT)
    second = submit(OTHER_REPORT, source="REUTERS")
    attack_ar = next(c for c in first.claims if c.type == "attack")
    attack_en = next(c for c in second.claims if c.type == "attack")
    services.accept(by=SYSTEM, claim=attack_ar)
    services.accept(by=SYSTEM, claim=attack_en)
    incident = Incident.objects.get(claims=attack_ar)
    assert set(incident.claims.values_list("pk", flat=True)) == {attack_ar.pk, attack_en.pk}
    assert Claim.objects.get(pk=attack_ar.pk).credibility == 2  # two independent sources


def test_a_syndicated_copy_is_the_same_story_and_counts_once(demo):
    original = submit(REPORT)
    copy = submit("خان يونس – " + REPORT.replace("٧", "سبعة"), source="ALJAZEERA")
    assert [d.pk for d, _s in copy.same_story] == [original.document.pk]
    assert SameStory.objects.filter(document=copy.document).exists()
    attack = next(c for c in copy.claims if c.type == "attack")
    assert attack.credibility >= 3  # a copy is not a second source


def test_reject_edit_and_add(demo):
    result = submit(REPORT)
    refusal = next(c for c in result.claims if c.type == "comment_refusal")
    services.reject(by=SYSTEM, claim=refusal)
    assert Claim.objects.get(pk=refusal.pk).review_state == "rejected"
    attack = next(c for c in result.claims if c.type == "attack")
    services.edit(by=SYSTEM, claim=attack, data={"attributes": {"means": "drone"}})
    assert Claim.objects.get(pk=attack.pk).attributes == {"means": "drone"}
    with pytest.raises(InvalidInput) as caught:
        services.edit(by=SYSTEM, claim=attack, data={"modality": "perhaps"})
    assert caught.value.problems[0].field == "modality"
    start = REPORT.index("دعوة واشنطن")
    claim, _effects = services.add(
        by=SYSTEM,
        document=result.document,
        data={
            "type": "invitation",
            "actor": ["USA"],
            "recipient": ["ITA"],
            "target": "ISF",
            "attributes": {"role": "unspecified"},
            "attribution": {"source_kind": "media"},
            "evidence": [{"start": start, "end": start + 40}],
        },
    )
    assert claim.review_state == "accepted"
    assert Invitation.objects.filter(invitee__key="ITA", claims=claim).exists()


def test_review_page_highlights_and_the_api(demo, demo_users):
    result = submit(REPORT)
    client = Client()
    client.force_login(demo_users["analyst"])
    html = client.get(f"/en/intake/documents/{result.document.pk}/").content.decode()
    assert html.count("<mark") >= 2
    assert "How credibility is graded" in html
    claim = result.claims[0]
    response = client.post(f"/en/intake/claims/{claim.pk}/", {"action": "accept"})
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).review_state == "accepted"
    token = issue_token(by=SYSTEM, user=demo_users["analyst"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = (
        Client()
        .post(
            "/api/v1/intake/documents",
            {"text": OTHER_REPORT, "source": "REUTERS", "marking": "public"},
            content_type="application/json",
            **headers,
        )
        .json()
    )
    assert body["created"]
    assert body["extraction"]["contract"] == "marsad.extraction/1"
    assert {c["type"] for c in body["claims"]} >= {"attack"}
    queue = Client().get("/api/v1/intake/queue", **headers).json()
    assert body["document"]["id"] in {d["id"] for d in queue}
    accepted = (
        Client().post(f"/api/v1/intake/claims/{body['claims'][0]['id']}/accept", **headers).json()
    )
    assert accepted["claim"]["review_state"] == "accepted"


def test_only_writers_submit_and_bad_files_are_refused(demo, demo_users):
    reader = Client()
    reader.force_login(demo_users["ita"])
    assert (
        reader.post(
            "/en/intake/", {"text": REPORT, "source": "REUTERS", "marking": "public"}
        ).status_code
        == 403
    )
    analyst = Client()
    analyst.force_login(demo_users["analyst"])
    binary = SimpleUploadedFile("x.txt", b"\x00\x01\x02binary", content_type="text/plain")
    page = analyst.post(
        "/en/intake/", {"upload": binary, "source": "REUTERS", "marking": "public"}
    ).content.decode()
    assert "binary" in page
    latin1 = SimpleUploadedFile("y.txt", "café à Gaza".encode("latin-1"))
    page = analyst.post(
        "/en/intake/", {"upload": latin1, "source": "REUTERS", "marking": "public"}
    ).content.decode()
    assert "not UTF-8" in page
    empty = analyst.post(
        "/en/intake/", {"text": "   ", "source": "REUTERS", "marking": "public"}
    ).content.decode()
    assert "Paste a text" in empty


def test_ingest_a_folder_reports_each_file(demo, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00 not text")
    # Windows line ends and blank lines before the text: the stored text is normalized, and
    # the evidence must point into that text, not into the file's.
    first, second = REPORT.split(" وامتنع ")
    raw = "\r\n" * 20 + "   \r\n" + first + "\r\n\r\nوامتنع " + second + "\r\n"
    (tmp_path / "d.txt").write_bytes(raw.encode("utf-8"))
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path), "--source", "REUTERS", "--marking", "public"]
    )
    assert result.exit_code == 1
    assert "stored" in result.output
    assert "skipped" in result.output
    assert "failed" in result.output
    assert Document.objects.filter(title="a").exists()
    document = Document.objects.get(title="d")
    assert document.text == first + "\n\nوامتنع " + second
    claims = {c.type: c for c in document.claims.all()}
    assert "شنّت غارة" in claims["attack"].evidence_quotes()[0]
    assert "امتنع" in claims["comment_refusal"].evidence_quotes()[0]
    for claim in claims.values():
        for span in claim.evidence:
            assert document.text[span["start"] : span["end"]] == span["quote"]
            assert span["quote"] == span["quote"].strip()  # starts and ends on words


def test_ingest_refuses_a_bad_date_and_runs_in_parallel(demo, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_REPORT, encoding="utf-8")
    args = ["ingest", str(tmp_path), "--source", "REUTERS", "--marking", "public"]
    bad = CliRunner().invoke(app, [*args, "--published", "2026-13-45"])
    assert bad.exit_code == 1
    assert "--published" in bad.output
    assert "2026-13-45" in bad.output
    assert "Traceback" not in bad.output
    assert not Document.objects.filter(title__in=["a", "b"]).exists()
    # An unknown source is known only once Django is set up, after the first batches were
    # sent to the workers: refused all the same, nothing stored.
    unknown = [*args[:3], "NO-SUCH-WIRE", *args[4:], "--published", "2026-02-02", "--workers", "2"]
    bad = CliRunner().invoke(app, unknown)
    assert bad.exit_code == 1
    assert "NO-SUCH-WIRE" in bad.output
    assert "Traceback" not in bad.output
    assert not Document.objects.filter(title__in=["a", "b"]).exists()
    result = CliRunner().invoke(app, [*args, "--published", "٢٠٢٦-٠٢-٠٢", "--workers", "2"])
    assert result.exit_code == 0, result.output
    stored = Document.objects.filter(title__in=["a", "b"])
    assert stored.count() == 2
    assert {str(d.published) for d in stored} == {"2026-02-02"}
    assert all(d.claims.exists() for d in stored)


def test_extract_command_is_pure_and_prints_json_lines(tmp_path):
    import json

    from typer.testing import CliRunner

    from marsad.cli import app

    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "2026-02-02"])
    assert result.exit_code == 0, result.output
    line = json.loads(io.StringIO(result.output).readline())
    assert line["contract"] == "marsad.extraction/1"
    assert line["document"]["language"] == "ar"
