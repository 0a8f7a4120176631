"""Shared per-run and per-text helpers of the checks (mtcheck.checks.data and the checks' caches)."""
from __future__ import annotations

import pytest

from mtcheck.checks import CheckContext
from mtcheck.checks.data import bead_sides
from mtcheck.config import Config
from mtcheck.segment import split_sentences
from mtcheck.types import Bead, Document, Span


def _doc(text: str, lang: str) -> Document:
    return Document(text=text, lang=lang, sentences=split_sentences(text, lang))


def test_bead_sides_are_joined_once_per_run_and_filtered_per_call():
    source = _doc("One here. Two there.\nThree.", "en")
    target = _doc("Eins hier. Zwei dort.\nDrei.\nMenü", "de")
    beads = (Bead((0, 1), (0, 1)), Bead((2,), (2,)), Bead((), (3,)))
    ctx = CheckContext(source, target, beads, Config())
    both = list(bead_sides(ctx))
    every = list(bead_sides(ctx, both=False))
    assert [k for k, *_ in both] == [0, 1] and [k for k, *_ in every] == [0, 1, 2]
    assert [(s.text, t.text) for _, _, s, t in every] == [
        ("One here. Two there.", "Eins hier. Zwei dort."), ("Three.", "Drei."), ("", "Menü")]
    assert every[0][2].span(10, 13) == Span(10, 13) and every[0][3].span(11, 15) == Span(11, 15)
    assert every[2][2].whole() is None and every[2][3].whole() == Span(28, 32)
    # the same side objects on every call of the run; a new run joins its own
    assert all(a[2] is b[2] and a[3] is b[3] for a, b in zip(both, every))
    again = list(bead_sides(CheckContext(source, target, beads, Config())))
    assert again[0][2] is not both[0][2] and again[0][2].text == both[0][2].text


def test_untranslated_judgement_is_kept_per_sentence():
    from mtcheck.checks import untranslated

    args = ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour tous.", "en", "fr",
            ("en", "fr", "de", "es"), None)
    found = untranslated._judge(*args)
    assert (found.lang, found.reason, found.start, found.end) == ("fr", "language", 0, len(args[0]))
    hits = untranslated._prepare.cache_info().hits
    question = untranslated._prepare(*args)
    assert untranslated._prepare.cache_info().hits == hits + 1
    assert untranslated._prepare.__wrapped__(*args) == question
    assert untranslated._ANSWERS[(question, "en")] is found  # py3langid's answer kept too
    assert untranslated._judge(*args) is found
    assert untranslated._judge("The government announced a new pension reform on Tuesday.", *args[1:]) is None


def test_entity_text_analyses_are_kept_per_text():
    from mtcheck.checks import entities

    text = "See https://www.example.com/a or mail press@example.org, @afp #MeToo <b>NATO</b>"
    masked = entities._masked_links(text)
    assert masked == entities._masked_links.__wrapped__(text) and entities._masked_links(text) is masked
    assert masked.split() == ["See", "or", "mail", ",", "NATO"]
    items = entities._items(text, "url")
    assert isinstance(items, tuple) and entities._items(text, "url") is items
    assert [(i.text, i.key) for i in items] == [("https://www.example.com/a", "example.com/a")]
    assert [i.text for i in entities._items(text, "email")] == ["press@example.org"]
    assert [i.text for i in entities._items(text, "handle")] == ["@afp"]
    assert [i.text for i in entities._items(text, "hashtag")] == ["#MeToo"]


def test_url_spans_are_those_of_url_re():
    from mtcheck.checks.data import URL_RE, url_spans

    for text in ["See WWW.EXAMPLE.ORG now.", "HTTP://localhost:8080 is down", "mail a.b@example.com today",
                 "#tag and @user", "on xinhuanet.COM/a and bbc.co.uk", "It ended. Then it began.", ""]:
        assert url_spans(text) == [m.span() for m in URL_RE.finditer(text)]
    assert url_spans("See WWW.EXAMPLE.ORG now.") == [(4, 19)]
    assert url_spans("It ended. Then it began.") == []


@pytest.mark.parametrize("text,urls", [
    ("More information is published on travel.gov.gr", ["travel.gov.gr"]),  # a country's code after gov
    ("See bbc.co.uk, orf.at and lesoir.be today.", ["bbc.co.uk", "orf.at", "lesoir.be"]),
    ("Reported by CHINANEWS.COM on Monday", ["CHINANEWS.COM"]),  # in capitals, as a headline writes it
    ("Short links such as t.co/AbC12 spread it.", ["t.co/AbC12"]),  # with its path, as after a scheme
    # Two sentences run together are no domain: its last label is written in lower case (or in capitals).
    ("in der Stadt.Es gibt keine", []), ("sold in the city.It was", []), ("a site called Spiegel.De", []),
])
def test_bare_domains_end_at_a_listed_domain_in_one_case(text, urls):
    from mtcheck.checks.data import url_spans

    assert [text[a:b] for a, b in url_spans(text)] == urls


def test_restricted_identifier_shares_the_loaded_model():
    """A language-restricted identifier made from the loaded model classifies as one read from the
    model file and restricted by py3langid itself."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from mtcheck.langid import _identifier, _restricted

    langs = ("de", "en", "es", "fr")
    ours = _restricted(langs)
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    theirs.set_languages(list(langs))
    assert ours.nb_classes == theirs.nb_classes == list(langs)
    assert ours.tk_nextmove is _identifier().tk_nextmove
    for text in ["Die Regierung hat am Dienstag eine Reform angekündigt.", "el gobierno anunció una reforma",
                 "the government announced a reform", "le gouvernement a annoncé une réforme", "xyz"]:
        assert ours.classify(text) == theirs.classify(text)


def test_untranslated_blanking_exact():
    from mtcheck.checks.untranslated import _mask_urls, _names_removed

    assert _names_removed("Le Président Macron a visité Paris en 2024, selon l’AFP-Reuters.") == \
        "Le                  a visité       en       selon l’AFP-Reuters."
    assert _names_removed("123 NATO and the EU met") == "    NATO and the    met"  # the first word stays
    assert _mask_urls("voir https://lemonde.fr/a et @afp.") == "voir                      et     ."
    assert _mask_urls("rien à masquer.") == "rien à masquer."


def test_per_run_analyses_are_made_once_and_shared():
    """The analyses several checks read are made once per run, in ctx.notes: the stray full stops
    (punctuation.stray_break, casing.lost), the sentence lengths and pair ratio (align.*), the
    normalised units (consistency.*)."""
    from mtcheck.checks import run_checks
    from mtcheck.checks.alignment import _lengths
    from mtcheck.checks.consistency import _units
    from mtcheck.checks.punctuation import find_stray_breaks

    source = _doc("The minister of health spoke on Monday. He met the press.", "en")
    target = _doc("Le ministre. de la santé a parlé lundi. Il a rencontré la presse.", "fr")
    beads = (Bead((0,), (0, 1)), Bead((1,), (2,)))
    ctx = CheckContext(source, target, beads, Config())
    issues, errors = run_checks(ctx)
    assert errors == []
    breaks = find_stray_breaks(ctx)
    assert breaks is ctx.notes["stray_breaks"] and [b.next_sentence for b in breaks] == [1]
    assert [i.check for i in issues if i.check == "punctuation.stray_break"] == ["punctuation.stray_break"]
    assert not [i for i in issues if i.check == "casing.lost"]  # « de » after the stray stop is no start
    src_lens, tgt_lens, ratio = _lengths(ctx)
    assert _lengths(ctx) is ctx.notes["alignment_lengths"]
    # characters without spaces; two beads: en→fr's usual ratio (1.25), not a median nor the article's (53 / 47)
    assert src_lens == [33, 14] and tgt_lens == [11, 21, 21] and ratio == 1.25
    units = _units(ctx)
    assert units is ctx.notes["consistency_units"]
    assert [(u[0], u[1]) for u in units] == [
        ("the minister of health spoke on monday", "le ministre. de la santé a parlé lundi"),
        ("he met the press", "il a rencontré la presse")]


def test_casing_name_candidates_of_a_sentence():
    from mtcheck.checks.casing import _name_candidates

    assert _name_candidates("Yesterday the Central Committee met Xi Jinping in Beijing: Officials said so.") == (
        ("committee", "Committee"), ("jinping", "Jinping"), ("beijing", "Beijing"))
    assert _name_candidates("BREAKING NEWS FROM Paris") == ()  # a headline in capitals


def test_report_signature_is_kept_per_configuration_and_registry():
    from mtcheck import api
    from mtcheck.checks.registry import REGISTRY, checks_signature
    from mtcheck.types import Category

    cfg = Config().with_(src_lang="en", tgt_lang="de")
    sig = api.signature(cfg)
    assert sig == api._base_signature.__wrapped__(cfg, ())
    assert sig.endswith(f"|checks:{checks_signature(cfg)}|cfg:{cfg.hash()}")
    assert api.signature(Config().with_(src_lang="en", tgt_lang="de")) is sig  # an equal configuration
    assert api.signature(cfg.with_(disabled_checks=("terms",))) != sig

    from mtcheck.checks.registry import register

    @register("zz.signature", Category.OTHER_NOISE, order=99)
    def _zz(ctx):  # pragma: no cover - never run
        return []

    try:
        assert "zz.signature@1" in api.signature(cfg)
    finally:
        del REGISTRY["zz.signature"]
    assert api.signature(cfg) == sig


def test_document_joined_is_joined_sentences_of_each_document():
    """The joined sentences kept per document are those of that document, whichever was asked last (and a
    document made anew, perhaps at the address of one gone, is read anew)."""
    from mtcheck.checks.data import document_joined, joined_sentences

    from .check_helpers import doc_of_lines

    docs = [doc_of_lines([f"Sentence {k}.", "Two"], "en") for k in range(12)]
    for _ in range(2):
        for doc in docs:
            assert document_joined(doc) == joined_sentences([s.text for s in doc.sentences])
    for k in range(20):
        doc = doc_of_lines([f"Made anew {k}."], "en")
        assert document_joined(doc) == (f"Made anew {k}.", [0])


def test_w_ignoring_case_is_w_or_w_capital():
    """UrlHint tests "www" before a dot only after w or W: no other character matches w when case is ignored."""
    import array
    import re
    import sys

    every = (array.array("I", range(0xD800)).tobytes() + array.array("I", range(0xE000, 0x110000)).tobytes()).decode(
        "utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    assert set(re.findall("(?i)w", every)) == {"w", "W"}


def test_identity_cache_keys_on_the_object_itself():
    from mtcheck.checks.data import identity_cache

    calls = []

    @identity_cache(2)
    def size(items, extra):
        calls.append((id(items), extra))
        return len(items) + extra

    a, b = [1, 2], [1, 2]
    assert (size(a, 1), size(a, 1), size(b, 1), size(a, 2)) == (3, 3, 3, 4)
    assert len(calls) == 3  # a equal list is another object: asked again; the same one is not
    size([5], 0)  # a third key: the cache is emptied first (maxsize 2)
    size(a, 1)
    assert len(calls) == 5
