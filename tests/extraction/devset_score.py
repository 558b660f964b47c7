"""Scores the extractor on the wide development set (tests/extraction/devset/*.jsonl).

The set names actors by ISO code or project id where one exists and otherwise by the words of
the text ("حزب الله", "RSF"), so it does not depend on the ids the dictionaries happen to use. A
gold name stands for a predicted entity when it is the entity's id, one of its names, or when
its first occurrence in the text overlaps one of the entity's mentions. A state and its army
are one party here (the rules give strikes to the army, the set often names the state: "IDF"
for "ISR", the Sudanese army for "SDN").

Matching (see docs/annotation.md): same type, same main attribute when the gold gives one, same
modality (asserted unless the gold says otherwise); "lenient" roles: when the gold names actors
(or recipients, or a target) the prediction must name at least one of them, and a prediction
may add a party the gold leaves out; "strict" roles: the same sets. Claims pair greedily, one to
one.

Regenerate docs/extraction-scores.md (written by devset_report.py) with:
    .venv/bin/python -m tests.extraction.devset_score --write
Score a held-out set kept in another directory, before it joins this one:
    .venv/bin/python -m tests.extraction.devset_score --figures DIR
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.extraction.extract import extract

DEVSET = Path(__file__).resolve().parent / "devset"
SCORES = Path(__file__).resolve().parents[2] / "docs" / "extraction-scores.md"
MAIN = {
    "attack": "means",
    "protest": "form",
    "statement": "stance",
    "contribution": "kind",
    "comment_refusal": "kind",
    "membership_decision": "decision",
    "corridor_status": "status",
}
_SAME = {"IDF": "ISR"}
ASSAULT = ("attack", "casualties")


@lru_cache(maxsize=1)
def passages() -> list[dict[str, Any]]:
    """Every passage of the set, in file order."""
    found = []
    for path in sorted(DEVSET.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(json.loads(line))
    return found


class Resolver:
    """Whether a gold name stands for a predicted entity id in one passage."""

    def __init__(self, text: str, entities: list[dict[str, Any]]) -> None:
        self.text = text
        self.entities = {e["id"]: e for e in entities}

    def same(self, gold: str, pred: str) -> bool:
        if _SAME.get(gold, gold) == _SAME.get(pred, pred):
            return True
        entity = self.entities.get(pred)
        if entity is None:
            return False
        if entity.get("kind") == "force" and entity.get("parent") == gold:
            return True  # a state's army stands for the state, as the IDF does for Israel
        folded = gold.casefold()
        if folded in (str(entity.get("name_en", "")).casefold(), entity.get("name_ar")):
            return True
        at = self.text.find(gold)
        if at < 0:
            at = self.text.casefold().find(folded)
        if at < 0 and gold.startswith("ال"):
            gold = gold[2:]  # "للحوثيين" holds "الحوثيين" without its article
            at = self.text.find(gold)
        if at < 0:
            return False
        end = at + len(gold)
        return any(a < end and at < b for a, b in entity.get("mentions", []))

    def overlap(self, gold: list[str], pred: list[str]) -> bool:
        return any(self.same(g, p) for g in gold for p in pred)

    def equal(self, gold: list[str], pred: list[str]) -> bool:
        return all(any(self.same(g, p) for p in pred) for g in gold) and all(
            any(self.same(g, p) for g in gold) for p in pred
        )


def _roles(claim: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    target = claim.get("target")
    return (
        list(claim.get("actor") or []),
        list(claim.get("recipient") or []),
        [target] if target else [],
    )


def matches(
    pred: dict[str, Any],
    gold: dict[str, Any],
    res: Resolver,
    *,
    strict: bool,
    roles: bool = True,
) -> bool:
    if pred["type"] != gold["type"]:
        return False
    name = MAIN.get(gold["type"])
    if name and gold.get("main") and (pred.get("attributes") or {}).get(name) != gold["main"]:
        return False
    if pred.get("modality", "asserted") != gold.get("modality", "asserted"):
        return False
    if not roles:
        return True
    p_actor, p_recipient, p_target = _roles(pred)
    g_actor, g_recipient, g_target = _roles(gold)
    if pred["type"] == "attack":
        # the contract's attack target is its recipient; either field may carry it
        p_recipient = list(dict.fromkeys(p_recipient + p_target))
        g_recipient = list(dict.fromkeys(g_recipient + g_target))
        p_target = g_target = []
    for want, got in ((g_actor, p_actor), (g_recipient, p_recipient), (g_target, p_target)):
        if strict:
            if not res.equal(want, got):
                return False
        elif want and not res.overlap(want, got):
            return False
    return True


def pair(
    predicted: list[dict[str, Any]],
    expected: list[dict[str, Any]],
    res: Resolver,
    *,
    strict: bool,
    roles: bool = True,
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    used: set[int] = set()
    pairs = []
    for gold in expected:
        for index, pred in enumerate(predicted):
            if index not in used and matches(pred, gold, res, strict=strict, roles=roles):
                used.add(index)
                pairs.append((pred, gold))
                break
    return pairs


class Tally:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add(self, keys: list[str], predicted: list[Any], expected: list[Any], pairs: list[Any]):
        hit_p = {id(p) for p, _ in pairs}
        hit_g = {id(g) for _, g in pairs}
        for key in keys:
            for p, _ in pairs:
                self.tp[key] += 1
                self.tp[f"{key}/{p['type']}"] += 1
            for p in predicted:
                if id(p) not in hit_p:
                    self.fp[key] += 1
                    self.fp[f"{key}/{p['type']}"] += 1
            for g in expected:
                if id(g) not in hit_g:
                    self.fn[key] += 1
                    self.fn[f"{key}/{g['type']}"] += 1

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _asserted_assault(claims: list[dict[str, Any]]) -> bool:
    return any(c["type"] in ASSAULT and c.get("modality", "asserted") == "asserted" for c in claims)


@lru_cache(maxsize=1)
def evaluation() -> dict[str, Any]:
    """Run the extractor over the set once and count everything the report gives."""
    lenient, strict, typed = Tally(), Tally(), Tally()
    assault: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for passage in passages():
        text, lang = passage["text"], passage["language"]
        out = extract(text, language=lang, published=date.fromisoformat(passage["published"]))
        res = Resolver(text, out["entities"])
        predicted, expected = out["claims"], passage["claims"]
        pairs = pair(predicted, expected, res, strict=False)
        lenient.add(["all", lang, f"{lang}:{passage['region']}"], predicted, expected, pairs)
        strict.add(["all", lang], predicted, expected, pair(predicted, expected, res, strict=True))
        untyped = pair(predicted, expected, res, strict=False, roles=False)
        typed.add(["all", lang], predicted, expected, untyped)
        if len(pairs) < len(expected) or len(pairs) < len(predicted):
            misses.append(passage["id"])
        # assault detection per passage (the set's passages are one or two sentences)
        want, got = _asserted_assault(expected), _asserted_assault(predicted)
        for key in (lang, "all"):
            assault[key]["tp" if want and got else "fp" if got else "fn" if want else "tn"] += 1
        _targets(predicted, expected, res, lang, counts)
        _entities(passage, out, lang, counts)
        for pred, gold in pairs:
            if gold["type"] == "casualties":
                for measure, best in (gold.get("figures") or {}).items():
                    if best is None:
                        continue
                    counts[f"{lang}:figures"] += 1
                    got_best = (pred.get("figures", {}).get(measure) or {}).get("best")
                    counts[f"{lang}:figures_ok"] += got_best == best
                if gold.get("period"):
                    counts[f"{lang}:period"] += 1
                    counts[f"{lang}:period_ok"] += (pred.get("attributes") or {}).get(
                        "period"
                    ) == gold["period"]
    return {
        "lenient": lenient,
        "strict": strict,
        "typed": typed,
        "assault": assault,
        "counts": counts,
        "misses": misses,
    }


def _targets(
    predicted: list[dict[str, Any]],
    expected: list[dict[str, Any]],
    res: Resolver,
    lang: str,
    counts: Counter[str],
) -> None:
    """Gold claims that name whom the act is aimed at (recipient or target), and whether a
    prediction of the same type names it."""
    for gold in expected:
        _, g_recipient, g_target = _roles(gold)
        wanted = g_recipient + g_target
        if not wanted:
            continue
        counts[f"{lang}:targets"] += 1
        for pred in predicted:
            if pred["type"] != gold["type"]:
                continue
            _, p_recipient, p_target = _roles(pred)
            if res.overlap(wanted, p_recipient + p_target):
                counts[f"{lang}:targets_ok"] += 1
                break


def _entities(passage: dict[str, Any], out: dict[str, Any], lang: str, counts: Counter[str]):
    text = passage["text"]
    for group in ("indomain", "person"):
        for name in passage.get("entities", {}).get(group, []):
            at = text.find(name)
            if at < 0:
                continue
            end = at + len(name)
            counts[f"{lang}:{group}"] += 1
            found = any(
                a < end and at < b
                for entity in out["entities"]
                if group != "person" or entity["kind"] == "person"
                for a, b in entity["mentions"]
            )
            counts[f"{lang}:{group}_ok"] += found


def _share(counts: Counter[str], key: str) -> tuple[float, int]:
    total = counts[key]
    return (counts[f"{key}_ok"] / total if total else 0.0), total


def figures() -> dict[str, float]:
    """The headline figures the tests hold floors for."""
    result = evaluation()
    counts = result["counts"]
    out: dict[str, float] = {}
    for lang in ("ar", "en", "all"):
        out[f"claims_f1.{lang}"] = result["lenient"].prf(lang)[2]
        out[f"claims_strict_f1.{lang}"] = result["strict"].prf(lang)[2]
        out[f"claims_typed_f1.{lang}"] = result["typed"].prf(lang)[2]
        a = result["assault"][lang]
        p = a["tp"] / (a["tp"] + a["fp"]) if a["tp"] + a["fp"] else 0.0
        r = a["tp"] / (a["tp"] + a["fn"]) if a["tp"] + a["fn"] else 0.0
        out[f"assault_f1.{lang}"] = 2 * p * r / (p + r) if p + r else 0.0
    for lang in ("ar", "en"):
        for name in ("targets", "indomain", "person"):
            out[f"{name}.{lang}"] = _share(counts, f"{lang}:{name}")[0]
    return out


def main(argv: list[str]) -> int:
    from tests.extraction.devset_report import report

    if "--figures" in argv:
        # the headline figures of one directory of passages: a held-out set kept outside the
        # project until it has been scored
        global DEVSET
        DEVSET = Path(argv[argv.index("--figures") + 1])
        print(json.dumps({k: round(v, 3) for k, v in figures().items()}, indent=1))
        return 0
    text = report()
    if "--write" in argv:
        SCORES.write_text(text, encoding="utf-8")
    if "--misses" in argv:
        print(" ".join(evaluation()["misses"]))
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
