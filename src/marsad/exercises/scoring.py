"""Scoring a trainee's claims against the scenario's ground truth: plain functions of the
claims' contract shape, no database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from statistics import median
from typing import Any


def matches(spec: Mapping[str, Any], claim_type: str, claim: Mapping[str, Any]) -> bool:
    """Whether `claim` (contract shape) is the expected claim: its type, and every part the
    truth names (actors and recipients among the claim's, the target, each attribute, the
    best figure of killed)."""
    if claim.get("type") != claim_type:
        return False
    for name in ("actor", "recipient"):
        if not set(spec.get(name, [])) <= set(claim.get(name) or []):
            return False
    if "target" in spec and claim.get("target") != spec["target"]:
        return False
    attributes = claim.get("attributes") or {}
    if any(attributes.get(k) != v for k, v in (spec.get("attributes") or {}).items()):
        return False
    if "killed" in spec:
        killed = ((claim.get("figures") or {}).get("killed") or {}).get("best")
        if killed != spec["killed"]:
            return False
    return True


def pair(
    truths: Iterable[tuple[str, str, Mapping[str, Any]]], claims: Iterable[Mapping[str, Any]]
) -> tuple[set[str], int]:
    """Match accepted `claims` to `truths` (key, type, spec) one to one, in order: the truth
    keys found, and how many claims matched none (wrongly accepted)."""
    open_truths = list(truths)
    found: set[str] = set()
    wrong = 0
    for claim in claims:
        for index, (key, claim_type, spec) in enumerate(open_truths):
            if matches(spec, claim_type, claim):
                found.add(key)
                del open_truths[index]
                break
        else:
            wrong += 1
    return found, wrong


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def middle(values: list[float]) -> float | None:
    return float(median(values)) if values else None
