"""Benchmark of incidents at scale. Generates N synthetic incidents in ACLED's 31-column export
shape (seeded), imports them through `import_acled` in two steps (N/10, then the rest), and
measures on a throwaway database, against baselines in the same run:

  reader     iter_acled alone over each step's file (its share of the import)
  import     import_acled, against a bare executemany of the same parsed rows into a bare table
             with the same columns (separate temporary SQLite file, same pragmas); reader, bare
             and service run back to back for each step, timed in wall-clock and CPU seconds
  latency    after each step (N/10 and N incidents): the dashboard's aggregates and summary, a
             filtered incident list page (50 rows and the count), the map data at zoom 10 and 12
             (H3 clusters) and 15 (points in a box), for an analyst and an anonymous reader, and
             the real HTTP views (dashboard, incident list, /api/v1/ceasefire/map?zoom=10)

The database holds the ceasefire's demo (agreement, phases, governorates, the real daily series)
so the dashboard is the real one. It prints one JSON line and a table on stderr. Timings vary
between machines; they are never pass/fail tests.
Usage: bench/incidents.py [--n N | --quick] [--runs R] [--seed S] [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import os
import random
import secrets
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

BENCH_DB = "marsad_bench_incidents"  # not core.py's: the two may run at once
SEED = 2026
FIRST_DAY, LAST_DAY = date(2023, 10, 7), date(2026, 8, 22)

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
).split(",")

# Places of the five governorates (ACLED's names and coordinates where its export has them),
# with a weight: how often the war's events fall there.
PLACES = [
    ("Beit Hanoun", "North Gaza", 31.5386, 34.5360, 5),
    ("Beit Lahia", "North Gaza", 31.5500, 34.5000, 6),
    ("Jabalya", "North Gaza", 31.5272, 34.4836, 6),
    ("Jabalya Camp", "North Gaza", 31.5333, 34.4833, 6),
    ("Al Atatra", "North Gaza", 31.5650, 34.4800, 2),
    ("Gaza - Az Zaytun", "Gaza City", 31.4964, 34.4522, 9),
    ("Gaza - Shujaiyya", "Gaza City", 31.4988, 34.4699, 9),
    ("Gaza - Tal el Hawa", "Gaza City", 31.5041, 34.4350, 4),
    ("Gaza - Ash Shati' Camp", "Gaza City", 31.5349, 34.4466, 4),
    ("Gaza - Sheikh Radwan", "Gaza City", 31.5349, 34.4667, 4),
    ("Gaza", "Gaza City", 31.5045, 34.4743, 4),
    ("Gaza - At Tuffah", "Gaza City", 31.5134, 34.4751, 3),
    ("Gaza - Sabra", "Gaza City", 31.5086, 34.4493, 3),
    ("Gaza - Southern Remal", "Gaza City", 31.5168, 34.4355, 3),
    ("Gaza - Nezarim", "Gaza City", 31.4840, 34.4056, 3),
    ("Deir al Balah", "Deir al Balah", 31.4181, 34.3517, 4),
    ("An Nuseirat Camp", "Deir al Balah", 31.4478, 34.3925, 4),
    ("Al Bureij Camp", "Deir al Balah", 31.4392, 34.4033, 3),
    ("Al Maghazi Camp", "Deir al Balah", 31.4217, 34.3867, 2),
    ("Az Zawayda", "Deir al Balah", 31.4333, 34.3667, 1),
    ("Khan Yunis", "Khan Yunis", 31.3462, 34.3060, 8),
    ("Bani Suheila", "Khan Yunis", 31.3436, 34.3225, 3),
    ("Abasan al Kabira", "Khan Yunis", 31.3231, 34.3442, 2),
    ("Khuza'a", "Khan Yunis", 31.3075, 34.3586, 2),
    ("Al Qarara", "Khan Yunis", 31.3697, 34.3392, 2),
    ("Al Mawasi - Khan Yunis", "Khan Yunis", 31.3600, 34.2750, 3),
    ("Rafah", "Rafah", 31.2969, 34.2455, 7),
    ("Tal as Sultan", "Rafah", 31.3167, 34.2333, 3),
    ("Ash Shaboura Camp", "Rafah", 31.2900, 34.2500, 2),
    ("Al Shouka", "Rafah", 31.2950, 34.2880, 2),
]
# ACLED places strikes on boats and the shore "Coast of ...": at sea, in no governorate.
COASTS = [
    ("Coast of North Gaza", "North Gaza", 31.5839, 34.4659),
    ("Coast of Gaza City", "Gaza City", 31.5304, 34.4215),
    ("Coast of Gaza Strip", "", 31.5032, 34.2877),
    ("Coast of Deir al Balah", "Deir al Balah", 31.4200, 34.2500),
    ("Coast of Khan Yunis", "Khan Yunis", 31.3700, 34.2300),
    ("Coast of Rafah", "Rafah", 31.3200, 34.1900),
]
OFFSHORE_SHARE = 0.005
SPOTS_PER_PLACE = 120  # distinct coordinates around each place (geo_precision 1)

# (event type, sub-event type, weight), close to the shares in ACLED's Gaza export.
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", 500),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 320),
    ("Battles", "Armed clash", 78),
    ("Strategic developments", "Looting/property destruction", 40),
    ("Violence against civilians", "Attack", 20),
    ("Strategic developments", "Change to group/activity", 10),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 8),
    ("Strategic developments", "Other", 6),
    ("Strategic developments", "Arrests", 3),
    ("Protests", "Peaceful protest", 3),
    ("Violence against civilians", "Abduction/forced disappearance", 1),
    ("Strategic developments", "Disrupted weapons use", 1),
    ("Protests", "Protest with intervention", 1),
    ("Explosions/Remote violence", "Grenade", 1),
]
IDF = ("Military Forces of Israel (2022-)", "External/Other forces")
CIVILIANS = ("Civilians (Palestine)", "Civilians")
ARMED = [
    (("Hamas Movement", "Political militia"), 60),
    (("PIJ: Palestinian Islamic Jihad", "Political militia"), 20),
    (("Mujahideen Brigades", "Political militia"), 5),
    (("Al Aqsa Martyrs Brigade", "Political militia"), 5),
    (("Unidentified Armed Group (Palestine)", "Political militia"), 2),
    (("PFLP: Popular Front for the Liberation of Palestine", "Political militia"), 1),
]
SOURCES = [
    ("Quds News Network", "National"),
    ("Palestine News and Information Agency", "National"),
    ("PLO Negotiations Affairs Department", "Other"),
    ("Quds News Network; Twitter", "New media-National"),
    ("Newpress; Twitter", "New media-National"),
    ("Times of Israel", "International"),
]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

# Relative intensity per period: the war, the first truce, the war again, the 2025 truce.
PERIODS = [
    (date(2023, 10, 7), 1.0),
    (date(2025, 1, 19), 0.15),
    (date(2025, 3, 18), 1.0),
    (date(2025, 10, 10), 0.25),
]

LIST_FILTERS = {"pcode": "PS0260", "event_type": "Explosions/Remote violence"}
# About what a 1280x800 window shows at zoom 15 over Shujaiyya and Az Zaytun.
MAP_BBOX = "34.440,31.485,34.495,31.515"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="What incidents cost at scale.")
    parser.add_argument("--n", type=int, default=1_000_000, help="incidents (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="N=100,000, for a quick check")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per latency (median)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--bulk",
        action="store_true",
        help="write the incidents in bulk (bench/pages.py's restore, counted by a rebuild) "
        "instead of importing them: latency only, in minutes instead of an hour at 10M",
    )
    parser.add_argument(
        "--ops", default="", help="comma-separated operations to time (default: all of OPS)"
    )
    parser.add_argument("--bench-db", default=BENCH_DB, help="the PostgreSQL database's name")
    parser.add_argument(
        "--database-url", help=f"a PostgreSQL server; the run uses its own database {BENCH_DB}"
    )
    args = parser.parse_args()
    if args.quick:
        args.n = 100_000
    if args.ops:
        chosen = args.ops.split(",")
        unknown = set(chosen) - set(OPS)
        if unknown:
            parser.error(f"unknown operations: {', '.join(sorted(unknown))}")
        OPS[:] = [op for op in OPS if op in chosen]
    return args


def pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def clocked(fn, *args, **kwargs):
    """Wall-clock and CPU seconds of this process (CPU time moves less when other jobs share
    the machine), and the result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the synthetic export ------------------------------------------------------------------


def _spots(rng: random.Random) -> tuple[list[tuple], list[float]]:
    """Distinct coordinates around each place that stay in its governorate, and at sea around
    each coast; each with the place's weight split among them unevenly (a few spots get most)."""
    from marsad.geo.areas import locate_many

    spots, weights = [], []
    for name, admin2, lat, lon, weight in PLACES:
        home = locate_many([lat], [lon])[0]
        candidates = [
            (round(lat + rng.gauss(0, 0.006), 4), round(lon + rng.gauss(0, 0.006), 4))
            for _ in range(SPOTS_PER_PLACE * 2)
        ]
        codes = locate_many([c[0] for c in candidates], [c[1] for c in candidates])
        kept = [c for c, code in zip(candidates, codes, strict=True) if code == home]
        kept = kept[:SPOTS_PER_PLACE]
        shares = [rng.paretovariate(1.5) for _ in kept]
        total = sum(shares)
        for (slat, slon), share in zip(kept, shares, strict=True):
            spots.append((name, admin2, slat, slon, 1))
            weights.append(weight * 0.6 * share / total)
        # geo_precision 2: "near" the place, at the place's own coordinates.
        spots.append((name, admin2, lat, lon, 2))
        weights.append(weight * 0.4)
    land = sum(weights)
    at_sea = []
    for name, admin2, lat, lon in COASTS:
        for _ in range(10):
            spot = (round(lat + rng.gauss(0, 0.004), 4), round(lon - abs(rng.gauss(0, 0.004)), 4))
            at_sea.append((name, admin2, spot[0], spot[1], 2))
    codes = locate_many([s[2] for s in at_sea], [s[3] for s in at_sea])
    at_sea = [s for s, code in zip(at_sea, codes, strict=True) if code is None]
    share = land * OFFSHORE_SHARE / (1 - OFFSHORE_SHARE) / len(at_sea)
    return spots + at_sea, weights + [share] * len(at_sea)


def _days(rng: random.Random) -> tuple[list[date], list[float]]:
    days, weights = [], []
    day = FIRST_DAY
    while day <= LAST_DAY:
        level = [w for start, w in PERIODS if start <= day][-1]
        days.append(day)
        weights.append(level * rng.gammavariate(4, 0.25))  # day-to-day noise, a few spikes
        day += timedelta(days=1)
    return days, weights


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


SOURCE_CUM = _cumulative([30, 25, 15, 15, 10, 5])


def _fatalities(rng: random.Random) -> int:
    """Skewed like ACLED's: two thirds of events with none, a long tail of mass-casualty ones."""
    if rng.random() < 0.645:
        return 0
    return min(500, int(rng.lognormvariate(1.2, 1.1)) + 1)


def _actors(rng: random.Random, event_type: str, sub: str) -> tuple[tuple, tuple]:
    none = ("", "")
    if event_type == "Battles":
        armed = rng.choices([a for a, _ in ARMED], [w for _, w in ARMED])[0]
        return (armed, IDF) if rng.random() < 0.6 else (IDF, armed)
    if event_type == "Protests":
        return ("Protesters (Palestine)", "Protesters"), none
    if event_type == "Violence against civilians":
        return IDF, CIVILIANS
    if event_type == "Strategic developments":
        if sub == "Change to group/activity" and rng.random() < 0.5:
            return rng.choices([a for a, _ in ARMED], [w for _, w in ARMED])[0], none
        return IDF, (CIVILIANS if rng.random() < 0.5 else none)
    if rng.random() < 0.03:
        armed = rng.choices([a for a, _ in ARMED], [w for _, w in ARMED])[0]
        return armed, ("Civilians (Israel)", "Civilians")
    return IDF, (CIVILIANS if rng.random() < 0.6 else none)


def generate(n: int, split: int, seed: int, first: Path, rest: Path) -> dict[str, Any]:
    """Write rows 0..split-1 to `first` and the others to `rest`; each file newest first, as
    ACLED exports are. Rows are drawn independently, so the first file is a sample of the same
    spread as the whole."""
    rng = random.Random(seed)
    spots, spot_weights = _spots(rng)
    days, day_weights = _days(rng)
    spot_cum, day_cum = _cumulative(spot_weights), _cumulative(day_weights)
    type_cum = _cumulative([w for *_t, w in TYPES])
    picked_days = rng.choices(days, cum_weights=day_cum, k=n)
    picked_spots = rng.choices(range(len(spots)), cum_weights=spot_cum, k=n)
    picked_types = rng.choices(range(len(TYPES)), cum_weights=type_cum, k=n)
    stats = {"offshore": 0, "after_truce": 0, "fatalities": 0}
    truce = date(2025, 10, 10)

    def row(i: int) -> list[Any]:
        day = picked_days[i]
        name, admin2, lat, lon, geo = spots[picked_spots[i]]
        event_type, sub, _w = TYPES[picked_types[i]]
        (actor1, inter1), (actor2, inter2) = _actors(rng, event_type, sub)
        killed = 0 if event_type in ("Protests", "Strategic developments") else _fatalities(rng)
        source, scale = SOURCES[bisect.bisect(SOURCE_CUM, rng.random() * SOURCE_CUM[-1])]
        stats["offshore"] += name.startswith("Coast of")
        stats["after_truce"] += day >= truce
        stats["fatalities"] += killed
        when = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        place = f"{name} ({admin2 or 'Gaza Strip'}, Gaza Strip)"
        notes = f"On {when}, {sub.lower()} in {place}"
        notes += f": {killed} killed, according to {source}." if killed else ", casualties unknown."
        if rng.random() < 0.4:
            notes += " Several people were injured and others remain missing under the rubble."
        political = event_type not in ("Protests", "Strategic developments")
        stamp = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=4)
        return [
            f"SYN{i:07d}",
            f"{day.day}-{MONTHS[day.month - 1]}-{day.year % 100:02d}",
            day.year,
            1 if rng.random() < 0.99 else 2,
            "Demonstrations"
            if event_type == "Protests"
            else ("Political violence" if political else "Strategic developments"),
            event_type,
            sub,
            actor1,
            "",
            inter1,
            actor2,
            "",
            inter2,
            f"{inter1}-{inter2}" if actor2 else f"{inter1} only",
            "Civilian targeting" if inter2 == "Civilians" else "",
            275,
            "Middle East",
            "Palestine",
            "Gaza Strip",
            admin2,
            "",
            name,
            f"{lat:.4f}",
            f"{lon:.4f}",
            geo,
            source,
            scale,
            notes,
            killed,
            "",
            int(stamp.timestamp()),
        ]

    size = 0
    for path, indices in ((first, range(split)), (rest, range(split, n))):
        order = sorted(indices, key=lambda i: picked_days[i], reverse=True)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            writer.writerows(row(i) for i in order)
        size += path.stat().st_size
    return {
        "bytes": size,
        "distinct_coordinates": len({(s[2], s[3]) for s in spots}),
        "offshore_share": stats["offshore"] / n,
        "after_truce_share": stats["after_truce"] / n,
        "mean_fatalities": stats["fatalities"] / n,
    }


# --- reader and bare baseline ---------------------------------------------------------------

BARE_COLUMNS = (
    "event_id, event_date, time_precision, event_type, sub_event_type, actor1, inter1, actor2, "
    "inter2, admin1, admin2, location, latitude, longitude, geo_precision, description_en, "
    "reported_by, fatalities"
)


def read_rows(path: Path) -> tuple[float, float, list[tuple]]:
    """Wall and CPU seconds of iter_acled over the file, keeping each event's stored fields as
    a tuple (the rows of the bare baseline)."""
    from marsad.datasets.acled import iter_acled

    def read():
        rows = []
        for e in iter_acled(path):
            rows.append(
                (
                    e.event_id_cnty,
                    e.event_date.isoformat(),
                    e.time_precision,
                    e.event_type,
                    e.sub_event_type,
                    e.actor1,
                    e.inter1,
                    e.actor2,
                    e.inter2,
                    e.admin1,
                    e.admin2,
                    e.location,
                    e.latitude,
                    e.longitude,
                    e.geo_precision,
                    e.notes,
                    e.source,
                    e.fatalities,
                )
            )
        return rows

    return clocked(read)


class BareTable:
    """The floor any write path sits on: the same rows inserted with no framework, one
    executemany and one commit per step, into a table with the stored columns and the same
    unique key, nothing else (a separate SQLite file with the same pragmas, or a temporary
    table on the PostgreSQL server)."""

    COLUMNS = (
        "event_id VARCHAR(40) NOT NULL UNIQUE, event_date DATE NOT NULL, time_precision INTEGER,"
        " event_type VARCHAR(40), sub_event_type VARCHAR(50), actor1 VARCHAR(200),"
        " inter1 VARCHAR(60), actor2 VARCHAR(200), inter2 VARCHAR(60), admin1 VARCHAR(100),"
        " admin2 VARCHAR(100), location VARCHAR(200), latitude REAL, longitude REAL,"
        " geo_precision INTEGER, description_en TEXT, reported_by VARCHAR(500),"
        " fatalities INTEGER"
    )

    def __init__(self, tmp: str, url: str | None):
        if url is None:
            self.conn = sqlite3.connect(os.path.join(tmp, "bare.sqlite3"))
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute(f"CREATE TABLE bare (id INTEGER PRIMARY KEY, {self.COLUMNS})")
            marks = ", ".join("?" * 18)
        else:
            import psycopg

            self.conn = psycopg.connect(url)
            self.conn.execute(f"CREATE TEMP TABLE bare (id BIGSERIAL PRIMARY KEY, {self.COLUMNS})")
            self.conn.commit()
            marks = ", ".join(["%s"] * 18)
        self.sql = f"INSERT INTO bare ({BARE_COLUMNS}) VALUES ({marks})"

    def insert(self, rows: list[tuple]) -> tuple[float, float]:
        def write():
            self.conn.cursor().executemany(self.sql, rows)
            self.conn.commit()

        wall, cpu, _ = clocked(write)
        return wall, cpu

    def close(self) -> None:
        self.conn.close()


# --- the database under test ----------------------------------------------------------------


def load_world() -> None:
    """The core's demo actors, sources and documents, and the ceasefire's demo (agreement,
    phases, clauses, a few incidents, the real daily series): the dashboard as analysts see it.
    Other areas' demos are left out; they add nothing to these pages."""
    from django.db import transaction

    from marsad.ceasefire import demo
    from marsad.core.demo import loader

    report = loader.DemoReport()
    with transaction.atomic():
        loader._load_actors(report)
        loader._load_sources(report)
        loader._load_documents(report)
        demo.load(report)


def import_stage(path: Path) -> tuple[float, float, Any]:
    from marsad.ceasefire.imports import import_acled
    from marsad.core.services.base import SystemUser

    def progress(rows: int) -> None:
        if rows % 100_000 < 2000:
            say(f"  imported {rows:,} rows of {path.name}")

    return clocked(
        import_acled, by=SystemUser("bench"), path=path, marking="public", progress=progress
    )


def database_mb(url: str | None, tmp: str) -> float:
    from django.db import connection

    if url is None:
        return sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite3*")) / 1e6
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0] / 1e6


def readers() -> dict[str, Any]:
    from django.contrib.auth.models import AnonymousUser

    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import create_user

    analyst = create_user(
        by=SystemUser("bench"),
        username="bench-analyst",
        role="analyst",
        password=secrets.token_urlsafe(16),
    )
    return {"analyst": analyst, "anonymous": AnonymousUser()}


def operations(user: Any) -> dict[str, Any]:
    """What is timed for one reader: name -> a function that does it."""
    from django.core.cache import cache
    from django.core.paginator import Paginator
    from django.test import Client

    from marsad.ceasefire import mapdata, selectors
    from marsad.ceasefire.summary import summarize

    effective = summarize(user).effective
    client = Client(HTTP_HOST="localhost")
    if user.is_authenticated:
        client.force_login(user)

    def list_page():
        qs = selectors.incidents(user, selectors.IncidentFilters(**LIST_FILTERS))
        page = Paginator(qs, 50).get_page(1)
        return len(page.object_list), page.paginator.count

    def get(path: str, **params: Any):
        response = client.get(path, params)
        assert response.status_code == 200, (path, response.status_code)
        return len(response.content)

    def map_at(zoom: float, bbox: str = ""):
        qs = selectors.incidents(user)
        if bbox:
            qs = mapdata.bbox_filter(qs, bbox)
        return len(mapdata.features(qs, zoom=zoom)["features"])

    def cold(fn):
        # What the first reader after a write waits for: nothing kept from an earlier answer.
        def run():
            cache.clear()
            return fn()

        return run

    since = selectors.IncidentFilters(start=effective)
    return {
        "aggregates": lambda: selectors.aggregates(user, since),
        "daily_counts": lambda: (
            selectors.incidents_by_governorate(user, since),
            selectors.incidents_per_day(user, since),
        ),
        "summarize": lambda: summarize(user),
        "list_page": list_page,
        "map_zoom10": lambda: map_at(10),
        "map_zoom12": lambda: map_at(12),
        "map_zoom15_bbox": lambda: map_at(15, MAP_BBOX),
        "http_dashboard": cold(lambda: get("/ceasefire/")),
        "http_dashboard_kept": lambda: get("/ceasefire/"),
        "http_incident_list": lambda: get("/ceasefire/incidents/", **LIST_FILTERS),
        "http_map_zoom10": lambda: get("/api/v1/ceasefire/map", zoom=10),
    }


def measure_latency(users: dict[str, Any], runs: int) -> dict[str, dict[str, float]]:
    """Median milliseconds of each operation for each reader, and its SQL statements. Readers
    and operations take turns within each round, so drift touches them all alike; a first round,
    untimed, warms the caches and counts the statements."""
    from django.db import connection

    ops = {
        name: {op: fn for op, fn in operations(user).items() if op in OPS}
        for name, user in users.items()
    }
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    result: dict[str, dict[str, float]] = {name: {} for name in users}
    with connection.execute_wrapper(count):
        for name, table in ops.items():
            for op, fn in table.items():
                queries[0] = 0
                fn()
                result[name][f"{op}_queries"] = queries[0]
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        for name, table in ops.items():
            for op, fn in table.items():
                times.setdefault((name, op), []).append(timed(fn)[0])
    for (name, op), values in times.items():
        result[name][f"{op}_ms"] = statistics.median(values) * 1000
    return result


# --- report ---------------------------------------------------------------------------------

OPS = [
    "aggregates",
    "daily_counts",
    "summarize",
    "list_page",
    "map_zoom10",
    "map_zoom12",
    "map_zoom15_bbox",
    "http_dashboard",
    "http_dashboard_kept",
    "http_incident_list",
    "http_map_zoom10",
]


def table(result: dict) -> str:
    imp = result["import"]
    lines = [
        f"bench incidents on {result['database']}, n={result['n']:,}, runs={result['runs']}",
        f"  generate        {result['generate']['seconds']:8.1f} s"
        f"  ({result['generate']['bytes'] / 1e6:.0f} MB of CSV)",
    ]
    for stage in [*imp["stages"], imp["total"]]:
        lines.append(
            f"  import {stage['label']:<8} {stage['per_second']:6.0f} rows/s"
            f" ({stage['seconds']:5.1f} s)  bare {stage['bare_per_second']:7.0f} rows/s"
            f"  ratio {stage['ratio']:5.1f} (CPU {stage['cpu_ratio']:5.1f})"
            f"  reader {stage['reader_per_second']:6.0f} rows/s = {stage['reader_share']:.0%}"
        )
    sizes = list(result["latency"])
    lines.append(
        "  latency (ms)      "
        + "".join(f"{r + ' @' + s:>22}" for r in ("analyst", "anonymous") for s in sizes)
    )
    for op in OPS:
        cells = "".join(
            f"{cell[op + '_ms']:>16.1f} ({cell[op + '_queries']:>2}q)"
            for r in ("analyst", "anonymous")
            for s in sizes
            for cell in [result["latency"][s][r]]
        )
        lines.append(f"  {op:<18}{cells}")
    lines.append(
        "  database size    " + "  ".join(f"{s}: {result['database_mb'][s]:.0f} MB" for s in sizes)
    )
    return "\n".join(lines)


def stage_figures(label: str, rows: int, t: dict[str, float]) -> dict[str, Any]:
    """One import step's figures from its wall (`*_wall`) and CPU (`*_cpu`) seconds."""
    return {
        "label": label,
        "rows": rows,
        "seconds": t["import_wall"],
        "cpu_seconds": t["import_cpu"],
        "per_second": rows / t["import_wall"],
        "bare_seconds": t["bare_wall"],
        "bare_cpu_seconds": t["bare_cpu"],
        "bare_per_second": rows / t["bare_wall"],
        "ratio": t["import_wall"] / t["bare_wall"],
        "cpu_ratio": t["import_cpu"] / t["bare_cpu"],
        "reader_seconds": t["reader_wall"],
        "reader_per_second": rows / t["reader_wall"],
        "reader_share": t["reader_wall"] / t["import_wall"],
        "reader_cpu_share": t["reader_cpu"] / t["import_cpu"],
    }


def run(args: argparse.Namespace, tmp: str, url: str | None) -> dict[str, Any]:
    import django
    from django.core.management import call_command
    from django.db import connections

    if args.bulk:
        return run_bulk(args, tmp, url)
    split = args.n // 10
    first, rest = Path(tmp, "acled-first.csv"), Path(tmp, "acled-rest.csv")
    say(f"generating {args.n:,} incidents")
    gen_seconds, generated = timed(generate, args.n, split, args.seed, first, rest)

    django.setup()
    call_command("migrate", verbosity=0)
    load_world()
    users = readers()
    bare = BareTable(tmp, url)

    # Each step reads its file, inserts the rows bare, then imports them through the service,
    # back to back, so that the three share the machine's load of the moment.
    stages, latency, sizes = [], {}, {}
    clocks: dict[str, float] = {}
    for label, path, rows in ((f"{split:,}", first, split), (f"{args.n:,}", rest, args.n - split)):
        say(f"reading {rows:,} rows with iter_acled, then inserting them bare")
        t: dict[str, float] = {}
        t["reader_wall"], t["reader_cpu"], parsed = read_rows(path)
        assert len(parsed) == rows
        t["bare_wall"], t["bare_cpu"] = bare.insert(parsed)
        del parsed
        say(f"importing {rows:,} rows")
        t["import_wall"], t["import_cpu"], report = import_stage(path)
        assert report.created == rows, report.as_dict()
        assert not report.rejected, report.rejected[:5]
        stages.append(stage_figures(f"+{rows:,}", rows, t))
        for key, value in t.items():
            clocks[key] = clocks.get(key, 0.0) + value
        say(f"measuring latency at {label} incidents")
        latency[label] = measure_latency(users, args.runs)
        sizes[label] = database_mb(url, tmp)
    bare.close()
    connections.close_all()
    labels = list(latency)
    growth = {
        reader: {
            op: latency[labels[1]][reader][f"{op}_ms"] / latency[labels[0]][reader][f"{op}_ms"]
            for op in OPS
        }
        for reader in users
    }
    return {
        "bench": "incidents",
        "database": "postgresql" if url else "sqlite",
        "n": args.n,
        "seed": args.seed,
        "runs": args.runs,
        "generate": {"seconds": gen_seconds, **generated},
        "import": {"stages": stages, "total": stage_figures("total", args.n, clocks)},
        "latency": latency,
        "growth": growth,
        "database_mb": sizes,
    }


FIGURE_EVERY = 500  # one incident in 500 gets a source's figure (--bulk)


def add_figures(first_id: int) -> int:
    """A source's figure for one incident in FIGURE_EVERY from `first_id` on (by id), written
    by the database itself as the incidents are: half public, lower than the coded count by
    one, half internal (only the centre reads them), 0. These are the incidents whose toll the
    dashboard still reads one by one; the rest come from the kept counts."""
    from django.db import connection

    from marsad.core.models import Source

    source = Source.objects.order_by("id").values_list("id", flat=True).first()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO ceasefire_casualtyfigure (marking, releasable_to, area, reported_on,"
            " killed_best, wording, source_id, incident_id, sanitized_reason)"
            " SELECT CASE WHEN marking = 'public' AND id %% 2 = 0 THEN 'public'"
            " ELSE 'internal' END, '', '', event_date,"
            " CASE WHEN id %% 2 = 1 OR COALESCE(fatalities, 0) = 0 THEN 0 ELSE fatalities - 1 END,"
            " '', %s, id, '' FROM ceasefire_incident WHERE id > %s AND id %% %s = 0",
            [source, first_id, FIGURE_EVERY],
        )
        return cursor.rowcount


def _last_incident_id() -> int:
    from marsad.ceasefire.models import Incident

    return Incident.objects.order_by("-id").values_list("id", flat=True).first() or 0


def run_bulk(args: argparse.Namespace, tmp: str, url: str | None) -> dict[str, Any]:
    """Latency only, at N/10 and N incidents written in bulk (no import measured)."""
    import django
    from django.core.management import call_command
    from django.db import connections

    sys.path.insert(0, str(Path(__file__).parent))
    from pages import add_incidents

    django.setup()
    call_command("migrate", verbosity=0)
    load_world()
    users = readers()
    latency, sizes = {}, {}
    split = args.n // 10
    for label, rows, start in ((f"{split:,}", split, 0), (f"{args.n:,}", args.n - split, split)):
        say(f"writing {rows:,} incidents in bulk")
        before = _last_incident_id()
        add_incidents(rows, seed=args.seed + start, first_id=start)
        say(f"  {add_figures(before):,} figures of sources for these incidents")
        say(f"measuring latency at {label} incidents")
        latency[label] = measure_latency(users, args.runs)
        sizes[label] = database_mb(url, tmp)
    connections.close_all()
    labels = list(latency)
    return {
        "bench": "incidents",
        "mode": "bulk",
        "database": "postgresql" if url else "sqlite",
        "n": args.n,
        "runs": args.runs,
        "latency": latency,
        "growth": {
            reader: {
                op: latency[labels[1]][reader][f"{op}_ms"] / latency[labels[0]][reader][f"{op}_ms"]
                for op in OPS
            }
            for reader in users
        },
        "database_mb": sizes,
    }


def main() -> None:
    args = parse_args()
    # A run stopped with SIGTERM still removes its temporary files and database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    os.environ["MARSAD_VAR_DIR"] = tmp
    os.mkdir(os.path.join(tmp, "static"))  # STATIC_ROOT, empty: WhiteNoise reads the sources
    bench_url = None
    if args.database_url:
        # A database of our own on the server, so nothing of the user's is read or changed.
        bench_url = urlunsplit(urlsplit(args.database_url)._replace(path="/" + args.bench_db))
        pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {args.bench_db}")
        pg_admin(args.database_url, f"CREATE DATABASE {args.bench_db}")
        os.environ["DATABASE_URL"] = bench_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    from django.conf import settings

    # As the test settings do: static files named from their sources, no collectstatic run, so
    # the pages render without a manifest. The pages' own work is unchanged.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    try:
        result = run(args, tmp, bench_url)
    finally:
        if bench_url:
            pg_admin(args.database_url, f"DROP DATABASE IF EXISTS {args.bench_db} WITH (FORCE)")
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded, ensure_ascii=False))
    if "import" in result:
        print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
