"""The whole JSON API against its own OpenAPI description (schemathesis): requests generated from
the schema, on the demo data, as an analyst and as the French liaison officer. Whatever the
input, every operation answers with a status and a body that its description announces, never
with a server error; bad input gets a 422 that names each field and value."""

import importlib
import inspect
from collections import defaultdict
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from ninja import Schema
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from marsad.api import api
from marsad.core.services.users import issue_token
from tests.conftest import SYSTEM

# A few generated requests per operation keep the suite's time budget; derandomize makes a
# failure come back on the next run.
EXAMPLES = 4
CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]
APPS = "core coalition governance mandate ceasefire access plan programs statements intake"

SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))
OPERATIONS: dict[str, list[Any]] = defaultdict(list)
for result in SCHEMA.get_all_operations():
    operation = result.ok()
    OPERATIONS[operation.path.split("/")[3]].append(operation)  # /api/v1/<area>/...


@pytest.fixture
def app() -> Any:
    """Marsad's WSGI application, called in the test's transaction: like Django's test client,
    it must not close the database connection at the start and end of each request (with
    PostgreSQL that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(demo_users: Any) -> list[dict[str, str]]:
    # Answers are read as sent: the WSGI call does not undo the GZip a client may ask for.
    return [
        {
            "Authorization": f"Bearer {issue_token(by=SYSTEM, user=demo_users[name])}",
            "Accept-Encoding": "identity",
        }
        for name in ("analyst", "fra")
    ]


@pytest.mark.parametrize("area", sorted(OPERATIONS))
def test_every_operation_keeps_its_description(area: str, app: Any, bearer: Any) -> None:
    for operation in OPERATIONS[area]:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case: Any) -> None:
            for headers in bearer:
                response = case.call(app=app, headers=headers)
                assert response.status_code < 500, (
                    f"{case.method} {case.path}: {response.status_code} {response.text}"
                )
                case.validate_response(response, checks=CHECKS)

        conforms()


def test_bad_query_parameters_name_the_field_and_value(demo: Any) -> None:
    response = Client().get("/api/v1/claims", {"page_size": "many"})
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "page_size"
    assert body["errors"][0]["value"] == "many"
    assert "page_size" in body["detail"]


def test_schema_names_are_unique_across_areas() -> None:
    """Two areas' schemas with one name would share one entry of the OpenAPI description, and
    one of them would be described wrongly."""
    modules: dict[str, set[str]] = defaultdict(set)
    for area in APPS.split():
        module = importlib.import_module(f"marsad.{area}.schemas")
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, Schema):
                if value.__module__ == module.__name__:
                    modules[name].add(module.__name__)
    assert {name: found for name, found in modules.items() if len(found) > 1} == {}
