"""Incidents written in bulk, as a restore would (no history, no audit), then counted again:
bench/pages.py's `--incidents`, bench/incidents.py's `--bulk` and the sources' figures that
bench/dashboard_scale.py adds."""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def add_incidents(n: int, seed: int = 2026, first_id: int = 0) -> None:
    """N public incidents over the war's days and the five governorates, written in bulk (no
    history, no audit: a restore, not an import), then counted again."""
    import h3
    from django.db import transaction

    from marsad.ceasefire.models import Incident
    from marsad.ceasefire.places import governorates
    from marsad.ceasefire.services import counts

    rng = random.Random(seed)
    spots = [(31.22 + rng.random() * 0.35, 34.22 + rng.random() * 0.33) for _ in range(600)]
    pcodes = governorates(spots)
    cells = [(h3.latlng_to_cell(a, o, 6), h3.latlng_to_cell(a, o, 8)) for a, o in spots]
    first = date(2023, 10, 7)
    days = (date(2026, 8, 22) - first).days
    kinds = [
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Battles", "Armed clash"),
    ]
    from django.db import connection

    if connection.vendor == "postgresql":
        _add_incidents_in_postgresql(n, spots, pcodes, cells, first, days, first_id)
        say(f"  counting the days again: {counts.rebuild():,} rows")
        return
    made = 0
    while made < n:
        batch = []
        for i in range(first_id + made, first_id + min(n, made + 20_000)):
            s = rng.randrange(len(spots))
            kind = kinds[rng.randrange(len(kinds))]
            batch.append(
                Incident(
                    event_id=f"BENCH{i}",
                    event_date=first + timedelta(days=rng.randrange(days)),
                    event_type=kind[0],
                    sub_event_type=kind[1],
                    actor1="Military Forces of Israel (2022-)",
                    latitude=spots[s][0],
                    longitude=spots[s][1],
                    pcode=pcodes[s] or "",
                    h3_6=cells[s][0],
                    h3_8=cells[s][1],
                    fatalities=rng.choice((0, 0, 0, 1, 2, 5)),
                    marking="public" if rng.random() < 0.7 else "internal",
                )
            )
        with transaction.atomic():
            Incident.objects.bulk_create(batch, batch_size=2000)
        made += len(batch)
        if made % 200_000 < 20_000:
            say(f"  {made:,} incidents written")
    say(f"  counting the days again: {counts.rebuild():,} rows")


def _add_incidents_in_postgresql(n, spots, pcodes, cells, first, days, first_id) -> None:
    """The same incidents, made by the server itself (generate_series): ten million in minutes."""
    from django.db import connection

    with connection.cursor() as cursor:
        # Past a million rows, keeping the covering indexes up to date row by row costs far
        # more than building them once at the end (a 9M insert had written 3 GB in 8 minutes).
        indexes: list[tuple[str, str]] = []
        if n >= 1_000_000:
            cursor.execute(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                " JOIN pg_class c ON c.oid = i.indexrelid"
                " WHERE i.indrelid = 'ceasefire_incident'::regclass"
                " AND i.indexrelid NOT IN (SELECT conindid FROM pg_constraint)"
            )
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("DROP TABLE IF EXISTS bench_spot")
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_spot (i int, lat float, lon float, "
            "pcode text, h6 text, h8 text)"
        )
        cursor.executemany(
            "INSERT INTO bench_spot VALUES (%s, %s, %s, %s, %s, %s)",
            [(i, a, o, pcodes[i] or "", *cells[i]) for i, (a, o) in enumerate(spots)],
        )
        sql = f"""INSERT INTO ceasefire_incident (event_id, event_date, time_precision, event_type,
                sub_event_type, actor1, inter1, actor2, inter2, admin1, admin2, location, pcode,
                latitude, longitude, geo_precision, h3_6, h3_8, description_ar, description_en,
                reported_by, fatalities, verification, verification_reason, imported_from,
                marking, releasable_to, sanitized_reason)
            SELECT 'BENCH' || g, %s::date + (g::bigint * 7919 %% {days})::int, 1,
                'Explosions/Remote violence', 'Air/drone strike',
                'Military Forces of Israel (2022-)', '', '', '', '', '', '', s.pcode, s.lat, s.lon,
                1, s.h6, s.h8, '', '', '', (g %% 6) / 3, 'reported', '', '',
                CASE WHEN g %% 10 < 7 THEN 'public' ELSE 'internal' END, '', ''
            FROM generate_series(%s, %s) g JOIN bench_spot s ON s.i = g %% {len(spots)}"""
        step = 1_000_000
        for start in range(first_id + 1, first_id + n + 1, step):
            cursor.execute(sql, [first, start, min(start + step - 1, first_id + n)])
            say(f"  {min(start + step - 1, first_id + n) - first_id:,} incidents written")
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for name, definition in indexes:
            say(f"  building {name}")
            cursor.execute(definition)
        cursor.execute("ANALYZE ceasefire_incident")


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
        added = cursor.rowcount
        if connection.vendor == "postgresql":
            # What autovacuum does a minute later: with the statistics of a nearly empty table,
            # PostgreSQL takes a marking for a dozen figures and looks each incident's lowest
            # figure up through it (0.7 ms per incident at 10M, against 5 us by the incident).
            cursor.execute("ANALYZE ceasefire_casualtyfigure")
        return added


def last_incident_id() -> int:
    from marsad.ceasefire.models import Incident

    return Incident.objects.order_by("-id").values_list("id", flat=True).first() or 0
