"""Governance: the legal basis of the force and the charter's signing."""

import pytest
from django.test import Client

from marsad.core.errors import InvalidInput
from marsad.governance.models import LegalInstrument
from marsad.governance.services import record_charter_action, record_instrument


def test_resolution_2803_as_the_demo_records_it(demo):
    resolution = LegalInstrument.objects.get(actor__key="UNSCR-2803")
    assert resolution.vote == "13–0–2"
    assert str(resolution.adopted) == "2025-11-17"
    assert str(resolution.authorised_until) == "2027-12-31"
    assert {a.key for a in resolution.abstainers.all()} == {"RUS", "CHN"}
    assert {"PLAN-20", "BOP", "ISF"} <= {a.key for a in resolution.endorses.all()}


def test_the_board_page_groups_charter_actions(demo):
    html = Client().get("/en/governance/").content.decode()
    assert 'data-action="not_signed"' in html
    assert 'data-action="open_to_amendments"' in html
    assert 'data-action="signed"' in html  # the United States, a founding member
    members = html.split("Members of the Board")[1].split("</section>")[0]
    assert "No supporting claim recorded." not in members
    assert "13–0–2" in html
    assert "2027-12-31" in html


def test_votes_must_add_up_and_dates_run_forward(demo, system):
    from marsad.core.services.actors import create_actor

    create_actor(
        by=system,
        key="UNSCR-9999",
        kind="agreement",
        name_ar="قرار",
        name_en="Resolution",
        marking="public",
    )
    with pytest.raises(InvalidInput, match="counts 2") as caught:
        record_instrument(
            by=system,
            actor_key="UNSCR-9999",
            kind="un_resolution",
            abstentions=2,
            abstainers=["FRA"],
            marking="public",
        )
    assert caught.value.problems[0].field == "abstainers"
    with pytest.raises(InvalidInput, match="ends before the adoption") as caught:
        record_instrument(
            by=system,
            actor_key="UNSCR-9999",
            kind="un_resolution",
            adopted="2025-11-17",
            authorised_until="2024-01-01",
            marking="public",
        )
    # The date as the user wrote it, not a Python repr such as datetime.date(2024, 1, 1).
    assert caught.value.problems[0].value == "2024-01-01"
    assert "datetime" not in str(caught.value)
    with pytest.raises(InvalidInput, match="must not be negative"):
        record_instrument(
            by=system,
            actor_key="UNSCR-9999",
            kind="un_resolution",
            votes_for="-1",
            marking="public",
        )
    with pytest.raises(InvalidInput, match="must be one of"):
        record_charter_action(
            by=system, charter="UNSCR-9999", actor_key="ITA", action="ignored", marking="public"
        )
    assert not LegalInstrument.objects.filter(actor__key="UNSCR-9999").exists()
