"""Word lists and small helpers shared by the noise, untranslated, casing and punctuation checks.

Lists are deliberately short and conservative: each entry is something that, in its context, is
evidence on its own. Growing a list is cheap; a noisy entry costs false alarms in every report.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from typing import AbstractSet, Optional, Sequence

from ..domains import TLD, TLDS
from ..langid import SAME_LANGUAGE, scripts_of_lang
from ..types import Bead, Document, Span
from .registry import CheckContext

# ---------------------------------------------------------------------------------------------------
# Shared notes between checks (noise runs first, order 10; the others read its verdict).

NOISE_NOTE = "noise_target_sentences"


def literal_trie(words) -> str:  # type: ignore[no-untyped-def]
    """A regular expression matching exactly what ``"|".join(map(re.escape, longest_first(words)))``
    matches, in the same places, but written as a trie: at each node the next characters of the
    branches differ, so at most one branch goes on and ``re`` tries one alternative per text position
    instead of every word. At a node that ends a word the branch is optional and greedy, so the longest
    word starting at a position is the one matched, as with the longest-first alternation (for
    literals of one position, the first alternative that matches is the longest that does)."""
    trie: dict = {}
    for word in words:
        if not word:
            raise ValueError("empty word in a literal trie")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            run, child = re.escape(ch), node[ch]
            while "" not in child and len(child) == 1:  # a chain: one literal run
                (nxt, child), = child.items()
                run += re.escape(nxt)
            branches.append(run + render(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return render(trie)


def noise_targets(ctx: CheckContext) -> set[int]:
    """Target sentence indices that ``noise.debris`` judged to be debris (empty if it did not run)."""
    found = ctx.notes.get(NOISE_NOTE)
    return set(found) if found else set()


def bead_of_target(ctx: CheckContext) -> dict[int, Bead]:
    """Map each target sentence index to the bead that holds it (made once per run, shared: never change it)."""
    return ctx.shared("bead_of_target", _make_bead_of_target)


def _make_bead_of_target(ctx: CheckContext) -> dict[int, Bead]:
    out: dict[int, Bead] = {}
    for bead in ctx.alignment:
        for j in bead.target:
            out[j] = bead
    return out


def target_source(ctx: CheckContext, offset: int, noise: AbstractSet[int]) -> Optional[tuple[Optional[Span], str]]:
    """For a find at ``offset`` of the target document's text (checks that search the whole text and report on
    what they find): the span of the source of the bead whose sentence holds it (or ends before it), None for
    a bead with no source, and that source's text ("" then); None when the find lies before the first sentence
    or in a sentence of ``noise``."""
    starts = ctx.shared("target_sentence_starts", lambda c: [s.start for s in c.target.sentences])
    j = bisect_right(starts, offset) - 1
    if j < 0 or j in noise:
        return None
    span = source_span(ctx, bead_of_target(ctx).get(j))
    return span, (ctx.source.text[span.start:span.end] if span is not None else "")


def source_span(ctx: CheckContext, bead: Optional[Bead]) -> Optional[Span]:
    """The span covering the source sentences of ``bead`` (None for an addition bead or no bead)."""
    if bead is None or not bead.source:
        return None
    sents = [ctx.source.sentences[i] for i in bead.source if 0 <= i < len(ctx.source.sentences)]
    if not sents:
        return None
    return Span(min(s.start for s in sents), max(s.end for s in sents))


def base_lang(lang: Optional[str]) -> str:
    code = (lang or "").split("-")[0].split("_")[0].lower()
    return SAME_LANGUAGE.get(code, code)


# Scripts with upper and lower case. Georgian (Mkhedruli) is unicameral although Latin is the default
# guess of ``scripts_of_lang`` for unknown codes, hence the explicit exclusions.
_CASED_SCRIPTS = {"Latin", "Cyrillic", "Greek", "Armenian"}
# Languages written without spaces between words: no word doubling to read, no spaced dash.
UNSPACED_LANGS = frozenset({"zh", "ja", "ko", "th"})
_UNCASED_LANGS = {"zh", "ja", "ko", "th", "ar", "he", "fa", "ur", "hi", "ka", "lo", "km", "my", "am", "bn", "ta"}


def is_cased_lang(lang: Optional[str]) -> bool:
    """True when ``lang`` writes in a script that capitalises sentence starts and names."""
    code = base_lang(lang)
    if not code or code in _UNCASED_LANGS:
        return False
    return any(s in _CASED_SCRIPTS for s in scripts_of_lang(code))


# Languages that capitalise every noun: a capital there says nothing about a name.
NOUN_CAPITALISING_LANGS = {"de", "lb"}

# ---------------------------------------------------------------------------------------------------
# Tokens that are language-neutral or not words: URLs, e-mails, handles.

# The letters of the languages written without spaces: Chinese, Japanese, Korean, Thai, Lao, Khmer and
# Burmese write a Latin acronym, a name or a URL against their own words (« ECBの », « NATO와 », « GDP增长 »,
# « www.gov.uk/speeches以及 »): their characters end no Latin word and no URL.
UNSPACED_RANGES = ("\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
                   "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff"
                   "\uff66-\uff9f")
# What ends a URL: white space, a bracket, a quotation mark, CJK punctuation, full-width forms, such letters.
URL_STOP = f"\\s<>()\"«»“”\u3000-\u303f\uff00-\uffef{UNSPACED_RANGES}"
URL_RE = re.compile(
    f"(?:https?://|ftp://|www\\.)[^{URL_STOP}]+"
    r"|\b[\w.-]+@[\w-]+(?:\.[\w-]+)+\b"
    rf"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{TLD}\b(?:/[^{URL_STOP}]*)?"
    r"|@[A-Za-z0-9_]+|#\w+",
    re.IGNORECASE,
)

class UrlHint:
    """``bool(re.compile(r"://|www\\.|[EXTRA]|\\.(?:TLD|…)", re.IGNORECASE).search(text))``, answered without
    the scan for the texts that cannot match (nearly all): every match holds "://", one of the extra
    characters, "www." or a dot followed by a letter that can start one of the domains. Those letters
    are read from ``re`` itself: the ASCII letters of either case and the four non-ASCII letters that
    ``re`` matches with ASCII ones when case is ignored (İ ı ſ K; the ``re`` documentation)."""

    def __init__(self, tlds: tuple[str, ...], extra: str = "") -> None:
        alternatives = ["://", r"www\."] + ([f"[{re.escape(extra)}]"] if extra else [])
        self.pattern = re.compile("|".join(alternatives) + r"|\.(?:" + "|".join(tlds) + ")", re.IGNORECASE)
        first = re.compile("[" + "".join(sorted({t[0] for t in tlds})) + "]", re.IGNORECASE)
        letters = {t[0] for t in tlds}
        self.after_dot = frozenset(c for c in {*letters, *(x.upper() for x in letters), *"İıſ\u212a"}
                                   if first.fullmatch(c))
        self.extra = extra
        # A dot before one of those letters or after "www" ("w" ignoring case matches w and W alone, a test
        # checks it): one search in C, led by the dot (a literal ``re`` looks for fast).
        self._dot = re.compile(r"\.(?:(?<=[wW][wW][wW]\.)|(?=[" + re.escape("".join(sorted(self.after_dot))) + "]))")

    def __call__(self, text: str) -> bool:
        if "://" in text:
            return True
        if self.extra and any(c in text for c in self.extra):
            return True
        return self._dot.search(text) is not None and self.pattern.search(text) is not None


# What every match of URL_RE holds: a scheme or "www.", "@" or "#", or a dot before one of its domains.
URL_HINT = UrlHint(TLDS, "@#")


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by as many spaces (same length, offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``URL_RE.finditer(text)`` (most texts hold no hint of one and are not scanned)."""
    if not URL_HINT(text):
        return []
    return [m.span() for m in URL_RE.finditer(text)]


WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Written right after a letter a pattern has just matched: that letter starts a word of WORD_RE (no letter
# before it, nor a letter and a joiner - ' ’, through which WORD_RE would have read on). Patterns that match
# the letter first and look behind it after let ``re`` skip to candidate letters.
AT_WORD_START = r"(?<![^\W\d_].)(?<![^\W\d_][-'’].)"


def is_brand_like(word: str) -> bool:
    """Lower-case initial followed by a capital inside the word: iPhone, eBay, mRNA, pH."""
    return len(word) > 1 and word[0].islower() and any(ch.isupper() for ch in word[1:])


# ---------------------------------------------------------------------------------------------------
# noise.debris

# Language names as they appear in language menus: endonyms and English names. Matched only when
# several of them make up most of a line, so ordinary words such as "English" in prose never count.
LANGUAGE_NAMES: tuple[str, ...] = (
    # endonyms
    "English", "Français", "Deutsch", "Español", "Italiano", "Português", "Nederlands", "Polski",
    "Русский язык", "Русский", "Українська", "Беларуская", "Български", "Српски", "Srpski", "Hrvatski",
    "Ελληνικά", "日本語", "한국어", "한어", "中文", "简体中文", "繁體中文", "繁体中文", "简体", "繁體", "汉语",
    "漢語", "العربية", "עברית", "Türkçe", "Svenska", "Norsk", "Dansk", "Suomi", "Suomalainen", "Magyar",
    "Čeština", "Română", "Slovenčina", "Slovenščina", "Eesti", "Latviešu", "Lietuvių", "Shqip",
    "Bahasa Indonesia", "Bahasa Melayu", "Tiếng Việt", "ไทย", "हिन्दी", "فارسی", "اردو", "Latina",
    "Esperanto", "Català", "Euskara", "Galego", "Kiswahili", "Қазақша", "Oʻzbekcha", "Монгол",
    "Tagalog", "Filipino", "বাংলা", "தமிழ்", "Հայերեն", "ქართული",
    # English names
    "French", "German", "Spanish", "Italian", "Portuguese", "Russian", "Chinese", "Japanese",
    "Korean", "Arabic", "Hebrew", "Turkish", "Dutch", "Polish", "Greek", "Swedish", "Finnish",
    "Indonesian", "Vietnamese", "Thai", "Hindi", "Persian", "Latin", "Sanskrit", "Ukrainian",
    "Malay", "Bengali", "Urdu", "Swahili", "Mongolian", "Kazakh",
)

# Short navigation labels of news sites (lower case; compared after lower-casing the line).
NAV_LABELS: frozenset[str] = frozenset(
    {
        # en
        "home", "news", "world", "sport", "sports", "business", "politics", "economy", "culture",
        "opinion", "tech", "technology", "science", "health", "entertainment", "video", "videos",
        "photos", "live", "latest", "more", "menu", "search", "login", "log in", "sign in", "sign up",
        "register", "subscribe", "share", "share this", "share this article", "share this story",
        "read more", "read more:", "see more", "load more", "show more", "continue reading",
        "comments", "comment", "report", "print", "email", "e-mail", "back to top", "next", "previous",
        "prev", "related", "related articles", "related stories", "recommended", "advertisement",
        "sponsored", "contact", "contact us", "about", "about us", "privacy policy", "terms of use",
        "all rights reserved", "follow us", "tweet", "facebook", "twitter", "weibo", "wechat",
        "top", "top stories", "trending", "most read", "click here", "editor's picks",
        # fr
        "accueil", "nouvelles", "actualités", "actualité", "actu", "infos", "monde", "international",
        "politique", "économie", "société", "sciences", "santé", "vidéo", "vidéos", "en direct",
        "rechercher", "recherche", "connexion", "se connecter", "s'abonner", "abonnez-vous",
        "partager", "partager cet article", "imprimer", "commentaires", "commentaire", "rapport",
        "signaler", "lire la suite", "lire plus", "voir plus", "en savoir plus", "retour en haut",
        "haut de page", "suivant", "précédent", "articles liés", "sur le même sujet", "publicité",
        "à la une", "les plus lus", "tous droits réservés", "suivez-nous", "mentions légales",
        # de
        "startseite", "nachrichten", "welt", "wirtschaft", "kultur", "suche", "anmelden",
        "abonnieren", "teilen", "artikel teilen", "drucken", "kommentare", "kommentar", "melden",
        "weiterlesen", "mehr lesen", "mehr", "nach oben", "weiter", "zurück", "anzeige", "werbung",
        "impressum", "datenschutz",
        # es / it / pt
        "inicio", "noticias", "mundo", "deportes", "economía", "buscar", "iniciar sesión",
        "suscribirse", "compartir", "imprimir", "comentarios", "denunciar", "leer más", "ver más",
        "volver arriba", "siguiente", "anterior", "publicidad", "notizie", "cerca", "condividi",
        "commenti", "leggi anche", "leggi di più", "notícias", "início", "partilhar", "comentários",
        "leia mais", "saiba mais",
    }
)

# Prefixes that introduce a link to another article: "Read more: …", « Lire aussi : … ».
NAV_PREFIXES: tuple[str, ...] = (
    "read more", "read also", "also read", "see also", "related", "watch", "lire aussi", "à lire aussi",
    "a lire aussi", "voir aussi", "lire la suite", "mehr zum thema", "lesen sie auch", "auch interessant",
    "lea también", "lee también", "ver también", "leggi anche", "leia também",
)

# A call to subscribe, follow, share or download: the site's promotion, not the article (read lower-cased on a
# line with no source counterpart; a translation of the source's own call, 更多原创资讯请下载“澎湃新闻”APP, is none).
PROMO_RE = re.compile(
    r"\b(?:subscribe (?:to|now|for)|sign up (?:for|to|now)|(?:our|free) newsletter|follow us|share this"
    r"|click here|download (?:our|the) app"
    r"|abonnez-vous|inscrivez-vous|(?:notre|la) newsletter|lettre d'information|suivez-nous|cliquez ici"
    r"|téléchargez (?:notre|l'application)"
    r"|newsletter abonnieren|jetzt abonnieren|folgen sie uns|klicken sie hier|(?:unseren|den) newsletter"
    r"|laden sie (?:unsere|die) app"
    r"|suscr[ií]bete|suscr[ií]base|(?:nuestro|el) bolet[ií]n|s[ií]guenos|haz clic aqu[ií]|haga clic aqu[ií]"
    r"|descarga (?:nuestra|la) app)\b"
    r"|订阅|关注我们|点击(?:这里|此处|下载|订阅)|扫码|扫描二维码|分享到|下载[^。！]{0,12}(?:app|客户端|应用)"
)
COOKIE_WORDS = re.compile(r"\bcookies?\b", re.IGNORECASE)
CONSENT_WORDS = re.compile(
    r"accept|agree|consent|we use|privacy|utilis|accepte|confidentialit|akzept|zustimm|datenschutz|"
    r"verwende|acept|utiliza|privacidad|consenti|utilizz",
    re.IGNORECASE,
)

HTML_TAGS = (
    "a|abbr|article|aside|b|big|blockquote|body|br|button|center|code|dd|div|dl|dt|em|figcaption|figure|"
    "font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|"
    "option|p|path|pre|script|section|select|small|source|span|strong|style|sub|sup|svg|table|tbody|td|"
    "th|thead|title|tr|u|ul|video"
)
MARKUP_RE = re.compile(
    r"<!--.*?-->"
    r"|</?(?:" + HTML_TAGS + r")(?:\s[^<>]{0,300})?\s*/?>"
    r"|&(?:nbsp|amp|lt|gt|quot|apos|mdash|ndash|hellip|laquo|raquo|lsquo|rsquo|ldquo|rdquo|bull|middot|"
    r"copy|reg|trade|euro|shy|thinsp|zwj|zwnj|eacute|egrave|ecirc|agrave|acirc|ccedil|ocirc|ucirc|"
    r"ugrave|icirc|iuml|euml|auml|ouml|uuml|szlig|ntilde|aacute|iacute|oacute|uacute);"
    r"|&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});",
    re.IGNORECASE | re.DOTALL,
)

# ---------------------------------------------------------------------------------------------------
# punctuation.stray_break: lower-case words that continue a noun phrase or a coordination and rarely
# open a sentence. In a document that has lost its casing these are the only evidence of a stray full
# stop, so sentence openers (French « de », « des », « au », German « der ») are left out on purpose
# where they often start sentences.
CONTINUATION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"du", "des", "de", "d", "et", "ou", "aux"}),
    "en": frozenset({"of", "and", "or", "nor", "than"}),
    "de": frozenset({"des", "und", "oder", "sowie", "bzw"}),
    "es": frozenset({"del", "de", "y", "o", "e", "u"}),
    "it": frozenset({"del", "della", "dello", "dei", "degli", "delle", "di", "e", "ed", "o"}),
    "pt": frozenset({"do", "da", "dos", "das", "de", "e", "ou"}),
    "nl": frozenset({"van", "en", "of"}),
}

# Words before a full stop that make it an abbreviation, not a sentence end (lower-cased, no dot).
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "etc", "cf", "pp", "vol", "no", "nr", "av", "apr", "env", "vs", "ca", "approx", "mr", "mrs", "ms",
        "dr", "prof", "st", "ste", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "gen", "sen", "rep",
        "fig", "eds", "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec", "mme", "mlle", "mgr", "chap",
        "bzw", "usw", "vgl", "ggf", "evtl", "sra", "sres", "dra", "pág", "núm", "ej", "ecc", "pag", "dott",
        "ing", "al", "ibid", "resp", "max", "min",
        # German (v. Chr., 19. Jh., sog., inkl.) and a few more that a lower-case word often follows
        "chr", "jh", "jhd", "bspw", "sog", "inkl", "zzgl", "abs", "hrsg", "bzgl", "gem", "lt", "mio", "mrd",
        "tsd", "fr", "hr", "vers", "trad", "éd", "ed", "esp", "aprox", "aprox", "dir", "gral",
        # Polish and Russian (25 tys. osób, 3 mln zł, w 2023 r., ok. 300, тыс., млн., 2023 г.)
        "tys", "mln", "mld", "bln", "zł", "ok", "tzw", "godz", "тыс", "млн", "млрд", "трлн", "руб", "долл", "г",
        # Swedish, Danish, Norwegian and Czech (3 mdr. kronor, 3 mia. kroner, 5 mill. kroner, 25 tis. lidí)
        "mdr", "milj", "mia", "mill", "kr", "tis", "mil", "tzv", "resp", "atd", "mj", "např", "esim", "ns", "mm",
        # Turkish, Romanian, Hungarian, Greek and Ukrainian (vb., dl. Popescu, kb. 300, stb., ο κ. Παπαδόπουλος,
        # 3,5 δισ. ευρώ, 25 тис. людей, у 2023 р.)
        "vb", "vd", "dl", "dna", "cca", "kb", "stb", "ill", "ún", "κ", "κα", "εκ", "εκατ", "δισ", "τρισ", "χιλ",
        "тис", "грн", "р", "ст",
        # Titles, places and months that news writes before a name or a figure (Gov. Newsom, Univ.-Prof., 5th
        # Ave., Blvd., 3 Okt., Str., Bd.; French gouv., boul., tél., dép.)
        "gov", "govt", "univ", "ave", "blvd", "rd", "mt", "ft", "str", "okt", "dez", "bd", "boul", "gouv", "tél",
        "dép",
    }
)


# ---------------------------------------------------------------------------------------------------
# One side of a bead as one string, with the way back to document offsets.

class BeadSide:
    """The sentences ``indices`` of ``doc`` joined by one space, and the way back to document offsets:
    checks search the joined text with one compiled regex and report spans in the document."""

    __slots__ = ("text", "_starts", "_sentences")

    def __init__(self, doc: Document, indices: tuple[int, ...]) -> None:
        if len(indices) == 1 and 0 <= indices[0] < len(doc.sentences):  # most beads: one sentence, as it is
            sent = doc.sentences[indices[0]]
            self._sentences = [sent]
            self._starts = [0]
            self.text = sent.text
            return
        sents = [doc.sentences[i] for i in indices if 0 <= i < len(doc.sentences)]
        self._sentences = sents
        self._starts: list[int] = []
        pos = 0
        for s in sents:
            self._starts.append(pos)
            pos += len(s.text) + 1
        self.text = " ".join(s.text for s in sents)

    def span(self, start: int, end: int) -> Span:
        """Document span of ``[start, end)`` of the joined text (clipped to the sentence it starts in)."""
        k = 0
        for i, st in enumerate(self._starts):
            if st <= start:
                k = i
        sent, st = self._sentences[k], self._starts[k]
        a = sent.start + start - st
        return Span(a, min(sent.end, sent.start + end - st))

    def whole(self) -> Optional[Span]:
        if not self._sentences:
            return None
        return Span(self._sentences[0].start, self._sentences[-1].end)


def joined_sentences(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The texts joined by NUL (no pattern of the checks matches it or reads through it, so a text is read
    as on its own) and where each starts in the result (``bisect_right(starts, pos) - 1``: the text of a
    position)."""
    starts = []
    pos = 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    return "\x00".join(texts), starts


def identity_cache(maxsize: int):  # type: ignore[no-untyped-def]
    """Cache ``fn(obj, *args)`` by the identity of ``obj`` (a list or an object costly to hash, that never
    changes once made) and ``args``, the object kept with the answer so that an id reused by another
    object is never taken for it; emptied when ``maxsize`` answers are kept."""

    def deco(fn):  # type: ignore[no-untyped-def]
        cache: dict[tuple, tuple] = {}

        @functools.wraps(fn)
        def wrapper(obj, *args):  # type: ignore[no-untyped-def]
            key = (id(obj), *args)
            hit = cache.get(key)
            if hit is not None and hit[0] is obj:
                return hit[1]
            value = fn(obj, *args)
            if len(cache) >= maxsize:
                cache.clear()
            cache[key] = (obj, value)
            return value

        return wrapper

    return deco


@identity_cache(8)
def document_joined(doc: Document) -> tuple[str, list[int]]:
    """``joined_sentences`` of the texts of ``doc``'s sentences (the caller must not change the list), kept for
    the last few documents asked about: the checks of an article read the same two documents many times
    (a document is frozen, so its answer never changes)."""
    return joined_sentences([s.text for s in doc.sentences])


# A letter beyond Latin-1: a text without one encodes to Latin-1 with its letters intact.
LETTER_BEYOND_LATIN1_RE = re.compile(r"[^\W\d_\x00-\xff]")

# The bytes that are not ASCII capitals, and those that are not ASCII letters (deleted to count the others).
_NOT_ASCII_CAPITALS = bytes(c for c in range(256) if not 65 <= c <= 90)
_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not (65 <= c <= 90 or 97 <= c <= 122))


def ascii_case_counts(data: bytes) -> tuple[int, int]:
    """(capitals, letters) among the ASCII letters of ``data``, counted in C by deleting the other bytes."""
    return len(data.translate(None, _NOT_ASCII_CAPITALS)), len(data.translate(None, _NOT_ASCII_LETTERS))


def sentences_matching(doc: Document, patterns: Sequence[re.Pattern]) -> set[int]:
    """The sentences of ``doc`` where one of ``patterns`` matches, found in one pass per pattern over the
    sentences joined by NUL (after a match, the search goes on at the next sentence). For patterns that
    match no NUL, no white space and read no character around a match: then a match in a bead side (its
    sentences joined by a space) lies in one of its sentences, where the pattern matches on its own."""
    joined, starts = document_joined(doc)
    found: set[int] = set()
    for rx in patterns:
        m = rx.search(joined)
        while m is not None:
            k = bisect_right(starts, m.start()) - 1
            found.add(k)
            if k + 1 >= len(starts):
                break
            m = rx.search(joined, starts[k + 1])
    return found


_SIDES_NOTE = "bead_sides"


def _make_sides(ctx: CheckContext) -> list:
    return [(k, bead, BeadSide(ctx.source, bead.source), BeadSide(ctx.target, bead.target))
            for k, bead in enumerate(ctx.alignment)]


def bead_side_list(ctx: CheckContext) -> list:
    """(bead index, bead, source side, target side) of every bead, indexed by the bead (shared, as
    ``bead_sides``)."""
    return ctx.shared(_SIDES_NOTE, _make_sides)


def bead_sides(ctx: CheckContext, both: bool = True):
    """(bead index, bead, source side, target side) for each bead (with both sides when ``both``).

    The sides are joined once per run and shared by the checks that read them (they never change)."""
    for found in bead_side_list(ctx):
        if both and (not found[1].source or not found[1].target):
            continue
        yield found
