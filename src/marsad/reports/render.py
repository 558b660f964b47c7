"""The report as a file: a self-contained HTML document (styles, font and drawings inside it),
and a PDF printed from it by Debian's Chromium through Playwright.

Chromium shapes Arabic and lays out right-to-left text correctly (WeasyPrint does not); the
font is Noto Naskh Arabic from npm, embedded as data so that the file shows the same anywhere.
While printing, every request the page makes is refused: the report is the only thing loaded,
and it never fetches anything from outside.
"""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from marsad.chromium import CHROMIUM, CHROMIUM_ARGS
from marsad.reports.sitrep import Sitrep

STYLE = Path(__file__).resolve().parent / "static" / "reports" / "sitrep.css"
FONT_DIR = "@fontsource/noto-naskh-arabic/files"
FONTS = {
    400: "noto-naskh-arabic-arabic-400-normal.woff2",
    700: "noto-naskh-arabic-arabic-700-normal.woff2",
}
FORMATS = ("pdf", "html")


@cache
def _font_faces() -> str:
    """@font-face rules with the Arabic font embedded as data (no file, no address)."""
    rules = []
    for weight, name in FONTS.items():
        data = (Path(settings.NODE_MODULES) / FONT_DIR / name).read_bytes()
        encoded = base64.b64encode(data).decode("ascii")
        rules.append(
            "@font-face{font-family:'Marsad Naskh';font-style:normal;"
            f"font-weight:{weight};font-display:block;"
            f"src:url(data:font/woff2;base64,{encoded}) format('woff2');"
            "unicode-range:U+0600-06FF,U+0750-077F,U+0870-08FF,U+FB50-FDFF,U+FE70-FEFF;}"
        )
    return "\n".join(rules)


def _style_element() -> SafeString:
    """The report's styles and font inside the file. The file is a download (served as an
    attachment, never as one of Marsad's pages, whose policy forbids inline styles): it must
    look the same wherever it is opened, with nothing to fetch."""
    css = _font_faces() + "\n" + STYLE.read_text(encoding="utf-8")
    return mark_safe(f"<style>{css}</style>")  # noqa: S308 - our own files, no user text


def digits_for(lang: str) -> str:
    """Arabic-Indic digits in Arabic, Latin digits in English (the site's default)."""
    return "arab" if lang == "ar" else "latn"


def render_html(report: Sitrep, *, lang: str, digits: str | None = None) -> str:
    """The whole report as one HTML document, in `lang`."""
    with translation.override(lang):
        return render_to_string(
            "reports/sitrep.html",
            {
                "report": report,
                "lang": lang,
                "rtl": lang == "ar",
                "digits": digits or digits_for(lang),
                "style_element": _style_element(),
                "standalone": True,
            },
        )


def _edge(text: str, lang: str, page: bool) -> str:
    """A header or footer of every printed page: the marking line (and the page number)."""
    number = ""
    if page:
        with translation.override(lang):
            number = translation.gettext("page %(page)s of %(pages)s") % {
                "page": '<span class="pageNumber"></span>',
                "pages": '<span class="totalPages"></span>',
            }
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<div dir="{direction}" style="width:100%;font-size:8pt;padding:0 12mm;'
        "font-family:'DejaVu Sans',sans-serif;display:flex;justify-content:space-between;"
        f'color:#7a1f1f;font-weight:bold"><span>{escape(text)}</span><span>{number}</span></div>'
    )


def render_pdf(html: str, *, marking: str, lang: str, blocked: list[str] | None = None) -> bytes:
    """Print `html` to A4 PDF with the marking line at the top and foot of every page and
    "page X of Y". Requests the page makes are aborted (and listed in `blocked`)."""
    # Playwright's sync API refuses to start in a thread that runs an event loop (an async
    # server, or a browser session already open in the same thread): print in a thread of its
    # own, which touches no database.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, html, marking, lang, blocked).result()


def _print(html: str, marking: str, lang: str, blocked: list[str] | None) -> bytes:
    from playwright.sync_api import sync_playwright

    refused = blocked if blocked is not None else []

    def refuse(route: object) -> None:
        refused.append(route.request.url)  # type: ignore[attr-defined]
        route.abort()  # type: ignore[attr-defined]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True)
            page = context.new_page()
            page.route("**/*", refuse)
            page.set_content(html, wait_until="load")
            # The embedded font is data, but it is decoded after "load": wait for it.
            page.evaluate("document.fonts.ready.then(() => true)")
            return page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=_edge(marking, lang, page=False),
                footer_template=_edge(marking, lang, page=True),
                margin={"top": "18mm", "bottom": "18mm", "left": "12mm", "right": "12mm"},
            )
        finally:
            browser.close()


def render(report: Sitrep, *, lang: str, fmt: str) -> bytes:
    """The report's bytes in `fmt` (pdf or html)."""
    html = render_html(report, lang=lang)
    if fmt == "html":
        return html.encode("utf-8")
    return render_pdf(html, marking=report.marking, lang=lang)
