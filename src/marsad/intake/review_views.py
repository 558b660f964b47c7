"""The review workbench's pages: many claims accepted or rejected in one action, the last
action undone, a document given to an analyst, a claim's discussion thread. Thin shells over
`workflow` (writes) and `selectors` (reads)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.core.models import Claim, Document, ReviewState
from marsad.intake import workflow
from marsad.web.problems import explain


def _require_writer(request: HttpRequest) -> None:
    if not getattr(request.user, "can_write", False):
        raise PermissionDenied(_("Only analysts and administrators review claims."))


def _document(request: HttpRequest, pk: int) -> Document:
    try:
        return core.document(request.user, pk)
    except Document.DoesNotExist:
        raise Http404(_("No document with this number is visible to you.")) from None


def _back(request: HttpRequest, default: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def report(request: HttpRequest, outcome: workflow.Outcome, state: str) -> None:
    """Tell the reviewer what one action did, in the interface's language."""
    for line in outcome.effects:
        messages.success(request, line)
    n = len(outcome.decided)
    if state == ReviewState.ACCEPTED:
        text = ngettext("%(n)s claim accepted.", "%(n)s claims accepted.", n)
    else:
        text = ngettext("%(n)s claim rejected.", "%(n)s claims rejected.", n)
    messages.success(request, text % {"n": n})
    for pk, _state in outcome.skipped:
        messages.warning(request, _("Claim %(n)s was reviewed already; left as it is.") % {"n": pk})


@login_required
@require_POST
def bulk(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    _require_writer(request)
    action = request.POST.get("action", "")
    state = {"accept": ReviewState.ACCEPTED, "reject": ReviewState.REJECTED}.get(action)
    review_url = reverse("intake:review", kwargs={"pk": document.pk})
    if state is None:
        messages.error(request, _("Unknown action."))
        return redirect(review_url)
    try:
        outcome = workflow.decide_many(
            by=request.user,
            claims=request.POST.getlist("claim"),
            state=state,
            reason=request.POST.get("reason", ""),
        )
    except InvalidInput as error:
        messages.error(request, explain(error))
    else:
        report(request, outcome, state)
    return redirect(review_url)


@login_required
@require_POST
def undo(request: HttpRequest) -> HttpResponse:
    _require_writer(request)
    try:
        undone = workflow.undo_last(by=request.user)
    except InvalidInput as error:
        messages.error(request, explain(error))
        return _back(request, reverse("intake:index"))
    returned = undone.claims
    for line in undone.effects:
        messages.info(request, line)
    messages.info(
        request,
        ngettext(
            "Undone: %(n)s claim is back in the queue.",
            "Undone: %(n)s claims are back in the queue.",
            len(returned),
        )
        % {"n": len(returned)},
    )
    return redirect("intake:review", pk=returned[0].document_id)


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    _require_writer(request)
    try:
        found = workflow.assign(
            by=request.user, document=document, analyst=request.POST.get("analyst", "")
        )
    except InvalidInput as error:
        messages.error(request, explain(error))
    else:
        if found.analyst is None:
            messages.info(request, _("The document is back in everyone's queue."))
        else:
            messages.success(
                request, _("Given to %(name)s to review.") % {"name": found.analyst.username}
            )
    return _back(request, reverse("intake:review", kwargs={"pk": document.pk}))


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        claim = core.claim(request.user, pk)
    except Claim.DoesNotExist:
        raise Http404(_("No claim with this number is visible to you.")) from None
    _require_writer(request)
    try:
        workflow.comment(by=request.user, claim=claim, text=request.POST.get("text", ""))
    except InvalidInput as error:
        messages.error(request, explain(error))
    else:
        messages.success(request, _("Comment added."))
    url = reverse("intake:review", kwargs={"pk": claim.document_id})
    return redirect(f"{url}#claim-{claim.pk}")
