"""Scoring predicted claims against expected ones, shared by the gold-set and dev-set tests.

Matching rule (documented in docs/extraction.md): a predicted claim matches an expected claim of
the same passage when it has the same type, the same set of actor ids, the same set of recipient
ids, the same target, and, when the expected claim gives it, the same value of the type's main
attribute (MAIN below). Claims are paired greedily, one to one, in the order of the expected
claims. A "lenient" score also counts a pair whose actor and recipient sets only overlap (or
where the expected side is empty) and whose target agrees when both give one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

MAIN = {
    "invitation": "role",
    "membership_decision": "decision",
    "contribution": "kind",
    "legal_reservation": "basis",
    "caveat": "caveat",
    "charter_action": "action",
    "mandate_task": "task",
    "mandate_limit": "limit",
    "plan_announcement": None,
    "dispute": "topic",
    "attack": "means",
    "violation_accusation": None,
    "ceasefire_phase": "phase",
    "casualties": None,
    "statement": "stance",
    "comment_refusal": "kind",
    "corridor_status": "status",
    "aid_delivery": None,
    "other": None,
}


def main_value(claim: dict[str, Any]) -> Any:
    """The value of the type's main attribute, or None."""
    name = MAIN.get(claim.get("type", ""))
    if name is None:
        return None
    value = (claim.get("attributes") or {}).get(name)
    if value is None:
        value = claim.get("main")
    return str(value) if value is not None else None


def _ids(claim: dict[str, Any], key: str) -> set[str]:
    return set(claim.get(key) or [])


def matches(pred: dict[str, Any], gold: dict[str, Any], *, lenient: bool = False) -> bool:
    """Whether a predicted claim stands for an expected one (see the module docstring)."""
    if pred["type"] != gold["type"]:
        return False
    wanted = main_value(gold)
    if wanted is not None and main_value(pred) != wanted:
        return False
    for key in ("actor", "recipient"):
        got, want = _ids(pred, key), _ids(gold, key)
        if lenient:
            if want and got and not (got & want):
                return False
            if want and not got:
                return False
        elif got != want:
            return False
    got_target, want_target = pred.get("target"), gold.get("target")
    if lenient:
        return not (got_target and want_target and got_target != want_target)
    return got_target == want_target


def pair(
    predicted: list[dict[str, Any]], expected: list[dict[str, Any]], *, lenient: bool = False
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Greedy one-to-one pairs (predicted, expected)."""
    used: set[int] = set()
    pairs = []
    for gold in expected:
        for index, pred in enumerate(predicted):
            if index not in used and matches(pred, gold, lenient=lenient):
                used.add(index)
                pairs.append((pred, gold))
                break
    return pairs


@dataclass
class Tally:
    """True positives, false positives and false negatives per key (type, language, all)."""

    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(
        self,
        keys: list[str],
        predicted: list[dict[str, Any]],
        expected: list[dict[str, Any]],
        *,
        lenient: bool = False,
    ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        pairs = pair(predicted, expected, lenient=lenient)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for key in keys:
            for p, _ in pairs:
                self.tp[key] += 1
                self.tp[f"{key}/{p['type']}"] += 1
            for p in predicted:
                if id(p) not in matched_p:
                    self.fp[key] += 1
                    self.fp[f"{key}/{p['type']}"] += 1
            for g in expected:
                if id(g) not in matched_g:
                    self.fn[key] += 1
                    self.fn[f"{key}/{g['type']}"] += 1
        return pairs

    def prf(self, key: str) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and the number of expected claims for a key."""
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, tp + fn

    def table(self, keys: list[str]) -> str:
        lines = [f"{'':32} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
        for key in keys:
            p, r, f, n = self.prf(key)
            pred = self.tp[key] + self.fp[key]
            lines.append(f"{key:32} {p:6.2f} {r:6.2f} {f:6.2f} {n:5d} {pred:5d}")
        return "\n".join(lines)
