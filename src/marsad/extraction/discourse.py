"""What a document has said so far, for the slots a sentence leaves empty: the force or body
the text is about, the last subject and speaker (for "it", "she", verbs with no subject), and
the last perpetrator of an attack."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from marsad.extraction.gazetteer import ENTITY, Actor, Entry, Match
from marsad.extraction.group_names_en import BODY
from marsad.extraction.normalize import fold

# The flags of a mention that refers back ("the group", "الحركة") rather than names.
REFERENCE = frozenset({"ref"})
_GAZA_PARTIES = frozenset({"HAMAS", "PIJ", "ISR", "IDF", "PSE", "PA", "GAZA-CEASEFIRE"})
_GAZA_TRUCE = "GAZA-CEASEFIRE"
# Words that make a ceasefire's name Gaza's whatever the text ("Gaza truce", "اتفاق شرم الشيخ").
_GAZA = ("غزه", "gaza", "شرم", "sharm")
# Offices and the truce that bare words name only in a text about Gaza ("وزارة الصحة", "the
# health ministry", "اتفاق وقف إطلاق النار"), and the words that name them Gaza's anyway.
_GAZA_DEFAULTS = frozenset({_GAZA_TRUCE, "GAZA-MOH", "GAZA-GMO"})
_GAZA_NAMED = (*_GAZA, "القطاع", "فلسطيني", "palestinian")
TOPIC_KINDS = frozenset({"force", "body", "agreement", "plan"})
# Bodies that are talked about, never joined or contributed to.
_NOT_TOPICS = frozenset({"UNSC", "IDF", "CENTCOM", "ITA-PARLIAMENT", "ITA-CARABINIERI", "PA"})
# Men and places of a group, before the group's name in construct (folded).
_OWNED = frozenset(
    fold(w)
    for w in "مواقع موقع مقار مقر مقرات معاقل معقل عناصر مقاتلي مقاتلو مسلحي مسلحو قادة قائد "
    "زعيم قيادي قياديا أنصار أعضاء عضو مخازن مخزن مستودعات مخابئ تحصينات قوات جنود قاعدة "
    "قواعد معسكر دورية دوريات قافلة قوافل رئيس باسم موظفي مروحية طائرات".split()
)
# References that stand for an international mission or force named before, whatever its name
# ("يوناميد … قاعدة البعثة", "UNMISS … the mission said"): a force no state owns.
_MISSION_NOUNS = frozenset({"بعثه", "قوه", "mission"})
# "The crossing": the crossing named before ("… through Kerem Shalom. The crossing closed").
_CROSSING_NOUNS = frozenset({"معبر", "crossing"})
# "The army", "the coalition": a state's army (or armed forces) or a coalition named before
# ("الجيش السوداني … ونفى المتحدث باسم الجيش").
_ARMY_NOUNS = frozenset({"جيش", "army", "military"})
_ARMY_NAMES = tuple(fold(w) for w in ("الجيش", "القوات المسلحة", "القوات الأمنية"))
_ARMY_WORDS = ("army", "armed forces", "defense forces", "defence forces", "military")
_COALITION_NOUNS = frozenset({"تحالف", "coalition"})
# Words before "the army" that name its uniform, not the army: "مسلحون يرتدون زي الجيش".
_UNIFORM = frozenset(fold(w) for w in "زي بزي ملابس بملابس uniform uniforms".split())


def _noun_before(text: str, match: Match) -> str:
    """The word before a name when it is a noun of groups the references use ("ميليشيا
    «كوديكو»"), with a space; else nothing."""
    lead = text[max(0, match.start - len(match.prefix) - 14) : match.start - len(match.prefix)]
    words = lead.replace('"', " ").replace("«", " ").split()
    last = words[-1] if words else ""
    return last + " " if last in _GROUP_NOUNS else ""


# Nouns of groups that stand before their name and that a reference repeats.
_GROUP_NOUNS = frozenset(fold(w) for w in "ميليشيا مليشيا عصابة تنظيم جماعة حزب حركة".split())


def _nisba_after(text: str, ref: Match, entities: list[Match]) -> bool:
    """A nisba no entity holds right after an Arabic reference: its owner, named but unknown."""
    if ref.entry.lang != "ar" or any(ref.end < m.start <= ref.end + 24 for m in entities):
        return False  # "الجيش الوطني الصومالي": the state follows
    words = text[ref.end : ref.end + 20].split()
    if not words or words[0] in _NOT_OWNERS:
        return False  # "الجيش الوطني", "الجيش الشعبي": an army's kind, not its state
    return words[0].startswith("ال") and words[0].endswith(("ي", "يه"))


# Nisbas after "the army" that tell its kind, not whose it is (folded).
_NOT_OWNERS = frozenset(
    fold(w) for w in "الوطني الشعبي النظامي الحكومي الرسمي الاتحادي العربي الحر".split()
)


_BORDER = frozenset(fold(w) for w in "الحدود حدود border".split())


def _border_of(text: str, match: Match) -> bool:
    """A state named as the other side of a border: "قرب الحدود الموريتانية", "الحدود مع
    النيجر", "near the Mauritanian border", "the border with Niger"."""
    lead = text[max(0, match.start - len(match.prefix) - 16) : match.start - len(match.prefix)]
    words = lead.casefold().split()
    if match.entry.adjective:
        tail = text[match.end : match.end + 10].casefold().split()[:1]
        return bool(words[-1:] and words[-1] in _BORDER) or tail == ["border"]
    return words[-2:-1] in (["الحدود"], ["border"]) and words[-1:] in (["مع"], ["with"])


def _uniform(text: str, ref: Match) -> bool:
    words = text[max(0, ref.start - len(ref.prefix) - 12) : ref.start - len(ref.prefix)].split()
    return bool(words) and words[-1] in _UNIFORM


# Words a mission's name may put between its owner and its short name ("بعثة الأمم المتحدة
# لتحقيق الاستقرار في الكونغو الديمقراطية (مونوسكو)").
_MISSION_GAP = 8


# Each dictionary's armies by state (`Discourse.armies`), kept with the dictionary they were
# read from.
_ARMIES: dict[int, tuple[Mapping[str, Actor], dict[str, str]]] = {}


@dataclass
class Discourse:
    """Document-level memory shared by the sentences of one document."""

    actors: dict[str, Actor]
    topics: Counter[str] = field(default_factory=Counter)
    gaza: bool = False
    last_subject: list[str] = field(default_factory=list)
    last_speaker: list[str] = field(default_factory=list)
    last_perpetrator: list[str] = field(default_factory=list)
    # whom the last attack told was aimed at: the side that may fire back
    last_attacked: list[str] = field(default_factory=list)
    last_group: str | None = None
    last_mission: str | None = None
    last_crossing: str | None = None
    last_state: str | None = None
    # whether the text names a party to the Gaza ceasefire (its default agreement)
    gaza_parties: bool = False
    # whether a protest was told before: later, "المحتجين" names its crowd again
    protest_told: bool = False

    def block(
        self,
        entities: list[Match],
        cues: list[Match],
        text: str,
        original: str,
        to_original: Callable[[int], int],
    ) -> list[Match]:
        """The entities of a normalized block read against what the document has said:
        references as mentions (`refer`), Gaza's bare offices and truce (`local_truce`), the UN
        with its missions (`missions`). `original` and `to_original` give the words as written."""

        def written(a: int, b: int) -> str:
            return " ".join(original[to_original(a) : to_original(b)].split())

        entities = self.refer(entities, cues, text)
        entities = self.local_truce(entities, text, written)
        return self.missions(entities, cues, text)

    def refer(self, entities: list[Match], cues: list[Match], text: str) -> list[Match]:
        """The entities of a block with "the movement" (الحركة) read as a mention of the armed
        group named last before it, in this block or an earlier one; "the organisation", "the
        group", "the party" (التنظيم، الجماعة، الحزب) as one of the group or party named last
        with that noun ("تنظيم الدولة الإسلامية", "حزب الله")."""
        refs = [
            c
            for c in cues
            if c.category == "GOVREF"
            or (c.category.startswith("GROUPREF") and self._subject(c, cues, text))
            or (c.category.startswith("GOVREF:") and self._speaks(c, cues, text))
        ]
        if not refs:
            return entities
        found = list(entities)
        # the state a border is shared with is not the one the story happens in
        stated = [m for m in entities if not _border_of(text, m)]
        for ref in refs:
            # each name with the word before it: "ميليشيا «كوديكو»" is named with its noun
            named = [
                (m.entry.value, _noun_before(text, m) + text[m.start : m.end])
                for m in entities
                if m.end <= ref.start
            ]
            # "GROUPREF:تنظيم" holds its noun; plain "GROUPREF" (the movement) none
            noun = ref.entry.value if ref.entry.category != "GROUPREF" else ""
            if ref.category.startswith("GOVREF"):
                group = self._government(stated, ref)
            else:
                group = self._referent(named, noun)
            if noun in _ARMY_NOUNS and _nisba_after(text, ref, entities):
                continue  # "الجيش الإريتري": an army whose state the dictionaries do not name
            if group is None and noun in _ARMY_NOUNS and not _uniform(text, ref):
                # no army named yet: the army of the state the text is about, or the state (a
                # state's army stands for it)
                state = self._first_state(stated) or self.last_state
                group = self.armies().get(state, state) if state else None
            if group is None or any(m.start < ref.end and ref.start < m.end for m in entities):
                continue
            if any(
                m.entry.adjective and 0 <= m.start - len(m.prefix) - ref.end <= 1 for m in entities
            ):
                continue  # "الحكومة اليمنية", "الجيش الأمريكي": the owner is named
            found.append(
                Match(
                    ref.start, ref.end, Entry(ENTITY, group, ref.entry.lang, REFERENCE), ref.prefix
                )
            )
        return sorted(found, key=lambda m: m.start)

    def _referent(self, named: list[tuple[str, str]], noun: str) -> str | None:
        """The group named last (`named`: id and words as written, in text order; then the last
        group of earlier blocks) that a reference stands for: any armed group for "the
        movement", else one named with the reference's noun, here or in the dictionary ("جماعة
        بوكو حرام", "حزب الله")."""

        def fits(actor_id: str | None, written: str = "") -> bool:
            if actor_id is None:
                return False
            actor = self.actors[actor_id]
            if not noun:
                return actor.kind == "armed_group"
            if noun in _CROSSING_NOUNS:
                return actor_id.startswith("CROSSING-")
            if noun in _ARMY_NOUNS:
                return self._army(actor)
            if noun in _COALITION_NOUNS:
                return actor.kind in ("force", "organization") and fold(actor.name_ar).startswith(
                    "التحالف"
                )
            if noun in _MISSION_NOUNS:
                owner = self.actors.get(actor.parent or "")
                return actor.kind == "force" and (owner is None or owner.kind != "state")
            # "جماعة بوكو حرام", "الجبهة الشعبية لتحرير فلسطين": named with the noun
            opened = any(
                fold(n).startswith((noun + " ", "ال" + noun + " "))
                for n in (written, actor.name_ar)
            )
            return opened and actor.kind in ("armed_group", "organization")

        earlier = [actor_id for actor_id, written in named if fits(actor_id, written)]
        if earlier:
            return earlier[-1]
        before = (
            self.last_crossing
            if noun in _CROSSING_NOUNS
            else self.last_mission
            if noun in _MISSION_NOUNS
            else self.last_group
        )
        return before if fits(before) else None

    def _first_state(self, entities: list[Match]) -> str | None:
        """The state the block names first: the one its story is about."""
        for match in entities:
            state = self.state_of(match.entry.value)
            if state is not None:
                return state
        return None

    def _government(self, entities: list[Match], ref: Match) -> str | None:
        """The state whose government's forces "القوات الحكومية", "government troops" are: the
        state named nearest before them, or whose place is (a town of Somalia: Somalia), else
        nearest after them, else the last state of the text before."""
        before: list[tuple[int, str]] = []
        after: list[tuple[int, str]] = []
        for match in entities:
            state = self.state_of(match.entry.value)
            if state is not None:
                (before if match.end <= ref.start else after).append((match.start, state))
        if before:
            return max(before)[1]
        if after:
            return min(after)[1]
        return self.last_state

    def state_of(self, actor_id: str) -> str | None:
        """The state an actor is, or a place lies in."""
        actor = self.actors.get(actor_id)
        for _ in range(4):
            if actor is None or actor.kind not in ("state", "place"):
                return None
            if actor.kind == "state":
                return actor.id
            actor = self.actors.get(actor.parent or "")
        return None

    def armies(self) -> dict[str, str]:
        """Each state's army (its force named as the army), for "the army" of a text that names
        the state but not its army. Read once per dictionary: every document shares it."""
        kept = _ARMIES.get(id(self.actors))
        if kept is None or kept[0] is not self.actors:
            found: dict[str, str] = {}
            for actor in self.actors.values():
                if self._army(actor) and actor.parent and actor.parent not in found:
                    found[actor.parent] = actor.id
            kept = _ARMIES[id(self.actors)] = (self.actors, found)
        return kept[1]

    def _army(self, actor: Actor) -> bool:
        """A state's army or armed forces (not its police, guards or commands abroad)."""
        owner = self.actors.get(actor.parent or "")
        if actor.kind != "force" or owner is None or owner.kind != "state":
            return False
        english = actor.name_en.lower()
        named = fold(actor.name_ar).startswith(_ARMY_NAMES)
        return named or any(word in english for word in _ARMY_WORDS)

    @staticmethod
    def _subject(ref: Match, cues: list[Match], text: str) -> bool:
        """Whether "the movement" stands where a speaker or an agent stands: right after a verb
        of saying or of a claim (وطالبت الحركة، قالت الحركة) or after "that" (إن الحركة), not in
        "freedom of movement" or "the movement of trucks"; or where an owner stands, after the
        men or places it owns ("مواقع التنظيم", "عناصر الحزب")."""
        if ref.entry.lang != "ar":
            # "the group of protesters", "the movement of trucks": a group the words name
            return not text.startswith(" of ", ref.end)
        if ref.entry.value in _CROSSING_NOUNS or ref.entry.value in _ARMY_NOUNS:
            return True  # a crossing or an army is named again wherever it stands
        lead = text[max(0, ref.start - len(ref.prefix) - 16) : ref.start - len(ref.prefix)]
        words = lead.split()
        if not ref.prefix and words and words[-1] in _OWNED:
            return True
        at = ref.start - len(ref.prefix)
        if not ref.prefix and words and words[-1] == "عن":
            at = at - len(words[-1]) - 1  # "لم يصدر أي تعليق عن التنظيم": whose comment
        return any(
            c.end <= at <= c.end + 1
            and (c.category.startswith(("T:", "ATTR:say")) or c.category == "THAT")
            for c in cues
        )

    @staticmethod
    def _speaks(ref: Match, cues: list[Match], text: str) -> bool:
        """Whether "the government" (الحكومة) stands where a speaker or an agent stands: right
        after a verb of saying, of a claim or of an act, or after "that" (اتهمت الحكومة
        الحوثيين، قالت الحكومة إن); in English anywhere but before "of" or as part of a
        compound ("the government of Mali", "the government-held town")."""
        if ref.entry.lang != "ar":
            return not text.startswith((" of ", "-"), ref.end)
        return any(
            c.end <= ref.start - len(ref.prefix) <= c.end + 1
            and (c.category.startswith(("T:", "ATTR:say")) or c.category == "THAT")
            for c in cues
        )

    def missions(self, entities: list[Match], cues: list[Match], text: str) -> list[Match]:
        """The entities of a block with the owner of a mission named just before the mission
        read as the mission: "the UN peacekeeping mission MONUSCO", "قاعدة لبعثة الأمم المتحدة
        لتحقيق الاستقرار في الكونغو الديمقراطية (مونوسكو)" name MONUSCO, not the UN. A cue
        between ("the UN said MONUSCO troops") or a full stop keeps the owner apart."""
        owners = {
            actor.parent
            for m in entities
            if (actor := self.actors[m.entry.value]).kind == "force" and actor.parent
        }
        if not owners:
            return entities  # most blocks: no force of an owner named
        found = list(entities)
        for i, owner in enumerate(entities):
            if owner.entry.value not in owners:
                continue
            mission = next(
                (
                    m
                    for m in entities[i + 1 :]
                    if self.actors[m.entry.value].parent == owner.entry.value
                ),
                None,
            )
            if mission is None or self.actors[mission.entry.value].kind != "force":
                continue
            between = text[owner.end : mission.start - len(mission.prefix)]
            if len(between.split()) > _MISSION_GAP or "." in between:
                continue
            if any(
                owner.end <= c.start < mission.start and c.category.startswith(("T:", "ATTR:"))
                for c in cues
            ):
                continue
            found[i] = owner._replace(entry=mission.entry)
        return found

    def local_truce(
        self, entities: list[Match], text: str, written: Callable[[int, int], str]
    ) -> list[Match]:
        """The entities of a block without the ceasefire words that name no ceasefire of their
        own ("ceasefire agreement", "اتفاق وقف إطلاق النار"), and with the bare health ministry
        or media office read as a body of their own (`written`: the words as the text has them),
        when neither this block nor an earlier one is about Gaza: in a text about South Sudan
        they are not Gaza's truce, in one about Sudan not Gaza's ministry."""
        generic = [
            m
            for m in entities
            if m.entry.value in _GAZA_DEFAULTS
            and not any(w in text[m.start : m.end] for w in _GAZA_NAMED)
        ]
        if not generic or self.gaza or self.gaza_parties:
            return entities
        for match in entities:
            actor = self.actors[match.entry.value]
            place = (actor.pcode or actor.parent or "").startswith("PS02")
            if place or (actor.id in _GAZA_PARTIES and actor.id != _GAZA_TRUCE):
                return entities
        kept: list[Match] = []
        for match in entities:
            if not any(match is m for m in generic):
                kept.append(match)
            elif match.entry.value != _GAZA_TRUCE:
                name = BODY + written(match.start, match.end)
                kept.append(match._replace(entry=Entry(ENTITY, name, match.entry.lang)))
        return kept

    def read(self, entities: list[Match]) -> None:
        """Count the topics of a block before its sentences are read."""
        for match in entities:
            actor = self.actors[match.entry.value]
            if actor.kind == "armed_group":
                self.last_group = actor.id
            if actor.id.startswith("CROSSING-"):
                self.last_crossing = actor.id
            self.last_state = self.state_of(actor.id) or self.last_state
            owner = self.actors.get(actor.parent or "")
            if actor.kind == "force" and (owner is None or owner.kind != "state"):
                self.last_mission = actor.id
            national = actor.parent and self.actors[actor.parent].kind == "state"
            if actor.kind in TOPIC_KINDS and actor.id not in _NOT_TOPICS and not national:
                self.topics[actor.id] += 1
            if actor.kind == "place" and (actor.pcode or actor.parent or "").startswith("PS02"):
                self.gaza = True
            if actor.id in _GAZA_PARTIES:
                self.gaza_parties = True

    @property
    def gaza_ceasefire(self) -> str | None:
        """The agreement a ceasefire word means when the text names none: the Gaza ceasefire
        in a text about Gaza or its parties, none in a text about Sudan or Yemen."""
        return "GAZA-CEASEFIRE" if self.gaza or self.gaza_parties else None

    def topic(self, kinds: frozenset[str] = TOPIC_KINDS, skip: tuple[str, ...] = ()) -> str | None:
        """The most mentioned force, body, agreement or plan of the document, if any."""
        for actor_id, _ in self.topics.most_common():
            if self.actors[actor_id].kind in kinds and actor_id not in skip:
                return actor_id
        return None

    def remember(self, claim_type: str, actor: list[str], recipient: list[str]) -> None:
        """Keep the actor of a claim, and whom an attack was aimed at, for the sentences that
        follow."""
        if claim_type == "attack" and recipient:
            self.last_attacked = recipient
        if claim_type == "protest":
            self.protest_told = True
        if not actor:
            return
        if claim_type in ("attack", "casualties"):
            self.last_perpetrator = actor
            return
        kinds = {self.actors[a].kind for a in actor}
        if kinds & {"state", "office", "person", "organization", "group", "body", "armed_group"}:
            self.last_subject = actor
        if claim_type in ("statement", "comment_refusal"):
            self.last_speaker = actor
