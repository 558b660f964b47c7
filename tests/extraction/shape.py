"""A small structural check of extraction output against the published JSON schema (the subset
of JSON Schema the contract uses), since jsonschema is not installed, plus the rules the schema
cannot say: every id a claim uses is an entity, every claim passes contract.check_claim, and
every offset lies inside the text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from marsad.extraction.contract import check_claim

SCHEMA_PATH = (
    Path(__file__).resolve().parents[3] / "shared" / "contracts" / "extraction-v1.schema.json"
)
_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "null": type(None),
    "boolean": bool,
    "number": (int, float),
}


def _type_ok(value: Any, wanted: str | list[str]) -> bool:
    names = [wanted] if isinstance(wanted, str) else wanted
    for name in names:
        if name == "integer" and isinstance(value, bool):
            continue
        if isinstance(value, _TYPES[name]):
            return True
    return False


def validate(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Breaches of `schema` by `value`, each naming where it is."""
    errors: list[str] = []
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: must be {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if "type" in schema and not _type_ok(value, schema["type"]):
        return errors + [f"{where}: {value!r} is not {schema['type']}"]
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: too short")
    if isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{where}: below {schema['minimum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: missing {key}")
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += validate(item, properties[key], f"{where}.{key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += validate(item, schema["additionalProperties"], f"{where}.{key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: more than {schema['maxItems']} items")
        prefix = schema.get("prefixItems", [])
        for index, item in enumerate(value):
            if index < len(prefix):
                errors += validate(item, prefix[index], f"{where}[{index}]")
            elif "items" in schema:
                errors += validate(item, schema["items"], f"{where}[{index}]")
    return errors


def schema() -> dict[str, Any] | None:
    """The published schema, or None when ../shared is not beside the checkout."""
    if not SCHEMA_PATH.exists():
        return None
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def problems(out: dict[str, Any], text: str) -> list[str]:
    """Everything wrong with one extraction result for `text` (empty when it is right)."""
    found: list[str] = []
    loaded = schema()
    if loaded is not None:
        found += validate(out, loaded)
    for key in ("contract", "document", "entities", "claims"):
        if key not in out:
            found.append(f"missing {key}")
    if found:
        return found
    if out["document"]["chars"] != len(text):
        found.append("document.chars is not the length of the text")
    ids = {e["id"] for e in out["entities"]}
    for entity in out["entities"]:
        for start, end in entity["mentions"]:
            if not 0 <= start < end <= len(text):
                found.append(f"mention {start}-{end} of {entity['id']} outside the text")
    for index, claim in enumerate(out["claims"]):
        if claim["id"] != f"c{index + 1}":
            found.append(f"claim {index} has id {claim['id']}")
        found += [f"{claim['id']}: {p}" for p in check_claim(claim, text_length=len(text))]
        used = [*claim["actor"], *claim["recipient"], claim["target"]]
        used += [claim["attribution"]["source"], claim["where"]["entity"]]
        for actor_id in used:
            if actor_id is not None and actor_id not in ids:
                found.append(f"{claim['id']}: {actor_id} is not among the entities")
    return found
