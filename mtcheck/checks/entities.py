"""Entity checks (``accuracy/entity``): URLs, e-mail addresses, handles and hashtags, acronyms with their
legitimate equivalents (NATO ↔ OTAN ↔ 北约), identifiers with digits (G20, A380, H5N1) and Latin-script
names inside a source in another script.

Equivalents are kept in ``entities.tsv`` beside this module (one concept per line, one column per
language); a configuration may add its own file of the same shape (``Config.entity_equivalents``: a path).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..domains import TLD, TLDS
from ..langid import scripts_of_lang
from ..segment import text_cache
from ..types import Category, Issue, RelatedSpan, Severity
from .data import (MARKUP_RE, UNSPACED_RANGES, URL_STOP, WORD_RE, BeadSide, UrlHint, ascii_case_counts, base_lang,
                   bead_sides, blank_spans, document_joined, identity_cache, literal_trie, sentences_matching)
from .registry import CheckContext, register

_DATA_FILE = Path(__file__).with_name("entities.tsv")

_TRAIL = ".,;:!?'’\")»”]}>。，、；：！？）"
# A letter or digit of a word that spaces separate (``UNSPACED_RANGES``: « ECBの », « NATO와 »).
_SPACED_WORD_CHAR = f"[^\\W{UNSPACED_RANGES}]"


# A URL ends at ``URL_STOP`` (« www.gov.uk/speeches以及X平台 »: the Chinese words after it are no part of
# it); a domain may stand against such words (« 在example.org上 »).
_URL_RE = re.compile(
    f"(?:https?://|ftp://|www\\.)[^{URL_STOP}]+"
    f"|(?<![@.-])(?<!{_SPACED_WORD_CHAR})[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.{TLD}"
    f"(?:/[^{URL_STOP}]*)?(?![\\w.-]*{_SPACED_WORD_CHAR})",
    re.IGNORECASE,
)
# What every match of _URL_RE holds: a scheme, "www." or a dot before one of its domains.
_URL_HINT = UrlHint(TLDS)
# An e-mail's local part and a handle are ASCII: a Chinese or Japanese word glued before or after them is
# no part of them (« 联系press@example.org », « 的@10DowningStreet上 »).
_EMAIL_RE = re.compile(r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_HANDLE_RE = re.compile(r"(?<![A-Za-z0-9_@.])@[A-Za-z0-9_]{2,30}(?![A-Za-z0-9_@])")
_HASHTAG_RE = re.compile(r"(?<![\w&#])#[^\W\d_][\w]{1,60}")
# Acronyms: two or more capitals (digits and & allowed after the first), not part of a longer word.
# (Patterns here test their first letter before the lookbehind on the character before it: a pattern that
# opens with a lookbehind runs it at every position of the text, one that opens with a letter class lets
# ``re`` skip to the positions holding such a letter. Same matches.)
_ACRONYM_RE = re.compile(r"[A-Z](?<![A-Za-z0-9&.'’-].)[A-Z0-9&]*[A-Z][A-Z0-9]*(?:-[0-9]+)?(?![A-Za-z0-9&])", re.DOTALL)
# Identifiers mixing letters and digits: G20, A380, H5N1, MH370, COVID-19, 5G is a number word (no).
_IDENT_RE = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z]{1,6}-?[0-9]+[A-Za-z0-9]*(?![A-Za-z0-9])")
_DIGIT_RE = re.compile("[0-9]")
# After a dateline's city in capitals at the start of an article ("ROME, March 3 (Reuters) -", "LIMA (AP) —"):
# a comma, a bracket or a dash. An unknown word of capitals there is the city, not an acronym.
_DATELINE_AFTER_RE = re.compile(r" ?[,(\-–—]")
_LATIN_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’&.-]*[A-Za-z0-9]|[A-Za-z]{2,}")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
# Capital sequences that are no acronym of an entity: Roman numerals, units, times, common words.
_NOT_ACRONYMS = frozenset(
    "OK TV PM AM GMT UTC CET CEST EST EDT PST BST KM KG MW GW KW KWH MWH GWH TWH GB MB TB CM MM HD PR "
    "ID PS VS CD DVD PDF HTML MP MPS USD EUR GBP CNY RMB JPY CHF HKD SMS".split()
)


@dataclass(frozen=True)
class _Concept:
    forms: dict  # lang -> tuple of forms: every form that renders the concept in a translation
    acronyms: frozenset  # every all-capital or letters-and-digits form (NATO, G20) of any language
    named: dict  # lang -> tuple of the forms that name it (looked for in a source): not ``_accept_only``


def _accept_only(form: str) -> bool:
    """A form that renders a concept but does not name it: one marked ``~`` in the file (a capital city for
    its country or union, « Brüssel », 워싱턴; an adjective of a script without case, « الأوروبي »; a common
    noun, 国内生产总值), or one in lower case in a script with case (an adjective or a common noun:
    « européen », „europäisch“, « ευρωπαϊκ », « приложение »). A source's « Brüssel » or the « ευρωπαϊκ » of
    « Ευρωπαϊκής Κεντρικής Τράπεζας » (the ECB) does not ask the translation for the EU."""
    return form.startswith("~") or form[0].islower()


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form


def _read_concepts(path: Path) -> list[_Concept]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        cols = line.split("\t")
        forms, named = {}, {}
        for lang, cell in zip(header[1:], cols[1:]):
            marked = [f.strip() for f in cell.split("|") if f.strip().lstrip("~")]
            if marked:
                forms[lang] = tuple(f.lstrip("~") for f in marked)
                named[lang] = tuple(f for f in marked if not _accept_only(f))
        acronyms = frozenset(f for vals in forms.values() for f in vals if _is_acronym(f) or _IDENT_RE.fullmatch(f))
        out.append(_Concept(forms, acronyms, named))
    return out


@lru_cache(maxsize=64)
def _names_and_others(lang: str, extra: Optional[str]) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """Per concept with both kinds in ``lang``'s column: the forms that name it and its other forms (adjectives,
    peoples, capitals), lower-cased."""
    out = []
    for concept in _concepts(extra)[0]:
        named = frozenset(f.lower() for f in concept.named.get(lang, ()))
        other = tuple(f.lower() for f in concept.forms.get(lang, ()) if f.lower() not in named)
        if named and other:
            out.append((named, other))
    return tuple(out)


def name_and_adjective(a: str, b: str, lang: str, extra: Optional[str] = None) -> bool:
    """Whether one of ``a`` and ``b`` names a concept of the equivalents file and the other is one of its
    forms that do not name it (an adjective, a people, a capital: "UK" and "British", "US" and "American",
    „China“ and „chinesische“; a lower-case stem takes an ending of up to three letters), in ``lang``'s
    column: the same thing in another part of speech."""
    low_a, low_b = a.lower(), b.lower()
    for named, other in _names_and_others(lang, extra):

        def is_other(low: str) -> bool:
            return any(low == f or (len(f) >= 4 and f.islower() and low.startswith(f) and len(low) - len(f) <= 3)
                       for f in other)

        if (low_a in named and is_other(low_b)) or (low_b in named and is_other(low_a)):
            return True
    return False


@lru_cache(maxsize=8)
def _names_by_concept(lang: str, extra: Optional[str]) -> tuple[frozenset[str], ...]:
    """Per concept with two forms or more in ``lang``'s column (else the English one): those forms,
    lower-cased ("us", "u.s.", "usa", "united states", "america", "american", "washington"…)."""
    out = []
    for concept in _concepts(extra)[0]:
        forms = frozenset(f.lower() for f in concept.forms.get(lang) or concept.forms.get("en", ()))
        if len(forms) >= 2:
            out.append(forms)
    return tuple(out)


def two_names(a: str, b: str, lang: str, extra: Optional[str] = None) -> bool:
    """Whether ``a`` and ``b`` name one thing two ways, the words they share aside ("RMB exchange rate",
    "renminbi exchange rate"): two forms of the same concept of the equivalents file in ``lang``'s column
    ("US" and "United States", „UNO“ and „Vereinte Nationen“), or an acronym and the capitalised words that
    spell it ("NEA", "National Election Authority")."""
    wa, wb = a.split(), b.split()
    while wa and wb and wa[0].lower() == wb[0].lower():
        wa, wb = wa[1:], wb[1:]
    while wa and wb and wa[-1].lower() == wb[-1].lower():
        wa, wb = wa[:-1], wb[:-1]
    if not wa or not wb:
        return False
    x, y = " ".join(wa), " ".join(wb)
    low_x, low_y = x.lower(), y.lower()
    if any(low_x in forms and low_y in forms for forms in _names_by_concept(lang, extra)):
        return True
    for acronym, words in ((x, y), (y, x)):
        if acronym.isalpha() and acronym.isupper() and len(words.split()) == len(acronym) and _spelled_out(acronym, words):
            return True
    return False


@lru_cache(maxsize=8)
def _concepts(extra: Optional[str]) -> tuple[tuple[_Concept, ...], dict]:
    concepts = _read_concepts(_DATA_FILE)
    if extra:
        concepts += _read_concepts(Path(extra))
    by_acronym: dict[str, list[_Concept]] = {}
    for c in concepts:
        for a in c.acronyms:
            by_acronym.setdefault(_norm_ident(a), []).append(c)
    return tuple(concepts), by_acronym


@text_cache()
def _norm_ident(s: str) -> str:
    return re.sub(r"[\s.-]", "", s).lower()


def _latin_form(form: str) -> bool:
    """A form matched from a word start, case aside (Latin and other alphabets); the others (Han, kana…,
    Hebrew and Arabic, whose prepositions, article and "and" glue to the word: « והאיחוד האירופי »,
    « والاتحاد الأوروبي », and the Indic scripts, whose vowel signs ``\\w`` does not read) are matched as the
    plain literal, anywhere."""
    return form[0].isascii() or form[0].isalpha() and form[0] < "\u3000" and not "\u0590" <= form[0] <= "\u0dff"


@lru_cache(maxsize=4096)
def _form_regex(form: str, caseless: bool = False) -> re.Pattern:
    if _latin_form(form):
        # Latin forms: from a word start; forms of 4+ letters may be followed by an ending ("America" in
        # "American", "Nations" in "Nations-Unies"); short ones must be whole words.
        tail = "" if len(form) >= 4 and not _is_acronym(form) else f"(?!{_SPACED_WORD_CHAR})"
        if _is_acronym(form) and not caseless:
            # An acronym matches "NATO" and "Nato", not a word in lower case: "US" is no "us", Indonesian
            # "AS" no English "as". (In a text that has lost its casing, ``caseless``, « pcc » is the PCC.)
            tail = f"(?-i:(?<![{_LOWER}].{{{len(form) - 1}}}))" + tail
        return re.compile(_after_no_word_char(form) + tail, re.IGNORECASE | re.DOTALL)
    return re.compile(re.escape(form))


_LOWER = "a-zß-öø-ÿα-ωάέήίόύώϊϋΐΰа-яёіїєґ"


@lru_cache(maxsize=64)
def _non_latin_forms(extra: Optional[str], src_lang: str) -> tuple[list, Optional[re.Pattern]]:
    """The concepts (of the equivalents files, ``extra`` the configured one) with forms of ``src_lang`` not in ASCII, with those forms, and one pattern that
    matches where any of those forms' patterns does (None when there are none): a text it does not
    match holds none of them."""
    out = [(c, [f for f in c.named[src_lang] if not f.isascii()]) for c in _concepts(extra)[0]
           if any(not f.isascii() for f in c.named.get(src_lang, ()))]
    every = [f for _, forms in out for f in forms]
    if every and not any(_latin_form(f) for f in every):
        # Plain literals (Han, kana…): their trie matches where one of them does, several times faster than
        # their alternation.
        return out, re.compile(literal_trie(every))
    parts = []
    for f in every:
        rx = _form_regex(f)
        parts.append(f"(?is:{rx.pattern})" if rx.flags & re.IGNORECASE else f"(?s:{rx.pattern})")
    return out, (re.compile("|".join(parts)) if parts else None)


@identity_cache(16)
def _forms_by_kind(non_latin: list) -> tuple[frozenset[str], dict[str, tuple[str, ...]], dict[str, tuple[int, ...]]]:
    """The forms of ``non_latin`` matched from a word start (``_latin_form``), the plain literals by their
    first character, and for each form the concepts (their places in ``non_latin``) that list it: worked out
    once per list (``_non_latin_forms`` gives the same list for a configuration and a language)."""
    every = [f for _, forms in non_latin for f in forms]
    by_first: dict[str, list[str]] = {}
    for f in dict.fromkeys(f for f in every if not _latin_form(f)):
        by_first.setdefault(f[0], []).append(f)
    owners: dict[str, list[int]] = {}
    for k, (_, forms) in enumerate(non_latin):
        for f in forms:
            owners.setdefault(f, []).append(k)
    return (frozenset(f for f in every if _latin_form(f)), {ch: tuple(fs) for ch, fs in by_first.items()},
            {f: tuple(ks) for f, ks in owners.items()})


def _found_forms(non_latin: list, text: str, skip: Optional[Callable[[str, int, int], bool]] = None) -> list:
    """(concept, (form, start, end)) for each concept of ``non_latin`` one of whose forms is in ``text``:
    the first of its forms found (``_form_spans``), not inside a longer form of another concept found there
    (英国 of 英国广播公司, the BBC, asks for no UK). A plain literal (``_latin_form`` false) is found when it
    is in the text: the forms of the text are picked out by ``in`` before the concepts are read. ``skip(text,
    start, end)``: places that do not count (_title_word)."""
    latin, plain, owners = _forms_by_kind(non_latin)
    # A plain literal is in the text only if its first character is: the forms of the text's characters.
    present = latin | {f for ch in plain.keys() & set(text) for f in plain[ch] if f in text}
    # The concepts with a form present, in their order (the others find nothing below).
    concerned = [non_latin[k] for k in sorted({k for f in present for k in owners[f]})]
    hits = [(c, f, span) for c, forms in concerned for f in forms if f in present for span in _form_spans(f, text)]
    out = []
    for c, forms in concerned:
        for f in forms:
            if f not in present:
                continue
            free = [(a, b) for c2, f2, (a, b) in hits if c2 is c and f2 == f and not any(
                c3 is not c and a3 <= a and b <= b3 and b3 - a3 > b - a for c3, _, (a3, b3) in hits)
                and not (skip is not None and skip(text, a, b))]
            if free:
                out.append((c, (f, *free[0])))
                break
    return out


def _form_spans(form: str, text: str) -> list[tuple[int, int]]:
    """Every place ``_form_regex(form)`` matches in ``text``; a form whose pattern is the plain literal (Han,
    kana…) is looked for as a substring."""
    if _latin_form(form):
        return [m.span() for m in _form_regex(form).finditer(text)]
    spans, pos = [], text.find(form)
    while pos >= 0:
        spans.append((pos, pos + len(form)))
        pos = text.find(form, pos + 1)
    return spans


def _caseless(text: str) -> bool:
    """Whether ``text`` has lost its casing (or is written without case): fewer than one letter in 200 is a
    capital (a sentence of news opens with one every 130 letters or so; the founding sample's translation,
    all in lower case but for a few stray letters, has 11 in 3,785). There an acronym written in lower case
    (« pcc ») is still that acronym."""
    if text == text.lower():
        return True
    return sum(map(str.isupper, text)) * 200 < sum(map(str.isalpha, text))


@lru_cache(maxsize=4096)
def _form_key(form: str) -> str:
    """Two letters that every text ``_form_regex(form)`` matches in holds once lower-cased (its first two,
    lower-cased), or "" (in every text) when ``re``'s case-insensitive matching reads them otherwise than
    ``str.lower`` may: beyond ASCII, and i, s and k (which match ı, ſ and the Kelvin sign K)."""
    key = form[:2].lower()
    return key if key.isascii() and not set(key) & {"i", "s", "k"} else ""


@identity_cache(4096)
def _keyed_forms(concept: _Concept, lang: str) -> tuple[tuple[str, str], ...]:
    """The forms of ``concept`` in ``lang`` (else in English), then its acronyms, each with its ``_form_key``:
    worked out once per concept and language."""
    forms = concept.forms.get(lang) or concept.forms.get("en", ())
    return tuple((f, _form_key(f)) for f in (*forms, *concept.acronyms))


def _has_form(concept: _Concept, lang: str, text: str, caseless: Callable[[], bool] = lambda: False) -> bool:
    """Whether ``text`` holds a form of ``concept`` (of ``lang``, else English) or one of its acronyms;
    ``caseless()``: whether the text has lost its casing, where an acronym may be in lower case (asked only
    when no form is found otherwise: most acronyms are)."""
    low = text.lower()
    for f, key in _keyed_forms(concept, lang):
        if key in low and _form_regex(f).search(text):
            return True
    if concept.acronyms and caseless():
        return any(_form_regex(f, True).search(text) for f, _ in _keyed_forms(concept, lang) if _is_acronym(f))
    return False


# "US dollar", „US-Dollar“, "US$": a currency (人民币对美元), which names no country.
_CURRENCY_AFTER_RE = re.compile(r"[\s-]?(?:\$|dollar|dólar|dollaro|dollari)", re.IGNORECASE)


# The concepts of the file that are things, not organisations, countries or news outlets (by their first
# English form): a source's GDP left out is no organisation renamed, and "AI" in a translation names none.
_COMMON_NOUN_CONCEPTS = frozenset({"GDP", "AI", "COVID-19", "CEO", "CFO", "SME", "NGO", "EV", "app", "DNA", "AIDS",
                                   "RMB"})
# What a Chinese source writes for a country in compounds (驻英使馆 "the embassy in the UK", 中美 "China and
# the US", 访华 "visiting China"): a source holding the character may name the country, so the country in
# the translation renders nothing else.
_ZH_COUNTRY_CHARACTERS = {"UK": "英", "US": "美", "PRC": "中华", "HK": "港"}


# The news outlets of the file (by their first English form).
_NEWS_OUTLETS = frozenset({"Chinanews", "Xinhua"})


def _english_name(concept: _Concept) -> str:
    return (concept.named.get("en") or concept.forms.get("en") or ("",))[0]


@identity_cache(64)
def _substitutes(concepts: tuple[_Concept, ...], tgt_lang: str) -> list[tuple[_Concept, str, list[tuple[str, str]]]]:
    """The concepts that may name something else in a translation (not the file's common nouns), in file
    order, each with its English name and the forms looked for (those that name it in ``tgt_lang``, else in
    English, then its acronyms), each with its ``_form_key``; worked out once per set of concepts and
    language."""
    out = []
    for d in concepts:
        name = _english_name(d)
        if name in _COMMON_NOUN_CONCEPTS:
            continue
        forms = (*(d.named.get(tgt_lang) or d.named.get("en", ())), *sorted(d.acronyms))
        out.append((d, name, [(f, _form_key(f)) for f in forms]))
    return out


def _substitute(concepts: tuple[_Concept, ...], missing: Iterable[_Concept], tgt_lang: str, src_lang: str,
                src_text: str, tgt_text: str) -> Optional[tuple[str, re.Match]]:
    """Another concept of the file that the translation names where the source's is missing, and that the
    source names nowhere (in any of its forms, adjectives and capitals included): the UN rendered
    „Vereinigten Staaten“ (the US): the concept's first English name and the match of its first form found in
    the translation (a form that names it in the target language, else in English, or one of its acronyms);
    None when there is none."""
    missing = list(missing)
    if any(_english_name(c) in _COMMON_NOUN_CONCEPTS for c in missing):
        return None
    skip = set(map(id, missing))
    low = tgt_text.lower()
    for d, name, forms in _substitutes(concepts, tgt_lang):
        if id(d) in skip:
            continue
        if src_lang == "zh" and any(ch in src_text for ch in _ZH_COUNTRY_CHARACTERS.get(name, "")):
            continue
        for f, key in forms:
            if key not in low:
                continue
            m = next((m for m in _form_regex(f).finditer(tgt_text) if not _CURRENCY_AFTER_RE.match(tgt_text, m.end())),
                     None)
            if m is not None:
                if _source_names(d, src_lang, src_text):
                    break
                return name or f, m
    return None


def _source_names(concept: _Concept, src_lang: str, src_text: str) -> bool:
    """Whether the source names ``concept``, in its language or in English (a name it quotes)."""
    return _has_form(concept, src_lang, src_text) or _has_form(concept, "en", src_text)


def _renamed(what: str, source_span, tgt: BeadSide, other: tuple[str, re.Match],
             suggestion: Optional[str]) -> Issue:
    """The major issue of a source name (``what``: "Acronym 'UN'", "'中新网'") that the translation renders as
    ``other`` (``_substitute``: another concept's English name and its match in ``tgt``)."""
    name, m = other
    return Issue("entities.acronym", Category.ACCURACY_ENTITY, Severity.MAJOR,
                 f"{what} of the source is rendered as '{m.group()}' ({name}), which names something else",
                 source_span=source_span, target_span=tgt.span(m.start(), m.end()), suggestion=suggestion)


# --- links: URLs, e-mails, handles, hashtags --------------------------------------------------------

@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    text: str
    key: str


def _url_key(u: str) -> str:
    u = u.lower()
    u = re.sub(r"^(?:https?|ftp)://", "", u)
    u = re.sub(r"^www\.", "", u)
    return u.rstrip("/")


@text_cache()
def _items(text: str, kind: str) -> tuple[_Item, ...]:
    """The links of one kind in ``text`` (a function of the text alone: kept for the texts a batch
    reads again, such as the sources shared by several translations)."""
    return tuple(_find_items(text, kind))


def _url_matches(text: str) -> list[re.Match]:
    return list(_URL_RE.finditer(text)) if _URL_HINT(text) else []


def _find_items(text: str, kind: str) -> list[_Item]:
    if not _may_hold(text, kind):
        return []
    if kind == "url":
        out = []
        emails = [m.span() for m in _EMAIL_RE.finditer(text)] if "@" in text else []
        for m in _URL_RE.finditer(text):
            if any(a <= m.start() < b for a, b in emails):
                continue
            s = m.group().rstrip(_TRAIL)
            if s:
                out.append(_Item(m.start(), m.start() + len(s), s, _url_key(s)))
        return out
    rx = {"email": _EMAIL_RE, "handle": _HANDLE_RE, "hashtag": _HASHTAG_RE}[kind]
    out = []
    for m in rx.finditer(text):
        s = m.group().rstrip(_TRAIL)
        if kind == "handle" and m.start() > 0 and text[m.start() - 1] == "@":
            continue
        out.append(_Item(m.start(), m.start() + len(s), s, s.lower()))
    return out


def _may_hold(text: str, kind: str) -> bool:
    """False only when ``text`` holds no item of ``kind`` for certain: no URL hint, or no "@" / "#" (every
    pattern but the URL one holds one of them)."""
    if kind == "url":
        return _URL_HINT(text)
    return ("#" if kind == "hashtag" else "@") in text


_KIND_NAMES = {"url": "URL", "email": "e-mail address", "handle": "handle", "hashtag": "hashtag"}


_KINDS_NOTE = "entity_link_kinds"


def _kinds_held(ctx: CheckContext) -> frozenset[str]:
    """The kinds of link that a sentence of the source may hold (``_may_hold``), tested once on its
    sentences joined by NUL: a kind left out (most) is not looked for bead by bead, as a bead gives an
    issue only when its source has a link of the kind. A bead side (its sentences joined by a space) may
    hold a kind only if one of its sentences does (no hint spans two sentences), and each test of
    ``_may_hold`` that holds for a sentence holds for the joined text (a character it holds; a match of
    the URL hint's pattern, whose test over the dots answers by searching the whole text, and NUL is no
    letter, no "w", no dot)."""
    joined, _ = document_joined(ctx.source)
    return frozenset(kind for kind in _KIND_NAMES if _may_hold(joined, kind))


def _link_issues(ctx: CheckContext, check_id: str, kinds: tuple[str, ...], severity: Severity) -> Iterator[Issue]:
    held = ctx.shared(_KINDS_NOTE, _kinds_held)
    kinds = tuple(kind for kind in kinds if kind in held)
    if not kinds:
        return
    for _, _, src, tgt in bead_sides(ctx):
        for kind in kinds:
            if not _may_hold(src.text, kind):
                continue  # the source holds no item of this kind (_find_items would find none): no issue
            s_items = _items(src.text, kind)
            t_items = _items(tgt.text, kind)
            if not s_items and not t_items:
                continue
            t_keys = {t.key for t in t_items}
            s_keys = {s.key for s in s_items}
            missing = [s for s in s_items if s.key not in t_keys]
            added = [t for t in t_items if t.key not in s_keys]
            name = _KIND_NAMES[kind]
            for s in missing:
                if added:
                    t = added.pop(0)
                    yield Issue(check_id, Category.ACCURACY_ENTITY, severity,
                                f"The source's {name} '{s.text}' is written '{t.text}' in the translation",
                                source_span=src.span(s.start, s.end), target_span=tgt.span(t.start, t.end),
                                suggestion=s.text)
                else:
                    yield Issue(check_id, Category.ACCURACY_ENTITY, severity,
                                f"The source's {name} '{s.text}' is missing from the translation",
                                source_span=src.span(s.start, s.end), target_span=None,
                                related=_related(tgt))
            if not s_items:
                continue  # the translator added an address the source names otherwise (新华网 → xinhuanet.com)
            for t in added:
                yield Issue(check_id, Category.ACCURACY_ENTITY, Severity.MINOR,
                            f"The translation has the {name} '{t.text}', which the source does not have",
                            source_span=src.whole(), target_span=tgt.span(t.start, t.end))


def _related(side: BeadSide) -> tuple:
    w = side.whole()
    return (RelatedSpan("target", w.start, w.end),) if w else ()


@register("entities.url", Category.ACCURACY_ENTITY, version=2, order=45)
def url_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """URL of the source missing or changed in the translation.

    URLs (``http://``, ``www.``, bare domains such as ``thepaper.cn`` or ``travel.gov.gr``: their last label,
    or the one before a country's code, one of ``mtcheck.domains``, in lower case or in capitals) of each
    bead's source must be in its translation; scheme, ``www.``, case and a trailing slash are ignored. A changed or missing URL is
    major; a URL only the translation has is minor. False positives: a translator who points to the
    target-language edition of a site (``lemonde.fr/en`` for ``lemonde.fr``), a URL that the aligner put
    in a neighbouring bead, a domain written as a name ("Amazon.com" → "Amazon").
    """
    yield from _link_issues(ctx, "entities.url", ("url",), Severity.MAJOR)


@register("entities.email", Category.ACCURACY_ENTITY, version=1, order=45)
def email_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """E-mail address of the source missing or changed in the translation.

    Compared case-insensitively, bead by bead. Major when missing or changed, minor when only the
    translation has one. False positives: an address deliberately localised (``presse@`` for ``press@``)
    or obfuscated ("name [at] example.org").
    """
    yield from _link_issues(ctx, "entities.email", ("email",), Severity.MAJOR)


@register("entities.handle", Category.ACCURACY_ENTITY, version=1, order=45)
def handle_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """Social-media handle (@name) or hashtag (#tag) of the source missing or changed in the translation.

    Minor: newsrooms sometimes translate a hashtag (#MeToo → #BalanceTonPorc is a different campaign,
    but #StayHome → #RestezChezVous is a legitimate localisation). False positives: those localised
    hashtags, and a handle the translator replaced by the account's name.
    """
    yield from _link_issues(ctx, "entities.handle", ("handle", "hashtag"), Severity.MINOR)


# --- acronyms, identifiers and names ----------------------------------------------------------------

@text_cache()
def _masked_links(text: str) -> str:
    """``text`` with URLs, e-mails, handles, hashtags and markup blanked out (same length)."""
    spans = [m.span() for m in _url_matches(text)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL_RE.finditer(text)]
    if "<" in text or "&" in text:
        spans += [m.span() for m in MARKUP_RE.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _HANDLE_RE.finditer(text)]
    if "#" in text:
        spans += [m.span() for m in _HASHTAG_RE.finditer(text)]
    return blank_spans(text, spans)


_MASKS_NOTE = "entity_masks"


def _masks(ctx: CheckContext) -> tuple[bool, bool]:
    """Whether ``_masked_links`` may blank anything in a side of the source, and of the target: not in a
    document none of whose sentences holds a URL hint, "@", "<", "&" or "#" (each piece of ``_masked_links``
    needs one; a side's hint is one of its sentences', see ``_kinds_held``), most of them."""
    out = []
    for doc in (ctx.source, ctx.target):
        joined, _ = document_joined(doc)
        out.append(_URL_HINT(joined) or any(c in joined for c in "@<&#"))
    return out[0], out[1]


def _masked_side(text: str, may_mask: bool) -> str:
    """``_masked_links(text)``, for a side of a document that ``_masks`` says may hold something to blank."""
    return _masked_links(text) if may_mask else text


@text_cache()
def _is_headline_caps(text: str) -> bool:
    """More than 60 % capitals among twelve or more ASCII letters (counted in C on the text's ASCII
    characters: the others are no ASCII letter)."""
    upper, letters = ascii_case_counts(text.encode("ascii", "ignore"))
    return letters >= 12 and upper / letters > 0.6


_CAPS_WORD_BEFORE_RE = re.compile(r"[A-Z]{2,}[^\w]{1,3}$")
_CAPS_WORD_AFTER_RE = re.compile(r"[^\w]{1,3}[A-Z]{2,}(?![a-z])")


def _shouted(text: str, start: int, end: int) -> bool:
    """Capitals next to other capitalised words ("MAN MACED IN ROW", "WRITE TO US"): shouting, not acronyms."""
    return bool(_CAPS_WORD_BEFORE_RE.search(text, max(0, start - 20), start)
                or _CAPS_WORD_AFTER_RE.match(text, end))


def _extra_file(ctx: CheckContext) -> Optional[str]:
    extra = getattr(ctx.config, "entity_equivalents", None)
    return str(extra) if extra else None


@lru_cache(maxsize=4096)
def _whole_word_regex(word: str) -> re.Pattern:
    return re.compile(_after_no_word_char(word) + f"(?!{_SPACED_WORD_CHAR})", re.IGNORECASE | re.DOTALL)


def _after_no_word_char(literal: str) -> str:
    """The pattern ``(?<!W)LITERAL`` (W: ``_SPACED_WORD_CHAR``) written ``LITERAL(?<!W.{n})`` (n = its
    length; for DOTALL): the same matches, but ``re`` looks for the literal first instead of testing the
    lookbehind at every position (each character of a literal matches one character, case ignored or not)."""
    return re.escape(literal) + r"(?<!%s.{%d})" % (_SPACED_WORD_CHAR, len(literal))


def _word_in(word: str, text: str) -> bool:
    return _whole_word_regex(word).search(text) is not None


@lru_cache(maxsize=4096)
def _acronym_regex(word: str) -> re.Pattern:
    """An acronym as a translation may write it: whole, or with an ``s`` (the German genitive „CNNs“, the
    plural "NGOs"), and one of letters and digits with a space or a hyphen between them ("APEC 2020" for
    APEC2020, "G-20" for G20)."""
    m = re.fullmatch(r"([A-Z&]+)([0-9]+)", word)
    body = re.escape(m.group(1)) + r"[ \-]?" + m.group(2) if m else re.escape(word)
    return re.compile(f"(?<!{_SPACED_WORD_CHAR}){body}s?(?!{_SPACED_WORD_CHAR})", re.IGNORECASE)


def _title_word(text: str, start: int, end: int) -> bool:
    """A source form inside a title in book-title marks (《中国机长》, the film "The Captain") or right before
    one (英国《泰晤士报》, "The Times"): the title's translation says what it says, the country may go."""
    if text[end:end + 1] and text[end:end + 1] in "《『":
        return True
    opening = max(text.rfind("《", 0, start), text.rfind("『", 0, start))  # not 「」: quotation marks in Japanese
    if opening < 0:
        return False
    closing = text.find("》" if text[opening] == "《" else "』", opening)
    return closing >= end and "\n" not in text[opening:closing]


_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz"})  # jieba: places, people, organisations, other names
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _zh_place_modifiers(text: str) -> tuple[set[tuple[int, int]], dict[int, int]]:
    """Where a place name of a Chinese ``text`` qualifies a name after it: the (start, end) of each place
    name (jieba's tag ``ns``: 美国, 英国) followed by a name (美国|洛杉矶, 英国|阿斯利康, 美国|陶氏|化学) or by
    a title and a person's name (美国|总统|特朗普, 英国|交通|大臣|沙普斯: up to three common nouns, then the
    name); and where each name of two words' length or more starts → where it ends (英国首相, 中国外交部,
    美国国务院: a place name such a name begins with qualifies the rest of it)."""
    from ..terms.zh import pos_words

    places: set[tuple[int, int]] = set()
    names: dict[int, int] = {}
    words = pos_words(text)
    at = 0
    for k, (word, tag) in enumerate(words):
        if tag in _PROPER_TAGS:
            names[at] = at + len(word)
        if tag == "ns":
            after = [t for _, t in words[k + 1 : k + 5]]
            titles = 0
            while titles < min(3, len(after)) and after[titles] == "n":
                titles += 1
            if after and (after[0] in _PROPER_TAGS or (titles and titles < len(after) and after[titles] in _PERSON_TAGS)):
                places.add((at, at + len(word)))
        at += len(word)
    return places, names


def _place_modifier(start: int, end: int, modifiers: tuple[set[tuple[int, int]], dict[int, int]]) -> bool:
    """Whether the source form at ``start:end`` is a place name qualifying a name (``_zh_place_modifiers``):
    美国洛杉矶 "Los Angeles", 英国阿斯利康 "AstraZeneca", 美国总统特朗普 "President Trump", or the start of a
    longer name (英国首相 "the Prime Minister", 美国国务院 "the State Department")."""
    places, names = modifiers
    return (start, end) in places or names.get(start, end) > end


_YEAR_GLUED_RE = re.compile(r"([A-Z][A-Z&]+)((?:19|20)\d\d)")


def _year_glued(text: str, m: re.Match) -> Optional[str]:
    """The letters of an acronym written against a year in Chinese or Japanese text ("APEC2020年后合作愿景",
    the vision of APEC after 2020): "APEC"; None for any other match (G20, A380, COVID-19)."""
    g = _YEAR_GLUED_RE.fullmatch(m.group())
    return g.group(1) if g and text[m.end():m.end() + 1] == "年" else None


# Words that may sit inside a written-out name without giving it a letter ("Bank of England", « Banque de
# France », „Bundesamt für Statistik“).
_NAME_LINKS = frozenset("of the and for de du des la le et y del der die das für und von e i da do".split())
_WORDS_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _spelled_out(word: str, text: str) -> bool:
    """Whether ``text`` writes the acronym ``word`` out: consecutive capitalised words (the parts of a
    hyphenated one each count: "Saint-Germain") whose initials spell it, with only linking words between
    them ("Paris Saint-Germain" for PSG, "National Election Authority" for NEA). Three letters or more."""
    letters = word.upper()
    if not letters.isalpha() or len(letters) < 3:  # two capitals start many pairs of words by chance
        return False
    words = _WORDS_RE.findall(text)
    for i, w in enumerate(words):
        if w[:1] != letters[0] or not w[:1].isupper():
            continue
        k, j = 1, i + 1
        while k < len(letters) and j < len(words):
            nxt = words[j]
            if nxt[:1] == letters[k] and nxt[:1].isupper():
                k += 1
            elif nxt.lower() not in _NAME_LINKS:
                break
            j += 1
        if k == len(letters):
            return True
    return False


# Two capitals with only capitals, digits and & between them: what every acronym holds (_ACRONYM_RE).
_CAPITALS_RE = re.compile("[A-Z][A-Z0-9&]*[A-Z]")


def _acronym_sentences(ctx: CheckContext, non_latin: list, any_form: Optional[re.Pattern]) -> Optional[set[int]]:
    """The source sentences that may hold an acronym or a non-Latin source form, found in one pass over the
    document (``sentences_matching``); None when the forms are not plain literals without spaces (then
    every bead is read). A bead none of whose source sentences is among them has no acronym (blanking
    links only removes capitals) and no form: ``acronym_mismatch`` would pass it by."""
    patterns = [_CAPITALS_RE]
    if any_form is not None:
        if not _plain_unspaced(tuple(f for _, fs in non_latin for f in fs)):
            return None
        patterns.append(any_form)
    return sentences_matching(ctx.source, patterns)


@lru_cache(maxsize=16)
def _plain_unspaced(forms: tuple[str, ...]) -> bool:
    """Forms matched as plain literals (``_latin_form`` false) without white space."""
    return not any(_latin_form(f) or any(ch.isspace() for ch in f) for f in forms)


@register("entities.acronym", Category.ACCURACY_ENTITY, version=5, order=45)
def acronym_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """Acronym of the source neither kept nor rendered by a known equivalent in the translation.

    An acronym of the source (two or more capitals: NATO, UN, BBC) must appear in the bead's translation
    ("Nato", "Aids" too; not a word in lower case, "us" for US, unless the translation has lost its casing:
    fewer than one letter in 200 a capital), or the translation must use a legitimate equivalent from the
    equivalents file (NATO → OTAN or « Alliance atlantique » in French, EU → UE, WHO → OMS, UN → ONU,
    IMF → IWF in German, 北约 → NATO from Chinese, G20 → 二十国集团, UK → „britische“). Source names of the file written in
    a non-Latin script (北约, 联合国) are checked the same way; only the forms that name a concept, not a capital
    city, an adjective or a common noun (``_accept_only``: « Brüssel », « européen », 国内生产总值). An acronym
    written against Chinese, Japanese or Korean words (« ECBの », « NATO와 ») is found; a source name inside a title
    in book-title marks or right before one (《中国机长》 "The Captain", 英国《泰晤士报》 "The Times") asks for
    nothing. Minor. Skipped: Roman numerals, units and
    time zones (KM, GMT), acronyms inside URLs, handles and hashtags, headlines in capitals, capitalised
    words next to other capitalised words ("MAN MACED IN ROW"), unknown ones of five letters or more
    ("CHAINSAW": shouting, not an acronym) and an unknown one that opens a dateline ("ROME, March 3
    (Reuters) -", translated « ROMA »). Found too: the acronym with an ``s`` („CNNs“, "NGOs"), one of letters
    and digits spaced or hyphenated ("APEC 2020", "G-20"), and the acronym written out in capitalised words
    whose initials spell it ("Paris Saint-Germain" for PSG). A country's adjective renders it (中国 →
    "Chinese", „chinesisch“; US → "American"), and so does its capital (英国 → "London", 美国 →
    "Washington"). In a Chinese source a country that qualifies a name after it may go unsaid: a place
    name (jieba's part-of-speech tags) followed by a name (美国洛杉矶 "Los Angeles", 美国陶氏化学 "Dow
    Chemical", 英国阿斯利康 "AstraZeneca"), by a title and a person's name (美国总统特朗普 "President Trump"),
    or beginning a longer name (英国首相 "the Prime Minister", 美国国务院 "the State Department"); one before
    a common noun (中国科学家 "scientists") or standing alone is asked for, once is enough. Where the
    translation names, instead, another organisation or country of the file that the source names nowhere
    (the UN rendered „Vereinigten Staaten“, 北约 rendered "the United Nations", 中新网 rendered "Xinhua" or
    "CNN"; not in an address; a currency, "the US dollar" for 美元, is no naming; a country whose character a
    Chinese source holds, 驻英 "in the UK", is named there; GDP, AI and the other things of the file neither
    are nor render an organisation), the issue is major and points at that name. A news outlet the translation
    credits beside the one the bead's source credits (and renders), that the source names nowhere, is major too:
    "China News Service, July 26 (Xinhua)" for 中新网7月26日电, a report attributed to another agency.

    False positives: an acronym the translator expanded or paraphrased with a form missing from the
    file ("the alliance", "the bloc" for the EU), a well-known acronym replaced by a pronoun, a country
    before a common noun that the context makes plain (中国百姓 "people" in a Chinese article), and
    acronyms of the source that are really shouted words ("it was a BIG mistake").
    """
    tgt_lang = base_lang(ctx.target.lang)
    src_lang = base_lang(ctx.source.lang)
    concepts, by_acronym = _concepts(_extra_file(ctx))
    non_latin, any_form = _non_latin_forms(_extra_file(ctx), src_lang)
    candidates = _acronym_sentences(ctx, non_latin, any_form)
    mask_source, mask_target = ctx.shared(_MASKS_NOTE, _masks)
    caseless = cache(partial(_caseless, ctx.target.text))  # asked only when an acronym is not found
    outlets = _outlet_ids(concepts)
    for _, bead, src, tgt in bead_sides(ctx):
        if candidates is not None and candidates.isdisjoint(bead.source):
            continue  # neither an acronym nor a source form (see _acronym_sentences)
        text = _masked_side(src.text, mask_source)
        acronyms = list(_ACRONYM_RE.finditer(text))
        # Per concept, the first of its non-Latin source forms found in the source (None: none is).
        found_forms = [] if any_form is None or not any_form.search(src.text) else _found_forms(non_latin, src.text, _title_word)
        if not acronyms and not found_forms:
            continue  # nothing to check (the headline test below would skip the bead or find nothing)
        if _is_headline_caps(text):
            continue
        seen: set[str] = set()
        for m in acronyms:
            word = _year_glued(text, m) or m.group()
            if word in seen or word in _NOT_ACRONYMS or _ROMAN_RE.match(word) or not sum(c.isalpha() for c in word) >= 2:
                continue
            seen.add(word)
            if _acronym_regex(word).search(tgt.text) or _spelled_out(word, tgt.text):
                continue
            options = by_acronym.get(_norm_ident(word), [])
            if not options and (_shouted(text, m.start(), m.end()) or sum(c.isalpha() for c in word) >= 5
                                or _DATELINE_AFTER_RE.match(text, m.end()) and not text[:m.start()].strip()):
                continue
            if any(_has_form(c, tgt_lang, tgt.text, caseless) for c in options):
                continue
            if _norm_ident(word) in {_norm_ident(t) for t in _IDENT_RE.findall(tgt.text)}:
                continue
            expected = [f for c in options for f in (c.named.get(tgt_lang) or c.forms.get(tgt_lang) or ())][:3]
            other = _substitute(concepts, options, tgt_lang, src_lang, src.text, _masked_side(tgt.text, mask_target)) \
                if options else None
            if other is not None:  # the UN rendered „Vereinigten Staaten“: another organisation or country named
                yield _renamed(f"Acronym '{word}'", src.span(m.start(), m.start() + len(word)), tgt, other,
                               expected[0] if expected else word)
                continue
            others = [f for f in expected if f != word]  # "(or APEC)" for APEC says nothing
            hint = f" (or {', '.join(others)})" if others else ""
            yield Issue("entities.acronym", Category.ACCURACY_ENTITY, Severity.MINOR,
                        f"Acronym '{word}' of the source is not in the translation{hint}",
                        source_span=src.span(m.start(), m.start() + len(word)), target_span=None, related=_related(tgt),
                        suggestion=expected[0] if expected else word)
        modifiers: Optional[tuple[set[tuple[int, int]], dict[int, int]]] = None
        for c, (form, start, end) in found_forms:
            if not _has_form(c, tgt_lang, tgt.text, caseless):
                if src_lang == "zh" and _english_name(c) not in _NEWS_OUTLETS:
                    # A country before the name it qualifies (美国洛杉矶 "Los Angeles", 美国总统特朗普 "President
                    # Trump") may go unsaid: asked for only where it stands before no name once (a news outlet's
                    # credit qualifies nothing: no part-of-speech tagging for it).
                    if modifiers is None:
                        modifiers = _zh_place_modifiers(src.text)
                    if all(_place_modifier(a, b, modifiers) or _title_word(src.text, a, b)
                           for a, b in _form_spans(form, src.text)):
                        continue
                expected = list(c.named.get(tgt_lang) or c.forms.get(tgt_lang) or c.named.get("en") or c.forms.get("en", ()))[:3]
                other = _substitute(concepts, (c,), tgt_lang, src_lang, src.text, _masked_side(tgt.text, mask_target))
                if other is not None:
                    yield _renamed(f"'{form}'", src.span(start, end), tgt, other, expected[0] if expected else None)
                    continue
                yield Issue("entities.acronym", Category.ACCURACY_ENTITY, Severity.MINOR,
                            f"'{form}' of the source is not rendered in the translation (expected "
                            f"{', '.join(expected)})",
                            source_span=src.span(start, end), target_span=None,
                            related=_related(tgt), suggestion=expected[0] if expected else None)
        credited = [c for c, _ in found_forms if id(c) in outlets] if found_forms else None
        if credited:
            yield from _added_outlets(concepts, credited, tgt_lang, src_lang, src, tgt, caseless, mask_target)


@identity_cache(8)
def _outlet_ids(concepts: tuple[_Concept, ...]) -> frozenset[int]:
    """The ids of the news outlets among ``concepts``."""
    return frozenset(id(c) for c in concepts if _english_name(c) in _NEWS_OUTLETS)


@identity_cache(8)
def _outlet_substitutes(concepts: tuple[_Concept, ...], tgt_lang: str) -> list:
    """The news outlets of ``_substitutes``, each form with its lower case as its key: a translation that names
    the outlet holds it (the forms are ASCII; ``re``'s other case matches, ſ for s and the Kelvin sign for k,
    are no outlet's spelling)."""
    return [(d, name, [(f, f.lower()) for f, _ in forms]) for d, name, forms in _substitutes(concepts, tgt_lang)
            if name in _NEWS_OUTLETS]


def _added_outlets(concepts: tuple[_Concept, ...], credited: list, tgt_lang: str, src_lang: str, src: BeadSide,
                   tgt: BeadSide, caseless: Callable[[], bool], mask_target) -> Iterator[Issue]:  # type: ignore[no-untyped-def]
    """A news outlet the translation credits beside the ones the bead's source credits (``credited``), which
    the translation renders too, and that the source names nowhere: "China News Service, July 26 (Xinhua)"
    for 中新网7月26日电, a report attributed to another agency. Major, on the added name. (The other outlets'
    forms are looked for in the lower-cased translation first: most beads name none.)"""
    low = tgt.text.lower()
    others = [(d, name, forms) for d, name, forms in _outlet_substitutes(concepts, tgt_lang)
              if not any(d is c for c in credited) and any(key in low for _, key in forms)]
    if not others or not all(_has_form(c, tgt_lang, tgt.text, caseless) for c in credited):
        return  # no other outlet named; or an outlet of the source not rendered: ``_renamed``'s business
    masked = _masked_side(tgt.text, mask_target)
    for d, name, forms in others:
        if _source_names(d, src_lang, src.text):
            continue
        m = next((m for f, key in forms if key in low for m in _form_regex(f).finditer(masked)), None)
        if m is not None:
            yield Issue("entities.acronym", Category.ACCURACY_ENTITY, Severity.MAJOR,
                        f"The translation credits '{m.group()}'" + (f" ({name})" if m.group() != name else "")
                        + f", an outlet the source does not name; the source credits {_english_name(credited[0])}",
                        source_span=src.whole(), target_span=tgt.span(m.start(), m.end()))


@register("entities.name", Category.ACCURACY_ENTITY, version=3, order=45)
def name_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """Identifier with digits, or Latin-script name of a non-Latin source, changed or missing.

    Identifiers mixing letters and digits (G20, A380, H5N1, MH370, COVID-19) must be in the bead's
    translation, hyphens, spaces and case aside, or rendered by an equivalent of the equivalents file
    (G20 → 二十国集团): one replaced by another identifier of the same shape (A380 → A350) is major, one
    missing is minor. In a source written in another script (Chinese, Japanese, Russian…), Latin-script
    words with a capital (Tesla, iPhone, TikTok) are names kept in their original form: one missing from
    a Latin-script translation is minor (one the translation spells a letter off, Meghan → "Megan", is
    reported where it is written). Markup (``<script>``), lower-case words (app, vlog) and tokens
    with one letter (the « 08H00 » of a Macau time) are skipped. Between two Latin-script languages, a capitalised source word of five letters or more
    that the translation spells with two neighbouring letters swapped (Merkel → Merkle) or one plain
    vowel changed (Stoltenberg → Stoltenburg) is minor; other differences are how languages spell
    cognates and exonyms (Dezember, Präsident, Kaschmir, Syrie, Irak) and are left alone.

    False positives: a model name the translator dropped as redundant ("the iPhone" for "iPhone 13"), a
    transliterated name written otherwise in the target (a Russian source quoting "Gazprom" in Latin, the
    target « Gazprom » is fine, but "Nord Stream" as « Nord Stream 2 »… also fine); Latin words of a Chinese
    source that are common nouns the translator translated ("App" → "application").
    """
    tgt_lang = base_lang(ctx.target.lang)
    src_lang = base_lang(ctx.source.lang)
    _, by_acronym = _concepts(_extra_file(ctx))
    src_latin = "Latin" in scripts_of_lang(src_lang)
    tgt_latin = "Latin" in scripts_of_lang(tgt_lang)
    # The source sentences that can give an issue: a digit (an identifier), and a capital (a name that
    # may be misspelt, _CAP_WORD_RE) or a Latin letter (a Latin-script name) where those are read.
    gate = _DIGIT_OR_CAPITAL_RE if src_latin and tgt_latin else _DIGIT_OR_LATIN_RE if tgt_latin else _DIGIT_RE
    candidates = sentences_matching(ctx.source, [gate])
    mask_source, mask_target = ctx.shared(_MASKS_NOTE, _masks)
    caseless = cache(partial(_caseless, ctx.target.text))  # asked only when an acronym is not found
    for _, bead, src, tgt in bead_sides(ctx):
        if candidates.isdisjoint(bead.source):
            continue  # none of them in the bead: no identifier, no name
        text = _masked_side(src.text, mask_source)
        reported: set[str] = set()
        # An identifier holds a digit: a source without one has none (and the target's are not needed).
        idents = list(_IDENT_RE.finditer(text)) if _DIGIT_RE.search(text) else []
        if idents:
            t_idents = {_norm_ident(t): t for t in _IDENT_RE.findall(_masked_side(tgt.text, mask_target))}
            t_norm = _norm_ident(tgt.text)
        used: set[str] = set()
        for m in idents:
            if _year_glued(text, m):
                continue  # APEC2020年: APEC and a year (entities.acronym and numbers.mismatch read them)
            key = _norm_ident(m.group())
            if key in reported or key in t_idents or key in t_norm:
                continue
            reported.add(key)
            if any(_has_form(c, tgt_lang, tgt.text, caseless) for c in by_acronym.get(key, [])):
                continue
            letters = re.sub(r"[0-9-]", "", key)
            rivals = [t for k, t in t_idents.items() if k not in used and re.sub(r"[0-9-]", "", k) == letters
                      and _norm_ident(t) not in _norm_ident(src.text)]
            if rivals:
                used.add(_norm_ident(rivals[0]))
                pos = tgt.text.find(rivals[0])
                yield Issue("entities.name", Category.ACCURACY_ENTITY, Severity.MAJOR,
                            f"'{m.group()}' of the source is '{rivals[0]}' in the translation",
                            source_span=src.span(m.start(), m.end()),
                            target_span=tgt.span(pos, pos + len(rivals[0])), suggestion=m.group())
            else:
                yield Issue("entities.name", Category.ACCURACY_ENTITY, Severity.MINOR,
                            f"'{m.group()}' of the source is missing from the translation",
                            source_span=src.span(m.start(), m.end()), target_span=None, related=_related(tgt))
        if src_latin and tgt_latin:
            yield from _misspelt_names(src, tgt, text)
            continue
        if not tgt_latin:
            continue
        masked_idents = blank_spans(text, [m.span() for m in idents])
        for m in _LATIN_TOKEN_RE.finditer(masked_idents):
            word = m.group()
            if _is_acronym(word) or len(word) < 3 or word.lower() in reported or word.islower() \
                    or sum(c.isalpha() for c in word) < 2:  # « 08H00 », « H00-7 »: a time, no name
                continue
            reported.add(word.lower())
            if _word_in(word, tgt.text):
                continue
            near = _near_spelling(word, tgt.text)
            if near is not None:  # « 梅根（Meghan Markle） » → "his wife Megan": misspelt, not dropped
                yield Issue("entities.name", Category.ACCURACY_ENTITY, Severity.MINOR,
                            f"'{word}', written in Latin script in the source, is written '{near.group()}' in the translation",
                            source_span=src.span(m.start(), m.end()), target_span=tgt.span(near.start(), near.end()),
                            suggestion=word)
                continue
            yield Issue("entities.name", Category.ACCURACY_ENTITY, Severity.MINOR,
                        f"'{word}', written in Latin script in the source, is missing from the translation",
                        source_span=src.span(m.start(), m.end()), target_span=None, related=_related(tgt))


def _near_spelling(word: str, text: str) -> Optional[re.Match]:
    """The first capitalised word of ``text`` that spells the name ``word`` (four letters or more) a letter
    off: one edit, two for a name of eight letters or more, the same first letter (Meghan / Megan)."""
    if len(word) < 4 or not word[:1].isupper():
        return None
    from ..terms.drift import _edit_distance  # lazily: the terms package imports this module

    limit = 2 if len(word) >= 8 else 1
    low = word.lower()
    for m in _CAP_WORD_RE.finditer(text):
        other = m.group().lower()
        if other[:1] == low[:1] and other != low and abs(len(other) - len(low)) <= limit \
                and _edit_distance(other, low, limit) <= limit:
            return m
    return None


_DIGIT_OR_CAPITAL_RE = re.compile("[0-9A-ZÀ-ÖØ-Þ]")  # _IDENT_RE needs a digit, _CAP_WORD_RE a capital
_DIGIT_OR_LATIN_RE = re.compile("[0-9A-Za-z]")  # _IDENT_RE needs a digit, _LATIN_TOKEN_RE a letter
_CAP_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)[a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?(?![\w'’-])", re.DOTALL)


def _one_edit_apart(a: str, b: str) -> Optional[tuple[int, bool]]:
    """Where two words differ by one substitution, insertion, deletion or swap of neighbours (Damerau),
    and whether it is a swap; None when they are further apart or equal."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    if len(a) == len(b):
        if a[k + 1:] == b[k + 1:]:
            return k, False
        if a[k + 2:] == b[k + 2:] and a[k:k + 2] == b[k:k + 2][::-1]:
            return k, True
        return None
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return (k, False) if longer[k + 1:] == shorter[k:] else None


_PLAIN_VOWELS = frozenset("aeiou")


def _typo_like(a: str, b: str, where: int, swap: bool) -> bool:
    """A swap of two letters (Merkel/Merkle, Johnson/Jonhson) anywhere, or one plain vowel for another
    (Stoltenberg/Stoltenburg) before the last two letters. Languages spell cognates and exonyms with
    other consonants, accents and endings (December/Dezember, President/Präsident, Kashmir/Kaschmir,
    Syria/Syrie, Iraq/Irak): those are never reported."""
    if swap:
        return True
    if len(a) != len(b) or where >= len(a) - 2:
        return False
    return a[where].lower() in _PLAIN_VOWELS and b[where].lower() in _PLAIN_VOWELS


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _first_cap_word(text: str, word: str) -> re.Match:
    """The first match of ``_CAP_WORD_RE`` in ``text`` that reads ``word`` (one there is)."""
    return next(m for m in _CAP_WORD_RE.finditer(text) if m.group() == word)


def _only_sentence_initial(text: str, word: str) -> bool:
    """Whether every occurrence of ``word`` in ``text`` opens a sentence (after a quotation mark or a bracket
    perhaps) and is no part of a longer name ("Kanye West"): its capital says nothing of a name."""
    for m in re.finditer(f"(?<!\\w){re.escape(word)}(?!\\w)", text):
        before = text[max(0, m.start() - 4):m.start()].rstrip(" \u00a0\"'«“„(《「¿¡—–-")
        if before and before[-1] not in ".!?:;\n" or _CAPITAL_NEXT_RE.match(text, m.end()):
            return False
    return True


_CAPITAL_NEXT_RE = re.compile(r"[ \u00a0][A-ZÀ-ÖØ-Þ]")


def _misspelt_names(src: BeadSide, tgt: BeadSide, src_text: str) -> Iterator[Issue]:
    """Names of a Latin-script source spelt one letter otherwise in the translation (Merkel → Merkle)."""
    # The words as strings (findall): the match of a word, needed only for an issue, is found again then
    # (the first match of the same text: the one a loop over the matches would have kept).
    found: dict[str, None] = {}
    for word in _CAP_WORD_RE.findall(src_text):
        if len(word) >= 5:  # shorter names are never compared
            found.setdefault(word, None)
    if not found:
        return
    # The translation's capitalised words by initial and length: a name is only compared with words of its
    # initial, and only a word of its length can be a typo of it (_typo_like: a swap of two letters or one
    # vowel for another; a word one edit away with a letter more or less is never one).
    rivals: dict[tuple[str, int], list[str]] = {}
    for word in _CAP_WORD_RE.findall(tgt.text):
        if word not in found and len(word) >= 5:
            rivals.setdefault((word[0], len(word)), []).append(word)
    if not rivals:
        return
    names = [name for name in sorted(found) if (name[0], len(name)) in rivals]
    # Names the translation has as they are (most of them) are done; the rest are compared.
    names = [name for name in names if not _word_in(name, tgt.text)]
    if not names:
        return
    common = {w for w in WORD_RE.findall(src_text) if w.islower()}
    for name in names:
        if name.lower() in common:
            continue
        for other in rivals[name[0], len(name)]:
            if _fold(other) == _fold(name):
                continue
            edit = _one_edit_apart(name, other)
            if edit is None or not _typo_like(name, other, *edit):
                continue
            if _only_sentence_initial(src_text, name) and _only_sentence_initial(tgt.text, other):
                continue  # « Circa 25.000 persone » / « Cerca de 25 mil »: capitals of sentence starts, no names
            sm, m = _first_cap_word(src_text, name), _first_cap_word(tgt.text, other)
            yield Issue("entities.name", Category.ACCURACY_ENTITY, Severity.MINOR,
                        f"The name '{name}' of the source is spelt '{other}' in the translation",
                        source_span=src.span(sm.start(), sm.end()), target_span=tgt.span(m.start(), m.end()),
                        suggestion=name)
            break
