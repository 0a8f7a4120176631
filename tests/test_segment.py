"""Segmentation keeps exact offsets, splits lines separately and honours --presegmented."""
import pytest
from hypothesis import given, strategies as st

from mtcheck.segment import count_words, split_sentences

TEXT = (
    "Le plan inclusif avance\n\n2024-09-26\n\n"
    "Le 26 septembre, M. Lin Jian a tenu une conférence. Un journaliste a demandé : pourquoi ?\n"
    "Par Chen Qinhan\n"
)


def test_lines_and_paragraphs_are_units_with_exact_offsets():
    sents = split_sentences(TEXT, "fr")
    assert [s.text for s in sents] == [
        "Le plan inclusif avance",
        "2024-09-26",
        "Le 26 septembre, M. Lin Jian a tenu une conférence.",
        "Un journaliste a demandé : pourquoi ?",
        "Par Chen Qinhan",
    ]
    assert [s.paragraph for s in sents] == [0, 1, 2, 2, 2]
    assert [s.line for s in sents] == [0, 1, 2, 2, 3]
    for s in sents:
        assert TEXT[s.start:s.end] == s.text


def test_chinese_sentences():
    text = "中方如何推动落实？外交部回应澎湃新闻\n9月26日，外交部发言人林剑主持例行记者会。塞尔维亚总统武契奇与会。"
    assert [s.text for s in split_sentences(text, "zh")] == [
        "中方如何推动落实？", "外交部回应澎湃新闻", "9月26日，外交部发言人林剑主持例行记者会。", "塞尔维亚总统武契奇与会。",
    ]


@pytest.mark.parametrize("text, lang, expected", [
    # sentencex ends a Norwegian or Swedish sentence after the ordinal's dot; the month goes on it
    ("Loven trer i kraft 1. desember. Det sa statsministeren.", "no",
     ["Loven trer i kraft 1. desember.", "Det sa statsministeren."]),
    ("Lagen gäller från 1. december.", "sv", ["Lagen gäller från 1. december."]),
    ("Loven træder i kraft 1. december. Det sagde ministeren.", "da",
     ["Loven træder i kraft 1. december.", "Det sagde ministeren."]),
    # a capital after the number's dot is a new sentence
    ("He won in round 3. Then he left.", "en", ["He won in round 3.", "Then he left."]),
    # a decimal's dot is no ordinal's
    ("Kursen steg med 2,5. etterpå falt den.", "no", ["Kursen steg med 2,5.", "etterpå falt den."]),
    # Hungarian writes the year with a dot before the month
    ("A NATO 2024. április 15-én csúcsot tart. Ezt a szóvivő mondta.", "hu",
     ["A NATO 2024. április 15-én csúcsot tart.", "Ezt a szóvivő mondta."]),
    ("Banka očekuje da će gospodarstvo 2024. porasti za 1,2 posto. To je rekao guverner.", "hr",
     ["Banka očekuje da će gospodarstvo 2024. porasti za 1,2 posto.", "To je rekao guverner."]),
    # elsewhere a year's dot ends a sentence, whatever follows
    ("Prices rose in 2024. inflation fell.", "en", ["Prices rose in 2024.", "inflation fell."]),
    # a month after the ordinal's dot is the date's, whatever its case (German writes it with a capital,
    # and sentencex cut „am 3.“ off „März, einem Sonntag“)
    ("Am 3. März, einem Sonntag, kam er. Dann ging er.", "de", ["Am 3. März, einem Sonntag, kam er.", "Dann ging er."]),
    ("Sie werden am Dienstag, dem 28. Juli, und Mittwoch, dem 29. Juli, getestet.", "de",
     ["Sie werden am Dienstag, dem 28. Juli, und Mittwoch, dem 29. Juli, getestet."]),
    ("Fakhfakhs Rücktritt am 15. Juli, nach weniger als 5 Monaten im Amt, bedrohte die Regierung.", "de",
     ["Fakhfakhs Rücktritt am 15. Juli, nach weniger als 5 Monaten im Amt, bedrohte die Regierung."]),
    # German capitalises nouns: an ordinal after an article or a possessive goes on, whatever follows
    ("Aston Villa traf in der 84. Minute. Dann kam der Regen.", "de",
     ["Aston Villa traf in der 84. Minute.", "Dann kam der Regen."]),
    ("Eine Moschee aus dem 16. Jahrhundert wurde zerstört.", "de", ["Eine Moschee aus dem 16. Jahrhundert wurde zerstört."]),
    ("Brian May feierte seinen 73. Geburtstag.", "de", ["Brian May feierte seinen 73. Geburtstag."]),
    ("Das Treffen beginnt um 8. Danach gibt es Essen.", "de", ["Das Treffen beginnt um 8.", "Danach gibt es Essen."]),
    # an abbreviation in lower case before a word in lower case, or one written before a number before a digit
    ("W 2023 r. inflacja wzrosła. Bank podniósł stopy.", "pl", ["W 2023 r. inflacja wzrosła.", "Bank podniósł stopy."]),
    ("Protestowało ok. 25 tys. osób, m.in. studenci.", "pl", ["Protestowało ok. 25 tys. osób, m.in. studenci."]),
    ("Asistieron aprox. 300 personas. Luego se fueron.", "es", ["Asistieron aprox. 300 personas.", "Luego se fueron."]),
    ("Er kwamen o.a. studenten. Daarna vertrokken ze.", "nl", ["Er kwamen o.a. studenten.", "Daarna vertrokken ze."]),
    ("Выросла на 3 млн. руб. в год. Потом упала.", "ru", ["Выросла на 3 млн. руб. в год.", "Потом упала."]),
    ("Costó 3,5 mill. de euros.", "es", ["Costó 3,5 mill. de euros."]),
    ("Les É.-U. ont dit non. Puis ils sont partis.", "fr", ["Les É.-U. ont dit non.", "Puis ils sont partis."]),
    ("Enligt SCB, dvs. myndigheten, växte BNP. Sedan föll den.", "sv",
     ["Enligt SCB, dvs. myndigheten, växte BNP.", "Sedan föll den."]),
    ("Flere byer, f.eks. Oslo og Bergen, vokste.", "no", ["Flere byer, f.eks. Oslo og Bergen, vokste."]),
    ("Mötet börjar kl. 9.15. Sedan går vi hem.", "sv", ["Mötet börjar kl. 9.15.", "Sedan går vi hem."]),
    ("Tại TP.HCM, giá nhà tăng 5%. Người dân lo lắng.", "vi", ["Tại TP.HCM, giá nhà tăng 5%.", "Người dân lo lắng."]),
    ("It rained 50 mm. The river rose.", "en", ["It rained 50 mm.", "The river rose."]),
    # a quotation continued by its quotative particle; an initial right after Chinese punctuation
    ("彼は「勝つ。」と言った。そして去った。", "ja", ["彼は「勝つ。」と言った。", "そして去った。"]),
    ("그는 \"이길 것이다.\"라고 말했다. 그리고 떠났다.", "ko", ["그는 \"이길 것이다.\"라고 말했다.", "그리고 떠났다."]),
    ("据新华社报道，U.S.经济增长2.1%。", "zh", ["据新华社报道，U.S.经济增长2.1%。"]),
    ("他说：“我们会赢。”然后他离开了。", "zh", ["他说：“我们会赢。”", "然后他离开了。"]),
    ("Selon l'art. 5 de la loi, il part.", "fr", ["Selon l'art. 5 de la loi, il part."]),
    # titles and ranks before a name (AP: Atty. Gen.; German Fa. for Firma; Dutch, Polish)
    ("Gov. Gavin Newsom met Atty. Gen. Rob Bonta.", "en", ["Gov. Gavin Newsom met Atty. Gen. Rob Bonta."]),
    ("Prof. Dr. Müller sagte, die Fa. Siemens sei gut.", "de", ["Prof. Dr. Müller sagte, die Fa. Siemens sei gut."]),
    ("Dhr. Jansen zei dat mevr. De Vries kwam.", "nl", ["Dhr. Jansen zei dat mevr. De Vries kwam."]),
    ("Dr hab. Jan Kowalski powiedział to.", "pl", ["Dr hab. Jan Kowalski powiedział to."]),
    # a.m. and p.m. before a weekday, a month or a time zone (AP style); a German magnitude before its currency
    ("They met at 9 a.m. Monday in St. Louis.", "en", ["They met at 9 a.m. Monday in St. Louis."]),
    ("It starts at 3:30 p.m. EDT on Friday.", "en", ["It starts at 3:30 p.m. EDT on Friday."]),
    ("The meeting began at 9 a.m. The president spoke.", "en", ["The meeting began at 9 a.m.", "The president spoke."]),
    ("Es kostet 4,5 Mio. Dollar und 3 Tsd. Euro. Das sagte er.", "de",
     ["Es kostet 4,5 Mio. Dollar und 3 Tsd. Euro.", "Das sagte er."]),
    # a sentence may open with a digit, or with a name in lower case, and a text that lost its casing opens
    # every sentence in lower case
    ("le porte-parole a dit. le plan avance.", "fr", ["le porte-parole a dit.", "le plan avance."]),
    ("He bought it. 25 people came.", "en", ["He bought it.", "25 people came."]),
    ("The plan failed. iPhone sales rose.", "en", ["The plan failed.", "iPhone sales rose."]),
    # no month after the dot: a new sentence; English has no ordinal dot, and « March » may open one
    ("Er wurde 3. Dann ging er.", "de", ["Er wurde 3.", "Dann ging er."]),
    ("He finished 3. March was cold.", "en", ["He finished 3.", "March was cold."]),
    # a dateline's agency after a date with an ordinal dot
    ("STOCKHOLM, március 3. (Reuters) - Az EKB emelte a kamatot.", "hu",
     ["STOCKHOLM, március 3. (Reuters) - Az EKB emelte a kamatot."]),
    ("COSTA MESA, Kalifornien. (AP) - Die Chargers haben unterschrieben.", "de",
     ["COSTA MESA, Kalifornien. (AP) - Die Chargers haben unterschrieben."]),
])
def test_dots_that_end_no_sentence_go_on(text, lang, expected):
    assert [s.text for s in split_sentences(text, lang)] == expected


def test_presegmented_is_one_sentence_per_line():
    text = "  First sentence. Still the first.\n\nSecond line\r\nThird\n"
    sents = split_sentences(text, "en", presegmented=True)
    assert [s.text for s in sents] == ["First sentence. Still the first.", "Second line", "Third"]


def test_word_counts():
    assert count_words("外交部发言人林剑主持例行记者会。", "zh") == 6
    assert count_words("Le porte-parole a tenu une conférence l'après-midi.", "fr") == 7
    # vowel signs and points are part of their word (``\w`` leaves them out): four Hindi words, three French
    # words written decomposed (e + U+0301), two Hebrew words with points
    assert count_words("की कीमतों में वृद्धि", "hi") == 4
    assert count_words("cafe\u0301 au lait", "fr") == 3
    assert count_words("הוּא אָמַר", "he") == 2


def jieba_words(text):
    """The reference: jieba.tokenize's tokens that hold a letter or a digit."""
    from mtcheck.segment import _jieba

    return [(start, end) for word, start, end in _jieba().tokenize(text) if any(ch.isalnum() for ch in word)]


@pytest.mark.parametrize("text", [
    "外交部发言人林剑主持例行记者会。\n\n他说.下一句，5G网络、3.5万元%和H5N1-病毒。",
    "Ｆｕｌｌ　ｗｉｄｔｈ１２３ 和 café été\r\n“引号”里的English words and 123",
    "", "  \n ", "İstanbul和Straße·中文", "𠀀𠀁和\ud800字\x00中文",
])
def test_chinese_words_are_jiebas(text):
    """word_tokens and count_words give jieba's tokens that hold a letter or a digit, whatever the text
    holds: white space, full-width forms, letters outside jieba's blocks, characters beyond U+FFFF, a lone
    surrogate, NUL."""
    from mtcheck.segment import word_tokens

    assert word_tokens(text, "zh") == jieba_words(text)
    assert count_words(text, "zh") == len(jieba_words(text))
    assert count_words(text, "en") == len(word_tokens(text, "en"))


def test_chinese_word_count_exact_and_kept_per_line(monkeypatch):
    """A Chinese text's count is the sum of its lines' (no jieba token spans a line break); each line is
    counted once per process, the new lines of a text in one call."""
    from mtcheck import segment
    from mtcheck.terms import zh

    text = "他说，外交部发言人林剑主持例行记者会。他说，5G网络"
    assert segment.word_tokens(text, "zh") == [(0, 1), (1, 2), (3, 6), (6, 9), (9, 11), (11, 13), (13, 15),
                                               (15, 18), (19, 20), (20, 21), (22, 24), (24, 26)]
    segment.clear_text_caches()
    calls = []
    counts = zh.line_word_counts
    monkeypatch.setattr(zh, "line_word_counts", lambda lines: calls.append(list(lines)) or counts(lines))
    # 他/说 外交部/发言人/林剑/主持/例行/记者会 他/说 5G/网络
    assert count_words(text, "zh") == 12
    longer = text + "\n\n" + text + "\r\n下一行"
    assert count_words(longer, "zh") == 12 + 12 + 2 == len(jieba_words(longer))  # 下/一行; \r\n holds none
    assert count_words("下一行", "zh") == 2
    assert calls == [[text], ["", text + "\r", "下一行"]]
    assert segment._LINE_WORDS == {text: 12, "": 0, text + "\r": 12, "下一行": 2}


def test_lines_are_split_once_per_process():
    from mtcheck import segment

    line = "M. de Villepin est arrivé. Il a parlé. Puis il est parti."
    first = segment.split_line(line, "fr-FR")
    assert first == [(0, 27), (27, 39), (39, 57)]  # « M. » does not end a sentence (ends hold the space)
    hits = segment._split_line.cache_info().hits
    first.append((0, 0))  # the caller's list
    assert segment.split_line(line, "fr") == [(0, 27), (27, 39), (39, 57)]
    assert segment._split_line.cache_info().hits == hits + 1
    assert segment.split_line(line, "fr") == segment._split_line_uncached(line, "fr")


def test_text_caches_are_registered_and_cleared_together():
    from mtcheck import segment
    from mtcheck.checks import entities, untranslated
    from mtcheck.numbers import _find_numbers_cached

    from mtcheck.checks.casing import _name_candidates

    for cached in (segment._split_line, _find_numbers_cached, untranslated._prepare, untranslated._same_words,
                   entities._masked_links, entities._items, entities._norm_ident, entities._is_headline_caps,
                   _name_candidates):
        assert cached in segment._TEXT_CACHES
    entities._masked_links("see www.example.org")
    assert entities._masked_links.cache_info().currsize >= 1
    count_words("他说", "zh")
    assert segment._LINE_WORDS
    segment.clear_text_caches()
    assert all(c.cache_info().currsize == 0 for c in segment._TEXT_CACHES)
    assert not segment._LINE_WORDS
    untranslated._judge("It aims to close the intelligence gap between the countries.", "fr", "en", ("fr", "en"), None)
    assert untranslated._ANSWERS
    segment.clear_text_caches()
    assert not untranslated._ANSWERS


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\u3002中\u00a0\r\t«»")), max_size=80))
def test_spans_lie_inside_the_text(text):
    for s in split_sentences(text, "fr"):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_markup_does_not_fool_language_detection():
    from mtcheck.langid import detect_document_language

    assert detect_document_language("中方如何推动<script>alert(1)</script><img src=x onerror=alert(1)>落实计划") == "zh"


def test_strip_chars_are_every_space_the_splitter_strips():
    """``_strip`` strips ``_STRIP_CHARS``: str.isspace's characters (every code point checked), _WS and U+200B."""
    import sys

    from mtcheck.segment import _STRIP_CHARS, _WS

    want = {chr(o) for o in range(sys.maxunicode + 1) if chr(o).isspace() or chr(o) in _WS or o == 0x200B}
    assert set(_STRIP_CHARS) == want


def _split_reference(text, presegmented=True):  # type: ignore[no-untyped-def]
    """split_sentences(text, "en", presegmented) as written before ``_STRIP_CHARS``: character loops."""
    import re

    from mtcheck.segment import _WS, split_line
    from mtcheck.types import Sentence

    out, paragraph, prev_end, first, line_no = [], 0, 0, True, 0
    for m in re.finditer(r"[^\r\n\u2028\u2029\x85]+", text):
        start, end = m.span()
        if not m.group().strip(_WS + "\u200b"):
            continue
        if not first:
            gap = text[prev_end:start]
            newlines = gap.count("\n") + gap.count("\u2029") + (gap.count("\r") if "\n" not in gap else 0)
            if newlines >= 2 or "\u2029" in gap:
                paragraph += 1
        first, prev_end = False, end
        for a, b in [(0, end - start)] if presegmented else split_line(text[start:end], "en"):
            s, e = start + a, start + b
            while s < e and (text[s].isspace() or text[s] in _WS or text[s] == "\u200b"):
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] in _WS or text[e - 1] == "\u200b"):
                e -= 1
            if s < e:
                out.append(Sentence(s, e, text[s:e], paragraph, line_no))
        line_no += 1
    return tuple(out)


@given(st.lists(st.sampled_from(["a b", " x ", "\u3000中文\u200b", "\x1c", "\u00a0", "", "\u2029", "\r", "Ok.",
                                 "\x85", "\t\u2028y", "Dr. Who came. \u00a0He left! ", " A. Smith left.\u200b"]),
                max_size=8).map("\n".join), st.booleans())
def test_lines_as_the_character_loops_give_them(text, presegmented):
    assert split_sentences(text, "en", presegmented=presegmented) == _split_reference(text, presegmented)


@given(st.text(alphabet=st.sampled_from(list("ab_1 -'’.\t\n²éÿ×") + ["\u00a0", "\u0101", "中"]), max_size=30))
def test_latin1_word_count_is_the_pattern_s(text):
    """The count read off a Latin-1 text's bytes (’ read as ') is the number of matches of the word pattern; a
    text beyond Latin-1 is left to the pattern."""
    from mtcheck import segment

    found = segment._latin1_word_count(text)
    if text.replace("’", "'").isascii() or max(text.replace("’", "'")) <= "\xff":
        assert found == len(segment._WORD_RE.findall(text))
    else:
        assert found is None
    assert count_words(text, "en") == len(segment._WORD_RE.findall(text))


@given(st.lists(st.sampled_from(list("ab 中.\n\t\x1c\x0b") + ["\u3000", "\u200b", "\u00a0", "\u1680", "\n\n"]),
                max_size=40).map("".join))
def test_presegmented_lines_are_the_line_reader_s(text):
    """A presegmented text whose only line break is \\n is read from ``str.split`` (its sentences, offsets,
    paragraphs and lines as the reader of every line break gives them)."""
    from mtcheck import segment

    assert segment._presegmented_lines(text) == segment._split_lines(text, "en", True)
    assert split_sentences(text, "en", presegmented=True) == segment._split_lines(text, "en", True)
