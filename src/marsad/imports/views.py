"""Imports from the pages: upload a file, follow the import as the worker runs it, download what
it did with each row."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from marsad.core.errors import InvalidInput
from marsad.core.releasability import Marking
from marsad.imports import selectors, services
from marsad.imports.models import ImportKind, ImportRun
from marsad.web.problems import explain


def _writers_only(request: HttpRequest) -> None:
    if not getattr(request.user, "can_write", False):
        raise PermissionDenied(_("Only analysts and administrators import files."))


def index(request: HttpRequest) -> HttpResponse:
    _writers_only(request)
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise InvalidInput.one("file", "", "choose a file to import")
            run = services.start(
                by=request.user,
                kind=request.POST.get("kind", ""),
                name=upload.name or "",
                chunks=upload.chunks(),
                size=upload.size or 0,
                marking=request.POST.get("marking", ""),
                releasable_to=request.POST.get("releasable_to", "").split(","),
                source=request.POST.get("source", ""),
            )
        except InvalidInput as error:
            messages.error(request, explain(error))
        else:
            messages.success(request, _("The file is kept and its import has started."))
            return redirect("imports:run", pk=run.pk)
    return render(
        request,
        "imports/index.html",
        {
            "page": Paginator(selectors.runs(request.user), 25).get_page(request.GET.get("page")),
            "kinds": ImportKind.choices,
            "markings": Marking.choices,
            "chosen": request.POST if request.method == "POST" else {},
        },
    )


def _run(request: HttpRequest, pk: int) -> ImportRun:
    try:
        return selectors.run(request.user, pk)
    except ImportRun.DoesNotExist:
        raise Http404(_("No import with this number.")) from None


def _state(request: HttpRequest, pk: int) -> dict[str, object]:
    return {"run": _run(request, pk), "awaiting": selectors.records_awaiting_search(request.user)}


def run(request: HttpRequest, pk: int) -> HttpResponse:
    _writers_only(request)
    return render(request, "imports/run.html", _state(request, pk))


def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The run's state alone, which the run page asks for every second while it runs."""
    _writers_only(request)
    return render(request, "imports/_progress.html", _state(request, pk))


def report(request: HttpRequest, pk: int) -> FileResponse:
    if not getattr(request.user, "can_write", False):
        raise Http404(_("No import with this number."))
    found = _run(request, pk)
    path = services.report_file(found)
    if not path.exists():
        raise Http404(_("This import has no report yet."))
    name = f"{found.kind}-{found.pk}-report.csv"
    return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type="text/csv")
