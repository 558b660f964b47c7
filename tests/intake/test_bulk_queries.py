"""Accepting many claims in one action costs a bounded number of queries per claim: the review
states are written at once, the decisions stored at once; only each claim's grade and effects
are its own."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from marsad.core.models import Claim
from marsad.intake import workflow
from tests.intake.test_workbench import SENTENCE, _claims

# What one more plain claim may cost: its grade (the claims of its event) and its effects.
PER_CLAIM = 8


def _accept_queries(make_document, analyst, n):
    document = make_document(SENTENCE * n + "ب" * n)
    claims = _claims(document, n)
    with CaptureQueriesContext(connection) as ctx:
        workflow.decide_many(by=analyst, claims=[c.pk for c in claims], state="accepted")
    assert set(Claim.objects.filter(document=document).values_list("review_state", flat=True)) == {
        "accepted"
    }
    return len(ctx.captured_queries)


def test_accepting_twenty_claims_costs_a_bounded_number_of_queries_per_claim(
    make_document, analyst
):
    five = _accept_queries(make_document, analyst, 5)
    twenty = _accept_queries(make_document, analyst, 20)
    assert twenty - five <= 15 * PER_CLAIM, (five, twenty)
