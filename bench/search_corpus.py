"""The corpus of the search benchmark (bench/search.py): N seeded index entries, two in five
documents, the rest claims, incidents, statements, consignments and actors; three in five Arabic
(with clitics, diacritics and tatweel now and then), the rest English; 30-80 words drawn from a
news vocabulary by a Zipf law; markings public, force, nations (ITA, FRA or USA) and internal;
0-3 of 60 actors and one of 10 sources each. Written with `bulk_create` (the subject is the
query, not the gate), terms made by `index_text` as writes make them."""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from typing import Any

SEED = 2026

ARABIC = (
    "غزة قطاع رفح خان يونس دير البلح بيت لاهيا بيت حانون جباليا النصيرات المغازي إيطاليا فرنسا "
    "الولايات المتحدة مصر قطر وزارة الصحة الدفاع المدني الجيش الإسرائيلي حماس القوة الدولية "
    "الاستقرار مجلس السلام الميثاق الهدنة وقف إطلاق النار المرحلة الثانية غارة جوية قصف مدفعي "
    "شهداء جرحى أطفال نساء مستشفى مدرسة مخيم نازحين معبر كرم أبو سالم شاحنات مساعدات إنسانية "
    "غذاء دواء وقود مياه كهرباء إعمار الشرطة تدريب ضباط قوات الانتشار المشاركة الحكومة البرلمان "
    "الدستور تفويض دولي قرار مجلس الأمن الأمم المتحدة الأونروا منظمة الصحة العالمية بيان صحفي "
    "مصادر محلية مطلعة رفض التعليق لم يرد أعلن قال أكد نفى حذر دعا طالب شرق غرب شمال جنوب "
    "منطقة حي الزيتون الشجاعية التفاح الرمال الشاطئ تل الهوى المواصي البريج الزوايدة عبسان "
    "خزاعة بني سهيلا القرارة الفخاري صواريخ طائرات مسيرة دبابات اشتباكات مسلحة اعتقال هدم منازل"
).split()
ENGLISH = (
    "gaza strip rafah khan younis deir al-balah beit lahia jabalia nuseirat italy france united "
    "states egypt qatar ministry health civil defence israeli army hamas international force "
    "stabilization board peace charter truce ceasefire phase second air strike shelling killed "
    "injured children women hospital school camp displaced crossing kerem shalom trucks aid "
    "humanitarian food medicine fuel water electricity reconstruction police training officers "
    "troops deployment participation government parliament constitution mandate resolution "
    "security council united nations unrwa world organization statement press local sources "
    "declined comment respond announced said confirmed denied warned called demanded east west "
    "north south area neighbourhood zeitoun shujaiya rockets drones tanks clashes armed arrests "
    "demolitions trainers pledged pledges invited invitation founding member considering"
).split()
KINDS = [("document", 40), ("claim", 30), ("incident", 15), ("statement", 5)]
KINDS += [("consignment", 5), ("actor", 5)]
CLAIM_TYPES = ["attack", "casualties", "invitation", "contribution", "statement", "refusal"]
# What the records' pages need (a document, a speaker, a crossing and a day).
LINKS = {"claim": "1", "statement": "A1", "consignment": "KS|2025-11-01"}
PCODES = ["PS0255", "PS0260", "PS0265", "PS0270", "PS0275"]
QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("غزة", {}),  # in about a third of the entries
    ("ايطاليا", {}),
    ("خانيونس", {}),  # written as two words in the corpus
    ("وزارة الصحة", {}),
    ("بالمستشفى", {}),  # a clitic on a common word
    ("police training", {}),
    ("strikes", {}),
    ("عبسان خزاعة", {}),  # two rarer words together
    ("غزة", {"kind": "incident"}),
    ("ايطاليا", {"start": date(2025, 10, 10), "end": date(2025, 12, 31)}),
    ("رفح", {"governorate": "PS0275", "kind": "claim"}),
    ('"NEAR(x" OR *', {}),  # operators only: no words, answered at once
]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _dress(word: str, rng: random.Random) -> str:
    """An Arabic word as texts write it now and then: a clitic, diacritics, tatweel."""
    roll = rng.random()
    if roll < 0.10:
        return rng.choice("وبل") + word
    if roll < 0.13:
        return word[0] + "\u064e" + word[1:]
    if roll < 0.15 and len(word) > 2:
        return word[:2] + "\u0640" + word[2:]
    return word


def _text(rng: random.Random, arabic: bool) -> str:
    words = ARABIC if arabic else ENGLISH
    weights = [1 / (rank + 1) for rank in range(len(words))]
    chosen = rng.choices(words, weights=weights, k=rng.randint(30, 80))
    if arabic:
        chosen = [_dress(word, rng) for word in chosen]
    return " ".join(chosen)


def populate(n: int, seed: int) -> dict[str, Any]:
    from django.db import transaction

    from marsad.core.models import SearchEntry, SearchEntryActor
    from marsad.core.search.text import index_text
    from marsad.core.services.actors import create_actor, create_source
    from marsad.core.services.base import SystemUser

    system = SystemUser("system:bench")
    rng = random.Random(seed)
    with transaction.atomic():
        actors = [
            create_actor(
                by=system,
                key=f"A{i}",
                kind="organization",
                name_ar=f"جهة {i}",
                name_en=f"Actor {i}",
                marking="public",
            ).pk
            for i in range(60)
        ]
        sources = [
            create_source(
                by=system,
                key=f"S{i}",
                name_ar=f"مصدر {i}",
                name_en=f"Source {i}",
                kind="media",
                reliability="ABCDEF"[i % 6],
                marking="public",
            ).pk
            for i in range(10)
        ]
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    analysed = 0.0
    inserted = 0.0
    words = 0
    for start in range(0, n, 5000):
        rows, links = [], []
        for i in range(start, min(n, start + 5000)):
            arabic = rng.random() < 0.6
            body = _text(rng, arabic)
            title = _text(rng, arabic)[:80]
            words += body.count(" ") + title.count(" ") + 2
            clock = time.perf_counter()
            terms = index_text(title, body)
            analysed += time.perf_counter() - clock
            marking = rng.choices(["public", "force", "nations", "internal"], [5, 2, 2, 1])[0]
            kind = rng.choice(kinds)
            rows.append(
                SearchEntry(
                    kind=kind,
                    record_id=str(i),
                    link=LINKS.get(kind, ""),
                    title_ar=title,
                    title_en=title,
                    body=body,
                    terms=terms,
                    day=date(2025, 10, 10) + timedelta(days=rng.randint(0, 120)),
                    claim_type=rng.choice(CLAIM_TYPES) if kind == "claim" else "",
                    source_id=rng.choice(sources),
                    grade=rng.choice("ABCDEF") + rng.choice("123456"),
                    governorate=rng.choice(PCODES) if rng.random() < 0.7 else "",
                    marking=marking,
                    releasable_to=f"|{rng.choice(['FRA', 'ITA', 'USA'])}|"
                    if marking == "nations"
                    else "",
                )
            )
            links.append(rng.sample(actors, rng.randint(0, 3)))
        clock = time.perf_counter()
        with transaction.atomic():
            created = SearchEntry.objects.bulk_create(rows, batch_size=1000)
            SearchEntryActor.objects.bulk_create(
                [
                    SearchEntryActor(entry_id=row.pk, actor_id=actor)
                    for row, chosen in zip(created, links, strict=True)
                    for actor in chosen
                ],
                batch_size=2000,
            )
        inserted += time.perf_counter() - clock
        say(f"{start + len(rows):,} entries")
    return {
        "entries": n,
        "words": words,
        "analyse_seconds": analysed,
        "analyse_words_per_second": words / analysed,
        "insert_seconds": inserted,
        "insert_rows_per_second": n / inserted,
    }
