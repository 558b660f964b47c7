"""The page docs/extraction-scores.md: the development set's scores (devset_score.py)."""

from __future__ import annotations

from tests.extraction.devset_score import Tally, _share, evaluation, passages


def report() -> str:
    """The markdown page docs/extraction-scores.md."""
    result = evaluation()
    lenient: Tally = result["lenient"]
    strict: Tally = result["strict"]
    counts = result["counts"]
    n_ar = sum(1 for p in passages() if p["language"] == "ar")
    n_en = len(passages()) - n_ar
    lines = [
        "# Extraction scores on the wide development set",
        "",
        f"{n_ar} Arabic and {n_en} English passages written by the project in news style "
        "(`tests/extraction/devset/`, annotated by `docs/annotation.md`): Lebanon, Iraq, Syria, "
        "Yemen, Sudan, Libya, the West Bank, Haiti, Somalia, Mali, Afghanistan, Kosovo, the "
        "DRC, South Sudan, the CAR and a few others, 2004 to 2026. They were "
        "written before the rules of 2026-12 were tuned, but the rules were then improved "
        "while looking at them, so these figures are a development measure, not a test on "
        "unseen text.",
        "",
        "Before the rules of 2026-12 (main at 0ad4527, same set and scorer): claims F1 0.35 "
        "(Arabic) and 0.36 (English), 0.56 and 0.60 without the parties, 0.22 and 0.23 for "
        "attacks, no protests; assaults 0.76 and 0.77; targets filled 0.00 and 0.01.",
        "",
        "Before the persons and targets work of 2026-12-06 (main at 4f023e5): claims F1 0.66 "
        "and 0.71; targets filled 0.41 and 0.57; persons found 0.36 and 0.29. Persons are now "
        "read from titles, given names and later surnames (`persons.py`), so a person the "
        "dictionaries lack still counts (0.91 and 1.00 from that reading alone); the office "
        "table of Libya, the Gulf and North Africa then added four of the set's persons "
        "(Gaddafi, Haftar, Zeidan, Hamdok), which the figures below include.",
        "",
        "Before the places, roles and offices work of 2026-12-06 (main at aee53b6, the first "
        "462 passages): claims F1 0.68 and 0.73; targets filled 0.52 and 0.67; in-domain names "
        "0.87 and 0.82. The 48 passages of `ar-5.jsonl` and `en-4.jsonl` were written and "
        "annotated after that work had begun and were scored once before anything was changed "
        "while looking at them: claims F1 0.83 and 0.78 (main: 0.82 and 0.77), in-domain names "
        "0.81 and 0.79 (main: 0.63 and 0.60), targets filled 0.75 and 0.70 (main: 0.67 and "
        "0.60), assaults 0.95 and 0.86 (main: 0.98 and 0.86). Those figures are the nearest "
        "this page has to a measure on unseen text; see docs/extraction.md.",
        "",
        "Before the blame, settlers, contributions and withdrawals work of 2026-12-06 (main at "
        "c2a8b8c, all 580 passages, main's scorer): claims F1 0.72 (Arabic) and 0.75 "
        "(English); targets filled 0.69 and 0.79; Arabic attacks 0.64, contributions 0.67, "
        "membership decisions 0.40; English contributions 0.53, membership decisions 0.00. The "
        "scorer now takes a state's army for the state, as it already took the IDF for Israel; "
        "that alone gives main 0.73 and 0.75 (targets 0.71 and 0.80), and the rules the rest "
        "(0.79 and 0.78 with main's scorer). The 70 passages of `ar-6.jsonl` and `en-5.jsonl` "
        "(48 Arabic, 22 English; Lebanon, Iraq, Syria, Yemen, Sudan, Libya, the West Bank, "
        "Haiti, Somalia and Mali, 2005 to 2026) were written and annotated before any rule of "
        "that work was changed, and scored then: claims F1 0.69 and 0.66, without the parties "
        "0.91 and 0.75, assaults 1.00 and 0.92, targets filled 0.70 (14/20) and 0.60 (3/5), "
        "in-domain names 0.85 and 0.95, persons 0.70 and 0.50, attacks 0.59 and 0.53, "
        "membership decisions 0.57 and 0.00. A first draft of those files retold, in nearly the "
        "same words, 19 Arabic and 4 English events the earlier files already held (it scored "
        "0.66 and 0.65); those passages were replaced by other events before the score above. "
        "It is the nearest this page has to a measure on unseen text: the misses of the whole "
        "set, these passages among them, were then read to find general causes, so they are "
        "unseen no more (0.81 and 0.72 after the work).",
        "",
        "The 87 passages of `ar-7.jsonl` and `en-6.jsonl` (59 Arabic, 28 English; Afghanistan, "
        "Kosovo, the DRC, South Sudan, the CAR, Mali, southern Lebanon, Haiti, Darfur, Somalia "
        "and a few of the earlier settings, 2004 to 2025; assassinations, kidnappings, "
        "protests, blame, passive voice, numbers in words, negation and forecasts) were "
        "written and annotated before any rule of the places, missions, offices and riots work "
        "of 2026-12-06 was changed, checked against the earlier files for retold events (five "
        "written and about ten planned events were replaced), and scored once on main at "
        "864ba83: claims F1 0.54 (Arabic) and 0.49 (English), without the parties 0.77 and "
        "0.77, assaults 0.97 and 0.93, targets filled 0.39 (14/36) and 0.45 (9/20), "
        "in-domain names 0.66 (80/122) and 0.67 (37/55), persons 0.91 (20/22) and 0.82 "
        "(9/11); attacks 0.44 and 0.45, casualties 0.76 and 0.71, "
        "protests 0.59 and 0.33, statements 0.17 and 0.00. That is the honest figure for news "
        "of settings the dictionaries had not met: most misses were names (towns, missions and "
        "armed groups of those settings), the victims' mission taken for the perpetrator, "
        "crowds attacking told as armed assaults, and two acts of one means merged. After the "
        "work (curated places, missions, armed groups and office-holders of those settings, "
        "and the rules below) the same passages give claims F1 0.61 and 0.64, without the "
        "parties 0.83 and 0.82, assaults 0.98 and 0.93, targets 0.56 and 0.70, in-domain names "
        "0.96 and 0.98, persons 0.91 and 1.00; they are unseen no more. The other 580 passages "
        "went from 0.81 / 0.79 to 0.81 / 0.79 (0.806 → 0.813 and 0.787 → 0.791), no type "
        "falling (English strict F1 0.677 → 0.674: a call's addressee is now its recipient, "
        "which that gold leaves out). Attacks stay the weakest type of the new passages (0.46 "
        "and 0.57): ambushes and raids by gunmen read as gunfire, victims' nationalities in "
        "broken plurals (ألمان) and the speaker of a second verb remain misses.",
        "",
        "The 90 passages of `ar-8.jsonl` and `en-7.jsonl` (60 Arabic, 30 English; the Middle "
        "East of 2005 to 2008 (the Lebanon war of 2006, Iraq's sectarian killings, the clashes "
        "of Fatah and Hamas, Iran's nuclear file, the Amman hotel bombings) and UNIFIL, Haiti, "
        "Darfur, Somalia, Mali, the DRC, South Sudan, the CAR, Kosovo, Bosnia and Libya) were "
        "written and annotated by a writer who did not run or read the extractor, checked "
        "against the earlier files for retold events, and scored once on main at ada4cd0: "
        "claims F1 0.54 (Arabic) and 0.56 (English), without the parties 0.78 and 0.71, "
        "assaults 0.96 and 0.95, targets filled 0.46 (23/50) and 0.55 (12/22), in-domain names "
        "0.77 (129/167) and 0.94 (63/67), persons 0.85 (17/20) and 0.86 (12/14); attacks 0.42 "
        "and 0.36, casualties 0.85 and 0.79, statements 0.30 and 0.67, protests 0.31 and 0.67. "
        "That is the honest figure for news the rules were not written against. Most Arabic "
        "name misses were villages, camps and districts GeoNames lists without an Arabic name "
        "or not at all; places read after their noun (`place_names.py`: بلدة القاع، مخيم زمزم، "
        "حي كفرسوسة) and the towns of 1,000+ people of the region (`build_gazetteer.py`) give "
        "0.89 (148/167) with nothing else changed on those passages, and the other 667 passages "
        "0.963 → 0.970. Attacks and their targets stay the weak part: the victims' mission "
        "taken for the perpetrator, a raid and the abduction it ends in told as one act, the "
        "perpetrator named by a group's noun (مسلحو القوات الديمقراطية المتحالفة) and statements' "
        "addressees.",
        "",
        "The 90 passages of `ar-9.jsonl` and `en-8.jsonl` (60 Arabic, 30 English; Iraq, Syria, "
        "Yemen and Libya of 2011 to 2023, Egypt's Sinai, Algeria, Turkey, Nigeria and the Lake "
        "Chad basin, Mozambique, Haiti, the Golan, Cyprus, Western Sahara and Abyei) were "
        "written by another writer who neither ran nor read the extractor, while the rules of "
        "the paragraph above were being changed, and scored once on main at ada4cd0 and once "
        "after those rules, before anything was changed while looking at them. Before: claims "
        "F1 0.51 (Arabic) and 0.48 (English), without the parties 0.85 and 0.74, assaults 0.97 "
        "and 0.95, targets filled 0.33 (18/54) and 0.26 (5/19), in-domain names 0.71 (132/186) "
        "and 0.73 (66/91), persons 0.78 (28/36) and 0.92 (11/12), attacks 0.35 and 0.33. After "
        "the rules (unseen): claims F1 0.52 and 0.55, targets 0.39 (21/54) and 0.47 (9/19), "
        "in-domain names 0.82 (152/186) and 0.74 (67/91), persons unchanged, attacks 0.35 and "
        "0.49. So the rules carry to news they were not written against, but far from the "
        "targets: claims stay near 0.5 and targets near 0.4 on news of new settings. Their "
        "missed names were then read and the missions, regional forces and groups among them "
        "curated (MINURSO, UNFICYP, the MNJTF, SADC and SAMIM, EUFOR, Barkhane, AFRICOM, ISWAP, "
        "TAK, the PYD, Cabo Delgado, Abyei ...): in-domain names 0.85 and 0.87, targets 0.43 "
        "and 0.53, claims 0.56 and 0.56 with the last rules, seen figures from then on.",
        "",
        "The 90 passages of `ar-10.jsonl` and `en-9.jsonl` (Sudan, Lebanon, the West Bank, the "
        "Sahel, Somalia and Ethiopia, the Red Sea, Iraq, Syria, Gaza and Haiti, 2019 to 2025) "
        "were written by a third writer who neither ran nor read the extractor, scored on main "
        "at 6e656a0, and scored again after the rules of that session (toll periods, killings "
        "as attacks, roles of armed men, the group and body readers, places and curated names "
        "written against the other sets) before their misses were read: claims F1 0.46 → 0.49 "
        "(Arabic) and 0.57 → 0.56 (English), without the parties 0.80 → 0.81 and 0.75 → 0.74, "
        "assaults 0.95 → 0.97 and 0.93 → 0.93, targets filled 0.26 → 0.28 (15/53) and 0.29 → "
        "0.29 (6/21), in-domain names 0.82 → 0.83 and 0.78 → 0.81, persons 0.78 and 1.00 "
        "unchanged. Their misses were then read (places, bodies, the Red Sea's operations and "
        "the region's persons curated; bodies read in construct): seen figures from then on.",
        "",
        "The 90 passages of `ar-11.jsonl` and `en-10.jsonl` (Iraq, Afghanistan, Lebanon, the "
        "West Bank and Gaza, Darfur, Somalia, Yemen, Libya, Syria, Haiti and Mali, 2000 to "
        "2021; 218 Arabic and 105 English claims, two attacks a passage) were written by a "
        "fourth writer in the same way and kept unseen to the end of that session: on main at "
        "6e656a0 and after all its work (d8a2ea5) claims F1 0.33 → 0.34 (Arabic) and 0.42 → "
        "0.45 (English), without the parties 0.70 → 0.70 and 0.70 → 0.72, assaults 0.96 → 0.96 "
        "and 0.94 → 0.96, targets filled 0.35 → 0.36 (29/80) and 0.21 → 0.21 (8/39), in-domain "
        "names 0.82 → 0.85 and 0.80 → 0.82, persons 0.87 → 0.89 and 0.81 → 0.81; attacks 0.22 "
        "→ 0.23 and 0.23 → 0.25, casualties 0.53 → 0.54 and 0.70 → 0.79. These are the honest "
        "figures of that session: assault detection and names carry to unseen news, the parties "
        "of the attacks do not. Most attack misses there are parties the gold names and the "
        "rules do not tie to the act (the state of a place attacked, the side of a clash, a "
        "group named in an earlier clause) and several attacks of one sentence merged into one.",
        "",
        "The sixth set, `ar-12.jsonl` and `en-11.jsonl` (90 passages), is described in "
        "docs/extraction.md. The seventh, `ar-13.jsonl` and `en-12.jsonl` (60 Arabic and 30 "
        "English passages, 202 and 88 claims; 17 settings, 2004 to 2026), was written by a "
        "writer who neither ran nor read the extractor and scored on 39a6434 and after the "
        "rules of 7 December 2026 (4360c79), before anything was read of it: claims F1 0.37 → "
        "0.45 (Arabic) and 0.52 → 0.52 (English), assaults 0.96 → 0.96 and 0.89 → 0.91, "
        "targets filled 0.41 → 0.43 and 0.36 → 0.39, in-domain names 0.83 → 0.85 and 0.83 → "
        "0.88, persons 0.78 → 0.82 and 0.88 → 0.88. Its claims follow the rule the other "
        "files were corrected to that day: a contribution or a withdrawal announced with "
        '"will" (سترسل) is `future`, as in the gold set.',
        "",
        "The eighth, `ar-14.jsonl` and `en-13.jsonl` (60 Arabic and 30 English passages, 214 "
        "and 113 claims; 18 settings, 2004 to 2025), was written the same way on 7 December "
        "2026 and scored on 30672d2 and after that day's later rules (e6f50c2), before anything "
        "was read of it: claims F1 0.49 → 0.54 (Arabic) and 0.43 → 0.47 (English), without the "
        "parties 0.79 → 0.81 and 0.77 → 0.75, assaults 0.97 → 0.97 and 1.00 → 1.00, targets "
        "filled 0.49 → 0.51 and 0.31 → 0.28, in-domain names 0.86 → 0.87 and 0.90 → 0.90, "
        "persons 0.78 → 0.78 and 0.96 → 0.96.",
        "",
        "The ninth, `ar-15.jsonl` and `en-14.jsonl` (60 Arabic and 30 English passages, 230 "
        "and 124 claims; 15 regions, 2004 to 2025), was written the same way on 7 December "
        "2026 and scored on 6f82778 and after the rules written before it was read (ae9ef49): "
        "claims F1 0.55 → 0.55 (Arabic) and 0.60 → 0.60 (English), without the parties 0.81 → "
        "0.81 and 0.79 → 0.78, assaults 0.98 → 0.98 and 0.97 → 0.97, targets filled 0.32 → "
        "0.37 and 0.49 → 0.51, in-domain names 0.84 → 0.84 and 0.88 → 0.88, persons 0.92 → "
        "0.92 and 0.97 → 0.97. Its misses were read after that: seen figures from then on.",
        "",
        "The tenth, `ar-16.jsonl` and `en-15.jsonl` (60 Arabic and 30 English passages, 264 "
        "and 130 claims; 21 settings, 2004 to 2025), was written the same way the same day and "
        "scored on 6f82778 and on 230d29a, after the rules written against the ninth, before "
        "anything was read of it: claims F1 0.52 → 0.55 (Arabic) and 0.49 → 0.53 (English), "
        "without the parties 0.81 → 0.82 and 0.81 → 0.83, assaults 0.99 → 0.99 and 1.00 → "
        "1.00, targets filled 0.37 → 0.38 and 0.39 → 0.46, in-domain names 0.89 → 0.89 and "
        "0.85 → 0.85, persons 0.76 → 0.77 and 0.87 → 0.87.",
        "",
        "The eleventh, `ar-17.jsonl` and `en-16.jsonl` (60 Arabic and 30 English passages, 220 "
        "and 118 claims; 21 settings, 2004 to 2026), was written the same way in a later session "
        "of 7 December 2026 and scored on 4f5e59e and on 35dfdc1 (that session's first rules), "
        "before anything was read of it: claims F1 0.55 → 0.56 (Arabic) and 0.47 → 0.48 "
        "(English), without the parties 0.82 → 0.82 and 0.74 → 0.74, assaults 0.98 → 0.98 and "
        "0.96 → 0.96, targets filled 0.44 → 0.46 and 0.43 → 0.45, in-domain names 0.88 → 0.89 "
        "and 0.85 → 0.88, persons 0.95 → 0.95 and 0.97 → 0.97; with the session's later rules, "
        "still unread (a9dc9dd), in-domain names 0.91 and 0.88.",
        "",
        "The twelfth, `ar-18.jsonl` and `en-17.jsonl` (60 Arabic and 30 English passages, 217 "
        "and 118 claims; 25 settings, 2004 to 2026), was written the same way while the "
        "eleventh's misses were being read, and scored on 4f5e59e and on 3ab8253 (every rule "
        "of that session) before anything was read of it: claims F1 0.58 → 0.58 (Arabic) and "
        "0.63 → 0.63 (English), without the parties 0.85 → 0.85 and 0.86 → 0.86, assaults 0.98 "
        "→ 0.98 and 1.00 → 1.00, targets filled 0.34 → 0.36 and 0.48 → 0.48, in-domain names "
        "0.86 → 0.89 and 0.81 → 0.85, persons 0.92 → 0.92 and 0.94 → 0.94.",
        "",
        "The thirteenth, `ar-19.jsonl` and `en-18.jsonl` (60 Arabic and 30 English passages, 199 "
        "and 101 claims; 22 settings with Colombia, 2004 to 2026, most incidents invented in "
        "real places), was written the same way at the start of the last session of 7 December "
        "2026 and scored on 49fc3fe, on 83d4ff8 (the session's first rules), on b6638b2 and on "
        "e3ae924 (all of them) before anything was read of it: claims F1 0.48 → 0.48 → 0.50 → "
        "0.50 (Arabic) and 0.52 → 0.53 → 0.53 → 0.53 (English), strict 0.445 → 0.444 → 0.456 → "
        "0.462 and 0.442 → 0.452 → 0.452 → 0.450, without the parties 0.84 → 0.84 → 0.85 → 0.85 "
        "and 0.77 unchanged, assaults 1.00 and 0.95 unchanged, targets filled 0.26 → 0.28 → 0.30 "
        "→ 0.30 and 0.27 → 0.33 → 0.33 → 0.33, in-domain names 0.86 → 0.88 → 0.88 → 0.88 and "
        "0.88 → 0.90 → 0.90 → 0.90, persons 0.84 → 0.84 → 0.86 → 0.86 and 1.00.",
        "",
        "The fourteenth, `ar-20.jsonl` and `en-19.jsonl` (60 Arabic and 30 English passages, 257 "
        "and 131 claims; 24 and 22 settings, 2005 to 2026), was written the same way at the start "
        "of the third session of 7 December 2026 and scored on 2a22652 and on c90540d (the "
        "session's rules up to then) before anything was read of it: claims F1 0.55 → 0.56 "
        "(Arabic) and 0.66 → 0.67 (English), strict 0.47 → 0.47 and 0.55 → 0.56, without the "
        "parties 0.79 and 0.89 unchanged, assaults 0.97 and 1.00, targets filled 0.45 → 0.47 and "
        "0.74 unchanged, in-domain names 0.93 and 0.93, persons 0.92 and 0.97.",
        "",
        "The fifteenth, `ar-21.jsonl` and `en-20.jsonl` (60 Arabic and 30 English passages, 220 "
        "and 106 claims; 24 and 21 settings with Chad and Cameroon, 2005 to 2026), was written "
        "the same way at the start of the fourth session of 7 December 2026 and scored on "
        "41cb923 before anything was read of it (the session's first rules changed none of its "
        "figures): claims F1 0.57 (Arabic) and 0.57 (English), strict 0.48 and 0.47, without the "
        "parties 0.81 and 0.82, assaults 0.98 and 0.96, targets filled 0.56 and 0.54, in-domain "
        "names 0.86 and 0.90, persons 0.87 and 0.85. Its misses were then read and written "
        "into rules. The sixteenth, `ar-22.jsonl` and `en-21.jsonl` (60 and 30 passages, 209 "
        "and 106 claims; 22 and 21 settings, 2005 to 2026), was written while those rules were "
        "written and scored on 41cb923 and on the session's last rules (2ad3602) without being "
        "read: claims F1 0.531 → 0.533 and 0.570 → 0.584, strict 0.441 → 0.443 and 0.454 → "
        "0.459, without the parties 0.77 → 0.78 and 0.79 → 0.79, assaults 0.91 and 0.98 "
        "unchanged, targets filled 0.52 and 0.61 unchanged, in-domain names 0.90 and 0.90, "
        "persons 0.85 and 0.96.",
        "",
        "Three more were written the same way in the fifth session of 7 December 2026, each "
        "scored on 947a49f (the code before it) before anything was read of it. The "
        "seventeenth, `ar-23.jsonl` and `en-22.jsonl` (60 and 30 passages, 274 and 125 claims), "
        "gave claims F1 0.44 (Arabic) and 0.50 (English), targets filled 0.46 and 0.49; its "
        "misses were read and written into rules (0.53 and 0.55 after). The eighteenth, "
        "`ar-24.jsonl` and `en-23.jsonl` (60 and 30 passages, 238 and 124 claims), gave 0.549 "
        "and 0.521, and 0.561 and 0.530 on the session's rules up to 086adf1 before it was "
        "read; then it was read too. The nineteenth, `ar-25.jsonl` and `en-24.jsonl` (60 and "
        "30 passages, 218 and 115 claims), was never read: on 947a49f and on the session's last "
        "rules (733a187), claims F1 0.555 → 0.565 and 0.532 → 0.545, strict 0.475 → 0.485 "
        "and 0.477 → 0.491, without the parties 0.78 → 0.79 and 0.78 → 0.79, assaults 0.97 and "
        "0.98 unchanged, targets filled 0.42 → 0.46 and 0.29 → 0.34, in-domain names 0.88 and "
        "0.91 → 0.92, persons 0.94 and 0.91.",
        "",
        "Regenerate this page with `.venv/bin/python -m tests.extraction.devset_score --write`; "
        "`tests/extraction/test_devset.py` holds floors a little under these figures.",
        "",
        "## Claims",
        "",
        "Lenient roles (type, main attribute and modality must agree; the parties the gold "
        "names must be among those predicted). Strict: the same parties exactly.",
        "",
        "The last column ignores the parties altogether (type, main attribute and modality "
        "only): it shows what the rules detect apart from the dictionaries' coverage of the "
        "region's names, which most misses of the other columns come from (see the entity "
        "recall below).",
        "",
        "| key | P | R | F1 | gold | predicted | strict F1 | F1 without parties |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    types = sorted({k.split("/")[1] for k in [*lenient.tp, *lenient.fn, *lenient.fp] if "/" in k})
    regions = sorted({k for k in [*lenient.tp, *lenient.fn] if ":" in k and "/" not in k})
    for key in (
        ["all", "ar", "en"] + regions + [f"{lang}/{t}" for lang in ("ar", "en") for t in types]
    ):
        p, r, f = lenient.prf(key)
        gold = lenient.tp[key] + lenient.fn[key]
        pred = lenient.tp[key] + lenient.fp[key]
        if not gold and not pred:
            continue
        strict_f = f"{strict.prf(key)[2]:.2f}" if key in ("all", "ar", "en") else ""
        typed_f = f"{result['typed'].prf(key)[2]:.2f}" if "/" in key or ":" not in key else ""
        lines.append(
            f"| {key} | {p:.2f} | {r:.2f} | {f:.2f} | {gold} | {pred} | {strict_f} | {typed_f} |"
        )
    lines += [
        "",
        "## Assaults",
        "",
        "A passage describes an assault when the gold has an asserted `attack` or `casualties` "
        "claim; the extractor finds one when it proposes one (forecasts and conditionals do "
        "not count on either side).",
        "",
        "| language | P | R | F1 | passages with an assault |",
        "| --- | --- | --- | --- | --- |",
    ]
    for lang in ("ar", "en", "all"):
        a = result["assault"][lang]
        p = a["tp"] / (a["tp"] + a["fp"]) if a["tp"] + a["fp"] else 0.0
        r = a["tp"] / (a["tp"] + a["fn"]) if a["tp"] + a["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"| {lang} | {p:.2f} | {r:.2f} | {f:.2f} | {a['tp'] + a['fn']} |")
    lines += [
        "",
        "## Roles, entities, figures",
        "",
        "| measure | Arabic | English |",
        "| --- | --- | --- |",
    ]
    rows = [
        ("targets filled (gold claims naming whom the act is aimed at)", "targets"),
        ("entity recall, in-domain names (states, cities, groups, bodies)", "indomain"),
        ("entity recall, persons", "person"),
        ("casualty figures: best agrees (matched claims)", "figures"),
        ("period of totals agrees (matched claims)", "period"),
    ]
    for label, key in rows:
        cells = []
        for lang in ("ar", "en"):
            share, total = _share(counts, f"{lang}:{key}")
            cells.append(f"{share:.2f} ({counts[f'{lang}:{key}_ok']}/{total})")
        lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    lines.append("")
    return "\n".join(lines)
