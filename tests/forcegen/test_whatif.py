"""Decision support (marsad.forcegen.whatif): the gain of meeting each unmet legal condition,
checked by hand, and what blocks each gap."""

from marsad.forcegen import Caveat, Pledge, Requirement
from marsad.forcegen.whatif import what_if

NAMES = {"ITA": "Italy", "IDN": "Indonesia"}


def _world():
    requirements = [
        Requirement(
            id="R-police",
            task="police_training",
            capability="police_trainers",
            quantity=400,
            weight=2.0,
            label="train police",
        ),
        Requirement(
            id="R-security",
            task="security",
            capability="infantry",
            quantity=1000,
            weight=3.0,
            label="secure Rafah",
        ),
    ]
    pledges = [
        Pledge(
            id="P-ita",
            nation="ITA",
            capability="police_trainers",
            quantity=200,
            conditions_met=False,
            condition="parliamentary approval",
        ),
        Pledge(id="P-idn", nation="IDN", capability="infantry", quantity=500),
        Pledge(id="P-egy", nation="EGY", capability="infantry", quantity=300),
    ]
    caveats = [Caveat(id="C-egy", nation="EGY", kind="no_ground_troops", text="no ground troops")]
    return requirements, pledges, caveats


def test_meeting_a_condition_gains_its_units_and_points():
    requirements, pledges, caveats = _world()
    found = what_if(requirements=requirements, pledges=pledges, caveats=caveats)
    # As it stands: 500 of 1,000 infantry (weight 3) and no trainers (weight 2): 1.5 / 5.
    assert round(found.base_percent, 6) == 30.0
    (gain,) = found.gains
    assert (gain.nation, gain.condition, gain.pledge_ids) == (
        "ITA",
        "parliamentary approval",
        ("P-ita",),
    )
    assert gain.units == (("police_trainers", 200),)
    # 200 of 400 trainers at weight 2 is 1.0 of 5: twenty points.
    assert round(gain.points, 6) == 20.0
    assert gain.describe(names=NAMES) == (
        "Italy's parliamentary approval: +200 police trainers, +20.0 points"
    )


def test_each_gap_names_what_blocks_it():
    requirements, pledges, caveats = _world()
    found = what_if(requirements=requirements, pledges=pledges, caveats=caveats)
    blockers = {b.requirement_id: b for b in found.blockers}
    assert blockers["R-police"].conditions == (("ITA", "parliamentary approval"),)
    assert blockers["R-police"].caveats == ()
    assert blockers["R-security"].caveats == (("C-egy", "no ground troops"),)
    assert blockers["R-security"].missing == 500


def test_nothing_waits_when_every_condition_is_met():
    requirements, pledges, caveats = _world()
    met = [
        Pledge(id=p.id, nation=p.nation, capability=p.capability, quantity=p.quantity)
        for p in pledges
    ]
    found = what_if(requirements=requirements, pledges=met, caveats=caveats)
    assert found.gains == ()
    assert round(found.base_percent, 6) == 50.0
