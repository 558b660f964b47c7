"""A kept page with holes, compressed once: each answer sends GZip without compressing the page.

The text between the holes is compressed when the page is kept, with the compressor's memory
emptied at every hole (a full flush), so that no compressed piece points back into another.
Each answer then lays the pieces end to end with its own fillings between them, sent as stored
(uncompressed) blocks of the same DEFLATE stream, and closes the GZip member with the checksum
of the whole. Besides saving the compression of the whole page at every answer, what is
secret in a filling (the CSRF token) is never compressed with anything else, so its length
cannot leak through the compressed size (BREACH).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Sequence

# A stored block holds at most this many bytes.
_STORED_MAX = 0xFFFF
# GZip's header: magic, DEFLATE, no flags, no time, no extra flags, unknown system.
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def split(content: bytes, markers: dict[str, str]) -> tuple[list[bytes], list[str]]:
    """The texts between the markers (one more than the holes), and the name of each hole in
    order; `markers` maps each marker to its hole's name."""
    if not markers:
        return [content], []
    pattern = re.compile("(" + "|".join(re.escape(m) for m in markers) + ")")
    parts = pattern.split(content.decode("utf-8"))
    texts = [part.encode("utf-8") for part in parts[0::2]]
    return texts, [markers[found] for found in parts[1::2]]


def deflate(texts: Sequence[bytes], level: int = 6) -> list[bytes]:
    """Each text as raw DEFLATE, each piece ending on a byte with the memory emptied, the last
    one closing the stream."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    pieces = []
    for number, text in enumerate(texts):
        end = zlib.Z_FINISH if number == len(texts) - 1 else zlib.Z_FULL_FLUSH
        pieces.append(compressor.compress(text) + compressor.flush(end))
    return pieces


def _stored(data: bytes) -> bytes:
    blocks = []
    for start in range(0, len(data), _STORED_MAX):
        chunk = data[start : start + _STORED_MAX]
        blocks.append(b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk)
    return b"".join(blocks)


def joined(texts: Sequence[bytes], fillings: Sequence[bytes]) -> bytes:
    """The page: each text followed by its hole's filling."""
    return b"".join(_interleaved(texts, fillings))


def gzipped(
    texts: Sequence[bytes], deflated: Sequence[bytes], fillings: Sequence[bytes], name: bytes = b""
) -> bytes:
    """The page as one GZip member, from its texts compressed ahead (`deflate`) and this
    answer's fillings; `name`, when given, is written as the member's file name (a padding of
    random length, as Django's GZip adds)."""
    out = [_HEADER[:3] + (b"\x08" if name else b"\x00") + _HEADER[4:]]
    if name:
        out.append(name.replace(b"\x00", b"") + b"\x00")
    checksum = size = 0
    for number, piece in enumerate(deflated):
        if number:
            filling = fillings[number - 1]
            if filling:
                out.append(_stored(filling))
            checksum = zlib.crc32(filling, checksum)
            size += len(filling)
        out.append(piece)
        checksum = zlib.crc32(texts[number], checksum)
        size += len(texts[number])
    out.append(struct.pack("<II", checksum, size & 0xFFFFFFFF))
    return b"".join(out)


def _interleaved(texts: Sequence[bytes], fillings: Sequence[bytes]) -> list[bytes]:
    out = [texts[0]]
    for filling, text in zip(fillings, texts[1:], strict=True):
        out.extend((filling, text))
    return out
