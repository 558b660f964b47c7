"""History is data: any record can be read as it stood at a past moment."""

from datetime import timedelta

import pytest
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from marsad.core import history
from marsad.core.models import Actor
from marsad.core.services.actors import create_actor, update_actor

pytestmark = pytest.mark.django_db


def test_actor_known_on_a_past_moment(system, analyst):
    actor = create_actor(
        by=system,
        key="BOP",
        kind="body",
        name_ar="مجلس السلام",
        name_en="Board of Peace",
        marking="public",
    )
    between = timezone.now()
    update_actor(by=analyst, actor=actor, name_en="The Board of Peace")
    then = history.known_on(Actor, analyst, between).get(key="BOP")
    assert then.name_en == "Board of Peace"
    assert Actor.objects.get(key="BOP").name_en == "The Board of Peace"
    with pytest.raises(ObjectDoesNotExist):
        history.known_on(Actor, analyst, between - timedelta(days=1)).get(key="BOP")

    versions = history.versions(actor, analyst)
    assert [v.kind for v in versions] == ["changed", "created"]
    assert versions[0].changed == ("name_en",)
    assert versions[0].user == analyst.username


def test_history_respects_releasability(system, make_user):
    actor = create_actor(
        by=system, key="CELL-9", kind="group", name_ar="خلية", name_en="Cell", marking="internal"
    )
    reader = make_user("public")
    assert history.versions(actor, reader) == []
    assert not history.known_on(Actor, reader, timezone.now()).filter(key="CELL-9").exists()
