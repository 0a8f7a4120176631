"""Segmentation keeps exact offsets, splits lines separately and honours --presegmented."""
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


def test_presegmented_is_one_sentence_per_line():
    text = "  First sentence. Still the first.\n\nSecond line\r\nThird\n"
    sents = split_sentences(text, "en", presegmented=True)
    assert [s.text for s in sents] == ["First sentence. Still the first.", "Second line", "Third"]


def test_word_counts():
    assert count_words("外交部发言人林剑主持例行记者会。", "zh") == 6
    assert count_words("Le porte-parole a tenu une conférence l'après-midi.", "fr") == 7


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\u3002中\u00a0\r\t«»")), max_size=80))
def test_spans_lie_inside_the_text(text):
    for s in split_sentences(text, "fr"):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_markup_does_not_fool_language_detection():
    from mtcheck.langid import detect_document_language

    assert detect_document_language("中方如何推动<script>alert(1)</script><img src=x onerror=alert(1)>落实计划") == "zh"
