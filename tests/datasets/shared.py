"""The real data files live outside the project (their licences forbid copying them in): tests
that read them skip, saying why, when the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def shared_file(relative: str) -> Path:
    """The path of a real data file, or a skip when it is not on this machine."""
    path = SHARED_DATA / relative
    if not path.is_file():
        pytest.skip(f"real data file {path} is absent (it may not be copied into the project)")
    return path
