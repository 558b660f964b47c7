"""Reading a text file for extraction: UTF-8 (a byte-order mark is dropped), or a clear message
naming what is wrong with it (empty, binary, UTF-16 or another encoding, too large, unreadable).

Files above MAX_BYTES are refused rather than read: extraction itself works block by block, but
the whole text must be held to report offsets and its sha256. This module imports nothing of the
extractor, so that what only reads files (an ingest's reader) does not load the extractor.
"""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024


def _too_large(size: int, max_bytes: int) -> ValueError:
    return ValueError(
        f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB): "
        "split it into smaller files"
    )


def read_text(path: Path, *, max_bytes: int | None = None) -> str:
    """The text of a file, or ValueError with a message an analyst can act on."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if not path.exists():
        raise ValueError("no such file")
    if not path.is_file():
        raise ValueError("not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(size, max_bytes)  # refused before it is read
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror or exc})") from exc
    return decode_text(data, max_bytes=max_bytes)


def decode_text(data: bytes, *, max_bytes: int | None = None) -> str:
    """The text of a file's bytes (a file on disk, an archive's member), or ValueError with a
    message an analyst can act on."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    if not data.strip():
        raise ValueError("empty file")
    other = other_encoding(data)
    if other:
        raise ValueError(f"{other} text, not UTF-8; convert it to UTF-8")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _legacy_guess(data)
        raise ValueError(
            f"not UTF-8 text (invalid byte at offset {exc.start}{guess}); convert it to UTF-8"
        ) from exc
    if not text.strip():
        raise ValueError("empty file")
    return text


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)


def other_encoding(data: bytes) -> str | None:
    """The name of a Unicode encoding other than UTF-8 that the bytes are written in, from a
    byte-order mark or, without one, from the NUL bytes every other byte of UTF-16 has."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[: 4096 - 4096 % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    # The high byte of Latin (0x00) or Arabic (0x06) letters in UTF-16; both are control
    # characters that a text in UTF-8 hardly ever holds.
    if _high_bytes(odd) > 0.5 and _high_bytes(even) == 0:
        return "UTF-16 (little-endian, no byte-order mark)"
    if _high_bytes(even) > 0.5 and _high_bytes(odd) == 0:
        return "UTF-16 (big-endian, no byte-order mark)"
    return None


def _high_bytes(half: bytes) -> float:
    return (half.count(0) + half.count(6)) / len(half)


def _legacy_guess(data: bytes) -> str:
    """A hint at the 8-bit code page of a text that is not UTF-8: Windows-1256 when its high
    bytes read as Arabic letters, else a Western code page."""
    high = [b for b in data[:65536] if b >= 0x80]
    if not high:
        return ""
    arabic = sum(1 for ch in bytes(high).decode("cp1256", "replace") if "\u0600" <= ch <= "\u06ff")
    if arabic > 0.6 * len(high):
        return "; it looks like Windows-1256 (Arabic)"
    return "; it looks like Latin-1 or Windows-1252"
