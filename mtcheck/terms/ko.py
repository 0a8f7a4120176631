"""Korean words for the term engine: Kiwi (``kiwipiepy`` with its model, ``kiwipiepy_model``).

Korean separates words by spaces, but a word (어절) carries its particles and endings: 제도를, 제도가, 제도의
are one noun, 제도 ("system"), with three particles. Split at the spaces, the same term would never recur, and
one rendering would look like three. Kiwi cuts each word into morphemes with their parts of speech (제도 /
를); :func:`pos_words` gives the text as pieces, each with a tag of jieba's tag set (``n`` common noun, ``nz``
proper noun, ``m`` numeral, ``v`` verb, ``a`` adjective, ``u`` particle, ending or copula, ``x`` punctuation
and spaces, ``eng`` a word of Latin letters...), so that the term engine reads Korean with the rules it reads
Chinese and Japanese with.

The pieces are the text itself, in order: where Kiwi gives morphemes that share characters (했다 is 하 + 었 +
다, the first two on one character), the later ones are joined to the piece before them. The MQM score
counts Korean words by spaces (어절), as Korean counts them (``segment.count_words``).

Kiwi's model is loaded once per process, on the first Korean text (about 1.5 s); a line's pieces are kept
per process.
"""
from __future__ import annotations

from functools import lru_cache

from ..segment import text_cache
from .tagged import by_lines, cut_line

# Kiwi reads long texts in one call, but a line of a hostile file may be huge: pieces of at most this many
# characters, cut after a space.
_PIECE = 20_000


@lru_cache(maxsize=1)
def _kiwi():  # type: ignore[no-untyped-def]
    from kiwipiepy import Kiwi

    return Kiwi()


# Kiwi's tags (the Sejong tag set) → jieba's.
_TAGS = {
    "NNG": "n", "NNP": "nz", "NNB": "u", "NR": "m", "NP": "r", "VV": "v", "VA": "a", "VX": "v", "VCP": "u",
    "VCN": "u", "MM": "b", "MAG": "d", "MAJ": "c", "IC": "e", "XPN": "h", "XSN": "n", "XSV": "u", "XSA": "u",
    "XSM": "u", "XR": "n", "SN": "m", "SL": "eng", "SH": "nz", "SF": "x", "SP": "x", "SS": "x", "SSO": "x",
    "SSC": "x", "SE": "x", "SO": "x", "SW": "x", "SB": "x",
}


def _tag(kiwi_tag: str) -> str:
    tag = kiwi_tag.split("-")[0]  # VV-R, VA-I: regular and irregular verbs
    if tag in _TAGS:
        return _TAGS[tag]
    if tag[:1] in ("J", "E"):  # particles (JKS, JX...) and endings (EF, EC, ETM...)
        return "u"
    return "x"  # W_URL, W_EMAIL, W_HASHTAG, Z_CODA, UN...


@text_cache()  # a line's pieces depend on its text alone: analysed once per process
def _line_words(line: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for part in cut_line(line, _PIECE, " "):
        at = 0
        for tok in _kiwi().tokenize(part):
            a, b = tok.start, tok.start + tok.len
            if b <= at or b == a:
                continue  # inside the piece before (했다: 었 on the character of 하), or of no character (a
                # copula Kiwi restores: 이 of "A 지")
            if a < at:  # overlaps the piece before: joined to it
                word, tag = out[-1]
                out[-1] = (word + part[at:b], tag)
                at = b
                continue
            if a > at:
                out.append((part[at:a], "x"))
            out.append((part[a:b], _tag(tok.tag)))
            at = b
        if at < len(part):
            out.append((part[at:], "x"))
    return tuple(out)


def pos_words(text: str) -> list[tuple[str, str]]:
    """(piece, tag) pairs of ``text``, in order, their pieces joined giving ``text`` back."""
    return by_lines(text, _line_words)
