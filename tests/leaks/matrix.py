"""The leak matrix: every GET operation of the API (path ids filled from the marker records and
the demo), every page reached by a crawl, and every export, as each kind of reader. No marker
token may reach a reader its marking does not reach, and each reader's totals are the sums of
the rows that reader may see.

The two test modules (`test_matrix_*.py`) split the readers so that the two workers of the
suite share the work; each loads the demo and the markers once."""

from __future__ import annotations

import re
from collections import Counter, deque
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from marsad.api import api
from marsad.core.releasability import can_read
from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user, issue_token

from .markers import NOT_SHOWN, Markers

# A marker token stands alone among ASCII letters and digits: a random string of a page (a form's
# CSRF token, a nonce) holds "LKM…X" inside it about once in 100,000, often enough across the
# matrix's thousands of pages to report a leak that is not one.
TOKEN = re.compile(r"(?<![A-Za-z0-9])LKM[A-Z0-9]+?X(?![A-Za-z0-9])")
HREF = re.compile(r"""href=["'](/[^"'#]*)""")
PASSWORD = "a-long-test-passphrase-42"
SYSTEM = SystemUser("system:leak-matrix")

#: name -> (role, nation); None: not logged in.
READERS: dict[str, tuple[str, str] | None] = {
    "admin": ("admin", ""),
    "analyst": ("analyst", ""),
    "humanitarian": ("humanitarian", ""),
    "public": ("public", ""),
    "anonymous": None,
    "liaison-ita": ("liaison", "ITA"),
    "liaison-fra": ("liaison", "FRA"),
    "liaison-usa": ("liaison", "USA"),
}

# Pages of a kind fetched per reader: enough to meet every template, few enough to be quick.
PER_PAGE_KIND = 3
MAX_PAGES = 260
SKIPPED = ("/static/", "/admin/", "/en/admin/", "/logout/", "/en/logout/", "/api/")

#: Path templates of the API -> the marker model whose records fill them, and the attribute.
PATH_MODELS = {
    "/api/v1/actors/{key}": ("actor", "key"),
    "/api/v1/sources/{key}": ("source", "key"),
    "/api/v1/documents/{pk}": ("document", "pk"),
    "/api/v1/claims/{pk}": ("claim", "pk"),
    "/api/v1/intake/claims/{pk}/comments": ("claim", "pk"),
    "/api/v1/coalition/invitations/{pk}": ("invitation", "pk"),
    "/api/v1/ceasefire/incidents/{pk}": ("incident", "pk"),
    "/api/v1/access/crossings/{key}": ("crossing", "key"),
    "/api/v1/access/crossings/{key}/statuses": ("crossing", "key"),
    "/api/v1/access/crossings/{key}/incidents": ("crossing", "key"),
    "/api/v1/access/corridors/{key}": ("corridor", "key"),
    "/api/v1/access/corridors/{key}/statuses": ("corridor", "key"),
    "/api/v1/access/corridors/{key}/incidents": ("corridor", "key"),
    "/api/v1/access/consignments/{key}": ("consignment", "key"),
    "/api/v1/programs/courses/{pk}": ("course", "pk"),
    "/api/v1/reports/issued/{report_id}": ("issuedreport", "pk"),
}

# A reader's own bookkeeping, not releasable records: an import run (writers only) and a
# subscription's delivery log (its owner only); their own tests check who reads them.
OWN_PATHS = frozenset({"/api/v1/imports/{run_id}", "/api/v1/subscriptions/{pk}/deliveries"})

EXPORTS = [
    "/ceasefire/export/incidents.csv",
    "/ceasefire/export/incidents.hxl.csv",
    "/ceasefire/export/incidents.geojson",
    "/ceasefire/export/figures.csv",
    "/ceasefire/export/figures.hxl.csv",
    "/ceasefire/export/figures.geojson",
    "/access/export/consignments.csv",
    "/access/export/consignments.hxl.csv",
    # Every list's exports at their own address (core/listing.py), in every format.
    *(
        f"/exports/{key}.{fmt}"
        for key, formats in {
            "documents": ("csv", "json"),
            "claims": ("csv", "json"),
            "statements": ("csv", "json"),
            "incidents": ("csv", "hxl.csv", "json", "geojson"),
            "figures": ("csv", "hxl.csv", "json", "geojson"),
            "consignments": ("csv", "hxl.csv", "json", "geojson"),
            "pledges": ("csv", "hxl.csv", "json"),
            "plan-points": ("csv", "json"),
        }.items()
        for fmt in formats
    ),
]


def make_readers() -> dict[str, Any]:
    made: dict[str, Any] = {}
    for name, spec in READERS.items():
        if spec is None:
            made[name] = AnonymousUser()
            continue
        role, nation = spec
        made[name] = create_user(
            by=SYSTEM, username=f"matrix-{name}", role=role, nation=nation, password=PASSWORD
        )
    return made


class Reading:
    """What one reader fetched, and the leaks found in it."""

    def __init__(self, reader: Any, markers: Markers):
        self.reader = reader
        self.markers = markers
        self.client = Client()
        self.headers: dict[str, str] = {}
        if reader.is_authenticated:
            self.client.force_login(reader)
            token = issue_token(by=SYSTEM, user=reader)
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        self.requests = 0
        self.leaks: list[str] = []
        self.errors: list[str] = []
        self.seen: set[str] = set()

    def check(self, url: str, body: str) -> None:
        found = set(TOKEN.findall(body))
        self.seen |= found
        for token in found:
            record, marking, nations = self.markers.tokens.get(token, ("?", "", ()))
            if not can_read(self.reader, marking, nations):
                self.leaks.append(f"{url}: {record} ({marking or 'unmarked'} {nations})")

    def get(self, url: str, *, api_call: bool = False) -> Any:
        self.requests += 1
        response = self.client.get(url, **(self.headers if api_call else {}))
        if response.status_code >= 500:
            self.errors.append(f"{url}: {response.status_code}")
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content).decode("utf-8", "replace")
        else:
            body = response.content.decode("utf-8", "replace")
        self.check(url, body)
        return response, body

    def api(self) -> None:
        schema = api.get_openapi_schema()
        for path, item in schema["paths"].items():
            if "get" not in item:
                continue
            if "{" not in path:
                self.get(f"{path}?page_size=500", api_call=True)
                continue
            if path in OWN_PATHS:
                continue
            model, attribute = PATH_MODELS[path]
            for record in self.markers.records[model].values():
                self.get(
                    path.replace(f"{{{attribute}}}", str(getattr(record, attribute))), api_call=True
                )

    def pages(self, extra: list[str]) -> None:
        """A breadth-first crawl from both home pages, a few pages of each kind, in both
        languages; then the marker records' own pages and the exports."""
        queue: deque[str] = deque(["/", "/en/", *extra])
        seen: set[str] = set()
        kinds: Counter[str] = Counter()
        while queue and len(seen) < MAX_PAGES:
            url = queue.popleft()
            path = urlsplit(url).path
            if url in seen or path.startswith(SKIPPED):
                continue
            # Which language a path is in decides how it resolves (Arabic has no prefix).
            language = "en" if path.startswith("/en/") else "ar"
            with translation.override(language):
                try:
                    kind = f"{language}:{resolve(path).url_name or path}"
                except Resolver404:
                    continue
            forced = url in extra
            if not forced and kinds[kind] >= PER_PAGE_KIND:
                continue
            seen.add(url)
            kinds[kind] += 1
            response, body = self.get(url)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                queue.extend(h.replace("&amp;", "&") for h in HREF.findall(body))


def unseen(reading: Reading) -> list[str]:
    """The marker records the reader may read whose token nothing showed: every model's marker
    must show somewhere, or the matrix would not be testing it."""
    return sorted(
        record
        for token, (record, marking, nations) in reading.markers.tokens.items()
        if can_read(reading.reader, marking, nations)
        and token not in reading.seen
        and record.split(":")[0] not in NOT_SHOWN
        # Conflicts are shown to those who reconcile them only.
        and (record.split(":")[0] != "conflict" or getattr(reading.reader, "can_write", False))
    )


def page_urls(markers: Markers) -> list[str]:
    """Each marker record's own page, in Arabic and English, and every export."""
    records = markers.records
    urls = []
    for actor in records["actor"].values():
        urls.append(f"/actors/{actor.key}/")
    for source in records["source"].values():
        urls.append(f"/sources/{source.key}/")
    for document in records["document"].values():
        urls += [f"/documents/{document.pk}/", f"/intake/documents/{document.pk}/"]
    for incident in records["incident"].values():
        urls.append(f"/ceasefire/incidents/{incident.pk}/")
    for crossing in records["crossing"].values():
        urls.append(f"/access/crossings/{crossing.key}/")
    for corridor in records["corridor"].values():
        urls.append(f"/access/corridors/{corridor.key}/")
    for course in records["course"].values():
        urls.append(f"/programs/courses/{course.pk}/")
    for provision in records["provision"].values():
        urls.append(f"/plan/points/{provision.number}/")
    for issued in records["issuedreport"].values():
        urls.append(f"/reports/{issued.pk}/download")
    urls += ["/conflicts/?all=1", "/access/consignments/", "/ceasefire/incidents/"]
    both = [*urls, *EXPORTS]
    return both + [f"/en{url}" for url in urls]


def totals(reading: Reading) -> list[str]:
    """Figures that must equal the sums of the rows the reader may see, as (wrong) sentences."""
    wrong = []
    _r, rows = reading.get("/api/v1/ceasefire/incidents?page_size=1", api_call=True)
    count = int(re.search(r'"count":\s*(\d+)', rows).group(1))
    response, _b = reading.get("/api/v1/ceasefire/analytics/by-governorate", api_call=True)
    breakdown = response.json()
    total = sum(row["incidents"] for row in breakdown["rows"])
    if total != count:
        wrong.append(f"incidents by governorate sum to {total}, the list has {count}")
    window = "start=2026-01-01&end=2026-01-31"
    response, _b = reading.get(f"/api/v1/access/consignments?{window}&page_size=500", api_call=True)
    entered = ("entered", "delivered", "intercepted")  # what the figures count
    listed = sum(
        item["trucks"] or 0 for item in response.json()["items"] if item["status"] in entered
    )
    response, _b = reading.get(f"/api/v1/access/figures?{window}", api_call=True)
    figured = sum(
        trucks for days in response.json()["trucks_per_day"].values() for _day, trucks in days
    )
    if listed != figured:
        wrong.append(f"trucks per day sum to {figured}, the consignments listed to {listed}")
    return wrong


def check_reader(reader: Any, markers: Markers) -> None:
    """The whole matrix for one reader: every API read, the crawl, the exports, the totals."""
    from .markers import unused

    assert unused(markers) == []
    reading = Reading(reader, markers)
    reading.api()
    reading.pages(page_urls(markers))
    assert reading.errors == []
    assert reading.leaks == [], "\n".join(map(str, reading.leaks[:20]))
    missing = unseen(reading)
    assert missing == [], ", ".join(missing)
    assert reading.requests > 300
    assert totals(reading) == []
