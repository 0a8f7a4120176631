"""The checks' fast paths give exactly what the plain definitions they replace give.

Each shortcut (a literal trie for an alternation, a URL hint without a scan, a pattern that tests its first
letter before its lookbehind, a precheck that proves a pattern cannot match) is compared with the plain
definition on generated texts, and on a few written cases with the exact expected result.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.checks import entities
from mtcheck.checks.casing import _START_MARKERS, _name_candidates
from mtcheck.checks.data import WORD_RE, UrlHint, literal_trie
from mtcheck.checks.repetition import _REPEAT_RE, may_repeat, normalise_sentence

# --- literal trie -------------------------------------------------------------------------------------


def _alternation(words: list[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def test_literal_trie_written_cases() -> None:
    rx = re.compile(literal_trie(["Eng", "English", "Español", "Es"]))
    assert rx.pattern == "E(?:ng(?:lish)?|s(?:pañol)?)"
    assert [m.group() for m in rx.finditer("EnglishEspañol Engl Es")] == ["English", "Español", "Eng", "Es"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB. ", min_size=1, max_size=5), min_size=1, max_size=10),
       st.lists(st.text(alphabet="abAB. x", max_size=30), min_size=1, max_size=10))
def test_literal_trie_matches_the_longest_first_alternation(words: list[str], texts: list[str]) -> None:
    trie, alternation = re.compile(literal_trie(words)), _alternation(words)
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]


# --- URL hints ----------------------------------------------------------------------------------------

_TLDS = ("com", "org", "net", "cn", "fr", "de", "uk", "io")


def test_url_hint_written_cases() -> None:
    hint = UrlHint(_TLDS, "@#")
    assert [hint(t) for t in ("Voir lemonde.fr.", "Il est 9 h.", "WWW. ok", "a.Com", "x.İo", "@afp", "Fin. Début")] == \
        [True, False, True, True, True, True, False]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("wW.:/@#comCOMfrFRdeiIİıſ\u212akKuUjpJPhsnN xé"), max_size=20))
def test_url_hint_answers_as_the_pattern_does(text: str) -> None:
    hint = UrlHint(_TLDS, "@#")
    assert hint(text) == bool(hint.pattern.search(text))
    plain = UrlHint(_TLDS)
    assert plain(text) == bool(re.search(r"://|www\.|\.(?:" + "|".join(_TLDS) + ")", text, re.IGNORECASE))


# --- patterns that test their first letter before the lookbehind ---------------------------------------

_OLD_ACRONYM = re.compile(r"(?<![A-Za-z0-9&.'’-])[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*(?:-[0-9]+)?(?![A-Za-z0-9&])")
_OLD_CAP_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?(?![\w'’-])")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("AaBbZzÉéß-'’. &1_\n0"), max_size=16))
def test_reordered_patterns_match_alike(text: str) -> None:
    assert [m.span() for m in entities._ACRONYM_RE.finditer(text)] == [m.span() for m in _OLD_ACRONYM.finditer(text)]
    assert [m.span() for m in entities._CAP_WORD_RE.finditer(text)] == [m.span() for m in _OLD_CAP_WORD.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abAB", min_size=1, max_size=3), st.text(alphabet=list("aAbBİıſKkS sé1_-\n"), max_size=10))
def test_whole_word_pattern_matches_alike(word: str, text: str) -> None:
    old = re.compile(r"(?<![\w])" + re.escape(word) + r"(?![\w])", re.IGNORECASE).search(text)
    new = entities._whole_word_regex(word).search(text)
    assert (old and old.span()) == (new and new.span())


def test_whole_word_written_cases() -> None:
    assert entities._word_in("Merkel", "Angela merkel a dit") is True
    assert entities._word_in("Merkel", "Merkels Partei") is False
    assert entities._word_in("NATO", "die NATO-Staaten") is True


# --- prechecks and rewritten helpers -------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "A", "b", "the", "The", "x-y", "l’a", ",", ".", "  ", "1"]), max_size=30))
def test_may_repeat_never_hides_a_repetition(words: list[str]) -> None:
    text = " ".join(words)
    if _REPEAT_RE.search(text):
        assert may_repeat(text)


def test_may_repeat_written_cases() -> None:
    assert may_repeat("il a dit que que le plan") is True
    assert may_repeat("in the city in the city") is True
    assert may_repeat("the plan of the government") is False


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list(" \t\n\u00a0\u2003\u3000\x1c\x85.。!?！？…\"'“”«»„aBcßİΣ中"), max_size=30))
def test_normalise_sentence_as_with_re(text: str) -> None:
    old = re.sub(r"\s+", " ", text.casefold()).strip(" .。!?！？…\"'“”«»„")
    assert normalise_sentence(text) == old


def _old_name_candidates(text: str) -> tuple:
    words = list(WORD_RE.finditer(text))
    letters = list(filter(str.isalpha, text))
    if letters and sum(map(str.isupper, letters)) / len(letters) > 0.5:
        return ()
    out = []
    for k, m in enumerate(words):
        word = m.group()
        if k == 0 or not word[0].isupper() or len(word) < 2:
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in _START_MARKERS:
            continue
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        gap = text[m.end() : words[k + 1].start()] if k + 1 < len(words) else ""
        if nxt and nxt[0].isupper() and gap.strip() == "":
            continue
        out.append((word.lower(), word))
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "Ab", "the", "The", "X", "x-Y", "l’Europe", "'Eu", "-Pierre", "Jean-Pierre",
                                 "É", "été", "ǅx", ",", ".", ":", " ", "\u00a0", "1", "A1", "(", "«", "_A", "x--Y",
                                 "'", "\n", "AB CD"]), max_size=25))
def test_name_candidates_as_before(parts: list[str]) -> None:
    for sep in ("", " "):
        text = sep.join(parts)
        assert _name_candidates.__wrapped__(text) == _old_name_candidates(text)


def test_name_candidates_written_case() -> None:
    assert _name_candidates("The plan of President Xi Jinping reached Beijing on Tuesday.") == (
        ("jinping", "Jinping"), ("beijing", "Beijing"), ("tuesday", "Tuesday"))
