"""The search entries of an import, written a column at a time by the indexing job after each
batch commits (core.search.backlog), are the entries a record written on its own gets: compared
field by field with entries built here from the records as stored and `index_terms` itself, and
with a rebuild of the index."""

import pytest
from django.forms.models import model_to_dict

from marsad.access.imports import import_unrwa
from marsad.access.models import Consignment
from marsad.ceasefire.imports import import_acled
from marsad.ceasefire.models import Incident
from marsad.core.models import Actor, SearchBacklog, SearchEntry, SearchEntryActor
from marsad.core.search import registry
from marsad.core.search.services import reindex
from marsad.core.search.text import index_terms
from marsad.core.services.actors import create_actor

from ...access import aid_fixture
from ...ceasefire import acled_fixture

pytestmark = pytest.mark.django_db


def _entries(kind):
    """Every entry of `kind` with its actor links, by record id (ids left out)."""
    found = {}
    for entry in SearchEntry.objects.filter(kind=kind):
        row = model_to_dict(entry, exclude=["id"])
        links = SearchEntryActor.objects.filter(entry=entry).values_list("actor_id", flat=True)
        found[entry.record_id] = {**row, "actors": sorted(links)}
    return found


def _names(actor):
    return [actor.name_ar, actor.name_en, *(actor.aliases_ar or []), *(actor.aliases_en or [])]


def _expected(kind, record):
    """The entry of one stored record, built from its kind's `entry` and `index_terms`."""
    entry = kind.entry(record)
    actor_ids = sorted(set(entry.actor_ids))
    names = [n for actor in Actor.objects.filter(pk__in=actor_ids) for n in _names(actor)]
    if entry.governorate:
        for actor in Actor.objects.filter(pcode=entry.governorate):
            names += _names(actor)
    parts = [entry.title_ar, entry.title_en, entry.body, *entry.names, *names]
    return {
        "kind": kind.key,
        "record_id": kind.record_id(record),
        "link": entry.link,
        "title_ar": entry.title_ar,
        "title_en": entry.title_en,
        "body": entry.body,
        "terms": " ".join(t for part in parts if part for t in index_terms(part)),
        "day": entry.day,
        "claim_type": entry.claim_type,
        "source_id": entry.source_id,
        "grade": entry.grade,
        "governorate": entry.governorate,
        "marking": record.marking,
        "releasable_to": record.releasable_to,
        "actors": actor_ids,
    }


@pytest.fixture
def named(system, states):
    """Actors an ACLED row names: a force and a governorate, each with an alias."""
    for key, kind, name_ar, name_en, pcode in (
        ("IDF", "force", "الجيش الإسرائيلي", "Israel Defense Forces", ""),
        ("PS0270", "place", "خان يونس", "Khan Younis", "PS0270"),
    ):
        create_actor(
            by=system,
            key=key,
            kind=kind,
            pcode=pcode,
            name_ar=name_ar,
            name_en=name_en,
            aliases_en=[name_en.upper()],
            marking="public",
        )


def _rows():
    notes = [
        "On 12 November 2025, an air strike hit a house in Bani Suheila.",
        "غارة على خان يونس وبيت لاهيا، ونقل 3 مصابين إلى مستشفى ناصر",
        "",
    ]
    actors = ["Military Forces of Israel (2022-)", "Hamas Movement", "Civilians (Palestine)"]
    places = [("Khan Yunis", "31.3436", "34.3225"), ("Gaza City", "31.52", "34.45")]
    rows = []
    for i in range(12):
        admin2, latitude, longitude = places[i % 2]
        rows.append(
            acled_fixture.row(
                f"SRCH{i}",
                notes=notes[i % 3],
                actor1=actors[i % 2],
                actor2=actors[2] if i % 4 else "",
                inter2="Civilians" if i % 4 else "",
                admin2=admin2,
                latitude=latitude,
                longitude=longitude,
            )
        )
    return rows


def test_an_imported_incident_s_entry_is_the_entry_of_the_record_as_stored(
    system, named, tmp_path, django_capture_on_commit_callbacks
):
    path = acled_fixture.write(tmp_path / "a.csv", _rows())
    # The batches' commits start the indexing job (run at once by the tests' job system).
    with django_capture_on_commit_callbacks(execute=True) as started:
        report = import_acled(by=system, path=path, marking="public", batch_size=5)
    assert report.created == 12
    # One job for the import's three batches.
    assert sum(getattr(f, "search_backlog_job", False) for f in started) == 1
    assert not SearchBacklog.objects.exists()
    kind = registry.for_model(Incident)
    written = _entries("incident")
    expected = {str(incident.pk): _expected(kind, incident) for incident in Incident.objects.all()}
    assert written == expected
    assert any(entry["actors"] for entry in written.values())
    reindex(["incident"])
    assert _entries("incident") == written


def test_an_imported_consignment_s_entry_is_the_entry_of_the_record_as_stored(
    system, states, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"))
    assert not SearchBacklog.objects.exists()
    kind = registry.for_model(Consignment)
    written = _entries("consignment")
    stored = Consignment.objects.select_related("crossing", "source")
    assert len(written) == 5
    assert written == {str(c.pk): _expected(kind, c) for c in stored}
    reindex(["consignment"])
    assert _entries("consignment") == written
