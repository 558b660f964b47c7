"""The JSON API under /api/v1/, with its OpenAPI description at /api/docs."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from pydantic import BaseModel

from marsad.access.api import router as access_router
from marsad.ceasefire.api import router as ceasefire_router
from marsad.coalition.api import router as coalition_router
from marsad.core.api import router as core_router
from marsad.core.auth import ApiAuth, InvalidToken
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.schemas import Error, FieldError
from marsad.core.search.api import router as search_router
from marsad.core.search_api import router as searches_router
from marsad.extraction.contract import Problem
from marsad.extraction.numerals import BEYOND_RANGE, storable
from marsad.governance.api import router as governance_router
from marsad.imports.api import router as imports_router
from marsad.intake.api import router as intake_router
from marsad.mandate.api import router as mandate_router
from marsad.notify.api import router as notify_router
from marsad.plan.api import router as plan_router
from marsad.programs.api import router as programs_router
from marsad.reports.api import router as reports_router
from marsad.statements.api import router as statements_router

# The refusals any operation may answer with, besides its own responses.
ERRORS = {
    "401": "The bearer token is unknown, expired or revoked.",
    "403": "Your role does not allow this action.",
    "404": "Not found, or not releasable to you.",
    "413": "The request body is larger than Marsad accepts.",
    "422": "Bad input: each field, the value given and what is wrong with it.",
}


class MarsadAPI(NinjaAPI):
    """The API, whose description also announces the refusals every operation may give."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            {
                "FieldError": FieldError.model_json_schema(),
                "Error": _with_refs(Error.model_json_schema()),
            }
        )
        body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for item in schema["paths"].values():
            for operation in item.values():
                responses = operation.setdefault("responses", {})
                declared = {str(code) for code in responses}
                for code, description in ERRORS.items():
                    if code not in declared:
                        responses[code] = {"description": description, "content": body}
        return schema

    def validation_error_from_error_contexts(self, error_contexts: Any) -> ValidationError:
        """Ninja drops the value that failed; a refusal must name it, so it is kept (except for
        a missing field, whose "value" would be the whole enclosing object)."""
        errors = []
        for context in error_contexts:
            model = context.model
            for item in context.pydantic_validation_error.errors(include_url=False):
                loc = model.__ninja_flatten_map_reverse__.get(item["loc"], item["loc"])
                value = None if item["type"] == "missing" else item.get("input")
                errors.append(
                    {
                        "loc": (model.__ninja_param_source__, *loc),
                        "msg": item["msg"],
                        "input": value,
                    }
                )
        return ValidationError(errors)


def _with_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """pydantic puts nested models under $defs; the OpenAPI description keeps them in
    components."""
    schema = dict(schema)
    schema.pop("$defs", None)
    schema["properties"]["errors"]["items"] = {"$ref": "#/components/schemas/FieldError"}
    return schema


api = MarsadAPI(
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


def _unstorable_number(value: Any, field: str) -> Problem | None:
    """The first whole number beyond a database column's range, or infinite or NaN number,
    among an operation's parsed parameters and body, with the name the client gave it."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            key = info.alias or name
            found = _unstorable_number(getattr(value, name), f"{field}.{key}" if field else key)
            if found:
                return found
    elif isinstance(value, dict):
        for key, item in value.items():
            found = _unstorable_number(item, f"{field}.{key}" if field else str(key))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _unstorable_number(item, f"{field}[{index}]")
            if found:
                return found
    elif isinstance(value, bool):
        return None
    elif isinstance(value, int) and not storable(value):
        return Problem(field, value, BEYOND_RANGE)
    elif isinstance(value, float) and not math.isfinite(value):
        return Problem(field, str(value), "must be a finite number")
    return None


def refuse_unstorable_numbers(view: Callable[..., Any]) -> Callable[..., Any]:
    """Applied to every operation once its input is parsed, so that only what the operation
    takes as a number is checked (a number in a text field is text). Query parameters and
    body fields are named as the client wrote them: an operation's query model is flattened
    into the query string, and its body is the JSON object itself."""

    @functools.wraps(view)
    def checked(request: HttpRequest, **values: Any) -> Any:
        for name, value in values.items():
            found = _unstorable_number(value, "" if isinstance(value, BaseModel) else name)
            if found:
                raise InvalidInput(found)
        return view(request, **values)

    return checked


api.add_decorator(refuse_unstorable_numbers)
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
api.add_router("/v1/reports/", reports_router)
api.add_router("/v1/", imports_router)
api.add_router("/v1/", notify_router)
api.add_router("/v1/", searches_router)
api.add_router("/v1/", search_router)


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


@api.exception_handler(Http404)
def no_such_path(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(
        request, {"detail": "not found, or not releasable to you"}, status=404
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Requests that do not fit an operation's parameters are refused like the services'
    bad input: each field, its value and what is wrong."""
    problems = [
        Problem(
            ".".join(str(part) for part in error.get("loc", ())[1:]) or "request",
            error.get("input"),
            error.get("msg", "invalid"),
        )
        for error in exc.errors
    ]
    return invalid_input(request, InvalidInput(problems))
