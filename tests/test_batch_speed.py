"""The caches that make ``mtcheck batch`` faster give exactly what the uncached code gives.

- drift tokens cached per sentence (``segment.per_sentence_cache``): a bead's tokens, and a pooled
  batch document's, equal a fresh tokenisation, offsets included, whatever was cached before;
- the source n-grams of a unit kept per process (``drift._unit_grams``): the terms and renderings
  found with them equal those found from scratch, in an article and in a pooled batch document;
- ``langid.script_profile`` counting distinct characters equals a character-by-character scan, key
  order included (``classify`` breaks ties by it).
"""
from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import langid
from mtcheck.api import make_document
from mtcheck.segment import clear_text_caches, per_sentence_cache
from mtcheck.terms import drift

UNCACHED = drift.tokenize.uncached

ZH = "人工智能能力建设普惠计划将于明年启动。\n中方愿同各方一道落实普惠计划。\n《普惠计划》得到广泛支持。"
EN = "The Inclusive Plan starts next year.\nChina will carry out the inclusive plan with all parties.\nUS officials and Han Na welcomed it."
DE = "Der Klimafonds der Bundesregierung wächst.\nIm Bereich der Klimapolitik hilft der Klimafonds.\nDie US-Regierung schweigt."
FR = "Le plan inclusif en matière d'intelligence artificielle commence.\nLa mise en œuvre du plan inclusif suit."


def _doc(text: str, lang: str):
    return make_document(text, path=None, lang=lang, encoding=None, presegmented=True)


def _fields(tokens):
    return [tuple(t._asdict().items()) for t in tokens]


def test_cached_tokens_equal_fresh_tokens_for_single_sentences_and_beads():
    for text, lang in ((ZH, "zh"), (EN, "en"), (DE, "de"), (FR, "fr")):
        doc = _doc(text, lang)
        n = len(doc.sentences)
        assert n >= 2
        beads = [(i,) for i in range(n)] + [tuple(range(n)), (n - 1, 0)]
        for ids in beads:
            first = drift.tokenize(doc, ids)  # cached, possibly filled here
            again = drift.tokenize(doc, ids)  # from the cache
            fresh = UNCACHED(doc, ids)
            assert _fields(first) == _fields(fresh) == _fields(again)
            assert first == fresh
            for t in again:
                assert doc.text[t.start:t.end] == t.text


def test_cached_tokens_follow_the_sentence_into_a_pooled_document():
    # The batch term memory pools articles: the same sentence sits at another offset there.
    one = _doc(EN, "en")
    pooled = _doc("Headline first.\n\n" + EN, "en")
    for k in range(len(one.sentences)):
        drift.tokenize(one, (k,))
    for k in range(len(pooled.sentences)):
        got = drift.tokenize(pooled, (k,))
        assert _fields(got) == _fields(UNCACHED(pooled, (k,)))
        assert [pooled.text[t.start:t.end] for t in got] == [t.text for t in got]


def test_the_cache_is_keyed_by_language_and_bounded():
    calls = []

    def fake(doc, ids):
        calls.append((doc.lang, doc.sentences[ids[0]].text))
        return list(UNCACHED(doc, ids))

    cached = per_sentence_cache(fake, maxsize=2)
    en, de = _doc("Hallo Welt.", "en"), _doc("Hallo Welt.", "de")
    cached(en, (0,))
    cached(en, (0,))
    cached(de, (0,))
    assert calls == [("en", "Hallo Welt."), ("de", "Hallo Welt.")]
    cached(_doc("Noch ein Satz.", "de"), (0,))
    assert len(cached.cache) == 2 and ("en", "Hallo Welt.") not in cached.cache  # oldest out first


def test_the_cache_shifts_dataclass_tokens_too():
    # The cache takes NamedTuple tokens (drift's) and frozen dataclasses with start/end.
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Word:
        start: int
        end: int
        text: str

    def words(doc, ids):
        sent = doc.sentences[ids[0]]
        return [Word(sent.start + m.start(), sent.start + m.end(), m.group()) for m in re.finditer(r"\w+", sent.text)]

    cached = per_sentence_cache(words)
    one = _doc("Hallo Welt.", "de")
    pooled = _doc("Erst das.\nHallo Welt.", "de")
    assert cached(one, (0,)) == [Word(0, 5, "Hallo"), Word(6, 10, "Welt")]
    got = cached(pooled, (1,))
    assert got == [Word(10, 15, "Hallo"), Word(16, 20, "Welt")]
    assert [pooled.text[w.start:w.end] for w in got] == ["Hallo", "Welt"]
    assert len(cached.cache) == 1  # the second call was a hit, shifted


def _renderings(src, tgt, n):
    from mtcheck.types import Bead

    beads = tuple(Bead((k,), (k,), 1.0) for k in range(n))
    return [(t.source, t.key, t.occurrences, t.dominant, t.variants) for t in drift.find_renderings(src, tgt, beads)]


def test_unit_ngrams_kept_per_process_give_the_same_terms():
    zh = "人工智能能力建设普惠计划将于明年启动。\n中方愿同各方落实普惠计划。\n普惠计划得到支持。\n中方愿意推进普惠计划。"
    fr = ("Le plan inclusif commence l'an prochain.\nLa Chine mettra en œuvre le plan inclusif.\n"
          "Le plan d'avantages universels reçoit du soutien.\nLa Chine veut faire avancer le plan inclusif.")
    src, tgt = _doc(zh, "zh"), _doc(fr, "fr")
    clear_text_caches()
    cold = _renderings(src, tgt, 4)
    warm = _renderings(src, tgt, 4)  # every unit's n-grams from the cache now
    assert cold == warm
    assert [t[0] for t in cold if t[4]] == ["普惠计划"]
    assert [v.text for t in cold for v in t[4]] == ["plan d'avantages universels"]
    # The same sentences at other offsets of a pooled document: the same terms, shifted.
    pooled_src, pooled_tgt = _doc("标题。\n" + zh, "zh"), _doc("Titre.\n" + fr, "fr")
    from mtcheck.types import Bead

    beads = (Bead((0,), (0,), 1.0),) + tuple(Bead((k + 1,), (k + 1,), 1.0) for k in range(4))
    got = drift.find_renderings(pooled_src, pooled_tgt, beads)
    clear_text_caches()
    fresh = drift.find_renderings(pooled_src, pooled_tgt, beads)
    assert [(t.source, t.occurrences, t.variants) for t in got] == [(t.source, t.occurrences, t.variants) for t in fresh]
    assert [pooled_tgt.text[v.start:v.end] for t in got for v in t.variants] == ["plan d'avantages universels"]


def _profile_by_scan(text: str) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for ch in text:
        s = langid.script_of(ch)
        if s:
            counts[s] += 1
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()} if total else {}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ 12,.人工智能カタかなабв한국αβ ءא") + ["\u0e01", "\u0905"]), max_size=60))
def test_script_profile_equals_a_scan_with_the_same_key_order(text):
    got = langid.script_profile(text)
    want = _profile_by_scan(text)
    assert got == want
    assert list(got) == list(want)


def test_script_profile_examples():
    assert langid.script_profile("ab人") == {"Latin": 2 / 3, "Han": 1 / 3}
    assert list(langid.script_profile("人ab")) == ["Han", "Latin"]
    assert langid.script_profile("12 ,.") == {}
    assert langid.script_of("ä") == "Latin" and langid.script_of("5") is None
