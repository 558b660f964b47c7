"""An import batch's audit entry holds a Merkle root over its rows; any row is proven part of the
batch from its history, and a row changed behind Marsad's back can no longer be proven."""

import json

import pytest
from typer.testing import CliRunner

from marsad.access.imports import import_unrwa
from marsad.access.models import Consignment
from marsad.cli import app
from marsad.core import merkle
from marsad.core.audit_batches import NotProven, prove
from marsad.core.models import AuditEntry
from tests.access import aid_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def trucks(system, states, tmp_path):
    import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"), batch_size=2)
    return list(Consignment.history.model.objects.values_list("id", flat=True).distinct())


def test_each_batch_entry_holds_the_root_of_its_rows(trucks):
    batches = AuditEntry.objects.filter(model="access.Consignment", action="import")
    assert batches.count() == 3  # five trucks, two by two
    after = json.loads(batches.first().after)
    assert len(after["pks"]) == len(after["ids"]) == 2
    assert len(after["merkle_root"]) == 64


def test_every_row_is_proven_with_a_path_a_reader_can_check(trucks):
    for pk in trucks:
        found = prove("access.Consignment", pk)
        assert merkle.verify(found.leaf, found.steps, found.root)
        assert found.root.hex() == json.loads(found.entry.after)["merkle_root"]


def test_a_row_changed_behind_marsads_back_is_not_proven(trucks):
    pk = trucks[0]
    # Someone with the database's password rewrites the row and its history.
    Consignment.history.model.objects.filter(id=pk).update(trucks=40)
    with pytest.raises(NotProven, match="do not give the root"):
        prove("access.Consignment", pk)


def test_the_command_prints_the_proof_or_says_why_not(trucks):
    result = CliRunner().invoke(
        app, ["audit", "prove", "access.Consignment", str(trucks[1]), "--json"]
    )
    assert result.exit_code == 0, result.output
    proof = json.loads(result.output)
    assert proof["rows"] == 2
    missing = CliRunner().invoke(app, ["audit", "prove", "access.Consignment", "999999"])
    assert missing.exit_code == 2
    assert "no batch entry" in missing.output
    unknown = CliRunner().invoke(app, ["audit", "prove", "nothing.Here", "1"])
    assert unknown.exit_code == 2


def test_incidents_of_an_acled_batch_are_proven(system, states, tmp_path):
    from marsad.ceasefire.imports import import_acled
    from marsad.ceasefire.models import Incident
    from tests.ceasefire import acled_fixture

    import_acled(by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public")
    pks = list(Incident.history.model.objects.values_list("id", flat=True).distinct())
    assert pks
    for pk in pks:
        assert prove("ceasefire.Incident", pk).rows == len(pks)
