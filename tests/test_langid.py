"""langid's fast paths give what the slow ones give.

- ``rules_out`` walks py3langid's byte automaton for many texts at once: exact only because the
  installed model's automaton is 6-definite with a reset byte, proved here on the model itself;
- its error bound never rules out a wrong language py3langid would report (hypothesis, and thresholds
  set at py3langid's own probabilities);
- ``has_letter`` and ``only_scripts`` (regexes) agree with ``script_of`` on every character.
"""
from __future__ import annotations

import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import langid


def _labels(nextmove: np.ndarray, rowbase: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Breadth-first labels of the states: depth and the label's bytes packed big-endian (the first
    string found that leads the start state there)."""
    depth = np.full(len(rowbase), -1, dtype=np.int64)
    label = np.zeros(len(rowbase), dtype=np.int64)
    depth[0] = 0
    frontier = np.array([0])
    every = np.arange(256)
    while len(frontier):
        reached = nextmove[rowbase[frontier][:, None] + every[None, :]].reshape(-1)
        parent, byte = np.repeat(frontier, 256), np.tile(every, len(frontier))
        new = depth[reached] < 0
        reached, first = np.unique(reached[new], return_index=True)
        parent, byte = parent[new][first], byte[new][first]
        depth[reached] = depth[parent] + 1
        label[reached] = (label[parent] << 8) | byte
        frontier = reached
    return depth, label


def test_model_automaton_is_definite_with_a_reset_byte():
    """The proof behind ``rules_out``'s walk, on the installed model.

    With L the set of breadth-first labels (prefix-closed, label(s) leads the start state to s) and
    g(s) the state the label of s without its first byte leads to, we check for every state s and
    byte b: δ(s, b) has the label label(s)+b, or (s not the start) δ(s, b) = δ(g(s), b), or (s the
    start) δ(s, b) is the start. By induction on the text, the state after any text x is then the
    state of the longest suffix of x in L (Aho-Corasick's invariant): it depends on the last
    max|label| bytes of x only, and that maximum is 6. Byte 0xFF leads every state to the start
    state, which emits no feature. Finally the model's digest is among those ``rules_out`` trusts."""
    ident = langid._identifier()
    nextmove = np.asarray(ident.tk_nextmove).astype(np.int64)
    rowbase = np.asarray(ident.tk_row, dtype=np.int64) << 8
    depth, label = _labels(nextmove, rowbase)
    assert (depth >= 0).all()  # every state reachable
    assert int(depth.max()) == langid._DEFINITE
    # g(s): walk label(s)[1:] from the start state
    tail = np.maximum(depth - 1, 0)
    g = np.zeros(len(rowbase), dtype=np.int64)
    for j in range(langid._DEFINITE - 1):
        active = tail > j
        byte = (label >> np.where(active, 8 * (tail - 1 - j), 0)) & 255
        g = np.where(active, nextmove[rowbase[g] + byte], g)
    every = np.arange(256)[None, :]
    for low in range(0, len(rowbase), 8192):
        s = np.arange(low, min(len(rowbase), low + 8192))
        t = nextmove[rowbase[s][:, None] + every]
        child = (depth[t] == depth[s][:, None] + 1) & (label[t] == ((label[s][:, None] << 8) | every))
        failed_over = (t == nextmove[rowbase[g[s]][:, None] + every]) & (s != 0)[:, None]
        start = (s == 0)[:, None] & (t == 0)
        assert (child | failed_over | start).all()
    assert (nextmove[rowbase + langid._RESET] == 0).all() and ident.tk_output[0] < 0
    assert len(ident.tk_output) < 1 << langid._FEATURE_BITS
    assert langid.model_digest() in langid.VERIFIED_MODELS, (
        f"the installed py3langid model passes: add {langid.model_digest()} to langid.VERIFIED_MODELS")


LANGS = ("de", "en", "es", "fr")
WORDS = {
    "en": "the government said on Monday that it will review the plan with its partners after talks".split(),
    "fr": "le gouvernement a annoncé lundi qu'il allait revoir le plan avec ses partenaires après".split(),
    "de": "die Regierung hat am Montag gesagt dass sie den Plan mit ihren Partnern prüfen wird".split(),
    "es": "el gobierno dijo el lunes que revisará el plan con sus socios después de las conversaciones".split(),
}
ALL_WORDS = sorted({w for ws in WORDS.values() for w in ws})
texts = st.lists(st.sampled_from(ALL_WORDS) | st.text(alphabet="abcdeéèüöß'’- ,.?!AZ0123«»“”", max_size=8),
                 min_size=0, max_size=25).map(" ".join)


def _wrong(text: str, lang: str, threshold: float) -> bool:
    found, prob = langid.restricted_classify(text, LANGS)
    return found != lang and prob >= threshold


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6), st.sampled_from(LANGS), st.sampled_from([0.5, 0.9, 0.99]))
def test_rules_out_never_hides_a_wrong_language(batch, lang, threshold):
    ruled = langid.rules_out(batch, LANGS, lang, threshold)
    assert len(ruled) == len(batch)
    for text, out in zip(batch, ruled):
        assert not (out and _wrong(text, lang, threshold))
    # a text's answer does not depend on the others in its batch
    assert ruled == [langid.rules_out([t], LANGS, lang, threshold)[0] for t in batch]


def test_rules_out_at_py3langids_own_probabilities():
    """Thresholds set at (and just below) the probability py3langid gives a wrong language: the bound
    never rules it out. A little above it, where the wrong language and ``lang`` share the probability,
    it rules it out (the bound is close)."""
    ident = langid._restricted(LANGS)
    cases = [" ".join(WORDS[a][: k] + WORDS[b][k:]) for a in WORDS for b in WORDS for k in (2, 5, 8, 11)]
    cases += [" ".join(ws) for ws in WORDS.values()] + ["", "   ", "12 345", "Ok"]
    close = 0
    for lang in LANGS:
        for text in cases:
            probs = dict(zip(ident.nb_classes, map(float, ident._decide(text))))
            wrong, prob = max(((c, p) for c, p in probs.items() if c != lang), key=lambda cp: cp[1])
            if not 0.25 < prob < 1.0:
                continue
            for at in (prob, np.nextafter(prob, 0.0), prob * (1 - 1e-6)):
                assert langid.rules_out([text], LANGS, lang, float(at)) == [False], (text, lang, at)
            if probs[lang] + prob > 0.999:
                close += 1
                assert langid.rules_out([text], LANGS, lang, prob * 1.01 + 1e-3) == [True], (text, lang)
    assert close >= 20


def test_rules_out_on_the_bench_sentences_agrees_with_py3langid():
    news = [
        "The plan was announced on Monday and it aims to close the gap between countries.",
        "Le plan a été annoncé lundi et il vise à combler le fossé entre les pays.",
        "Der Plan wurde am Montag angekündigt und soll die Lücke zwischen den Ländern schließen.",
        "El plan se anunció el lunes y pretende cerrar la brecha entre los países.",
    ]
    assert langid.rules_out(news, LANGS, "en", 0.9) == [True, False, False, False]
    assert [langid.restricted_classify(t, LANGS)[0] for t in news] == ["en", "fr", "de", "es"]
    assert langid.rules_out([], LANGS, "en", 0.9) == []
    assert langid.rules_out(news, LANGS, "it", 0.9) == [False] * 4  # not among the languages: no bound


def test_has_letter_and_only_scripts_on_every_character():
    """The regexes behind ``has_letter`` and ``only_scripts`` see every character with a script."""
    chars = [chr(o) for o in range(sys.maxunicode + 1) if not 0xD800 <= o <= 0xDFFF]
    with_script = [ch for ch in chars if langid.script_of.__wrapped__(ch)]
    assert all(langid._LETTERISH_RE.match(ch) for ch in with_script)
    for scripts in (frozenset({"Latin"}), frozenset({"Han"}), frozenset(langid.scripts_of_lang("ja"))):
        outside = langid._outside_re(scripts)
        missed = [ch for ch in with_script if langid.script_of.__wrapped__(ch) not in scripts and not outside.match(ch)]
        assert missed == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ 12,.人工智能カタかなабв한국αβ ءאﬀ²½ſK") + ["\U00017000", "\u0e01"]),
               max_size=40),
       st.sampled_from(["en", "zh", "ja", "ru", "ko", "xx"]))
def test_has_letter_and_only_scripts_match_script_of(text, lang):
    scripts = frozenset(langid.scripts_of_lang(lang))
    found = [langid.script_of(ch) for ch in text if langid.script_of(ch)]
    assert langid.has_letter(text) == bool(found)
    assert langid.only_scripts(text, scripts) == all(s in scripts for s in found)


@pytest.mark.parametrize("text, candidates, expected", [
    ("人工智能能力建设普惠计划将于明年启动。", ("en", "zh"), ("zh", 1.0)),
    ("これは日本語の文です。", ("ja", "zh"), ("ja", 1.0)),
    ("The government announced a reform on Monday.", ("en", "zh"), ("en", 1.0)),
    ("12 345", ("en", "fr"), ("en", 0.0)),
])
def test_classify_script_stage(text, candidates, expected):
    assert langid.classify(text, candidates) == expected
    found, pool = langid.script_verdict(langid.script_profile(text), candidates)
    assert (found, pool) == (expected, ())


def test_classify_restricted_stage():
    text = "Die Regierung hat am Dienstag eine Reform angekündigt."
    found, pool = langid.script_verdict(langid.script_profile(text), ["fr", "de", "en", "es"])
    assert found is None and pool == LANGS
    assert langid.classify(text, ["fr", "de", "en", "es"]) == langid.restricted_classify(text, LANGS)
    assert langid.restricted_classify(text, LANGS)[0] == "de"


def test_an_unverified_model_rules_nothing_out(monkeypatch):
    """With a model the tests have not proved (another digest), py3langid judges every text."""
    text = ["The plan was announced on Monday in Berlin."]
    with monkeypatch.context() as patch:
        patch.setattr(langid, "VERIFIED_MODELS", frozenset())
        langid._automaton.cache_clear()
        assert langid.rules_out(text, LANGS, "en", 0.9) == [False]
        langid._automaton.cache_clear()
    assert langid.rules_out(text, LANGS, "en", 0.9) == [True]


def _mismatch_reference(text: str, scripts: tuple[str, ...], share: float):  # type: ignore[no-untyped-def]
    """The declared-language test as make_document wrote it before ``script_mismatch``: from the profile."""
    profile = langid.script_profile(text)
    if profile and sum(v for k, v in profile.items() if k in scripts) < share:
        return max(profile, key=profile.get)
    return None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ 12,.人工智能カタかなабв한국αβ ءאﬀ²½ſK\n") + ["\U00017000"]),
               max_size=40),
       st.sampled_from(["en", "zh", "ja", "ru", "ko", "xx"]), st.sampled_from([0.3, 0.5, 0.9]))
def test_script_mismatch_is_the_profile_test(text, lang, share):
    scripts = langid.scripts_of_lang(lang)
    assert langid.script_mismatch(text, scripts, share) == _mismatch_reference(text, scripts, share)


def test_core_ranges_hold_only_letters_of_their_script():
    for script, core in langid._CORE_RE.items():
        chars = [chr(o) for o in range(0x110000) if core.fullmatch(chr(o))]
        assert chars and all(langid.script_of(ch) == script for ch in chars)


def test_script_mismatch_examples():
    assert langid.script_mismatch("Der Präsident sprach.", ("Latin",), 0.3) is None
    assert langid.script_mismatch("人工智能能力 AI", ("Latin",), 0.3) == "Han"
    assert langid.script_mismatch("人工智能能力建设 AI", ("Han",), 0.3) is None
    assert langid.script_mismatch("人工 ABCDEFGHIJ", ("Han",), 0.3) == "Latin"  # too few for the core's bound
    assert langid.script_mismatch("12 345 !", ("Latin",), 0.3) is None  # no letter


def test_addresses_say_nothing_of_the_declared_language():
    """A short Chinese text with a URL, an e-mail address or a handle has more Latin letters than Han
    characters; they are addresses, written in Latin in every language: no language error. A text that is
    Latin beyond its addresses still is one."""
    import pytest

    from mtcheck.api import make_document
    from mtcheck.errors import LanguageError

    for text in ("请访问www.example.com。", "详情请发邮件至press@example.org。", "请关注@XinhuaNews和#COP28。"):
        assert make_document(text, path=None, lang="zh", encoding=None).lang == "zh"
    with pytest.raises(LanguageError, match="mostly in Latin script"):
        make_document("Visit www.example.com for the full report today.", path=None, lang="zh", encoding=None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=20),
       st.sets(st.sampled_from(["Latin", "Cyrillic", "Han", "Greek", "Arabic"]), max_size=3))
def test_only_scripts_of_an_ascii_text_is_the_regex_answer(text, scripts):
    """only_scripts's shortcut for ASCII texts (its letters are Latin) gives the answer of the regex path."""
    from mtcheck.langid import _outside_re, only_scripts, script_of

    scripts = frozenset(scripts)
    expected = all(script_of(ch) in scripts or script_of(ch) is None for ch in set(_outside_re(scripts).findall(text)))
    assert only_scripts(text, scripts) == expected
