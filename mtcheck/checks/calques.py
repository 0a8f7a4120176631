"""terms.calque: known literal mistranslations of news MT (新冠 → "new crown"), kept in ``calques.tsv``.

Each line of the data file names a source pattern and a rendering machine translation is known to give it
word by word; where a bead's source holds the one, its translation must not hold the other. The lines are
few and each was read on the WMT 2021 MQM data (MT outputs against human references and the raters' marks);
a desk adds its own as ``[[rules]]`` with ``forbidden`` patterns (``custom.rules``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

from ..types import Category, Issue, Severity
from .data import base_lang, bead_sides
from .registry import CheckContext, register

CHECK_ID = "terms.calque"
_DATA_FILE = Path(__file__).with_name("calques.tsv")
_COLUMNS = ("id", "src", "tgt", "source", "exclude", "forbidden", "suggestion", "severity", "meaning", "evidence")


class Calque(NamedTuple):
    id: str
    src: str
    tgt: tuple[str, ...]  # ("*",): any target language
    source: re.Pattern
    exclude: Optional[re.Pattern]
    forbidden: re.Pattern  # case-insensitive ("(?-i:...)" parts excepted)
    suggestion: str
    severity: Severity
    meaning: str
    evidence: str


def read_calques(path: Path) -> tuple[Calque, ...]:
    """The lines of a calque file (``#`` comments and the header skipped). A malformed line is a
    ValueError naming the file and the line: the shipped file is read by the tests."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "id":
            continue
        if len(cells) != len(_COLUMNS):
            raise ValueError(f"{path}:{n}: {len(cells)} columns, expected {len(_COLUMNS)}")
        row = dict(zip(_COLUMNS, cells))
        try:
            out.append(Calque(
                row["id"], row["src"], tuple(row["tgt"].split("|")), re.compile(row["source"]),
                re.compile(row["exclude"]) if row["exclude"] else None, re.compile(row["forbidden"], re.IGNORECASE),
                row["suggestion"], Severity(row["severity"]), row["meaning"], row["evidence"],
            ))
        except (re.error, ValueError) as exc:
            raise ValueError(f"{path}:{n}: {exc}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def _shipped() -> tuple[Calque, ...]:
    return read_calques(_DATA_FILE)


@lru_cache(maxsize=64)
def calques_for(src: str, tgt: str) -> tuple[Calque, ...]:
    """The shipped lines for a language pair."""
    return tuple(c for c in _shipped() if c.src == src and (c.tgt == ("*",) or tgt in c.tgt))


@register(CHECK_ID, Category.TERMINOLOGY_GLOSSARY, version=1, order=60)
def calque(ctx: CheckContext) -> Iterator[Issue]:
    """Known literal mistranslation: the word-by-word rendering MT is known to give a source expression.

    Built-in, without a glossary: the lines of ``mtcheck/checks/calques.tsv``, each a forbidden rendering
    of a source expression, read on the WMT 2021 MQM data (MT outputs, human references, raters' marks):
    新冠 (COVID-19) as "new crown" / « nouvelle couronne » / „neue Krone“ or "new coronary pneumonia", a
    withheld given name 黄某某 as "Huang Moumou". Where a bead's source holds the expression (and none of
    the line's exclusions: 皇冠, a crown, beside 新冠), each forbidden rendering in its translation is an
    issue (major) on the rendering, pointing at the source expression, with the line's suggestion. Add your
    own as ``[[rules]]`` with a forbidden pattern (``custom.rules``).

    False positives: an article that speaks of a crown (or a coronary disease) in the same sentence as
    COVID-19 without a source word the exclusions know; a person whose surname is followed by the real
    name Mou in a sentence with 某 (牟 and 缪, read Mou, are excluded).
    """
    found = calques_for(base_lang(ctx.source.lang), base_lang(ctx.target.lang))
    if not found:
        return
    found = tuple(c for c in found if c.source.search(ctx.source.text))
    if not found:
        return
    for _, _, src, tgt in bead_sides(ctx):
        for c in found:
            # The longest source match is the expression ("南京某大学学生黄某某": 黄某某, not 京某 of 某大学, "a university")
            hit = max(c.source.finditer(src.text), key=lambda h: h.end() - h.start(), default=None)
            if hit is None or (c.exclude is not None and c.exclude.search(src.text)):
                continue
            for m in c.forbidden.finditer(tgt.text):
                keep = m.groupdict().get("keep") or ""
                yield Issue(
                    CHECK_ID, Category.TERMINOLOGY_GLOSSARY, c.severity,
                    f"'{m.group()}' is a literal rendering of '{hit.group()}': {c.meaning}",
                    source_span=src.span(hit.start(), hit.end()), target_span=tgt.span(m.start(), m.end()),
                    suggestion=c.suggestion.replace("{keep}", keep),
                )
