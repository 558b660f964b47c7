"""The words persons.py reads names by: titles, given names, words that are never names.

Written for the project (Arabic forms folded as normalize.fold does).
"""

from __future__ import annotations

import re

from marsad.extraction.normalize import fold


def _folded(words: str | set[str]) -> frozenset[str]:
    """Words as normalize.py folds them, so that the lists may be written as spelled."""
    items = words.split() if isinstance(words, str) else words
    return frozenset(fold(w) for w in items)


# Arabic titles and roles, normalized (alef, ta marbuta and yeh folded as normalize.py does).
AR_TITLES = _folded(
    """
    الرئيس رئيس رئيسه الملك الامير الاميره الشيخ السيد السيده العقيد اللواء العميد المشير الفريق
    الجنرال العماد النقيب الرائد المقدم القائد قائد الزعيم زعيم الامين امين الوزير وزير وزيره
    الوزيره النائب نائب نائبه ونائبه السفير سفير السفيره المبعوث مبعوث الموفد المتحدث المتحدثه
    الناطق الناطقه متحدث الصحفي الصحفيه الصحافي الصحافيه المراسل المراسله المصور الناشط الناشطه
    الخبير المحلل الكاتب المطران مطران مطراني المطرانين البطريرك الامام المرشد محافظ المحافظ
    الحاكم مدير المدير القاضي المحامي الدكتور الاسير الاسيرين الاسيره المعتقل الشهيد المستشار
    مستشار رئيسي الاعلامي الاعلاميه المدون المفتي المنسق منسق الممثل ممثل المفوض مفوض
    حاكم مراسل مراسله مراسلو الاميرال
    عامل عامله السائق المهندس الطبيب الطبيبه الممرض الممرضه الجندي المجند الرقيب
    العريف الطيار القس الراهب المبشر الرهينه المقاول الممثله ممثله المبعوثه مبعوثه
    المنسقه منسقه المديره مديره المفوضه مفوضه ممثلته ممثلها مبعوثها البابا الكاردينال
    بزعامه القيادي قيادي المدعي المدعيه المندوب مندوب المندوبه مندوبه
    """
)
# Words that stand between a title and the name: the office's complement ("وزير الدفاع", "قائد
# فيلق القدس", "مدير جهاز الأمن") is skipped like the definite words and dictionary names.
AR_COMPLEMENTS = _folded(
    """
    اركان مجلس هيئه جهاز فيلق قوات حركه حزب وزاره وزراء مكتب لجنه جبهه كتائب سرايا دعم غرب شرق
    شمال جنوب وسط عام فرع شعبه بلديه مدينه محافظه ولايه اقليم منظمه وكاله بعثه قسم دائره مديريه
    جمعيه اتحاد نقابه تيار كتله ائتلاف جماعه تنظيم ميليشيا لواء فرقه كتيبه سريه حرس مكافحه شرطه
    امن استخبارات حكومه قريه مخيم حي قضاء ناحيه مركز وحده قاعده جامعه مستشفي شؤون اداره دفاع
    خارجيه داخليه عدل اعلام صحه ماليه مالية جيش سابق اسبق ديني امني عسكري سياسي ميداني محلي
    باسم بالوكاله فخري عهد دين الدين اعلامي وكاله صحيفه قناه شبكه اذاعه مجله حقوق
    """
)
# Words that end the search for a name: particles, pronouns and the verbs and nouns of report.
AR_STOP = _folded(
    """
    في من الي علي عن مع ان انه انها بان وان لان او ثم بعد قبل خلال اثناء عقب لدي امس اليوم غدا
    حيث الذي التي الذين هذا هذه ذلك تلك هو هي هم كان كانت قد لقد لم لن ما لا كما بين عند منذ حتي
    اي كل بعض جميع عدد نحو حول ضد عبر دون غير امام وراء فوق تحت وقال وقالت قال قالت اكد اكدت
    اعلن اعلنت ضروره بشان ازاء لقاء زياره اتصال مقتل اغتيال اصابه اعتقال خطف وفاه وفد وعدد وعددا
    وثلاثه واثنين واخرين اخرين واخر ومرافقيه مرافقيه
    الهجوم الهجمات القصف الاعتداء الاعتداءات الحادث الحادثه الغاره الغارات الضربه الضربات
    التفجير التفجيرات الانفجار القرار الخطوه الاتفاق العمليه الجريمه المجزره الاغتيال الاعتقال
    الانقلاب الحمله التصويت الزياره الاجتماع الهجومين التفجيرين العنف الاشتباكات المعارك
    التصعيد الانتهاكات القتال
    القاده السلطات الاطراف الجانبين الطرفين المجتمع المحتجين المتظاهرين الجميع المواطنين
    """
)
# Given names that start a name with no title before them, and the particles inside names.
AR_GIVEN = _folded(
    """
    محمد احمد محمود مصطفي حسن حسين عبد ابو ام عمر عثمان خالد خليفه معمر سيف مقتدي قاسم هشام
    نبيه رفيق سعد فؤاد نجيب ميشال ميشيل سمير وليد جبران امين بشار حافظ ماهر اصف داود نوري حيدر
    عادل مسعود جلال برهم فؤاد اياد ابراهيم يوسف اسماعيل اسامه ايمن حمدي زكريا مروان ياسر صائب
    اسماعيل يحيي صالح عيدروس منصور جمال فايز عبدالله عبدربه نزار شيرين سليمان رجب هاشم طارق نوري
    فهد سلمان تركي بندر تميم حمد زايد محمدبن قابوس هيثم صباح نواف مشعل جاسم فيصل رياض وسام
    نعيم حسام عماد مهدي هادي رشيد هيفاء مني ليلي فاطمه زينب مريم نجلاء نجلاء عزيز كمال
    جعفر باقر صادق جواد رضا حميد مجيد سعيد رائد غسان نصر نصرالله نادر سامي سالم مالك منير ناصر
    فتحي شكري لطفي منصف قيس زين راشد بوعلام عبدالمجيد عبدالعزيز اسماعيل حميدتي
    عمار عمرو ايهاب باسل باسم بسام ثامر جهاد حازم حمزه خليل رامي زياد سعود شادي صلاح ضياء طلال
    عصام علاء غازي فادي فراس قصي كريم لؤي مازن محسن مصعب معاذ مؤيد نبيل نضال هاني وائل ياسين
    يونس انور ادريس خميس انطوان الياس جورج بيار ايلي شربل جوزيف سليم نايله كميل بطرس
    """
)
# Verbal nouns (تأكيد، اعتماد، إدخال، تبادل، استئناف) follow titles as often as names do
# ("رفض متحدث باسم البيت الأبيض تأكيد ..."); given names of these shapes are listed above.
MASDAR = re.compile(r"^(?:[وفب]?)(?:ت..ي.|ا..ا.|ا.ت.ا.|ت.ا..|ان..ا.|است..ا.|م.ا..ه)$")
# "آل" folds to the bare article "ال": "محمد آل جابر".
AR_JOINERS = frozenset(
    {"عبد", "ابو", "ابن", "بن", "ام", "بنت", "ولد", "دي", "دو", "فان", "فون", "ال"}
)
AR_CLITICS = ("و", "ف", "ب", "ل")
# A preposition or conjunction glued to the article never starts a name's part ("فال" and "كال"
# open foreign names as often: "فالنتين"، "فالستروم").
AR_PREPOSED = ("بال", "وال", "لل")

EN_TITLES = _folded(
    """
    president premier minister secretary-general general gen gen. colonel col col. lieutenant
    major captain commander sheikh shaikh king prince emir ayatollah cleric leader chief envoy
    ambassador spokesman spokeswoman spokesperson journalist reporter correspondent photographer
    videographer editor producer cameraman activist analyst governor speaker mayor judge bishop
    archbishop bishops imam mp lawmaker senator dr dr. mr mr. mrs mrs. ms ms. marshal chancellor
    official commissioner
    warlord founder negotiator mediator coordinator representative adviser advisor director
    head cardinal patriarch sultan crown commandant admiral brigadier sergeant prosecutor
    secretary chairman chairwoman ministers strongman rebel militant
    worker driver engineer contractor nurse doctor soldier corporal pilot hostage priest
    missionary lawyer businessman
    """
)
# Capitalised words of offices and bodies, never part of a person's name ("Chief Executive
# Officer", "Army Chief of Staff").
EN_NOT_NAMES = _folded(
    """
    officer executive council committee ministry office department agency security affairs
    staff forces army navy police operations intelligence command assembly parliament court
    union nations republic state states government authority bureau service services mission
    board the of and for said says will would has have had is was
    """
)
EN_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "da", "du"})
EN_GIVEN = _folded(
    """
    muammar moammar khalifa mohammed muhammad mohamed mohammad ahmed ahmad ali hassan hasan
    hussein husain omar umar khaled khalid saif moqtada muqtada qassem qasem hisham nabih rafik
    rafiq saad fouad najib michel samir walid gebran amin bashar hafez maher assef nouri nuri
    haider adel masoud jalal barham ayad iyad ibrahim yousef yusuf ismail osama ayman zakaria
    marwan yasser yahya saleh aidarous mansour jamal fayez abdullah abdallah abdulla nizar
    shireen suleiman sulaiman recep fahd salman turki bandar tamim hamad zayed qaboos haitham
    sabah nawaf khaled faisal riad riyad wissam naim hossam emad mahdi hadi rashid mustafa
    mostafa abdel abdul abu abdelaziz abdelmadjid abdelfattah jafar baqir sadiq javad reza
    hamid majid saeed raed ghassan nasser kais kais beji rached ismail hemedti mahmoud
    tedros kofi antonio boutros
    """
)


def ar_word(token: str) -> str:
    """The word without a conjunction or preposition glued in front (وبولس، للواء)."""
    if token.startswith("لل") and len(token) > 4:
        return "ال" + token[2:]
    if len(token) > 4 and token[0] in AR_CLITICS and token[1:] in AR_TITLES:
        return token[1:]
    return token


_NOT_AFTER_ALI = _folded(
    {"هامش", "صعيد", "خلفيه", "اثر", "حد", "نحو", "راس", "ضوء", "لسان", "يد", "ايدي", "متن"}
)


def self_ali(text: str, tokens: list[tuple[int, int]], j: int) -> bool:
    """Whether علي after a title is the name Ali: a name, not a phrase, follows it."""
    if j + 1 >= len(tokens):
        return False
    nxt = text[tokens[j + 1][0] : tokens[j + 1][1]]
    return not (
        nxt.startswith("ال") or nxt in AR_STOP or nxt in _NOT_AFTER_ALI or not nxt[0].isalpha()
    )
