"""`marsad sitrep` on the demo: a PDF printed by Chromium whose text is Arabic and carries the
marking line on each page; printing fetches nothing from outside."""

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists() or shutil.which("pdftotext") is None,
    reason="needs Debian's chromium and pdftotext",
)


def _arabic_letters(text):
    return sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")


def test_the_arabic_pdf_for_ita_fra(demo, tmp_path, monkeypatch):
    from marsad.core.services.base import SystemUser
    from marsad.statements.services import record_statement

    for quote, nations in (("MARKERITAONLY", ["ITA"]), ("MARKERITAFRA", ["ITA", "FRA"])):
        record_statement(
            by=SystemUser("system:test"),
            speaker="ITA",
            topic="coalition",
            on="2026-01-27",
            stance="support",
            quote=quote,
            quote_language="en",
            marking="nations",
            releasable_to=nations,
        )
    monkeypatch.setattr("marsad.commandline.setup_django", lambda: None)
    monkeypatch.setattr("marsad.reports.cli.setup_django", lambda: None)
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(
        app, ["sitrep", "--lang", "ar", "--audience", "ITA,FRA", "--out", str(out), "--issue"]
    )
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert _arabic_letters(text) > 500
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2
    for page in pages:
        # pdftotext splits the lam-alef ligature of the rest of the line: the first word is enough.
        assert "قابل" in page
        assert "FRA, ITA" in page
    # The demo's pledge released to Italy and the United States only is not in it.
    assert "ITA, USA" not in text
    assert "USA" not in text
    assert "issued as report" in result.output


def test_printing_fetches_nothing_from_outside():
    from marsad.reports.render import render_pdf

    blocked: list[str] = []
    html = (
        '<html><body><p>x</p><img src="https://example.org/tracker.png">'
        '<link rel="stylesheet" href="http://example.org/x.css"></body></html>'
    )
    pdf = render_pdf(html, marking="Public", lang="en", blocked=blocked)
    assert pdf.startswith(b"%PDF")
    assert sorted(blocked) == ["http://example.org/x.css", "https://example.org/tracker.png"]
