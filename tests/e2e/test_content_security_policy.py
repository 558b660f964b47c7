"""The Content-Security-Policy in a real browser: every main page, the admin and the API's
description draw their maps and charts from Marsad's own files, and the browser reports no
violation of the policy (an inline script, style or handler left in a template would)."""

import pytest

from marsad.ceasefire.models import Incident
from marsad.core.models import Claim, Document
from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user
from marsad.programs.models import Course

from ..conftest import PASSWORD
from .test_forms import choose

pytestmark = pytest.mark.django_db(transaction=True)
# Kept by the page itself from its first script on: Playwright's init scripts are not subject
# to the page's policy.
RECORD_VIOLATIONS = """
window.marsadViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = event.sourceFile + ":" + event.lineNumber;
  const blocked = event.blockedURI || "inline";
  window.marsadViolations.push(`${event.violatedDirective} ${blocked} ${where}`);
});
"""
MAP = ".leaflet-container path.leaflet-interactive"  # a drawn Leaflet map
CHART = "canvas => !!Chart.getChart(canvas)"


def violations(tab):
    seen = tab.page.evaluate("window.marsadViolations")
    logged = [e for e in tab.errors if "Content Security Policy" in e]
    return seen + logged


def log_in(tab, role):
    create_user(by=SystemUser("t"), username=role, role=role, password=PASSWORD)
    tab.open("/login/")
    tab.page.fill("#id_username", role)
    tab.page.fill("#id_password", PASSWORD)
    tab.page.click("main button[type=submit]")
    tab.page.wait_for_load_state()


def visit(tab, path, maps=(), charts=()):
    response = tab.open(path)
    policy = response.header_value("content-security-policy")
    assert "script-src 'self'" in policy, path
    for selector in maps:
        tab.page.wait_for_selector(f"{selector}{MAP}")
    for selector in charts:
        assert tab.page.eval_on_selector(selector, CHART), (path, selector)
    assert violations(tab) == [], path


def test_main_pages_draw_under_the_policy_without_a_violation(tab):
    tab.page.add_init_script(RECORD_VIOLATIONS)
    incident = Incident.objects.filter(latitude__isnull=False).order_by("pk").first()
    document = Claim.objects.filter(document__marking="public").first().document
    visit(tab, "/", maps=["#map"], charts=["#claims-chart"])
    visit(tab, "/ceasefire/", maps=["#governorate-map"], charts=["#daily-chart"])
    visit(tab, "/en/ceasefire/map/", maps=["#incident-map"])
    visit(tab, "/access/", maps=["#access-map"], charts=["#trucks-chart"])
    visit(tab, "/access/crossings/CROSSING-RAFAH/", maps=["#access-map"])
    visit(tab, "/en/access/corridors/KS-SALAH-AL-DIN/", maps=["#access-map"])
    visit(tab, "/coalition/", maps=["#coalition-map"], charts=["#pledge-chart"])
    visit(tab, f"/ceasefire/incidents/{incident.pk}/", maps=["#incident-point"])
    visit(tab, "/programs/readiness/", maps=["#readiness-map"])
    visit(tab, "/programs/", maps=["#readiness-map"])
    # The evidence highlighter answers the pointer.
    visit(tab, f"/en/documents/{document.pk}/")
    mark = tab.page.locator("#document-text mark").first
    claim_id = mark.get_attribute("data-claims").split()[0]
    mark.hover()
    assert "focus" in tab.page.get_attribute(f"#claim-{claim_id}", "class")
    assert violations(tab) == []
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_analyst_pages_work_under_the_policy(tab):
    tab.page.add_init_script(RECORD_VIOLATIONS)
    log_in(tab, "analyst")
    # The force-generation switch reloads the page without an inline handler.
    visit(tab, "/en/mandate/force-generation/")
    assert tab.page.locator(".progress .meter-fill").count() >= 1
    tab.page.check("#conditional")
    tab.page.wait_for_url("**conditional=1**")
    visit(tab, f"/en/programs/courses/{Course.objects.order_by('pk').first().pk}/")
    # Intake: a pasted report lands on its review page, highlighted by the review script.
    tab.open("/intake/")
    tab.page.fill("#id_text", "رفض البيت الأبيض تأكيد توجيه دعوة إلى الأردن.")
    choose(tab.page, "source", "REUTERS", "REUTERS")
    tab.page.select_option("#id_marking", "public")
    tab.page.click("#submit-form button[type=submit]")
    tab.page.wait_for_selector("#document-text")
    assert tab.page.locator("select.claim-type").count() >= 1
    assert violations(tab) == []
    assert tab.errors == []


def test_the_admin_and_the_api_description_work_under_the_policy(tab):
    tab.page.add_init_script(RECORD_VIOLATIONS)
    log_in(tab, "admin")
    claim = Claim.objects.order_by("pk").first()
    for path in (
        "/admin/",
        "/admin/core/claim/",
        f"/admin/core/claim/{claim.pk}/change/",
        f"/admin/core/claim/{claim.pk}/history/",
    ):
        response = tab.open(path)
        assert "script-src 'self';" in response.header_value("content-security-policy") + ";"
        assert violations(tab) == [], path
    tab.open("/api/docs")
    tab.page.wait_for_selector(".swagger-ui .opblock")
    assert violations(tab) == []
    assert Document.objects.exists()
