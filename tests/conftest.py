"""Shared fixtures: users of each role, a small world of states, sources and documents."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from marsad.core.models import Document, User
from marsad.core.roles import Role
from marsad.core.services.actors import create_actor, create_source
from marsad.core.services.base import SystemUser
from marsad.core.services.documents import submit_document

# Property tests judge behaviour, never time: a loaded machine (CI runs two workers, and a
# benchmark may run beside them) must not fail a test for drawing or running slowly.
settings.register_profile("marsad", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("marsad")

SYSTEM = SystemUser("system:test")
PASSWORD = "a-long-test-passphrase-42"

# What a test names that reaches the database under test; pytest-django refuses any other
# test's query, so a test naming none of these gives the same result on every database.
_DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "live_server", "django_db_setup", "_django_db_helper"}
)


def _uses_database(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(names & _DATABASE_FIXTURES)


def _repeats_on_another_database(item: pytest.Item) -> bool:
    """Whether a test is worth running again when the suite repeats on a second database: it
    uses the database, and if it drives a browser it records through the pages (`writes`). A
    browser test that only reads checks what the browser draws, which the database does not
    change; the server's answers to the same requests are tested on both by the view tests."""
    if not _uses_database(item):
        return False
    in_browser = "e2e" in item.nodeid.split("/")
    return not in_browser or item.get_closest_marker("writes") is not None


def _length(item: pytest.Item) -> int:
    marker = item.get_closest_marker("long")
    # a minute when the marker gives no length
    return -marker.kwargs.get("seconds", 60) if marker else 0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The workers take the files in this order (--dist loadfile): the long ones first, longest
    # first, so that no worker starts one when the other is nearly done. The sort is stable.
    items.sort(key=_length)
    # `make test` sets MARSAD_TEST_SECOND_DATABASE for its PostgreSQL run, after the whole suite
    # has run on SQLite: only the tests whose result can depend on the database run again.
    if not os.environ.get("MARSAD_TEST_SECOND_DATABASE"):
        return
    kept, dropped = [], []
    for item in items:
        (kept if _repeats_on_another_database(item) else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Messages outside a request are asserted in English, whatever an earlier test in the same
    thread left active (the test client's requests activate the language they ask for and leave
    it). A test about Arabic messages activates Arabic itself."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Cached pages and figures belong to one test's database."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def system() -> SystemUser:
    return SYSTEM


@pytest.fixture
def states(db: Any) -> None:
    """Italy, France and the United States, public."""
    for iso3, ar, en in (
        ("ITA", "إيطاليا", "Italy"),
        ("FRA", "فرنسا", "France"),
        ("USA", "الولايات المتحدة", "United States"),
    ):
        create_actor(
            by=SYSTEM, key=iso3, kind="state", iso3=iso3, name_ar=ar, name_en=en, marking="public"
        )


@pytest.fixture
def make_user(db: Any, states: None) -> Callable[..., User]:
    from marsad.core.services.users import create_user

    def make(role: str, nation: str = "", username: str = "") -> User:
        return create_user(
            by=SYSTEM,
            username=username or f"{role}-{nation or 'x'}".lower(),
            role=role,
            nation=nation,
            password=PASSWORD,
        )

    return make


@pytest.fixture
def analyst(make_user: Callable[..., User]) -> User:
    return make_user(Role.ANALYST)


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.ADMIN)


@pytest.fixture
def liaison_ita(make_user: Callable[..., User]) -> User:
    return make_user(Role.LIAISON, "ITA")


@pytest.fixture
def liaison_fra(make_user: Callable[..., User]) -> User:
    return make_user(Role.LIAISON, "FRA")


@pytest.fixture
def wire(db: Any, states: None) -> Any:
    """A public media source."""
    return create_source(
        by=SYSTEM,
        key="WIRE",
        name_ar="وكالة الأنباء",
        name_en="The Wire",
        kind="media",
        reliability="B",
        marking="public",
    )


@pytest.fixture
def make_document(wire: Any) -> Callable[..., Document]:
    counter = iter(range(1, 10_000))

    def make(
        text: str = "", marking: str = "public", nations: tuple[str, ...] = (), language: str = ""
    ) -> Document:
        text = text or f"كشفت تقارير أن الولايات المتحدة دعت إيطاليا. رقم {next(counter)}"
        document, _ = submit_document(
            by=SYSTEM,
            title="وثيقة",
            text=text,
            source=wire,
            language=language,
            published="2025-11-20",
            marking=marking,
            releasable_to=list(nations),
        )
        return document

    return make


@pytest.fixture(scope="module")
def demo_world(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """The demo scenario, loaded once per test module inside a transaction rolled back at the
    module's end; each test still runs in its own savepoint. Once a test of a module has used
    it, the module's later tests see the demo too: keep demo and non-demo tests in separate
    modules."""
    from django.db import transaction

    from marsad.core.demo.loader import load_demo

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_world: Any, db: Any) -> Any:
    return demo_world


@pytest.fixture
def demo_users(demo: Any) -> dict[str, User]:
    """One user of each role; the liaison officers serve Italy and France."""
    from marsad.core.services.users import create_user

    made = {}
    for name, role, nation in (
        ("admin", "admin", ""),
        ("analyst", "analyst", ""),
        ("ita", "liaison", "ITA"),
        ("fra", "liaison", "FRA"),
        ("reader", "public", ""),
    ):
        made[name] = create_user(
            by=SYSTEM, username=name, role=role, nation=nation, password=PASSWORD
        )
    return made
