"""The audit log's two keys, kept outside the database beside Django's secret key.

- The chain key (HMAC-SHA256): without it nobody can compute an entry's hash, so an altered,
  inserted or rewritten entry cannot be made to fit the chain. `MARSAD_AUDIT_KEY` or
  `<var>/audit_key`.
- The signing key (Ed25519): signs checkpoints of the chain's head; its public half verifies
  them on any machine. `<var>/audit_signing_key` (PEM), or the file `MARSAD_AUDIT_SIGNING_KEY`
  names.

Both files are created with owner-only access on first use. The chain key is created only while
the log is empty: a key made afresh for a log that already has entries would hide the loss of the
real one until the next check, and every entry written meanwhile would have to be re-hashed.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from marsad.secret import write_once

# Shorter overrides are refused: the key is the only thing between a database writer and a
# chain that verifies.
MIN_KEY_CHARS = 32
_chain_keys: dict[Path, bytes] = {}


def chain_key_file() -> Path:
    return Path(settings.AUDIT_KEY_FILE)


def chain_key(*, create: bool = False) -> bytes | None:
    """The HMAC key of the chain, or None when it does not exist and `create` is false."""
    override = settings.AUDIT_KEY
    if override:
        if len(override) < MIN_KEY_CHARS:
            raise ImproperlyConfigured(f"MARSAD_AUDIT_KEY must be {MIN_KEY_CHARS}+ characters")
        return override.encode("utf-8")
    path = chain_key_file()
    if path not in _chain_keys:
        if not path.exists() and not create:
            return None
        write_once(path, secrets.token_urlsafe(50))
        _chain_keys[path] = path.read_text(encoding="ascii").strip().encode("ascii")
    return _chain_keys[path]


def chain_key_for_writing() -> bytes:
    """The chain key, created if it does not exist yet: for an empty log, or a conversion."""
    key = chain_key(create=True)
    if key is None:
        raise ImproperlyConfigured(f"the audit key {chain_key_file()} could not be created")
    return key


def missing_chain_key_message(entries: int) -> str:
    return (
        f"the audit key {chain_key_file()} is missing but the audit log holds {entries} "
        "entries: restore the key file from its backup (or set MARSAD_AUDIT_KEY); a log "
        "written before Marsad kept an audit key is converted once with `marsad audit rekey`"
    )


def signing_key_file() -> Path:
    return Path(settings.AUDIT_SIGNING_KEY_FILE)


def signing_key() -> Ed25519PrivateKey:
    """The checkpoint signing key, created on first use."""
    path = signing_key_file()
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        write_once(path, pem.decode("ascii"))
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{path} does not hold an Ed25519 private key")
    return key


def public_key_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    """Read a public key printed by `marsad audit public-key`; ValueError when it is not one."""
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def key_id(key: Ed25519PublicKey) -> str:
    """A short name of a public key, written in each checkpoint it signs."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]
