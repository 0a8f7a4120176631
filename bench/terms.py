#!/usr/bin/env python3
"""Benchmark of terminology-drift detection (check ``terms.drift``): precision, recall and speed.

    python bench/terms.py --data /work/shared/data [--split all|dev|test] [--out bench/results/terms.json]
                          [--show-misses N] [--quick]

The data are the WMT 2021 newstest MQM files (Freitag et al. 2021), zh-en and en-de:
``mqm/newstest2021/{zhen,ende}/mqm-newstest2021_*.tsv`` (tab-separated, no quoting; rows deduplicated
by (system, doc, seg_id); the ``<v>…</v>`` error marks removed). An article is one ``doc`` of one
translation in ``seg_id`` order; its segments are already parallel, so the alignment is the hand 1-1
alignment of segments and the benchmark does not depend on the sentence aligner.

Targets: every human reference (systems ``ref.*``) and the best MT system by the official average MQM
segment score (``*.avg_seg_scores.tsv``).

Synthetic drift, built independently of the engine under test:

1. In each article, a *gold term* is a target phrase (1-5 words, starting and ending with a content
   word; several words with one of four letters or more, or a capitalised name) that occurs in exactly
   the same set of at least three segments as a source n-gram that looks like a term (Chinese: two or
   more Han characters; English: a name, an acronym or two content words). The same segment set on both
   sides means the translator rendered that source term the same way every time. Phrases contained in a
   longer eligible phrase with the same segments are dropped; one gold term is drawn per article with a
   fixed seed.
2. One occurrence, drawn with the seed, is replaced by a plausible variant. The kinds rotate over the
   articles, among those that apply to the phrase:
   - ``system``: what another translator of the same segment (another reference or MT system of the
     MQM set) wrote in the same slot: the tokens between the same left and right context, found with
     difflib; real alternative renderings (« plane » / « aircraft », « prosecutors » / « procuratorate »).
     It must be that translator's rendering of the term: it occurs in none of its segments of the
     article where the source term is absent (not a dateline's "Xinhua" filling a dropped name).
   - ``head``: one content word of the phrase (for German compounds, the head at the end of the word)
     replaced by a near-synonym from a small news lexicon (« county » → « district », « Denkmal » →
     « Monument », « Gesundheitsministerium » → « Gesundheitsbehörde »).
   - ``spelling``: a transliteration or spelling variant of a name (« Wesel » → « Wessel », « Xiangguo »
     → « Xiang Guo », « Konföderierten » → « Konfoederierten »).
   - ``reorder``: the same words in another construction (« Wesel County » → « County of Wesel »,
     « Federation of Trade Unions » → « Trade Unions Federation », « Konföderierten-Denkmal » → « Denkmal
     der Konföderierten »).
   The gold is (article, target offsets of the variant). Every article is also kept untouched as a
   negative.

Scores, over the issues of check ``terms.drift`` at severity minor or above (the ones that count in the
MQM score; ``info`` issues are advice) and, separately, all of them:
- recall: injected variants hit by an issue whose target span overlaps the gold span;
- precision: issues in positive articles that hit an injected variant / all issues in positive articles;
  issues elsewhere in a positive article count as false, even when they point at real drift of the human
  translation (those exist: « Wessel Police Department » beside « Wesel County »);
- false alarms per negative article; ``exact``: the issue span equals the gold span; ``suggestion``: the
  suggestion equals the replaced phrase (case-insensitively).
Two further figures say what the strict precision mixes up, without any hand judgement:
- precision on new flags: the same ratio, leaving out the issues of a positive article that are raised
  identically (same segment, flagged text and suggestion) on its untouched copy. Those pre-exist the
  injection: real drift of the human or MT translation, or a false alarm, the benchmark cannot tell;
  they are counted in neither numerator nor denominator. This measures whether an injection makes the
  engine raise spurious issues besides the variant, not the engine's precision on the original text.
- provably consistent terms flagged: on the negatives, the gold terms (target phrases found in exactly the
  same segments as their source term, so rendered the same way every time) with at least one occurrence
  overlapped by an issue, over all gold terms; and such issues per negative. Every one of those is a
  false alarm for certain (an issue may also be a real drift of a neighbouring phrase that overlaps
  the term, which counts against the engine here).
- precision and false alarms per negative with *attested drift excluded*: the issues that do not hit
  the variant but point at drift the other translations of the same document attest (``reference_drift``:
  the flagged text is a respelling of the suggestion or another translator's rendering in both places,
  and a human reference renders both places one way) are counted in neither numerator nor denominator.
  The strict figures stay the headline and are always printed beside these.
With both pairs (the default), a ``pooled`` row gives the synthetic set as a whole: every count summed
over the pairs, the ratios computed from the sums (the issue asks for one figure on one set built from
the newstest2021 articles; the per-pair rows stay beside it).
Articles are split into ``dev`` and ``test`` halves by a hash of the doc name; ``all`` reports both.
The engine was developed looking at misses and false alarms of both halves, so ``test`` is not a clean
held-out set (bench/README.md says so with the figures).

Speed: median ms per article of ``find_renderings`` + the check over all articles, and the time of one
synthetic long article of 2,000 sentence pairs built by concatenating articles.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import difflib
import hashlib
import json
import platform
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.mqm import read_mqm as read_mqm_segments  # noqa: E402

from mtcheck.api import make_document  # noqa: E402
from mtcheck.checks.registry import CheckContext  # noqa: E402
from mtcheck.checks.terms import terminology_drift  # noqa: E402
from mtcheck.config import Config  # noqa: E402
from mtcheck.types import Bead, Issue, Severity  # noqa: E402

SEED = 20240926
PAIRS = {"zhen": ("zh", "en"), "ende": ("en", "de")}
KINDS = ("system", "head", "spelling", "reorder")

# --- reading -------------------------------------------------------------------------------------------



@dataclass
class Article:
    pair: str
    doc: str
    system: str
    segments: list[tuple[str, str]]  # (source, target), seg_id order


def read_mqm(data: Path, pair: str) -> dict[tuple[str, str], dict[int, tuple[str, str]]]:
    """{(system, doc): {seg_id: (source, target)}}, rows deduplicated by (system, doc, seg_id)."""
    out: dict[tuple[str, str], dict[int, tuple[str, str]]] = defaultdict(dict)
    for (system, doc, seg), pair_texts in read_mqm_segments(data, pair).items():
        out[(system, doc)][seg] = pair_texts
    return out


def best_mt_system(data: Path, pair: str) -> str:
    path = data / "mqm" / "newstest2021" / pair / f"mqm_newstest2021_{pair}.avg_seg_scores.tsv"
    scores: dict[str, list[float]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split()
        if len(cells) >= 3 and cells[1] != "None":
            scores[cells[0]].append(float(cells[1]))
    mt = {k: statistics.mean(v) for k, v in scores.items() if not k.startswith("ref")}
    return "hyp." + max(sorted(mt), key=lambda k: mt[k])


def articles(data: Path, pair: str) -> tuple[list[Article], dict[tuple[str, int], dict[str, str]]]:
    """The articles used as targets, and every system's target per (doc, seg_id) for ``system`` variants."""
    table = read_mqm(data, pair)
    targets = sorted({s for s, _ in table if s.startswith("ref")}) + [best_mt_system(data, pair)]
    by_seg: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    for (system, doc), segs in table.items():
        for seg, (_, tgt) in segs.items():
            by_seg[(doc, seg)][system] = tgt
    out = []
    for (system, doc), segs in sorted(table.items()):
        if system not in targets:
            continue
        pairs = [(s, t) for _, (s, t) in sorted(segs.items()) if s and t and "\n" not in s + t]
        if len(pairs) >= 3:
            art = Article(pair, doc, system, pairs)
            art.seg_ids = [k for k, (s, t) in sorted(segs.items()) if s and t and "\n" not in s + t]  # type: ignore[attr-defined]
            out.append(art)
    return out, by_seg


# --- gold terms (independent of the engine) -----------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_STOP = {
    "en": set("""a an the of to in on at by for from with and or but as is are was were be been it its this that
        these those which who he she they we you his her their our not no has have had will would can could
        may also into over after before about than said says more most all some any other such per between
        s do does did been being there here what when where how why while whose whom if so up out just""".split()),
    "de": set("""der die das des dem den ein eine einer eines einem einen und oder aber als wie wenn dass zu zum
        zur im in am an auf aus bei mit nach von vom vor über unter um durch für gegen ist sind war waren
        hat haben wird werden wurde wurden es er sie wir ihr sich nicht auch noch nur so sein seine ihre
        diese dieser dieses bis seit sowie zwischen dass ob da hier dort wo was wer wann weil""".split()),
}
# Inside a phrase only these function words may occur ("Federation of Trade Unions", "Art der Flagge").
_INNER = {"en": {"of", "the", "and", "for", "de", "la", "von", "van", "al"},
          "de": {"der", "des", "die", "für", "von", "und", "den", "dem", "zur", "zum"}}
# Dates are not terminology.
_CALENDAR = set("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december montag dienstag mittwoch donnerstag freitag samstag
    sonntag januar februar märz mai juni juli oktober dezember""".split())


def _title_like(text: str) -> bool:
    """A headline in title case: most of its longer words capitalised."""
    words = [w for _, _, w in _words(text) if len(w) >= 4]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _words(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with a flag-free phrase rule: a token joins the previous one only across spaces."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _phrases(text: str, lang: str, max_n: int = 5) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Lower-cased word n-grams that cross no punctuation and start and end with a content word."""
    toks = _words(text)
    stop = _STOP[lang]
    out: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for i in range(len(toks)):
        if toks[i][2].lower() in stop:
            continue
        for n in range(1, max_n + 1):
            j = i + n - 1
            if j >= len(toks):
                break
            if n > 1 and text[toks[j - 1][1]:toks[j][0]].strip() != "":
                break
            if toks[j][2].lower() in stop:
                continue
            out[tuple(t[2].lower() for t in toks[i:j + 1])].append((toks[i][0], toks[j][1]))
    return out


_ZH_NOUN = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "nw", "vn", "j", "eng", "an"}
_ZH_PROPER = {"nr", "ns", "nt", "nz", "nrt", "nrfg", "nw", "j", "eng"}
_ZH_BAD_START = {"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "f", "q", "t", "x"}


def _source_ngrams(text: str, lang: str) -> dict[tuple[str, ...], bool]:
    """Source n-grams that look like terms, mapped to whether they are names.

    Chinese: 1-4 jieba words (with their part-of-speech tags) ending in a noun and not starting with a
    verb, adverb, preposition, particle, pronoun, numeral or time word; a name when every word is a
    proper noun (or an abbreviation). English: word n-grams (see ``_term_like_source``).
    """
    if lang != "zh":
        return {k: False for k in _phrases(text, lang)}
    import jieba.posseg

    toks = [(w, f) for w, f in jieba.posseg.cut(text)]
    out: dict[tuple[str, ...], bool] = {}
    for i in range(len(toks)):
        for n in range(1, 5):
            span = toks[i:i + n]
            if len(span) < n or any(not re.fullmatch(r"[\u4e00-\u9fff]+", w) for w, _ in span):
                break
            if span[-1][1] not in _ZH_NOUN or span[0][1] in _ZH_BAD_START:
                continue
            key = ("".join(w for w, _ in span),)
            if len(key[0]) < 2:
                continue
            out[key] = out.get(key, False) or all(f in _ZH_PROPER for _, f in span)
    return out


def _term_like_source(key: tuple[str, ...], texts: Sequence[str], lang: str) -> bool:
    if lang == "zh":
        return True  # filtered in _source_ngrams
    if any(w in _CALENDAR for w in key):
        return False
    if len(key) >= 2:
        return sum(1 for w in key if len(w) >= 4 and w not in _STOP[lang]) >= 1
    return _is_name(key[0], texts)


def _is_name(word: str, texts: Sequence[str]) -> bool:
    """Written with a capital (or as an acronym) wherever it occurs outside headlines, and somewhere
    not at the start of a sentence."""
    seen_inside = False
    for text in texts:
        if _title_like(text):
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text, re.IGNORECASE):
            surface = m.group()
            if not surface[:1].isupper():
                return False
            if m.start() > 0 and text[:m.start()].rstrip()[-1:] not in ".!?:\"“":
                seen_inside = True
    return seen_inside


def _term_like_target(key: tuple[str, ...], texts: Sequence[str], lang: str) -> bool:
    if any(w in _CALENDAR for w in key):
        return False
    if any(w in _STOP[lang] and w not in _INNER[lang] for w in key):
        return False
    if len(key) >= 2:
        return any(len(w) >= 4 for w in key)
    return len(key[0]) >= 4 and _is_name(key[0], texts)


@dataclass
class GoldTerm:
    source_key: tuple[str, ...]
    target_key: tuple[str, ...]
    segments: list[int]  # indices into article.segments
    name: bool = False  # the source n-gram is a proper name (Chinese: jieba tags; English: capitals)


def gold_terms(art: Article, src_lang: str, tgt_lang: str) -> list[GoldTerm]:
    tgt_phr = [_phrases(t, tgt_lang) for _, t in art.segments]
    src_ng = [_source_ngrams(s, src_lang) for s, _ in art.segments]
    tgt_sets: dict[tuple[str, ...], frozenset[int]] = defaultdict(frozenset)
    for k, phr in enumerate(tgt_phr):
        for key in phr:
            tgt_sets[key] = tgt_sets[key] | {k}
    src_sets: dict[tuple[str, ...], set[int]] = defaultdict(set)
    src_name: dict[tuple[str, ...], bool] = defaultdict(bool)
    for k, ngs in enumerate(src_ng):
        for key, is_name in ngs.items():
            src_sets[key].add(k)
            src_name[key] |= is_name
    src_by_set: dict[frozenset[int], list[tuple[str, ...]]] = defaultdict(list)
    for key, segs in src_sets.items():
        if len(segs) >= 3:
            src_by_set[frozenset(segs)].append(key)
    sources = [s for s, _ in art.segments]
    texts = [t for _, t in art.segments]
    eligible: list[GoldTerm] = []
    for key, segs in tgt_sets.items():
        if len(segs) < 3 or segs not in src_by_set:
            continue
        if not _term_like_target(key, texts, tgt_lang):
            continue
        src = [s for s in src_by_set[segs] if _term_like_source(s, sources, src_lang)]
        if len(key) == 1 and src_lang == "zh":
            src = [s for s in src if src_name[s]]  # a one-word English rendering of a Chinese name
        if not src:
            continue
        # The longest source n-gram with that distribution.
        best_src = max(src, key=lambda s: (sum(map(len, s)), s))
        is_name = src_name[best_src] if src_lang == "zh" else all(_is_name(w, sources) for w in best_src
                                                                    if w not in _STOP[src_lang])
        eligible.append(GoldTerm(best_src, key, sorted(segs), is_name))
    # Maximal phrases only: drop one contained in a longer eligible phrase with the same segments.
    def inside(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))
    return [g for g in eligible
            if not any(inside(g.target_key, h.target_key) and g.segments == h.segments for h in eligible)]


# --- variants ------------------------------------------------------------------------------------------

def _lexicon(text: str) -> dict[str, str]:
    """``word:synonym`` pairs separated by white space."""
    return dict(pair.split(":", 1) for pair in text.split())


# Near-synonyms of news words (lower-case key: replacement), one direction each.
_SYN = {
    "en": _lexicon("""
        plane:aircraft aircraft:plane department:bureau bureau:office office:bureau company:firm
        firm:company statement:announcement minister:secretary president:chairman chairman:president
        team:group group:team committee:commission commission:committee council:board board:council
        ministry:department agency:bureau union:federation unions:federations federation:union
        program:scheme programme:scheme plan:scheme scheme:plan project:programme technology:technique
        technique:technology university:college court:tribunal government:administration
        administration:government association:society society:association organization:agency
        conference:meeting meeting:conference summit:conference effect:phenomenon epidemic:pandemic
        pandemic:epidemic vaccine:jab festival:fair exhibition:expo market:bazaar city:municipality
        county:district district:county province:region village:township town:township zone:area area:zone
        center:hub centre:hub station:facility police:constabulary prosecutors:procuratorate party:faction
        hospital:clinic clinic:hospital school:academy museum:gallery park:garden bridge:viaduct
        road:highway highway:expressway railway:railroad airport:airfield team's:group's players:athletes
        national:state international:global global:worldwide public:state local:regional medical:health
        economic:financial military:armed monument:memorial memorial:monument statue:sculpture
        fund:foundation foundation:fund institute:academy academy:institute network:grid system:mechanism
        mechanism:system cooperation:collaboration development:growth industry:sector sector:industry
        crisis:emergency protection:conservation election:vote campaign:drive agreement:accord treaty:accord
        law:act act:law bill:legislation rules:regulations residents:inhabitants workers:employees
        employees:staff officials:authorities authorities:officials troops:forces forces:troops
        virus:pathogen coronavirus:covid storm:cyclone hurricane:storm fire:blaze blaze:fire
        emissions:discharges energy:power power:energy team.:group.
    """),
    "de": _lexicon("""
        flugzeug:Maschine maschine:Flugzeug regierung:Verwaltung verwaltung:Regierung stadtrat:Gemeinderat
        gemeinderat:Stadtrat denkmal:Monument monument:Denkmal statue:Skulptur unternehmen:Firma
        firma:Unternehmen präsident:Vorsitzende ministerium:Behörde behörde:Amt amt:Behörde gericht:Tribunal
        partei:Fraktion verband:Vereinigung verein:Verband konferenz:Tagung treffen:Sitzung sitzung:Treffen
        stadt:Gemeinde gemeinde:Stadt bezirk:Kreis kreis:Bezirk krankenhaus:Klinik klinik:Krankenhaus
        universität:Hochschule hochschule:Universität programm:Initiative plan:Vorhaben projekt:Vorhaben
        pandemie:Epidemie epidemie:Pandemie impfstoff:Vakzin virus:Erreger polizei:Ordnungsbehörde
        staatsanwaltschaft:Anklagebehörde mannschaft:Team team:Mannschaft spieler:Akteure gesetz:Regelung
        abkommen:Vertrag vertrag:Abkommen wahl:Abstimmung abstimmung:Wahl kampagne:Aktion krise:Notlage
        schule:Lehranstalt museum:Ausstellungshaus flughafen:Airport bahnhof:Station brücke:Überführung
        straße:Chaussee bundesstaat:Staat senat:Oberhaus kommission:Ausschuss ausschuss:Kommission
        minister:Ressortchef ministerin:Ressortchefin bürgermeister:Stadtoberhaupt gouverneur:Regierungschef
        feuerwehr:Brandwehr stiftung:Fonds fonds:Stiftung institut:Akademie netzwerk:Netz system:Mechanismus
        zentrum:Zentrale zentrale:Zentrum sturm:Orkan hurrikan:Wirbelsturm brand:Feuer feuer:Brand
        streitkräfte:Truppen truppen:Streitkräfte behörden:Ämter beamte:Amtsträger beamten:Amtsträger
        mitarbeiter:Beschäftigte einwohner:Bewohner bewohner:Einwohner union:Gemeinschaft liga:Spielklasse
        turnier:Wettbewerb wettbewerb:Turnier spiel:Partie partie:Spiel verfahren:Prozess prozess:Verfahren
        anklage:Beschuldigung urteil:Richterspruch gefängnis:Haftanstalt haft:Gewahrsam klima:Witterung
        impfung:Vakzinierung
    """),
}

_REORDER_HEADS = set("""county district city province department ministry bureau office committee council university
    group team plan programme program project association federation union company court agency party hospital
    station fund festival museum institute academy commission centre center park bridge airport market
    foundation organization school state region zone""".split())


def _case_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:] if not word[1:2].isupper() else word


def variant_head(phrase: str, lang: str, rng: random.Random) -> Optional[str]:
    toks = _words(phrase)
    syn = _SYN[lang]
    options = []
    for s, e, w in toks:
        low = w.lower()
        if low in syn:
            options.append((s, e, _case_like(w, syn[low]) if lang == "en" else syn[low]))
        elif lang == "de":
            # The head of a German compound is at its end: Gesundheitsministerium → Gesundheitsbehörde.
            for head, rep in syn.items():
                if len(head) >= 4 and low.endswith(head) and len(low) > len(head) + 2:
                    stem = w[: len(w) - len(head)]
                    options.append((s, e, stem + (rep if stem.endswith("-") else rep.lower())))
                    break
    if not options:
        return None
    # Prefer the head: the last candidate word (English and German put the head noun last).
    s, e, rep = options[-1] if rng.random() < 0.7 else rng.choice(options)
    out = phrase[:s] + rep + phrase[e:]
    return out if out.lower() != phrase.lower() else None


_SPELLING_RULES = [
    # (pattern, replacement) applied once to one name word; transliteration and spelling habits.
    (r"([aeiou])([bdfglmnprst])([aeiou])", r"\1\2\2\3"),  # Wesel → Wessel
    (r"([bdfglmnprst])\1", r"\1"),  # Wessel → Wesel
    (r"ö", "oe"), (r"ü", "ue"), (r"ä", "ae"), (r"ß", "ss"),
    (r"ou", "u"), (r"ph", "f"), (r"c(?=[aou])", "k"), (r"k", "c"), (r"y$", "i"), (r"ie", "i"),
]
_PY_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s".split()
_PY_FINALS = """a o e i u v ai ei ao ou an en ang eng ong ia ie iao iu ian in iang ing iong ua uo uai ui uan un
    uang ue er""".split()
_PINYIN = ({i + f for i in _PY_INITIALS for f in _PY_FINALS if f != "er"} | set(_PY_FINALS)
           | set("""yi ya ye yao you yan yin yang ying yong yu yue yuan yun wu wa wo wai wei wan wen wang
                 weng""".split()))


def pinyin_syllables(word: str) -> Optional[list[str]]:
    """``Xinjiang`` → [xin, jiang]: the segmentation into the fewest pinyin syllables, or None."""
    low = word.lower()
    best: list[Optional[list[str]]] = [None] * (len(low) + 1)
    best[0] = []
    for i in range(len(low)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(low), i + 6) + 1):
            if low[i:j] in _PINYIN and (best[j] is None or len(best[j]) > len(best[i]) + 1):  # type: ignore[arg-type]
                best[j] = best[i] + [low[i:j]]  # type: ignore[operator]
    return best[len(low)]


def variant_spelling(phrase: str, lang: str, rng: random.Random, src_lang: str, texts: Sequence[str],
                     source: str, name: bool) -> Optional[str]:
    """A spelling variant of a name: a word written with a capital outside headlines that, for a source
    in Latin script, is also in the source (German capitalises every noun)."""
    toks = [(s, e, w) for s, e, w in _words(phrase) if w[:1].isupper() and len(w) >= 4 and w.isalpha()
            and _is_name(w, texts) and (src_lang == "zh" or w.lower() in source.lower())]
    if not toks:
        return None
    s, e, w = rng.choice(toks)
    options = []
    if src_lang == "zh" and name:
        syl = pinyin_syllables(w)
        if syl and len(syl) >= 2:
            # Xiangguo → Xiang Guo, Xinjiang → Xin Jiang: romanisation habits differ on syllable breaks.
            options.append(" ".join(s.capitalize() for s in syl) if rng.random() < 0.6
                           else "-".join([syl[0].capitalize()] + syl[1:]))
    for pat, rep in _SPELLING_RULES:
        new = re.sub(pat, rep, w[1:], count=1)
        if new != w[1:]:
            options.append(w[0] + new)
    if not options:
        return None
    return phrase[:s] + rng.choice(options) + phrase[e:]


def variant_reorder(phrase: str, lang: str, rng: random.Random) -> Optional[str]:
    words = phrase.split()
    if lang == "en":
        if " of " in phrase:
            head, _, rest = phrase.partition(" of ")
            rest = re.sub(r"^the ", "", rest)
            if 1 <= len(rest.split()) <= 3 and len(head.split()) <= 2:
                return f"{rest} {head}"  # Federation of Trade Unions → Trade Unions Federation
        if len(words) >= 2 and words[-1].lower() in _REORDER_HEADS:
            return f"{words[-1]} of {' '.join(words[:-1])}"  # Wesel County → County of Wesel
        return None
    m = re.fullmatch(r"(\w+)-(\w+)", phrase)
    if m and m.group(2)[:1].isupper():
        return f"{m.group(2)} der {m.group(1)}"  # Konföderierten-Denkmal → Denkmal der Konföderierten
    m = re.fullmatch(r"(\w+) (?:der|des) (\w+)", phrase)
    if m and m.group(1)[:1].isupper() and m.group(2)[:1].isupper():
        return f"{m.group(2)}-{m.group(1)}"
    return None


def variant_system(art: Article, seg_index: int, start: int, end: int,
                   by_seg: dict[tuple[str, int], dict[str, str]], rng: random.Random,
                   term_segments: Sequence[int] = ()) -> Optional[str]:
    """What another translator wrote between the same left and right context (difflib on words).

    It must be that translator's rendering of the term, not of something else that happens to fill
    the slot (a dateline's "Xinhua" where one reference dropped a name): it occurs in none of that
    translator's segments outside ``term_segments``, the segments of the source term."""
    text = art.segments[seg_index][1]
    seg_id = art.seg_ids[seg_index]  # type: ignore[attr-defined]
    mine = _words(text)
    inside = [i for i, (s, e, _) in enumerate(mine) if s >= start and e <= end]
    if not inside:
        return None
    a, b = inside[0], inside[-1] + 1
    phrase_low = text[start:end].lower()
    lang = PAIRS[art.pair][1]
    phrase_content = [w for _, _, w in mine[a:b] if w.lower() not in _STOP[lang]]
    phrase_named = all(w[:1].isupper() for w in phrase_content if w[:1].isalpha())
    options = []
    for system, other in sorted(by_seg[(art.doc, seg_id)].items()):
        if system == art.system or not other:
            continue
        theirs = _words(other)
        sm = difflib.SequenceMatcher(a=[w.lower() for _, _, w in mine], b=[w.lower() for _, _, w in theirs],
                                     autojunk=False)
        ops = sm.get_opcodes()
        for n, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag != "replace" or not (i1 <= a and b <= i2) or i2 - i1 > (b - a) + 1:
                continue
            if i1 == 0 or i2 >= len(mine) or j1 == 0 or j2 >= len(theirs) or not 1 <= j2 - j1 <= 6:
                continue  # needs context on both sides
            # ... at least two words of it on each side, or the slot is not the same slot.
            if not (n > 0 and n + 1 < len(ops) and ops[n - 1][0] == "equal" and ops[n + 1][0] == "equal"
                    and ops[n - 1][2] - ops[n - 1][1] >= 2 and ops[n + 1][2] - ops[n + 1][1] >= 2):
                continue
            if i1 != a or i2 != b:
                continue  # the differing block must be the phrase itself
            cand = other[theirs[j1][0]:theirs[j2 - 1][1]]
            low = cand.lower()
            if low == phrase_low or phrase_low in low or not any(len(w) >= 4 for w in low.split()):
                continue
            if re.search(r"[\"“”«»()\[\]]", cand):
                continue
            # The same kind of phrase: a name for a name, about as many content words, no function word
            # at either end (difflib blocks can be mistranslations of something else: "Nantes" /
            # "required").
            words = _words(cand)
            stop = _STOP[lang]
            if not words or words[0][2].lower() in stop and words[0][2].lower() not in ("the", "der", "die", "das") \
                    or words[-1][2].lower() in stop:
                continue
            content = [w for _, _, w in words if w.lower() not in stop]
            if not content or abs(len(content) - len(phrase_content)) > 1:
                continue
            if phrase_named != all(w[:1].isupper() for w in content if w[:1].isalpha()):
                continue
            if term_segments and _elsewhere(cand, art, system, term_segments, by_seg):
                continue
            options.append(cand)
    if not options:
        return None
    counts = Counter(options)
    # A rendering another translator chose is plausible; the most common one first, ties by the seed.
    best = max(counts.values())
    return rng.choice(sorted(o for o, c in counts.items() if c == best))


def _elsewhere(phrase: str, art: Article, system: str, term_segments: Sequence[int],
               by_seg: dict[tuple[str, int], dict[str, str]]) -> bool:
    """Does ``system`` write ``phrase`` in a segment of the article where the source term is not?"""
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
    keep = set(term_segments)
    seg_ids = art.seg_ids  # type: ignore[attr-defined]
    return any(pattern.search(by_seg[(art.doc, seg_ids[k])].get(system, ""))
               for k in range(len(seg_ids)) if k not in keep)


@dataclass
class Case:
    article: Article
    target_text: str  # the (possibly modified) target, one segment per line
    gold: Optional[tuple[int, int]]  # target offsets of the injected variant
    kind: Optional[str] = None
    original: Optional[str] = None
    variant: Optional[str] = None
    term: Optional[GoldTerm] = None
    split: str = "dev"
    # Negatives: target offsets of every occurrence of every gold term of the article, phrases the
    # translation provably renders consistently (same segments as their source term, see gold_terms).
    consistent: list[list[tuple[int, int]]] = field(default_factory=list)  # one list per gold term


def _split_of(doc: str) -> str:
    return "dev" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "test"


def build_cases(arts: list[Article], by_seg: dict[tuple[str, int], dict[str, str]], src_lang: str,
                tgt_lang: str) -> list[Case]:
    """Every article untouched (a negative) and, where it has a gold term, once with one variant.

    The kind of variant is the least used so far among those that apply to the article's gold terms,
    so that the kinds stay balanced; the term, the occurrence and the variant are drawn with the seed.
    """
    cases: list[Case] = []
    used: Counter = Counter()
    for art in arts:
        split = _split_of(art.doc)
        texts = [t for _, t in art.segments]
        golds = gold_terms(art, src_lang, tgt_lang)
        consistent = []
        for term in golds:
            occ = []
            for k in term.segments:
                offset = sum(len(t) + 1 for t in texts[:k])
                occ.extend((offset + a, offset + b) for a, b in _phrases(texts[k], tgt_lang)[term.target_key])
            consistent.append(occ)
        cases.append(Case(art, "\n".join(texts), None, split=split, consistent=consistent))
        rng = random.Random(f"{SEED}:{art.pair}:{art.doc}:{art.system}")
        sources = " ".join(s for s, _ in art.segments)
        options: dict[str, list[tuple]] = defaultdict(list)
        for term in golds:
            for k in term.segments:
                tgt = texts[k]
                start, end = _phrases(tgt, tgt_lang)[term.target_key][0]
                phrase = tgt[start:end]
                found = {
                    "system": variant_system(art, k, start, end, by_seg, rng, term.segments),
                    "head": variant_head(phrase, tgt_lang, rng),
                    "spelling": variant_spelling(phrase, tgt_lang, rng, src_lang, texts, sources, term.name),
                    "reorder": variant_reorder(phrase, tgt_lang, rng),
                }
                for kind, var in found.items():
                    if var and var.lower() != phrase.lower():
                        options[kind].append((term, k, start, end, phrase, var))
        if not options:
            continue
        kind = min(options, key=lambda kd: (used[kd], KINDS.index(kd)))
        used[kind] += 1
        term, k, start, end, phrase, var = rng.choice(options[kind])
        segs_txt = list(texts)
        offset = sum(len(t) + 1 for t in segs_txt[:k])
        segs_txt[k] = segs_txt[k][:start] + var + segs_txt[k][end:]
        text = "\n".join(segs_txt)
        gold = (offset + start, offset + start + len(var))
        assert text[gold[0]:gold[1]] == var
        cases.append(Case(art, text, gold, kind, phrase, var, term, split))
    return cases


# --- running -------------------------------------------------------------------------------------------

_CONFIG = Config()


def run_case(case: Case, src_lang: str, tgt_lang: str) -> tuple[list[Issue], float]:
    source_text = "\n".join(s for s, _ in case.article.segments)
    src = make_document(source_text, path=None, lang=src_lang, encoding=None, presegmented=True)
    tgt = make_document(case.target_text, path=None, lang=tgt_lang, encoding=None, presegmented=True)
    n = len(case.article.segments)
    assert len(src.sentences) == n and len(tgt.sentences) == n, (case.article.doc, len(src.sentences), len(tgt.sentences), n)
    alignment = tuple(Bead((i,), (i,)) for i in range(n))
    ctx = CheckContext(source=src, target=tgt, alignment=alignment, config=_CONFIG)
    t0 = time.perf_counter()
    issues = list(terminology_drift(ctx))
    return issues, (time.perf_counter() - t0) * 1000


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Tally:
    positives: int = 0
    negatives: int = 0
    found: int = 0
    exact: int = 0
    suggestion: int = 0
    flagged_pos: int = 0
    true_pos: int = 0
    flagged_neg: int = 0
    new_flagged_pos: int = 0  # issues of a positive article not raised on its untouched copy
    new_true_pos: int = 0
    consistent_terms: int = 0  # gold terms of the negatives (provably consistent)
    consistent_flagged: int = 0  # of which at least one occurrence is overlapped by an issue
    consistent_issues: int = 0  # issues of the negatives that overlap an occurrence of a gold term
    drift_pos: int = 0  # issues of positives, not the variant, pointing at drift the other references attest
    drift_neg: int = 0  # the same on the negatives (see reference_drift)
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_freq: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def __add__(self, other: "Tally") -> "Tally":
        """The tally of both sets together (pooled: counts summed, the ratios computed from the sums)."""
        out = Tally()
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, int):
                setattr(out, name, mine + theirs)
            else:
                merged = getattr(out, name)
                for table in (mine, theirs):
                    for key, (hit, total) in table.items():
                        merged[key][0] += hit
                        merged[key][1] += total
        return out

    def row(self) -> dict:
        recall = self.found / self.positives if self.positives else 0.0
        precision = self.true_pos / self.flagged_pos if self.flagged_pos else 0.0
        return {
            "positives": self.positives, "negatives": self.negatives,
            "recall": round(recall, 3), "precision": round(precision, 3),
            "false_alarms_per_negative": round(self.flagged_neg / self.negatives, 3) if self.negatives else 0.0,
            # The same two figures, not counting as false the issues on drift the other human
            # references attest (reference_drift): counted in neither numerator nor denominator.
            "precision_attested_drift_excluded": round(self.true_pos / (self.flagged_pos - self.drift_pos), 3)
            if self.flagged_pos > self.drift_pos else 0.0,
            "false_alarms_per_negative_attested_drift_excluded":
                round((self.flagged_neg - self.drift_neg) / self.negatives, 3) if self.negatives else 0.0,
            "attested_drift_issues": {"positives": self.drift_pos, "negatives": self.drift_neg},
            "precision_new_flags": round(self.new_true_pos / self.new_flagged_pos, 3) if self.new_flagged_pos else 0.0,
            "new_flags_per_positive": round((self.new_flagged_pos - self.new_true_pos) / self.positives, 3)
            if self.positives else 0.0,
            "consistent_terms_flagged": f"{self.consistent_flagged}/{self.consistent_terms}",
            "consistent_terms_flagged_rate": round(self.consistent_flagged / self.consistent_terms, 3)
            if self.consistent_terms else 0.0,
            "issues_on_consistent_terms_per_negative": round(self.consistent_issues / self.negatives, 3)
            if self.negatives else 0.0,
            "exact_span": round(self.exact / self.found, 3) if self.found else 0.0,
            "suggestion_ok": round(self.suggestion / self.found, 3) if self.found else 0.0,
            "recall_by_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(self.by_kind.items())},
            "recall_macro_over_kinds": round(statistics.mean(v[0] / v[1] for v in self.by_kind.values()), 3)
            if self.by_kind else 0.0,
            "recall_by_segments": {k: f"{v[0]}/{v[1]}" for k, v in sorted(self.by_freq.items())},
        }


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _respelling(a: str, b: str) -> bool:
    """Two spellings of one word or name (Chengdu / Chendu, Lucas / Lukas): same first letter, at most
    two edits apart once case and accents are folded."""
    fa, fb = _fold(a), _fold(b)
    return len(fa) >= 4 and len(fb) >= 4 and fa[0] == fb[0] and fa != fb and _levenshtein(fa, fb) <= 2


def _has(text: str, form: str) -> bool:
    """``form`` occurs in ``text`` at the start of a word (inflection endings may follow), ignoring case."""
    return re.search(r"(?<!\w)" + re.escape(form.lower()), text.lower()) is not None


def reference_drift(case: Case, issue: Issue, by_seg: dict[tuple[str, int], dict[str, str]]) -> bool:
    """The issue points at drift that the other translations of the same document attest, judged without
    the engine: the flagged text V (segment k) and the suggestion D (found in the segments of
    ``related``, the *D-segments*) are two renderings of one source term when

    1. segment k of this translation does not contain D (else V is something beside the rendering);
    2. V renders the term: it is a respelling of D (``_respelling``: Chengdu / Chendu), or another
       translation of the document (any reference or MT system of the MQM set) writes V both in
       segment k and in a D-segment, i.e. V is somebody's rendering of what this translation wrote D
       for;
    3. another *human* reference writes one and the same of the two forms (V or D) in segment k and in
       a D-segment: an independent translator rendered both places the same way, so they hold the same
       term and this translation changed its rendering between them.
    Matching is case-insensitive, at word starts (inflection endings may follow)."""
    sp = issue.target_span
    if sp is None or not issue.suggestion:
        return False
    text = case.target_text
    segs = text.split("\n")
    k = text.count("\n", 0, sp.start)
    flagged, dominant = text[sp.start:sp.end], issue.suggestion
    if _has(segs[k], dominant):
        return False
    dom_segs = {text.count("\n", 0, r.start) for r in issue.related} - {k}
    art = case.article
    ids = art.seg_ids  # type: ignore[attr-defined]

    def others(j: int) -> dict[str, str]:
        return {system: t for system, t in by_seg.get((art.doc, ids[j]), {}).items() if system != art.system and t}

    here = others(k)
    there = [others(j) for j in dom_segs]

    def both(system: str, form: str) -> bool:
        return _has(here.get(system, ""), form) and any(_has(o.get(system, ""), form) for o in there)

    if not (_respelling(flagged, dominant) or any(both(system, flagged) for system in here)):
        return False
    return any(both(ref, form) for ref in here if ref.startswith("ref") for form in (flagged, dominant))


def _issue_key(text: str, issue: Issue) -> tuple:
    sp = issue.target_span
    assert sp is not None
    return (text.count("\n", 0, sp.start), text[sp.start:sp.end], issue.suggestion)


def evaluate(cases: list[Case], src_lang: str, tgt_lang: str, min_severity: Severity,
             results: dict[int, list[Issue]], by_seg: dict[tuple[str, int], dict[str, str]]) -> Tally:
    tally = Tally()
    # The issues of each untouched article, by (segment, flagged text, suggestion): an issue of the
    # positive copy found there too was not caused by the injection.
    untouched: dict[tuple[str, str], set[tuple]] = {}
    for idx, case in enumerate(cases):
        if case.gold is None:
            untouched[(case.article.doc, case.article.system)] = {
                _issue_key(case.target_text, i) for i in results[idx]
                if i.severity.rank >= min_severity.rank and i.target_span}
    for idx, case in enumerate(cases):
        issues = [i for i in results[idx] if i.severity.rank >= min_severity.rank and i.target_span]
        spans = [(i.target_span.start, i.target_span.end) for i in issues]  # type: ignore[union-attr]
        if case.gold is None:
            tally.negatives += 1
            tally.flagged_neg += len(issues)
            tally.drift_neg += sum(1 for i in issues if reference_drift(case, i, by_seg))
            tally.consistent_issues += sum(1 for sp in spans if any(_overlap(sp, c) for t in case.consistent for c in t))
            for term in case.consistent:
                tally.consistent_terms += 1
                if any(_overlap(sp, c) for sp in spans for c in term):
                    tally.consistent_flagged += 1
            continue
        tally.positives += 1
        tally.flagged_pos += len(issues)
        hits = [i for i, sp in zip(issues, spans) if _overlap(sp, case.gold)]
        tally.true_pos += len(hits)
        tally.drift_pos += sum(1 for i, sp in zip(issues, spans)
                               if not _overlap(sp, case.gold) and reference_drift(case, i, by_seg))
        before = untouched.get((case.article.doc, case.article.system), set())
        for i, sp in zip(issues, spans):
            if _overlap(sp, case.gold):
                tally.new_flagged_pos += 1
                tally.new_true_pos += 1
            elif _issue_key(case.target_text, i) not in before:
                tally.new_flagged_pos += 1
        kind = tally.by_kind[case.kind]
        assert case.term is not None
        freq = tally.by_freq["3 segments" if len(case.term.segments) == 3 else "4+ segments"]
        kind[1] += 1
        freq[1] += 1
        if hits:
            tally.found += 1
            kind[0] += 1
            freq[0] += 1
            if any((h.target_span.start, h.target_span.end) == case.gold for h in hits):  # type: ignore[union-attr]
                tally.exact += 1
            if any((h.suggestion or "").lower() == (case.original or "").lower() for h in hits):
                tally.suggestion += 1
    return tally


def long_article_ms(cases: list[Case], src_lang: str, tgt_lang: str, sentences: int = 2000) -> tuple[float, int]:
    src_lines: list[str] = []
    tgt_lines: list[str] = []
    for case in cases:
        if case.gold is not None:
            continue
        src_lines.extend(s for s, _ in case.article.segments)
        tgt_lines.extend(case.target_text.split("\n"))
        if len(src_lines) >= sentences:
            break
    while len(src_lines) < sentences:  # repeat if the set is small
        src_lines += src_lines
        tgt_lines += tgt_lines
    src_lines, tgt_lines = src_lines[:sentences], tgt_lines[:sentences]
    art = Article("long", "long", "long", list(zip(src_lines, tgt_lines)))
    case = Case(art, "\n".join(tgt_lines), None)
    _, ms = run_case(case, src_lang, tgt_lang)
    return ms, sentences


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--split", choices=("all", "dev", "test"), default="all")
    ap.add_argument("--pairs", default="zhen,ende")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--show-misses", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument("--quick", action="store_true", help="skip the long-article timing")
    args = ap.parse_args(argv)

    report: dict = {"date": _dt.date.today().isoformat(), "python": platform.python_version(), "seed": SEED,
                    "pairs": {}}
    pooled: dict[str, Tally] = {}
    pairs = args.pairs.split(",")
    for pair in pairs:
        src_lang, tgt_lang = PAIRS[pair]
        arts, by_seg = articles(args.data, pair)
        cases = [c for c in build_cases(arts, by_seg, src_lang, tgt_lang)
                 if args.split == "all" or c.split == args.split]
        results: dict[int, list[Issue]] = {}
        times = []
        for idx, case in enumerate(cases):
            results[idx], ms = run_case(case, src_lang, tgt_lang)
            times.append(ms)
        rows = {}
        for label, sev in (("minor+", Severity.MINOR), ("all", Severity.INFO)):
            tally = evaluate(cases, src_lang, tgt_lang, sev, results, by_seg)
            pooled[label] = pooled[label] + tally if label in pooled else tally
            rows[label] = tally.row()
        entry = {"targets": sorted({c.article.system for c in cases}), "articles": len({(c.article.doc, c.article.system) for c in cases}),
                 "kinds": dict(Counter(c.kind for c in cases if c.kind)), "scores": rows,
                 "median_ms_per_article": round(statistics.median(times), 2), "max_ms_per_article": round(max(times), 1)}
        if not args.quick:
            ms, n = long_article_ms(cases, src_lang, tgt_lang)
            entry["long_article"] = {"sentences": n, "ms": round(ms, 1)}
        report["pairs"][pair] = entry
        print(f"== {pair} ({args.split}): {entry['articles']} articles, targets {', '.join(entry['targets'])}")
        print(f"   variants by kind: {entry['kinds']}")
        print(f"   {'severity':8} {'pos':>4} {'neg':>4} {'recall':>7} {'macro':>6} {'prec':>6} {'FA/neg':>7} {'exact':>6} {'sugg':>6}  recall by kind")
        for label, r in rows.items():
            print(f"   {label:8} {r['positives']:4d} {r['negatives']:4d} {r['recall']:7.3f} {r['recall_macro_over_kinds']:6.3f} {r['precision']:6.3f} "
                  f"{r['false_alarms_per_negative']:7.3f} {r['exact_span']:6.3f} {r['suggestion_ok']:6.3f}  {r['recall_by_kind']} "
                  f"{r['recall_by_segments']}")
        for label, r in rows.items():
            print(f"   {label:8} attested drift excluded: precision {r['precision_attested_drift_excluded']:.3f}, "
                  f"FA/neg {r['false_alarms_per_negative_attested_drift_excluded']:.3f} "
                  f"(issues on drift the other references attest: {r['attested_drift_issues']})")
        print(f"   median {entry['median_ms_per_article']} ms per article (max {entry['max_ms_per_article']})"
              + (f"; {entry['long_article']['sentences']}-sentence article: {entry['long_article']['ms']} ms"
                 if "long_article" in entry else ""))
        for label, r in rows.items():
            print(f"   {label:8} precision on new flags {r['precision_new_flags']:.3f} ({r['new_flags_per_positive']:.3f} new false flags per positive); "
                  f"provably consistent terms flagged {r['consistent_terms_flagged']} ({r['consistent_terms_flagged_rate']:.3f}), "
                  f"{r['issues_on_consistent_terms_per_negative']:.3f} such issues per negative")
        if args.show_misses:
            _show(cases, results, args.show_misses, by_seg)
    if len(pairs) > 1:
        # The synthetic set as a whole (both pairs' articles): counts summed, ratios from the sums.
        report["pooled"] = {"pairs": pairs, "scores": {label: t.row() for label, t in pooled.items()}}
        print(f"== pooled ({'+'.join(pairs)}, {args.split})")
        for label, t in pooled.items():
            r = t.row()
            print(f"   {label:8} positives {r['positives']}, negatives {r['negatives']}: recall {r['recall']:.3f} "
                  f"({t.found}/{t.positives}), precision {r['precision']:.3f} ({t.true_pos}/{t.flagged_pos}), "
                  f"FA/neg {r['false_alarms_per_negative']:.3f}; attested drift excluded: precision "
                  f"{r['precision_attested_drift_excluded']:.3f}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _show(cases: list[Case], results: dict[int, list[Issue]], limit: int,
          by_seg: dict[tuple[str, int], dict[str, str]]) -> None:
    misses, alarms = [], []
    for idx, case in enumerate(cases):
        issues = [i for i in results[idx] if i.severity.rank >= Severity.MINOR.rank]
        for i in issues:
            sp = (i.target_span.start, i.target_span.end)  # type: ignore[union-attr]
            if case.gold is None or not _overlap(sp, case.gold):
                tag = "A" if reference_drift(case, i, by_seg) else " "
                alarms.append(f"   FA{'-' if case.gold is None else '+'}{tag} [{case.article.doc} {case.article.system}] {i.severity.value} {i.confidence} "
                              f"{i.message!r} at {case.target_text[sp[0]:sp[1]]!r}")
        if case.gold is not None and not any(_overlap((i.target_span.start, i.target_span.end), case.gold) for i in issues):  # type: ignore[union-attr]
            assert case.term is not None
            misses.append(f"   MISS [{case.article.doc} {case.article.system}] {case.kind}: "
                          f"{' '.join(case.term.source_key)} | {case.original!r} -> {case.variant!r}"
                          f" ({len(case.term.segments)} segs)")
    for line in misses[:limit] + alarms[:limit]:
        print(line)
    print(f"   ({len(misses)} misses, {len(alarms)} false alarms)")


if __name__ == "__main__":
    raise SystemExit(main())
