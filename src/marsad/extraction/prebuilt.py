"""The dictionaries and their automaton kept built on disk.

Building them reads some 27,000 phrases and folds each one: one to four seconds, in every
`marsad extract` and every ingest worker. Loading the pickled result takes a tenth of that. The
file's name holds a hash of everything the build reads (the data files, the modules that turn
them into entries, the Python and pyahocorasick versions), so a change to any of them builds
and writes a new file; a file that cannot be read is logged and built again, never fatal.

The file is trusted as the rest of the var directory (the secret key lives there): whoever can
write it can run code in Marsad, as with any pickle.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
# Bump when the file's layout changes without any of the sources below changing.
FORMAT = 1
# The modules whose code decides what the build holds.
SOURCES = ("dictionaries.py", "entries.py", "gazetteer.py", "normalize.py", "prebuilt.py")
PREFIX = "extraction-lexicon-"
log = logging.getLogger(__name__)
T = TypeVar("T")


def build_key(data: Path = DATA, sources: Path = HERE) -> str:
    """The hash of all the build reads: it names the file, so a stale file is never read."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{sys.version}\0{version('pyahocorasick')}\0".encode())
    files = sorted(p for p in data.iterdir() if p.is_file())
    files += [sources / name for name in SOURCES]
    for path in files:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def path_for(directory: Path, key: str) -> Path:
    """Where the build of a given key is kept."""
    return directory / f"{PREFIX}{key[:24]}.pickle"


def load_or_build(directory: Path, build: Callable[[], T], kind: type[T], key: str = "") -> T:
    """The kept build when it is there and whole, else a new build, written for next time."""
    key = key or build_key()
    path = path_for(directory, key)
    if path.exists():
        try:
            return _read(path, key, kind)
        except Exception as exc:  # noqa: BLE001 - a damaged pickle raises almost anything
            log.warning(
                "extraction: the prebuilt dictionaries %s cannot be read (%s: %s); "
                "building them again",
                path,
                type(exc).__name__,
                exc,
            )
    built = build()
    _write(directory, path, key, built)
    return built


def _read(path: Path, key: str, kind: type[T]) -> T:
    # The collector would walk the growing heap again and again while a hundred thousand
    # objects are made; it has nothing to free here and doubles the time of the load.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(stored, tuple) and len(stored) == 3):
        raise ValueError("not a prebuilt dictionary file")
    if stored[0] != FORMAT or stored[1] != key:
        raise ValueError("made for other dictionaries or another version")
    if not isinstance(stored[2], kind):
        raise ValueError(f"holds a {type(stored[2]).__name__}, not a {kind.__name__}")
    return stored[2]


def _write(directory: Path, path: Path, key: str, built: object) -> None:
    """Write through a temporary file and a rename, so that a process reading at the same time
    sees the whole file or none; then remove the files of older keys."""
    temporary = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=directory, prefix=f".{PREFIX}", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            pickle.dump((FORMAT, key, built), handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        log.warning(
            "extraction: cannot keep the prebuilt dictionaries in %s (%s); "
            "each process builds them",
            directory,
            exc.strerror or exc,
        )
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return
    for old in directory.glob(f"{PREFIX}*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):  # another process may remove it first
                old.unlink()
