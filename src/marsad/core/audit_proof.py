"""Signed checkpoints of the audit chain: proof, held outside the database, that the log still
holds everything it held when each checkpoint was taken.

The keyed chain shows any entry altered, inserted or reordered, but not a log cut short with
its head row moved back, nor a log deleted whole: the database alone cannot tell what it no
longer holds. A checkpoint is one JSON line (format 1):

    {"at": "<UTC time>", "hash": "<hash of entry #seq>", "key_id": "<16 hex>", "seq": N,
     "sig": "<base64 Ed25519 signature>", "v": 1}

signed over `SIGNED_PREFIX` and the canonical JSON of every other field. Kept on another
machine, printed, or in a write-once store, the lines prove that entry #seq still has that hash
and that the log goes on at least that far.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from marsad.core.audit import ChainReport, canonical_json, verify
from marsad.core.audit_keys import key_id
from marsad.core.models.audit import GENESIS_HASH

VERSION = 1
# Binds a signature to this use, so no other message signed by the key reads as a checkpoint.
SIGNED_PREFIX = b"marsad-audit-checkpoint/1\n"
HASH = re.compile(r"[0-9a-f]{64}")


class CheckpointError(Exception):
    """A checkpoint file that cannot be trusted as it is: missing, malformed, edited."""


@dataclass(frozen=True)
class Checkpoint:
    line: int
    seq: int
    hash: str
    at: str

    def __str__(self) -> str:
        return f"checkpoint on line {self.line} (entry #{self.seq}, {self.at})"


def signed_line(report: ChainReport, key: Ed25519PrivateKey) -> str:
    """The checkpoint of a verified chain's head, as one JSON line."""
    payload = {
        "v": VERSION,
        "seq": report.checked,
        "hash": report.head_hash,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "key_id": key_id(key.public_key()),
    }
    signature = key.sign(SIGNED_PREFIX + canonical_json(payload).encode("utf-8"))
    return canonical_json({**payload, "sig": base64.b64encode(signature).decode("ascii")})


def append_line(path: Path, line: str) -> None:
    """Append and sync: a checkpoint reported as taken must survive a crash."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"its {name!r} is missing or not a {kind.__name__}")
    return value


def _parse(line: int, text: str) -> tuple[Checkpoint, dict[str, Any], bytes, str]:
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("it is not a JSON object")
        if _field(data, "v", int) != VERSION:
            raise ValueError(f"its format {data['v']!r} is not {VERSION}")
        seq, digest = _field(data, "seq", int), _field(data, "hash", str)
        if seq < 0 or not HASH.fullmatch(digest):
            raise ValueError("its sequence or hash is malformed")
        signature = base64.b64decode(_field(data, "sig", str), validate=True)
        checkpoint = Checkpoint(line, seq, digest, _field(data, "at", str))
        return checkpoint, data, signature, _field(data, "key_id", str)
    except (ValueError, binascii.Error) as exc:
        raise CheckpointError(f"line {line} is not a checkpoint: {exc}") from exc


def parse_checkpoint(line: int, text: str, public_key: Ed25519PublicKey) -> Checkpoint:
    """Read one line and check its signature; CheckpointError names the line when it fails."""
    checkpoint, data, signature, signer = _parse(line, text)
    expected = key_id(public_key)
    if signer != expected:
        raise CheckpointError(
            f"{checkpoint} was signed by key {signer}, not by the public key given ({expected})"
        )
    signed = {name: value for name, value in data.items() if name != "sig"}
    try:
        public_key.verify(signature, SIGNED_PREFIX + canonical_json(signed).encode("utf-8"))
    except InvalidSignature:
        raise CheckpointError(
            f"{checkpoint}: the signature does not match: the line was edited"
        ) from None
    return checkpoint


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CheckpointError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckpointError(f"{path} cannot be read: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def read_checkpoints(path: Path, public_key: Ed25519PublicKey) -> list[Checkpoint]:
    """Every checkpoint of `path`, each signature checked; an empty file proves nothing."""
    checkpoints = [parse_checkpoint(n, text, public_key) for n, text in _lines(path)]
    if not checkpoints:
        raise CheckpointError(f"{path} holds no checkpoint")
    return checkpoints


def checkpoint_problem(checkpoint: Checkpoint, report: ChainReport) -> str:
    """Why the verified chain of `report` does not extend `checkpoint` (empty when it does)."""
    if checkpoint.seq > report.checked:
        return (
            f"{checkpoint} is not in the log: the log now ends at entry #{report.checked}: "
            "entries were removed"
        )
    found = report.hashes.get(checkpoint.seq, GENESIS_HASH)
    if found != checkpoint.hash:
        return (
            f"{checkpoint}: entry #{checkpoint.seq} no longer has the hash signed then: "
            "the log was rewritten"
        )
    return ""


def verify_with_checkpoints(path: Path, public_key: Ed25519PublicKey) -> ChainReport:
    """Verify the chain, and that it still extends every checkpoint in `path`."""
    checkpoints = read_checkpoints(path, public_key)
    report = verify(at={checkpoint.seq for checkpoint in checkpoints})
    if not report.ok:
        return report
    for checkpoint in checkpoints:
        problem = checkpoint_problem(checkpoint, report)
        if problem:
            return dataclasses.replace(report, ok=False, problem=problem, seq=checkpoint.seq)
    return dataclasses.replace(report, checkpoints=len(checkpoints))


def take_checkpoint(path: Path, key: Ed25519PrivateKey) -> tuple[ChainReport, str]:
    """Verify the chain (and that it extends the checkpoints already in `path`), then sign its
    head and append the line. A broken chain is reported and never signed."""
    has_lines = path.exists() and any(_lines(path))
    report = verify_with_checkpoints(path, key.public_key()) if has_lines else verify()
    if not report.ok:
        return report, ""
    line = signed_line(report, key)
    append_line(path, line)
    return report, line
