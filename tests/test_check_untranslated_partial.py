"""Table tests of untranslated.partial and untranslated.unchanged, and of align.length_ratio."""
from __future__ import annotations

import pytest

from .check_helpers import assert_table, run

PARTIAL = ("untranslated.sentence", "untranslated.partial", "untranslated.unchanged")

CASES = [
    ("English clause left in French", "The minister said the government will review the decision.", "en",
     "Le ministre a dit que the government will review la décision.", "fr",
     [("untranslated.partial", "major", "the government will review")]),
    ("three words: minor", "He said that it was over in the end.", "en",
     "Il a dit que it was over à la fin.", "fr", [("untranslated.partial", "minor", "it was over")]),
    ("a title-case name kept", "The Centers for Disease Control and Prevention is investigating.", "en",
     "Die Centers for Disease Control and Prevention untersuchen den Fall.", "de", []),
    ("German words left in English", "Die Regierung hat sich auf ein neues Gesetz geeinigt.", "de",
     "The government hat sich auf ein new law agreed.", "en",
     [("untranslated.partial", "major", "hat sich auf ein")]),
    ("Han characters copied into English", "外交部发言人林剑在例行记者会上表示。", "zh",
     "Foreign Ministry spokesman 林剑 said at a regular press conference.", "en",
     [("untranslated.partial", "major", "林剑")]),
    ("a name in brackets after its rendering", "外交部发言人林剑在例行记者会上表示。", "zh",
     "Foreign Ministry spokesman Lin Jian (林剑) said at a regular press conference.", "en", []),
    ("identical short sentence with lower-case words", "Live updates from the summit", "en",
     "Live updates from the summit", "de", [("untranslated.sentence", "critical", "Live updates from the summit")]),
    ("identical three-word line next to a translated one", "Thank you all.\n\nThe session is closed.", "en",
     "Thank you all.\n\nLa séance est levée.", "fr", [("untranslated.unchanged", "major", "Thank you all.")]),
    ("identical name", "Angela Merkel", "en", "Angela Merkel", "de", []),
    # Neighbours share function words: only those the target language does not use are evidence
    ("a date written alike in Spanish and Portuguese", "El acto se celebrará el 15 de abril de 2024 en Madrid.", "es",
     "O ato será realizado em 15 de abril de 2024 em Madri.", "pt", []),
    ("Spanish left in Portuguese", "El gobierno revisará el plan la próxima semana, dijo el ministro.", "es",
     "O governo revisará el plan la próxima semana, disse o ministro.", "pt",
     [("untranslated.partial", "major", "revisará el plan la próxima semana")]),
    ("English left in Italian", "The government will review the plan next week, the minister said.", "en",
     "Il governo will review the plan next week, ha detto il ministro.", "it",
     [("untranslated.partial", "major", "will review the plan next week")]),
]


@pytest.mark.parametrize("case_id,src,sl,tgt,tl,expected", CASES, ids=[c[0] for c in CASES])
def test_partial_table(case_id, src, sl, tgt, tl, expected):
    assert_table(PARTIAL, src, sl, tgt, tl, expected)


def test_length_ratio_outlier_against_the_pairs_own_ratio():
    src = "\n\n".join([
        "会议在北京举行。", "天气炎热。", "洪水已经退去。", "市场保持稳定。",
        "他表示同意。",
    ])
    tgt = "\n\n".join([
        "The meeting was held in Beijing.", "The weather is hot.", "The flood has receded.",
        "Markets remained stable.",
        "He said he agreed, adding that the government would spend the next several months consulting every "
        "province, every city and every county before deciding anything at all about the future plan.",
    ])
    issues, source, target = run(src, "zh", tgt, "en", ("align.length_ratio",))
    assert [(i.check, i.severity.value, target.text[i.target_span.start:i.target_span.end][:26]) for i in issues] == [
        ("align.length_ratio", "minor", "He said he agreed, adding ")]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mtcheck.checks import untranslated  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["the", "of", "an", "was", "a", "The", "them", "x", "-", "'", "’", "é", "2", "_", " ",
                                 "will", "an-", "’s", "in"]), max_size=30).map("".join))
def test_function_word_pattern_counts_what_the_word_list_holds(text):
    """_words_re finds the words of a set where _WORD_SPAN_RE's words are in it, and nowhere else."""
    own = untranslated.FUNCTION_WORDS["en"] - untranslated.FUNCTION_WORDS["de"]
    want = [w for w in untranslated._WORD_SPAN_RE.findall(text) if w in own]
    assert untranslated._words_re(frozenset(own)).findall(text) == want


_PIECES = ["the", "of", "an", "was", "a", "The", "them", "x", "-", "'", "’", "é", "2", "_", " ", "\n", "will", "an-",
           "’s", "in", "der"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join), min_size=1, max_size=6),
       st.lists(st.lists(st.integers(-1, 6), max_size=3).map(tuple), max_size=6))
def test_beads_with_two_function_words_as_each_side_searched_twice(sentences, targets):
    """The beads ``_beads_with_two`` keeps (one pass over the joined sentences) are those whose target side,
    searched on its own, holds a match and another after it (as the check once searched every side)."""
    from mtcheck.checks.data import bead_sides
    from mtcheck.checks.registry import CheckContext
    from mtcheck.config import Config
    from mtcheck.types import Bead

    from .check_helpers import doc_of_lines

    target = doc_of_lines(sentences, "de")
    source = doc_of_lines(["x"] * 7, "en")
    alignment = tuple(Bead((0,), t) for t in targets)
    ctx = CheckContext(source=source, target=target, alignment=alignment, config=Config())
    own_re = untranslated._words_re(frozenset(untranslated.FUNCTION_WORDS["en"] - untranslated.FUNCTION_WORDS["de"]))

    def two(text):
        first = own_re.search(text)
        return first is not None and own_re.search(text, first.end()) is not None

    want = [found[0] for found in bead_sides(ctx) if two(found[3].text)]
    assert [found[0] for found in untranslated._beads_with_two(ctx, own_re)] == want
