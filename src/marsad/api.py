"""The JSON API under /api/v1/, with its OpenAPI description at /api/docs."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from marsad.access.api import router as access_router
from marsad.ceasefire.api import router as ceasefire_router
from marsad.coalition.api import router as coalition_router
from marsad.core.api import router as core_router
from marsad.core.auth import ApiAuth, InvalidToken
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.governance.api import router as governance_router
from marsad.intake.api import router as intake_router
from marsad.mandate.api import router as mandate_router
from marsad.plan.api import router as plan_router
from marsad.programs.api import router as programs_router
from marsad.statements.api import router as statements_router

api = NinjaAPI(
    title="Marsad API",
    version="1",
    description=(
        "Source-attributed records of the International Stabilization Force. Send "
        "`Authorization: Bearer <token>` (tokens come from `marsad createuser`); without it you "
        "read public records only. Every read is filtered by releasability."
    ),
    auth=ApiAuth(),
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("/v1/", core_router, tags=["core"])
api.add_router("/v1/coalition/", coalition_router)
api.add_router("/v1/governance/", governance_router)
api.add_router("/v1/mandate/", mandate_router)
api.add_router("/v1/ceasefire/", ceasefire_router)
api.add_router("/v1/access/", access_router)
api.add_router("/v1/plan/", plan_router)
api.add_router("/v1/programs/", programs_router)
api.add_router("/v1/", statements_router)
api.add_router("/v1/intake/", intake_router)


@api.exception_handler(InvalidInput)
def invalid_input(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=422)


@api.exception_handler(NotAllowed)
def not_allowed(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(InvalidToken)
def invalid_token(request: HttpRequest, exc: InvalidToken) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=401)


@api.exception_handler(ObjectDoesNotExist)
def not_found(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return api.create_response(
        request, {"detail": "not found, or not releasable to you"}, status=404
    )
