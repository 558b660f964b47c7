"""Dictionary keys for the entities the extractor reads from the text itself.

A person, place, group, body or outlet no dictionary holds is named by the extractor `PERSON:<name
as written>`, `PLACE:<…>`, `GROUP:<…>`, `ORG:<…>`, `BODY:<…>` or `MEDIA:<…>` (the prefixes of
`gazetteer.READ_KINDS`). An actor's key is upper-case letters, digits and hyphens, so intake gives
such an entity the key `PERSON-<12 hex digits>` (or `PLACE-…`, `GROUP-…` …) made from its name and
the marking of the document it was read in. Without this, every claim naming such an entity was
refused by the key's check.

The name comes from the document, not from the project's dictionary, so the actor made of it is
marked as the document is: a name read in a document released to Italy alone is not made public.
The same name read in documents marked alike is one actor; read in a public document, it is
another, public one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from marsad.extraction.gazetteer import READ_KINDS

READ_FROM_TEXT = tuple(READ_KINDS)


def read_from_text(entity_id: str) -> bool:
    return entity_id.startswith(READ_FROM_TEXT)


def dictionary_key(entity_id: str, marking: str = "public", nations: Iterable[str] = ()) -> str:
    """The actor key of an extracted entity id read in a document of this marking (the id
    itself for a dictionary entity)."""
    for prefix in READ_FROM_TEXT:
        if entity_id.startswith(prefix):
            name = " ".join(entity_id[len(prefix) :].split())
            scope = "|".join([name, marking, *sorted(nations)])
            digest = hashlib.sha256(scope.encode("utf-8")).hexdigest()[:12].upper()
            return f"{prefix[:-1]}-{digest}"
    return entity_id


def keyed(
    extraction: Mapping[str, Any], marking: str = "public", nations: Iterable[str] = ()
) -> dict[str, Any]:
    """The extraction of a document of this marking with every entity id it uses (entities,
    their parents, the claims' parties, targets, places and sources) given as a dictionary key;
    an entity read from the text carries the marking its actor is to be created with."""
    nations = sorted(nations)

    def key(value: Any) -> Any:
        return dictionary_key(value, marking, nations) if isinstance(value, str) else value

    out = dict(extraction)
    out["entities"] = [
        {
            **entity,
            "id": key(entity["id"]),
            "parent": key(entity.get("parent")),
            **({"marking": marking, "nations": nations} if read_from_text(entity["id"]) else {}),
        }
        for entity in extraction.get("entities", [])
    ]
    claims = []
    for claim in extraction.get("claims", []):
        claim = dict(claim)
        for field in ("actor", "recipient"):
            if isinstance(claim.get(field), list):
                claim[field] = [key(v) for v in claim[field]]
        if "target" in claim:
            claim["target"] = key(claim["target"])
        if isinstance(claim.get("where"), Mapping):
            claim["where"] = {**claim["where"], "entity": key(claim["where"].get("entity"))}
        if isinstance(claim.get("attribution"), Mapping):
            source = claim["attribution"].get("source")
            claim["attribution"] = {**claim["attribution"], "source": key(source)}
        claims.append(claim)
    out["claims"] = claims
    return out
