"""Plan writes refuse bad input with the field and value named (no demo)."""

import pytest

from marsad.core.errors import InvalidInput
from marsad.core.services.actors import create_actor
from marsad.plan.models import Precondition, ScoreChange
from marsad.plan.services import (
    create_plan,
    create_provision,
    provision_by_number,
    record_precondition,
    record_score,
)
from marsad.statements.services import record_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(system, states):
    for key, kind, ar, en in (
        ("PLAN-20", "plan", "الخطة", "Plan"),
        ("HAMAS", "armed_group", "حماس", "Hamas"),
    ):
        create_actor(by=system, key=key, kind=kind, name_ar=ar, name_en=en, marking="public")
    plan = create_plan(by=system, actor_key="PLAN-20", announced="2025-09-29", marking="public")
    for number in (1, 2):
        create_provision(
            by=system,
            plan=plan,
            number=number,
            summary_ar="نص",
            summary_en="Text",
            category="security",
            marking="public",
        )
    return plan


def test_a_dependency_on_a_missing_point_is_refused(system, plan):
    with pytest.raises(InvalidInput) as caught:
        create_provision(
            by=system,
            plan=plan,
            number=3,
            summary_ar="ن",
            summary_en="T",
            category="security",
            depends_on=[1, 21],
            marking="public",
        )
    problem = caught.value.problems[0]
    assert (problem.field, problem.value) == ("depends_on[1]", 21)
    assert "no point 21" in problem.message
    assert not plan.provisions.filter(number=3).exists()


@pytest.mark.parametrize(
    ("score", "on", "field", "message"),
    [
        (4, "2025-10-10", "score", "0, 1, 2 or 3"),
        ("-1", "2025-10-10", "score", "must not be negative"),
        ("high", "2025-10-10", "score", "whole number"),
        (2, "2025-01-01", "on", "before the plan was announced"),
        (2, "", "on", "required"),
    ],
)
def test_bad_scores_are_refused(system, plan, score, on, field, message):
    with pytest.raises(InvalidInput, match=message) as caught:
        record_score(
            by=system,
            provision=provision_by_number(system, plan, 1, "n"),
            score=score,
            on=on,
            marking="public",
        )
    assert caught.value.problems[0].field == field
    assert not ScoreChange.objects.exists()


def test_scores_take_any_digits(system, plan):
    change = record_score(
        by=system,
        provision=provision_by_number(system, plan, 1, "n"),
        score="٢",
        on="٢٠٢٥-١٠-١٠",
        marking="public",
    )
    assert (change.score, str(change.on)) == (2, "2025-10-10")


def test_a_precondition_must_cite_a_statement(system, plan):
    first, second = (
        provision_by_number(system, plan, 1, "n"),
        provision_by_number(system, plan, 2, "n"),
    )
    with pytest.raises(InvalidInput, match="must cite the statement") as caught:
        record_precondition(
            by=system,
            party="HAMAS",
            provision=first,
            after=second,
            statement=None,
            marking="public",
        )
    assert caught.value.problems[0].field == "statement"
    with pytest.raises(InvalidInput, match="no statement has this number"):
        record_precondition(
            by=system, party="HAMAS", provision=first, after=second, statement=999, marking="public"
        )
    said = record_statement(
        by=system, speaker="HAMAS", topic="plan", stance="reject", marking="public"
    )
    with pytest.raises(InvalidInput, match="cannot wait for itself"):
        record_precondition(
            by=system, party="HAMAS", provision=first, after=first, statement=said, marking="public"
        )
    record_precondition(
        by=system, party="HAMAS", provision=first, after=second, statement=said, marking="public"
    )
    assert Precondition.objects.count() == 1
