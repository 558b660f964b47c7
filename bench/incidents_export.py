"""The synthetic ACLED export of bench/incidents.py (and bench/bulk.py): N incidents in ACLED's
31-column shape, seeded, written newest first in two files (see docs/benchmarks.md, "Incidents at
scale", for the shape of the data)."""

from __future__ import annotations

import bisect
import csv
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

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
