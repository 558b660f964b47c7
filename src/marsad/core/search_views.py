"""Pages of saved searches: the reader's own (open, share, delete), saving one from a list's
page, and the shared link that opens a list with its saved filters."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.core import listing, selectors
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import SavedSearch
from marsad.core.services.searches import saved_search_create, saved_search_delete


def list_url(search: SavedSearch) -> str:
    """The list's page in the active language, with the saved filters."""
    url = reverse(search.list_name)
    return f"{url}?{search.query}" if search.query else url


def _back(request: HttpRequest) -> str:
    """Where the form was sent from, when it is this site (else the saved searches)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("searches")


@login_required
def search_list(request: HttpRequest) -> HttpResponse:
    """GET: the reader's saved searches. POST: save the filters of a list under a name."""
    if request.method == "POST":
        try:
            search = saved_search_create(
                by=request.user,
                name=request.POST.get("name", ""),
                list_name=request.POST.get("list_name", ""),
                query=request.POST.get("query", ""),
            )
        except (InvalidInput, NotAllowed) as error:
            messages.error(request, _("The search is not saved: %(reason)s") % {"reason": error})
        else:
            messages.success(request, _("The search “%(name)s” is saved.") % {"name": search.name})
        return redirect(_back(request))
    rows = []
    for search in selectors.saved_searches(request.user):
        spec = listing.by_url_name(search.list_name)
        rows.append(
            {
                "search": search,
                "list_title": spec.title if spec else search.list_name,
                "open_url": list_url(search) if spec else "",
                "share_url": request.build_absolute_uri(
                    reverse("saved_search", args=[search.share_key])
                ),
            }
        )
    return render(request, "core/search_list.html", {"rows": rows})


@login_required
@require_POST
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    search = selectors.saved_searches(request.user).filter(pk=pk).first()
    if search is None:
        raise Http404(_("You have no saved search with this number."))
    saved_search_delete(by=request.user, search=search)
    messages.success(request, _("The search “%(name)s” is deleted.") % {"name": search.name})
    return redirect("searches")


def shared(request: HttpRequest, share_key: str) -> HttpResponse:
    """A shared link: the list with the saved filters. Whoever opens it reads what they
    themselves may read there; a list closed to anonymous readers asks them to sign in."""
    search = selectors.saved_search_by_key(share_key)
    spec = listing.by_url_name(search.list_name) if search else None
    if search is None or spec is None:
        raise Http404(_("No saved search has this link."))
    if not spec.public and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return redirect(list_url(search))
