"""Rules for assaults: the attack itself (its means, perpetrator and target); the accused party of
an accusation of violating a ceasefire (rules_violation.py) is the perpetrator of the attacks it
names."""

from __future__ import annotations

import re

from marsad.extraction import roles
from marsad.extraction.answers import (
    apart_returned,
    attackers_hit,
    fire_returned,
    own_strike,
    returned_once,
)
from marsad.extraction.attack_means import (
    chosen_means,
    equipment,
    intercepted,
    no_shooting,
    struck,
    verbs_of,
)
from marsad.extraction.clashes import between, sides
from marsad.extraction.discourse import REFERENCE
from marsad.extraction.draft import Draft, agent_by, forecast_at
from marsad.extraction.gazetteer import Match
from marsad.extraction.holders import (
    speaker,
    speakers_belonging,
    speakers_own,
    struck_owner,
    taken_from,
)
from marsad.extraction.rules_acts import (
    condemned,
    crowd_act,
    motive,
    on_sovereignty,
    other_acts,
    placed,
)
from marsad.extraction.rules_blame import (
    PERPETRATOR_KINDS,
    armed,
    blamed,
    claimant,
    is_accuser,
    said_by,
)
from marsad.extraction.rules_killings import killers_before
from marsad.extraction.rules_violation import accusations
from marsad.extraction.slots import (
    Sentence,
    adjective_near,
    after,
    allowed,
    barrier_between,
    barriers,
    before,
    ids,
    nearest,
)
from marsad.extraction.threats import conditional, threatener
from marsad.extraction.victims import ACTIVE_VERBS, EN_PAST, of_armed_men, of_service
from marsad.extraction.victims import victims as named_victims

_ONLY_ISRAEL = frozenset({"air", "artillery", "drone", "demolition"})
_OWN_NEAR = 24


def place_near(sent: Sentence, pos: int) -> Match | None:
    """The most precise place of the sentence nearest a position (a governorate over the
    Strip)."""
    places = [m for m in sent.entities if sent.kind(m) == "place"]
    precise = [m for m in places if m.entry.value not in ("PS02",)]
    return nearest(precise or places, pos)


def perpetrator(sent: Sentence, trigger: Match) -> list[str]:
    """Who carried out an attack: "Israeli strike", "by Israeli forces", "قصف الاحتلال". No one
    when the text names no one: a strike in Gaza is not the Israeli army's by default, nor is a
    sentence's attack the previous sentence's perpetrator's."""
    key = ("perpetrator", trigger.start, trigger.end, trigger.entry)
    if key not in sent.roles:
        guess = trigger.entry.value not in _ONLY_ISRAEL
        found = _perpetrator(sent, trigger, guess=guess)
        verbs = verbs_of(sent, trigger) if not found else []
        hit = {m.entry.value for m in named_victims(sent, trigger)} if verbs else set()
        for verb in verbs:
            found = [a for a in perpetrator(sent, verb) if a not in hit]
            if found:
                break
        if not found:
            found = _accused(sent, trigger)
        if not found:
            found = threatener(sent, trigger)
        sent.roles[key] = armed(sent, found)
    return list(sent.roles[key])


def _accused(sent: Sentence, trigger: Match) -> list[str]:
    """ "اتهمت حماس إسرائيل بخرق الاتفاق عبر مواصلة الغارات": the attacks that make up an
    accusation in the same sentence are the accused party's."""
    for accusation in sent.of("T:violation_accusation"):
        if accusation.start < trigger.start:
            drafts = accusations(sent, accusation)
            if drafts:
                return drafts[0].actor
    return []


def _perpetrator(sent: Sentence, trigger: Match, *, guess: bool) -> list[str]:
    killed = killers_before(sent, trigger)
    if killed:
        return killed  # "قالت إن قوات الجيش قتلت ٤٠ من مسلحي حركة الشباب في معارك"
    fight = sides(sent, trigger)
    if fight:
        return fight[0]  # "قتل ٢٧ جندياً لبنانياً في اشتباكات بين الجيش ومسلحي فتح الإسلام"
    clash = between(sent, trigger)
    if clash:
        return [clash[0].entry.value]  # "clashes between the army and the RSF"
    owners = roles.affiliated(sent, trigger)
    if owners:
        return ids(owners)  # "مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام"
    victims = {m.entry.value for m in named_victims(sent, trigger)}
    victims |= {m.entry.value for m in taken_from(sent, trigger)}
    # "إطلاق نار استهدف قواته": the speaker whose own forces were hit right after the act is
    # no attacker (farther, "رداً على مقتل أحد جنوده" may be another act's victims)
    victims |= {m.entry.value for m in speakers_own(sent, trigger, _OWN_NEAR)}
    victims |= {m.entry.value for m in speakers_belonging(sent, trigger)}
    victims |= {m.entry.value for m in struck_owner(sent, trigger)}  # "دمروا دبابة إسرائيلية"
    # "two peacekeepers of MINUSTAH were shot dead": the passive's subject was attacked
    victims |= {m.entry.value for m in roles.passive_subject(sent, trigger)}
    holder = [
        m
        for m in sent.entities
        if m.start < trigger.end
        and trigger.start < m.end
        and sent.kind(m) in PERPETRATOR_KINDS
        and m.entry.value not in victims
    ]
    if holder:
        return ids(holder)  # "Israeli warplanes struck", "طائرات إسرائيلية": one phrase
    found = [m for m in adjective_near(sent, trigger) if m.entry.value not in victims]
    if found:
        return ids(found)
    claimed = claimant(sent, victims, trigger) or said_by(sent, trigger)
    if claimed:
        return claimed
    agent = [a for a in agent_by(sent, trigger.end) if a not in victims]
    if agent:
        return [a for a in agent if sent.actors[a].kind in PERPETRATOR_KINDS or _leader(sent, a)]
    arabic = trigger.entry.lang == "ar"
    # a speaker is not the perpetrator: "Germany expressed concern over the demolition"; nor
    # is the party after an aim word: "هجوم على إسرائيل"
    stop = sorted(
        barriers(sent)
        + [c.start for c in sent.of("T:statement")]
        + [start for start, _ in roles.aim_marks(sent, trigger)]
    )
    if arabic:
        right = [
            m
            for m in _subject_after(sent, trigger, stop)
            if m.entry.value not in victims and not placed(sent, m)
        ]
        victim_like = right and right[0].entry.adjective and trigger.entry.value == "abduction"
        if right and not (victim_like and not of_armed_men(sent, right[0])):
            return ids(right)
    left = before(sent, trigger.start, max_words=5, kinds=PERPETRATOR_KINDS, stop=stop)
    left = [m for m in left if m.entry.value not in victims and not placed(sent, m)]
    if left and is_accuser(sent, left[0]):
        left = []  # "اتهم الجيش اللبناني مسلحين بإطلاق النار": the accuser
    if left and any(left[-1].end <= c.start < trigger.start for c in sent.of("T:statement")):
        left = []  # "وأدان الاتحاد الأوروبي الهجوم": the speaker, not the attacker
    if left and not _victim_subject(sent, left[-1], trigger):
        return ids(left)
    accused = blamed(sent)  # named as the accused, even behind a victim noun ("القوات")
    if accused:
        return accused
    if not guess:
        return []
    # the only armed party the sentence names (not one it refers back to: "the military
    # said"), unless it stands where an English object of the act stands ("rammed his car
    # into a group of Israeli soldiers")
    # the source named after the act ("…, the UN mission MINUSMA said"); not a speaker before
    # it, who may claim the act ("Al-Shabaab said it was behind the explosion")
    quoted = {
        m.entry.value
        for m in speaker(sent)
        if sent.kind(m) == "force"  # an armed group that closes the sentence may claim it
        and m.start > trigger.end
        and "," in sent.text[trigger.end : m.start]
        and sent.words(m.end, sent.end) <= _CLOSING_WORDS
    }
    armed_parties = {
        m.entry.value
        for m in sent.entities
        if sent.kind(m) in ("force", "armed_group")
        and m.entry.flags != REFERENCE
        and m.entry.value not in quoted
        and m.entry.value not in ("ISF",)
        and m.entry.value not in victims
        and not is_accuser(sent, m)
        and (arabic or not _object_of(sent, trigger, m))
    }
    return sorted(armed_parties) if len(armed_parties) == 1 else []


# Words at most after the source that closes a sentence ("…, the UN mission MINUSMA said on
# Sunday.").
_CLOSING_WORDS = 4


def _object_of(sent: Sentence, trigger: Match, match: Match) -> bool:
    """An English party after a verb of attack in its clause, with no "by" between: its object
    (after a noun it may be a side: "clashes between Fatah and Islamist militants")."""
    verb = sent.text[trigger.start : trigger.end].split()[0].lower()
    if not (verb.endswith("ed") or verb in EN_PAST):
        return False
    if match.start < trigger.end or sent.words(trigger.end, match.start) > 10:
        return False
    if any(trigger.end <= b < match.start for b in sent.barriers):
        return False
    return not any(trigger.end <= c.start < match.start for c in sent.of("BY"))


def _subject_after(sent: Sentence, trigger: Match, stop: list[int]) -> list[Match]:
    """The party right after an Arabic verb or noun of attack: two words at most before its
    own word, its article apart ("اقتحمت قوات الأمن السودانية")."""
    right = after(sent, trigger.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
    if right and sent.words(trigger.end, right[0].start - len(right[0].prefix)) > 2:
        return []
    return right


def _leader(sent: Sentence, actor_id: str) -> bool:
    """A person named as the head of armed men: "بقذائف أطلقتها كتائب القذافي"."""
    return sent.actors[actor_id].kind == "person" and any(
        m.entry.value == actor_id and of_armed_men(sent, m) for m in sent.entities
    )


def _victim_subject(sent: Sentence, match: Match, trigger: Match) -> bool:
    """ "Two UNIFIL peacekeepers were wounded", "X was kidnapped": the subject of a passive
    is the victim."""
    if trigger.entry.lang != "en":
        return False
    return bool(roles.passive_subject(sent, trigger)) and any(
        m.entry.value == match.entry.value for m in roles.passive_subject(sent, trigger)
    )


def attacks(sent: Sentence) -> list[Draft]:
    """One attack claim per means in the sentence; "other" only when no means is named or a
    storming is told apart (attack_means.chosen_means)."""
    triggers = [
        t
        for t in sent.of("T:attack")
        if allowed(sent, t)
        and not equipment(sent, t)
        and not no_shooting(sent, t)
        and not struck(sent, t)
        and not intercepted(sent, t)
        and not motive(sent, t)
        and not condemned(sent, t)
        and not on_sovereignty(sent, t)
    ]
    if not triggers:
        return []
    drafts: list[Draft] = []
    has_toll = sent.has("MEAS:killed", "MEAS:injured", "DUAL:killed", "DUAL:injured")
    acted = any(
        not t.prefix and sent.text[t.start : t.end] in ACTIVE_VERBS for t in sent.of("T:attack")
    )
    protest_spans = {(c.start, c.end) for c in sent.of("T:protest")}
    accused = set(blamed(sent))
    # fire returned is the other side's act, told after the act it answers
    plain, returned = apart_returned(sent, triggers)
    chosen = chosen_means(sent, plain)
    acts = list(chosen.items())
    for later in other_acts(sent, plain, chosen):
        actor = perpetrator(sent, later)
        first = perpetrator(sent, chosen[later.entry.value])
        if actor and first and not set(actor) & set(first):
            acts.append((later.entry.value, later))  # two parties, one means: two acts
    acts += _to_come(sent, plain, acts)
    acts += [(t.entry.value, t) for t in returned]
    acts = returned_once(sent, acts, triggers)
    for means, trigger in acts:
        if means == "other" and crowd_act(sent, trigger):
            continue  # "هاجم متظاهرون قاعدة للبعثة": the crowd's riot (rules_protest.py)
        if means == "other" and (trigger.start, trigger.end) in protest_spans:
            # "protesters stormed the embassy and set fire to it", "أضرم محتجون النار": a riot,
            # told as a protest; the crowd may stand after an Arabic verb, or open the sentence
            tail = 30 if trigger.entry.lang == "ar" else 0
            lead = sent.text[sent.start : trigger.end + tail]
            if any(word in lead for word in _CROWD):
                continue
        aimed_at = roles.recipient(sent, trigger, [])
        for verb in verbs_of(sent, trigger) if not aimed_at else []:
            aimed_at = roles.recipient(sent, verb, [])  # "استهدفت حاملة … بثمانية عشر صاروخاً"
            if aimed_at:
                break
        # the party blamed for it or claiming it is no target
        aimed_at = roles.apart(sent, aimed_at, blamed(sent) + claimant(sent, set()))
        perp = perpetrator(sent, trigger)
        if perp and perp == killers_before(sent, trigger):
            # told by its verb of killing, the killer is sure: the target is whom it killed
            aimed_at = roles.recipient(sent, trigger, perp)
        actor = roles.apart(sent, perp, aimed_at)
        if perp and not actor and not roles.recipient(sent, trigger, [], where=False):
            # the target was only the state it happens in ("فتحت الشرطة الأفغانية النار …
            # في مدينة جلال آباد"): the party that did it is no target
            actor, aimed_at = perp, []
        if perp and not actor and set(aimed_at) <= set(roles.aimed_place(sent, trigger)):
            # "غارات جوية إسرائيلية استهدفت بلدة بيت جن": the state of a town aimed at (a
            # name other states' towns share) yields to the party the act is named with
            actor, aimed_at = perp, []
        if perp and not actor and _beside(sent, perp, trigger):
            # "وردت إسرائيل بقصف": the party named at the verb did it, and the target found
            # farther away (the first act's, "مواقع للجيش الإسرائيلي") is not its own side
            actor = perp
            aimed_at = roles.apart(sent, aimed_at, perp)
        if not actor:
            actor = _of_another_word(sent, trigger, triggers, aimed_at)
        if "r" in trigger.entry.flags:
            actor, aimed_at = fire_returned(sent, trigger, drafts, actor)
        elif not actor:
            actor = own_strike(sent, trigger, aimed_at)
        if not aimed_at:
            aimed_at = roles.recipient(sent, trigger, actor, where=False)
        where = place_near(sent, trigger.end)
        if (
            means == "other"
            and "v" not in trigger.entry.flags
            and not (aimed_at or has_toll or (actor and where))
            # "توعدت حركة طالبان بشن هجمات جديدة": attacks vowed by a party that names itself
            and not (actor and threatener(sent, trigger))
            and not (
                sent.text[trigger.start : trigger.end] in _STRIKES
                and _perpetrator(sent, trigger, guess=False)
            )
        ):
            continue
        # a means named by a noun ("طائرات حربية") is an act with a verb of attack beside it
        evident = means in _SELF_EVIDENT or "v" in trigger.entry.flags or acted
        if not (actor or aimed_at or where or has_toll or evident):
            continue
        if not aimed_at:
            # "attacked the ministry with a car bomb": the verb names the target, the noun the
            # means
            for other in triggers:
                if other is not trigger:
                    found = roles.recipient(sent, other, actor, where=False)
                    aimed_at = [a for a in roles.apart(sent, found, actor) if a not in actor]
                    if aimed_at:
                        break
        if not aimed_at and actor and means != "demolition":
            aimed_at = attackers_hit(sent, trigger, actor)
        for word in [trigger] + [t for t in triggers if _same_clause(sent, trigger, t)]:
            if aimed_at:
                break
            # "a fuel depot in Jeddah": Saudi Arabia; "an army base in Borno state": Nigeria;
            # the posts may be told at another word of the act ("شنت طائرات … موجات من الغارات
            # على مواقع عسكرية في طهران", "هاجم مسلحون مركز الشرطة … بعد اشتباك")
            aimed_at = roles.where_or_home(sent, word, actor)
        # "ونسبت الحكومة الهجوم إلى بوكو حرام": the party blamed is no target
        aimed_at = [a for a in aimed_at if a not in accused]
        target = aimed_at[0] if aimed_at else None
        draft = Draft("attack", trigger, 4, actor, aimed_at, target, {"means": means})
        if actor and threatener(sent, trigger) and conditional(sent, trigger.end):
            draft.modality = "hypothetical"  # a threat on a condition
        if actor and armed(sent, claimant(sent, set(aimed_at))) == actor:
            draft.status = "confirmed"  # the perpetrator claims it
        draft.where = where
        drafts.append(draft)
    return drafts


def _same_clause(sent: Sentence, a: Match, b: Match) -> bool:
    """Another word of attack with no word between that opens another act ("while", "فيما"):
    the same act's."""
    if a is b:
        return False
    lo, hi = sorted((a.end, b.end))
    between = sent.text[min(a.start, b.start) : hi]
    return not (_APART.search(between) or barrier_between(sent, lo, hi))


# Words that open a clause of another act: "…, while gunmen attacked", "فيما قصفت".
_APART = re.compile(r"(?<!\w)(?:while|whereas|meanwhile|فيما|بينما|في حين)(?!\w)")


def _to_come(
    sent: Sentence, triggers: list[Match], acts: list[tuple[str, Match]]
) -> list[tuple[str, Match]]:
    """The first act to come after the acts told, of whatever means: "فجّر انتحاري سيارة
    مفخخة، وقال المتحدث إن الحركة ستواصل استهداف القوات" tells a bombing and threatens more."""
    if not acts or any(forecast_at(sent, t.start) for _, t in acts):
        return []
    last = max(t.end for _, t in acts)
    for trigger in triggers:
        if trigger.start > last and forecast_at(sent, trigger.start) == "future":
            return [(trigger.entry.value, trigger)]
    return []


# Nouns that are strikes by whoever is named with them ("أن تنفذ واشنطن ضربات جديدة"), where
# "هجوم" or "عملية" alone may be anything.
def _beside(sent: Sentence, parties: list[str], trigger: Match) -> bool:
    """Whether one of the parties is named, by a name rather than a demonym (but for the demonym
    of a service or of armed men: "أطلقت قوات الأمن الأفغانية النار"), within three words before
    the trigger: its subject ("وردت إسرائيل بقصف", "Israel launched its largest operation")."""
    return any(
        (m.entry.value in parties or armed(sent, [m.entry.value])[0] in parties)
        and (not m.entry.adjective or of_service(sent, m) or of_armed_men(sent, m))
        and m.end <= trigger.start
        and sent.words(m.end, trigger.start) <= 3
        for m in sent.entities
    )


def _of_another_word(
    sent: Sentence, trigger: Match, triggers: list[Match], aimed_at: list[str]
) -> list[str]:
    """The perpetrator named at another word of attack of the sentence, when this one names
    none and that one names a single party as its subject: "Israel launched its largest
    military operation in years in Jenin, with drone strikes": the drone strikes are Israel's."""
    found: list[str] = []
    for other in triggers:
        if other is trigger:
            continue
        # "اقتحمت قوات الأمن السودانية المخيم وأطلقت النار": an Arabic verb's subject follows it
        verb_first = other.entry.lang == "ar" and "v" in other.entry.flags
        if not verb_first and not any(
            0 <= other.start - m.end <= 80 and not m.entry.adjective for m in sent.entities
        ):
            continue  # no name just before that word: no subject to take (and no search)
        parties = roles.apart(sent, perpetrator(sent, other), aimed_at)
        subject = verb_first and any(
            m.entry.value in parties or armed(sent, [m.entry.value])[0] in parties
            for m in _subject_after(sent, other, [])
        )
        if parties and (subject or _beside(sent, parties, other)):
            found += parties
    parties = list(dict.fromkeys(found))
    return parties if len(parties) == 1 else []


_STRIKES = frozenset({"ضربه", "ضربات", "قصف", "قصفت", "قصفوا", "strike", "strikes"})


_CROWD = ("protest", "demonstrat", "supporters", "rioters", "محتج", "تظاهر", "انصار", "مناصر")
# Means that say an assault happened on their own, with no party or place named.
_SELF_EVIDENT = frozenset({"explosive", "abduction", "gunfire"})
