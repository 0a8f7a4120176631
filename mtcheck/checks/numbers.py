"""The ``accuracy/number`` check: numbers, amounts, dates and percentages that the translation changed."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from math import log10
from typing import Iterable, Iterator, NamedTuple, Optional, Sequence

from ..numbers import (
    DOT_ORDINAL_LANGS,
    EXCEED_STEMS,
    NumberMention,
    describe_mention,
    duration_after,
    find_numbers_by_sentence,
    kinds_compatible,
    mention_components,
    numbers_match,
    same_value,
    spelled_forms,
    unit_after,
    DECIMAL_COMMA_LANGS,
    NUMBER_WORD_LANGS,
)
from ..types import Category, Document, Issue, RelatedSpan, Severity, Span
from .data import base_lang, document_joined
from .registry import CheckContext, register

# Languages that write a decimal comma (4,5): the number reader's list.
_DECIMAL_COMMA = DECIMAL_COMMA_LANGS

CHECK_ID = "numbers.mismatch"

# Kinds whose approximation qualifier we compare: "around 2030" against "2030年" is no finding.
_APPROX_KINDS = frozenset({"number", "percent", "amount"})


class _Mentions:
    """Number mentions of a document's sentences, in document offsets, found in one pass over the
    document (``find_numbers_by_sentence``) the first time they are asked for."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._by_sentence: Optional[list[list[NumberMention]]] = None

    def of(self, indices: Iterable[int]) -> list[NumberMention]:
        """The mentions of the sentences ``indices``, in their order: a list the caller must not change (the
        sentence's own list for one sentence)."""
        by_sentence = self._by_sentence
        if by_sentence is None:
            doc = self.doc
            by_sentence = self._by_sentence = find_numbers_by_sentence(
                doc.text, [(s.start, s.end) for s in doc.sentences], doc.lang)
        if type(indices) is tuple and len(indices) == 1:
            return by_sentence[indices[0]]
        out: list[NumberMention] = []
        for i in indices:
            out.extend(by_sentence[i])
        return out


_MENTIONS_NOTE = "number_mentions"


def _mentions_of(ctx: CheckContext) -> tuple[_Mentions, _Mentions]:
    """The source and target mentions, found once per run and shared by the number checks."""
    return ctx.shared(_MENTIONS_NOTE, lambda c: (_Mentions(c.source), _Mentions(c.target)))


def _approx_agrees(a: NumberMention, b: NumberMention) -> bool:
    if a.kind not in _APPROX_KINDS and b.kind not in _APPROX_KINDS:
        return True
    return a.approx == b.approx


# Words that hedge a number loosely ("at least three years", "under the age of 50", "最大可以上翻120度"): when
# one side has a qualifier and the other has none bound to the number but one of these nearby, the
# qualifier is most likely rendered, only not where the finder looks.
_HEDGE_RE = re.compile(
    r"(?i)(?<![a-zà-ÿ])(?:more|less|fewer|over|above|below|under|up to|at least|at most|as many as|as much as"
    r"|higher|lower|greater|nearly|almost|about|around|approximately|roughly|some|close to|estimated|exceed"
    r"|surpass|top|plus|moins|près|environ|quelque|presque|jusqu|dépass|supérieur|inférieur|autour|quasi"
    r"|mehr|weniger|über|unter|rund|etwa|fast|knapp|bis zu|mindestens|höchstens|ungefähr|gut|más|menos|cerca"
    r"|casi|unos|unas|alrededor|hasta|al menos|aproximadamente|superior|inferior|ab|bis)(?![a-zà-ÿ])"
    r"|约|近|多|余|超|过|破|逾|至少|最多|最大|最高|最低|最少|以上|以下|以内|左右|上下|高于|低于|不到|不足|达|几"
    r"|約|未満|程度|前後|足らず|上回|下回|이상|이하|미만|초과|넘|약(?= )|가량|정도|안팎|내외|가까이|남짓|최소|최대"
    # verbs of exceeding, any form, also where the word order puts them away from the number
    # („überstieg am Samstag 60.000“ for "topped 60,000 on Saturday")
    r"|(?i:(?<![a-zà-ÿ])(?:" + "|".join(EXCEED_STEMS) + r")[a-zà-ÿ]*)"
)


def _hedged(doc: Document, m: NumberMention) -> bool:
    text = doc.text
    return bool(_HEDGE_RE.search(text[max(0, m.start - 30):m.start]) or _HEDGE_RE.search(text[m.end:m.end + 12]))


def _qualifier_changed(ctx: CheckContext, s: NumberMention, t: NumberMention) -> bool:
    """A qualifier that differs for sure: both firm numbers, and either both qualified differently or the
    unqualified side has no hedging word near it."""
    if s.weak or t.weak or s.kind not in _APPROX_KINDS or t.kind not in _APPROX_KINDS:
        return False
    if s.approx and t.approx:
        return s.approx != t.approx
    bare, doc = (t, ctx.target) if s.approx else (s, ctx.source)
    return not _hedged(doc, bare)


def _pairing_distance(s: NumberMention, t: NumberMention) -> tuple[bool, bool, float]:
    """How unlikely ``t`` is the translation of ``s`` among numbers of compatible kinds: another currency,
    another kind, then how far apart their magnitudes are (a sort key)."""
    return s.unit != t.unit, s.kind != t.kind, abs(log10(abs(s.value) + 1) - log10(abs(t.value) + 1))


def _unit_swaps(ctx: CheckContext, source: list[NumberMention], target: list[NumberMention], read, kept,
                why, same=numbers_match, describe=describe_mention, read_target=None) -> Iterator[Issue]:
    """Major issues for the source numbers whose translation keeps the number but writes another unit of the
    same dimension; the pairs are removed from ``source`` and ``target``. ``read(text, mention)`` gives
    (dimension, quantity the unit makes of the number, unit as written, "" when ``describe`` says it) or
    None (``read_target``, if given, reads the translation's); ``kept(s, reading, target)`` says the
    translation renders it anyway; ``same(s, t)`` that two numbers are the same (``numbers_match``);
    ``why(s, t, reading, reading)`` ends the message."""
    read_target = read_target or read
    for s in list(source):
        rs = read(ctx.source.text, s)
        if rs is None or kept(s, rs, target):
            continue
        for t in target:
            rt = read_target(ctx.target.text, t) if same(s, t) else None
            if rt is not None and rt[0] == rs[0] and rt[1] != rs[1]:
                source.remove(s)
                target.remove(t)
                yield Issue(
                    CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                    f"Source has {_written(describe(s), rs[2])}; the translation has {_written(describe(t), rt[2])}: "
                    + why(s, t, rs, rt),
                    source_span=_span(s), target_span=_span(t),
                )
                break


def _written(number: str, unit: str) -> str:
    return f"{number} {unit}" if unit else number


def _units_changed(ctx: CheckContext, source: list[NumberMention], target: list[NumberMention]) -> Iterator[Issue]:
    """The same number with a unit of the other system of the same dimension (10 km → "10 miles", 5 hectares
    → „5 Acres“), when no target number of the same value keeps the unit's system."""
    return _unit_swaps(
        ctx, source, target, unit_after,
        lambda s, _, target: any(t.measure == s.measure and numbers_match(s, t) for t in target),
        lambda s, t, rs, rt: f"the unit changed ({rs[1]} to {rt[1]}), the number was not converted")


# A temperature scale said after a number ("90 °F", "90 degrees Fahrenheit", „90 Grad Celsius“, « 32 degrés
# Celsius », 35摄氏度) or, in Chinese, before it (华氏90度, 摄氏35度): only an explicit scale, not a bare
# "degrees" or „Grad“ (which a reader takes for the local scale).
_SCALE_AFTER_RE = re.compile(
    r"[ \u00a0]?(?:°[ \u00a0]?(?P<s1>[FC])(?![^\W\d_])|(?P<s2>℉|℃)|(?i:(?:degrees?|grad|degrés?|grados?|gradi|graus?)"
    r"[ \u00a0]+)?(?P<s3>(?i:fahrenheit|celsius|centigrade))\b|(?P<s4>华氏|摄氏))")
_SCALE_BEFORE_RE = re.compile(r"(华氏|摄氏)$")
# What a text with an explicit scale holds (the check reads the scales only in a source that has one): a
# sign, 华氏 or 摄氏, or a scale's name in lower, title or upper case (str "in" tests: 0.3 ms per bench run,
# a case-insensitive pattern 4.6 ms).
_SCALE_HINTS = ("°", "℉", "℃", "华氏", "摄氏", "ahrenheit", "AHRENHEIT", "elsius", "ELSIUS", "entigrade", "ENTIGRADE")


# The scale a match of _SCALE_AFTER_RE or _SCALE_BEFORE_RE names, by its lower case.
_SCALE_NAMES = {"f": "Fahrenheit", "℉": "Fahrenheit", "fahrenheit": "Fahrenheit", "华氏": "Fahrenheit",
                "c": "Celsius", "℃": "Celsius", "celsius": "Celsius", "centigrade": "Celsius", "摄氏": "Celsius"}


def _says_a_scale(text: str) -> bool:
    return any(hint in text for hint in _SCALE_HINTS)


def _temperature_scale(text: str, m: NumberMention) -> Optional[tuple[str, str, str]]:
    """("temperature", "Fahrenheit" or "Celsius", the scale as written) for a number the text gives an
    explicit temperature scale, else None."""
    if m.kind != "number":
        return None
    after = _SCALE_AFTER_RE.match(text, m.end)
    if after is not None:
        found = after.group("s1") or after.group("s2") or after.group("s3") or after.group("s4")
        return "temperature", _SCALE_NAMES[found.lower()], after.group().strip()
    before = _SCALE_BEFORE_RE.search(text, max(0, m.start - 2), m.start)
    return ("temperature", _SCALE_NAMES[before.group(1)], before.group(1)) if before else None


def _scales_changed(ctx: CheckContext, source: list[NumberMention], target: list[NumberMention]) -> Iterator[Issue]:
    """The same number in the other temperature scale, not converted (90 °F → « 90 °C », 华氏90度 → "90
    degrees Celsius"), when no target number of the same value keeps the scale; a converted temperature
    (90 °F → 32 °C) is forgiven as a conversion."""
    return _unit_swaps(
        ctx, source, target, _temperature_scale, lambda s, rs, target: _keeps_scale(ctx, s, rs, target),
        lambda s, t, rs, rt: f"the scale changed ({rs[1]} to {rt[1]}), the number was not converted")


def _keeps_scale(ctx: CheckContext, s: NumberMention, rs: tuple[str, str, str], target: list[NumberMention]) -> bool:
    """Whether a target number of ``s``'s value says the scale of its reading ``rs`` explicitly."""
    return any(numbers_match(s, t) and (_temperature_scale(ctx.target.text, t) or ("", "", ""))[1] == rs[1]
               for t in target)


# A weather temperature in degrees with no scale in an English source is Fahrenheit when it is too high to be
# Celsius ("temperatures above 90 degrees" in California: WMT 2021 en-de, all 13 MT systems wrote „über 90 Grad“,
# which a German reader takes for 90 °C; three of the four human references converted it, 30 or 32 °C). A word of
# weather near it tells a temperature from an angle ("turned 90 degrees").
_BARE_DEGREES_RE = re.compile(r"[ \u00a0-]degrees?\b(?![ \u00a0]*(?:[FC]\b|°|(?i:fahrenheit|celsius|centigrade)))")
_WEATHER_BEFORE_RE = re.compile(r"(?i:\b(?:temperatures?|heat(?:wave)?|hot|highs?|lows?|weather|warm|thermometers?|"
                                r"forecast|mercury)\b)")
# ... but not of a thing heated (water at 90 degrees, an oven, a sauna, a fever: Celsius where the news is British).
_NOT_WEATHER_RE = re.compile(r"(?i:\b(?:water|oven|oil|coffee|tea|sauna|engine|boil\w*|bath\w*|body|melt\w*|cook\w*|"
                             r"bak\w*|steam\w*|fever|furnace|kiln|metal|liquid)\b)")
_LOCAL_DEGREES_RE = re.compile(r"[ \u00a0-]?(?:Grad|degrés?|grados?|gradi|graus?|graden|grader|度|°(?![ \u00a0]?[FC]))"
                               r"(?![ \u00a0]*(?:[FC]\b|(?i:fahrenheit|celsius|centigrade)))")
# Languages whose readers take bare degrees for Celsius.
_CELSIUS_LANGS = frozenset({"de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "fi", "pl", "cs", "zh", "ja",
                            "ko", "ru", "uk", "tr", "el", "ro", "hu"})


def _implied_fahrenheit(text: str, m: NumberMention) -> Optional[tuple[str, str, str]]:
    """An English source's "90 degrees" of weather (60 to 134, a word of weather in the 80 characters before it and
    no thing heated around it): ("temperature", "Fahrenheit", "degrees"), else None."""
    degrees = _BARE_DEGREES_RE.match(text, m.end) if m.kind == "number" and 60 <= m.value <= 134 else None
    if degrees is None:
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    window_start = max(line_start, m.start - 80)
    if _WEATHER_BEFORE_RE.search(text, window_start, m.start) is None \
            or _NOT_WEATHER_RE.search(text, window_start, min(len(text), m.end + 40)) is not None:
        return None
    return "temperature", "Fahrenheit", degrees.group().strip(" -\u00a0")


def _local_degrees(text: str, m: NumberMention) -> Optional[tuple[str, str, str]]:
    """A translation's degrees with no scale („90 Grad“, « 90 degrés », 90度), which its reader takes for Celsius."""
    if m.kind != "number":
        return None
    found = _LOCAL_DEGREES_RE.match(text, m.end)
    return ("temperature", "Celsius", found.group().strip(" -\u00a0")) if found else None


def _fahrenheit_read_as_celsius(ctx: CheckContext, source: list[NumberMention],
                                target: list[NumberMention]) -> Iterator[Issue]:
    """The English source's weather "90 degrees" (Fahrenheit) kept as bare degrees in a language that reads them
    as Celsius, when no target number of the same value says Fahrenheit."""
    return _unit_swaps(
        ctx, source, target, _implied_fahrenheit, lambda s, rs, target: _keeps_scale(ctx, s, rs, target),
        lambda s, t, rs, rt: f"a weather temperature this high in degrees is Fahrenheit, and '{rt[2]}' alone is read "
                             f"as Celsius: not converted (about {round((s.value - 32) * 5 / 9)} °C)",
        read_target=_local_degrees)


# Currencies written with a dollar: "$" is the US dollar in most news, but HK$, A$, C$ and "dollars" may be
# read by the other side as one another; a change among them is not reported.
_DOLLAR_FAMILIES = frozenset({"USD", "HKD", "AUD", "CAD", "SGD", "TWD", "NZD"})


def _bare_yuan(text: str, m: NumberMention) -> bool:
    """An amount in a bare 元 (500万元) with no 人民币 around it: the yuan of the mainland in most news, but Taiwan,
    Hong Kong and Macau write their own currencies so too."""
    return (m.unit == "CNY" and m.text.endswith("元") and text[max(0, m.start - 3):m.start] != "人民币"
            and not text.startswith("人民币", m.end))


def _currencies_changed(ctx: CheckContext, source: list[NumberMention],
                        target: list[NumberMention]) -> Iterator[Issue]:
    """The same amount in another currency ("$5 million" → « 5 millions d'euros », 500万美元 → "5 million yuan"),
    when no target amount of the same value keeps the currency: not a conversion (the value would change),
    a currency swapped. The pairs are removed from ``source`` and ``target``. A bare 元 of the source
    (``_bare_yuan``) may be another yuan than the renminbi: not compared."""
    return _unit_swaps(
        ctx, source, target, _currency,
        lambda s, _, target: _bare_yuan(ctx.source.text, s) or any(t.unit == s.unit and numbers_match(s, t)
                                                                   for t in target),
        lambda s, t, rs, rt: f"the currency changed ({s.unit} to {t.unit}), the amount was not converted",
        same=same_value)


def _currency(text: str, m: NumberMention) -> Optional[tuple[str, str, str]]:
    """An amount's reading for ``_unit_swaps``: its currency, the dollars of every country one quantity."""
    if m.kind != "amount" or not m.unit:
        return None
    return ("currency", "dollar" if m.unit in _DOLLAR_FAMILIES else m.unit, "")


# Percentage points after a number (the number itself is read as a plain number): a change of 2 percentage
# points is not one of 2 % (unemployment from 5 % to 7 % rose 2 points, or 40 %).
_PERCENTAGE_POINTS_RE = re.compile(
    "[ \u00a0]?(?:个?百分点|(?i:percentage[- \u00a0]points?|per[- ]?cent(?:age)? points?|pct\\.? points?"
    "|points? de pourcentage|prozentpunkte?n?|punto porcentual|puntos porcentuales|punt[io] percentual[ei]"
    "|ponto percentual|pontos percentuais|procentpunt(?:en)?|procentenhet(?:er)?|punkt(?:u|y|ów)? procentow(?:ego|e|ych)"
    "|процентн(?:ого|ых|ый) пункт(?:а|ов)?|ποσοστιαί(?:ες|α) μονάδ(?:ες|α)|poin persentase|điểm phần trăm"
    "|نقطة مئوية|نقاط مئوية|נקודות אחוז|נקודת אחוז)(?![^\\W\\d_]))")


_POINTS_AFTER_PERCENT_RE = re.compile("[ \u00a0]?(?:ポイント|포인트|अंक|(?i:points?)(?![^\\W\\d_]))")


# Clock times whose half of the day is said: a 24-hour reading (13:00 and after, 0:xx), "a.m."/"p.m.", the
# French « h » and German „Uhr“ of news (« 3 h » is 3:00 at night, „15 Uhr“ the afternoon), a Chinese time of
# day before the hour (下午3点, 凌晨3点), a word of the part of the day after it (« du matin », „nachmittags“,
# « de la tarde »). "3:30", 3点 or « a las 3 » alone say neither half.
_HALF_DAY_BEFORE_ZH = ("上午", "下午", "晚上", "凌晨", "早上", "早晨", "中午", "傍晚", "夜里", "深夜", "清晨", "午后", "夜间")
_HALF_DAY_AFTER_RE = re.compile(r"[ \u00a0]+(?i:(du matin|morgens|vormittags|de la mañana|della mattina|da manhã)"
                                r"|(de l'après-midi|de l’après-midi|du soir|nachmittags|abends|de la tarde"
                                r"|de la noche|del pomeriggio|di sera|da tarde|da noite))\b")
_HALF_DAY_IN_RE = re.compile(r"(?i)[ap]\.?m\.?$|\d[ \u00a0]*(?:h|uhr)(?:[ \u00a0]*\d+)?$")


def _said_hour(text: str, m: NumberMention) -> Optional[int]:
    """The hour (0-23) of the time ``m`` of ``text`` when it says which half of the day it is in (above), else
    None. A word of the afternoon or evening after an hour before 12 moves it on by 12 (« 3 heures du soir »,
    „3 Uhr nachmittags“: the reader reads 3)."""
    hour = m.hour
    if hour is None:
        return None
    part = _HALF_DAY_AFTER_RE.match(text, m.end)
    if part:
        return hour + 12 if part.group(2) and hour < 12 else hour
    if hour >= 13 or hour == 0 or _HALF_DAY_IN_RE.search(m.text):
        return hour
    return hour if text[max(0, m.start - 2):m.start] in _HALF_DAY_BEFORE_ZH else None


def _half_day_changed(ctx: CheckContext, source: list[NumberMention], target: list[NumberMention]) -> Iterator[Issue]:
    """Major issues for a clock time whose translation has the same time in the other half of the day, both
    sides saying which half ("3 p.m." → « 3 h » or „3 Uhr“, 下午3点 → "3 a.m."), when no time of the
    translation has the source's hour."""
    times = [t for t in target if t.kind == "time" and t.hour is not None]
    if not times:
        return
    for s in source:
        if s.kind != "time" or s.hour is None or any(t.hour == s.hour and (t.minute or 0) == (s.minute or 0)
                                                     for t in times):
            continue
        source_hour = _said_hour(ctx.source.text, s)
        if source_hour is None:
            continue
        for t in times:
            if (t.hour - s.hour) % 12 or (t.minute or 0) != (s.minute or 0):
                continue
            target_hour = _said_hour(ctx.target.text, t)
            if target_hour is not None and target_hour % 24 != source_hour % 24:  # 24时 is the 0:00 after
                yield Issue(
                    CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                    f"Source has {source_hour:02d}:{(s.minute or 0):02d}; the translation has "
                    f"{target_hour:02d}:{(t.minute or 0):02d}: the other half of the day",
                    source_span=_span(s), target_span=_span(t),
                )
                break


def _points_or_percent(ctx: CheckContext, source: list[NumberMention],
                       target: list[NumberMention]) -> Iterator[Issue]:
    """Major issues for a number of percentage points rendered as the same number of percent, or the other way
    round ("2 percentage points" → „2 Prozent“, 2个百分点 → "2 percent"), when the translation says it the
    source's way nowhere; the pairs are removed from ``source`` and ``target``."""
    return _unit_swaps(
        ctx, source, target, _share,
        lambda s, rs, target: any(same_value(s, t) and _share(ctx.target.text, t) == rs for t in target),
        lambda s, t, rs, rt: "percentage points and percent are not the same change",
        same=same_value, describe=_fmt_value)


def _share(text: str, m: NumberMention) -> Optional[tuple[str, str, str]]:
    """A share's reading for ``_unit_swaps``: percent or percentage points. Japanese, Korean and Hindi write
    percentage points as percent and points: 0.25%ポイント, 2%포인트, « 0.25 प्रतिशत अंक » ("2% points")."""
    if m.kind == "percent":
        unit = "percentage points" if _POINTS_AFTER_PERCENT_RE.match(text, m.end) else "percent"
    elif m.kind == "number" and _PERCENTAGE_POINTS_RE.match(text, m.end):
        unit = "percentage points"
    else:
        return None
    return ("share", unit, unit)


# Temperatures below zero: the number is read without its sign; the sign is read here, for a temperature on
# both sides (a change may be said in words either way: "-2.3%" is « un recul de 2,3 % »; a temperature
# below zero is not, but for "below zero", „unter null“, « sous zéro »).
_TEMPERATURE_AFTER_RE = re.compile(r"[ \u00a0]?(?:°|℃|℉|摄氏度|华氏度|度|(?i:degrees?|grad|degrés?|grados?|gradi|graus?)\b)")
_MINUS_BEFORE_RE = re.compile(r"(?:(?<![\w.,:/)\]\-−‑])[-−‑]\s?|零下|负|(?i:\b(?:minus|moins|menos|meno)\s))$")
_BELOW_ZERO_AFTER_RE = re.compile(r"[^.;:!?。；]{0,20}?(?:零下|(?i:below zero|below freezing|unter null|unter dem "
                                  r"gefrierpunkt|sous zéro|au-dessous de zéro|bajo cero|sotto zero|abaixo de zero))")


def _temperature_sign(text: str, m: NumberMention) -> Optional[int]:
    """-1 or 1 for a temperature (a number before a unit of temperature), None for another number."""
    if m.kind != "number" or not _TEMPERATURE_AFTER_RE.match(text, m.end):
        return None
    if _MINUS_BEFORE_RE.search(text, max(0, m.start - 7), m.start) or _BELOW_ZERO_AFTER_RE.match(text, m.end):
        return -1
    return 1


def _signs_changed(ctx: CheckContext, source: list[NumberMention], target: list[NumberMention]) -> Iterator[Issue]:
    """Major issues for a temperature whose translation has the same number with the other sign (零下5摄氏度 →
    "5 degrees Celsius", "-5°C" → « 5 °C »), when no temperature of the translation has the source's."""
    signs: Optional[list[tuple[NumberMention, Optional[int]]]] = None
    for s in source:
        sign = _temperature_sign(ctx.source.text, s)
        if sign is None:
            continue
        if signs is None:  # read once a source temperature is found (a match after each number otherwise)
            signs = [(t, _temperature_sign(ctx.target.text, t)) for t in target]
        same = [(t, ts) for t, ts in signs if ts is not None and same_value(s, t)]
        if same and all(ts != sign for _, ts in same):
            t = same[0][0]
            yield Issue(
                CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                f"Source has {'-' if sign < 0 else ''}{_fmt_value(s)}°; the translation has "
                f"{'' if sign < 0 else '-'}{_fmt_value(t)}°: the temperature changed sign",
                source_span=_span(s), target_span=_span(t),
            )


def _fmt_value(m: NumberMention) -> str:
    return describe_mention(replace(m, kind="number", unit=None, approx=None))


# Words of small numbers that are other words too: « neuf » (new), « seconde » and "second" (of time), Italian
# « sei » (you are) and « otto » (a name), „acht“ („in Acht nehmen“).
_AMBIGUOUS_NUMBER_WORDS = frozenset({"neuf", "neuve", "seconde", "second", "seconds", "sei", "otto", "acht"})
# "second" / « second(e) » after an article or a possessive is the ordinal ("the second time", « la seconde
# fois », « son second mandat »), not a second of time ("a second later", « une seconde »).
_ORDINAL_SECOND = frozenset({"second", "seconde"})
_ORDINAL_BEFORE_RE = re.compile(
    r"(?i)(?<![^\W\d_])(?:the|its|his|her|their|our|my|your|this|le|la|les|du|au|sa|son|ses|leur|leurs)\s+$")


def _small_in_words(m: NumberMention, text: str) -> bool:
    """A number from 2 to 12 or an ordinal from 1 to 12 ("first", „erste“, 首次) written in words (weak: a
    translation may drop or rephrase it); ``text`` is the document the mention's offsets are in."""
    if not (m.weak and m.spelled and m.kind in ("number", "ordinal")
            and (2 if m.kind == "number" else 1) <= m.value <= 12):
        return False
    word = m.text.lower()
    if word in _ORDINAL_SECOND:
        return _ORDINAL_BEFORE_RE.search(text, max(0, m.start - 12), m.start) is not None
    return word not in _AMBIGUOUS_NUMBER_WORDS


def _clock(m: NumberMention) -> Optional[float]:
    """A time as hours and hundredths (15:30 → 15.30), or a number that may be a time written with a point
    (15.3 of « 15.30 »: hours 0-23, hundredths 0-59, not a whole number); None for anything else."""
    if m.kind == "time" and m.hour is not None:
        return round(m.hour + (m.minute or 0) / 100, 2)
    if m.kind == "number" and 0 <= m.value < 24 and m.value != int(m.value) and round(m.value % 1 * 100) < 60:
        return round(m.value, 2)
    return None


def _magnitude_lost(s: NumberMention, all_source: list[NumberMention],
                    all_target: list[NumberMention]) -> Optional[NumberMention]:
    """The translation's bare number that is the source's number without its magnitude (40 for 40万, 3 for "3
    million"), when no other source number has that value; else None."""
    if s.scale == 1.0 or s.kind not in ("number", "amount"):
        return None
    digits = s.value / s.scale
    others = {v for o in all_source if o is not s for v in mention_components(o)}
    return next((t for t in all_target if t.kind == "number" and t.scale == 1.0 and t.value == digits
                 and t.value not in others), None)


def _wrong_number(s: NumberMention, t: NumberMention) -> Issue:
    """The major issue of a source number ``s`` rendered as another number ``t``."""
    return Issue(CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                 f"Source has {describe_mention(s)}; the translation has {describe_mention(t)}",
                 source_span=_span(s), target_span=_span(t), suggestion=_suggestion(s))


def _dates_changed(source: list[NumberMention], target: list[NumberMention], all_source: list[NumberMention],
                   all_target: list[NumberMention]) -> Iterator[Issue]:
    """Major issues for the full dates (day and month) of the source whose translation has a date that shares
    one of the two and changes the other, or swaps them; the pairs are removed from ``source`` and ``target``."""
    source_numbers = {m.value for m in all_source if m.kind != "date"}
    target_numbers = {m.value for m in all_target if m.kind != "date"}
    for s in list(source):
        if s.kind != "date" or s.weak or s.day is None or s.month is None:
            continue
        for t in target:
            if t.kind != "date" or t.weak or t.day is None or t.month is None or (
                    s.year is not None and t.year is not None and s.year != t.year):
                continue
            changed = (s.month == t.month) != (s.day == t.day) or (
                s.day == t.month and s.month == t.day and s.day != s.month)
            if not changed or float(s.day) in target_numbers or float(t.day) in source_numbers:
                continue
            source.remove(s)
            target.remove(t)
            yield _wrong_number(s, t)
            break


def _same_duration(a: Optional[tuple[str, float, str]], b: Optional[tuple[str, float, str]]) -> bool:
    """Two readings of ``duration_after``: the same duration (hours, or months for months and years)."""
    return a is not None and b is not None and a[0] == b[0] and abs(a[1] - b[1]) < 1e-9


def _other_duration(ctx: CheckContext, s: NumberMention, t: NumberMention) -> bool:
    """``s`` and ``t`` are durations of one family (hours to weeks, or months and years) that differ."""
    if s.kind != "number" or t.kind != "number":
        return False
    ds = duration_after(ctx.source.text, s)
    if ds is None:
        return False
    dt = duration_after(ctx.target.text, t)
    return dt is not None and dt[0] == ds[0] and not _same_duration(ds, dt)


def _durations_changed(ctx: CheckContext, source: list[NumberMention], target: list[NumberMention]) -> Iterator[Issue]:
    """The same number with another unit of time (14天 → "14 weeks", "3 months" → „3 Jahre“), when no target
    number says the same duration (in any unit: „zwei Wochen“ for "14 days")."""
    return _unit_swaps(
        ctx, source, target, duration_after,
        lambda _, ds, target: any(_same_duration(ds, duration_after(ctx.target.text, t)) for t in target),
        lambda s, t, rs, rt: "the unit of time changed")


def _same_reading(s: NumberMention, t: NumberMention) -> bool:
    """Step 1's test: the same kind and quantity, with the same qualifier."""
    return s.kind == t.kind and numbers_match(s, t) and _approx_agrees(s, t)


def _match(source: list[NumberMention], target: list[NumberMention], accept) -> list[tuple[NumberMention, NumberMention]]:
    """Greedy one-to-one matching in document order; matched mentions are removed from both lists."""
    pairs = []
    for s in list(source):
        for t in target:
            if accept(s, t):
                pairs.append((s, t))
                source.remove(s)
                target.remove(t)
                break
    return pairs


def _values(mentions: Iterable[NumberMention]) -> set[float]:
    out: set[float] = set()
    for m in mentions:
        out |= mention_components(m)
    return out


def _covered(m: NumberMention, values: set[float]) -> bool:
    """Whether ``values`` (seen on the other side) account for ``m``: its value or other reading; every
    field of a date; the hour of a time in either clock, and its minutes unless on the hour."""
    if m.kind == "time":
        h = m.hour or 0
        hour_seen = bool({float(h), float(h % 12), float(h % 12 + 12)} & values)
        return hour_seen and (not m.minute or float(m.minute) in values)
    parts = mention_components(m)
    if m.kind != "date":  # either reading of 1,500 will do
        return bool(parts & values)
    return bool(parts) and parts <= values


def _date_time_parts(mentions: Iterable[NumberMention]) -> set[float]:
    return _values(m for m in mentions if m.kind in ("date", "time"))


# Noon and midnight in words: a time of 12:00 or 0:00 on the other side is the same ("at noon" / „um 12 Uhr“).
# (Not « après-midi », the afternoon, nor „Mittagessen“.)
_NOON_MIDNIGHT_RE = {
    12: re.compile(r"(?i)(?<![\w-])(?:noon|midday|midi|mittags?|mediod[ií]a|mezzogiorno|meio-dia)(?![\w-])|正午|中午12"),
    0: re.compile(r"(?i)(?<![\w-])(?:midnight|minuit|mitternacht|medianoche|mezzanotte|meia-noite)(?![\w-])|午夜|深夜0"),
}


def _noon_or_midnight(m: NumberMention, text: str) -> bool:
    """A time of 12:00 or 0:00 (24:00) that ``text`` says in words."""
    if m.kind != "time" or m.minute not in (0, None) or m.hour not in (0, 12, 24):
        return False
    return _NOON_MIDNIGHT_RE[m.hour % 24].search(text) is not None


_DIGIT_RUN_RE = re.compile(r"[0-9０-９]+")


def _digit_runs(text: str) -> set[str]:
    # The runs of the text and of its translation are at the same places (one digit for one): only the
    # runs are translated, and only when they hold a full-width digit.
    return {(d if d.isascii() else d.translate(_FULLWIDTH_DIGITS)).lstrip("0") or "0"
            for d in _DIGIT_RUN_RE.findall(text)}


def _raw_digits(m: NumberMention) -> set[str]:
    """The digit string of a plain integer mention (``19`` of ``Covid 19``), else nothing."""
    if m.spelled or m.scale != 1.0:
        return set()
    digits = m.text if m.text.isascii() else m.text.translate(_FULLWIDTH_DIGITS)
    if not digits.isdigit():
        return set()
    return {digits.lstrip("0") or "0"}


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


_WORD_CACHE: dict[str, re.Pattern] = {}


@lru_cache(maxsize=4096)
def _words_pattern(value: int, lang: str) -> Optional[re.Pattern]:
    """The number in words in ``lang`` (num2words: « trecento », „drie miljoen“, « três milhões »), as a
    pattern that also takes the feminine of Portuguese and Italian forms (« trezentas casas », « duas »,
    « una »); None where num2words does not know the language."""
    try:
        from num2words import num2words

        words = num2words(value, lang=lang).lower()
    except (NotImplementedError, OverflowError, ValueError, TypeError, ImportError):
        return None
    rx = re.escape(words)
    if lang in ("pt", "it", "es"):
        rx = re.sub(r"os\b", "(?:os|as)", rx)
        rx = re.sub(r"\b(dois|um|uno|un)\b", lambda g: {"dois": "(?:dois|duas)", "um": "(?:um|uma)",
                                                         "uno": "(?:uno|una|un)", "un": "(?:un|una|uno)"}[g.group(1)], rx)
    return re.compile(rf"(?<![^\W\d_]){rx}(?![^\W\d_])")


# The endings an ordinal in words takes, by language (num2words writes the masculine nominative): « prima »,
# « primeira », « первом квартале », « pierwszym kwartale », « birincisi ».
_ORDINAL_ENDINGS = {"it": ("o", "[oaie]"), "pt": ("o", "(?:o|a|os|as)"), "ru": ("ый|ой|ий", r"\w{1,3}"),
                    "uk": ("ий|ій", r"\w{1,3}"), "pl": ("y|i", r"\w{1,3}"), "tr": ("", r"\w{0,3}")}


# Other words for an ordinal than num2words': Turkish « ilk » (the first: « ilk çeyrekte »); Arabic with its
# article and hamza (« الربع الأول », the first quarter).
_ORDINAL_OTHER_WORDS = {("tr", 1): "ilk", ("ar", 1): "الأول|الاول|الأولى|أول", ("ar", 2): "الثاني|الثانية"}


@lru_cache(maxsize=256)
def _ordinal_pattern(value: int, lang: str) -> Optional[re.Pattern]:
    """An ordinal from 1 to 20 in words in ``lang`` (num2words), with the endings it takes (« prima »,
    « primeira », « первом »); None where num2words does not know the language or writes several words."""
    try:
        from num2words import num2words

        word = num2words(value, to="ordinal", lang=lang).lower()
    except (NotImplementedError, OverflowError, ValueError, TypeError, ImportError, AttributeError):
        return None
    if not word or " " in word:
        return None
    rx = re.escape(word)
    if lang in _ORDINAL_ENDINGS:
        ending, endings = _ORDINAL_ENDINGS[lang]
        stem = re.sub(f"(?:{ending})$", "", word) if ending else word
        if stem != word or not ending:
            rx = re.escape(stem) + endings
    if (lang, value) in _ORDINAL_OTHER_WORDS:
        rx = f"(?:{rx}|{_ORDINAL_OTHER_WORDS[lang, value]})"
    return re.compile(rf"(?<![^\W\d_]){rx}(?![^\W\d_])")


def _spelled_in(m: NumberMention, other_text: str, other_lang: str = "") -> bool:
    """The other side spells the number out where the finder took no mention ("a one-hour broadcast",
    三讯演播区 for "3-channel studio"); in a language without word tables of the reader, as num2words
    writes it (« trecento case », „drie miljoen euro“ for 300 homes, 3 million euros); noon or midnight in
    words for a time of 12:00 or 0:00."""
    if m.kind == "time":
        return _noon_or_midnight(m, other_text)
    if m.kind not in ("number", "ordinal", "amount"):
        return False
    if other_lang and other_lang not in NUMBER_WORD_LANGS and m.kind != "ordinal" and m.value == int(m.value) \
            and 0 <= m.value <= 1e12:
        rx = _words_pattern(int(m.value), other_lang)
        if rx is not None and rx.search(other_text.lower()):
            return True
    if other_lang and other_lang not in NUMBER_WORD_LANGS and m.kind == "ordinal" and m.value == int(m.value) \
            and 1 <= m.value <= 20:
        rx = _ordinal_pattern(int(m.value), other_lang)
        if rx is not None and rx.search(other_text.lower()):
            return True  # 第1四半期 / « nel primo trimestre »
    if m.scale != 1.0:
        return False
    lowered = other_text.lower()
    for form in spelled_forms(m.value):
        if not form.isascii() and form[0] in "零一二两三四五六七八九十":
            if form in other_text:
                return True
            continue
        if form in lowered:
            rx = _WORD_CACHE.get(form)
            if rx is None:
                rx = _WORD_CACHE[form] = re.compile(rf"(?<![^\W\d_]){re.escape(form)}(?![^\W\d_])")
            if rx.search(lowered):
                return True
    return False


# The emergency numbers news names (911 in North America, 999 in Britain, 112 in Europe, 000 in Australia)
# next to a word of calling: a phone number, which a translation renders by the local one or by a word
# („Notruf“, « les secours »). "Catch-22" is a title and an idiom (« cercle vicieux », „Zwickmühle“).
_EMERGENCY_NUMBERS = frozenset({911.0, 999.0, 112.0, 0.0})
_CALL_BEFORE_RE = re.compile(r"(?i:\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|ring(?:ing)?|rang|phoned?|anrufen|wählte?n?"
                             r"|rief(?:en)?|appel(?:é|er|ez|le|ait)?|llam(?:ar|ó|aron|ando)))[ \u00a0]+(?:the[ \u00a0]+|die[ \u00a0]+|den[ \u00a0]+|le[ \u00a0]+|el[ \u00a0]+|al[ \u00a0]+)?$")
_CALL_AFTER_RE = re.compile(r"(?i:[ \u00a0-]*(?:call(?:er|ers|s)?|dispatch(?:er|ers)?|operators?|emergency|hotline|"
                            r"line|service|services|center|centre|number|-?notruf\w*|-?anruf\w*))\b")
_CATCH_22_RE = re.compile(r"(?i:catch)[ \u00a0-]$")


def _no_quantity(m: NumberMention, text: str) -> bool:
    """``m`` is an emergency phone number next to a word of calling ("a 911 caller", "dialled 999"), or
    the 22 of "Catch-22": a name, not a quantity a translation must repeat."""
    if m.kind != "number":
        return False
    before = text[max(0, m.start - 20):m.start]
    if m.value == 22.0 and _CATCH_22_RE.search(before):
        return True
    if m.value not in _EMERGENCY_NUMBERS or not m.text.isdigit() or len(m.text) != 3:
        return False
    return bool(_CALL_BEFORE_RE.search(before) or _CALL_AFTER_RE.match(text, m.end))


_LIST_STOP_RE = re.compile(r"[，。；：！？,;:!?（）()“”「」《》\"\n]")
_LIST_CONJUNCTIONS = ("以及", "和", "及", "与", "與", "や", "と")
_LIST_TAILS = ("等", "など", "的", "の")


def _restates_list(m: NumberMention, text: str) -> bool:
    """``m`` counts the items of the Chinese or Japanese list written right before it, separated by 、 (and
    a last one joined by 和, 及, 与, や or と): 江苏、浙江、辽宁3省, 中、美、日等3国, 東京、大阪、京都の3都市. A
    translation names the items and may drop the count."""
    if m.kind != "number" or m.value is None or not 2 <= m.value <= 20 or m.value != int(m.value):
        return False
    window = text[max(0, m.start - 100):m.start]
    stop = None
    for stop in _LIST_STOP_RE.finditer(window):
        pass
    if stop is not None:
        window = window[stop.end():]
    for tail in _LIST_TAILS:
        if window.endswith(tail):
            window = window[:-len(tail)]
            break
    parts = window.split("、")
    if len(parts) < 2 or not all(parts):
        return False
    items = len(parts) + (1 if any(c in parts[-1] for c in _LIST_CONJUNCTIONS) else 0)
    return items == int(m.value)


def _duration_converted(m: NumberMention, text: str, others: Sequence[NumberMention], other_text: str) -> bool:
    """``m`` is a duration ("14 days") that one of ``others`` says in another unit of time („zwei Wochen“:
    the same number of hours, or of months for months and years). Offsets are the documents'."""
    own = duration_after(text, m)
    return own is not None and any(o.value != m.value and _same_duration(own, duration_after(other_text, o))
                                   for o in others)


def _span(m: NumberMention) -> Span:
    return Span(m.start, m.end)


def _side_span(doc: Document, indices: Sequence[int]) -> tuple[RelatedSpan, ...]:
    if not indices:
        return ()
    side = "target"
    first, last = doc.sentences[indices[0]], doc.sentences[indices[-1]]
    return (RelatedSpan(side, first.start, last.end),)


def _suggestion(s: NumberMention) -> Optional[str]:
    # Only where the source form is valid in any language (plain digits); 3.5万 is not a French number.
    return s.text if s.text.isdigit() and s.text.isascii() else None


# Roman numerals: read only where a number of the other side is left unmatched (« XXIe siècle » for "21st
# century", "Louis XIV" / « Louis 14 », Ⅱ级 / "level 2"). Letters I, V and X (1 to 39: centuries, monarchs
# and popes, wars, phases, levels), L and C too before an ordinal ending (« XLe »); two letters or more, or
# one before an ordinal ending (« Ier », « Ve siècle »), never next to a word in capitals (a headline in
# capitals, an acronym: "XI JINPING", "DC"); the Roman numerals of Unicode (Ⅱ, Ⅻ, ⅳ) always.
_ROMAN_RE = re.compile(
    r"([\u2160-\u2188]+)|(?<![^\W_])([IVXLC]+)(er|ère|re|ème|e|ᵉʳ|ᵉ|\.(?=\s+\w))?(?![^\W\d_])")
_ROMAN_VALUE_RE = re.compile(r"C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CAPITALS_WORD_RE = re.compile(r"[^\W\d_a-z]{2,}")


def _roman_value(letters: str) -> Optional[int]:
    """The value of ``letters`` written as a Roman numeral the usual way (XIV, not XIIII), or None."""
    if not letters or not _ROMAN_VALUE_RE.fullmatch(letters):
        return None
    values = [_ROMAN_DIGITS[ch] for ch in letters]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _roman_mentions(doc: Document, indices: Sequence[int]) -> list[NumberMention]:
    """The Roman numerals of the sentences ``indices`` of ``doc`` (see ``_ROMAN_RE``), as firm mentions
    (offsets of the document): ordinals before an ordinal ending, numbers otherwise."""
    out: list[NumberMention] = []
    for i in indices:
        sent = doc.sentences[i]
        text = sent.text
        for m in _ROMAN_RE.finditer(text):
            ending = m.group(3)
            if m.group(1):
                letters = unicodedata.normalize("NFKC", m.group(1)).upper()
            else:
                letters = m.group(2)
                if (len(letters) < 2 and not ending) or (set(letters) & {"L", "C"} and not ending):
                    continue
                before = text[: m.start()].split()[-1:]
                after = text[m.end():].split()[:1]
                if any(_CAPITALS_WORD_RE.fullmatch(w.strip(".,;:!?\"'()«»“”‘’")) for w in before + after):
                    continue
            value = _roman_value(letters)
            if value:
                kind = "ordinal" if ending and ending != "." or (ending == "." and doc.lang and
                                                                 base_lang(doc.lang) in DOT_ORDINAL_LANGS) else "number"
                end = m.end() if ending != "." or kind == "ordinal" else m.end(2)
                out.append(NumberMention(sent.start + m.start(), sent.start + end, text[m.start():end],
                                         float(value), kind, spelled=True))
    return out


@register(CHECK_ID, Category.ACCURACY_NUMBER, version=19, order=40)
def number_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """Numbers, amounts, dates or percentages that differ between source and translation.

    Compares, bead by bead, the numbers of the source with those of the translation after normalisation
    (``4,5`` = ``4.5``, ``3.5万`` = ``35 000``, ``9月26日`` = « 26 septembre », ``80多`` = « plus de 80 »,
    ``十项`` = "10", ``$1 trillion`` = „1-Billionen", "twenty-first" = « 21e »). A wrong value is major; so is
    the same number with a unit of length, area, volume or mass of the other system (10 km → "10 miles",
    10 acres → „10 Hektar“: not converted; three human references of WMT 2021 do it with acres), and the
    same number with another unit of time (14天 → "14 weeks", "3 months" → „3 Jahre“), and the same amount
    in another currency ("$5 million" → « 5 millions d'euros », 500万美元 → "5 million yuan": swapped, not
    converted; a dollar named by its country is read, "5 million US dollars", „1.200 US-Dollar“, but dollars
    of different countries are not told apart: HK$ / "dollars"); a full date with its day
    or month changed, or the two swapped ("March 2" / « 3 mars », « 3 février »), is a wrong date; so is
    a change in percentage points said in percent or the other way round ("2 percentage points" / „2 Prozent“,
    2个百分点 / "2 percent"), and a temperature whose sign changed (零下5摄氏度 / "5 degrees", "-5°C" / « 5 °C »;
    « 5 degrés sous zéro » keeps it) or whose scale changed with the same number ("90 °F" / « 90 °C », 华氏90度
    / "90 degrees Celsius"; both scales said, a converted one forgiven; and an English source's weather
    temperature in bare degrees too high to be Celsius, 60 to 134 after a word of weather, "temperatures above
    90 degrees", kept as bare „90 Grad“ or « 90 degrés », which read as Celsius), and a clock time moved to the other half of the day where both sides
    say the half ("3 p.m." → « 3 h » or „3 Uhr“, 下午3点 → "3 a.m."; "3:30", 3点 alone say neither); a small
    number in words changed into another in words, each the only one left on its side ("Three police officers"
    → „Zwei Polizisten“, 三名 → "Two", 第二次 → "the third time", "the first time" → „das zweite Mal“, 首次 →
    "his second visit"; "second" only after an article or a possessive, not "a second later"; not « neuf »,
    „acht“); a wrong
    value is reported against the likeliest number of the translation (the same currency and kind, the
    nearest magnitude); "noon" or « minuit » in words is the 12:00 or 0:00 of the other side;
    a clock time whose colon the translation lost (19时54分 → "at 1954") is one major on both; so is a number
    whose magnitude it lost (40万 → "as many as 40 people"), when no other source number is that bare number;
    a number of the source missing from the translation, or one the translation added, is major; a
    changed qualifier ("more than 80" rendered as "80") is minor, and only reported when the bare side
    has no hedging word near the number ("at least", 最大, „über").

    Kept quiet on purpose, so that a news desk is not drowned in false alarms: numbers written in words
    that a translation may drop or rephrase (一个 as "a", « neuf » meaning new, 两千), Chinese ranges and
    vague amounts (五六百, 上千), day-only or month-only dates, a bare 0 or 1 (but not a source's 0 or 1 as
    a side of a scoreline or tally: 3-0, 2:1, 3比1, « 3 a 0 », „1:0“ → "2-0" is major); a number repeated on one
    side and said once on the other; a number found in a neighbouring bead (an alignment slip); a number
    that is part of a date or time on the other side, that the other side spells out ("one-hour") or
    writes inside an identifier (Covid-19); numbers with units of another system on the other side (feet
    against metres: a conversion); a duration the other side says in another unit of time ("14 days" /
    „zwei Wochen“, "48 hours" / « deux jours », "18 months" / „anderthalb Jahre“); an emergency number next
    to a word of calling ("a 911 caller" / „den Notruf“, "dialled 999") and the 22 of "Catch-22"; a Chinese or
    Japanese count of the list before it (江苏、浙江、辽宁3省 → "Jiangsu, Zhejiang and Liaoning"); beads with
    an empty side (the alignment checks report those).

    False positives remain where a translation converts currencies, turns a date into a weekday or
    "yesterday", rounds a figure, drops a count that restates a list other than one separated by 、 (中美两国
    → "China and the US"), or where the aligner put a number two beads away; on human references of
    WMT 2021 news (zh→en, en→de) it fires on under 1% of segments, most of them real slips of the
    reference. False negatives: the mismatch hidden by a forgiveness above (a wrong number that happens
    to appear elsewhere in the bead or its neighbours), a German number in words over a thousand with a tail
    („zweitausendfünfhundert“: news writes 2500), a hundred or a thousand after a word of vagueness („ein
    paar hundert“, « plusieurs mille »: no figure, as "a few hundred"), a Roman numeral changed into another
    (Louis XIV → « Louis XV »: Roman numerals are read only where a number of the other side is left
    unmatched, so "21st century" / « XXIe siècle », "Louis XIV" / « Louis 14 » and Ⅱ级 / "level 2" agree and
    « XXe siècle » is reported; never next to a word in capitals), fractions in words
    ("three quarters"; fractions in digits are read, weak: 3/4, „1 1/2 Stunden“); phone
    numbers and codes are out of scope (an emergency number changed, "called 911" / „wählte 119“, is not
    reported). Numbers in words are read whole: "three hundred thousand",
    « trois cent mille euros », „zweihundertfünfzig“, « dos mil quinientos », 三千五百万, and their halves:
    "half a million", « deux heures et demie », „eine halbe Milliarde“, 两个半小时; "24/7" is no figure.
    Clock times are read as each language writes them: "3:30 p.m.", "3.30pm", „15.30 Uhr“, « 15 h 30 », 下午3点,
    and a time with a dot after the word that announces it, « a las 15.30 », « alle 15.30 », „om 9.15 uur“,
    « kl. 9.15 » (es, it, pt, nl, da, no, sv, fi; elsewhere 15.30 stays a decimal number).
    In languages the reader has no number words for (Italian, Portuguese, Dutch, Swedish, Polish,
    Russian...), a number the other side spells out as num2words writes it is no missing number (300 /
    « trecento », 3 million / „drie miljoen“).
    """
    src, tgt = _mentions_of(ctx)
    src_lang, tgt_lang = base_lang(ctx.source.lang) or "", base_lang(ctx.target.lang) or ""
    scales = _says_a_scale(ctx.source.text)  # a temperature scale said in the source
    # an English source's bare degrees, translated into a language that reads degrees as Celsius
    fahrenheit = src_lang == "en" and tgt_lang in _CELSIUS_LANGS and " degree" in ctx.source.text
    beads = ctx.alignment
    for b, bead in enumerate(beads):
        if not bead.source or not bead.target:
            continue
        source = src.of(bead.source)
        target = tgt.of(bead.target)
        if not source and not target:
            continue
        if source and target:
            yield from _signs_changed(ctx, source, target)
            yield from _half_day_changed(ctx, source, target)
        # Step 1 pairs each source mention with the first target mention it accepts: when the i-th of
        # each side accept each other, every source mention takes its own (the ones before it are gone),
        # both sides are left empty and nothing is reported (most beads with numbers).
        if len(source) == len(target) and all(map(_same_reading, source, target)) \
                and not any(s.measure != t.measure and s.measure and t.measure for s, t in zip(source, target)) \
                and not any(_other_duration(ctx, s, t) for s, t in zip(source, target)):
            continue
        all_source, all_target = source, target  # the lists of ``of``, never changed: the steps below change copies
        source, target = list(source), list(target)

        # 0. The same number with a unit of the other system and no conversion (10 km → "10 miles"), or with
        # another unit of time (14天 → "14 weeks").
        yield from _units_changed(ctx, source, target)
        if scales:
            yield from _scales_changed(ctx, source, target)
        if fahrenheit:
            yield from _fahrenheit_read_as_celsius(ctx, source, target)
        yield from _durations_changed(ctx, source, target)
        yield from _currencies_changed(ctx, source, target)
        yield from _points_or_percent(ctx, source, target)

        # 1. Same quantity with the same qualifier; 2. same quantity, qualifier changed (minor).
        # (A side left empty pairs nothing more: the next steps are skipped then.)
        _match(source, target, _same_reading)
        if source and target:
            _match(source, target, lambda s, t: numbers_match(s, t) and _approx_agrees(s, t))
        for s, t in _match(source, target, numbers_match) if source and target else ():
            if not _qualifier_changed(ctx, s, t):
                continue
            yield Issue(
                CHECK_ID, Category.ACCURACY_NUMBER, Severity.MINOR,
                f"Source has {describe_mention(s)}; the translation has {describe_mention(t)}"
                + ("" if t.approx else " with no qualifier"),
                source_span=_span(s), target_span=_span(t),
            )
        if not source and not target:
            continue

        # 2b. A full date with one field changed ("March 2" / « 3 mars », 3月2日 / "February 2") or day and month
        # swapped (« 3 février »): a wrong date, which the forgiveness of step 3 would take for the parts of
        # a date (each side's fields are among the other's values). Not where the other side says the day
        # as a number of its own (a range: "March 2-3" / « 2 et 3 mars »).
        if source and target:
            yield from _dates_changed(source, target, all_source, all_target)

        # 3. Forgive what an alignment slip or a date on the other side explains.
        neighbours = [beads[k] for k in (b - 1, b + 1) if 0 <= k < len(beads)]
        near_target = _values(tgt.of(j for nb in neighbours for j in nb.target)) | _date_time_parts(all_target)
        near_source = _values(src.of(i for nb in neighbours for i in nb.source)) | _date_time_parts(all_source)
        source = [s for s in source if not _covered(s, near_target)]
        target = [t for t in target if not _covered(t, near_source)]
        if not source and not target:  # nothing left for steps 4 to 6
            continue

        # 4. A value the other side has anyway is a repetition, not an error.
        source_values = _values(all_source)
        target_values = _values(all_target)
        target = [t for t in target if not _covered(t, source_values)]
        # Digits written inside an identifier on the other side (Covid-19 / Covid 19), a Chinese numeral
        # that is no quantity (三讯演播区 → "3-channel studio"), a conversion of units (80 feet / 25 Meter).
        source_text = " ".join(ctx.source.sentences[i].text for i in bead.source)
        target_text = " ".join(ctx.target.sentences[j].text for j in bead.target)
        source_digits, target_digits = _digit_runs(source_text), _digit_runs(target_text)
        source = [s for s in source if not _raw_digits(s) & target_digits]
        target = [t for t in target if not _raw_digits(t) & source_digits]
        source = [s for s in source if not _spelled_in(s, target_text, tgt_lang)]
        target = [t for t in target if not _spelled_in(t, source_text, src_lang)]
        # A Chinese or Japanese count that restates the list before it (江苏、浙江、辽宁3省 / "Jiangsu, Zhejiang
        # and Liaoning provinces").
        source = [s for s in source if not _restates_list(s, ctx.source.text)]
        target = [t for t in target if not _restates_list(t, ctx.target.text)]
        # An emergency number ("a 911 caller" / „ein Anrufer wählte den Notruf“) or "Catch-22": no quantity.
        source = [s for s in source if not _no_quantity(s, ctx.source.text)]
        target = [t for t in target if not _no_quantity(t, ctx.target.text)]
        # A duration said in another unit of time ("14 days" / „zwei Wochen“, "18 months" / „anderthalb Jahre“).
        source = [s for s in source if not _duration_converted(s, ctx.source.text, all_target, ctx.target.text)]
        target = [t for t in target if not _duration_converted(t, ctx.target.text, all_source, ctx.source.text)]
        source_measures = {m.measure for m in all_source if m.measure}
        target_measures = {m.measure for m in all_target if m.measure}
        source = [s for s in source if not (s.measure and target_measures - {s.measure})]
        target = [t for t in target if not (t.measure and source_measures - {t.measure})]
        # A clock time the other side writes as a decimal number ("3.30pm" / « à 15.30 », "at 15.30" / « à 15 h 30 »):
        # the same time (``numbers.locale`` reports the writing).
        source_times = {_clock(m) for m in all_source if m.kind == "time"}
        target_times = {_clock(m) for m in all_target if m.kind == "time"}
        source_dotted = {_clock(m) for m in all_source if m.kind == "number"}
        target_dotted = {_clock(m) for m in all_target if m.kind == "number"}
        source = [s for s in source if _clock(s) is None
                  or _clock(s) not in (target_dotted if s.kind == "time" else target_times)]
        target = [t for t in target if _clock(t) is None
                  or _clock(t) not in (source_dotted if t.kind == "time" else source_times)]
        source_repeated = [s for s in source if _covered(s, target_values)]
        source = [s for s in source if s not in source_repeated]

        # 4b. Roman numerals of the other side (read only now): the same value is no mismatch; another one is
        # paired in step 5 ("21st century" / « XXe siècle »); one left unpaired says nothing.
        target_romans = _roman_mentions(ctx.target, bead.target) if any(not m.weak for m in source) else []
        source_romans = _roman_mentions(ctx.source, bead.source) if any(not m.weak for m in target) else []
        if target_romans:
            source = [m for m in source if not _covered(m, {r.value for r in target_romans})]
        if source_romans:
            target = [m for m in target if not _covered(m, {r.value for r in source_romans})]
        romans = {id(r) for r in target_romans + source_romans}
        source, target = source + source_romans, target + target_romans

        # 5. Left on both sides: a wrong value. Only a firm target number is paired (« neuf » may mean new).
        # Each source number takes the likeliest of the target numbers it may be compared with: the same
        # currency, the same kind, the nearest magnitude, then the first ("$4.5 billion" is paired with
        # "4,5 millions de dollars", not with the "13" of a changed vote count before it).
        # The pairs are taken likeliest first over the whole bead (a weak "first" does not take the "5" that
        # "fourth" → 5年連続 left), firm source numbers before weak ones, then in document order.
        target_firm = [t for t in target if not t.weak]
        ranked = sorted(((s.weak, *_pairing_distance(s, t), i, j, s, t) for i, s in enumerate(source)
                         for j, t in enumerate(target_firm)
                         if kinds_compatible(s, t) and not (s.weak and id(t) in romans)), key=lambda r: r[:6])
        paired_s: set[int] = set()
        paired_t: set[int] = set()
        for *_, i, j, s, t in ranked:
            if i in paired_s or j in paired_t:
                continue
            paired_s.add(i)
            paired_t.add(j)
            yield _wrong_number(s, t)
        paired_targets = {id(target_firm[j]) for j in paired_t}
        source = [s for i, s in enumerate(source) if i not in paired_s]
        target = [t for t in target if id(t) not in paired_targets]

        # 5b. Small numbers in words on both sides, each side's only one left, of the same kind and another
        # value ("Three police officers" / „Zwei Polizisten“, 三名 / "Two", "the second time" / « la troisième
        # fois »): weak each (a translation may drop or rephrase them), but not changed into another.
        small_source = [m for m in source if _small_in_words(m, ctx.source.text)]
        small_target = [m for m in target if _small_in_words(m, ctx.target.text)]
        if len(small_source) == 1 and len(small_target) == 1:
            s, t = small_source[0], small_target[0]
            if s.kind == t.kind and not same_value(s, t):
                source.remove(s)
                target.remove(t)
                yield _wrong_number(s, t)

        # 5c. A clock time whose colon the translation lost (19时54分 → "at 1954 on July 6"): one issue on both, not
        # a time and a year each without a match.
        for s in [m for m in source if m.kind == "time" and m.hour is not None]:
            digits = f"{s.hour}{(s.minute or 0):02d}"
            t = next((t for t in target if t.kind in ("number", "year") and t.text == digits), None)
            if t is not None:
                source.remove(s)
                target.remove(t)
                yield Issue(CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                            f"Source has {describe_mention(s)}; the translation has {t.text}: the time lost its colon",
                            source_span=_span(s), target_span=_span(t), suggestion=_suggestion(s))

        # 6. Left on one side only.
        related_target = _side_span(ctx.target, bead.target)
        for m, on_source in [(s, True) for s in source] + [(t, False) for t in target]:
            if m.weak or id(m) in romans:
                continue
            if not on_source and m.kind == "number" and m.value in (0.0, 1.0) and m.unit is None:
                # A 0 or 1 firm only as a side of a scoreline: a translation may say a tally as a score
                # ("a three-goal deficit" / „ein 0:3-Rückstand“); one the source has and the translation
                # dropped or changed is reported (above, and in step 5).
                continue
            lost = _magnitude_lost(m, all_source, all_target) if on_source else None
            if lost is not None:  # 40万 → "as many as 40 people": the 40 is there, its 万 is not
                yield Issue(CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                            f"Source has {describe_mention(m)}; the translation has {lost.text}: the magnitude "
                            f"(×{m.scale:,.0f}) is lost", source_span=_span(m), target_span=_span(lost),
                            suggestion=_suggestion(m))
                continue
            yield Issue(
                CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                f"Source has {describe_mention(m)}; the translation has no matching number" if on_source
                else f"The translation has {describe_mention(m)}; the source has no matching number",
                source_span=_span(m) if on_source else None, target_span=None if on_source else _span(m),
                related=related_target if on_source else (),
            )


# ---------------------------------------------------------------------------------------------------
# numbers.locale: the value is right, the way of writing it is the source's, not the target locale's.

LOCALE_CHECK_ID = "numbers.locale"
_DIGITS_RE = re.compile(r"[0-9](?:[0-9.,]*[0-9])?")
_POINT_DECIMAL_RE = re.compile(r"[0-9]+\.(?:[0-9]{1,2}|[0-9]{4,})")
_COMMA_DECIMAL_RE = re.compile(r"[0-9]+,(?:[0-9]{1,2}|[0-9]{4,})")
_COMMA_GROUPS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+")
_DOT_GROUPS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+")
_ONE_GROUP_RE = re.compile(r"[0-9]{1,3}[.,][0-9]{3}")
_LOCALE_KINDS = frozenset({"number", "percent", "amount"})


_US_DATE_RE = re.compile(r"(?<![0-9/.])([01]?[0-9])/([0-3]?[0-9])/([12][0-9]{3})(?![0-9/])")


def _us_dates(ctx: CheckContext, bead, source: list[NumberMention], lang: str) -> Iterator[Issue]:
    """Dates written month first (09/26/2024) in a target language that writes the day first, where the
    source has that date."""
    known = {(m.month, m.day) for m in source if m.kind == "date" and m.month and m.day}
    for j in bead.target:
        sent = ctx.target.sentences[j]
        if "/" not in sent.text:
            continue
        for d in _US_DATE_RE.finditer(sent.text):
            month, day, year = int(d.group(1)), int(d.group(2)), d.group(3)
            if not (1 <= month <= 12 and 12 < day <= 31) or (month, day) not in known:
                continue
            wanted = f"{day}.{month}.{year}" if lang in _DOT_DATE_LANGS else f"{day:02d}/{month:02d}/{year}"
            yield Issue(LOCALE_CHECK_ID, Category.LOCALE_FORMAT, Severity.MINOR,
                        f"'{d.group()}' puts the month first; {lang} writes the day first ({wanted})",
                        target_span=Span(sent.start + d.start(), sent.start + d.end()), suggestion=wanted)


_DOT_DATE_LANGS = frozenset("de da no nb nn fi cs sk pl hu sl hr sr et lv ru uk".split())


def _format_for(value: float, lang: str) -> str:
    """``value`` as the locale writes it: 4,5 and 1 500 000 (narrow no-break space) in French, 4,5 and
    1.500.000 in German, 4.5 and 1,500,000 in English."""
    whole = int(value)
    frac = f"{value - whole:.6f}"[2:].rstrip("0") if value != whole else ""
    grouped = f"{whole:,}"
    if lang in _DECIMAL_COMMA:
        sep = "\u202f" if lang == "fr" else "."
        grouped = grouped.replace(",", sep)
        return grouped + ("," + frac if frac else "")
    return grouped + ("." + frac if frac else "")


_FR_CLOCK_BEFORE_RE = re.compile(r"(?i)(?:\bà|\bvers|\bdès|\bjusqu['’]à|\bde|\bentre)\s$")
_CLOCK_DIGITS_RE = re.compile(r"([01]?[0-9]|2[0-3])\.([0-5][0-9])")


def _french_clock(text: str, d: re.Match, source: list[NumberMention]) -> Optional[str]:
    """« 15 h 30 » for the digits ``d`` (15.30) of a French text when they are a clock time: after « à »,
    « vers », « dès », « jusqu'à », « de », « entre », and the aligned source has that time ("3.30pm"); else
    None (« l'action a clôturé à 15.30 » is a price written with a point)."""
    found = _CLOCK_DIGITS_RE.fullmatch(d.group())
    if found is None or not _FR_CLOCK_BEFORE_RE.search(text, max(0, d.start() - 10), d.start()):
        return None
    hour, minute = int(found.group(1)), int(found.group(2))
    if not any(m.kind == "time" and m.hour == hour and (m.minute or 0) == minute for m in source):
        return None
    return f"{hour} h {found.group(2)}"


# numbers.locale v5: a number of five digits or more written without grouping ("64847 people", "a fine of
# 30000 yuan"): every language below groups them (AP and Chicago, Duden, the Imprimerie nationale, the RAE
# and Fundéu, the Accademia della Crusca, the Dutch Taalunie: four digits may go ungrouped, five may not),
# in the writing ``_format_for`` suggests; English groups four digits too (below). On the zh-en MT outputs of
# the WMT 2021 MQM data this reports 461 numbers, and the raters marked the span of 445 (most as
# Fluency/Punctuation); the stock codes and the like that a plain pattern finds too are not reported.
_UNGROUPED_RE = re.compile(r"[1-9][0-9]{3,}")
_GROUPING_LANGS = frozenset("en de fr es it pt nl".split())
# English groups four digits too (AP: "a comma for most figures higher than 999"; Chicago 9.55; the
# Guardian and The Economist: 1,000), but not years, addresses, room or serial numbers.
_FOUR_DIGIT_GROUPING_LANGS = frozenset({"en"})
# Digits grouped by a separator (64,847 / 64.847 / 64 847 / 64'847).
_GROUPED_DIGITS_RE = re.compile("[0-9][.,'\u00a0\u202f\u2009 ][0-9]{3}(?![0-9])")
# Chinese, Japanese and Korean write a count's digits ungrouped (64847人): one is a count, not a code, when a
# counter or unit follows it (人 例 名 个 元 件 万 公里 平方米 艘 余 多 …; 円 社; 명 원 개 건).
_CJK_COUNTERS = frozenset("人例名个個元円件家次户戶辆輛座只头頭台份套条條张張位艘架吨噸米里斤亩畝所股项項起宗余餘多"
                          "间間球场場万萬亿億千百公平立社명원개건대채곳회")


def _written_as_count(s: NumberMention, source_text: str, src_lang: str, qualified: bool = True) -> bool:
    """Whether the source writes ``s`` as a count or an amount, not as a code (a stock code "600606.SH", a
    postcode, a flight or case number, which are never grouped): with a magnitude (1.5万, "1.5 million"), in
    words, with its digits grouped; in Chinese, Japanese or Korean, with a counter or unit after it (64847人);
    otherwise with a qualifier ("nearly 27000"), a currency or a unit."""
    if s.kind not in _LOCALE_KINDS:
        # Four digits from 1800 to 2199 are read as a year; with a counter after them (累计确诊病例2045例: 2045
        # cases, 2000间隔离房: 2000 rooms) they are a count, as a year has 年.
        # (the digits themselves before it: "1997年起", "2020年人口普查" are years, their 年 read with them)
        return s.kind == "year" and src_lang in ("zh", "ja", "ko") and s.text[-1:].isdigit() \
            and source_text[s.end:s.end + 1] in _CJK_COUNTERS
    if s.scale != 1.0 or s.spelled or _GROUPED_DIGITS_RE.search(s.text):
        return True
    if src_lang in ("zh", "ja", "ko"):
        return source_text[s.end:s.end + 1] in _CJK_COUNTERS or s.unit is not None
    return (qualified and s.approx is not None) or s.unit is not None or s.measure is not None


def _ungrouped_count(text: str, d: re.Match, t: NumberMention, lang: str, source: list[NumberMention],
                     source_values: set[float], source_text: str, src_lang: str) -> bool:
    """Whether the target digits ``d`` (of mention ``t``, in ``lang``) are a number of five digits or more
    (four in English) written without grouping, that the aligned source (its mentions ``source``, their
    ``source_values``) states as a count (``_written_as_count``); not where the digits are glued to a letter,
    a code's dot or a sign (600606.SH, #12345, +33612345)."""
    if lang not in _GROUPING_LANGS or t.scale != 1.0 or t.value not in source_values \
            or not _UNGROUPED_RE.fullmatch(d.group()) or len(d.group()) < (4 if lang in _FOUR_DIGIT_GROUPING_LANGS else 5):
        return False
    # Four digits: a qualifier alone says no count ("around 2000" may be the year).
    qualified = len(d.group()) > 4
    before, after = text[d.start() - 1:d.start()], text[d.end():d.end() + 2]
    if before.isalnum() or before in ("#", "+", "/", "-", ".") or after[:1].isalnum() or after[:1] in ("-", "/") \
            or after[:1] == "." and after[1:2].isalpha():
        return False
    return any(t.value in mention_components(s) and _written_as_count(s, source_text, src_lang, qualified)
               for s in source)


_SPACED_COLON_RE = re.compile(r"[ \u00a0]+[:：]|[:：][ \u00a0]+")  # a colon with a space beside it
_COLON_SPACES_RE = re.compile(r"[ \u00a0]*([:：])[ \u00a0]*")
# What every spaced time the reader reads holds: a digit, the colon, a space and a digit ("14: 40").
_SPACED_TIME_HINT_RE = re.compile(r":(?<=\d:)[ \u00a0]+\d")
_SPACED_TIME_HINT_WIDE_RE = re.compile(r"：(?<=\d：)[ \u00a0]+\d")


@register("punctuation.spaced_time", Category.FLUENCY_PUNCTUATION, version=1, order=40)
def spaced_time(ctx: CheckContext) -> Iterator[Issue]:
    """Clock time with a space beside its colon: "at about 14: 40 that day", "As of 24: 00 on July 25".

    A tokeniser's space left in a time by machine translation (WMT 2021 zh-en: 82 in the MT output of three
    systems, from 14时40分 and 24时; one human reference, ref.B, writes 8 so too). Minor, with the time
    unspaced as the suggestion ("14:40"); only where the aligned source says that time (the same hour, on a
    12- or 24-hour clock, and minute), so that a colon of a heading or a list ("Phase 1: 50 beds") is not read
    as one. False positives: a ratio or score the source also writes as that time.
    """
    text = ctx.target.text
    if _SPACED_TIME_HINT_RE.search(text) is None and ("：" not in text or _SPACED_TIME_HINT_WIDE_RE.search(text) is None):
        return  # (a pattern led by a literal, found in C: 0.1 ms over the bench's texts against 1 ms with a class)
    src, tgt = _mentions_of(ctx)
    colon = r"\1" if base_lang(ctx.target.lang) in ("zh", "ja", "ko") else ":"  # 14： 40 in English: 14:40
    for bead in ctx.alignment:
        if not bead.source or not bead.target:
            continue
        spaced = [t for t in tgt.of(bead.target) if t.kind == "time" and t.hour is not None
                  and _SPACED_COLON_RE.search(t.text)]
        if not spaced:
            continue
        said = {(s.hour % 12, s.minute or 0) for s in src.of(bead.source) if s.kind == "time" and s.hour is not None}
        for t in spaced:
            if (t.hour % 12, t.minute or 0) not in said:
                continue
            unspaced = _COLON_SPACES_RE.sub(colon, t.text, count=1)
            yield Issue("punctuation.spaced_time", Category.FLUENCY_PUNCTUATION, Severity.MINOR,
                        f"Space beside the colon of the time '{t.text}': written {unspaced}",
                        target_span=Span(t.start, t.end), suggestion=unspaced)


def _foreign_convention(digits: str, m: NumberMention, lang: str, source_values: set[float],
                        source_read: frozenset[float] = frozenset()) -> Optional[str]:
    """Why ``digits`` (of mention ``m``) is written in another locale's convention, or None. ``source_read``:
    the values the source's numbers are read as (their first readings)."""
    comma_lang = lang in _DECIMAL_COMMA
    if comma_lang:
        if _POINT_DECIMAL_RE.fullmatch(digits):
            return "a decimal point"
        if _COMMA_GROUPS_RE.fullmatch(digits):
            return "commas between thousands"
        if lang == "fr" and (_DOT_GROUPS_RE.fullmatch(digits) or _ONE_GROUP_RE.fullmatch(digits) and "." in digits
                             and m.value >= 1000 and m.value in source_read):
            # French groups with a (narrow) space, never a full stop; a single group only where the source's
            # number is read so (1,200 or German 1.200, not a version "2.100" the source reads as 2.1)
            return "full stops between thousands"
    else:
        if _COMMA_DECIMAL_RE.fullmatch(digits):
            return "a decimal comma"
        if _DOT_GROUPS_RE.fullmatch(digits):
            return "full stops between thousands"
    if _ONE_GROUP_RE.fullmatch(digits) and m.alt_value is not None:
        # 12,500 in French reads 12.5; the source says 12500: the target kept the source's separator.
        if m.alt_value in source_values and m.value not in source_values:
            if comma_lang and "," in digits:
                return "a comma between thousands"
            if not comma_lang and "." in digits:
                return "a full stop between thousands"
    return None


@register(LOCALE_CHECK_ID, Category.LOCALE_FORMAT, version=6, order=40)
def number_locale(ctx: CheckContext) -> Iterator[Issue]:
    """Number whose value is right but written in the source's convention, not the target locale's.

    French, German, Spanish (and the other decimal-comma languages) write 4,5 and group thousands with
    spaces or full stops (French with spaces only: « 1.200 » for 1,200 is minor too; a clock time the source
    has, written « à 15.30 », is suggested as « 15 h 30 »); English, Chinese and Japanese write 4.5 and 1,500,000. A target number with
    an unambiguous decimal point or comma of the other convention (« 4.5 % » in French, "4,5%" in
    English), or grouped the other way (« 1,500,000 » in French, "1.500.000" in English), or a single
    group that the target locale reads as another value (« 12,500 » in French, where the source says
    12,500 = 12500) is minor ``locale/format``, with the locale's writing as suggestion; so is a date
    written month first (09/26/2024) in a language that writes the day first, and a number of five digits
    or more written without grouping in English, German, French, Spanish, Italian, Portuguese or Dutch
    ("64847 people" for 64847人, "a fine of 30000 yuan" for 3万元: 64,847, 30,000), four digits or more in
    English ("4634 deaths": 4,634), where the source writes it as a count (grouped, with a magnitude or in
    words; in Chinese, Japanese or Korean with a counter or unit after it, which makes even 2045例 or 2000间
    ("2045 cases", "2000 rooms") a count, not a year; else with a currency or a unit, or with a qualifier when
    it has five digits: "around 2000" may be a year), not as a code or a year.
    Only numbers and dates whose value (in either reading) the aligned source states are judged: a wrong value is
    ``numbers.mismatch``'s. False positives: version numbers and scores written with a point ("iOS
    15.4"), Swiss German ("4.5" is usual in Switzerland), figures quoted from an English table; a code the
    source writes as a count ("the 10000 series", "12345号" with a counter after it).
    """
    lang = base_lang(ctx.target.lang)
    if not lang:
        return
    src, tgt = _mentions_of(ctx)
    us_dates = lang != "en" and "/" in ctx.target.text  # a date written month first has a slash
    src_lang = base_lang(ctx.source.lang)
    for bead in ctx.alignment:
        if not bead.source or not bead.target:
            continue
        if us_dates:
            yield from _us_dates(ctx, bead, src.of(bead.source), lang)
        # (a "year" too in English, which groups four digits: "2045 cases" for 2045例 is judged by its source)
        target = [t for t in tgt.of(bead.target) if (t.kind in _LOCALE_KINDS or t.kind == "year" and lang in
                                                     _FOUR_DIGIT_GROUPING_LANGS) and not t.spelled]
        if not target:
            continue
        source_values = _values(src.of(bead.source))
        source_read = frozenset(m.value for m in src.of(bead.source))
        for t in target:
            d = _DIGITS_RE.search(ctx.target.text, t.start, t.end)
            if d is None:
                continue
            if "." not in d.group() and "," not in d.group():
                if _ungrouped_count(ctx.target.text, d, t, lang, src.of(bead.source), source_values, ctx.source.text,
                                    src_lang):
                    wanted = _format_for(t.value, lang)
                    yield Issue(
                        LOCALE_CHECK_ID, Category.LOCALE_FORMAT, Severity.MINOR,
                        f"'{d.group()}' is written without grouping its thousands; {lang} writes {wanted}",
                        source_span=None, target_span=Span(d.start(), d.end()), suggestion=wanted,
                    )
                continue
            if t.value not in source_values and (t.alt_value is None or t.alt_value not in source_values):
                continue
            why = _foreign_convention(d.group(), t, lang, source_values, source_read)
            if why is None:
                continue
            clock = _french_clock(ctx.target.text, d, src.of(bead.source)) if lang == "fr" else None
            if clock is not None:  # « à 15.30 »: a time, which French writes « 15 h 30 », not a decimal « 15,3 »
                yield Issue(
                    LOCALE_CHECK_ID, Category.LOCALE_FORMAT, Severity.MINOR,
                    f"'{d.group()}' is a clock time written with a point; fr writes {clock}",
                    source_span=None, target_span=Span(d.start(), d.end()), suggestion=clock,
                )
                continue
            value = t.alt_value if (t.alt_value in source_values and t.value not in source_values) else t.value
            digits_value = value / t.scale if t.scale != 1.0 else value
            yield Issue(
                LOCALE_CHECK_ID, Category.LOCALE_FORMAT, Severity.MINOR,
                f"'{d.group()}' is written with {why}; {lang} writes {_format_for(digits_value, lang)}",
                source_span=None, target_span=Span(d.start(), d.end()), suggestion=_format_for(digits_value, lang),
            )


# ---------------------------------------------------------------------------------------------------
# numbers.weekday: the day of the week the translation names is not the one the source names.

WEEKDAY_CHECK_ID = "numbers.weekday"
# Monday (0) to Sunday (6), per language: every spelling read, the first one the name a suggestion uses.
_WEEKDAYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("Monday",), ("Tuesday",), ("Wednesday",), ("Thursday",), ("Friday",), ("Saturday",), ("Sunday",)),
    "de": (("Montag",), ("Dienstag",), ("Mittwoch",), ("Donnerstag",), ("Freitag",), ("Samstag", "Sonnabend"),
           ("Sonntag",)),
    "fr": (("lundi",), ("mardi",), ("mercredi",), ("jeudi",), ("vendredi",), ("samedi",), ("dimanche",)),
    "es": (("lunes",), ("martes",), ("miércoles", "miercoles"), ("jueves",), ("viernes",), ("sábado", "sabado"),
           ("domingo",)),
    "it": (("lunedì", "lunedi"), ("martedì", "martedi"), ("mercoledì", "mercoledi"), ("giovedì", "giovedi"),
           ("venerdì", "venerdi"), ("sabato",), ("domenica",)),
    "pt": (("segunda-feira",), ("terça-feira", "terca-feira"), ("quarta-feira",), ("quinta-feira",),
           ("sexta-feira",), ("sábado", "sabado"), ("domingo",)),
    "zh": tuple((f"星期{d}", f"周{d}", f"礼拜{d}", f"禮拜{d}", f"週{d}") for d in "一二三四五六")
    + (("星期日", "星期天", "周日", "周天", "礼拜日", "礼拜天", "禮拜天", "週日"),),
    "ja": tuple((f"{d}曜日", f"{d}曜") for d in "月火水木金土日"),
    "ko": tuple((f"{d}요일",) for d in "월화수목금토일"),
    "nl": (("maandag",), ("dinsdag",), ("woensdag",), ("donderdag",), ("vrijdag",), ("zaterdag",), ("zondag",)),
    # Russian, with the cases a day takes in news (в среду, в пятницу, до субботы, по воскресеньям)
    "ru": (("понедельник", "понедельника", "понедельникам"), ("вторник", "вторника", "вторникам"),
           ("среда", "среду", "среды", "средам"), ("четверг", "четверга", "четвергам"),
           ("пятница", "пятницу", "пятницы", "пятницам"), ("суббота", "субботу", "субботы", "субботам"),
           ("воскресенье", "воскресенья", "воскресеньям")),
    # Polish, with the accusative of "on" (w środę, w sobotę, w niedzielę)
    "pl": (("poniedziałek", "poniedziałku"), ("wtorek", "wtorku"), ("środa", "środę", "środy"), ("czwartek", "czwartku"),
           ("piątek", "piątku"), ("sobota", "sobotę", "soboty"), ("niedziela", "niedzielę", "niedzieli")),
    # Swedish, Danish, Norwegian: the day, its definite form (på onsdagen) and plural (onsdagar, onsdage)
    "sv": tuple((d, d + "en", d + "ar") for d in "måndag tisdag onsdag torsdag fredag lördag söndag".split()),
    "da": tuple((d, d + "en", d + "e") for d in "mandag tirsdag onsdag torsdag fredag lørdag søndag".split()),
    "no": tuple((d, d + "en", d + "er") for d in "mandag tirsdag onsdag torsdag fredag lørdag søndag".split()),
    # Finnish: the day and its essive, "on" (keskiviikkona)
    "fi": tuple((d, d + "na") for d in "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai".split()),
    # Czech, with the accusative and locative of "on" (ve středu, v sobotu, v neděli, ve čtvrtek)
    "cs": (("pondělí",), ("úterý",), ("středa", "středu", "středy"), ("čtvrtek", "čtvrtku", "čtvrtka"),
           ("pátek", "pátku"), ("sobota", "sobotu", "soboty"), ("neděle", "neděli")),
    # Turkish: « pazar » alone is also "market" (pazar payı, market share): Sunday only as « pazar günü »
    "tr": (("pazartesi",), ("salı",), ("çarşamba",), ("perşembe",), ("cuma",), ("cumartesi",),
           ("pazar günü", "pazar sabahı", "pazar akşamı", "pazar gecesi")),
    # Romanian, with the definite forms (sâmbăta, on Saturdays); « luni » is also "months" (trei luni): Monday
    # only as « lunea »
    "ro": (("lunea",), ("marți", "marţi", "marti", "marțea", "marţea"), ("miercuri", "miercurea"), ("joi", "joia"),
           ("vineri", "vinerea"), ("sâmbătă", "sâmbăta", "sambata"), ("duminică", "duminica")),
    # Hungarian: the day, its "on" (szerdán) and its adjective (szombati)
    "hu": (("hétfő", "hétfőn", "hétfői"), ("kedd", "kedden", "keddi"), ("szerda", "szerdán", "szerdai"),
           ("csütörtök", "csütörtökön", "csütörtöki"), ("péntek", "pénteken", "pénteki"),
           ("szombat", "szombaton", "szombati"), ("vasárnap", "vasárnapi")),
    # Greek, capitalised (lower-case « τρίτη », « τετάρτη », « πέμπτη » are third, fourth, fifth), with the genitive
    "el": (("Δευτέρα", "Δευτέρας"), ("Τρίτη", "Τρίτης"), ("Τετάρτη", "Τετάρτης"), ("Πέμπτη", "Πέμπτης"),
           ("Παρασκευή", "Παρασκευής"), ("Σάββατο", "Σαββάτου"), ("Κυριακή", "Κυριακής")),
    # Ukrainian, with the accusative of "on" (у середу, в суботу) and the genitive
    "uk": (("понеділок", "понеділка"), ("вівторок", "вівторка"), ("середа", "середу"), ("четвер", "четверга"),
           tuple(f"п{a}ятниц{e}" for e in "яюі" for a in "'’ʼ"), ("субота", "суботу", "суботи"),
           ("неділя", "неділю", "неділі")),
    # Arabic, with the article (يوم الخميس), and the spellings without hamza
    "ar": (("الاثنين", "الإثنين"), ("الثلاثاء",), ("الأربعاء", "الاربعاء"), ("الخميس",), ("الجمعة",), ("السبت",),
           ("الأحد", "الاحد")),
    # Hebrew: « יום » and the ordinal (ביום רביעי, Wednesday), with the prefixes that glue to it (ב in, מ from,
    # ל to, ו and); Saturday « שבת » not alone (also "he went on strike")
    "he": tuple(tuple(p + "יום " + d for p in ("", "ב", "מ", "ל", "ו", "וב")) for d in
                ("שני", "שלישי", "רביעי", "חמישי", "שישי"))
    + (("בשבת", "השבת", "ביום שבת", "יום שבת", "ובשבת"),)
    + (tuple(p + "יום ראשון" for p in ("", "ב", "מ", "ל", "ו", "וב")),),
    "hi": (("सोमवार",), ("मंगलवार",), ("बुधवार",), ("गुरुवार", "बृहस्पतिवार"), ("शुक्रवार",), ("शनिवार",), ("रविवार",)),
    # Indonesian and Malay, capitalised; « minggu » is also "week": Sunday as « hari Minggu », or Malay « Ahad »
    "id": (("Senin",), ("Selasa",), ("Rabu",), ("Kamis",), ("Jumat", "Jum'at"), ("Sabtu",),
           ("hari Minggu", "Minggu malam", "Minggu pagi")),
    "ms": (("Isnin",), ("Selasa",), ("Rabu",), ("Khamis",), ("Jumaat",), ("Sabtu",), ("Ahad", "hari Minggu")),
    # Vietnamese: « thứ » and the ordinal, capitalised (« thứ ba » in lower case is "third")
    "vi": tuple((f"thứ {d}", f"Thứ {d}") for d in ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")) + (("Chủ nhật", "chủ nhật"),),
    # Slovak, Croatian, Serbian, Slovenian, Bulgarian, with the accusative of "on" (v stredu, u srijedu, v sredo);
    # Catalan
    "sk": (("pondelok",), ("utorok",), ("streda", "stredu"), ("štvrtok",), ("piatok",), ("sobota", "sobotu"),
           ("nedeľa", "nedeľu")),
    "hr": (("ponedjeljak",), ("utorak",), ("srijeda", "srijedu"), ("četvrtak",), ("petak",), ("subota", "subotu"),
           ("nedjelja", "nedjelju")),
    "sr": (("ponedeljak", "понедељак"), ("utorak", "уторак"), ("sreda", "sredu", "среда", "среду"),
           ("četvrtak", "четвртак"), ("petak", "петак"), ("subota", "subotu", "субота", "суботу"),
           ("nedelja", "nedelju", "недеља", "недељу")),
    "sl": (("ponedeljek",), ("torek",), ("sreda", "sredo"), ("četrtek",), ("petek",), ("sobota", "soboto"),
           ("nedelja", "nedeljo")),
    "bg": (("понеделник",), ("вторник",), ("сряда",), ("четвъртък",), ("петък",), ("събота",), ("неделя",)),
    "ca": (("dilluns",), ("dimarts",), ("dimecres",), ("dijous",), ("divendres",), ("dissabte",), ("diumenge",)),
    # Persian: every day but Friday ends with « شنبه » (Saturday), written with a zero-width non-joiner, a space
    # or nothing between its parts; each is read whole (longest first)
    "fa": tuple(tuple(f"{n}{j}شنبه" for j in ("", "\u200c", " ")) for n in ("دو", "سه", "چهار", "پنج"))
    + (("جمعه",), ("شنبه",), tuple(f"یک{j}شنبه" for j in ("", "\u200c", " "))),
}
# Languages that write the days in lower case: there a capitalised day inside a sentence is a name
# (« Mercredi Addams », Plácido Domingo, Santo Domingo), not a day.
_LOWER_CASE_DAYS = frozenset({"fr", "es", "it", "pt", "nl", "ru", "pl", "sv", "da", "no", "fi", "cs", "tr", "ro", "hu",
                              "uk", "sk", "hr", "sr", "sl", "bg", "ca"})
# After 周三 / 星期三, what makes the numeral a count: 每周三次, 每周五天 (not 周五天气, Friday's weather),
# 每周两个小时.
_ZH_COUNT_AFTER = re.compile(r"[次回遍趟场个]|天(?!气)")
_OPENERS = " \t\"'«»“”„‘’‚(（[—–-¿¡"


class _WeekdayReader(NamedTuple):
    pattern: re.Pattern  # the days as literals (see ``_weekday_reader``)
    forms: dict[str, int]  # each spelling, lower-cased → its day 0-6
    by_length: tuple[tuple[str, int], ...]  # the same, longest first: the day a German compound opens


@lru_cache(maxsize=None)
def _weekday_reader(lang: str) -> Optional[_WeekdayReader]:
    """The days of ``lang`` as plain literals in the cases they are read in, longest first, with no flag, group
    or look-behind (any of them makes ``re`` try every position: seven times slower on news text):
    capitalised in English and German, plus German's adverbs „montags“; lower or capitalised (at a
    sentence start, told apart later) in the other languages."""
    days = _WEEKDAYS.get(lang)
    if days is None:
        return None
    words: list[str] = []
    for form in (form for forms in days for form in forms):
        if lang == "de":
            words += [form, form.lower() + "s"]
        elif lang in _LOWER_CASE_DAYS:
            words += [form, form[0].upper() + form[1:]]
        else:  # en, zh, ja, ko
            words.append(form)
    alternatives = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    if lang in ("zh", "ja", "ko"):  # Korean: a particle follows the day (수요일에, 월요일부터)
        pattern = re.compile(alternatives)
    else:
        # English and the Romance languages: the word and its plural ("Mondays", « les lundis »); German: the
        # day and the compounds it opens („Montagabend“, „Sonntagsfrage“).
        tail = r"\w*" if lang == "de" else "s?"
        pattern = re.compile(rf"(?:{alternatives}){tail}(?![\w-])")
    forms = {form.lower(): day for day, spellings in enumerate(days) for form in spellings}
    return _WeekdayReader(pattern, forms, tuple(sorted(forms.items(), key=lambda fd: -len(fd[0]))))


def _weekdays_by_sentence(doc: Document, lang: str) -> list[list[tuple[int, int, int]]]:
    """(day 0-6, start, end) of the days of the week named in each sentence of ``doc`` (document offsets),
    found in one pass over the sentences joined by NUL (``document_joined``: no match crosses a sentence)."""
    out: list[list[tuple[int, int, int]]] = [[] for _ in doc.sentences]
    reader = _weekday_reader(lang)
    if reader is None:
        return out
    joined, starts = document_joined(doc)
    dense = lang in ("zh", "ja")
    for m in reader.pattern.finditer(joined):
        begin = m.start()
        if not dense and begin and (joined[begin - 1].isalnum() or joined[begin - 1] in "-_"):
            continue  # inside a word: "Lundin", "Nachmittag"
        k = bisect_right(starts, begin) - 1
        word = m.group()
        if lang in _LOWER_CASE_DAYS and word[0].isupper() and joined[starts[k]:begin].strip(_OPENERS):
            continue  # capitalised inside a sentence: a name
        if lang == "zh" and _ZH_COUNT_AFTER.match(joined, m.end()):
            continue  # 每周三次 (three times a week), 每周五天 (five days a week): a count, not a day
        low = word.lower()
        day = reader.forms.get(low)
        if day is None:
            day = reader.forms.get(low[:-1]) if low.endswith("s") else None
            if day is None:  # a German compound: the day it opens
                day = next((d for f, d in reader.by_length if low.startswith(f)), None)
        if day is not None:
            shift = doc.sentences[k].start - starts[k]
            out[k].append((day, begin + shift, m.end() + shift))
    return out


def _day_name(day: int, lang: str) -> str:
    return _WEEKDAYS[lang][day][0]


@register(WEEKDAY_CHECK_ID, Category.ACCURACY_NUMBER, version=1, order=41)
def weekday_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """Day of the week that the translation names but the aligned source does not.

    Where both sides of a bead name days of the week, a day in the translation that the source does not
    name (source "on Thursday", translation „am Mittwoch“) is major, with the source's day, in the target
    language, as suggestion. Days are read in en, de, fr, es, it, pt, nl, ru, pl, sv, da, no, fi, cs, tr, ro,
    hu, el, uk, ar (يوم الخميس), he (ביום חמישי), hi, id, ms, vi (thứ Năm), sk, hr, sr, sl, bg, ca, fa (چهارشنبه), zh (星期四, 周四, 礼拜四), ja (木曜日) and ko (목요일): plurals („montags“, « les lundis »), German
    compounds („Donnerstagabend“); not Turkish « pazar » alone (a market: Sunday is « pazar günü »), Romanian
    « luni » (also months: Monday is « lunea »), Greek days in lower case (« τρίτη » is third). Silent where one
    side names no day (a translation may give the date instead, or "yesterday"), and where the day is named
    by the source of a neighbouring bead (an alignment slip). In French, Spanish, Italian and Portuguese,
    which write the days in lower case, a capitalised day inside a sentence is a name (« Mercredi Addams »,
    Plácido Domingo).

    False positives: a translation that moves the day to another time zone on purpose (Beijing time
    Wednesday morning, "Tuesday evening in Washington"); a name that is a day in English or German ("Joe
    Friday", „Robinson und Freitag“). Missed: abbreviations (Thu., Do., jeu.), a day named in only one of
    the two languages. On the human references of WMT 2021 news (en→de), it finds 7 wrong days, two of
    them marked as errors by the MQM raters, and nothing else; the MT outputs there name no wrong day.
    """
    src_lang, tgt_lang = base_lang(ctx.source.lang), base_lang(ctx.target.lang)
    if src_lang not in _WEEKDAYS or tgt_lang not in _WEEKDAYS:
        return
    source_days = _weekdays_by_sentence(ctx.source, src_lang)
    if not any(source_days):  # then nothing to compare: the target is not read
        return
    target_days = _weekdays_by_sentence(ctx.target, tgt_lang)
    beads = ctx.alignment
    for b, bead in enumerate(beads):
        target = [d for j in bead.target for d in target_days[j]]
        if not target:
            continue
        source = [d for i in bead.source for d in source_days[i]]
        if not source:
            continue
        named = {day for day, _, _ in source}
        near = {day for k in (b - 1, b + 1) if 0 <= k < len(beads) for i in beads[k].source for day, _, _ in source_days[i]}
        for day, start, end in target:
            if day in named or day in near:
                continue
            first = source[0]
            said = " and ".join(_day_name(d, "en") for d in sorted(named))
            yield Issue(
                WEEKDAY_CHECK_ID, Category.ACCURACY_NUMBER, Severity.MAJOR,
                f"Source names {said}; the translation has {_day_name(day, 'en')}",
                source_span=Span(first[1], first[2]), target_span=Span(start, end),
                suggestion=_day_name(first[0], tgt_lang) if len(named) == 1 else None,
            )
