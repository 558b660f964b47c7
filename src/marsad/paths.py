"""Where Marsad keeps its files, read from the environment without Django: settings.py and the
commands that run without Django (`marsad extract`) find the same places."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def home() -> Path:
    """MARSAD_HOME, by default the checkout."""
    return Path(os.environ.get("MARSAD_HOME", PACKAGE_DIR.parents[1]))


def var_dir() -> Path:
    """MARSAD_VAR_DIR, by default var/ in MARSAD_HOME."""
    return Path(os.environ.get("MARSAD_VAR_DIR", home() / "var"))


def extraction_dir() -> Path:
    """Where the built dictionaries of extraction are kept between processes."""
    return var_dir() / "extraction"
