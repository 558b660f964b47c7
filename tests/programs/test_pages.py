"""Programs pages and API on the demo: the dashboard in Arabic and English, Italy's course
seen only by those it is releasable to, the readiness table with its formula and scores, and
bad input through the API named with its field and value."""

from django.test import Client

from marsad.core.demo.loader import load_demo
from marsad.core.services.base import SystemUser
from marsad.core.services.users import issue_token
from marsad.programs.models import Cohort, Course, ReadinessIndicator

ITALIAN = "Italian training course for the Palestinian police (Carabinieri)"
EGYPT_JORDAN = "Palestinian police course in Egypt and Jordan"


def page(path, user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(path)


def api(user, method, path, payload=None):
    token = issue_token(by=SystemUser("t"), user=user)
    call = getattr(Client(), method)
    extra = {"content_type": "application/json"} if payload is not None else {}
    return call(
        f"/api/v1/programs{path}",
        payload,
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **extra,
    )


def test_dashboard_in_arabic_shows_the_public_course_and_the_readiness_map(demo):
    response = page("/programs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "تدريب الشرطة" in html
    assert "دورة الشرطة الفلسطينية في مصر والأردن" in html
    assert "الجاهزية" in html
    assert 'id="readiness-map"' in html
    assert 'id="governorate-shapes"' in html
    assert "الكارابينييري" not in html  # Italy's course is not public
    assert "/coalition/states/EGY/" in html  # the linked pledge
    assert "افتراضات تخطيطية" in html  # the planning assumptions are said
    assert "٣٠ يوماً" in html  # the formula, in the reader's digits


def test_navigation_shows_programs(demo):
    assert 'href="/en/programs/"' in page("/en/").content.decode()


def test_italys_course_is_seen_by_italy_and_the_analysts_only(demo, demo_users):
    course = Course.objects.get(name_en=ITALIAN)
    assert course.nations == ["ITA", "USA"]
    assert course.pledge.quantity == 200
    assert course.pledge.nations == ["ITA", "USA"]
    for name in ("ita", "analyst"):
        html = page("/en/programs/", demo_users[name]).content.decode()
        assert ITALIAN in html, name
        assert "/coalition/states/ITA/" in html
    for name in ("fra", "reader"):
        assert ITALIAN not in page("/en/programs/", demo_users[name]).content.decode()
        assert page(f"/en/programs/courses/{course.pk}/", demo_users[name]).status_code == 404
    detail = page(f"/en/programs/courses/{course.pk}/", demo_users["ita"]).content.decode()
    assert "First cohort" in detail
    assert 'data-status="planned"' in detail
    assert "Parliament" in detail


def test_course_page_shows_progress_cohorts_and_evidence(demo, demo_users):
    course = Course.objects.get(name_en=EGYPT_JORDAN)
    html = page(f"/en/programs/courses/{course.pk}/").content.decode()
    for words in (EGYPT_JORDAN, "Egypt", "Jordan", "1,000", "planning assumption", "planned"):
        assert words in html, words
    assert 'data-figure="progress">0%' in html
    assert "Marsad news digest" in html  # the cited claim's source
    arabic = page(f"/programs/courses/{course.pk}/", demo_users["analyst"]).content.decode()
    assert "مخطَّط لها" in arabic  # the cohort's status
    assert 'data-figure="target">١٬٠٠٠<' in arabic  # Arabic-Indic digits by default


def scores(table):
    return {row["pcode"]: row for row in table["governorates"]}


def test_readiness_table_scores_and_formula(demo, demo_users):
    table = api(demo_users["analyst"], "get", "/readiness").json()
    assert table["as_of"] == "2026-01-28"
    assert table["penalty_per_incident"] == 2
    assert "2 points for each security incident" in table["formula"]["en"]
    assert "الجاهزية" in table["formula"]["ar"]
    rows = scores(table)
    assert set(rows) == {"PS0255", "PS0260", "PS0265", "PS0270", "PS0275"}
    assert rows["PS0255"]["score"] == 6  # mean(6, 3, 22, 5, 25) = 12.2, minus 3 incidents x 2
    assert rows["PS0265"]["score"] == 27  # mean(24, 14, 50, 12.5, 55) = 31.1, minus 2 x 2
    assert rows["PS0275"]["score"] == 0  # 5.2 minus 8 x 2: never below 0
    for pcode in ("PS0260", "PS0270"):  # counted from the ceasefire incident log
        security = rows[pcode]["indicators"][0]
        assert security["computed"] is True
        assert security["value"] >= 1
        expected = max(0, int(rows[pcode]["average"] - 2 * security["value"] + 0.5))
        assert rows[pcode]["score"] == expected
    water = next(c for c in rows["PS0270"]["indicators"] if c["kind"] == "water")
    assert (water["value"], water["previous"], water["trend"]) == (33.5, 28.0, "up")
    assert water["source"] == "ISF-PLANNING-CELL"
    earlier = scores(api(demo_users["analyst"], "get", "/readiness?as_of=2025-12-20").json())
    water = next(c for c in earlier["PS0270"]["indicators"] if c["kind"] == "water")
    assert (water["value"], water["trend"]) == (28.0, "")
    bad = api(demo_users["analyst"], "get", "/readiness?as_of=soon")
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "as_of"


def test_readiness_values_are_for_the_force_only(demo, demo_users):
    assert set(ReadinessIndicator.objects.values_list("marking", flat=True)) == {"force"}
    assert all("not a real measurement" in i.note_en for i in ReadinessIndicator.objects.all())
    public = scores(Client().get("/api/v1/programs/readiness").json())
    assert all(row["score"] is None for row in public.values())
    html = page("/en/programs/readiness/", demo_users["fra"]).content.decode()
    assert "ISF planning cell" in html
    assert "Illustrative planning value" in html
    assert 'data-pcode="PS0265" data-kind="water"' in html
    assert "minus 2 points for each security incident in the last 30 days" in html
    arabic = page("/programs/readiness/", demo_users["fra"]).content.decode()
    assert "إزالة الركام" in arabic
    assert "قيمة تخطيطية توضيحية" in arabic
    assert "متوسط مؤشرات النسب المئوية" in arabic
    assert "٥ من أصل ٥ مؤشرات" in arabic


def test_api_lists_courses_by_releasability(demo, demo_users):
    fra = api(demo_users["fra"], "get", "/courses").json()
    ita = api(demo_users["ita"], "get", "/courses").json()
    assert [c["name_en"] for c in fra] == [EGYPT_JORDAN]
    assert sorted(c["name_en"] for c in ita) == sorted([EGYPT_JORDAN, ITALIAN])
    italian = next(c for c in ita if c["name_en"] == ITALIAN)
    assert italian["trainer_nations"] == ["ITA"]
    assert italian["target_trainees"] == 200
    assert italian["cohorts"][0]["status"] == "planned"
    assert italian["claims"]
    assert api(demo_users["fra"], "get", f"/courses/{italian['id']}").status_code == 404


def test_api_writes_through_the_services_and_names_bad_input(demo, demo_users):
    analyst = demo_users["analyst"]
    egypt = Course.objects.get(name_en=EGYPT_JORDAN)
    troops = egypt.pledge.__class__.objects.filter(
        kind="troops", negative=False, marking="public"
    ).first()
    bad = api(
        analyst,
        "post",
        "/courses",
        {"name_en": "X", "location_en": "Cairo", "pledge": troops.pk, "marking": "public"},
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "pledge"
    assert not Course.objects.filter(name_en="X").exists()

    made = api(
        analyst,
        "post",
        f"/courses/{egypt.pk}/cohorts",
        {"name_en": "Second cohort", "enrolled": "٢٥٠", "vetted": "٢٠٠", "marking": "public"},
    )
    assert made.status_code == 201, made.content
    assert (made.json()["enrolled"], made.json()["vetted"]) == (250, 200)
    pk = made.json()["id"]
    inconsistent = api(analyst, "patch", f"/cohorts/{pk}", {"graduated": 190, "dropped_out": 70})
    assert inconsistent.status_code == 422
    assert inconsistent.json()["errors"][0]["field"] == "graduated"
    changed = api(analyst, "patch", f"/cohorts/{pk}", {"graduated": "١٥٠", "dropped_out": 30})
    assert changed.status_code == 200, changed.content
    course = api(analyst, "get", f"/courses/{egypt.pk}").json()
    assert (course["graduated"], course["progress"], course["dropout_rate"]) == (150, 15.0, 12.0)

    unknown = api(
        analyst,
        "post",
        "/indicators",
        {
            "pcode": "PS0299",
            "kind": "water",
            "value": "40",
            "measured_on": "2026-01-30",
            "source": "ISF-PLANNING-CELL",
            "marking": "force",
        },
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "pcode"
    assert unknown.json()["errors"][0]["value"] == "PS0299"
    created = api(
        analyst,
        "post",
        "/indicators",
        {
            "pcode": "PS0270",
            "kind": "water",
            "value": "٤١٫٥",
            "measured_on": "2026-01-30",
            "source": "ISF-PLANNING-CELL",
            "marking": "force",
        },
    )
    assert created.status_code == 201, created.content
    assert created.json()["value"] == 41.5
    listed = api(analyst, "get", "/indicators?pcode=ps0270&kind=water").json()
    assert listed["count"] == 3
    reader = api(demo_users["reader"], "post", "/cohorts", {})
    assert reader.status_code in (403, 405)


def test_liaison_officers_may_not_write(demo, demo_users):
    egypt = Course.objects.get(name_en=EGYPT_JORDAN)
    response = api(demo_users["ita"], "post", f"/courses/{egypt.pk}/cohorts", {"name_en": "Mine"})
    assert response.status_code == 403
    assert not Cohort.objects.filter(name_en="Mine").exists()


def test_loading_the_demo_again_creates_nothing(demo):
    again = load_demo()
    for kind in ("courses", "cohorts", "readiness indicators"):
        assert again.created.get(kind, 0) == 0, kind
        assert again.kept[kind] > 0
