"""Intake pages: submit a text, review its proposed claims, accept, edit, reject or add."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.core.models import Claim, Document, ReviewState
from marsad.core.vocabulary import (
    CLAIM_TYPE_LABELS,
    MEASURE_LABELS,
    MODALITY_LABELS,
    PRECISION_LABELS,
    SOURCE_KIND_LABELS,
    STATUS_LABELS,
)
from marsad.extraction.contract import ATTRIBUTES, MEASURES
from marsad.extraction.grading import RULE
from marsad.intake import services, workflow
from marsad.intake.forms import SubmitForm
from marsad.intake.review_views import report
from marsad.intake.selectors import (
    assigned_to,
    comments,
    last_action,
    my_queue,
    queue,
    rejections,
    same_event,
    same_story_as,
)
from marsad.web.highlight import segments
from marsad.web.problems import explain

# The grading rule's words live in the pure core, in English; the page shows them in the
# interface's language (a row missing here is shown in English, marked as such).
RULE_WORDS = {
    "three or more independent sources agree": gettext_lazy(
        "three or more independent sources agree"
    ),
    "two independent sources agree": gettext_lazy("two independent sources agree"),
    "one named source": gettext_lazy("one named source"),
}
# UCDP's bounds of a figure; "figure" tells them from other apps' low and high (of a risk).
BOUNDS = (
    ("low", pgettext_lazy("figure", "low")),
    ("best", pgettext_lazy("figure", "best")),
    ("high", pgettext_lazy("figure", "high")),
)


def _writer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "can_write", False))


def _sources(user: Any) -> list[tuple[str, str]]:
    """The sources `user` may read, sorted by their name in the interface's language."""
    return sorted(((s.key, s.name) for s in core.sources(user)), key=lambda s: s[1].casefold())


@login_required
def index(request: HttpRequest) -> HttpResponse:
    form = SubmitForm(request.POST or None, request.FILES or None, reader=request.user)
    if request.method == "POST":
        if not _writer(request):
            raise PermissionDenied(_("Only analysts and administrators submit texts."))
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = services.submit(
                    by=request.user,
                    text=data["text"],
                    source=data["source"],
                    title=data["title"],
                    language=data["language"],
                    published=data["published"],
                    marking=data["marking"],
                    releasable_to=[n for n in data["releasable_to"].split(",") if n.strip()],
                )
            except InvalidInput as error:
                form.add_error(None, explain(error))
            else:
                if not result.created:
                    messages.info(request, _("This text is stored already: here is its review."))
                for problem in result.skipped:
                    messages.warning(
                        request, _("A proposed claim was left out: %(why)s") % {"why": problem}
                    )
                return redirect("intake:review", pk=result.document.pk)
    return render(
        request,
        "intake/index.html",
        {
            "form": form,
            "queue": queue(request.user),
            "mine": my_queue(request.user) if _writer(request) else [],
            "writer": _writer(request),
        },
    )


def _figure_rows(figures: dict[str, Any]) -> list[tuple[str, Any, list[tuple[str, Any, Any]]]]:
    """Each measure with its low/best/high inputs, filled with the claim's figures."""
    return [
        (
            measure,
            MEASURE_LABELS.get(measure, measure),
            [(bound, label, (figures.get(measure) or {}).get(bound)) for bound, label in BOUNDS],
        )
        for measure in MEASURES
    ]


def _claim_choices(user: Any) -> dict[str, Any]:
    return {
        "types": CLAIM_TYPE_LABELS.items(),
        "statuses": STATUS_LABELS.items(),
        "modalities": MODALITY_LABELS.items(),
        "precisions": PRECISION_LABELS.items(),
        "source_kinds": SOURCE_KIND_LABELS.items(),
        "sources": _sources(user),
        "blank_figures": _figure_rows({}),
        "bounds": BOUNDS,
        "attributes": json.dumps(
            {
                t: {k: list(v) if isinstance(v, tuple) else v for k, v in a.items()}
                for t, a in ATTRIBUTES.items()
            }
        ),
    }


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document = core.document(request.user, pk)
    except Document.DoesNotExist:
        raise Http404(_("No document with this number is visible to you.")) from None
    claims = list(core.claims(request.user, document_id=document.pk).order_by("id"))
    for claim in claims:
        claim.attributes_json = json.dumps(claim.attributes, ensure_ascii=False)
        claim.figure_rows = _figure_rows(claim.figures)
    spans = [
        (s["start"], s["end"], c.pk)
        for c in claims
        for s in c.evidence
        if c.review_state != "rejected"
    ]
    groups = {c.pk: list(same_event(request.user, c)[:10]) for c in claims}
    return render(
        request,
        "intake/review.html",
        {
            "document": document,
            "claims": claims,
            "groups": groups,
            "segments": segments(document.text, spans),
            "same_story": same_story_as(request.user, document),
            "rule": [
                (digit, RULE_WORDS.get(words, words), words in RULE_WORDS)
                for _n, digit, words in RULE
            ],
            "writer": _writer(request),
            "proposed": [c for c in claims if c.review_state == "proposed"],
            "comments": comments(request.user, claims),
            "rejections": rejections(request.user, claims),
            "assignee": assigned_to(request.user, document),
            "analysts": workflow.analysts() if _writer(request) else [],
            "last_action": last_action(request.user) if _writer(request) else [],
            **_claim_choices(request.user),
        },
    )


def _claim_for(request: HttpRequest, pk: int) -> Claim:
    try:
        return core.claim(request.user, pk)
    except Claim.DoesNotExist:
        raise Http404(_("No claim with this number is visible to you.")) from None


def _keys(value: str) -> list[str]:
    return [k.strip().upper() for k in value.replace("،", ",").split(",") if k.strip()]


def _facts(post: Any, *, blanks: bool) -> dict[str, Any]:
    """Figures, date and place as typed (the service checks them), for the fields the form
    sent. `blanks`: keep measures left empty (a correction removes them)."""
    data: dict[str, Any] = {}
    figures = {
        measure: {
            bound: post.get(f"fig_{measure}_{bound}", "").strip() or None for bound, _l in BOUNDS
        }
        for measure in MEASURES
        if any(f"fig_{measure}_{bound}" in post for bound, _l in BOUNDS)
    }
    if not blanks:
        figures = {m: f for m, f in figures.items() if any(f.values())}
    if figures:
        data["figures"] = figures
    if "when_date" in post:
        day = post.get("when_date", "").strip()
        data["when"] = {"date": day or None, "precision": post.get("when_precision") or None}
    if "place" in post:
        data["place"] = post.get("place", "")
    return data


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _claim_for(request, pk)
    if not _writer(request):
        raise PermissionDenied(_("Only analysts and administrators review claims."))
    action = request.POST.get("action")
    try:
        if action in ("accept", "reject"):
            # One claim is a batch of one: its decision is kept and can be undone.
            state = ReviewState.ACCEPTED if action == "accept" else ReviewState.REJECTED
            outcome = workflow.decide_many(
                by=request.user,
                claims=[claim.pk],
                state=state,
                reason=request.POST.get("reason", ""),
            )
            report(request, outcome, state)
        elif action == "edit":
            data: dict[str, Any] = {
                "type": request.POST.get("type", claim.type),
                "actor": _keys(request.POST.get("actor", "")),
                "recipient": _keys(request.POST.get("recipient", "")),
                "target": (request.POST.get("target", "") or "").strip().upper() or None,
                "status": request.POST.get("status", claim.status),
                "modality": request.POST.get("modality", claim.modality),
                "attributes": {
                    k[5:]: v for k, v in request.POST.items() if k.startswith("attr_") and v
                },
                **_facts(request.POST, blanks=True),
            }
            services.edit(by=request.user, claim=claim, data=data)
            messages.success(request, _("Claim %(n)s corrected.") % {"n": claim.pk})
        else:
            messages.error(request, _("Unknown action."))
    except InvalidInput as error:
        messages.error(request, explain(error))
    return redirect(f"{_review_url(claim.document_id)}#claim-{claim.pk}")


def _review_url(document_id: int) -> str:
    return reverse("intake:review", kwargs={"pk": document_id})


@login_required
@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document = core.document(request.user, pk)
    except Document.DoesNotExist:
        raise Http404(_("No document with this number is visible to you.")) from None
    if not _writer(request):
        raise PermissionDenied(_("Only analysts and administrators add claims."))
    try:
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except ValueError:
        messages.error(request, _("Select the words of the text that carry the claim first."))
        return redirect("intake:review", pk=pk)
    claim_type = request.POST.get("type", "")
    data = {
        "type": claim_type,
        "actor": _keys(request.POST.get("actor", "")),
        "recipient": _keys(request.POST.get("recipient", "")),
        "target": (request.POST.get("target", "") or "").strip().upper() or None,
        "status": request.POST.get("status", "reported"),
        "modality": request.POST.get("modality", "asserted"),
        "attributes": {k[5:]: v for k, v in request.POST.items() if k.startswith("attr_") and v},
        "attribution": {
            "source": request.POST.get("source") or None,
            "source_kind": request.POST.get("source_kind") or "unknown",
        },
        "evidence": [{"start": start, "end": end, "rule": "analyst"}],
        **_facts(request.POST, blanks=False),
    }
    try:
        claim, lines = services.add(by=request.user, document=document, data=data)
    except InvalidInput as error:
        messages.error(request, explain(error))
        return redirect("intake:review", pk=pk)
    for line in lines:
        messages.success(request, line)
    messages.success(request, _("Claim %(n)s added.") % {"n": claim.pk})
    return redirect(f"{_review_url(pk)}#claim-{claim.pk}")
