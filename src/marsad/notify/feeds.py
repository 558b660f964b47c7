"""A user's Atom feed: the address holds a revocable token (any feed reader can follow it
without a session); entries are the user's feed notifications whose records the user may still
read, in the language of the address (/… Arabic, /en/… English)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.notify import selectors, services
from marsad.notify.messages import path_in

ENTRIES = 50


def feed(request: HttpRequest, token: str) -> HttpResponse:
    owner = services.feed_owner(token)
    if owner is None:
        raise Http404("no such feed")
    language = "en" if (get_language() or "ar").startswith("en") else "ar"
    base = settings.BASE_URL
    atom = Atom1Feed(
        title=_("Marsad: notifications of %(user)s") % {"user": owner.username},
        link=base + reverse("notify:index"),
        description=_("What you follow in Marsad, as far as you may read it."),
        language=language,
        feed_url=base + request.path,
        author_name=_("Marsad"),
        feed_guid=f"urn:marsad:feed:{owner.pk}",
    )
    items = list(selectors.notifications(owner, feed=True).order_by("-created", "-id")[:ENTRIES])
    for item in selectors.readable_now(owner, items):
        title = item.title_en if language == "en" else item.title_ar
        link = path_in(item.link, language) if item.link else reverse("notify:index")
        atom.add_item(
            title=title,
            link=base + link,
            description=title,
            unique_id=f"urn:marsad:notification:{item.pk}",
            pubdate=item.created,
            updateddate=item.created,
            categories=[item.event.kind],
        )
    return HttpResponse(
        atom.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8"
    )
