"""Debian's Chromium, as Marsad launches it through Playwright: to print reports and, in the
tests, to drive pages. The machine may have no network: Chromium must not try to reach anything
on its own."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
