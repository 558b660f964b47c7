"""Keys kept under var/ with owner-only access: Django's secret key, and the audit log's keys
(`marsad.core.audit_keys`). Each is generated once, on first use."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path


def write_once(path: Path, text: str) -> None:
    """Create `path` holding `text`, readable by its owner only, unless it exists already.

    The text is written to a temporary file and linked into place, so a second process starting
    at the same moment reads either nothing (and links its own, which fails) or the whole key.
    """
    if path.exists():
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret-")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
        os.chmod(tmp, 0o600)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)


def load_or_create_secret_key(path: Path) -> str:
    """Return the key stored at `path`, creating it if it does not exist yet."""
    write_once(path, secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()
