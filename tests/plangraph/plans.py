"""Small plans shared by the plan-graph tests: the Israel–Hamas dispute and friends."""

from __future__ import annotations

from marsad.plangraph import Dependency, Precondition, Provision

DISARM = Provision("disarmament", "disarmament")
WITHDRAW = Provision("withdrawal", "withdrawal")
REBUILD = Provision("reconstruction", "reconstruction")


def israel(pid: str, provision: str, after: str) -> Precondition:
    """Israel: `provision` only after `after`."""
    return Precondition(pid, "Israel", provision, after, f"statement-{pid}")


def hamas(pid: str, provision: str, after: str) -> Precondition:
    """Hamas: `provision` only after `after`."""
    return Precondition(pid, "Hamas", provision, after, f"statement-{pid}")


def party(name: str, pid: str, provision: str, after: str) -> Precondition:
    return Precondition(pid, name, provision, after, f"statement-{pid}")


def chain(*ids: str) -> list[Dependency]:
    """Dependencies ids[0] before ids[1] before …"""
    return [Dependency(a, b) for a, b in zip(ids, ids[1:], strict=False)]


# The seed case: Israel withdraws only after disarmament, Hamas disarms only after withdrawal.
SEQUENCING = [
    israel("israel-1", "withdrawal", "disarmament"),
    hamas("hamas-1", "disarmament", "withdrawal"),
]
