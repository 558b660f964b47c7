"""API of statements: who said what, and who would not say."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from marsad.core.api import Page
from marsad.core.schemas import Error
from marsad.statements import selectors, services
from marsad.statements.schemas import StatementIn, StatementOut

router = Router(tags=["statements"])


class Filters(Schema):
    actor: str = ""
    stance: str = ""
    refusal: str = ""
    topic: str = ""
    refusals_only: bool = False


@router.get("/statements", response=list[StatementOut], summary="Statements and refusals, filtered")
@paginate(Page)
def list_statements(request: HttpRequest, filters: Query[Filters]) -> Any:
    parsed = selectors.StatementFilters.parse(filters.dict())
    return selectors.statements(request.auth, parsed)  # type: ignore[attr-defined]


@router.post(
    "/statements",
    response={201: StatementOut, 403: Error, 422: Error},
    summary="Record a statement or a refusal",
)
def create_statement(request: HttpRequest, payload: StatementIn) -> Any:
    return Status(201, services.record_statement(by=request.auth, **payload.dict()))  # type: ignore[attr-defined]
