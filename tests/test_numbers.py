"""Number finding and normalisation (mtcheck.numbers): tables of real news sentences in five languages."""
from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mtcheck.numbers import (
    NumberMention,
    describe_mention,
    find_numbers,
    numbers_match,
    spelled_forms,
)

MORE, LESS, ABOUT = "more_than", "less_than", "about"

# (lang, sentence, [(text, value, kind, approx), ...]) — every mention, in order.
CASES = [
    # --- English -------------------------------------------------------------------------------------
    ("en", "More than 80 countries and international organisations attended the meeting on September 26, 2024.",
     [("80", 80, "number", MORE), ("September 26, 2024", 926, "date", None)]),
    ("en", "The company reported revenue of $5bn, up 4.5% from 2023.",
     [("$5bn", 5e9, "amount", None), ("4.5%", 4.5, "percent", None), ("2023", 2023, "year", None)]),
    ("en", "About 1,000,000 people live in the city, up from 950,000 in 2010.",
     [("1,000,000", 1e6, "number", ABOUT), ("950,000", 950000, "number", None), ("2010", 2010, "year", None)]),
    ("en", "The 79th session of the UN General Assembly opened in New York.",
     [("79th", 79, "ordinal", None)]),
    ("en", "Nearly 2,500 firefighters battled the blaze, which had burned 30,000 acres by 8 pm.",
     [("2,500", 2500, "number", ABOUT), ("30,000", 30000, "number", None), ("8 pm", 20, "time", None)]),
    ("en", "G20 leaders discussed COVID-19, 5G networks and the A380.", []),
    ("en", "Visit www.thepaper.cn or write to news2024@example.com for details.", []),
    ("en", "Two million dollars were pledged and ten actions were announced.",
     [("Two million dollars", 2e6, "amount", None), ("ten", 10, "number", None)]),
    ("en", "Thirty-two counties declared a state of emergency.", [("Thirty-two", 32, "number", None)]),
    ("en", "The rate rose to 3.5 per cent in the first quarter.",
     [("3.5 per cent", 3.5, "percent", None), ("first", 1, "ordinal", None)]),
    ("en", "Fewer than 50 people were killed, officials said on Sept. 30.",
     [("50", 50, "number", LESS), ("Sept. 30", 930, "date", None)]),
    ("en", "Born in the 1990s, she graduated in May 2018.",
     [("1990s", 1990, "year", None), ("May 2018", 201805, "date", None)]),
    ("en", "Beijing's 2022 budget was about 1.2 trillion yuan.",
     [("2022", 2022, "year", None), ("1.2 trillion yuan", 1.2e12, "amount", ABOUT)]),
    ("en", "The consulate must close by 10:30 a.m. on Monday, 72 hours after the order.",
     [("10:30 a.m.", 10.30, "time", None), ("72", 72, "number", None)]),
    ("en", "Tamil Nadu reported 14 lakh cases.", [("14 lakh", 1.4e6, "number", None)]),
    ("en", "Labour could pay between £3million and £8million.",
     [("£3million", 3e6, "amount", None), ("£8million", 8e6, "amount", None)]),
    # --- French --------------------------------------------------------------------------------------
    ("fr", "le 26 septembre, de hauts représentants de plus de 80 pays ont assisté à la 79e session.",
     [("26 septembre", 926, "date", None), ("80", 80, "number", MORE), ("79e", 79, "ordinal", None)]),
    ("fr", "Le chiffre d'affaires a progressé de 4,5 % pour atteindre 3,5 millions d'euros.",
     [("4,5 %", 4.5, "percent", None), ("3,5 millions d'euros", 3.5e6, "amount", None)]),
    ("fr", "La métropole compte 1 000 000 d'habitants et 1\u00a0200\u00a0000 emplois, soit 1\u202f500 entreprises.",
     [("1 000 000", 1e6, "number", None), ("1\u00a0200\u00a0000", 1.2e6, "number", None),
      ("1\u202f500", 1500, "number", None)]),
    ("fr", "les parties prenantes attendent cinq visions majeures et 10 actions d'ici fin 2025.",
     [("cinq", 5, "number", None), ("10", 10, "number", None), ("2025", 2025, "year", None)]),
    ("fr", "Environ 35 000 manifestants ont défilé le 1er janvier 2025 à Paris.",
     [("35 000", 35000, "number", ABOUT), ("1er janvier 2025", 101, "date", None)]),
    ("fr", "Une vingtaine de pays ont signé l'accord, contre 1 200 l'an dernier.",
     [("vingtaine", 20, "number", ABOUT), ("1 200", 1200, "number", None)]),
    ("fr", "Le taux de chômage est tombé à 7,3 pour cent, selon l'Insee.", [("7,3 pour cent", 7.3, "percent", None)]),
    ("fr", "La réunion est prévue à 10h30, puis une conférence à 15 h.",
     [("10h30", 10.30, "time", None), ("15 h", 15, "time", None)]),
    ("fr", "Le budget atteint 2 milliards de dollars, soit moins de 1,5 % du PIB.",
     [("2 milliards de dollars", 2e9, "amount", None), ("1,5 %", 1.5, "percent", LESS)]),
    # --- German --------------------------------------------------------------------------------------
    ("de", "Am 26. September 2024 kamen mehr als 80 Länder zur 79. Generalversammlung.",
     [("26. September 2024", 926, "date", None), ("80", 80, "number", MORE), ("79.", 79, "ordinal", None)]),
    ("de", "Der Umsatz stieg um 4,5 Prozent auf 3,5 Mrd. Euro.",
     [("4,5 Prozent", 4.5, "percent", None), ("3,5 Mrd. Euro", 3.5e9, "amount", None)]),
    ("de", "Rund 1.000.000 Menschen leben in der Stadt, die Schweiz zählt 8'700'000 Einwohner.",
     [("1.000.000", 1e6, "number", ABOUT), ("8'700'000", 8.7e6, "number", None)]),
    ("de", "Die Regierung kündigte zehn Maßnahmen an, die Sitzung beginnt um 10 Uhr.",
     [("zehn", 10, "number", None), ("10 Uhr", 10, "time", None)]),
    ("de", "In den 1990er Jahren lag die Arbeitslosigkeit bei knapp 12 Prozent.",
     [("1990er", 1990, "year", None), ("12 Prozent", 12, "percent", ABOUT)]),
    ("de", "Die Kosten lagen bei 2,3 Millionen Euro, also 4.500 Euro pro Kopf.",
     [("2,3 Millionen Euro", 2.3e6, "amount", None), ("4.500 Euro", 4500, "amount", None)]),
    # --- Spanish -------------------------------------------------------------------------------------
    ("es", "El 26 de septiembre de 2024, más de 80 países participaron en la reunión.",
     [("26 de septiembre de 2024", 926, "date", None), ("80", 80, "number", MORE)]),
    ("es", "La empresa invirtió 3.500 millones de dólares, un 4,5 por ciento más.",
     [("3.500 millones de dólares", 3.5e9, "amount", None), ("4,5 por ciento", 4.5, "percent", None)]),
    ("es", "Cinco visiones y unas 200 medidas fueron presentadas el 3 de marzo.",
     [("Cinco", 5, "number", None), ("200", 200, "number", ABOUT), ("3 de marzo", 303, "date", None)]),
    # --- Chinese -------------------------------------------------------------------------------------
    ("zh", "9月26日，外交部发言人林剑主持例行记者会。澎湃新闻（www.thepaper.cn）记者提问：中方在第79届联合国大会一般性辩论期间",
     [("9月26日", 926, "date", None), ("第79", 79, "ordinal", None)]),
    ("zh", "塞尔维亚总统武契奇以及80多个国家和国际组织的高级别代表与会。",
     [("80多", 80, "number", MORE)]),
    ("zh", "推动落实联合国2030年可持续发展议程，提出五大愿景，明确中方将采取的十项行动。",
     [("2030年", 2030, "year", None), ("五", 5, "number", None), ("十", 10, "number", None)]),
    ("zh", "中方将于2025年底前举办10期研修项目，并举办了2024世界人工智能大会。我们愿同国际社会一道。",
     [("2025年", 2025, "year", None), ("10", 10, "number", None), ("2024", 2024, "year", None)]),
    ("zh", "约3.5万人参加，占百分之三十，其中一百零三人受伤。",
     [("3.5万", 35000, "number", ABOUT), ("百分之三十", 30, "percent", None), ("一百零三", 103, "number", None)]),
    ("zh", "二〇二四年，该项目耗资三亿五千万元，另获50亿美元投资。",
     [("二〇二四年", 2024, "year", None), ("三亿五千万元", 3.5e8, "amount", None),
      ("50亿美元", 5e9, "amount", None)]),
    ("zh", "他刚走出五六百米，便看到公路裂开四五厘米。",
     [("五六百", 500, "number", ABOUT), ("四五", 4, "number", ABOUT)]),
    ("zh", "全国每4个“90后”中约有3个在用余额宝，6成是男性。",
     [("4", 4, "number", None), ("90后", 1990, "year", None), ("3", 3, "number", ABOUT),
      ("6成", 60, "percent", None)]),
    ("zh", "截至７月２５日２４时，现有确诊病例２８８例，不到50%。",
     [("７月２５日", 725, "date", None), ("２４时", 24, "time", None), ("２８８", 288, "number", None),
      ("50%", 50, "percent", LESS)]),
    ("zh", "他表示，千万不要一般化，十分重要。", []),
    ("zh", "2024-09-26", [("2024-09-26", 926, "date", None)]),
    ("zh", "当天14时40分左右，一架两座小型飞机撞上住宅。",
     [("14时40分", 14.40, "time", None), ("一", 1, "number", None), ("两", 2, "number", None)]),
]


@pytest.mark.parametrize("lang, sentence, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_mentions_table(lang: str, sentence: str, expected: list) -> None:
    found = find_numbers(sentence, lang)
    got = [(m.text, m.value, m.kind, m.approx) for m in found]
    assert [g[0] for g in got] == [e[0] for e in expected], got
    for g, e in zip(got, expected):
        assert g[1] == pytest.approx(e[1]), (g, e)
        assert g[2:] == e[2:], (g, e)
    for m in found:
        assert sentence[m.start:m.end] == m.text


def test_weak_mentions_are_flagged() -> None:
    """Small numbers in words, day-only dates, 一个 are weak; digits and magnitudes are firm."""
    weak = {m.text: m.weak for m in find_numbers("明确中方将采取的十项行动，两国于26日签署三亿元协议，一个项目。", "zh")}
    assert weak == {"十": True, "两": True, "26日": True, "三亿元": False, "一": True}
    weak = {m.text: m.weak for m in find_numbers("cinq visions, 10 actions, deux millions d'euros", "fr")}
    assert weak == {"cinq": True, "10": False, "deux millions d'euros": False}


def test_ambiguous_grouping_keeps_the_other_reading() -> None:
    (fr,) = find_numbers("Il a reçu 1,500 dollars.", "fr")  # an English grouping left in French MT
    assert (fr.value, fr.alt_value) == (1.5, 1500)
    (en,) = find_numbers("He received 1,500 dollars.", "en")
    assert (en.value, en.alt_value) == (1500, None)
    (de,) = find_numbers("Er erhielt 1.500 Euro.", "de")
    assert (de.value, de.alt_value) == (1500, 1.5)
    (short,) = find_numbers("Il a reçu 4,5 millions.", "fr")
    assert (short.value, short.alt_value) == (4.5e6, None)


def test_range_shares_its_magnitude() -> None:
    first, second = find_numbers("Labour könnte 3 bis 8 Millionen Pfund zahlen.", "de")
    assert (first.value, first.alt_value, first.unit) == (3, 3e6, "GBP")
    assert second.value == 8e6


def test_units_of_measurement_are_recorded() -> None:
    assert [m.measure for m in find_numbers("a 161 feet (49 meters) high tower", "en")] == ["imperial", "metric"]
    assert [m.measure for m in find_numbers("eine Tiefe von 25 Metern, 40 km2", "de")] == ["metric", "metric"]


# --- numbers_match --------------------------------------------------------------------------------------

def _one(text: str, lang: str) -> NumberMention:
    found = find_numbers(text, lang)
    assert len(found) == 1, found
    return found[0]


MATCHING = [
    (("4.5%", "en"), ("4,5 %", "fr")),
    (("3.5万", "zh"), ("35 000", "fr")),
    (("80多", "zh"), ("plus de 80", "fr")),
    (("80多个", "zh"), ("mehr als 80", "de")),
    (("9月26日", "zh"), ("26 septembre", "fr")),
    (("9月26日", "zh"), ("September 26", "en")),
    (("9月26日", "zh"), ("26. September", "de")),
    (("9月26日", "zh"), ("2024-09-26", "fr")),
    (("第79届", "zh"), ("79e", "fr")),
    (("第79届", "zh"), ("79th", "en")),
    (("第79届", "zh"), ("die 79. Sitzung", "de")),
    (("2030年", "zh"), ("2030", "fr")),
    (("十项", "zh"), ("10 actions", "fr")),
    (("五大", "zh"), ("cinq", "fr")),
    (("1 000 000", "fr"), ("one million", "en")),
    (("100万", "zh"), ("one million", "en")),
    (("100万", "zh"), ("1 000 000", "fr")),
    (("50亿美元", "zh"), ("5 milliards de dollars", "fr")),
    (("$1 trillion", "en"), ("1-Billionen-Paket", "de")),
    (("10:30", "en"), ("10时30分", "zh")),
    (("3 pm", "en"), ("15 h 00", "fr")),
]


@pytest.mark.parametrize("a, b", MATCHING, ids=[f"{a[0]}~{b[0]}" for a, b in MATCHING])
def test_numbers_match(a: tuple[str, str], b: tuple[str, str]) -> None:
    ma, mb = _one(*a), _one(*b)
    assert numbers_match(ma, mb) and numbers_match(mb, ma)


NOT_MATCHING = [
    (("4,5", "fr"), ("45", "en")),
    (("3.5万", "zh"), ("3 500", "fr")),
    (("9月26日", "zh"), ("27 septembre", "fr")),
    (("30%", "zh"), ("30", "fr")),
    (("50亿美元", "zh"), ("5 milliards d'euros", "fr")),
    (("2024-09-26", "en"), ("2023-09-26", "en")),
]


@pytest.mark.parametrize("a, b", NOT_MATCHING, ids=[f"{a[0]}!~{b[0]}" for a, b in NOT_MATCHING])
def test_numbers_do_not_match(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert not numbers_match(_one(*a), _one(*b))


def test_strict_approx() -> None:
    assert numbers_match(_one("80多", "zh"), _one("80", "fr"))
    assert not numbers_match(_one("80多", "zh"), _one("80", "fr"), strict_approx=True)
    assert numbers_match(_one("80多", "zh"), _one("plus de 80", "fr"), strict_approx=True)


def test_describe_mention() -> None:
    assert describe_mention(_one("80多", "zh")) == "80 (more than 80)"
    assert describe_mention(_one("4,5 %", "fr")) == "4.5%"
    assert describe_mention(_one("2024-09-26", "fr")) == "2024-09-26"
    assert describe_mention(_one("第79届", "zh")) == "79th"


def test_spelled_forms() -> None:
    assert {"one", "un", "une", "ein", "eine", "一"} <= set(spelled_forms(1))
    assert {"thirty-two", "trente-deux", "zweiunddreißig", "treinta y dos", "三十二"} <= set(spelled_forms(32))
    assert spelled_forms(2.5) == ()


# --- properties -----------------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    "80", "多", "余", "个", "9月", "26日", "septembre", "September", "26.", "3,5", "3.5", " millions", "万", "亿",
    "%", "％", " pour cent", "G20", "www.x.cn", "a@b.org", "1er", "79e", "第", "百分之", "三十", "五六百", "十项",
    "二〇二四年", "1 000", "1\u00a0000", "1\u202f000", "1'000", "1.000.000", "１２", "plus de ", "more than ", "约",
    "mehr als ", "Mrd.", "bn", "$", "€", "£", "元", "美元", "10:30", "10h30", "时", "分", "半", "-", "/", " ", ",",
    ".", "covid-", "zwei", "thirty-two", "vingt et un", "1990s", "90后", "6成", "倍", "lakh", "feet", "Meter",
])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_numbers_never_raises_and_spans_are_exact(text: str) -> None:
    for lang in (None, "zh", "fr"):
        _check_spans(text, find_numbers(text, lang))


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=12).map("".join), st.sampled_from([None, "en", "fr", "de", "es", "zh", "ja"]))
def test_spans_exact_on_number_like_text(text: str, lang) -> None:
    _check_spans(text, find_numbers(text, lang))


def _check_spans(text: str, found: list[NumberMention]) -> None:
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end  # in order, no overlap
        last_end = m.end


# --- speed ----------------------------------------------------------------------------------------------

def test_speed_on_a_megabyte() -> None:
    """The aligner runs find_numbers on every sentence: 1 MB of news must take well under a few seconds."""
    sentences = [c[1] for c in CASES] * 1
    corpus = []
    size = 0
    while size < 1_000_000:
        for s in sentences:
            corpus.append(s)
            size += len(s)
    start = time.perf_counter()
    for s in corpus:
        find_numbers(s, "fr")
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{size / elapsed:.0f} chars/s"


@pytest.mark.parametrize("text,values", [
    ("Visit news24.com/2021/05 today, 3 times.", [3]),  # a bare domain's path, as a URL's after its scheme
    ("Rules at covid19.gov.gr/2021 since 12 May.", [512]),  # a country's code after gov
    ("Short link t.co/2021Ab and 7 replies.", [7]),
    ("in der Stadt.Es gibt 2021 mehr", [2021]),  # no domain: two sentences run together
])
def test_no_number_is_read_inside_a_bare_domain_or_its_path(text, values):
    assert [m.value for m in find_numbers(text, "en")] == values


def test_find_numbers_reads_a_text_once_and_hands_out_fresh_lists():
    from mtcheck import numbers

    text = "Il a reçu 4,5 millions le 26 septembre 2024."
    first = find_numbers(text, "fr")
    misses = numbers._find_numbers_cached.cache_info().misses
    first.clear()  # the caller's list: the next reader still gets every mention
    again = find_numbers(text, "fr")
    assert numbers._find_numbers_cached.cache_info().misses == misses
    assert [(m.text, m.value, m.kind) for m in again] == [
        ("4,5 millions", 4_500_000, "number"), ("26 septembre 2024", 926, "date")]
    assert again == numbers._find_numbers(text, "fr") and again is not find_numbers(text, "fr")
    # the same text in another language is read again, and may read otherwise
    assert [m.value for m in find_numbers("He paid 1,500 dollars.", "en")] == [1500]
    assert [m.value for m in find_numbers("He paid 1,500 dollars.", "fr")] == [1.5]


# --- the fast paths of the finder against the plain ones ---------------------------------------------------

# Pieces that reach every branch of the strict trigger: digits and Chinese numerals, 上/数/几/首/第 with and
# without what they need after them, number words (alone, as articles before a magnitude or multiplier
# noun, inside words, in German compounds), month names in every case, characters that lower-casing
# reads otherwise than the regex (İ ı ſ ẞ K Ω Å), full-width digits, URLs.
_TRIGGER_PIECES = st.sampled_from([
    "a", "A", "an", "a million", "a dozen", "a-million", "one", "One hundred", "eine", "eine Million", "ein",
    "einmal", "einer", "un", "une", "uno", "una", "un millón", "une douzaine", "two", "TWO", "Two", "twofold",
    "twenty one", "thirty-two", "sieben", "siebenmonatige", "dreijährige", "zweifach", "Mal", "normal",
    "vingt et un", "quatre-vingt-dix", "neuf", "zéro", "dreißig", "half-decade", "decades", "the sixties",
    "zwanziger", "première", "first", "premier", "dizaine", "une vingtaine", "may", "May", "MAY", "March",
    "march", "Mar.", "mar", "Sept.", "sept", "Jan", "jan.", "january", "JANUARY", "Mai", "mars", "août",
    "juillet", "Oktober", "o\u212atober", "\u017fix", "S\u0130X", "\u0131", "\u1e9e", "\u2126", "\u212b",
    "stra\u1e9ee", "tsd.", "Mio.", "mil millones", "lakh", "1", "7", "2024", "26", "3,5", "１２", "％",
    "一", "二十", "两", "十项", "上千", "上", "数十", "几", "首届", "首", "第", "第 三", "第x", "百分之", "万",
    "億", "萬", "9月26日", "年", "www.x.cn", "a@b.org", " ", "  ", "-", "'", "’", ".", ",", "\n", "(", "é",
    # what may follow digits in a date or time (the digit scanner's lookahead)
    "15:30", ":", "3 pm", "P.M.", "a.m.", "AM", "14h", "h", "H", "Uhr", "1400", "GMT", "UTC", "de", "er", "ère",
    "ᵉʳ", "º", "/", "27.7.", "2020-01-02", "12/25/2020", "时", "点", "月", "\u00a0", "Ene", "oct.", "\u017fept",
])
_LANGS = st.sampled_from([None, "en", "fr", "de", "es", "zh", "ja", "it", "pt-BR"])



@pytest.mark.parametrize("text,found", [
    ("a half", []), ("A HALF", []), ("one half", []), ("a half-hour drive", []),
    ("a half million people", [("half million", 500000.0)]),  # read from "half", as "half a million"
    ("half a million people", [("half a million", 500000.0)]),
])
def test_a_half_after_an_article_is_no_figure(text, found):
    from mtcheck.numbers import find_numbers

    assert [(m.text, m.value) for m in find_numbers(text, "en")] == found

@settings(max_examples=1500, deadline=None)
@given(st.lists(_TRIGGER_PIECES, max_size=10).map("".join), _LANGS)
def test_strict_trigger_finds_what_the_plain_trigger_finds(text: str, lang) -> None:
    """The strict trigger, its numeral class, its letter runs and str.find candidates, its fallbacks and
    the split scanner give the mentions the plain trigger (every digit, numeral and word prefix tried
    with the whole alternation) gives."""
    from mtcheck import numbers

    assert numbers._find_numbers(text, lang) == numbers._find_numbers(text, lang, hits_of=numbers._loose_hits)


@settings(max_examples=300, deadline=None)
@given(st.text(), _LANGS)
@example("A HALF", None)  # found by hypothesis: the composer read "half" after an article as a magnitude
@example("a half million", "en")
def test_strict_trigger_on_any_text(text: str, lang) -> None:
    from mtcheck import numbers

    assert numbers._find_numbers(text, lang) == numbers._find_numbers(text, lang, hits_of=numbers._loose_hits)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TRIGGER_PIECES, max_size=10).map("".join), _LANGS)
def test_strict_trigger_positions_are_plain_trigger_positions(text: str, lang) -> None:
    from mtcheck import numbers

    key = numbers._lang_key(lang)
    strict = numbers._trigger_hits(text, key)
    assert strict == sorted(set(strict))
    assert set(strict) <= set(numbers._loose_hits(text, key))
    full = numbers._positions(numbers._triggers(key).full, text)
    if "月" not in text and not numbers._CASE_EXOTIC_RE.search(text):  # of a run of digits, only the first
        full = [p for p in full if not ("0" <= text[p] <= "9" and p > 0 and "0" <= text[p - 1] <= "9")]
    assert strict == full


@settings(max_examples=500, deadline=None)
@given(st.lists(_TRIGGER_PIECES, max_size=10).map("".join), _LANGS, st.data())
def test_split_scanner_matches_the_whole_alternation(text: str, lang, data) -> None:
    from mtcheck import numbers

    if not text:
        return
    key = numbers._lang_key(lang)
    digit, zh, letter = numbers._scanners(key)
    p = data.draw(st.integers(0, len(text) - 1))
    ch = text[p]
    part = digit if "0" <= ch <= "9" else zh if ch in numbers._ZH_START else letter
    whole, split = numbers._scanner(key).match(text, p), part.match(text, p)
    assert (whole is None) == (split is None)
    if whole is not None:
        assert (whole.span(), whole.lastgroup) == (split.span(), split.lastgroup)


# What may stand before and after the digits of a number: what every step of the number reader reads.
_AROUND_DIGITS = st.sampled_from([
    "", " ", "  ", "\u00a0", "-", ".", ",", "%", " %", " percent", " Prozent", " million", " Millionen", "bn", "m",
    "k", "M", " mil", "$", "US$", "€", "£", "¥", "EUR ", " dollars", " of dollars", " euros", "元", "美元", "万",
    "亿", "多", "余", "余额", "多万", "千万", "后", "年", "年代", "成", "成为", "倍", "日", "号", "s", "'s", "er", "ern",
    "th", "st", "e", "ème", "ᵉ", "ᵉʳ", "º", "o", "a", "km", "km/h", "G", "x", " feet", " m", " acres", "亩", "米",
    "以上", "左右", "个多", " plus", "-odd", "第", "第 ", "百分之", "about ", "more than ", "约", "G", "COVID-",
    "mi-", ". Die", "\n", "\x00", "é", "(", "x",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_AROUND_DIGITS, st.sampled_from(["0", "1", "7", "26", "1,500", "3.5", "2024", "1990",
                                                          "12 000", "４５"]), _AROUND_DIGITS), max_size=4),
       _LANGS)
def test_plain_number_shortcut_reads_as_the_whole_reader(parts, lang) -> None:
    """The number reader's shortcut for a number with nothing after it that its steps read gives what
    the steps give (they are made to run by an ``_AFTER_NUMBER_RE`` that always matches)."""
    import re

    from mtcheck import numbers

    text = "".join(a + digits + b for a, digits, b in parts)
    fast = numbers._find_numbers(text, lang)
    saved = numbers._AFTER_NUMBER_RE
    numbers._AFTER_NUMBER_RE = re.compile("")
    try:
        slow = numbers._find_numbers(text, lang)
    finally:
        numbers._AFTER_NUMBER_RE = saved
    assert fast == slow


# What lies between the sentences of a document: masked by the finder, so any text at all.
_GAPS = st.sampled_from([" ", "\n", "\n\n", "  ", "。", "5", "a", "a ", " million", "-", "@", "www.", ".", "第",
                         "", "x", "\u00a0", "é", "\x00"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_GAPS, st.lists(_TRIGGER_PIECES, max_size=6).map("".join)), max_size=6), _GAPS, _LANGS)
def test_mentions_by_sentence_are_those_of_each_sentence(parts, tail: str, lang) -> None:
    """One pass over the masked document gives each sentence's own mentions, in document offsets (gaps of
    any text, none, sentences left empty, NUL in the text: the per-sentence reading)."""
    from mtcheck import numbers

    text, spans = "", []
    for gap, sentence in parts:
        text += gap
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    text += tail
    expected = [numbers.shifted_mentions(numbers._find_numbers(text[a:b], lang), a) for a, b in spans]
    assert numbers.find_numbers_by_sentence(text, spans, lang) == expected


def test_mentions_by_sentence_on_a_document() -> None:
    from mtcheck.numbers import find_numbers_by_sentence

    text = "Il a payé 4,5 millions.\nVisitez www.exemple.fr\n« 26 septembre 2024 », dit-il.\n"
    lines = text.splitlines()
    spans = [(text.index(line), text.index(line) + len(line)) for line in lines]
    assert spans == [(0, 23), (24, 46), (47, 77)]
    found = find_numbers_by_sentence(text, spans, "fr")
    assert [[(m.start, m.end, m.text, m.value, m.kind) for m in ms] for ms in found] == [
        [(10, 22, "4,5 millions", 4_500_000, "number")], [], [(49, 66, "26 septembre 2024", 926, "date")]]
    # sentences with no gap between them are read one by one: "ans6" is no identifier there
    assert [[(m.start, m.text) for m in ms] for ms in find_numbers_by_sentence("5 ans6 ans", [(0, 5), (5, 10)], "fr")] == [
        [(0, "5")], [(5, "6")]]


def test_case_exotic_characters_are_all_listed() -> None:
    """Every character that case-insensitive matching equates with a letter of a trigger word although
    str.lower() says otherwise or that is outside _LATIN, and every character that str.lower() moves into
    or out of _LATIN or lengthens, is in _CASE_EXOTIC_RE (the letter-run shortcut is exact without them)."""
    import array
    import re
    import sys

    from mtcheck import numbers

    codes = array.array("I", list(range(0xD800)) + list(range(0xE000, 0x110000)))
    every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    latin = re.compile(f"[{numbers._LATIN}]")
    letters: set[str] = set()
    for key in ("en", "fr", "de", "es", "zh", "*"):
        for word in numbers._triggers(key).tokens | numbers._words_of(key):
            letters |= set(word.lower())
    letters = {c for c in letters if latin.match(c)}
    needed = set()
    for x in letters:
        for c in re.findall("(?i)" + re.escape(x), every):
            if c.lower() != x or not latin.match(c):
                needed.add(c)
    for c in re.findall(r"[^\W\d_]", every):  # the characters with a case are letters
        low = c.lower()
        if low != c and (len(low) != 1 or bool(latin.match(low)) != bool(latin.match(c))):
            needed.add(c)
    listed = set(re.findall(numbers._CASE_EXOTIC_RE, every))
    assert needed <= listed, sorted(needed - listed)
    assert set(re.findall(numbers._ODD_RE, every)) == listed | set(re.findall(numbers._FULLWIDTH_RE, every))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_letter_runs_by_bytes(text: str) -> None:
    import re

    from mtcheck import numbers

    runs = text.encode().translate(numbers._ASCII_RUNS).split()
    assert [r.decode() for r in runs] == re.findall(f"[{numbers._LATIN}]+", text.lower())


_APPROX_PIECES = st.sampled_from([
    "more than", "over", "took", "add", "up to", "some", "for", "about", "environ", "plus de", "plus d'",
    "plus d’", "près de", "etwa", "knapp", "ungefähr", "más de", "约", "大约", "近", "最", "附", "将", "大约有", "约有",
    "超过", "不到", "x", "s", "e", "ſ", "K", "İ", "é", " ", "  ", "\u00a0", "\u202f", "\n", "-", "'", "5", "MORE THAN",
    "약", "계", "최대", "約", "およそ",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_APPROX_PIECES, max_size=7).map("".join), st.integers(0, 2))
def test_approx_before_backwards_is_the_forward_search(text: str, cut: int) -> None:
    """The qualifier read backwards (one anchored match) is the one the forward search with ``$`` finds."""
    import re

    from mtcheck import numbers as n

    forward = re.compile(
        "(?:(?<![" + n._LATIN + "])(?i:(" + n._trie_regex(w for w in n._APPROX_WORD_KIND if w.isascii()) + "))"
        "|(" + n._trie_regex(w for w in n._APPROX_WORD_KIND if not w.isascii()) + f")){n._SP}*$"
    )

    def reference(t: str, start: int):
        window = t[max(0, start - 24):start]
        m = forward.search(window)
        if not m:
            return None
        word = m.group(1) or m.group(2) or ""
        if word == "近" and m.start(2) > 0 and window[m.start(2) - 1] in "最附将接临":
            return None
        if m.start(2) > 0 and "\uac00" <= word[0] <= "\ud7a3" and "\uac00" <= window[m.start(2) - 1] <= "\ud7a3":
            return None
        lowered = word.lower()
        if lowered in n._APPROX_GUARDS and n._APPROX_GUARDS[lowered].search(window[:m.start()]):
            return None
        return n._APPROX_WORD_KIND.get(lowered) or n._APPROX_WORD_KIND.get(word)

    start = max(0, len(text) - cut)
    assert n._approx_before(text, start) == reference(text, start)


def test_no_ascii_qualifier_ends_like_a_non_ascii_one() -> None:
    """What lets the backwards match take the first group that matches instead of the longest."""
    from mtcheck.numbers import _APPROX_WORD_KIND

    ascii_words = [w for w in _APPROX_WORD_KIND if w.isascii()]
    other = [w for w in _APPROX_WORD_KIND if not w.isascii()]
    assert not [(a, b) for a in ascii_words for b in other if a.endswith(b) or b.endswith(a)]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["$", "US$", "HK$", "€", "£", "¥", "￥", "₩", "USD", "EUR", "RMB", "CHF", "GBP",
                                 "JPY", "CNY", "HKD", "D", "F", "x", " ", "\u00a0", "\t", "\n", "5"]),
                max_size=5).map("".join))
def test_currency_prefix_pretest_is_exact(text: str) -> None:
    from mtcheck import numbers

    start = len(text)
    expected = numbers._CURRENCY_PREFIX_RE.search(text[max(0, start - 5):start])
    got = numbers._currency_prefix(text, start)
    assert (got and got.group(0)) == (expected and expected.group(0))


def test_strict_trigger_skips_lone_articles_and_word_prefixes() -> None:
    from mtcheck import numbers

    text = "A man and an army ate apples in August, a million of them, twofold 7"
    hits = numbers._trigger_hits(text, "en")
    assert [text[p:p + 6] for p in hits] == ["August", "a mill", "7"]
    assert numbers._trigger_hits("Il y a deux ans", "fr") == [7]
    assert numbers._trigger_hits("没有上面的数据，首先第x", "zh") == []
    assert numbers._trigger_hits("上千人首届第 三", "zh") == [0, 1, 3, 5, 7]


_FIELD_VALUES = st.tuples(
    st.integers(0, 500), st.integers(0, 500), st.text(max_size=5), st.floats(allow_nan=False),
    st.sampled_from(["number", "date", "time"]), st.sampled_from([None, "about", "more_than"]), st.booleans(),
    st.booleans(), st.none() | st.floats(allow_nan=False), st.sampled_from([None, "USD"]),
    st.none() | st.integers(1800, 2100), st.none() | st.integers(1, 12), st.none() | st.integers(1, 31),
    st.none() | st.integers(0, 24), st.none() | st.integers(0, 59), st.floats(allow_nan=False),
    st.sampled_from([None, "metric"]))


@settings(max_examples=200, deadline=None)
@given(_FIELD_VALUES)
def test_fast_mention_builder_makes_the_dataclass_instance(values) -> None:
    import dataclasses

    from mtcheck import numbers

    assert list(NumberMention.__dataclass_fields__) == [f.name for f in dataclasses.fields(NumberMention)]
    fast, plain = numbers._build_mention(*values), NumberMention(*values)
    assert type(fast) is NumberMention
    assert dataclasses.astuple(fast) == dataclasses.astuple(plain) == values
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert numbers._build_mention(*values[:5]) == NumberMention(*values[:5])


def test_latin_letters_beyond_latin1_are_listed() -> None:
    """The letters of _LATIN beyond Latin-1 are those of _LATIN_BEYOND_LATIN1_RE (all below U+0500), so a
    text without them has Latin-1 letter runs that _LATIN1_RUNS reads from its bytes."""
    import array
    import re
    import sys

    from mtcheck import numbers

    codes = array.array("I", list(range(0x100, 0xD800)) + list(range(0xE000, 0x110000)))
    every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    assert re.findall(f"[{numbers._LATIN}]", every) == numbers._LATIN_BEYOND_LATIN1_RE.findall(every)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZäÄßéÉ€„“’ 1.\u00a0\u0101\u03b1x") | st.text())
def test_latin1_letter_runs_by_bytes(text: str) -> None:
    import re

    from mtcheck import numbers

    low = text.lower()
    if not numbers._LATIN_BEYOND_LATIN1_RE.search(low):
        runs = low.encode("latin-1", "replace").translate(numbers._LATIN1_RUNS).split()
        assert [r.decode("latin-1") for r in runs] == re.findall(f"[{numbers._LATIN}]+", low)


def test_digit_scanner_lookahead_keeps_every_date_and_time() -> None:
    """The digit scanner (its date and time alternatives behind _DATE_TIME_AHEAD) matches as the whole
    alternation after one to five digits followed by every separator, suffix, zone and month name of
    every language, in three cases and after spaces."""
    from mtcheck import numbers

    months = list(numbers._MONTHS) + [a + "." for a in numbers._MONTH_ABBR] + list(numbers._MONTH_CAPITAL_ONLY)
    tails = ["", " ", "\n", ".", "/", "-", ":", ":30", ".30", "h30", " h 30", "h", " h", "H", " Uhr", "Uhr",
             " a.m.", " pm", "pm", " P.M.", "AM", "er", "re", "ère", "ᵉʳ", "º", ".º", " de ", " de mayo", "年",
             " 年", "月", " 月", "时", " 点", "点半", "GMT", " UTC", " CEST", "/12/2020", "-01-02", ".7.", ".07.2020",
             "e", "x", "%", " people", "\u00a0Mio."]
    tails += [sep + m for m in months for sep in ("", " ", "\u00a0", ". ", " de ")]
    tails += [sep + m.upper() for m in months for sep in (" ", "er ")] + [" " + m.capitalize() for m in months]
    for key in ("en", "fr", "de", "es", "zh", "*"):
        whole = numbers._scanner(key)
        digit = numbers._scanners(key)[0]
        for digits in ("5", "15", "123", "2020", "12345", "0"):
            for tail in tails:
                text = digits + tail + " 2021"
                a, b = whole.match(text), digit.match(text)
                assert (a.span(), a.lastgroup) == (b.span(), b.lastgroup), (key, text)


@pytest.mark.parametrize("text, lang, expected", [
    # a month name then a decimal is a month and a number, not a date: "in February 4.3%"
    ("Inflation was in February 4.3%.", "en", [("4.3%", "percent", 4.3)]),
    ("в марте 4,3%", "ru", [("4,3%", "percent", 4.3)]),
    ("w marcu 4,3%", "pl", [("4,3%", "percent", 4.3)]),
    # the date and a date with its year still are
    ("on February 4. Then", "en", [("February 4", "date", 204.0)]),
    ("February 4, 2024", "en", [("February 4, 2024", "date", 204.0)]),
])
def test_month_then_decimal_is_no_date(text, lang, expected):
    assert [(m.text, m.kind, m.value) for m in find_numbers(text, lang)] == expected


@pytest.mark.parametrize("text, lang, approx", [
    # Finnish « alle » is "under"; German „alle“ and Italian « alle » are "all" and "at": no qualifier there
    ("Myrsky vaurioitti alle 300 kotia.", "fi", "less_than"),
    ("Alle 300 kotia vaurioitui.", "fi", "less_than"),
    ("Der Sturm beschädigte alle 300 Häuser.", "de", None),
    ("La riunione inizia alle 15.", "it", None),
    ("Kalle 300", "fi", None),
])
def test_qualifier_read_only_in_its_language(text, lang, approx):
    (mention,) = find_numbers(text, lang)
    assert mention.approx == approx
