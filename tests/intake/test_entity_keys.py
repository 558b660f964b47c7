"""Dictionary keys for entities read from the text (intake/entity_keys.py)."""

from __future__ import annotations

import re

from marsad.intake.entity_keys import dictionary_key, keyed

KEY = re.compile(r"^[A-Z0-9-]+$")


def test_a_name_read_from_the_text_gets_a_key_of_the_dictionary_kind():
    person = dictionary_key("PERSON:أنطوان غانم")
    place = dictionary_key("PLACE:القاع")
    assert KEY.match(person)
    assert person.startswith("PERSON-")
    assert KEY.match(place)
    assert place.startswith("PLACE-")
    assert dictionary_key("PERSON:أنطوان  غانم") == person  # spacing is not a new person
    assert dictionary_key("PERSON:Alan Johnston") != person
    assert dictionary_key("ISR") == "ISR"
    group = dictionary_key("GROUP:جبهة تحرير أزواد")
    assert KEY.match(group)
    assert group.startswith("GROUP-")
    assert dictionary_key("ORG:International Crisis Group").startswith("ORG-")
    assert dictionary_key("BODY:مجلس النواب").startswith("BODY-")
    assert dictionary_key("MEDIA:وول ستريت جورنال").startswith("MEDIA-")


def test_every_id_an_extraction_uses_is_keyed_and_nothing_else_changes():
    extraction = {
        "entities": [
            {"id": "PERSON:أنطوان غانم", "kind": "person", "parent": None, "mentions": [[0, 10]]},
            {"id": "PLACE:القاع", "kind": "place", "parent": None, "mentions": [[20, 25]]},
            {"id": "ISR", "kind": "state", "parent": None, "mentions": []},
        ],
        "claims": [
            {
                "id": "c1",
                "type": "attack",
                "actor": ["ISR"],
                "recipient": ["PERSON:أنطوان غانم"],
                "target": None,
                "where": {"entity": "PLACE:القاع", "pcode": None, "text": "القاع"},
                "attribution": {"source": None, "source_kind": "unknown", "cue": None},
            }
        ],
    }
    out = keyed(extraction)
    ids = {e["id"] for e in out["entities"]}
    (claim,) = out["claims"]
    assert claim["recipient"][0] in ids
    assert KEY.match(claim["recipient"][0])
    assert claim["where"]["entity"] in ids
    assert claim["where"]["text"] == "القاع"
    assert claim["actor"] == ["ISR"]
    assert extraction["claims"][0]["recipient"] == ["PERSON:أنطوان غانم"]  # the input is kept
