"""Explosions and fires that are accidents, not attacks: a gas cylinder, a fuel tank, a
remnant of war going off, a fire from an electrical fault; and natural disasters and weapons
tested or fired in drills. News reports them with the same
words of explosion and death as a bombing; what tells them apart is the cause named in the
sentence and the absence of anyone who attacked.

Patterns are written on normalized text (alef, ta marbuta and yeh folded, lower case).
"""

from __future__ import annotations

import re

from marsad.extraction.slots import Sentence

_ACCIDENT = re.compile(
    r"(?<!\w)(?:"
    # Arabic: gas and fuel, remnants of war, accident, fire, electrical fault
    r"[وبل]?(?:ال)?(?:اسطوان|انبوب|قارور)[اه]?\w{0,3} (?:ال)?غاز|تسرب (?:ال)?غاز|انفجار (?:ال)?غاز"
    r"|خزان (?:ال)?(?:غاز|وقود)|[بو]?مخلفات (?:ال)?(?:حرب|احتلال|قصف)|من مخلفات"
    r"|(?:ذخير|ذخاير|قذيف|قنبل|لغم)\w{0,3} (?:قديم\w{0,2} )?غير منفجر\w{0,2}"
    r"|بالخطا|عن طريق الخطا|بشكل عرضي|حادث (?:عرضي|سير|مروري)|[بو]?حريق|ماس كهربايي"
    r"|صعق\w{0,2} كهربايي\w{0,2}|انهيار (?:مبني|منزل|عقار)"
    # English
    r"|gas (?:cylinder|canister|tank|leak|explosion|line|pipe)s?|cooking gas|fuel tank"
    r"|unexploded|left ?over|remnants? of (?:the )?war|accidental(?:ly)?|by accident"
    r"|a fire|(?:a|the) blaze|fire broke out|electrical fault|short circuit"
    r"|(?:road|traffic|industrial) accident|car crash|building collapse|boiler"
    r")(?!\w)"
)
# Every alternative of _ACCIDENT holds one of these words. _ACCIDENT opens with a look-behind,
# which makes its search try every position; this alternation of plain words skips ahead in C,
# and the sentences without any of them (nearly all) are done with.
ANCHORS = (
    "غاز|خزان|مخلفات|منفجر|الخطا|عرضي|حادث|حريق|كهربايي|انهيار|gas|fuel|unexploded|left"
    "|remnant|accident|fire|blaze|electrical|circuit|crash|collapse|boiler"
)
_ANCHOR = re.compile(ANCHORS)
# Words of a hostile act: with any of them the explosion is an attack whatever else it names.
_HOSTILE = re.compile(
    r"(?<!\w)(?:"
    r"[وف]?(?:است?هدف\w{0,3}|هجوم\w{0,2}|هاجم\w{0,3}|غار[هات]\w{0,2}|قصف\w{0,3}|مسلح\w{0,3}"
    r"|اطلاق (?:ال)?نار|انتحاري\w{0,2}|مفخخ\w{0,2}|ناسف\w{0,2}|اغتيال|اغتال\w{0,2}|زرع\w{0,2}"
    r"|تفجير\w{0,2}|فجر\w{0,2}|عدوان|اعتداء\w{0,2}|ب?صاروخ\w{0,3}|ب?صواريخ|ب?مسير[هات]\w{0,2})"
    r"|attack\w*|target\w*|strikes?|struck|air ?strikes?|shell(?:ing|ed)|gunm[ae]n|militants?"
    r"|suicide|car bomb\w*|ieds?|planted|assassinat\w*|bombing|detonated|rockets?|missiles?"
    r"|drones?|raids?"
    r")(?!\w)"
)


# Natural disasters, and weapons fired in a test or a drill: their words of striking, killing
# and firing tell no attack ("an earthquake struck western Afghanistan", "test-fired missiles
# during war games"). Storms are left out: "عاصفة الحزم", "Desert Storm" are operations. No
# look-behind, so that the search skips ahead in C: the words are long enough not to hide
# inside others, and a clitic before an Arabic one ("بزلزال") is welcome.
_NO_ENEMY = re.compile(
    r"(?:earthquake|quake|aftershock|flood|landslide|cyclone"
    r"|test-fire|test firing|missile test|war games|military drills"
    r"|زلزال|زلازل|هزه ارضيه|فيضان|سيول|انهيار ارضي|انهيارات ارضيه"
    r"|مناورات عسكريه|تجربه صاروخيه|تجارب صاروخيه)"
)
# What a disaster or a drill does in the words of an attack: "an earthquake struck", "test-fired
# missiles".
_NEAR = 30
_NOT_HOSTILE_THERE = re.compile(
    r"(?<!\w)(?:struck|strikes?|hit|ضرب\w{0,2}|rockets?|missiles?|صاروخ\w{0,3}|صواريخ)(?!\w)"
)


def accidental(sent: Sentence) -> bool:
    """Whether the sentence reports an accident, a disaster or a drill and no hostile act."""
    text = sent.text[sent.start : sent.end]
    disaster = _NO_ENEMY.search(text)
    if disaster:
        # the words of striking right by the disaster or the drill are its own ("an earthquake
        # struck"); farther, they may tell an attack ("while Israeli jets struck Gaza")
        a, b = max(0, disaster.start() - _NEAR), disaster.end() + _NEAR
        return not _HOSTILE.search(text[:a] + _NOT_HOSTILE_THERE.sub(" ", text[a:b]) + text[b:])
    if not _ANCHOR.search(text):
        return False
    return bool(_ACCIDENT.search(text)) and not _HOSTILE.search(text)
