"""Bad input is refused on creation, with the field and the value in the message."""

import pytest

from marsad.forcegen import Caveat, MandateLimit, Pledge, Requirement, allocate


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"quantity": -5}, r"requirement R1\.quantity: -5"),
        ({"quantity": 0}, r"requirement R1\.quantity: 0"),
        ({"quantity": True}, r"requirement R1\.quantity: True"),
        ({"quantity": 2.5}, r"requirement R1\.quantity: 2\.5"),
        ({"task": "invasion"}, r"requirement R1\.task: unknown task 'invasion'"),
        ({"weight": 0}, r"requirement R1\.weight: 0 must be > 0"),
        ({"weight": float("nan")}, r"requirement R1\.weight: nan"),
        ({"capability": " "}, r"requirement R1\.capability"),
    ],
)
def test_requirement_refuses(kwargs, message):
    fields = {"id": "R1", "task": "security", "capability": "infantry", "quantity": 10}
    with pytest.raises(ValueError, match=message):
        Requirement(**{**fields, **kwargs})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"quantity": -1}, r"pledge P1\.quantity: -1"),
        ({"status": "promised"}, r"pledge P1\.status: unknown status 'promised'"),
        ({"nation": ""}, r"pledge P1\.nation"),
    ],
)
def test_pledge_refuses(kwargs, message):
    fields = {"id": "P1", "nation": "ITA", "capability": "infantry", "quantity": 10}
    with pytest.raises(ValueError, match=message):
        Pledge(**{**fields, **kwargs})


def test_a_negative_pledge_of_zero_is_allowed():
    assert Pledge(id="P1", nation="ITA", capability="infantry", quantity=0).quantity == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "no_boats"}, r"caveat C1\.kind: unknown kind 'no_boats'"),
        ({"kind": "geographic_limit"}, r"caveat C1\.areas: .* must list areas"),
        ({"kind": "task_exclusion"}, r"caveat C1\.tasks: .* must list tasks"),
        ({"kind": "time_limit"}, r"caveat C1\.until: .* needs a date"),
        ({"kind": "task_exclusion", "tasks": ["piracy"]}, r"caveat C1\.tasks: unknown 'piracy'"),
    ],
)
def test_caveat_refuses(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Caveat(**{"id": "C1", "nation": "ITA", **kwargs})


def test_caveat_sets_are_frozen_whatever_the_caller_passed():
    caveat = Caveat(id="C1", nation="ITA", kind="geographic_limit", areas=["PS0260", "PS0260"])
    assert caveat.areas == frozenset({"PS0260"})
    assert hash(caveat)


def test_mandate_limit_refuses_unknown_kinds():
    with pytest.raises(ValueError, match="unknown kind 'no_night_patrols'"):
        MandateLimit(kind="no_night_patrols")


def test_duplicate_ids_are_refused():
    r = Requirement(id="R1", task="security", capability="infantry", quantity=1)
    with pytest.raises(ValueError, match="requirements: id 'R1' is used twice"):
        allocate(requirements=[r, r], pledges=[])


def test_names_fall_back_to_task_capability_and_area():
    r = Requirement(id="R1", task="border_security", capability="infantry", quantity=1, area="X")
    assert r.name == "border security: infantry in X"
    assert Caveat(id="C1", nation="ITA", kind="no_ground_troops").name == "no ground troops"
