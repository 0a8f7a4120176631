"""Numbers in news text: find them, normalise them and compare them across languages.

``find_numbers`` returns every number mention of a text with its normalised value: locale separators
(``4,5`` is 4.5 in French and German, ``1,000`` is a thousand in English, ``1 000`` / ``1.000`` /
``1'000`` group thousands), magnitudes (``3.5万`` = 35000, ``2 millions`` = 2e6, ``50亿美元``),
percentages, approximation qualifiers (``80多`` = « plus de 80 » = "more than 80"), years, dates
(``9月26日`` = « 26 septembre » = "September 26" = ``2024-09-26``), times, ordinals (``第79届`` = « 79e »
= "79th" = „79."), Chinese numerals (``一百零三``, ``二〇二四年``, ``十项``) and spelled-out small numbers of
English, French, German and Spanish (flagged ``spelled``).

Decisions worth knowing:

* Offsets are code points into the text as given. Full-width digits are read through a one-to-one
  character map, so offsets never shift.
* Digits glued to Latin letters are identifiers, not quantities: ``G20``, ``A380``, ``COVID-19``, ``5G``,
  ``MP3``, ``H5N1`` give no mention (the entity check owns them; ``G20`` is a name, and its Chinese
  rendering 二十国集团 gives only a weak 20, so neither side reports the other). Known suffixes are kept:
  ordinals (``79th``, ``79e``, ``1er``), magnitudes (``5bn``, ``3k``, ``$5m``, ``£3million``), units
  (``10km``, ``2L``) and decades (``1990s``, ``1920er``). A word before a hyphen makes an identifier too
  (``COVID-19``) except short words such as ``mi-2024``, ``2-zu-0``; digits before 年 are a year even
  after letters (``APEC2020年``). Phone numbers and codes are out of scope.
* Japanese writes the same numerals: 億, 萬 and 兩 are read as 亿, 万 and 两 (one code point for one);
  兆 (10^12), 円, ドル, ユーロ and 人民元 are known, and a compound of digit groups is one number, each group
  below the one before it: ``3億5000万円`` / ``3亿5000万元`` (3.5e8), ``3万9千円`` = ``3万9000円`` (39,000),
  ``1億2千万`` (1.2e8), ``1兆2000億円`` (1.2e12); 約 and およそ ("about") and 少なくとも ("at least") qualify it, and so do 以上, 超, 余り, 未満,
  近く, 程度... after the number and its counter (``300戸以上``, ``300人を超える``).
* Korean writes dates and magnitudes with Sino-Korean syllables after digits, read as the Chinese ones:
  ``2024년 4월 15일``, ``39조 원`` (3.9e13 KRW), ``1억 2천만`` (its groups spaced), ``9조 1천억 원``; 원, 달러, 엔,
  유로 and 위안 are currencies (원 and 엔 only before a particle or a space: 3원칙 is "three principles");
  ``제3조`` is Article 3, ``10일간`` ten days (not the 10th); 약 / 대략 (about), 최소 / 적어도 (at least) and
  최대 (up to) qualify a number, not when they end a longer word (계약, "contract"); so do 이상, 초과, 미만,
  가량, 정도... after the number and its counter (``300채 이상``, ``300명이 넘는``, ``300여 명``).
* German short dates ``27.7.`` / ``27.07.`` are day and month in the dot-ordinal languages; a numeric date
  whose only valid reading is month first (``09/26/2024``) is read so in any language.
* URLs, domain names and e-mail addresses give no mention (``www.thepaper.cn``).
* A single separator followed by exactly three digits (``1,500`` / ``1.500``) is read by the language
  (thousands for ``,`` in English and Chinese, decimals for ``,`` in French...); where the other reading
  is plausible it is kept in ``alt_value`` and ``numbers_match`` accepts either.
* Spaces (plain, no-break, narrow no-break, thin) group thousands in every language, but only as
  ``d{1,3}( ddd)+`` not followed by a digit: "in 2019 200 people" stays two numbers; "page 3 100 times"
  would be read as 3100 (rare in news, accepted).
* Chinese numerals without digits are taken only where they are quantities: before a classifier or unit
  (``十项``, ``五大``, ``两国``), after ``第`` or ``百分之``, or with ``万``/``亿``; ``一般``, ``一道``, ``千万``
  (the adverb) are not numbers.
* ``weak`` marks mentions a translation may legitimately drop or render freely: numbers written in
  words without a magnitude (``一个`` is often "a"; ``neuf`` is also "new"; 两千), Chinese ranges and vague
  amounts (五六百, 上千), 6成 (60%), N倍, day-only and month-only dates, a bare 0 (scores) or 1 ("a", "per").
  The number check matches them but never reports them missing or added on their own.
* Ranges share their magnitude: in "3 bis 8 Millionen Pfund" the 3 gets ``alt_value`` 3e6.
  ``scale`` is the magnitude applied; ``measure`` the system of a unit after the number (metric,
  imperial, 亩) so that the check can forgive unit conversions.
* Dates carry ``year``/``month``/``day``; their ``value`` is ``month*100+day`` (926 for 26 September) when
  month and day are known, so that language-independent comparisons by value (the aligner's anchors)
  work whatever the year; ``year*100+month`` for a month of a year; the day or month alone otherwise.
  Times carry ``hour``/``minute`` and ``value = hour + minute/100`` (14.4 for 14:40). Decades are years
  (90后, the 1990s, die 90er → 1990, ``alt_value`` 90). Month names are those of the text's language
  ("Mars 2020" is March only in French); all four languages when the language is unknown.
* An approximation word before the number (« plus de », "about", 约) is recorded in ``approx`` but is not
  part of the mention's span; trailing Chinese 多/余 are (``80多``).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .domains import TLD, TLDS
from .langid import SAME_LANGUAGE
from .segment import text_cache

__all__ = ["NumberMention", "find_numbers", "find_numbers_by_sentence", "numbers_match", "same_value", "kinds_compatible", "mention_components",
           "describe_mention", "zh_numeral_forms", "spelled_forms", "shifted_mentions", "DECIMAL_COMMA_LANGS"]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in a text: where it is, what it is worth and what kind of quantity it is."""

    start: int
    end: int
    text: str
    value: float
    kind: str  # "number" | "percent" | "year" | "date" | "time" | "ordinal" | "amount"
    approx: Optional[str] = None  # "more_than" | "less_than" | "about" | None
    spelled: bool = False  # written (partly) in words or Chinese numerals
    weak: bool = False  # a translation may drop or rephrase it freely (see module docstring)
    alt_value: Optional[float] = None  # the other reading of an ambiguous 1,500 / 1.500
    unit: Optional[str] = None  # currency family ("USD", "EUR", "CNY"...) for amounts
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    hour: Optional[int] = None
    minute: Optional[int] = None
    scale: float = 1.0  # the magnitude applied (1e6 for "2 millions", 1e4 for 3.5万)
    measure: Optional[str] = None  # system of the unit after it: "metric", "imperial", "mu"


# The generated ``__init__`` of a frozen dataclass sets each field through ``object.__setattr__`` (a name
# looked up per field); the slots' own setters, bound once, do the same in half the time. A mention is
# made this way by the finder (thousands per article): the same object as ``NumberMention(...)`` gives
# (no ``__post_init__``; ``tests/test_numbers.py`` checks the fields and the result).
(_SET_START, _SET_END, _SET_TEXT, _SET_VALUE, _SET_KIND, _SET_APPROX, _SET_SPELLED, _SET_WEAK, _SET_ALT, _SET_UNIT,
 _SET_YEAR, _SET_MONTH, _SET_DAY, _SET_HOUR, _SET_MINUTE, _SET_SCALE, _SET_MEASURE) = (
    NumberMention.__dict__[name].__set__ for name in NumberMention.__dataclass_fields__)
_new = object.__new__


def _build_mention(start: int, end: int, text: str, value: float, kind: str, approx: Optional[str] = None,
                   spelled: bool = False, weak: bool = False, alt_value: Optional[float] = None,
                   unit: Optional[str] = None, year: Optional[int] = None, month: Optional[int] = None,
                   day: Optional[int] = None, hour: Optional[int] = None, minute: Optional[int] = None,
                   scale: float = 1.0, measure: Optional[str] = None) -> NumberMention:
    """``NumberMention(...)``, made faster (see above)."""
    m = _new(NumberMention)
    _SET_START(m, start)
    _SET_END(m, end)
    _SET_TEXT(m, text)
    _SET_VALUE(m, value)
    _SET_KIND(m, kind)
    _SET_APPROX(m, approx)
    _SET_SPELLED(m, spelled)
    _SET_WEAK(m, weak)
    _SET_ALT(m, alt_value)
    _SET_UNIT(m, unit)
    _SET_YEAR(m, year)
    _SET_MONTH(m, month)
    _SET_DAY(m, day)
    _SET_HOUR(m, hour)
    _SET_MINUTE(m, minute)
    _SET_SCALE(m, scale)
    _SET_MEASURE(m, measure)
    return m


def shifted_mentions(mentions: list[NumberMention], offset: int) -> list[NumberMention]:
    """``mentions`` moved by ``offset`` (sentence to document offsets, as ``dataclasses.replace`` would);
    mentions are frozen, so at offset 0 the list is returned as it is."""
    if not offset:
        return mentions
    return [
        _build_mention(m.start + offset, m.end + offset, m.text, m.value, m.kind, m.approx, m.spelled, m.weak,
                       m.alt_value, m.unit, m.year, m.month, m.day, m.hour, m.minute, m.scale, m.measure)
        for m in mentions
    ]


# --- characters -----------------------------------------------------------------------------------------

# Full-width digits, percent sign, full stop and colon, one code point for one: offsets are unchanged.
# Japanese and traditional forms of the Chinese magnitudes (億 = 亿, 萬 = 万, 兩 = 两) are read the same way.
# Korean writes dates and magnitudes with the same Sino-Korean syllables after digits: 2024년 4월 15일,
# 3만, 1억 2천만, 39조 (년 月 일 만 억 조 천 = 年 月 日 万 亿 兆 千); they are read as the Chinese ones (only
# after digits do they make a number: 일본, 만약, 조사 hold none).
# Full-width digits and signs, Chinese traditional and Korean numerals, and the Arabic-Indic and Persian digits
# with the Arabic decimal and thousands separators and percent sign (٤٫٣٪, ٢٥٬٠٠٠), read as their ASCII forms.
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．：億萬兩년월일만억조천٠١٢٣٤٥٦٧٨٩٫٬٪۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९০১২৩৪৫৬৭৮৯",
                           "0123456789%.:亿万两年月日万亿兆千0123456789.,%012345678901234567890123456789")
_FULLWIDTH_RE = re.compile("[０-９％．：億萬兩년월일만억조천٠-٩٫٬٪۰-۹०-९০-৯]")  # a text without them is its own translation
_FULLWIDTH_CHARS = {chr(a): chr(b) for a, b in _FULLWIDTH.items()}  # none of them is another's image
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
_LATIN_RE = re.compile(f"[{_LATIN}]")
_SP = "[ \t\u00a0\u202f\u2009]"  # a space inside a quantity ("80 %", "3,5 millions")
# Compiled once here: the re module's own cache (512 patterns) is emptied by the other checks' patterns.
_SP_RUN_RE = re.compile(f"{_SP}+")
_DOT_SPACE_LETTER_RE = re.compile(f"\\.{_SP}[{_LATIN}]")
_UN_END_RE = re.compile(r"(?:une|un)\s*$")
_PLUS_D_UN_END_RE = re.compile(r"plus\s+d['’]\s*une?\s*$")

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1e12}
# A further group of a compound number written with digits: 3亿5000万, 3万9千, 1兆2000億, 2万5000 (not
# followed by another digit: the group is at most 4 digits).
_ZH_GROUP_AFTER_RE = re.compile(r"([0-9],[0-9]{3}|[0-9]{1,4})([十百千]?)([万亿]?)(?![0-9.])")
# Korean spaces the groups (1억 2천만, 3만 9천 원): after a space, a group with a magnitude of its own.
# After N일, what makes it a count of days, not a date: 10일간, 3일째, 5일 동안, 3일 만에, 7일 이내.
_KO_DAYS_RE = re.compile(r" ?(?:간|째|동안|만에|이내|내에)")
_ZH_SPACED_GROUP_AFTER_RE = re.compile(r" ([0-9],[0-9]{3}|[0-9]{1,4})([十百千]?)([万亿]?)(?<=[十百千万亿])(?![0-9.])")
# After Korean 만, the units group may stand alone, spaced or not, with or without a comma: 3만 9,100 = 39,100
# (not a year, month or day: 3만 2024년).
_KO_UNITS_AFTER_MAN_RE = re.compile(r" ?([0-9],[0-9]{3}|[0-9]{1,4})()()(?![0-9.,年月日])")
# Characters after which a run of Chinese numerals is a quantity (classifiers, units, 大 as in 五大).
_ZH_CLASSIFIERS = set(
    "个項项大名位人年月日天号次届期家国条件种所座辆架艘吨公米元美欧英岁周倍份批场轮度点章节款部本张只头台套层枚颗株"
    "亩千克升户篇例类级组支队团首句字秒小时多余季代方厘毫斤英海平立歳個回"
)
DECIMAL_COMMA_LANGS = frozenset(
    "fr de es it pt nl ru pl cs sk sv da no nb nn fi tr ro hu el uk bg hr sl sr lt lv et id vi ca eu gl".split()
)
# Languages that write an ordinal as a number and a full stop (die 79. Generalversammlung).
DOT_ORDINAL_LANGS = frozenset("de da no nb nn fi cs sk pl hu sl hr sr et lv is".split())


# --- words ----------------------------------------------------------------------------------------------

def _trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a trie: fast where a flat alternation of 200 words is slow."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_MONTH_NAMES = {
    # English "may"/"march" are common words: only capitalised (see _MONTH_CAPITAL_ONLY)
    "en": "january february - april - june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    # Russian: the genitive of dates (15 мая); the nominative is added below
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    # Polish: the genitive of dates (15 maja); the nominative and locative are added below
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    # Finnish: the partitive of dates (15. huhtikuuta); the nominative and inessive are added below
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
          "lokakuuta marraskuuta joulukuuta",
    # Czech: the genitive of dates (15. dubna); the nominative and locative are added below
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    # Turkish (3 Mart, 15 Nisan 2024'te, şubat ayında; dotless ı written i, see _fold), Romanian (15 aprilie
    # 2024; « mai » see _MONTH_NOT_BEFORE)
    "tr": "ocak şubat mart nisan mayis haziran temmuz ağustos eylül ekim kasim aralik",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    # Hungarian (március 3., 2024. április 15-én); the inessive (februárban) is added below
    "hu": "január február március április május június július augusztus szeptember október november december",
    # Greek: the genitive of dates (15 Απριλίου); the nominative and accusative are added below
    "el": "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου "
          "νοεμβρίου δεκεμβρίου",
    # Ukrainian: the genitive of dates (15 квітня); the nominative and locative are added below
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    # Arabic: the Egyptian names; the Levantine ones, the pairs news writes (15 أبريل نيسان 2024) and the
    # spellings without hamza are added below
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    # Hebrew: the names and, below, the names with « ב » (in), as dates write them (15 באפריל 2024)
    "he": "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    # Hindi (with and without nukta, and the spellings with a half nasal: सितम्बर), Indonesian, Malay
    "hi": "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "ms": "januari februari mac april mei jun julai ogos september oktober november disember",
    # Slovak, Croatian, Serbian (Latin and Cyrillic), Slovenian: the genitive of dates (15. apríla, 15. travnja,
    # 15. aprila); the nominative and locative are added below. Croatian « listopad » is October, Czech and
    # Polish « listopad(a) » November: each language reads its own table first (``_month_number``).
    "sk": "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    "hr": "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca",
    "sr": "januara februara marta aprila maja juna jula avgusta septembra oktobra novembra decembra",
    "sl": "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    # Catalan (3 de març, 15 d'abril de 2024)
    "ca": "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    # Persian: the Gregorian months (15 آوریل 2024); the Solar Hijri ones are added below
    "fa": "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر",
}
_MONTHS_BY_LANG: dict[str, dict[str, int]] = {
    code: {n: i for i, n in enumerate(names.split(), 1) if n != "-"} for code, names in _MONTH_NAMES.items()
}
_MONTHS_BY_LANG["fr"].update({"fevrier": 2, "aout": 8, "decembre": 12})
_MONTHS_BY_LANG["de"].update({"jänner": 1, "maerz": 3})
_MONTHS_BY_LANG["es"].update({"setiembre": 9})
_MONTHS_BY_LANG["pt"].update({"marco": 3})
_MONTHS_BY_LANG["pl"].update({n: i for names in (
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu",
) for i, n in enumerate(names.split(), 1)})
_MONTHS_BY_LANG["cs"].update({n: i for names in (
    "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec",
    "lednu únoru březnu dubnu květnu červnu červenci srpnu září říjnu listopadu prosinci",  # v březnu 2023
) for i, n in enumerate(names.split(), 1)})
_MONTHS_BY_LANG["fi"].update({n + end: i for end in ("", "ssa") for i, n in enumerate(
    "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu".split(), 1)})
_MONTHS_BY_LANG["hu"].update({n: i for i, n in enumerate(
    "januárban februárban márciusban áprilisban májusban júniusban júliusban augusztusban szeptemberben "
    "októberben novemberben decemberben".split(), 1)})
_MONTHS_BY_LANG["el"].update({n + end: i for end in ("ς", "") for i, n in enumerate(  # ο Απρίλιος, τον Απρίλιο
    "ιανουάριο φεβρουάριο μάρτιο απρίλιο μάιο ιούνιο ιούλιο αύγουστο σεπτέμβριο οκτώβριο νοέμβριο δεκέμβριο".split(), 1)})
_MONTHS_BY_LANG["uk"].update({n: i for names in (
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",  # у березні 2023
) for i, n in enumerate(names.split(), 1)})
_AR_LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
                 "تشرين الثاني", "كانون الأول")
_MONTHS_BY_LANG["ar"].update({"إبريل": 4, "ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10})
# Each Egyptian name (and spelling) followed by the Levantine one, as news writes them, and the Levantine alone.
_MONTHS_BY_LANG["ar"].update({f"{n} {_AR_LEVANTINE[i - 1]}": i for n, i in list(_MONTHS_BY_LANG["ar"].items())})
_MONTHS_BY_LANG["ar"].update({n: i for i, n in enumerate(_AR_LEVANTINE, 1)})
_MONTHS_BY_LANG["he"].update({"מרס": 3, **{"ב" + n: i for n, i in list(_MONTHS_BY_LANG["he"].items()) + [("מרס", 3)]}})
_MONTHS_BY_LANG["hi"].update({"फरवरी": 2, "\u092b\u093cरवरी": 2, "\u095eरवरी": 2, "सितम्बर": 9, "अक्तूबर": 10,
                              "नवम्बर": 11, "दिसम्बर": 12})
_MONTHS_BY_LANG["sk"].update({n: i for names in (
    "január február marec apríl máj jún júl august september október november december",
    "januári februári marci apríli máji júni júli auguste septembri októbri novembri decembri",  # v marci 2023
) for i, n in enumerate(names.split(), 1)})
_MONTHS_BY_LANG["hr"].update({n: i for names in (
    "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad studeni prosinac",
    "siječnju veljači ožujku travnju svibnju lipnju srpnju kolovozu rujnu listopadu studenom prosincu",
) for i, n in enumerate(names.split(), 1)} | {"studenog": 11})
_MONTHS_BY_LANG["sr"].update({n: i for names in (
    "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar",
    "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
    "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра",
) for i, n in enumerate(names.split(), 1)})
_MONTHS_BY_LANG["sl"].update({n: i for i, n in enumerate(
    "januar februar marec april maj junij julij avgust september oktober november december".split(), 1)})
_MONTHS_BY_LANG["ca"].update({f"d{a}{n}": i for a in "'’" for n, i in (("abril", 4), ("agost", 8), ("octubre", 10))})
# (Not « می » for May: it is also the verbal prefix written with a space, « ۱۵ می شود », "it becomes 15".)
_MONTHS_BY_LANG["fa"].update({"ژوییه": 7, "آگوست": 8})
# The Solar Hijri months (۲۷ فروردین ۱۴۰۳ is April 15, 2024), numbered 101-112: ``_read_date`` converts them.
_SOLAR_HIJRI = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
_MONTHS_BY_LANG["fa"].update({n: 100 + i for i, n in enumerate(_SOLAR_HIJRI, 1)})
_MONTHS_BY_LANG["ru"].update({n: i for names in (
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",  # nominative
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",  # в марте 2023
) for i, n in enumerate(names.split(), 1)})
_MONTH_ABBR_BY_LANG = {
    "en": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
           "nov": 11, "dec": 12},
    "fr": {"janv": 1, "fév": 2, "févr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
           "déc": 12},
    "de": {"jan": 1, "feb": 2, "febr": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
           "okt": 10, "nov": 11, "dez": 12},
    "es": {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "sept": 9, "oct": 10,
           "nov": 11, "dic": 12},
}
# Every language's names, for a text of no known language; a name two languages give different months
# (« listopad ») keeps the first table's.
_MONTHS: dict[str, int] = {k: v for table in reversed(list(_MONTHS_BY_LANG.values())) for k, v in table.items()}
_MONTH_ABBR: dict[str, int] = {k: v for table in _MONTH_ABBR_BY_LANG.values() for k, v in table.items()}
_MONTH_CAPITAL_ONLY = {"May": 5, "March": 3}  # "may"/"march" are common English words
# Romanian « mai » is May and also "more" or "still": « cu 15 mai mulți » (15 more), « doar 15 mai sunt »
# (only 15 are left). Before these words it is no month (« pe 15 mai va avea loc » is May 15).
_MONTH_NOT_BEFORE = {
    "ro": ("mai", "mult multe mulți mulţi multă puțin puţin puține puţine puțini puţini puțină puţină mare mari "
                  "mic mică mici bine rău târziu devreme ales departe sunt este e au are avea aveau există era "
                  "erau fi fost rămân rămas trebuie pot poate"),
}


@lru_cache(maxsize=64)
def _month_regex(lang_key: str) -> str:
    """Month names of the language (all four languages when it is unknown or has none of its own):
    "Mars 2020" is March only in French."""
    full = _MONTHS_BY_LANG.get(lang_key, _MONTHS)
    abbr = _MONTH_ABBR_BY_LANG.get(lang_key, _MONTH_ABBR)
    capital = [a.capitalize() for a in abbr if a.isascii()]
    if lang_key in ("en", "*", "zh") or lang_key not in _MONTHS_BY_LANG:
        capital += list(_MONTH_CAPITAL_ONLY)
    guard = ""
    if lang_key in _MONTH_NOT_BEFORE:
        word, after = _MONTH_NOT_BEFORE[lang_key]
        guard = f"(?!(?<=(?i:{word})){_SP}+(?i:{_trie_regex(after.split())})(?![{_LATIN}]))"
    return (
        "(?:(?i:" + _trie_regex(full) + ")"
        + "|(?i:" + _trie_regex(abbr) + r")\."
        + "|" + _trie_regex(capital)
        + f")(?![{_LATIN}])" + guard
    )


def _fold(word: str) -> str:
    """``word`` lower-cased as the tables write it: Turkish dotless ı as i (« Mayıs », « milyarlık »: the
    tables write « mayis », « milyarlik », which case-insensitive matching equates with them, and a text
    written without Turkish letters has), « İ » as i."""
    w = word.lower()
    return w.replace("ı", "i").replace("i\u0307", "i") if not w.isascii() else w


def _month_number(word: str, lang_key: str = "*") -> Optional[int]:
    w = word.rstrip(".")
    if w in _MONTH_CAPITAL_ONLY:
        return _MONTH_CAPITAL_ONLY[w]
    w = _fold(w)
    return _MONTHS_BY_LANG.get(lang_key, {}).get(w) or _MONTHS.get(w) or _MONTH_ABBR.get(w)


def own_month(word: str, lang: Optional[str]) -> Optional[int]:
    """The month ``word`` names in the language's own table (full names, any case), or None: for the
    sentence splitter, which must not end a sentence between the day and the month of „3. März“."""
    return _MONTHS_BY_LANG.get(_lang_key(lang), {}).get(_fold(word))


def _add_tens(table: dict[str, float], tens: dict[int, str], forms) -> None:
    """Tens and their compounds: ``forms(tens_word, unit)`` gives the ways a language writes tens + unit."""
    for t, tw in tens.items():
        table[tw] = float(t)
        for u in range(1, 10):
            for w in forms(tw, u):
                table[w] = float(t + u)


# Small numbers in words. "one/un/une/ein/uno" are articles far more often than numbers: they count only
# before a magnitude ("one million", "un million", "eine Million").
def _number_words() -> dict[str, dict[str, float]]:
    """Cardinals 0..99 in words for en, fr, de, es (compounds included: thirty-two, vingt et un,
    zweiundzwanzig, treinta y dos). 1 alone is left out: it is an article far more often."""
    en_units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
    en_tens = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
               90: "ninety"}
    en = {w: float(i) for i, w in enumerate(en_units)}
    _add_tens(en, en_tens, lambda tw, u: (f"{tw}-{en_units[u]}", f"{tw} {en_units[u]}"))

    fr_units = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize " \
        "dix-sept dix-huit dix-neuf".split()
    fr = {w: float(i) for i, w in enumerate(fr_units)}
    fr_tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 70: "septante",
               80: "huitante", 90: "nonante"}
    _add_tens(fr, fr_tens, lambda tw, u: (f"{tw} et un", f"{tw}-et-un") if u == 1 else (f"{tw}-{fr_units[u]}",))
    for u in range(0, 20):  # soixante-dix .. soixante-dix-neuf, quatre-vingts .. quatre-vingt-dix-neuf
        if u == 0:
            fr["quatre-vingts"] = fr["quatre-vingt"] = 80.0
        else:
            fr[f"quatre-vingt-{fr_units[u]}"] = float(80 + u)
        if u >= 10:
            fr[f"soixante-{fr_units[u]}"] = float(60 + u)
    fr["soixante et onze"] = fr["soixante-et-onze"] = 71.0

    de_units = "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn " \
        "sechzehn siebzehn achtzehn neunzehn".split()
    de = {w: float(i) for i, w in enumerate(de_units)}
    de_tens = {20: "zwanzig", 30: "dreißig", 40: "vierzig", 50: "fünfzig", 60: "sechzig", 70: "siebzig",
               80: "achtzig", 90: "neunzig"}
    _add_tens(de, de_tens, lambda tw, u: (("ein" if u == 1 else de_units[u]) + "und" + tw,))

    es_units = "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince " \
        "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro " \
        "veinticinco veintiséis veintisiete veintiocho veintinueve".split()
    es = {w: float(i) for i, w in enumerate(es_units)}
    es_tens = {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta", 80: "ochenta",
               90: "noventa"}
    _add_tens(es, es_tens, lambda tw, u: (f"{tw} y {es_units[u]}",))
    for table in (en, fr, de, es):
        for one in ("one", "un", "eins", "uno"):
            table.pop(one, None)
    de["eins"] = 1.0  # "eins" is only ever the numeral
    return {"en": en, "fr": fr, "de": de, "es": es}


_WORDS: dict[str, dict[str, float]] = _number_words()
# Languages whose numbers in words the reader reads: its word tables, and the Chinese numerals (read in
# Japanese and Korean too).
NUMBER_WORD_LANGS = frozenset(_WORDS) | {"zh", "ja", "ko"}
_ARTICLE_ONES = {"one": 1, "a": 1, "un": 1, "une": 1, "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1,
                 "uno": 1, "una": 1}
_DE_SMALL = {int(v): w for w, v in _WORDS["de"].items() if 2 <= v <= 99}  # German 2..99, one form each


def _codes(lang_key: str) -> list[str]:
    """The languages whose word tables a text of ``lang_key`` is read with: its own, or all four."""
    return [lang_key] if lang_key in _WORDS else list(_WORDS)


def _big_words() -> dict[str, dict[str, float]]:
    """Cardinals of 100 and more that start a number in words: French « cent », « mille »; Spanish « cien »,
    « ciento », « doscientos » .. « novecientos » (and their feminines), « mil »; German compounds, written
    as one word, from „hundert“ to „neunhundertneunundneunzigtausend“ (the hundreds with their tens and
    units, „zweihundertfünfzig“; the thousands, „dreitausend“, „zweihunderttausend“; not the thousands
    with a tail, „zweitausendfünfhundert“, which news writes in digits). The words that follow them
    (« deux cent mille », « ciento veinte », „zweihundert Millionen“) are read by ``_compose``."""
    de_small = {**_DE_SMALL, 1: "eins"}
    de: dict[str, float] = {}
    for h in range(1, 10):
        for head in (["hundert", "einhundert"] if h == 1 else [de_small[h] + "hundert"]):
            for r in range(0, 100):
                de[head + (de_small[r] if r else "")] = float(100 * h + r)
    # Before "tausend" a final "eins" is "ein": einundzwanzigtausend, hunderteintausend.
    prefixes = {("ein" if k == 1 else w): float(k) for k, w in de_small.items()}
    prefixes.update({w.removesuffix("eins") + ("ein" if w.endswith("eins") else ""): v for w, v in de.items()})
    for w, v in prefixes.items():
        de[w + "tausend"] = 1000 * v
    de["tausend"] = 1000.0
    es = {"cien": 100.0, "mil": 1000.0}
    es.update({w: float(v) for w, v in _ES_HUNDREDS.items()})
    return {"en": {}, "fr": {"cent": 100.0, "mille": 1000.0}, "de": de, "es": es}


# Spanish hundreds: added to what follows (« ciento veinte », « doscientos mil »), not multiplied.
_ES_HUNDREDS = {"ciento": 100} | {
    stem + end: 100 * h for h, stem in enumerate(
        "_ _ doscient trescient cuatrocient quinient seiscient setecient ochocient novecient".split())
    if stem != "_" for end in ("os", "as")}
_BIG_WORDS: dict[str, dict[str, float]] = _big_words()
_DE_COMPOUNDS = frozenset(_BIG_WORDS["de"])


def _de_compound_regex() -> str:
    """A pattern that matches exactly the German compounds of ``_BIG_WORDS`` (tested): 2,100 words as a trie
    cost a tenth of a second to compile, each time a pattern holds them."""
    heads = "ein zwei drei vier fünf sechs sieben acht neun".split()
    tail = _trie_regex(sorted(set(_DE_SMALL.values()) | {"eins"}))
    tail_ein = _trie_regex(sorted(set(_DE_SMALL.values()) | {"ein"}))
    hundreds = f"(?:{_trie_regex(heads)})?hundert"
    return f"(?:(?:{hundreds}(?:{tail_ein})?|{tail_ein})?tausend|{hundreds}(?:{tail})?)"


_DE_COMPOUND_RX = _de_compound_regex()


def _alternation(words: Iterable[str]) -> str:
    """``_trie_regex(words)``, the German compounds among them matched by ``_DE_COMPOUND_RX``: the same
    words (all of the compounds or none are among them)."""
    words = set(words)
    rest = _trie_regex(sorted(words - _DE_COMPOUNDS))
    if words.isdisjoint(_DE_COMPOUNDS):
        return rest
    return f"(?:{_DE_COMPOUND_RX}|{rest})"


def _ordinal_words() -> dict[str, dict[str, int]]:
    """Ordinals 1..20 in words (first..twentieth, premier..vingtième, erste..zwanzigste, primero..vigésimo)."""
    en = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
          "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
    fr = ("premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième onzième "
          "douzième treizième quatorzième quinzième seizième dix-septième dix-huitième dix-neuvième vingtième").split()
    de = ("erst zweit dritt viert fünft sechst siebt acht neunt zehnt elft zwölft dreizehnt vierzehnt fünfzehnt "
          "sechzehnt siebzehnt achtzehnt neunzehnt zwanzigst").split()
    es = ("primer segund tercer cuart quint sext séptim octav noven décim undécim duodécim decimotercer "
          "decimocuart decimoquint decimosext decimoséptim decimoctav decimonoven vigésim").split()
    out = {
        "en": {w: i for i, w in enumerate(en, 1)},
        "fr": {w: i for i, w in enumerate(fr, 1)} | {"première": 1, "second": 2, "seconde": 2},
        "de": {stem + end: i for i, stem in enumerate(de, 1) for end in ("e", "en", "er", "es", "em")},
        "es": {stem + end: i for i, stem in enumerate(es, 1) for end in ("o", "a", "os", "as")}
        | {"primer": 1, "tercer": 3},
    }
    return out


def _ordinals_21_to_99(ordinals: dict[str, dict[str, int]]) -> None:
    """Ordinals 21..99 in words, from the cardinals: twenty-first, fortieth; « vingt et unième »,
    « quatre-vingt-dixième »; „einundzwanzigste“, „dreißigsten“; « vigésimo primero », « trigésima »."""
    en_units = {v: w for w, v in ordinals["en"].items() if v <= 9}
    en_tens = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth", 70: "seventieth",
               80: "eightieth", 90: "ninetieth"}
    for w, v in _WORDS["en"].items():
        if v >= 21 and v % 10 and " " not in w:  # twenty-one
            ordinals["en"][w.rsplit("-", 1)[0] + "-" + en_units[int(v) % 10]] = int(v)
    ordinals["en"].update({w: v for v, w in en_tens.items()})
    for w, v in _WORDS["fr"].items():  # the last word of the cardinal takes -ième
        if v < 21:
            continue
        head, sep, last = max(w.rpartition("-"), w.rpartition(" "), key=lambda r: len(r[0]))
        last = "unième" if last == "un" else "cinquième" if last == "cinq" else "neuvième" if last == "neuf" else (
            last.rstrip("s").removesuffix("e") + "ième")
        ordinals["fr"][head + sep + last] = int(v)
    for w, v in _WORDS["de"].items():
        if v >= 21 or v == 20:
            for end in ("e", "en", "er", "es", "em"):
                ordinals["de"][w + "st" + end] = int(v)
    es_tens = "vigésim trigésim cuadragésim quincuagésim sexagésim septuagésim octogésim nonagésim".split()
    es_units = "primer segund tercer cuart quint sext séptim octav noven".split()
    for t, tens in enumerate(es_tens, 2):
        for end in ("o", "a", "os", "as"):
            ordinals["es"][tens + end] = 10 * t
            for u, unit in enumerate(es_units, 1):
                ordinals["es"][f"{tens}{end} {unit}{end}"] = 10 * t + u
        for u, unit in ((1, "primer"), (3, "tercer")):  # vigésimo primer aniversario
            ordinals["es"][f"{tens}o {unit}"] = 10 * t + u


_ORDINAL_WORDS: dict[str, dict[str, int]] = _ordinal_words()
_ordinals_21_to_99(_ORDINAL_WORDS)
# Decades in words: "the sixties", „die sechziger Jahre" (value 1960, other reading 60).
_DECADE_WORDS: dict[str, dict[str, int]] = {
    "en": {w: 1900 + 10 * i for i, w in enumerate(
        "_ _ twenties thirties forties fifties sixties seventies eighties nineties".split()) if w != "_"},
    "de": {w + end: 1900 + 10 * i for i, w in enumerate(
        "_ _ zwanziger dreißiger vierziger fünfziger sechziger siebziger achtziger neunziger".split()) if w != "_"
        for end in ("", "n")},
}
# Nouns that multiply: "two decades" = 20 (years), "a decade" = 10, "a dozen" = 12, "a century" = 100.
_MULTIPLIER_NOUNS = {
    "decade": 10, "decades": 10, "décennie": 10, "décennies": 10, "jahrzehnt": 10, "jahrzehnte": 10,
    "jahrzehnten": 10, "década": 10, "décadas": 10,
    "dozen": 12, "dozens": 12, "dutzend": 12, "docena": 12, "docenas": 12,
    "century": 100, "centuries": 100, "siècle": 100, "siècles": 100, "jahrhundert": 100, "jahrhunderte": 100,
    "siglo": 100, "siglos": 100,
    "centenary": 100, "centennial": 100, "centenaire": 100, "bicentenary": 200, "bicentennial": 200,
    "bicentenaire": 200, "half-decade": 5, "half-century": 50,
}
# Plurals ("decades", „Jahrzehnte“) are no figure alone: "for decades".
_MULTIPLIER_PLURALS = {"decades", "décennies", "jahrzehnte", "jahrzehnten", "décadas", "dozens", "docenas", "centuries",
                       "siècles", "jahrhunderte", "siglos"}
_ANNIVERSARY_NOUNS = {"centenary", "centennial", "centenaire", "bicentenary", "bicentennial", "bicentenaire",
                      "half-decade", "half-century"}
_MULTIPLIER_AFTER_RE = re.compile(
    f"(?:{_SP}+|-)(?i:(" + _trie_regex(sorted(k for k in _MULTIPLIER_NOUNS if k not in _ANNIVERSARY_NOUNS)) + f"))(?![{_LATIN}])"
)
# French approximate nouns: "une vingtaine de pays" = about 20 countries.
_APPROX_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                 "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}
# Words that collide with other words of another language: left out when the language is unknown.
_AMBIGUOUS_WITHOUT_LANG = {"once", "elf", "dos", "sept", "neuf", "second", "acht", "null", "cero", "zero", "zéro",
                           "seize", "cent", "mil", "mille"}

_MAGNITUDES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
    "trillion": 1e12, "trillions": 1e12,
    "mille": 1e3, "milliers": 1e3, "milliard": 1e9, "milliards": 1e9,
    "tausend": 1e3, "tsd.": 1e3, "mio.": 1e6, "mio": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
    "mrd.": 1e9, "mrd": 1e9, "billionen": 1e12, "bio.": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12, "billones": 1e12,
    # Italian, Portuguese (bilhão is Brazil's 10^9; Portugal writes mil milhões), Dutch
    "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
    "milhão": 1e6, "milhões": 1e6, "milhao": 1e6, "milhoes": 1e6, "mil milhões": 1e9, "bilhão": 1e9, "bilhões": 1e9,
    "trilhão": 1e12, "trilhões": 1e12, "mila miliardi": 1e12,
    "duizend": 1e3, "miljoen": 1e6, "miljoenen": 1e6, "miljard": 1e9, "miljarden": 1e9, "biljoen": 1e12,
    # Russian, with the abbreviations news writes (2,5 млн, 3 млрд, 2,863 трлн евро)
    "тыс.": 1e3, "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3,
    "млн": 1e6, "млн.": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
    "млрд": 1e9, "млрд.": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "трлн": 1e12, "трлн.": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12,
    # Polish (long scale: bilion is 10^12), with its abbreviations (25 tys., 3 mln, 2 mld, 2,863 bln)
    "tys.": 1e3, "tys": 1e3, "tysiąc": 1e3, "tysiące": 1e3, "tysięcy": 1e3, "mln": 1e6, "mln.": 1e6,
    "milion": 1e6, "miliony": 1e6, "milionów": 1e6, "mld": 1e9, "mld.": 1e9, "miliard": 1e9, "miliardy": 1e9,
    "miliardów": 1e9, "bln": 1e12, "bln.": 1e12, "bilion": 1e12, "biliony": 1e12, "bilionów": 1e12,
    # Swedish, Danish, Norwegian (long scale: biljon, billion are 10^12; 5 mdr kronor, 3 mia. kroner)
    "tusen": 1e3, "tusind": 1e3, "miljon": 1e6, "miljoner": 1e6, "miljonen": 1e6, "miljarder": 1e9,
    "mdr": 1e9, "mdr.": 1e9, "biljon": 1e12, "biljoner": 1e12, "millioner": 1e6, "mill.": 1e6,
    "milliarder": 1e9, "mia.": 1e9, "mia": 1e9, "billioner": 1e12,
    # Finnish (3,5 miljardia euroa, 25 000 ihmistä; biljoona is 10^12)
    "tuhatta": 1e3, "miljoona": 1e6, "miljoonaa": 1e6, "milj.": 1e6, "miljardi": 1e9, "miljardia": 1e9,
    "biljoona": 1e12, "biljoonaa": 1e12,
    # Czech (3,5 miliardy eur, 25 tis. lidí)
    "tisíc": 1e3, "tisíce": 1e3, "tis.": 1e3, "milionu": 1e6, "miliarda": 1e9, "miliardu": 1e9,
    # Turkish (3,5 milyar euro, 25 bin kişi, 25 binden fazla, 3 milyarlık paket; « bin » see _MAGNITUDE_ONLY_IN)
    "milyon": 1e6, "milyonluk": 1e6, "milyondan": 1e6, "milyona": 1e6, "milyar": 1e9, "milyarlik": 1e9,
    "milyardan": 1e9, "milyara": 1e9, "trilyon": 1e12, "trilyonluk": 1e12,
    "bin": 1e3, "binden": 1e3, "bine": 1e3, "bini": 1e3,
    # Romanian (3,5 miliarde de euro, 25 de mii de persoane, 20 de milioane; bilion is 10^12; « mil. » in
    # Romanian only)
    "mie": 1e3, "mii": 1e3, "de mii": 1e3, "milioane": 1e6, "de milioane": 1e6, "miliarde": 1e9,
    "de miliarde": 1e9, "bilioane": 1e12, "de bilioane": 1e12, "mil.": 1e6,
    # Hungarian, with the suffixes a magnitude takes (25 ezer, 3,5 milliárd eurót, 2 milliárddal, 5 milliós)
    "ezer": 1e3, "ezret": 1e3, "ezerrel": 1e3, "ezres": 1e3, "millió": 1e6, "milliót": 1e6, "millióval": 1e6,
    "millióra": 1e6, "milliós": 1e6, "milliónyi": 1e6, "milliárd": 1e9, "milliárdot": 1e9, "milliárddal": 1e9,
    "milliárdra": 1e9, "milliárdos": 1e9, "milliárdnyi": 1e9, "billió": 1e12, "billiót": 1e12,
    # Greek (3,5 δισεκατομμύρια ευρώ, 3,5 δισ. ευρώ, 25.000 or 25 χιλιάδες)
    "χιλιάδες": 1e3, "χιλιάδων": 1e3, "χιλ.": 1e3, "εκατομμύριο": 1e6, "εκατομμύρια": 1e6, "εκατομμυρίων": 1e6,
    "εκατ.": 1e6, "εκ.": 1e6, "δισεκατομμύριο": 1e9, "δισεκατομμύρια": 1e9, "δισεκατομμυρίων": 1e9, "δισ.": 1e9,
    "δις": 1e9,
    "τρισεκατομμύριο": 1e12, "τρισεκατομμύρια": 1e12, "τρισεκατομμυρίων": 1e12, "τρισ.": 1e12,
    # Ukrainian (3,5 млрд євро, 25 тис. людей, 2 мільярди)
    "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тис.": 1e3, "тис": 1e3, "мільйон": 1e6, "мільйона": 1e6,
    "мільйони": 1e6, "мільйонів": 1e6, "мільярд": 1e9, "мільярда": 1e9, "мільярди": 1e9, "мільярдів": 1e9,
    "трильйон": 1e12, "трильйона": 1e12, "трильйони": 1e12, "трильйонів": 1e12,
    # Arabic (25 ألف شخص, 3.5 مليار يورو, بليون is 10^9)
    "ألف": 1e3, "آلاف": 1e3, "ألفا": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "مليار": 1e9, "مليارات": 1e9,
    "مليارا": 1e9, "بليون": 1e9, "بلايين": 1e9, "تريليون": 1e12, "تريليونات": 1e12,
    # Hebrew (25 אלף, 3.5 מיליארד אירו, מיליוני דולרים)
    "אלף": 1e3, "אלפים": 1e3, "אלפי": 1e3, "מיליון": 1e6, "מיליוני": 1e6, "מיליארד": 1e9, "מיליארדי": 1e9,
    "טריליון": 1e12,
    # Hindi (25 हज़ार, 3.5 अरब यूरो, 5 लाख, 2 करोड़, with and without nukta; « अरब » is also "Arab", see
    # _MAGNITUDE_NOT_BEFORE), Indonesian and Malay (25 ribu, 3,5 miliar euro, 5 juta; Malay bilion is 10^9,
    # see _MAGNITUDE_IN_LANG), Vietnamese (25 nghìn, 3,5 tỷ euro, 5 triệu, 2 nghìn tỷ)
    "\u0939\u091c\u093c\u093e\u0930": 1e3, "\u0939\u095b\u093e\u0930": 1e3, "हजार": 1e3, "लाख": 1e5,
    "\u0915\u0930\u094b\u0921\u093c": 1e7, "\u0915\u0930\u094b\u095c": 1e7, "करोड": 1e7, "अरब": 1e9, "खरब": 1e11,
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "triliun": 1e12, "trilion": 1e12,
    "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "nghìn tỷ": 1e12, "ngàn tỷ": 1e12,
    # Slovak, Croatian, Serbian, Slovenian (3,5 miliardy eur, 3,5 milijardi eura, 25 tisuća, 3 mlrd.; « mil. »
    # see _MAGNITUDE_ONLY_IN), Bulgarian (3,5 млрд. евро, 25 хиляди), Catalan (3.500 milions, « mil » a thousand
    # as in Spanish)
    "milión": 1e6, "milióna": 1e6, "milióny": 1e6, "miliónov": 1e6, "miliárd": 1e9, "bilión": 1e12,
    "tisuća": 1e3, "tisuće": 1e3, "hiljada": 1e3, "hiljade": 1e3, "tisoč": 1e3, "milijun": 1e6, "milijuna": 1e6,
    "milijuni": 1e6, "miliona": 1e6, "milijon": 1e6, "milijona": 1e6, "milijonov": 1e6, "milijarda": 1e9,
    "milijardi": 1e9, "milijarde": 1e9, "milijard": 1e9, "mlrd": 1e9, "mlrd.": 1e9, "bilijun": 1e12,
    "хиляда": 1e3, "хиляди": 1e3, "хил.": 1e3, "милион": 1e6, "милиона": 1e6, "милиард": 1e9, "милиарда": 1e9,
    "milions": 1e6, "milió": 1e6, "mil milions": 1e9, "bilions": 1e12,
    # Persian (25 هزار, 3.5 میلیارد یورو; the Persian yeh, not the Arabic one)
    "هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9, "هزار میلیارد": 1e12, "تریلیون": 1e12,
}
# Words whose value depends on the language: Malay « bilion » is 10^9, Polish « bilion » 10^12.
_MAGNITUDE_IN_LANG: dict[str, dict[str, float]] = {"ms": {"bilion": 1e9}}
# Magnitude words read only in some languages ("*": the language is unknown): Turkish « bin » (a thousand)
# is English "the 2011 bin Laden raid" and German „mit 25 bin ich“; Romanian « mil. » (million) is Spanish
# and Portuguese « mil » (a thousand) before a full stop, and « mie » (a thousand) French « une mie ».
_MAGNITUDE_ONLY_IN: dict[str, frozenset[str]] = {
    **{w: frozenset({"tr"}) for w in ("bin", "binden", "bine", "bini")},
    **{w: frozenset({"ro"}) for w in ("mie", "mii", "de mii")},  # French « une mie de pain »
    "mil.": frozenset({"ro", "cs", "sk", "hr", "sr", "bs"}),  # 3 mil. Kč, 3 mil. eur, 3 mil. kuna
}
# "billion" is 1e12 in French, German and Spanish ("milliard" is 1e9).
_LONG_SCALE_LANGS = frozenset("fr de es it pt nl sv da no fi cs pl".split())
# Hindi « अरब » is a billion and "Arab": « 22 अरब देश » (22 Arab countries), « अरब लीग ».
_MAGNITUDE_NOT_BEFORE = f"(?!(?<=अरब){_SP}*(?:देश|लीग|राष्ट्र|जगत|सागर|मुल्क|दुनिया|समुदाय|नेता|सरकार|प्रायद्वीप))"
_MAGNITUDE_WORD_RE = re.compile(
    f"(?:{_SP}*|-)(?i:(" + _trie_regex(sorted(_MAGNITUDES, key=len, reverse=True)) + f"))(?![{_LATIN}])"
    + _MAGNITUDE_NOT_BEFORE
)
# Short magnitudes glued to the digits: 5bn, 3k, 2M, $5m (m only after a currency: 5m is five metres).
_MAGNITUDE_SHORT_RE = re.compile(f"(bn|mn|tn|trn|k|K|M|B|m)(?![{_LATIN}0-9])")
_MAGNITUDE_SHORT = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12, "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "m": 1e6}


# --- numbers in words of more than two digits ------------------------------------------------------------
# "three hundred thousand", « deux cent mille », „zweihundert Millionen“, « dos mil quinientos »: the words
# after the first one, read by ``_compose``. A hundred and a thousand multiply what comes before them (one
# when nothing does: "a hundred", « mille »); a magnitude multiplies all that comes before it since the last
# magnitude; a number below the last multiplier is added after it ("two hundred (and) fifty", « mille
# deux cents »); Spanish hundreds are added (« ciento veinte », « dos mil quinientos »). German writes a
# number below a million as one word (``_BIG_WORDS``).
_HUNDRED_WORDS = {"en": {"hundred"}, "fr": {"cent", "cents"}, "de": {"hundert"}, "es": set()}
_THOUSAND_WORDS = {"en": {"thousand"}, "fr": {"mille"}, "de": {"tausend", "tsd."}, "es": {"mil"}}
# After a multiplier, one is a number, not an article: "a hundred and one", « ciento uno », „tausendeins“.
_ONES_AFTER = {"en": {"one"}, "fr": {"un", "une"}, "de": {"eins"}, "es": {"uno", "una", "un"}}
# Halves. Numbers with a half written as one word („zweieinhalb“, „anderthalb“): values. Words that start a
# half of a magnitude ("half a million", « medio millón »): a number only before one. After a number or a
# magnitude, its half ("two and a half", "a million and a half", « deux millions et demi », « dos millones y
# medio »); „eine halbe Million“ (an article, then "halbe", then a magnitude).
_HALF_WORDS: dict[str, dict[str, float]] = {
    "en": {"half": 0.5}, "fr": {}, "es": {"medio": 0.5},
    "de": {"anderthalb": 1.5, "eineinhalb": 1.5} | {
        w + "einhalb": v + 0.5 for v, w in _DE_SMALL.items() if v <= 12},
}
_HALF_STARTS = frozenset({"half", "medio"})
_HALF_AFTER = {"en": {"and a half": "half", "a": "a", "an": "a"}, "fr": {"et demi": "half", "et demie": "half", "demi": "half_of"},
               "de": {"halbe": "half_of"}, "es": {"y medio": "half", "y media": "half"}}


@dataclass(frozen=True)
class _Composer:
    next_re: re.Pattern  # the next word: group 1 "and" (English), group 2 the word
    kinds: dict  # lower-cased word (spaces as one space) -> (kind, value)


@lru_cache(maxsize=64)
def _composer(lang_key: str) -> _Composer:
    langs = _codes(lang_key)
    kinds: dict[str, tuple[str, float]] = {}
    for code in langs:
        for w, v in _WORDS[code].items():
            kinds[w] = ("value", v)
        for w in _ONES_AFTER[code]:
            kinds[w] = ("value", 1.0)
        for w, v in _BIG_WORDS[code].items():
            kinds[w] = ("es_hundred" if w in _ES_HUNDREDS else "value", v)
        for w, v in _HALF_WORDS[code].items():
            kinds[w] = ("half_start" if w in _HALF_STARTS else "value", v)
        for w, kind in _HALF_AFTER[code].items():
            kinds[w] = (kind, 0.5)
    hundreds = set().union(*(_HUNDRED_WORDS[c] for c in langs)) - ({"cent", "cents"} if len(langs) > 1 else set())
    # The other magnitudes of any language, as the reader took them after any number word; "mil" is a
    # thousand in Spanish only, a hundred is one where the language's own word is.
    for w, v in _MAGNITUDES.items():
        if w in _HUNDRED_WORDS["en"] | _HUNDRED_WORDS["de"] or w == "mil" and "es" not in langs:
            continue
        if w in _MAGNITUDE_ONLY_IN and lang_key not in _MAGNITUDE_ONLY_IN[w]:
            continue  # "a bin", « 3 mil. »: not this language's magnitude
        v = _MAGNITUDE_IN_LANG.get(lang_key, {}).get(w, v)
        if w in ("billion", "billions") and lang_key in _LONG_SCALE_LANGS:
            v = 1e12
        kinds[w] = ("thousand", 1e3) if any(w in ws for ws in _THOUSAND_WORDS.values()) else ("big", v)
    for w in hundreds:
        kinds[w] = ("hundred", 1e2)
    # "and" before a number added to a multiplier ("two hundred and fifty"), tried last: "and a half" is a word.
    and_part = f"|{_SP}+(and){_SP}+" if "en" in langs else "|(?!)()"  # group 1 in every language
    words = _alternation(kinds).replace('\\ ', f"{_SP}+")  # a space of a word: any run of spaces
    return _Composer(re.compile(f"(?:{_SP}*|-{and_part})(?i:({words}))(?![{_LATIN}0-9])"), kinds)


# A number, a unit of time, then its half (``_HALF_AFTER``): "two hours and a half", « un an et demi »,
# « dos horas y media ».
_HALF_NOUNS = {
    "en": "hours? years? months? days? weeks? minutes? centuries?",
    "fr": "heures? ans? années? mois jours? semaines? minutes? siècles?",
    "es": "horas? años? mes meses días? semanas? minutos? siglos?",
}


def _spaced(words: Iterable[str]) -> str:
    """An alternation of ``words``, a space of a word matching any run of spaces."""
    return "|".join(re.escape(w).replace("\\ ", f"{_SP}+") for w in words)


def _half_noun_part(code: str) -> str:
    halves = [w for w, kind in _HALF_AFTER[code].items() if kind == "half"]
    return (f"{_SP}+(?i:" + "|".join(_HALF_NOUNS[code].split()) + f"){_SP}+(?i:" + _spaced(halves)
            + f")(?![{_LATIN}])")


@lru_cache(maxsize=64)
def _half_after_noun(lang_key: str) -> re.Pattern:
    return re.compile("|".join(_half_noun_part(c) for c in _codes(lang_key) if c in _HALF_NOUNS) or "(?!)")


# A hundred or a thousand with no number before it, after a word of vagueness, is no figure: "a few hundred",
# „ein paar hundert Patienten“, „mehrere Tausend“, « plusieurs mille ».
_BARE_MULTIPLIERS = ("hundert", "tausend", "cent", "mille", "cien", "mil")
_VAGUE_BEFORE_RE = re.compile(r"(?i)(?<![^\W\d_])(?:mehrere[nr]?|einige[nrs]?|paar|wenige[nr]?|etliche[nr]?|viele[nr]?|zig"
                              r"|few|several|many|plusieurs|quelques|varios|varias|algunos|algunas|unos\s+pocos|unas\s+pocas)\s+$")


def _compose(t: str, end: int, word: str, value: Optional[float], lang_key: str
             ) -> Optional[tuple[float, int, bool]]:
    """The value and end of a number in words that goes on after its first word ``word`` (ending at ``end``;
    ``value`` None for an article), or that starts with a word of 100 or more (« cent », „dreitausend“);
    None for a word below 100 (or an article) that nothing continues. The flag says whether it is firm:
    a hundred, a thousand or a magnitude in it ("two and a half" is as weak as "two")."""
    c = _composer(lang_key)
    kind0 = c.kinds.get(word, ("value", value))[0] if value is not None else "article"
    result = group = 0.0
    cur: Optional[float] = None
    last_big = math.inf
    if kind0 == "hundred":
        cur, prev, unit = 100.0, "mult", 100.0
    elif kind0 == "thousand":
        group, cur, prev, unit = 1000.0, 0.0, "mult", 1000.0
    elif kind0 == "es_hundred":
        cur, prev, unit = value, "mult", 100.0
    elif kind0 == "article":
        prev, unit = "start", math.inf
    elif kind0 == "half_start":  # "half", « medio »: a magnitude must follow
        cur, prev, unit = 0.5, "half_start", math.inf
    else:
        cur, prev, unit = value, "value", math.inf
    pos = end
    consumed = halved = False
    while True:
        m = c.next_re.match(t, pos)
        if m is None:
            break
        kind, v = c.kinds[_SP_RUN_RE.sub(" ", _fold(m.group(2)))]
        if m.group(1) and not (kind == "value" and prev == "mult"):
            break  # "and" only between a multiplier and what is added to it
        if kind == "half":  # two and a half, a million and a half, deux millions et demi, dos millones y medio
            if halved:
                break
            if prev == "value" and cur is not None and cur == int(cur) and cur < 1000:
                cur += 0.5
            elif prev == "start" and word == "one":
                cur = 1.5
            elif prev == "mult" and unit == last_big and not group and not cur:
                result += 0.5 * last_big
            else:
                break
            prev, halved = "half", True
        elif kind == "a":  # half a million
            if prev != "half_start":
                break
            prev = "half_a"
        elif kind == "half_start":  # "a half", "one half": no figure ("a half million" is read from "half")
            break
        elif kind == "half_of":  # eine halbe Million
            if prev != "start" or cur is not None:
                break
            cur, prev = 0.5, "half_of"
        elif prev in ("half_start", "half_a", "half_of") and kind != "big":
            break
        elif kind == "value":
            if prev != "mult" or v >= unit or (cur or 0.0) % 100:
                break
            cur, prev = (cur or 0.0) + v, "value"
        elif kind == "es_hundred":
            if prev != "mult" or cur or unit < 1000:
                break
            cur, prev, unit = v, "mult", 100.0
        elif kind == "hundred":
            if not (cur is None and prev == "start" or prev == "value" and cur is not None and 1 <= cur < 100):
                break
            cur, prev, unit = (cur or 1.0) * 100, "mult", 100.0
        elif kind == "thousand":
            if group or not (cur is None and prev == "start" or cur is not None and 1 <= cur < 1000):
                break
            group, cur, prev, unit = (cur or 1.0) * 1000, 0.0, "mult", 1000.0
        else:  # a magnitude
            base = group + (cur or 0.0)
            if v >= last_big or (not base and prev != "start"):
                break
            result += (base or 1.0) * v
            group, cur, prev, unit, last_big = 0.0, 0.0, "mult", v, v
        pos = m.end()
        consumed = True
    if prev in ("half_start", "half_a", "half_of"):
        return None  # "half of the people", « Oriente Medio », „eine halbe Stunde“: no magnitude after it
    total = result + group + (cur or 0.0)
    if not consumed:
        return (value, end, True) if value is not None and value >= 100 else None
    return total, pos, total >= 100 or result > 0
# Currencies: families, so that $ and 美元 agree; ¥ (yen or yuan) has no family.
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "dólar": "USD", "dólares": "USD", "美元": "USD", "$": "USD",
    "euro": "EUR", "euros": "EUR", "€": "EUR", "欧元": "EUR",
    "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY", "元": "CNY", "人民币": "CNY", "元人民币": "CNY",
    "livre sterling": "GBP", "livres sterling": "GBP", "pound": "GBP", "pounds": "GBP", "pfund": "GBP",
    "£": "GBP", "英镑": "GBP",
    "yen": "JPY", "yens": "JPY", "日元": "JPY", "円": "JPY", "ドル": "USD", "ユーロ": "EUR", "人民元": "CNY",
    "reais": "BRL", "won": "KRW", "韩元": "KRW", "원": "KRW", "달러": "USD", "엔": "JPY", "유로": "EUR", "위안": "CNY",
    "franc suisse": "CHF", "francs suisses": "CHF", "franken": "CHF",
    "rouble": "RUB", "roubles": "RUB", "rubel": "RUB", "卢布": "RUB",
    "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "доллар": "USD", "доллара": "USD", "долларов": "USD",
    "евро": "EUR", "юань": "CNY", "юаня": "CNY", "юаней": "CNY", "иен": "JPY", "иены": "JPY",
    "euroa": "EUR", "dollaria": "USD",  # Finnish partitive (3,5 miljardia euroa)
    "złotych": "PLN", "złote": "PLN", "zł": "PLN", "dolarów": "USD", "dolary": "USD",
    # Turkish (3 milyar dolarlık, 5 milyar TL, avro), Romanian (de dolari, lei), Hungarian (eurót, dollárral),
    # Greek (ευρώ, δολάρια), Ukrainian (євро, доларів, гривень)
    "dolar": "USD", "dolarlik": "USD", "dolara": "USD", "dolardan": "USD", "dolarin": "USD", "euroluk": "EUR",
    "euroya": "EUR", "euroyu": "EUR", "eurodan": "EUR", "euronun": "EUR", "avro": "EUR", "lira": "TRY",
    "liralik": "TRY", "liraya": "TRY", "lirayi": "TRY", "liradan": "TRY", "liranin": "TRY", "tl": "TRY",
    "dolari": "USD", "dolarilor": "USD", "lei": "RON",
    "euró": "EUR", "eurót": "EUR", "euróval": "EUR", "euróra": "EUR", "eurós": "EUR", "eurónyi": "EUR",
    "dollár": "USD", "dollárt": "USD", "dollárral": "USD", "dollárra": "USD", "dolláros": "USD", "forint": "HUF",
    "forintot": "HUF", "forinttal": "HUF", "forintos": "HUF",
    "ευρώ": "EUR", "δολάρια": "USD", "δολαρίων": "USD", "δολάριο": "USD",
    "євро": "EUR", "долар": "USD", "долара": "USD", "долари": "USD", "доларів": "USD", "гривня": "UAH",
    "гривні": "UAH", "гривень": "UAH", "грн": "UAH",
    "يورو": "EUR", "دولار": "USD", "دولارات": "USD", "دولارا": "USD", "جنيه": "EGP", "ريال": "SAR", "درهم": "AED",
    "يوان": "CNY", "ين": "JPY", "روبل": "RUB", "إسترليني": "GBP", "استرليني": "GBP",
    "אירו": "EUR", "יורו": "EUR", "דולר": "USD", "דולרים": "USD", "שקל": "ILS", "שקלים": "ILS", 'ש"ח': "ILS",
    "ש״ח": "ILS",
    "यूरो": "EUR", "डॉलर": "USD", "रुपये": "INR", "रुपए": "INR", "रुपया": "INR", "पाउंड": "GBP",
    "rupiah": "IDR", "ringgit": "MYR", "đô la": "USD", "đô-la": "USD", "đồng": "VND", "nhân dân tệ": "CNY",
    "eura": "EUR", "evra": "EUR", "evrov": "EUR", "evro": "EUR", "evre": "EUR", "dolara": "USD", "dolarjev": "USD",
    "dinara": "RSD", "лева": "BGN",
    "یورو": "EUR", "دلار": "USD", "ریال": "IRR", "تومان": "IRR",
    "港元": "HKD", "港币": "HKD", "dollars de hong kong": "HKD", "hong kong dollars": "HKD",
    # A dollar named by its country ("5 million US dollars" for 500万美元, „1.200 US-Dollar“): the country's
    # code, so that « 5 millions d'euros » → "5 million US dollars" is a currency changed, as with "dollars".
    "us dollar": "USD", "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD", "american dollar": "USD",
    "american dollars": "USD", "us-dollar": "USD", "us-dollars": "USD", "hong kong dollar": "HKD",
    "hk dollar": "HKD", "hk dollars": "HKD", "hongkong-dollar": "HKD", "australian dollar": "AUD",
    "australian dollars": "AUD", "australische dollar": "AUD", "australischen dollar": "AUD",
    "canadian dollar": "CAD", "canadian dollars": "CAD", "kanadische dollar": "CAD", "kanadischen dollar": "CAD",
    "singapore dollar": "SGD", "singapore dollars": "SGD", "singapur-dollar": "SGD", "new taiwan dollar": "TWD",
    "new taiwan dollars": "TWD", "taiwan dollar": "TWD", "taiwan dollars": "TWD", "nt dollars": "TWD",
    "taiwan-dollar": "TWD", "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "swiss franc": "CHF", "swiss francs": "CHF", "schweizer franken": "CHF", "rupee": "INR", "rupees": "INR",
    "rupie": "INR", "rupien": "INR", "roupie": "INR", "roupies": "INR",
    "usd": "USD", "eur": "EUR", "rmb": "CNY", "cny": "CNY", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "hkd": "HKD",
}
# Korean currencies of one syllable begin many words (원칙 "principle", 원인 "cause", 엔진 "engine"): after a
# number they are the currency only before a particle, a space, punctuation or the end.
_KO_PARTICLE_AFTER = "(?:[이을은과의에도만씩대]|으로|짜리|어치|가량|화|[^가-힣]|$)"
_KO_SHORT_CURRENCY = {"원": _KO_PARTICLE_AFTER, "엔": _KO_PARTICLE_AFTER}
_CURRENCY_SUFFIX_RE = re.compile(
    f"(?:(?:{_SP}*|-)(?:(?i:de|d['’]|of|di){_SP}*)?)"
    "(?:(?i:(" + _trie_regex(sorted(k for k in _CURRENCY_WORDS if k[0].isascii() and k[0].isalpha())) + f"))(?![{_LATIN}])"
    "|(" + _trie_regex([k for k in _CURRENCY_WORDS if not k[0].isascii() and k not in _KO_SHORT_CURRENCY] + ["$"])
    + "|" + "|".join(f"{w}(?={after})" for w, after in _KO_SHORT_CURRENCY.items()) + "))"
)
_CURRENCY_PREFIX_RE = re.compile(
    r"(?:(US|HK|NT|A|C|R|S|CA|AU)?\$|€|£|¥|￥|₩|₹|₽|(?:USD|EUR|RMB|CNY|GBP|JPY|CHF|HKD)"
    + f"{_SP}?)$"
)
# What a match of _CURRENCY_PREFIX_RE can end with: a symbol, the last letter of a code, or a space after a
# code (``$`` also matches before a final newline).
_CURRENCY_PREFIX_LAST = frozenset("$€£¥￥₩₹₽DRBYPF\n")
_CODE_LAST = frozenset("DRBYPF")
_SP_CHARS = frozenset(" \t\u00a0\u202f\u2009")  # the characters of _SP


def _currency_prefix(t: str, start: int) -> Optional[re.Match]:
    """The currency symbol or code just before ``start`` (``_CURRENCY_PREFIX_RE`` in the five characters
    before it), searched for only when the last of them can end one."""
    window = t[max(0, start - 5):start]
    last = window[-1:]
    if last in _SP_CHARS:
        if window[-2:-1] not in _CODE_LAST:
            return None
    elif last not in _CURRENCY_PREFIX_LAST:
        return None
    return _CURRENCY_PREFIX_RE.search(window)


# A currency named before a number that ends with a bare 元 (新台币500万元: New Taiwan dollars, not renminbi).
_YUAN_OF = {"台币": "TWD", "台幣": "TWD", "港币": "HKD", "港幣": "HKD", "门币": "MOP", "門幣": "MOP", "澳币": "MOP",
            "澳幣": "MOP"}
_CURRENCY_PREFIX_FAMILY = {"$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "₹": "INR", "₽": "RUB",
                           "USD": "USD", "EUR": "EUR", "RMB": "CNY", "CNY": "CNY", "GBP": "GBP", "JPY": "JPY",
                           "CHF": "CHF", "HKD": "HKD", "HK$": "HKD", "US$": "USD", "NT$": "TWD", "A$": "AUD",
                           "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "S$": "SGD", "R$": "BRL"}

_PERCENT_RE = re.compile(
    f"{_SP}*(?:%|(?i:pour{_SP}?cent|pourcent|per{_SP}?cent|percent|prozent|por{_SP}?ciento|por{_SP}?cien"
    # Romanian « la sută », Greek « τοις εκατό », Hungarian « százalék » with its suffixes (not « százalékpont »,
    # a percentage point, which English "percentage points" is not read as either)
    f"|la{_SP}sut[ăa]|τοις{_SP}εκατό|százalék(?:kal|ra|ról|os|ot|a|át|ban|on|nyi)?)(?![{_LATIN}])"
    # Arabic « بالمئة », « في المائة », Hebrew « אחוז » (not « נקודות אחוז », percentage points: a word between)
    f"|(?:بال|في{_SP}+ال)م(?:ئ|ائ)ة|אחוז(?:ים)?(?![\u05d0-\u05ea])"
    # Hindi « प्रतिशत », « फीसदी » (with or without nukta), Indonesian « persen », Malay « peratus »,
    # Vietnamese « phần trăm »
    f"|प्रतिशत|(?:फ़|फ़|फ)ीसदी|(?i:persen|peratus|phần{_SP}trăm"
    # Croatian, Serbian « posto », « odsto », Slovenian « odstotka », Slovak « percenta », Bulgarian « процента »
    f"|posto|odsto|odstot(?:ka|kov|ke|ek)|percent[aá]|процента)(?![{_LATIN}])"
    # Persian « درصد », « درصدی » (adjective: رشد ۰٫۷ درصدی)
    f"|درصدی?)"
)
_DECADE_SUFFIX_RE = re.compile(f"(?:['’]s|s|(?:iger|er)n?)(?![{_LATIN}])")
_ORDINAL_SUFFIX_RE = re.compile(
    f"(?:st|nd|rd|th|ème|eme|ième|ieme|ère|ere|er|re|è|e|ᵉʳ|ᵉ|º|ª|\\.º|\\.ª|o|a)(?![{_LATIN}0-9])"
)
_UNIT_SUFFIX_RE = re.compile(
    "(?:km²|km2|km/h|kmh|km|cm|mm|mg|kg|kWh|MWh|GWh|TWh|kW|MW|GW|mph|ha|g|t|m²|m2|m3|m|s|h|°C|°F|°|ml|mL|cl|dl|l|L"
    "|GB|MB|TB|Mbps|Gbps|MHz|GHz|nm|mAh|kV|V|W|Hz|dB|ft|lb|lbs|oz|gal|F|p)"
    f"(?![{_LATIN}0-9])"
)
# Units of measurement after a number, by system: a translation may convert feet to metres, acres to
# hectares, Fahrenheit to Celsius, 亩 to hectares; the number check forgives numbers that differ so.
_MEASURE_WORDS = {
    "imperial": "feet foot ft mile miles mi acre acres yard yards yd inch inches gallon gallons ounce ounces oz "
                "lb lbs °F fahrenheit degrees 英尺 英里 英亩 英寸 磅 华氏",
    "metric": "m meter meters metern zentimeter zentimetern millimeter millimetern metre metres mètre mètres metro metros km kilometer kilometers kilometre kilometres "
              "kilomètre kilomètres kilómetro kilómetros kilometern cm mm ha hectare hectares hektar hectárea "
              "hectáreas km2 km² m2 m² quadratkilometer quadratkilometern kg kilogram kilograms kilogramm kilo "
              "kilos t tonne tonnes tonnen l liter litre litres liters °C celsius grad degrés grados ° "
              "米 公里 千米 厘米 毫米 公顷 平方公里 平方米 公斤 千克 吨 升 摄氏度 度",
    "mu": "亩",
}
# Units of length, area, volume and mass whose two systems are not interchangeable, by dimension: a
# translation that keeps the number and changes the unit (10 km → "10 miles") states another quantity.
# (Matched on the text as read: Korean 마일 is 마日 there.) Words that also name a currency (pound, Pfund, libra, фунт, 磅, ポンド) or either of two units (キロ: km or
# kg) are left out.
_UNIT_DIMENSIONS = {
    ("length", "metric"): "km kilometre kilometres kilometer kilometers kilometern kilomètre kilomètres kilómetro "
                          "kilómetros chilometro chilometri quilômetro quilômetros quilómetro quilómetros kilometr "
                          "kilometry kilometrów kilometra километр километра километров км 公里 千米 キロメートル 킬로미터",
    ("length", "imperial"): "mile miles meile meilen milla millas miglio miglia milha milhas mijl mijlen миля мили "
                            "миль 英里 マイル 마日",
    ("area", "metric"): "hectare hectares ha hektar hektaren hectárea hectáreas ettaro ettari гектар гектара "
                        "гектаров 公顷 ヘクタール 헥타르",
    ("area", "imperial"): "acre acres acri acro акр акра акров 英亩 エーカー 에이커",
    ("volume", "metric"): "litre litres liter liters litern litro litros litri литр литра литров 升 リットル 리터",
    ("volume", "imperial"): "gallon gallons gallone gallonen galón galones galloni galão galões галлон галлона "
                            "галлонов 加仑 ガロン 갤런",
    ("mass", "metric"): "kg kilogram kilograms kilogramme kilogrammes kilogramm kilogramo kilogramos chilogrammo "
                        "chilogrammi quilograma quilogramas килограмм килограмма килограммов кг 公斤 千克 キログラム 킬로그램",
    ("mass", "imperial"): "lb lbs",
}
_DIMENSION_OF = {w: key for key, words in _UNIT_DIMENSIONS.items() for w in words.split()}
_MEASURE_OF = {w: system for system, words in _MEASURE_WORDS.items() for w in words.split()} \
    | {w: system for w, (_, system) in _DIMENSION_OF.items()}
_MEASURE_OF.update({w.lower(): s for w, s in list(_MEASURE_OF.items())})
_MEASURE_AFTER_RE = re.compile(
    f"(?:{_SP}|-)?(?:(?i:(" + _trie_regex(sorted(w for w in _MEASURE_OF if w.isascii() and w.isalpha())) + f"))(?![{_LATIN}])"
    "|(" + _trie_regex(sorted(w for w in _MEASURE_OF if not (w.isascii() and w.isalpha()))) + "))"
)


def _measure_at(t: str, pos: int) -> Optional[str]:
    m = _MEASURE_AFTER_RE.match(t, pos)
    if not m:
        return None
    return _MEASURE_OF.get(m.group(0).strip(" -\u00a0\u202f\u2009\t").lower())


# Units of time after a number, by language, with their size: hours, days and weeks in hours, months and
# years in months. A translation may say a duration in another unit ("14 days" / „zwei Wochen“, "48 hours" /
# « deux jours », "18 months" / „anderthalb Jahre“); the number check takes the two as one quantity.
_DURATION_WORDS = {
    "hour": "hour hours hr hrs stunde stunden heure heures hora horas ora ore uur час часа часов godzina godziny "
            "godzin 小时 个小时 個小時 小時 钟头 時間 시간",
    "day": "day days tag tage tagen tages jour jours journée journées día días dia dias giorno giorni dag dagen "
           "день дня дней сутки суток dzień dni 天 日間 일",
    "week": "week weeks woche wochen semaine semaines semana semanas settimana settimane weken неделя недели "
            "недель неделю tydzień tygodnie tygodni 周 个星期 個星期 个礼拜 週間 주 주일 주간",
    "month": "month months monat monate monaten monats mois mes meses mese mesi mês maand maanden месяц месяца "
             "месяцев miesiąc miesiące miesięcy 个月 個月 か月 カ月 ヶ月 ケ月 箇月 개월 달",
    "year": "year years jahr jahre jahren jahres an ans année années año años anno anni ano anos jaar jaren год "
            "года лет rok lata lat 年 年間 년",
}
_DURATION_SIZE = {"hour": ("time", 1.0), "day": ("time", 24.0), "week": ("time", 168.0),
                  "month": ("calendar", 1.0), "year": ("calendar", 12.0)}
_DURATION_OF = {w: unit for unit, words in _DURATION_WORDS.items() for w in words.split()}
_DURATION_AFTER_RE = re.compile(
    f"(?:{_SP}|-)?(?:(?i:(" + _trie_regex(sorted(w for w in _DURATION_OF if w.isascii())) + f"))(?![{_LATIN}])"
    "|(" + _trie_regex(sorted(w for w in _DURATION_OF if not w.isascii())) + f"))(?![{_LATIN}])"
)


def duration_after(text: str, mention: NumberMention) -> Optional[tuple[str, float, str]]:
    """(``time`` or ``calendar``, the duration in hours or in months, the unit as written) of a number
    followed by a unit of time in ``text`` ("14 days": ("time", 336.0, "days"); „zwei Wochen“; 18个月:
    ("calendar", 18.0, "个月")), or None. Numbers only: a date (3月, 2024年) or an ordinal is no duration."""
    if mention.kind != "number" or mention.value is None:
        return None
    m = _DURATION_AFTER_RE.match(text, mention.end)
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    unit = _DURATION_OF.get(word.lower())
    if unit is None:
        return None
    family, size = _DURATION_SIZE[unit]
    return family, mention.value * size, word


def unit_after(text: str, mention: NumberMention) -> Optional[tuple[str, str, str]]:
    """(dimension, system, the unit as written) of the unit of length, area, volume or mass written after
    ``mention`` in ``text`` (10 km, 10 Meilen, 10英里), or None."""
    if mention.measure is None:
        return None
    glued = _UNIT_IN_MENTION_RE.search(mention.text)  # 10km: the finder took the unit into the mention
    if glued:
        key = _DIMENSION_OF.get(glued.group().lower())
        return (*key, glued.group()) if key else None
    after = text[mention.end:mention.end + 40]
    m = _MEASURE_AFTER_RE.match(after.translate(_FULLWIDTH))
    if not m or after[m.end():m.end() + 1] in ("²", "³", "2", "3", "/"):  # km², km/h: another quantity
        return None
    word = after[:m.end()].strip(" -\u00a0\u202f\u2009\t")  # as written (the match is on the text as read)
    key = _DIMENSION_OF.get(m.group(0).strip(" -\u00a0\u202f\u2009\t").lower())
    return (*key, word) if key else None


_UNIT_IN_MENTION_RE = re.compile(r"(?<=[0-9])[^\W\d_]+$")


_HYPHEN_PREFIX_OK = {"mi", "mid", "pre", "pré", "post", "fin", "début", "ex", "anti", "pro", "vers", "circa",
                     "ca", "top", "plus", "über", "the", "los", "las", "les", "des", "die", "der", "zu", "bis",
                     "und", "et", "à", "a", "y", "to", "and", "or", "oder", "ou", "von", "from", "de", "du", "le",
                     "la", "under", "over", "u", "U"}

# Verbs of exceeding, by their stems (any ending): "exceeds", « dépassé », „überstieg“, « superó ». Their forms
# right before a number are "more than" below; anywhere near a bare number they hedge it (checks/numbers.py).
EXCEED_STEMS = ("exceed", "surpass", "topp", "dépass", "übersteig", "überstieg", "überschr", "übertr", "supera",
                "superó", "ultrapass")

# Approximation words before a number (searched at the end of a short window before it).
_APPROX_BEFORE = {
    "more_than": ["more than", "over", "above", "upwards of", "in excess of", "at least", "exceed", "exceeds",
                  "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing", "topped",
                  # the verbs that say it ("exceeded 40 °C", « a dépassé les 40 », „übersteigt 40“, « superó los 40 »)
                  "dépasse", "dépassé", "dépassent", "dépassant", "dépasser", "dépassait", "dépassera", "dépasse les",
                  "dépassé les", "dépassent les", "dépassant les", "dépasser les", "dépassait les", "dépassera les",
                  "übersteigt", "überstieg", "überstiegen", "übersteigen", "überschreitet", "überschritt",
                  "überschritten", "übertrifft", "übertraf", "übertroffen",
                  "supera", "superan", "superó", "superaron", "superando", "superar", "supera los", "supera las",
                  "superó los", "superó las", "superan los", "superaron los", "superando los", "superato", "superano",
                  "superando i", "supera i", "superou", "ultrapassa", "ultrapassou", "ultrapassam", "ultrapassaram",
                  "ultrapassando", "ultrapassa os", "ultrapassou os", "超出",
                  "plus de", "plus d'",
                  "plus d’", "au moins", "mehr als", "mindestens", "más de", "mas de", "al menos",
                  "超过", "超", "逾", "多于", "至少", "高于", "高达", "少なくとも", "최소", "적어도",
                  "più di", "oltre", "almeno", "oltre il", "sopra il", "mais de", "pelo menos", "acima de", "acima dos",
                  "por encima de", "por encima del", "meer dan", "ruim", "minstens", "ten minste",
                  "более", "больше", "свыше", "не менее", "по меньшей мере", "выше",
                  "ponad", "co najmniej", "powyżej", "przeszło",
                  "mer än", "fler än", "över", "drygt", "minst", "mere end", "flere end", "mindst",
                  "mer enn", "flere enn", "drøyt", "více než", "víc než", "přes", "nejméně", "alespoň",
                  "minimálně", "yli", "vähintään", "runsaat", "reilut",
                  "en az", "peste", "cel puțin", "cel puţin", "mai mult de", "mai bine de", "több mint", "több, mint",
                  "legalább", "πάνω από", "πάνω από το", "πάνω από τα", "περισσότερα από", "περισσότεροι από",
                  "περισσότερες από", "περισσότερο από", "τουλάχιστον", "понад", "більше ніж", "більш ніж",
                  "більше за", "щонайменше", "принаймні", "не менше ніж", "не менш ніж", "більш ніж на",
                  "більше ніж на", "более чем на", "больше чем на",
                  "أكثر من", "أزيد من", "ما يزيد على", "ما يزيد عن", "ما لا يقل عن", "ما يربو على",
                  "יותר מ-", "יותר מ־", "למעלה מ-", "למעלה מ־", "מעל", "מעל ל-", "מעל ל־", "לפחות",
                  "कम से कम", "lebih dari", "lebih daripada", "setidaknya", "sedikitnya", "paling sedikit",
                  "di atas", "hơn", "trên", "ít nhất", "viac ako", "viac než", "najmenej", "aspoň", "više od", "preko",
                  "najmanje", "več kot", "najmanj", "повече от", "над", "най-малко", "поне", "més de", "almenys",
                  "com a mínim", "بیش از", "بیشتر از", "دست‌کم", "دست کم", "حداقل",
                  # an article or a contracted preposition between (più del 30%, más del 30%, més del 30%)
                  "più del", "più dell'", "più dell’", "più dei", "più della", "più delle", "più degli",
                  "oltre l'", "oltre l’", "oltre i", "oltre al", "oltre all'", "oltre all’", "almeno il",
                  "almeno l'", "almeno l’", "superiore al", "superiore all'", "superiore all’",
                  "más del", "más de la", "más de las", "más de los", "al menos el", "por lo menos",
                  "superior al", "mais do que", "acima do", "acima da", "més del", "més de la", "més d'un",
                  "més d’un"],
    "less_than": ["less than", "fewer than", "under", "below", "up to", "moins de", "moins d'", "moins d’",
                  "jusqu'à", "jusqu’à", "weniger als", "bis zu", "höchstens", "längstens", "menos de", "hasta",
                  "不到", "不足", "少于", "低于", "未满", "未到", "최대",
                  "meno di", "sotto il", "sotto i", "al di sotto del", "inferiore al", "fino a", "fino al",
                  "abaixo de", "abaixo dos", "até", "por debajo de", "por debajo del", "inferior al", "minder dan",
                  "менее", "меньше", "ниже", "не более", "не больше", "poniżej", "mniej niż",
                  "mindre än", "färre än", "upp till", "mindre end", "færre end", "op til", "mindre enn",
                  "færre enn", "opptil", "méně než", "až", "enintään", "korkeintaan",
                  "en fazla", "mai puțin de", "mai puţin de", "până la", "pana la", "kevesebb mint", "kevesebb, mint",
                  "legfeljebb", "akár", "λιγότερα από", "λιγότεροι από", "λιγότερες από", "λιγότερο από", "κάτω από",
                  "κάτω από το", "έως και", "менше ніж", "менш ніж", "не більше ніж", "не більш ніж", "менш ніж на",
                  "менше ніж на", "менее чем на", "меньше чем на",
                  "أقل من", "ما يصل إلى", "ما لا يزيد على", "ما لا يزيد عن", "פחות מ-", "פחות מ־",
                  "kurang dari", "kurang daripada", "di bawah", "hingga", "dưới", "chưa đến", "lên tới", "lên đến",
                  "menej ako", "menej než", "manje od", "manj kot", "по-малко от", "под", "menys de", "fins a",
                  "کمتر از", "حداکثر",
                  "meno del", "meno dell'", "meno dell’", "meno dei", "meno della", "meno delle", "meno degli",
                  "fino all'", "fino all’", "fino ai", "sotto l'", "sotto l’", "menos del", "menos de la",
                  "hasta el", "hasta un", "hasta una", "menos do que", "até o", "até a", "até os", "abaixo do",
                  "abaixo da", "menys de", "menys del", "menys de la", "fins al", "fins a l'", "fins a l’"],
    "about": ["about", "around", "approximately", "roughly", "nearly", "almost", "close to", "some", "circa",
              "ca.", "environ", "près de", "presque", "quelque", "autour de", "rund", "etwa", "ungefähr",
              "fast", "zirka", "beinahe", "nahezu", "annähernd", "knapp", "unos", "unas", "cerca de", "alrededor de", "aproximadamente", "casi",
              "约", "大约", "大概", "近", "将近", "接近", "约合", "约有", "大约有", "約", "およそ", "약", "대략",
              "quasi", "intorno al", "intorno ai", "quase", "em torno de", "por volta de", "ongeveer", "bijna", "zo'n",
              "около", "почти", "примерно", "порядка", "приблизительно", "około", "prawie", "blisko",
              "omkring", "cirka", "ungefär", "nästan", "knappt", "næsten", "knap", "rundt", "omtrent", "nesten",
              "přibližně", "zhruba", "téměř", "skoro", "kolem", "okolo", "noin", "lähes", "melkein", "suunnilleen",
              "arviolta", "yaklaşık", "tahminen", "neredeyse", "aproximativ", "aproape", "în jur de", "cca.",
              "mintegy", "körülbelül", "kb.", "nagyjából", "közel", "csaknem", "majdnem", "hozzávetőleg",
              "megközelítőleg", "περίπου", "σχεδόν", "близько", "приблизно", "майже", "орієнтовно",
              # "by about": the preposition between (зросте приблизно на 1,2%, вырастет примерно на 2%)
              "приблизно на", "майже на", "примерно на", "почти на", "приблизительно на",
              # Arabic (« بنحو »: a prefix before the word, as Arabic letters are no letters of _LATIN)
              "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقرب من", "تقريبا",
              # Hebrew, with the hyphen (or maqaf) before the digits: כ-25 (about 25), בכ-1.2%; « כ », « מ », « ל »
              # are prefixes (their letters end no word: the final forms ך ם do)
              "כ-", "כ־", "כמעט", "קרוב ל-", "קרוב ל־",
              "लगभग", "करीब", "क़रीब", "क़रीब", "तकरीबन", "तक़रीबन", "तक़रीबन",
              "sekitar", "kurang lebih", "hampir", "kira-kira", "lebih kurang", "khoảng", "gần", "xấp xỉ",
              "približne", "takmer", "oko", "otprilike", "gotovo", "približno", "okoli", "skoraj", "приблизително",
              "al voltant de", "al voltant del", "al voltant d'un", "al voltant d’un", "gairebé", "prop de",
              # "by about" with the preposition between (porastie približne o 1,2 %, poroste zhruba o 1,2 %)
              "približne o", "takmer o", "asi o", "přibližně o", "zhruba o", "téměř o", "skoro o",
              "حدود", "حدودا", "حدوداً", "تقریبا", "تقریباً", "نزدیک به",
              "circa il", "circa l'", "circa l’", "circa i", "circa lo", "quasi il", "quasi l'", "quasi l’",
              "quasi i", "intorno all'", "intorno all’", "attorno al", "attorno all'", "attorno all’",
              "cerca del", "cerca de la", "casi el", "casi la", "casi un", "alrededor del", "en torno al",
              "en torno a", "aproximadamente el", "cerca dos", "cerca das", "em torno dos", "em torno das",
              "quase o", "quase a", "prop del", "gairebé el", "gairebé la"],
}
_APPROX_GUARDS = {
    "over": re.compile(r"(?i)\b(?:take|takes|took|taken|taking|hand|hands|handed|turn|turns|turned|win|won|"
                       r"hold|held|pass|passed|carry|carried|control|all|watch|watched|presid\w*)\s*$"),
    "up to": re.compile(r"(?i)\b(?:add|adds|added|adding|come|comes|came|amount|amounts|amounted|live|lived|"
                        r"bring|brought|sum|sums|summed)\s*$"),
    "some": re.compile(r"(?i)\b(?:for|in|at|of|and|with|to)\s*$"),
    # "rose 4.2% to 2.6 million": after a change, « hasta », « até », « fino a », « jusqu'à » say where it went
    # (and after a change in percentage points: « subió 2 puntos porcentuales hasta el 7 % »)
    **dict.fromkeys(("hasta", "hasta el", "hasta la", "até", "até o", "até a", "fino a", "fino al", "fino ai",
                     "fino all'", "fino all’", "jusqu'à", "jusqu’à"),
                    re.compile(r"(?i)(?:[0-9]\s*%|[0-9]\s*(?:por ciento|per cento|pour cent|por cento)"
                               r"|\b(?:porcentual(?:es)?|percentual[ei]|percentua(?:l|is)|de pourcentage)"  # points
                               r"|\b(?:aument\w*"
                               r"|sub(?:ió|ieron|e|en|ir|ido|iu|iram)|crec\w*|cay\w*|ca(?:e|en|ído|iu|íram)|baj\w*"
                               r"|increment\w*|dismin\w*|reduj\w*|descend\w*|cresc\w*|sal(?:it\w*|e|gono|ire)"
                               r"|sces[oaie]|augment\w*|progress\w*|grimp\w*|mont(?:é|ée|és|ées|er|e|ent)|recul\w*"
                               r"|baiss\w*|chut\w*|recuou|recuaram))\s*$")),
}


def _with_capitals(words: list[str]) -> list[str]:
    """``words`` and, for the words with a letter beyond ASCII (Greek, Cyrillic, « în jur de »), their
    capitalised form (« Около 25 000 человек », "Około 25 tys.", « Até 5% », « Περίπου »): the non-ASCII
    words match case-sensitively."""
    return words + [w[0].upper() + w[1:] for w in words if not w.isascii() and w[0].islower()]


_APPROX_WORD_KIND = {w: k for k, ws in _APPROX_BEFORE.items() for w in _with_capitals(ws)}
# The qualifier at the end of the window before a number, read backwards: matched at the start of the
# reversed window (one anchored attempt) instead of searched for with ``{_SP}*$`` at every position.
# Same word: every match ends at the window's last character that is no space (before a final newline,
# where ``$`` also matches); the leftmost match forwards is the longest one backwards, which the greedy
# trie finds first; an ASCII and a non-ASCII word never end alike, so the two groups never compete;
# ``(?<![letter])`` before the word is ``(?![letter])`` after it backwards. ``tests/test_numbers.py``
# compares it with the forward pattern.
_APPROX_BEFORE_REV_RE = re.compile(
    f"\\n?{_SP}*(?:(?i:(" + _trie_regex(w[::-1] for w in _APPROX_WORD_KIND if w.isascii()) + f"))(?![{_LATIN}])"
    "|(" + _trie_regex(w[::-1] for w in _APPROX_WORD_KIND if not w.isascii()) + "))"
)
# Qualifiers read only in their own language: Finnish « alle » ("under") is German and Italian « alle »
# („alle 300 Mitarbeiter“, « alle 15 »); Romanian « sub » ("under") is English "sub"; Catalan « uns » (some) is
# German „uns“ („gab uns 300 Euro“). Read backwards like
# ``_APPROX_BEFORE_REV_RE``, where it finds none.
_APPROX_ONLY_IN: dict[str, dict[str, str]] = {"fi": {"alle": "less_than"}, "ro": {"sub": "less_than"},
                                               "ca": {"uns": "about", "unes": "about"}}
_APPROX_ONLY_IN_REV_RE = {
    lang: re.compile(f"\\n?{_SP}*(?i:(" + _trie_regex(w[::-1] for w in words) + f"))(?![{_LATIN}])")
    for lang, words in _APPROX_ONLY_IN.items()
}
_HANGUL_RE = re.compile("[\uac00-\ud7a3]")
_NOT_TENTHS = set("为功立员本熟果长就绩交型品")  # 3成为 "3 becomes", not 30%
_ZH_SUFFIX_RE = re.compile(r"(多|余(?!额))?([十百千万亿兆]+)?(多|余(?!额))?")
_ZH_SUFFIX_FIRST = frozenset("多余十百千万亿兆")
_APPROX_AFTER_RE = re.compile(r"(?:个月|小时|分钟|公里|平方米|公顷|[个名人位家项次所条件种批只台辆架艘吨元岁倍户例起座栋间株头篇部场届轮]"
                             r")?(以上|以下|以内|左右|上下|之多)|个(多)(?=[月小星世钟])")
_APPROX_SUFFIX_EN_RE = re.compile(f"(?:-|{_SP}+)(?:plus|odd)(?![{_LATIN}])")
# Turkish qualifiers after the number, its case ending before them (on the digits after an apostrophe, on a
# magnitude word in it): 300'den fazla, 25 binden fazla, 300'ü aşkın, %5'in üzerinde (more than); 5'ten az,
# %5'in altında (less than); 300'e kadar, 3 milyona kadar, 5 liraya kadar (up to); 300 kadar, 5 lira kadar, 300
# civarında (about).
_APPROX_AFTER_TR_RE = re.compile(
    f"(?:(?:['’][dt][ae]n|(?<=[dt][ae]n)){_SP}+(?:(?P<more_than>fazla)|(?P<less_than>az))"
    f"|(?:['’]y?[uüıi])?{_SP}+(?P<more_than_>aşkın)"
    f"|['’]n?[iıuü]n{_SP}+(?:(?P<more_than__>üzerinde|üstünde)|(?P<less_than_>altında))"
    f"|(?:['’]y?[ae]|(?<=bine)|(?<=milyona)|(?<=milyara)|(?<=trilyona)|(?<=euroya)|(?<=liraya)|(?<=dolara))"
    f"{_SP}+(?P<less_than__>kadar)"
    f"|{_SP}+(?P<about>kadar|civarında|civarı|dolayında))(?![{_LATIN}])"
)
# Hindi qualifiers after the number: 300 से अधिक / ज़्यादा (more than), 300 से कम (less than), 300 तक (up to),
# 300 के करीब / आसपास (about); « ज़ » written with or without nukta, precomposed or not.
_HI_ZYADA = "(?:\u091c\u093c|\u095b|\u091c)्यादा"
_APPROX_AFTER_HI_RE = re.compile(
    f"{_SP}+(?:से{_SP}+(?:(?P<more_than>अधिक|{_HI_ZYADA}|ऊपर)|(?P<less_than>कम))|(?P<less_than_>तक)"
    f"|के{_SP}+(?P<about>(?:क\u093c|क़|क)रीब|आसपास|लगभग))(?![\u0900-\u097f])"
)
# Japanese qualifiers after the number and its counter: 300戸以上, 300人超, 300人余り (more than), 300人未満,
# 300人弱, 300人足らず (less than), 300人近く, 300人程度, 300人前後 (about), 300人を超える, 300人を下回る.
_JA_COUNTER = ("(?:人|戸|件|社|台|機|隻|棟|軒|世帯|校|店|[カかヶケヵ](?:国|所|月)|箇所|本|個|頭|匹|羽|回|歳|才|年|日|時間|分|秒"
               "|キロ|メートル|トン|円|ドル|ユーロ|ポイント)")
_APPROX_AFTER_JA_RE = re.compile(
    f"{_JA_COUNTER}?(?:(?P<more_than>以上|超|余り|余|強|あまり)|(?P<less_than>未満|以下|以内|弱|足らず)"
    f"|(?P<about>近く|程度|前後|ほど|くらい|ぐらい)"
    f"|を(?:(?P<more_than_>超え|超す|上回)|(?P<less_than_>下回)))"
)
# Korean, after the number and its counter (a space or none between): 300채 이상, 300명 초과, 300명 남짓, 300여 명
# (more than), 300명이 넘는 / 300명을 웃도는 (more than), 300명 미만 / 이하 / 이내 (less than), 300명을 밑도는,
# 300명 가량 / 정도 / 안팎 / 내외 / 쯤 / 가까이 (about).
# (Matched on the text as read, where 월 년 만 are 月 年 万: 개월 is 개月, 미만 is 미万.)
_KO_COUNTER = "(?:명|개국|개사|개月|개|채|곳|건|대|척|마리|가구|권|편|회|번|차례|살|세|가지|군데|톤|年|시간|원|달러|유로|엔|위안)"
_APPROX_AFTER_KO_RE = re.compile(
    f"(?P<more_than>여)(?={_SP}*{_KO_COUNTER})"
    f"|{_SP}?(?:{_KO_COUNTER}{_SP}?)?(?:(?P<more_than_>이상|초과|남짓|넘게)|(?P<less_than>미万|이하|이내)"
    f"|(?P<about>가량|정도|안팎|내외|쯤|가까이)"
    f"|[이가을를]{_SP}?(?P<more_than__>넘는|넘은|넘어|넘게|넘었|웃도|웃돈|웃돌)|[을를]{_SP}?(?P<less_than_>밑도|밑돈|밑돌))"
)
_APPROX_AFTER_BY_LANG = {"tr": _APPROX_AFTER_TR_RE, "hi": _APPROX_AFTER_HI_RE, "ja": _APPROX_AFTER_JA_RE,
                         "ko": _APPROX_AFTER_KO_RE}

APPROX_PHRASES = {"more_than": "more than", "less_than": "less than", "about": "about"}


# --- the scanning regex ---------------------------------------------------------------------------------

_ZH_SMALL = "[一二三四五六七八九]|十[一二三四五六七八九]?|[二三]十[一二三四五六七八九]?"
_URL = (
    r"(?:https?://|www\.)[^\s<>\"'，。、；）)\]】]+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\."
    rf"{TLD}(?![A-Za-z0-9])(?:/[^\s<>\"'，。、；）)\]】]*)?"
)
_URL_RE = re.compile(_URL)
# The same, for a document whose text between sentences is masked with NUL (``find_numbers_by_sentence``):
# no URL reads on through the mask, so its matches are those of each sentence on its own.
_URL_IN_MASKED_RE = re.compile(_URL.replace(r"[^\s<>", r"[^\x00\s<>"))
assert _URL_IN_MASKED_RE.pattern != _URL
# What every match of _URL_RE holds: a scheme or "www.", "@", or a dot before one of its domains.
_URL_HINT_RE = re.compile(r"://|www\.|@|\.(?:" + "|".join(TLDS) + "|" + "|".join(t.upper() for t in TLDS) + ")")
_ISO_DATE = r"(?<![0-9])([12][0-9]{3})(?P<isosep>[-/.])([01]?[0-9])(?P=isosep)([0-3]?[0-9])(?![0-9])"
_DMY_DATE = r"(?<![0-9.,])([0-3]?[0-9])(?P<dmysep>[./-])([0-3]?[0-9])(?P=dmysep)([12][0-9]{3})(?![0-9])"
# German (and the other dot-ordinal languages) write day and month alone as 27.7. or 27.07.
_DM_DOT_DATE = r"(?<![0-9.,])([0-3]?[0-9])\.([01]?[0-9])\.(?![0-9])"
_ZH_DATE = (
    r"(?:([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?"
    rf"([0-9]{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月"
    rf"(?:\s*([0-9]{{1,2}}|{_ZH_SMALL})\s*[日号])?"
)
_DM_DATE = (
    rf"(?<![0-9.,])([0-3]?[0-9])(er|re|ère|ᵉʳ|\.|º)?(?:{_SP}*(?:de{_SP}+)?)"
    rf"(MONTH)(?:(?:{_SP}*,?{_SP}*|{_SP}+de[l]?{_SP}+)([12][0-9]{{3}})(?![0-9]))?"
)
_MD_DATE = (
    rf"(MONTH){_SP}+([0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9]|[.,][0-9])(?:,?{_SP}+([12][0-9]{{3}})(?![0-9]))?"
)
_MY_DATE = rf"(MONTH){_SP}+(?:(?:de|del|of){_SP}+)?([12][0-9]{{3}})(?![0-9])"
# Hungarian writes the year first, with a dot: 2024. április 15-én, 2024. március 3., 2024. áprilisban (in
# April: no day after it).
_YMD_NAME_DATE = (
    rf"(?<![0-9.,])([12][0-9]{{3}})\.{_SP}+(MONTH)(?:(?<!ban)(?<!ben){_SP}+([0-3]?[0-9])(?![0-9]|[.,][0-9]))?"
)
_YEAR_FIRST_LANGS = frozenset({"hu"})
# Vietnamese names a month by its number: (ngày) 15 tháng 4 (năm 2024) is April 15 (2024); tháng 2 is February
# and tháng 4 năm 2024 April 2024 (read at the month's digits, ``_read_number``).
_VI_DATE = (
    rf"(?<![0-9.,])([0-3]?[0-9]){_SP}+(?i:tháng){_SP}+([01]?[0-9])(?![0-9])"
    rf"(?:,?{_SP}+(?i:năm){_SP}+([12][0-9]{{3}})(?![0-9]))?"
)
_VI_MONTH_BEFORE_RE = re.compile(f"(?i:tháng){_SP}$")
_VI_YEAR_AFTER_RE = re.compile(rf",?{_SP}+(?i:năm){_SP}+([12][0-9]{{3}})(?![0-9])")
_HOUR = "(?:[01]?[0-9]|2[0-4])"
_TIME = (
    rf"(?<![0-9.,:])({_HOUR})(?::{_SP}?|[hH]|{_SP}[hH]{_SP}?)([0-5][0-9])(?![0-9])(?:{_SP}?(?i:[ap]\.?m\.?)(?![{_LATIN}]))?"
    rf"|(?<![0-9.,:])({_HOUR})(?:[.:]([0-5][0-9]))?{_SP}?(?:Uhr(?![{_LATIN}])|(?i:[ap]\.m\.))"
    rf"|(?<![0-9.,:])([01]?[0-9]){{ampm_space}}(?i:[ap]m)(?![{_LATIN}])"
    # 3点30分, 下午3时; Japanese 3時30分 (not 3時間, three hours); Korean 3시 30분, 3시 반 (not 3시간)
    rf"|(?<![0-9.,:])({_HOUR})\s*(?:[时点]|時(?!間)|시(?![간즌]))(?:\s*([0-5]?[0-9])\s*[分분]|\s*[半반])?"
    r"(?![0-9零〇一二三四五六七八九])"
    rf"|(?<![0-9.,:])([01][0-9]|2[0-3])([0-5][0-9]){_SP}?(?:GMT|UTC|CET|CEST|EST|EDT|PST|PDT|BST)(?![{_LATIN}])"
    rf"|(?<![0-9.,:])({_HOUR}){_SP}?h(?![{_LATIN}0-9])"  # 15 h, 15h (French)
    rf"|(?<![0-9.,:])({_HOUR})\.([0-5][0-9]){{ampm_space}}(?i:[ap]m)(?![{_LATIN}])"  # 3.30pm (British)
)
# Indian grouping (lakh and crore: 2,06,737 = 206,737; 1,25,000 crore), as Indian English news writes numbers,
# is tried first; then groups of three, then a plain number.
_NUM = (
    r"(?<![0-9])(?:[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9,])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:[,.'’ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"
)
_ZH_NUM = (
    r"(?:第\s*)?(?:百分之)?(?:[上数几](?=[十百千万亿]))?[零〇一二两三四五六七八九十百千万亿]+"
    r"(?:点[零〇一二三四五六七八九]+(?![十分]))?"
    r"|首(?=[届次期批轮个])"  # 首届 = the first
)


_DE_COMPOUND_TAIL = "jährig|monatig|tägig|wöchig|stündig|minütig|fach|mal|teilig|köpfig|stöckig|sitzig|spurig|seitig"


def _valued_words(code: str) -> set[str]:
    """The words of a language's tables that have a value: cardinals, ordinals, decades, numbers of 100 and
    more, halves."""
    return (set(_WORDS[code]) | set(_ORDINAL_WORDS[code]) | set(_DECADE_WORDS.get(code, {})) | set(_BIG_WORDS[code])
            | set(_HALF_WORDS[code]))


@lru_cache(maxsize=64)
def _words_of(lang_key: str) -> frozenset[str]:
    """The number words the scanner looks for in a language (all four languages when it is unknown)."""
    words: set[str] = set()
    langs = [lang_key] if lang_key in _WORDS else ([] if lang_key in ("zh", "ja", "ko") else list(_WORDS))
    for code in langs:
        words |= _valued_words(code)
    if lang_key == "*":
        words -= _AMBIGUOUS_WITHOUT_LANG
    words |= set(_ARTICLE_ONES) | set(_MULTIPLIER_NOUNS)
    if lang_key in ("fr", "*"):
        words |= {n + s for n in _APPROX_NOUNS for s in ("", "s")}
    return frozenset(words)


@lru_cache(maxsize=64)
def _patterns(lang_key: str) -> dict[str, str]:
    """The scanner's alternatives for a language, in priority order."""
    month = _month_regex(lang_key)
    words = _words_of(lang_key)
    tail = _word_tail(lang_key)
    table = {
        "iso": _ISO_DATE,
        "ymd": _YMD_NAME_DATE.replace("MONTH", month) if lang_key in _YEAR_FIRST_LANGS else None,
        "vidate": _VI_DATE if lang_key == "vi" else None,
        "dmy": _DMY_DATE,
        "dmdot": _DM_DOT_DATE if lang_key in DOT_ORDINAL_LANGS else None,
        "zhdate": _ZH_DATE,
        "dm": _DM_DATE.replace("MONTH", month),
        "md": _MD_DATE.replace("MONTH", month) if lang_key in ("en", "*", "zh") or lang_key not in _WORDS else None,
        "my": _MY_DATE.replace("MONTH", month),
        "time": _time_regex(lang_key),
        "num": _NUM,
        "zh": _ZH_NUM,
        "word": f"(?<![{_LATIN}0-9'’-])(?i:{_alternation(words)}){tail}",
    }
    return {k: v for k, v in table.items() if v is not None}


def _word_tail(lang_key: str) -> str:
    """What may follow a number word: no letter or digit; in German also the tail of a compound
    ("siebenmonatige Reise", "dreijährige")."""
    if lang_key in ("de", "*"):
        return f"(?:(?![{_LATIN}0-9])|(?=(?i:{_DE_COMPOUND_TAIL})))"
    return f"(?![{_LATIN}0-9])"


def _bare_articles(lang_key: str) -> frozenset[str]:
    """The number words of the language that ``_read_word`` reads only before a magnitude or a multiplier
    noun ("a million", "eine Million", "a dozen"): the articles, which are in no table of values."""
    valued = set(_MULTIPLIER_NOUNS) | set(_APPROX_NOUNS)
    for code in _codes(lang_key):
        valued |= _valued_words(code)
    return frozenset(w for w in _ARTICLE_ONES if w in _words_of(lang_key)
                     and w not in valued and w.rstrip("s") not in _APPROX_NOUNS)


# Where a Chinese numeral or a digit may start a mention (the scanner's other alternatives): 上/数/几 only
# before 十百千万亿, 首 only before a classifier, 第 only before a numeral (``_ZH_NUM``).
_NUMERAL_START = (
    "[0-9零〇一二两三四五六七八九十百千万亿]|[上数几](?=[十百千万亿])|首(?=[届次期批轮个])"
    "|第(?=\\s*[零〇一二两三四五六七八九十百千万亿上数几])"
)
# The same, written to begin with one character class: the regex engine then skips in C to the next
# character of the class instead of trying the pattern at every position (a leading alternation or
# lookbehind defeats that), which makes a text without numerals nearly free to scan.
_NUMERAL_TRIGGER_RE = re.compile(
    "[0-9零〇一二两三四五六七八九十百千万亿上数几首第]"
    "(?:(?<=[0-9零〇一二两三四五六七八九十百千万亿])|(?<=[上数几])(?=[十百千万亿])|(?<=首)(?=[届次期批轮个])"
    "|(?<=第)(?=\\s*[零〇一二两三四五六七八九十百千万亿上数几]))"
)
# The same but for a digit after a digit: a match takes the rest of a run of digits, so that only its
# first digit is reported. For a text without 月: there every alternative of the digit scanner but
# ``zhdate`` (which needs a 月) looks behind for no digit before it, so a digit after a digit starts no
# match, and ``_scan``, which moves past a position where nothing matches, finds the same without it.
_NUMERAL_RUN_TRIGGER_RE = re.compile(
    "[0-9零〇一二两三四五六七八九十百千万亿上数几首第]"
    "(?:(?<=[0-9])[0-9]*|(?<=[零〇一二两三四五六七八九十百千万亿])|(?<=[上数几])(?=[十百千万亿])|(?<=首)(?=[届次期批轮个])"
    "|(?<=第)(?=\\s*[零〇一二两三四五六七八九十百千万亿上数几]))"
)
# Characters that case-insensitive matching reads as a letter of a number word or month name although
# ``str.lower`` gives another letter (İ, ı, ſ) or that are outside ``_LATIN`` (ẞ, the Kelvin sign K), and
# characters that ``str.lower`` moves into or out of ``_LATIN`` (Ω → ω, Å → å, Ɓ → ɓ) or turns into two:
# a text with one of them always takes the full trigger, so that the letter runs of the lower-cased text
# are those of the text, each read as the regex reads it (``tests/test_numbers.py`` recomputes the set
# over all of Unicode).
_CASE_EXOTIC_RE = re.compile(
    "[\u0130\u0131\u017f\u0181\u0186\u0189\u018a\u018f\u0190\u0193\u0194\u0196\u0197\u019c\u019d\u019f"
    "\u01a6\u01a9\u01ae\u01b1\u01b2\u01b7\u023a\u023e\u0244\u0245\u1e9e\u2126\u212a\u212b\u2c7e\u2c7f"
    "\u1c80-\u1c88"  # old Cyrillic forms that case-insensitive matching equates with в д о с т ъ (млн, трлн)
    # Greek: the two sigmas and Σ, which case-insensitive matching equates (« δισ. », « χιλιάδες »), and the
    # symbol forms it equates with Greek letters (µ micro sign, ϐ ϕ ϖ ϰ ϱ ϵ, ypogegrammeni and prosgegrammeni,
    # ΐ): a Greek text with a sigma is scanned with the full trigger
    "\u00b5\u0345\u03a3\u03c2\u03c3\u03d0\u03d5\u03d6\u03f0\u03f1\u03f5\u1fbe\u1fd3]"
)
_LATIN_RUN_RE = re.compile(f"[{_LATIN}]+")
# ASCII letters to lower case, every other byte to a space: the letter runs of an ASCII text (``_LATIN``
# holds no other ASCII character) split by ``bytes.split``.
_ASCII_RUNS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
# The same for a lower-cased text whose letters of ``_LATIN`` are all Latin-1 (German, French, Spanish, English
# with curly quotes): the Latin-1 letters of ``_LATIN`` kept, every other byte a space (a character beyond
# Latin-1, encoded as "?", is no letter of ``_LATIN`` there).
_LATIN1_RUNS = bytes(c if _LATIN_RE.match(chr(c)) else 32 for c in range(256))
# The letters of ``_LATIN`` beyond Latin-1 (all below U+0500; ``tests/test_numbers.py`` checks it).
_LATIN_BEYOND_LATIN1_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x100, 0x500) if _LATIN_RE.match(chr(c))) + "]")
# Full-width characters and the characters above, in one class: most texts have none, and one search says so.
_ODD_RE = re.compile("[" + _FULLWIDTH_RE.pattern[1:-1] + _CASE_EXOTIC_RE.pattern[1:-1] + "]")


@dataclass(frozen=True)
class _Triggers:
    """Where a mention may start in a text of one language (see ``_trigger_hits``)."""

    full: re.Pattern  # numerals, number words and month names
    letters: re.Pattern  # the letter part of ``full`` alone
    tokens: frozenset[str]  # lower-cased letter runs without which ``letters`` cannot fire in a text
    latin1_tokens: frozenset[bytes]  # the Latin-1 ones, encoded
    articles: frozenset[str]  # lone articles ("a", "eine"), which start a mention only before these:
    after_article: frozenset[str]  # the first runs of the magnitudes and multiplier nouns
    latin1_articles: frozenset[bytes]  # the Latin-1 articles and runs of ``after_article``, encoded
    latin1_after: frozenset[bytes]
    compound: Optional[re.Pattern]  # German compounds (siebenmonatige): a tail glued to a number word


def _first_token(word: str) -> str:
    return re.split(r"[ \-.]", word.lower(), maxsplit=1)[0]


@lru_cache(maxsize=64)
def _triggers(lang_key: str) -> _Triggers:
    """The trigger of a language, strict but exact: a digit; a Chinese numeral (``_NUMERAL_START``); a
    number word followed by what the scanner wants after it (an article only before a magnitude or a
    multiplier noun: "a million"); a month name as the scanner reads it.

    Exact by construction: every alternative of the scanner that can start at a position needs the
    condition the trigger tests there (the scanner's letter alternatives are ``md``, ``my`` (a month
    name, ``_month_regex``) and ``word`` (the same word pattern and tail), and ``_read_word`` returns None
    for an article without a magnitude or multiplier noun after it). A position the trigger passes over
    is one where the scanner had no match, or read a lone article (a single word without digits or
    Chinese numerals inside, so no other trigger position is skipped with it): the finder's loop gave no
    mention there and went on after it, as it does now. ``tests/test_numbers.py`` compares the finder
    with the plain trigger (any digit, numeral or word prefix) on generated texts.

    ``tokens`` holds the first letter run (lower-cased) of every text the letter part can match: a number
    word or its first word ("vingt" of "vingt et un", "half" of "half-decade"), a month name or
    abbreviation, and the magnitudes and multiplier nouns an article needs after it. The letter part
    matches at the start of a letter run and ends where the run ends (its tails want no letter after
    the word), except in German compounds; so a text none of whose runs is in ``tokens`` (and, in
    German, without a compound tail) can only start mentions at numerals (``_trigger_hits``)."""
    words = _words_of(lang_key)
    articles = _bare_articles(lang_key)
    tail = _word_tail(lang_key)
    # An article before a magnitude or a multiplier noun ("a million", "a decade"), before "and a half" ("one
    # and a half million") and, in German, before "halbe" and a magnitude („eine halbe Million“).
    halves = ""
    for code in _codes(lang_key):
        half_of = [w for w, kind in _HALF_AFTER[code].items() if kind == "half_of"]
        if half_of:  # eine halbe Million, un demi-million
            halves += f"|{_SP}+(?i:{_spaced(half_of)}){_MAGNITUDE_WORD_RE.pattern}"
        if code == "en":  # one and a half million
            halves += f"|{_SP}+(?i:{_spaced(w for w, kind in _HALF_AFTER[code].items() if kind == 'half')})(?![{_LATIN}])"
        if code in _HALF_NOUNS:  # un an et demi
            halves += "|" + _half_noun_part(code)
    after_article = f"(?={_MAGNITUDE_WORD_RE.pattern}|{_MULTIPLIER_AFTER_RE.pattern}{halves})"
    letters = [f"(?i:{_alternation(words - articles)}){tail}"]
    if articles:
        letters.append(f"(?i:{_trie_regex(sorted(articles))}){tail}{after_article}")
    letters.append(_month_regex(lang_key))
    letter_part = f"(?<![{_LATIN}0-9'’-])(?:" + "|".join(letters) + ")"
    full = re.compile(_NUMERAL_START + "|" + letter_part)
    starts = set(words - articles) | set(_MONTHS_BY_LANG.get(lang_key, _MONTHS))
    starts |= set(_MONTH_ABBR_BY_LANG.get(lang_key, _MONTH_ABBR)) | set(_MONTH_CAPITAL_ONLY)
    # The word of the half that each of these needs after the article (a word of the text, so that the
    # article is tried only in a text that has it): "half", „halbe“, « demi(e) », « medio / media ».
    half_words = {w.split()[-1] for code in _codes(lang_key) for w, kind in _HALF_AFTER[code].items()
                  if kind in ("half", "half_of")}
    if articles:
        starts |= set(_MAGNITUDES) | set(_MULTIPLIER_NOUNS) | half_words
    compound = None
    if lang_key in ("de", "*"):
        compound = re.compile(_trie_regex(_DE_COMPOUND_TAIL.split("|")))
    after = frozenset(_first_token(w) for w in list(_MAGNITUDES) + list(_MULTIPLIER_NOUNS) + list(half_words)) \
        if articles else frozenset()
    tokens = frozenset(_first_token(w) for w in starts)
    return _Triggers(full, re.compile(letter_part), tokens, _latin1_encoded(tokens), articles, after,
                     _latin1_encoded(articles), _latin1_encoded(after), compound)


def _latin1_encoded(words: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode("latin-1") for w in words if max(w, default="\x00") <= "\xff")


def _trigger_hits(t: str, lang_key: str, odd: bool = True) -> list[int]:
    """Every position of ``t`` where the full trigger of the language fires (``_triggers``), in order; in a
    text without 月, of a run of digits only its first digit (``_NUMERAL_RUN_TRIGGER_RE``).

    Found without scanning the whole text with the full trigger (a pattern tried at every position):
    numerals by ``_NUMERAL_TRIGGER_RE`` (skipped to in C); number words and month names only where the
    lower-cased text has a letter run that can start one, confirmed there by the letter part anchored.
    The letter part fires only at the start of such a run (see ``_triggers``), so the positions are the
    same; in German a run may also go on after the word into a compound tail ("siebenmonatige"): the
    runs holding a compound tail are tried at their start (``_compound_run_starts``). Texts with a
    character that lower-casing reads otherwise than the regex (``_CASE_EXOTIC_RE``) are scanned with the
    full trigger itself. ``odd=False`` says that ``t`` has none of the characters of ``_ODD_RE``."""
    trig = _triggers(lang_key)
    ascii_text = t.isascii()  # then no character of _CASE_EXOTIC_RE, and its letter runs are ASCII
    low = t.lower() if trig.compound is not None or not ascii_text else ""
    if odd and not ascii_text and _CASE_EXOTIC_RE.search(t):
        return _positions(trig.full, t)
    hits = [c.start() for c in (_NUMERAL_TRIGGER_RE if "月" in t else _NUMERAL_RUN_TRIGGER_RE).finditer(t)]
    compound_starts = _compound_run_starts(t, low, trig) if trig.compound is not None else None
    if compound_starts:
        hits = sorted(set(hits).union(compound_starts))
    if not ascii_text:
        low = low or t.lower()
    if ascii_text or not _LATIN_BEYOND_LATIN1_RE.search(low):
        # The letter runs of the text, lower-cased, as Latin-1 bytes: every other byte becomes a space (C
        # calls instead of a regex that makes one string per run). Its runs are all Latin-1: those of
        # ``tokens`` and ``articles`` are their Latin-1 ones.
        if ascii_text:
            runs = t.encode().translate(_ASCII_RUNS).split()
        else:
            runs = low.encode("latin-1", "replace").translate(_LATIN1_RUNS).split()
        found = trig.latin1_tokens.intersection(runs)
        if not found:
            return hits
        if not trig.latin1_after.isdisjoint(found):
            found |= trig.latin1_articles.intersection(runs)
        present = {run.decode("latin-1") for run in found}
    else:
        runs = _LATIN_RUN_RE.findall(low)
        present = trig.tokens.intersection(runs)
        if not present:
            return hits
        if not trig.after_article.isdisjoint(present):
            present |= trig.articles.intersection(runs)
    low = low or t.lower()

    # The runs that can start a mention (an article only when a magnitude or multiplier noun is there too,
    # as it needs one after it) are looked for where the lower-cased text has them as a whole run; the
    # letter part, anchored, keeps the places where it matches.
    letters = trig.letters
    words: set[int] = set()
    for run in present:
        for c in _whole_run_re(run).finditer(low):
            if letters.match(t, c.start()):
                words.add(c.start())
    if compound_starts:
        return sorted(words.union(hits))
    return sorted(hits + list(words)) if hits else sorted(words)


_WHOLE_RUN_RES: dict[str, re.Pattern] = {}


def _whole_run_re(run: str) -> re.Pattern:
    """``run`` where it is a whole letter run of a text: no letter before or after it. The pattern begins
    with the literal, which ``re`` searches for fast; the lookbehind then reads back over it."""
    rx = _WHOLE_RUN_RES.get(run)
    if rx is None:
        word = re.escape(run)
        rx = _WHOLE_RUN_RES[run] = re.compile(f"{word}(?<![{_LATIN}]{word})(?![{_LATIN}])")
    return rx


def _compound_run_starts(t: str, low: str, trig: _Triggers) -> list[int]:
    """Where the letter part fires at the start of a letter run that holds a German compound tail
    ("siebenmonatige", "zweimal"): the only letter-part positions whose run is not a whole token (the
    word's tail lets the run go on only into a compound tail; see ``_triggers``). ``low`` is ``t``
    lower-cased, of the same length (no character of ``_CASE_EXOTIC_RE`` in ``t``)."""
    out: list[int] = []
    letters = trig.letters
    for c in trig.compound.finditer(low):  # type: ignore[union-attr]
        k = c.start()
        while k > 0 and _LATIN_RE.match(low, k - 1):
            k -= 1
        if (not out or out[-1] != k) and letters.match(t, k):
            out.append(k)
    return out


@lru_cache(maxsize=64)
def _loose_trigger(lang_key: str) -> re.Pattern:
    """The plain trigger (any digit or Chinese numeral, any prefix of a number word or month name): the
    reference for the strict one's tests."""
    words = {w.lower() for w in _words_of(lang_key)} | set(_MONTHS_BY_LANG.get(lang_key, _MONTHS))
    words |= set(_MONTH_ABBR_BY_LANG.get(lang_key, _MONTH_ABBR)) | {w.lower() for w in _MONTH_CAPITAL_ONLY}
    return re.compile(
        "[0-9零〇一二两三四五六七八九十百千万亿第首上数几]"
        f"|(?<![{_LATIN}0-9'’-])(?i:{_trie_regex(sorted(words))})"
    )


def _loose_hits(t: str, lang_key: str, odd: bool = True) -> list[int]:
    """Every position where the plain trigger fires (for the tests: the finder given these positions must
    find what it finds with ``_trigger_hits``)."""
    return _positions(_loose_trigger(lang_key), t)


def _positions(trigger: re.Pattern, t: str) -> list[int]:
    """Every position of ``t`` where ``trigger`` matches (overlapping matches included)."""
    hits = []
    c = trigger.search(t)
    while c is not None:
        hits.append(c.start())
        c = trigger.search(t, c.start() + 1)
    return hits


@lru_cache(maxsize=64)
def _scanner(lang_key: str) -> re.Pattern:
    """The whole alternation (the finder uses it split, ``_scanners``; the tests compare the two)."""
    return re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _patterns(lang_key).items()))


# The scanner's alternatives by the character a match starts with: a digit starts only dates, times and
# numbers; a Chinese numeral (or 第, 首, 百分之, 上千...) only ``zhdate`` and ``zh``; anything else (a
# letter) only ``md``, ``my`` and ``word``. Trying only those, in the scanner's order, gives the
# scanner's match: the others cannot match there.
_DIGIT_ALTERNATIVES = ("iso", "ymd", "vidate", "dmy", "dmdot", "zhdate", "dm", "time", "num")
_ZH_ALTERNATIVES = ("zhdate", "zh")
_LETTER_ALTERNATIVES = ("md", "my", "word")
_ZH_START = frozenset("零〇一二两三四五六七八九十百千万亿上数几首第")


# What follows the digits where a date or time starts, whatever the language: every date and time
# alternative reads one or two digits (a day, a month, an hour) or four (a year, or 1400 before GMT) and
# then no digit but a separator (. / - :), a suffix (er, re, ère, ᵉʳ, º, h, H) or, after spaces, a word:
# a month name (its first letter, case aside as its pattern reads it), "de", Uhr, a.m./am/p.m./pm, h, H,
# 时, 点, 月 after one or two digits; 年 or a time zone after four. Elsewhere only ``num`` can match, and the
# digit scanner, given this as a lookahead before its date and time alternatives, tries ``num`` at once.
_MONTH_FIRSTS = "".join(sorted({w[0] for w in list(_MONTHS) + list(_MONTH_ABBR) + [m.lower() for m in _MONTH_CAPITAL_ONLY]}))
_DATE_TIME_AHEAD = (
    "(?=[0-9]{1,2}(?![0-9])(?:[./\\-:]|\\s*(?:(?i:[" + re.escape(_MONTH_FIRSTS) + "ap])|[erèᵉºhHdU时点月時시]))"
    "|[0-9]{4}(?![0-9])(?:[-/.]|\\s*[年GUCEPB]))"
)


@lru_cache(maxsize=64)
def _scanners(lang_key: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The scanner split by first character: (digits, Chinese numerals, letters). The digit scanner tries
    its date and time alternatives only where ``_DATE_TIME_AHEAD`` says one may match (the same match:
    where it says none may, the alternation's match is ``num``'s)."""
    table = _patterns(lang_key)
    assert set(table) <= set(_DIGIT_ALTERNATIVES + _ZH_ALTERNATIVES + _LETTER_ALTERNATIVES)
    digit_dates = "|".join(f"(?P<{name}>{rx})" for name, rx in table.items() if name in _DIGIT_ALTERNATIVES[:-1])
    digit = re.compile(f"{_DATE_TIME_AHEAD}(?:{digit_dates})|(?P<num>{table['num']})")
    return (digit,) + tuple(  # type: ignore[return-value]
        re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in table.items() if name in names))
        for names in (_ZH_ALTERNATIVES, _LETTER_ALTERNATIVES)
    )


@lru_cache(maxsize=256)
def _part(name: str, lang_key: str) -> re.Pattern:
    """One alternative of the scanner on its own, to read its groups."""
    return re.compile(_patterns(lang_key)[name])


# Languages that write a clock time with a dot after a word that announces one: « a las 15.30 » (es), « alle
# 15.30 » (it), « às 15.30 » (pt), „om 15.30 uur“ (nl), « kl. 15.30 » (da, no, sv), « klo 15.30 » (fi). Elsewhere
# 15.30 stays a number (German has „15.30 Uhr“, read by its Uhr).
_DOT_TIME_WORDS = {  # « desde las », « até às » are found by their last word
    "es": ("las", "la"),
    "it": ("alle", "ore", "dalle", "le"),
    "pt": ("às", "as", "das"),
    "nl": ("om", "tot", "van"),
    "da": ("kl.", "kl"),
    "no": ("kl.", "kl"),
    "sv": ("kl.", "kl"),
    "fi": ("klo",),
}


def _time_regex(lang_key: str) -> str:
    # "5 pm" with a space only where "am" is not a word of the language (German "am 3. Oktober").
    out = _TIME.replace("{ampm_space}", f"{_SP}?" if lang_key in ("en", "zh", "ja", "ko") else "")
    words = _DOT_TIME_WORDS.get(lang_key)
    if words:
        # Groups 13 and 14: the hour and the minutes of « a las 15.30 » (each look-behind has a fixed width).
        behind = "|".join(f"(?<=(?<![{_LATIN}]){re.escape(w)}[ \u00a0])" for w in words)
        out += rf"|(?:{behind})({_HOUR})\.([0-5][0-9])(?![0-9]|[.,][0-9])"
    return out


@lru_cache(maxsize=256)
def _lang_key(lang: Optional[str]) -> str:
    if not lang:
        return "*"
    code = lang.lower().replace("_", "-").split("-")[0]
    return SAME_LANGUAGE.get(code, code)


# --- parsing helpers ------------------------------------------------------------------------------------

def _zh_value(s: str) -> Optional[float]:
    """The value of a run of Chinese numerals: 一百零三 = 103, 三亿五千万 = 3.5e8, 二〇二四 = 2024."""
    if not s:
        return None
    frac = 0.0
    if "点" in s:
        s, _, dec = s.partition("点")
        digits = "".join(str(_ZH_DIGITS[c]) for c in dec if c in _ZH_DIGITS)
        frac = float("0." + digits) if digits else 0.0
        if not s:
            return None
    if not any(c in _ZH_UNITS or c in _ZH_BIG for c in s):
        if not all(c in _ZH_DIGITS for c in s):
            return None
        return float("".join(str(_ZH_DIGITS[c]) for c in s)) + frac  # digit by digit: 二〇二四
    total = 0.0
    section = 0.0
    number = 0.0
    for c in s:
        if c in _ZH_DIGITS:
            number = _ZH_DIGITS[c]
        elif c in _ZH_UNITS:
            section += (number or 1) * _ZH_UNITS[c]  # 十五 = 15: a bare unit counts one
            number = 0
        elif c == "万":
            section = ((section + number) or 1) * 10_000
            number = 0
        elif c == "亿":  # 三亿五千万: 亿 closes everything before it, 万 then scales what follows
            total = ((total + section + number) or 1) * 100_000_000
            section = number = 0
        else:
            return None
    return total + section + number + frac


def _parse_digits(s: str, lang_key: str) -> tuple[float, Optional[float]]:
    """Value of a digit string with separators, and the other reading when the grouping is ambiguous."""
    if s.isdigit():  # no separator (most numbers)
        return float(s), None
    seps = [(i, c) for i, c in enumerate(s) if not c.isdigit()]
    if not seps:
        return float(s), None
    kinds = {c for _, c in seps}
    if len(kinds) > 1:
        # Two kinds: the last one is the decimal mark (1,234.5 / 1.234,5 / 1 234,5 / 1'234.5).
        last_i, _ = seps[-1]
        whole = "".join(ch for ch in s[:last_i] if ch.isdigit())
        return float(whole + "." + s[last_i + 1:]), None
    sep = seps[0][1]
    if sep in " \u00a0\u202f\u2009'’":
        return float("".join(ch for ch in s if ch.isdigit())), None
    if len(seps) > 1:  # 1,000,000 / 1.000.000
        return float("".join(ch for ch in s if ch.isdigit())), None
    i = seps[0][0]
    head, tail = s[:i], s[i + 1:]
    as_decimal = float(head + "." + tail)
    if len(tail) != 3 or head == "0" or len(head) > 3:
        return as_decimal, None
    as_thousands = float(head + tail)
    decimal_comma = lang_key in DECIMAL_COMMA_LANGS
    if sep == ",":
        if decimal_comma:
            return as_decimal, as_thousands
        if lang_key in ("en", "zh", "ja", "ko"):
            return as_thousands, None
        return as_thousands, as_decimal
    # sep == "."
    if decimal_comma:
        return as_thousands, as_decimal
    return as_decimal, as_thousands


def _approx_before(t: str, start: int, lang_key: str = "*") -> Optional[str]:
    """The qualifier written just before ``start`` (« plus de », "about", 约), if any; ``lang_key`` adds the
    qualifiers read only in that language (``_APPROX_ONLY_IN``)."""
    window = t[max(0, start - 24):start]
    backwards = window[::-1]
    m = _APPROX_BEFORE_REV_RE.match(backwards)
    if not m:
        own = _APPROX_ONLY_IN_REV_RE.get(lang_key)
        found = own.match(backwards) if own is not None else None
        return _APPROX_ONLY_IN[lang_key][found.group(1)[::-1].lower()] if found else None
    word = (m.group(1) or m.group(2) or "")[::-1]
    begin = len(window) - m.end()  # where the word starts in the window
    if word == "近" and begin > 0 and window[begin - 1] in "最附将接临":
        return None  # 最近 (recently), 附近 (nearby)
    if begin > 0 and _HANGUL_RE.match(word) and _HANGUL_RE.match(window[begin - 1]):
        return None  # the end of a longer Korean word: 계약 (contract), 예약 (booking), not 약 (about)
    lowered = word.lower()
    if lowered in _APPROX_GUARDS and _APPROX_GUARDS[lowered].search(window[:begin]):
        return None  # "took over 15%", "add up to 3500": a phrasal verb, not a qualifier
    return _APPROX_WORD_KIND.get(lowered) or _APPROX_WORD_KIND.get(word)


def _is_identifier_before(t: str, start: int) -> bool:
    """Digits glued to a Latin word (G20, A380) or after word-hyphen (COVID-19) are identifiers."""
    if start == 0:
        return False
    prev = t[start - 1]
    if _LATIN_RE.match(prev):
        return True
    if prev in "-‐" and start >= 2 and _LATIN_RE.match(t[start - 2]):
        k = start - 2
        while k > 0 and _LATIN_RE.match(t[k - 1]):
            k -= 1
        return t[k:start - 1].lower() not in _HYPHEN_PREFIX_OK
    return False


def _valid_date(month: Optional[int], day: Optional[int]) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _solar_hijri_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """The Gregorian date of the Solar Hijri date ``jy``-``jm``-``jd`` (the arithmetic of the jalaali calendar
    libraries: its 33-year cycle of leap years, exact for 1178-1633 SH)."""
    jy += 1595
    days = (-355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
            + ((jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186))
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = gy % 4 == 0 and gy % 100 != 0 or gy % 400 == 0
    for gm, length in enumerate((31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), 1):
        if gd <= length:
            return gy, gm, gd
        gd -= length
    return gy, 12, 31  # pragma: no cover - a day beyond the year


def _date_value(year: Optional[int], month: Optional[int], day: Optional[int]) -> float:
    if month is not None and day is not None:
        return float(month * 100 + day)
    if month is not None and year is not None:
        return float(year * 100 + month)
    if month is not None:
        return float(month)
    if day is not None:
        return float(day)
    return float(year or 0)


def _small_int(s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    v = _zh_value(s)
    return int(v) if v is not None else None


# --- the finder -----------------------------------------------------------------------------------------

def find_numbers(text: str, lang: Optional[str] = None) -> list[NumberMention]:
    """Every number mention of ``text`` (language ``lang``, ISO 639-1, or None when unknown), in order.

    The mentions of a text depend on it and its language alone, and a batch reads the same sentences
    many times (the aligner's anchors, the number checks, articles sharing a source): each text is read
    once per process (``mtcheck.segment.text_cache``; mentions are frozen, the list is the caller's)."""
    return list(_find_numbers_cached(text, lang))


@text_cache()
def _find_numbers_cached(text: str, lang: Optional[str]) -> tuple[NumberMention, ...]:
    return tuple(_find_numbers(text, lang))


def find_numbers_by_sentence(text: str, spans: Sequence[tuple[int, int]],
                             lang: Optional[str] = None) -> list[list[NumberMention]]:
    """The mentions of each sentence ``text[start:end]`` of ``spans`` (in order, not overlapping), in
    offsets of ``text``: ``find_numbers`` of each sentence, moved by its start, found in one pass over
    the document (one trigger scan and one loop instead of one per sentence, most of which hold no
    number).

    The same mentions by construction: the document is read with everything outside the sentences
    masked with NUL, a character that no pattern of the finder matches, reads through or takes for the
    end of a text otherwise than the end itself (its lookarounds ask for a letter, a digit, a numeral, a
    space or a given word next to the number; the readers' backward windows (qualifier, currency,
    identifier, 第, 百分之, time of day) want such characters just before it; ``_scan`` takes a missing
    next character for NUL already), so nothing is found across a mask and every pattern reads a
    sentence as it reads it alone. URLs are found with ``_URL_IN_MASKED_RE``, which stops at a NUL as the
    sentence alone ends there. A text holding NUL itself, or sentences with no gap between them, are
    read sentence by sentence. ``tests/test_numbers.py`` compares the two on generated documents."""
    ordered = all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
    if not ordered or "\x00" in text:
        return [shifted_mentions(find_numbers(text[a:b], lang), a) for a, b in spans]
    parts = []
    prev = 0
    for a, b in spans:
        parts.append("\x00" * (a - prev))
        parts.append(text[a:b])
        prev = b
    masked = "".join(parts)
    out: list[list[NumberMention]] = [[] for _ in spans]
    if not spans:
        return out
    lang_key = _lang_key(lang)
    odd, t = _read_odd(masked)
    hits = _trigger_hits(t, lang_key, odd)
    if not hits:
        return out
    starts = [a for a, _ in spans]
    for m in _scan(masked, t, lang_key, hits, masked=True):
        out[bisect_right(starts, m.start) - 1].append(m)
    return out


def _find_numbers(text: str, lang: Optional[str], hits_of=None) -> list[NumberMention]:
    """``hits_of(t, lang_key, odd)`` lists the positions to try (``_trigger_hits``; ``_loose_hits`` in the
    tests, the plain trigger that the strict one must agree with)."""
    if not text:
        return []
    lang_key = _lang_key(lang)
    odd, t = _read_odd(text)
    hits = (hits_of or _trigger_hits)(t, lang_key, odd)
    if not hits:
        return []
    return _scan(text, t, lang_key, hits)


def _read_odd(text: str) -> tuple[bool, str]:
    """Whether ``text`` holds a character of ``_ODD_RE`` (none is ASCII), and the text with its full-width
    characters read (``_FULLWIDTH``, done by ``str.replace`` for the few the text holds: none of them is
    another's image)."""
    if text.isascii() or _ODD_RE.search(text) is None:
        return False, text
    for ch in set(_FULLWIDTH_RE.findall(text)):
        text = text.replace(ch, _FULLWIDTH_CHARS[ch])
    return True, text


def _masked_url_spans(t: str, hint: re.Match) -> list[tuple[int, int]]:
    """``_URL_IN_MASKED_RE.finditer(t)`` of a masked document, looked for only in the sentences (runs
    between NULs) that hold a hint (``hint``: the first): every URL holds one, and none reaches over a
    NUL, so each sentence is read as on its own."""
    spans: list[tuple[int, int]] = []
    while hint is not None:
        a = t.rfind("\x00", 0, hint.start()) + 1
        b = t.find("\x00", hint.end())
        if b < 0:
            b = len(t)
        spans += [(u.start(), u.end()) for u in _URL_IN_MASKED_RE.finditer(t, a, b)]
        hint = _URL_HINT_RE.search(t, b)
    return spans


def _scan(text: str, t: str, lang_key: str, hits: list[int], masked: bool = False) -> list[NumberMention]:
    """The mentions of ``text`` (``t``: the same with full-width characters read), trying the scanner at
    the trigger's positions ``hits``; ``masked``: a document masked with NUL between its sentences
    (``find_numbers_by_sentence``)."""
    digit_scanner, zh_scanner, letter_scanner = _scanners(lang_key)
    # URLs, domains and e-mail addresses first: nothing inside them is a number.
    urls = ("." in t or "@" in t) and _URL_HINT_RE.search(t)
    skip = (_masked_url_spans(t, urls) if masked else [(u.start(), u.end()) for u in _URL_RE.finditer(t)]) if urls else []
    skip_i = 0
    out: list[NumberMention] = []
    pos = 0
    i = 0
    n_hits = len(hits)
    # The trigger's positions are where a number may start; the full alternation is tried only there,
    # anchored (the alternation scanned over the whole text is several times slower).
    while i < n_hits:
        p = hits[i]
        if p < pos:
            i = bisect_left(hits, pos, i + 1)
            continue
        while skip_i < len(skip) and skip[skip_i][1] <= p:
            skip_i += 1
        if skip_i < len(skip) and skip[skip_i][0] <= p:
            pos = skip[skip_i][1]
            continue
        ch = t[p]
        m = (digit_scanner if "0" <= ch <= "9" else zh_scanner if ch in _ZH_START else letter_scanner).match(t, p)
        if m is None:
            pos = p + 1
            i += 1  # the next position is past p
            continue
        kind = m.lastgroup
        mention: Optional[NumberMention] = None
        try:
            if kind in ("iso", "ymd", "vidate", "dmy", "dmdot", "zhdate", "dm", "md", "my"):
                mention = _read_date(kind, t, text, m, lang_key)
            elif kind == "time":
                mention = _read_time(t, text, m, lang_key)
            elif kind == "num":
                mention = _read_number(t, text, m, lang_key)
            elif kind == "zh":
                mention = _read_zh(t, text, m)
            elif kind == "word":
                mention = _read_word(t, text, m, lang_key)
        except (ValueError, OverflowError, KeyError):  # a malformed oddity is no number, never a crash
            mention = None
        if mention is not None:
            if out and mention.start < out[-1].end:  # "80$80": a prefix already used as the previous suffix
                if mention.end <= out[-1].end:
                    pos = max(m.end(), out[-1].end)
                    continue
                mention = replace(mention, start=out[-1].end, text=text[out[-1].end:mention.end])
            out.append(mention)
            pos = max(m.end(), mention.end)
        elif kind in ("iso", "ymd", "vidate", "dmy", "dmdot", "zhdate", "dm", "md", "my", "time"):
            pos = m.start() + 1  # not a valid date or time: its digits may still be numbers ("00 July 25")
        else:
            pos = m.end() if m.end() > m.start() else m.start() + 1
    return _share_range_scale(t, out)


_RANGE_JOIN_RE = re.compile(
    f"{_SP}*(?:-|–|—|~|～|至|到|(?i:to|bis|à|a|y|and|et|und|or|ou|oder|and|zwischen|between)){_SP}*"
)


def _share_range_scale(t: str, found: list[NumberMention]) -> list[NumberMention]:
    """"3 bis 8 Millionen", "between 3 and 8 million", "3至5万": the first number of a range may carry the
    magnitude and currency of the second; it keeps its own value and gets that reading as ``alt_value``."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.kind != "number" or a.spelled or not _RANGE_JOIN_RE.fullmatch(t, a.end, b.start):
            continue
        if b.scale != 1.0 and a.scale == 1.0 and a.alt_value is None:
            a = replace(a, alt_value=a.value * b.scale, unit=a.unit or b.unit)
        if b.measure and not a.measure:  # 5-10 acres
            a = replace(a, measure=b.measure)
        found[i] = a
    return found


def _mention(text: str, start: int, end: int, value: float, kind: str, approx: Optional[str] = None,
             spelled: bool = False, weak: bool = False, alt_value: Optional[float] = None,
             unit: Optional[str] = None, year: Optional[int] = None, month: Optional[int] = None,
             day: Optional[int] = None, hour: Optional[int] = None, minute: Optional[int] = None,
             scale: float = 1.0, measure: Optional[str] = None) -> NumberMention:
    # The fields named (not ``**fields`` passed on): one keyword dictionary per mention instead of two.
    return _build_mention(start, end, text[start:end], value, kind, approx, spelled, weak, alt_value, unit, year,
                          month, day, hour, minute, scale, measure)


def _read_date(kind: str, t: str, text: str, m: re.Match, lang_key: str) -> Optional[NumberMention]:
    g = _part(kind, lang_key).match(t, m.start())
    if g is None:  # pragma: no cover - the scanner and the part agree
        return None
    year = month = day = None
    if kind == "iso":
        year, month, day = int(g.group(1)), int(g.group(3)), int(g.group(4))
    elif kind == "dmy":
        day, month, year = int(g.group(1)), int(g.group(3)), int(g.group(4))
        if month > 12 >= day:  # 09/26/2024: month first, whatever the language (only one reading is a date)
            day, month = month, day
    elif kind == "dmdot":
        day, month = int(g.group(1)), int(g.group(2))
    elif kind == "zhdate":
        year = _small_int(g.group(1))
        month = _small_int(g.group(2))
        day = _small_int(g.group(3))
    elif kind == "dm":
        day = int(g.group(1))
        month = _month_number(g.group(3), lang_key)
        year = int(g.group(4)) if g.group(4) else None
    elif kind == "md":
        month = _month_number(g.group(1), lang_key)
        day = int(g.group(2))
        year = int(g.group(3)) if g.group(3) else None
    elif kind == "my":
        month = _month_number(g.group(1), lang_key)
        year = int(g.group(2))
    elif kind == "ymd":
        year, month = int(g.group(1)), _month_number(g.group(2), lang_key)
        day = int(g.group(3)) if g.group(3) else None
    elif kind == "vidate":
        day, month = int(g.group(1)), int(g.group(2))
        year = int(g.group(3)) if g.group(3) else None
    weak = day is None and year is None
    if month is not None and month > 100:  # a Solar Hijri month: its Gregorian date
        if day is None or not 1 <= day <= 31 or (year is not None and not 1200 <= year <= 1600):
            return None  # a month alone spans two Gregorian months; a Gregorian year is no Solar one
        # Without a year, the day of 1403 (SH): a year later or earlier it may fall a day apart, so weak.
        weak = year is None
        gregorian_year, month, day = _solar_hijri_to_gregorian(year or 1403, month - 100, day)
        year = None if weak else gregorian_year
    if month is None or not _valid_date(month, day):
        return None
    return _mention(text, g.start(), g.end(), _date_value(year, month, day), "date",
                    weak=weak, year=year, month=month, day=day, spelled=kind == "zhdate" and not g.group(2).isdigit())


_AFTERNOON = ("下午", "傍晚", "晚上", "午後", "夕方", "오후", "저녁")


def _read_time(t: str, text: str, m: re.Match, lang_key: str) -> Optional[NumberMention]:
    g = _part("time", lang_key).match(t, m.start())
    if g is None:  # pragma: no cover
        return None
    if g.group(1) is not None:
        hour, minute = int(g.group(1)), int(g.group(2))
    elif g.group(3) is not None:
        hour, minute = int(g.group(3)), int(g.group(4) or 0)
    elif g.group(5) is not None:
        hour, minute = int(g.group(5)), 0
    elif g.group(8) is not None:  # 0200GMT
        hour, minute = int(g.group(8)), int(g.group(9))
    elif g.group(10) is not None:  # 15 h
        hour, minute = int(g.group(10)), 0
    elif g.group(11) is not None:  # 3.30pm
        hour, minute = int(g.group(11)), int(g.group(12))
    elif g.re.groups >= 13 and g.group(13) is not None:  # a las 15.30
        hour, minute = int(g.group(13)), int(g.group(14))
    else:
        hour = int(g.group(6))
        minute = int(g.group(7)) if g.group(7) else (30 if g.group(0).rstrip().endswith(("半", "반")) else 0)
        if hour < 12 and t[max(0, g.start() - 5):g.start()].rstrip().endswith(_AFTERNOON):
            hour += 12  # 下午3点, 午後3時, 오후 3시
    tail = g.group(0).lower().replace(".", "").replace(" ", "")
    if tail.endswith("pm") and hour < 12:
        hour += 12
    elif tail.endswith("am") and hour == 12:
        hour = 0  # 12 a.m. is midnight
    return _mention(text, g.start(), g.end(), hour + minute / 100, "time", hour=hour, minute=minute)


# A fraction (3/4, a denominator of 2 to 10, not a date: no further slash or digit) and a mixed number (1 1/2).
_FRACTION_RE = re.compile(r"/(\d{1,2})(?![\d/])")
_FRACTION_AFTER_RE = re.compile(r"[ \u00a0](\d)/(\d{1,2})(?![\d/])")


def _read_number(t: str, text: str, m: re.Match, lang_key: str) -> Optional[NumberMention]:
    start, end = m.start(), m.end()
    digits = t[start:end]
    # A thousands group joined by a plain space that is really two numbers ("en 2024 300") is avoided by the
    # regex ({1,3} digits before a group); the rest is read here.
    unit: Optional[str] = None
    span_start = start
    cur = _currency_prefix(t, start)
    if cur:
        sym = cur.group(0).strip()
        unit = _CURRENCY_PREFIX_FAMILY.get(sym, _CURRENCY_PREFIX_FAMILY.get(sym[-1:], None))
        if sym in ("¥", "￥"):
            unit = None
        span_start = start - len(cur.group(0))
    elif _is_identifier_before(t, start) and t[end:end + 1] != "年":  # G20 no; APEC2020年 is a year
        return None
    if (digits == "24" and t.startswith("/7", end) and not t[end + 2:end + 3].isdigit()) or (
            digits == "7" and start >= 3 and t[start - 3:start] == "24/" and not t[start - 4:start - 3].isdigit()):
        return None  # 24/7: round the clock, no figure („rund um die Uhr“)
    if digits.isdigit() and len(digits) <= 3 and cur is None \
            and not (start and (t[start - 1] in "/." or t[start - 1].isdigit())):
        # « 1 1/2 Stunden » (one and a half), 3/4: weak, as "90 minutes" or "three quarters" may say it
        mixed = _FRACTION_AFTER_RE.match(t, end)
        frac = mixed or _FRACTION_RE.match(t, end)
        if frac is not None:
            whole, num, den = (int(digits), int(frac.group(1)), int(frac.group(2))) if mixed \
                else (0, int(digits), int(frac.group(1)))
            if 1 <= num < den <= 10:
                return _mention(text, start, frac.end(), whole + num / den, "number", weak=True,
                                approx=_approx_before(t, start, lang_key))
    kind = "number"
    measure: Optional[str] = None
    value, alt = _parse_digits(digits, lang_key)
    if lang_key == "vi" and digits.isdigit() and 1 <= value <= 12 and _VI_MONTH_BEFORE_RE.search(t, max(0, start - 7), start):
        ym = _VI_YEAR_AFTER_RE.match(t, end)  # tháng 4 (năm 2024): a month
        year = int(ym.group(1)) if ym else None
        return _mention(text, start, ym.end() if ym else end, _date_value(year, int(value), None), "date",
                        weak=year is None, year=year, month=int(value))
    percent_first = lang_key == "tr" and start > 0 and t[start - 1] == "%"  # Turkish writes the sign first: %4,3
    if percent_first:
        span_start = start - 1
    approx = _approx_before(t, span_start, lang_key)
    weak = False

    # 第79 (ordinal), 百分之30 (percent)
    if start >= 1 and t[start - 1] == "第" or (start >= 2 and t[start - 2:start - 1] == "第" and t[start - 1] == " "):
        kind = "ordinal"
        span_start = t.rfind("第", 0, start)
    elif t[max(0, start - 3):start] == "百分之":
        kind = "percent"
        span_start = start - 3
    elif percent_first:
        kind = "percent"
    elif cur is None and _AFTER_NUMBER_RE.match(t, end) is None:
        # Nothing after the digits that a step below reads (most numbers): each step's test fails at
        # ``end`` (``_AFTER_NUMBER_RE`` is their alternation), so the position stays there and the
        # number is a plain number or a year, weak when it is 0 or 1.
        if len(digits) == 4 and 1800 <= value <= 2199 and digits.isdigit():
            kind = "year"
        return _build_mention(span_start, end, text[span_start:end], value, kind, approx, False,
                              (value == 0 or value == 1) and not _in_scoreline(t, span_start, end), alt)

    pos = end
    magnitude = 1.0
    # Chinese suffixes: 80多, 10多万, 3.5万, 1.2亿, 3千万
    zh = _ZH_SUFFIX_RE.match(t, pos) if t[pos:pos + 1] in _ZH_SUFFIX_FIRST else None  # else it matches ""
    if zh and text[pos:pos + 1] == "조" and text[span_start - 1:span_start] == "제":
        zh = None  # 제3조: Article 3 (of a law), not 3 trillion
    if zh and zh.group(0) and kind == "number":
        if zh.group(2):
            mult = 1.0
            for c in zh.group(2):
                mult *= _ZH_UNITS.get(c, 0) or _ZH_BIG[c]
            magnitude = mult
        if zh.group(1) or zh.group(3):
            approx = "more_than"
        pos = zh.end()
    elif kind == "number":
        mw = _MAGNITUDE_WORD_RE.match(t, pos)
        if mw:
            word = _SP_RUN_RE.sub(" ", _fold(mw.group(1)))
            mw_end = mw.end()
            if word == "mil." and lang_key not in _MAGNITUDE_ONLY_IN["mil."]:
                word, mw_end = "mil", mw_end - 1
            magnitude = _MAGNITUDE_IN_LANG.get(lang_key, {}).get(word) or _MAGNITUDES[word]
            if word in ("billion", "billions") and lang_key in _LONG_SCALE_LANGS:
                magnitude = 1e12
            if word == "mil" and lang_key not in ("es", "pt", "ca", "gl", "*") or (
                    word in _MAGNITUDE_ONLY_IN and lang_key not in _MAGNITUDE_ONLY_IN[word]):
                magnitude = 1.0
            else:
                pos = mw_end
        else:
            ms = _MAGNITUDE_SHORT_RE.match(t, pos)
            if ms and (ms.group(1) != "m" or unit is not None):
                magnitude = _MAGNITUDE_SHORT[ms.group(1)]
                pos = ms.end()
    if magnitude != 1.0:
        value *= magnitude
        alt = alt * magnitude if alt is not None else None
        # Lower groups of the compound: 3亿5000万 = 350,000,000, 3万9千 = 3万9000 = 39,000, 1亿2千万 =
        # 120,000,000, 1兆2000億 = 1.2e12 (Japanese news writes amounts so: 3万9000円台). Each group is
        # smaller than the group before it.
        # Digits alone make a group only as the four below 万 (3万9000; 1万3 may be said for 13,000).
        level = _ZH_BIG.get(zh.group(2)[-1], 0.0) if zh and zh.group(2) and digits.isdigit() else 0.0
        while level > 1 and (rest := _ZH_GROUP_AFTER_RE.match(t, pos) or _ZH_SPACED_GROUP_AFTER_RE.match(t, pos) or (
                _KO_UNITS_AFTER_MAN_RE.match(t, pos) if level == 1e4 and text[pos - 1] == "만" else None)):
            unit_char, big_char = rest.group(2), rest.group(3)
            low = _ZH_BIG[big_char] if big_char else 1.0
            group = rest.group(1).replace(",", "")
            part = float(group) * (_ZH_UNITS[unit_char] if unit_char else 1) * low
            if low >= level or part >= level or (not unit_char and not big_char and (
                    level != 1e4 or (len(group) != 4 and text[pos - 1] != "만"))):
                break
            value += part
            alt = None
            pos = rest.end()
            level = low

    # What follows: percent, currency, ordinal suffix, year/date markers, units; or letters (identifier).
    if kind in ("number", "percent"):
        pm = _PERCENT_RE.match(t, pos)
        if pm and kind == "number":
            kind = "percent"
            pos = pm.end()
    if kind == "number":
        cm = _CURRENCY_SUFFIX_RE.match(t, pos)
        if cm:
            word = _fold(cm.group(1) or cm.group(2))
            unit = _CURRENCY_WORDS.get(word, unit)
            if word == "元" and unit == "CNY":  # 新台币500万元, 港币500万元: the yuan of Taiwan, Hong Kong, Macau
                unit = _YUAN_OF.get(t[max(0, span_start - 4):span_start].rstrip()[-2:], unit)
            kind = "amount"
            pos = cm.end()
        elif unit is not None or cur:
            kind = "amount"
    nxt = t[pos:pos + 1] or "\x00"
    plain = digits.isdigit()
    if kind == "number" and magnitude == 1.0 and pos == end:
        if plain and len(digits) in (2, 4) and (nxt == "后" or t.startswith("年代", pos)):
            # 90后 (born in the 1990s), 80年代 / 1980年代 (the 1980s): a decade, read both ways
            year = int(digits) if len(digits) == 4 else (1900 + int(digits) if int(digits) >= 30 else 2000 + int(digits))
            pos += 1 if nxt == "后" else 2
            return _mention(text, span_start, pos, float(year), "year", alt_value=float(int(digits) % 100), approx=approx)
        if nxt == "成" and t[pos + 1:pos + 2] not in _NOT_TENTHS and value <= 10:
            return _mention(text, span_start, pos + 1, value * 10, "percent", weak=True, approx=approx)  # 6成 = 60%
        if nxt == "倍":  # 增长1倍: doubled or twice, read differently by every translator
            weak = True
        if nxt == "年" and plain:
            kind = "year" if len(digits) == 4 else "number"
            pos += 1
        elif nxt in "日号" and plain and text[pos] == "일" and _KO_DAYS_RE.match(text, pos + 1):
            return _mention(text, span_start, pos + 1, value, "number", approx=approx)  # 10일간: ten days
        elif nxt in "日号" and plain and 1 <= int(digits) <= 31:
            return _mention(text, span_start, pos + 1, value, "date", day=int(digits), weak=True, approx=approx)
        elif plain and len(digits) in (2, 4) and (dm := _DECADE_SUFFIX_RE.match(t, pos)) and (
                dm.group(0)[-1:] in "sS" or lang_key in ("de", "*") and digits.endswith("0")):
            # 1990s, the 90s, 1960's, die 1920er / 90er Jahre: a decade, read both ways
            year = int(digits) if len(digits) == 4 else (1900 + int(digits) if int(digits) >= 30 else 2000 + int(digits))
            return _mention(text, span_start, dm.end(), float(year), "year", alt_value=float(int(digits) % 100),
                            approx=approx)
        elif nxt and _LATIN_RE.match(nxt):
            om = _ORDINAL_SUFFIX_RE.match(t, pos)
            if om and plain and (om.group(0) not in ("o", "a") or lang_key in ("es", "pt", "it")):
                kind = "ordinal"
                pos = om.end()
            else:
                um = _UNIT_SUFFIX_RE.match(t, pos)
                if um:
                    pos = um.end()
                    # 104F is Fahrenheit; 2F, 6F are floors (2F-6F of a building): only from freezing point up.
                    measure = _MEASURE_OF.get(um.group(0)) or ("imperial" if um.group(0) == "F" and value >= 32 else None)
                else:
                    return None  # 5G, 3D, 10x: an identifier
        elif (nxt == "." and plain and len(digits) <= 3 and lang_key in DOT_ORDINAL_LANGS
              and _DOT_SPACE_LETTER_RE.match(t[pos:pos + 3])):
            kind = "ordinal"  # die 79. Generalversammlung
            pos += 1
        elif nxt in "ᵉº" or t.startswith("ᵉʳ", pos):
            om = _ORDINAL_SUFFIX_RE.match(t, pos)
            if om:
                kind = "ordinal"
                pos = om.end()
    elif nxt and _LATIN_RE.match(nxt) and pos == end:
        return None
    if kind == "number" and plain and len(digits) == 4 and 1800 <= value <= 2199 and magnitude == 1.0:
        kind = "year"
    if approx is None:
        sm = _APPROX_AFTER_RE.match(t, pos)
        if sm:
            word = sm.group(1) or "之多"
            approx = {"以上": "more_than", "之多": "more_than", "以下": "less_than", "以内": "less_than",
                      "左右": "about", "上下": "about"}[word]
        else:
            em = _APPROX_SUFFIX_EN_RE.match(t, pos)
            if em:
                approx = "more_than" if em.group(0).endswith("plus") else "about"
            elif lang_key in _APPROX_AFTER_BY_LANG:
                tm = _APPROX_AFTER_BY_LANG[lang_key].match(t, pos)
                if tm:
                    approx = next(name for name, word in tm.groupdict().items() if word).rstrip("_")
    # 0 is in scores (2-0, 0:3) and times more often than a figure; a bare 1 is "a", "per", "an hour"; but a
    # side of a scoreline or tally (3-0, 2:1, 3比1, « 3 a 0 ») is exact, 0 and 1 too.
    bare = value == 0 or (value == 1 and magnitude == 1.0 and kind in ("number", "amount"))
    weak = weak or bare and not (kind == "number" and magnitude == 1.0 and unit is None
                                 and _in_scoreline(t, span_start, pos))
    measure = measure or _measure_at(t, pos)
    return _mention(text, span_start, pos, value, kind, approx=approx, weak=weak,
                    alt_value=alt, unit=unit, scale=magnitude, measure=measure)


# A scoreline or tally: two numbers of one or two digits joined by a dash, a colon, 比, 対, 대 or a word
# between spaces (« 3 a 0 », « 2 à 1 », „2 zu 1“, "2 to 1"), neither side part of a longer figure.
_SCORE_JOIN = r"(?:[ \u00a0]?[-–:比対대][ \u00a0]?|[ \u00a0](?:a|à|zu|to)[ \u00a0])"
_SCORE_AFTER_RE = re.compile(_SCORE_JOIN + r"\d{1,2}(?![\d:/]|[.,\-–]\d)")
_SCORE_BEFORE_RE = re.compile(r"(?<![\d.,:/\-–])\d{1,2}" + _SCORE_JOIN + r"$")


def _in_scoreline(t: str, start: int, end: int) -> bool:
    """Whether the number ``t[start:end]`` is a side of a scoreline (3-0, 0:3, 3比1, « 3 a 0 »), not of a
    longer figure (1.5-2, 3-4-2024, 2020-21)."""
    if start > 0 and t[start - 1] in ".,/" and t[start - 2:start - 1].isdigit():
        return False
    if t[end:end + 1] in (".", ",", "/") and t[end + 1:end + 2].isdigit():
        return False
    return _SCORE_AFTER_RE.match(t, end) is not None or _SCORE_BEFORE_RE.search(t[max(0, start - 8):start]) is not None


# What ``_read_number`` reads after the digits of a number without currency symbol, 第 or 百分之: a Chinese
# suffix (its first character), a magnitude word or letters, a percent sign or word, a currency, the
# characters and suffixes tested on ``nxt`` (后, 年代, 成, 倍, 年, 日, 号, a decade, a Latin letter, an
# ordinal dot, ᵉ, º) and the approximations and measures after it. Where none matches, every one of its
# tests fails.
_AFTER_NUMBER_RE = re.compile("|".join([
    "[" + "".join(sorted(_ZH_SUFFIX_FIRST)) + "后成倍年日号.ᵉº" + _LATIN + "]",
    _MAGNITUDE_WORD_RE.pattern, _MAGNITUDE_SHORT_RE.pattern, _PERCENT_RE.pattern, _CURRENCY_SUFFIX_RE.pattern,
    _DECADE_SUFFIX_RE.pattern, _APPROX_AFTER_RE.pattern, _APPROX_SUFFIX_EN_RE.pattern, _MEASURE_AFTER_RE.pattern,
    *(re.sub(r"\(\?P<\w+>", "(?:", rx.pattern) for rx in _APPROX_AFTER_BY_LANG.values()),  # their groups unnamed
]))


_ZH_HOLIDAYS = {"五一": (5, 1), "十一": (10, 1)}
_ZH_RANGE_RE = re.compile("([一二三四五六七八九])([一二三四五六七八九])")
_ZH_MINUTES_RE = re.compile(r"\s*(?:半|([0-9]{1,2}|[零〇一二三四五六七八九十]{1,3})\s*分)")
_ZH_DAYTIME = ("凌晨", "早上", "上午", "中午", "下午", "傍晚", "晚上", "夜间", "深夜", "当地时间")


def _read_zh(t: str, text: str, m: re.Match) -> Optional[NumberMention]:
    s = m.group(0)
    start, end = m.start(), m.end()
    if s == "首":
        return _mention(text, start, end, 1.0, "ordinal", spelled=True, weak=True)
    ordinal = s.startswith("第")
    body = s[1:].lstrip() if ordinal else s
    percent = body.startswith("百分之")
    if percent:
        body = body[3:]
    vague = body[:1] in ("上", "数", "几")  # 上千 thousands, 数十 dozens, 几百 hundreds
    if vague:
        body = body[1:]
    if not body:
        return None
    nxt = t[end:end + 1] or "\x00"
    approx: Optional[str] = "about" if vague else None
    pos = end
    if nxt in "多余" and not ordinal and t[end:end + 2] != "余额":
        approx = "more_than"  # 三十多个 = more than thirty
        pos = end + 1
        nxt = t[pos:pos + 1] or "\x00"
        if nxt in ("万", "亿"):
            body += nxt
            pos += 1
            nxt = t[pos:pos + 1] or "\x00"
        if nxt == "\x00":
            nxt = "多"
    if body in _ZH_HOLIDAYS and (t[pos:pos + 1] or "\x00") in "档假黄长小劳节":
        month, day = _ZH_HOLIDAYS[body]  # 五一档 (the May Day holiday), 十一黄金周 (the October 1 week)
        return _mention(text, start, end, float(month * 100 + day), "date", spelled=True, weak=True, month=month, day=day)
    if not (ordinal or percent or (vague and all(c in _ZH_UNITS or c in _ZH_BIG for c in body))):
        # Without a classifier, only a numeral that starts with a digit and holds 万 or 亿 (三千五百万, 两亿) is a
        # number; others are idioms or words far too often (万一 "in case", 千万 "by all means", 三心二意).
        if nxt not in _ZH_CLASSIFIERS and nxt != "成" and not (
                body[0] in _ZH_DIGITS and body[0] not in "零〇" and ("万" in body or "亿" in body)):
            return None
        if nxt == "点" and body[-1] in _ZH_BIG:
            return None
    if not any(c in _ZH_DIGITS or c in _ZH_UNITS for c in body) and not percent:
        return None  # 万, 亿 alone
    # 五六百 (five or six hundred), 四五厘米: two neighbouring digits make a range, not 56 or 45
    alt: Optional[float] = None
    rng = _ZH_RANGE_RE.search(body)
    if rng and _ZH_DIGITS[rng.group(2)] == _ZH_DIGITS[rng.group(1)] + 1 and not (nxt == "年" and len(body) == 4):
        value = _zh_value(body[:rng.start(2)] + body[rng.end(2):])
        alt = _zh_value(body[:rng.start(1)] + body[rng.end(1):])
        approx = approx or "about"
        vague = True
    else:
        value = _zh_value(body)
    if value is None:
        return None
    if not (ordinal or percent) and t[pos + 1:pos + 2] == "半" and t[pos:pos + 1] in ("个", "年") and value == int(value):
        value += 0.5  # 两个半小时 (two and a half hours), 一年半 (a year and a half)
        pos += 2
        nxt = t[pos:pos + 1] or "\x00"
    if approx is None:
        approx = _approx_before(t, start)
    kind = "ordinal" if ordinal else "percent" if percent else "number"
    has_big = any(c in _ZH_BIG for c in body) and any(c in _ZH_DIGITS for c in body) and not vague
    if kind == "number" and nxt == "年" and len(body) == 4 and not any(c in _ZH_UNITS or c in _ZH_BIG for c in body):
        kind = "year"
        pos += 1
        has_big = True  # 二〇二四年 is as firm as 2024年
    elif kind == "number" and nxt in "日号" and value <= 31:
        return _mention(text, start, pos + 1, value, "date", day=int(value), weak=True, spelled=True, approx=approx)
    elif kind == "number" and nxt == "成":
        if t[pos + 1:pos + 2] in _NOT_TENTHS or value > 10 or t[pos - 1:pos + 3] == "一成不变":
            return None
        return _mention(text, start, pos + 1, value * 10, "percent", spelled=True, weak=True, approx=approx)
    elif kind == "number" and nxt in "点时" and value <= 24 and not has_big:
        minutes = _ZH_MINUTES_RE.match(t, pos + 1)
        daytime = t[max(0, start - 4):start].endswith(_ZH_DAYTIME)
        if minutes or daytime:
            hour = int(value)
            minute = 0
            end_pos = pos + 1
            if minutes:
                minute = 30 if minutes.group(1) is None else (_small_int(minutes.group(1)) or 0)
                end_pos = minutes.end()
            if t[max(0, start - 4):start].endswith(("下午", "傍晚", "晚上")) and hour < 12:
                hour += 12
            return _mention(text, start, end_pos, hour + minute / 100, "time", spelled=True, hour=hour, minute=minute)
    unit = None
    if kind == "number":
        cm = _CURRENCY_SUFFIX_RE.match(t, pos)
        if cm and cm.group(2):
            unit = _CURRENCY_WORDS.get(cm.group(2))
            kind = "amount"
            pos = cm.end()
    weak = not (percent or has_big) or vague or nxt == "倍"
    return _mention(text, start, pos, value, kind, approx=approx, spelled=True, weak=weak, unit=unit, alt_value=alt,
                    measure=_measure_at(t, pos))


# What follows Portuguese « segundo » when it means "according to": an article, a pronoun or a name.
_ACCORDING_TO_AFTER_RE = re.compile(r"\s+(?:(?:o|a|os|as|ele|ela|eles|elas|fontes|dados)(?![a-zà-ÿ])|[A-ZÀ-Ý])")


def _read_word(t: str, text: str, m: re.Match, lang_key: str) -> Optional[NumberMention]:
    word = m.group(0).lower()
    start, end = m.start(), m.end()
    langs = _codes(lang_key)
    value: Optional[float] = None
    kind = "number"
    for code in langs:
        if word in _WORDS[code]:
            value = float(_WORDS[code][word])
            break
        if word in _ORDINAL_WORDS[code]:
            if word in ("segundo", "segunda") and lang_key in ("pt", "gl") and _ACCORDING_TO_AFTER_RE.match(t, end):
                return None  # Portuguese « segundo o instituto »: according to
            value = float(_ORDINAL_WORDS[code][word])
            kind = "ordinal"
            break
        if word in _BIG_WORDS[code]:
            value = _BIG_WORDS[code][word]
            break
        if word in _HALF_WORDS[code]:
            value = _HALF_WORDS[code][word]
            break
    approx: Optional[str] = None
    if value is None:
        for code in langs:
            if word in _DECADE_WORDS.get(code, {}):  # the sixties, die sechziger Jahre
                year = _DECADE_WORDS[code][word]
                return _mention(text, start, end, float(year), "year", alt_value=float(year % 100), spelled=True,
                                weak=True)
    if word in _MULTIPLIER_NOUNS:
        if word not in _ANNIVERSARY_NOUNS and _VAGUE_BEFORE_RE.search(t, max(0, start - 24), start):
            return None  # "a few dozen", „ein paar Jahrzehnte“: no figure
        if word in _ANNIVERSARY_NOUNS or word not in _MULTIPLIER_PLURALS:
            # "the bicentennial" = 200 (years), "a decade" = 10, "the next decade" = 10, "a dozen" = 12
            return _mention(text, start, end, float(_MULTIPLIER_NOUNS[word]), "number", spelled=True, weak=True)
        return None
    base = word.rstrip("s")
    if value is None and base in _APPROX_NOUNS and lang_key in ("fr", "*"):
        # "une vingtaine de" about 20, "plus d'une vingtaine" more than 20; "des centaines" has no value
        before = t[max(0, start - 16):start].lower()
        if not _UN_END_RE.search(before):
            return None
        value = float(_APPROX_NOUNS[base])
        approx = "more_than" if _PLUS_D_UN_END_RE.search(before) else "about"
        return _mention(text, start, end, value, "number", approx=approx, spelled=True, weak=True)
    if value is None and word not in _ARTICLE_ONES:
        return None
    composed = _compose(t, end, word, value, lang_key) if kind == "number" else None
    if composed is not None and word.startswith(_BARE_MULTIPLIERS) and _VAGUE_BEFORE_RE.search(t, max(0, start - 24), start):
        return None  # „ein paar hundert“, „mehrere Tausend“, « plusieurs mille »: no figure, as "a few hundred"
    if composed is None and word in _HALF_STARTS:
        return None
    if composed is not None:  # "two million", « trois cent mille », „zweihundert“, « ciento veinte »
        value, pos, firm = composed
        if firm and _LATIN_RE.match(t, pos):  # „tausendmal“, „hundertjährige“: a compound, often a manner of speaking
            firm = False
        unit = None
        cm = _CURRENCY_SUFFIX_RE.match(t, pos)
        if cm:
            unit = _CURRENCY_WORDS.get((cm.group(1) or cm.group(2)).lower())
            pos = cm.end()
        approx = _approx_before(t, start)
        pm = None if unit else _PERCENT_RE.match(t, pos)
        if pm:  # « cent pour cent »
            return _mention(text, start, pm.end(), value, "percent", approx=approx, spelled=True)
        return _mention(text, start, pos, value, "amount" if unit else "number", approx=approx, spelled=True,
                        unit=unit, weak=not firm)
    mult = _MULTIPLIER_AFTER_RE.match(t, end)
    if mult and kind == "number":  # two decades = 20, trois siècles = 300
        value = (value if value is not None else 1.0) * _MULTIPLIER_NOUNS[mult.group(1).lower()]
        return _mention(text, start, mult.end(), value, "number", spelled=True, weak=True,
                        approx=_approx_before(t, start))
    hm = _half_after_noun(lang_key).match(t, end) if kind == "number" else None
    if hm and (value is None or value == int(value) and value < 100):  # deux heures et demie, un an et demi
        return _mention(text, start, hm.end(), (1.0 if value is None else value) + 0.5, "number", spelled=True,
                        weak=True, approx=_approx_before(t, start))
    if value is None:
        return None  # "one", "un", "eine" without a magnitude: an article
    pm = _PERCENT_RE.match(t, end)
    if pm and kind == "number":
        return _mention(text, start, pm.end(), value, "percent", spelled=True, weak=False,
                        approx=_approx_before(t, start))
    return _mention(text, start, end, value, kind, spelled=True, weak=True, approx=_approx_before(t, start),
                    measure=_measure_at(t, end))


# --- comparison -----------------------------------------------------------------------------------------

_NUMERIC_KINDS = frozenset({"number", "year", "ordinal", "amount"})


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _values(m: NumberMention) -> tuple[float, ...]:
    return (m.value,) if m.alt_value is None else (m.value, m.alt_value)


def same_value(a: NumberMention, b: NumberMention) -> bool:
    """The same value read either way (the other reading of an ambiguous 1,500 too), kinds, units and
    qualifiers aside: 2 and 2 %, $5 million and 5 millions d'euros."""
    return any(_same(x, y) for x in _values(a) for y in _values(b))


def kinds_compatible(a: NumberMention, b: NumberMention) -> bool:
    """Kinds that may be compared by value: numbers, years, ordinals and amounts with each other; percent,
    date and time each only with itself."""
    if a.kind in _NUMERIC_KINDS and b.kind in _NUMERIC_KINDS:
        return True
    return a.kind == b.kind


def numbers_match(a: NumberMention, b: NumberMention, strict_approx: bool = False) -> bool:
    """Whether two mentions (usually from two languages) state the same quantity.

    Values are compared exactly (after normalisation), accepting the other reading of an ambiguous
    ``1,500``. Dates match when every field known on both sides agrees and they share month or day;
    times when hour (modulo 12) and minute agree. Amounts in two different known currencies do not
    match. Approximation qualifiers are ignored unless ``strict_approx``.
    """
    if strict_approx and a.approx != b.approx:
        return False
    if a.kind == "date" or b.kind == "date":
        if a.kind != b.kind:
            return False
        shared = False
        for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
            if x is not None and y is not None:
                if x != y:
                    return False
                shared = True
        if a.day is not None and b.day is not None or a.month is not None and b.month is not None:
            return shared
        return False
    if a.kind == "time" or b.kind == "time":
        if a.kind != b.kind:
            return False
        return (a.hour or 0) % 12 == (b.hour or 0) % 12 and (a.minute or 0) == (b.minute or 0)
    if not kinds_compatible(a, b):
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return same_value(a, b)


def mention_components(m: NumberMention) -> set[float]:
    """Every value a reader could see in the mention: its value and alternative reading, and the year,
    month and day of a date or the hour (both 12 and 24-hour readings) and minute of a time. The number
    check uses them to forgive a number written as part of a date on the other side."""
    out = set(_values(m))
    if m.kind == "date":
        out.discard(m.value)
        for f in (m.year, m.month, m.day):
            if f is not None:
                out.add(float(f))
    elif m.kind == "time":
        h = m.hour or 0
        out |= {float(h), float(h % 12), float(h % 12 + 12)}
        if m.minute:
            out.add(float(m.minute))
    return out


_ZH_DIGIT_CHARS = "零一二三四五六七八九"


def zh_numeral_forms(value: float) -> tuple[str, ...]:
    """How a whole number 1..99 is written in Chinese numerals (三, 十二, 二十, 两): lets the number check
    see a 3 of the translation in 三讯 of the source, where no classifier made 三 a mention."""
    if value != int(value) or not 1 <= value <= 99:
        return ()
    n = int(value)
    tens, units = divmod(n, 10)
    if tens == 0:
        forms = [_ZH_DIGIT_CHARS[n]]
        if n == 2:
            forms.append("两")
    else:
        head = "" if tens == 1 else _ZH_DIGIT_CHARS[tens]
        forms = [head + "十" + (_ZH_DIGIT_CHARS[units] if units else "")]
    return tuple(forms)


_FORMS_BY_VALUE: dict[int, set[str]] = {}
for _table in _WORDS.values():
    for _w, _v in _table.items():
        _FORMS_BY_VALUE.setdefault(int(_v), set()).add(_w)
_FORMS_BY_VALUE.setdefault(1, set()).update(_ARTICLE_ONES.keys() - {"a"})


def spelled_forms(value: float) -> tuple[str, ...]:
    """Words for a whole number 0..99 in English, French, German and Spanish, and its Chinese numerals:
    what the number check looks for in the other side's text before calling a number missing
    ("1小时" → "a one-hour broadcast")."""
    if value != int(value) or not 0 <= value <= 99:
        return ()
    return tuple(sorted(_FORMS_BY_VALUE.get(int(value), ()))) + zh_numeral_forms(value)


def _fmt(v: float) -> str:
    """``v`` for a message: digits grouped by thousands from 10,000 on (3,500,000,000,000 CNY, not
    3500000000000), the decimals it has."""
    text = str(int(v)) if v == int(v) and abs(v) < 1e18 else f"{v:.6f}".rstrip("0").rstrip(".")
    if abs(v) < 10_000:
        return text
    whole, dot, frac = text.partition(".")
    return f"{int(whole):,}{dot}{frac}"


def describe_mention(m: NumberMention) -> str:
    """A short language-neutral rendering for messages: ``80 (more than 80)``, ``2024-09-26``, ``45%``."""
    if m.kind == "date":
        if m.month is not None and m.day is not None:
            base = f"{m.year}-{m.month:02d}-{m.day:02d}" if m.year else f"{m.day} {_MONTH_NAMES_EN[m.month]}"
        elif m.month is not None:
            base = f"{_MONTH_NAMES_EN[m.month]} {m.year}" if m.year else _MONTH_NAMES_EN[m.month]
        else:
            base = f"day {m.day}"
    elif m.kind == "time":
        base = f"{m.hour:02d}:{(m.minute or 0):02d}"
    else:
        base = _fmt(m.value)
        if m.kind == "percent":
            base += "%"
        elif m.kind == "ordinal":
            base += _english_ordinal_suffix(int(m.value))
        if m.unit:
            base += f" {m.unit}"
    if m.approx:
        return f"{base} ({APPROX_PHRASES[m.approx]} {base})"
    return base


def _english_ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_MONTH_NAMES_EN = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"]
