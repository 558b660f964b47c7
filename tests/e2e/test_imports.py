"""Imports in a real browser: an analyst uploads UNRWA's list on the Arabic page and reads what
the import did, with the report of every row to download."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..access import aid_fixture
from ..conftest import PASSWORD

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]


def test_upload_and_read_the_result_in_arabic(tab, tmp_path, settings):
    settings.VAR_DIR = tmp_path / "var"
    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    page = tab.page
    tab.open("/login/")
    page.fill("#id_username", "amal")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    tab.open("/imports/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.select_option("#id_kind", "unrwa")
    page.select_option("#id_marking", "public")
    page.set_input_files("#id_file", str(aid_fixture.unrwa_sample(tmp_path / "trucks.csv")))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#import-progress")
    progress = page.inner_text("#import-progress")
    assert "اكتمل" in progress
    assert "الصفوف المرفوضة" in progress
    with page.expect_download() as download:
        page.click("#import-progress a[download]")
    text = download.value.path().read_text(encoding="utf-8")
    assert text.startswith("line,status,id,field,value,message")
    assert "Kerem Shaloom" in text
    tab.open("/en/imports/")
    assert page.locator("#runs tbody tr").count() == 1
    assert tab.errors == []
