"""`marsad audit …`: verify the audit chain, take and check signed checkpoints, prove a row of an
import batch, print the public key, convert a log written before the chain had a key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from marsad.commandline import console, errors, fail, setup_django

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from marsad.core.audit import ChainReport

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


def _fail_broken(report: ChainReport, prefix: str = "") -> None:
    fail(
        escape(f"{prefix}audit chain broken after {report.checked} good entries: {report.problem}"),
        code=2,
    )


def _public_key(path: Path | None) -> Ed25519PublicKey:
    """The key given, else this machine's own: a copy kept elsewhere also proves that the key
    pair was not replaced along with the checkpoints."""
    from marsad.core.audit_keys import load_public_key, signing_key, signing_key_file

    if path is not None:
        try:
            return load_public_key(path.read_bytes())
        except (OSError, ValueError) as exc:
            fail(escape(f"{path} is not an Ed25519 public key: {exc}"))
    if not signing_key_file().exists():
        fail("no public key: give --public-key FILE (printed by `marsad audit public-key`)")
    errors.print("checked with this machine's own signing key (--public-key FILE is stronger)")
    return signing_key().public_key()


@audit_app.command("verify")
def audit_verify(
    checkpoints: Annotated[
        Path | None,
        typer.Option(
            "--checkpoints",
            help="Also prove that the log still extends every checkpoint in this file.",
        ),
    ] = None,
    public_key: Annotated[
        Path | None,
        typer.Option("--public-key", help="The public key that signed the checkpoints (PEM file)."),
    ] = None,
) -> None:
    """Check the keyed hash chain of the audit log; name the first entry (or checkpoint) that
    was altered, removed or moved. Exit code 2 when it fails."""
    setup_django()
    from marsad.core.audit import verify
    from marsad.core.audit_proof import CheckpointError, verify_with_checkpoints

    if checkpoints is None:
        report = verify()
    else:
        try:
            report = verify_with_checkpoints(checkpoints, _public_key(public_key))
        except CheckpointError as exc:
            fail(escape(f"checkpoints not proven: {exc}"), code=2)
    if not report.ok:
        _fail_broken(report)
    extends = f"; extends all {report.checkpoints} checkpoints" if checkpoints else ""
    console.print(f"[green]audit chain intact[/]: {report.checked} entries{extends}")


@audit_app.command("checkpoint")
def audit_checkpoint(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="File the line is appended to (default: var/audit-checkpoints.jsonl)."
        ),
    ] = None,
) -> None:
    """Verify the chain, sign its head and append it as one JSON line to a file; print the line.
    Keep copies where the database's administrators cannot write."""
    setup_django()
    from django.conf import settings

    from marsad.core.audit_keys import signing_key
    from marsad.core.audit_proof import CheckpointError, take_checkpoint

    path = out or Path(settings.AUDIT_CHECKPOINTS_FILE)
    try:
        report, line = take_checkpoint(path, signing_key())
    except CheckpointError as exc:
        fail(escape(f"no checkpoint taken: {exc}"), code=2)
    if not report.ok:
        _fail_broken(report, prefix="no checkpoint taken: ")
    typer.echo(line)
    errors.print(escape(f"checkpoint of entry #{report.checked} appended to {path}"))


@audit_app.command("prove")
def audit_prove(
    model: Annotated[str, typer.Argument(help="The record type, e.g. access.Consignment.")],
    pk: Annotated[int, typer.Argument(help="The record's number (primary key).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the proof as JSON.")] = False,
) -> None:
    """Prove that a record written by an import was written in its batch as its history says:
    the batch's entry, the Merkle root the chain holds and the row's path to it (exit code 2
    when it cannot be proven). Run `marsad audit verify` to prove the chain itself."""
    setup_django()
    import json

    from marsad.core.audit_batches import NotProven, prove

    try:
        found = prove(model, pk)
    except NotProven as exc:
        fail(escape(str(exc)), code=2)
    if as_json:
        typer.echo(json.dumps(found.as_dict()))
        return
    console.print(
        f"{escape(found.entry.model)} {pk} is row {found.index + 1} of {found.rows} of the batch "
        f"in audit entry #{found.entry.seq} ({found.entry.at:%Y-%m-%d %H:%M:%S} UTC, "
        f"{escape(found.entry.user)}): its path of {len(found.steps)} hashes leads to the root "
        f"the entry holds, {found.root.hex()}"
    )


@audit_app.command("public-key")
def audit_public_key() -> None:
    """Print the public key that verifies checkpoints (PEM); keep a copy off this machine."""
    setup_django()
    from marsad.core.audit_keys import key_id, public_key_pem, signing_key

    public = signing_key().public_key()
    typer.echo(public_key_pem(public), nl=False)
    errors.print(f"key id: {key_id(public)}")


@audit_app.command("rekey")
def audit_rekey(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before converting.")] = False,
) -> None:
    """Once, after upgrading: check a log written before Marsad kept an audit key by its old
    unkeyed rule, then re-hash every entry with the key. Exit code 2 if the old rule fails."""
    setup_django()
    from marsad.core.audit_rekey import plan_rekey, rekey
    from marsad.core.services.base import SystemUser

    plan = plan_rekey()
    if not plan.ok:
        fail(escape(f"nothing converted: {plan.problem}"), code=2)
    if not plan.unkeyed:
        console.print(f"all {plan.entries} entries are keyed already: nothing to convert")
        return
    console.print(
        f"{plan.unkeyed} of {plan.entries} entries have unkeyed hashes and are intact by the old "
        f"rule; the unkeyed head is #{plan.unkeyed}, {plan.unkeyed_head}"
    )
    if not yes and not typer.confirm("Re-hash every entry with the audit key?"):
        raise typer.Exit(1)
    done = rekey(by=SystemUser("system:audit-rekey"))
    if not done.ok:
        fail(escape(f"nothing converted: {done.problem}"), code=2)
    console.print(
        f"[green]re-hashed {done.entries} entries[/]; now take a checkpoint "
        "(`marsad audit checkpoint`) and keep it off this machine"
    )
