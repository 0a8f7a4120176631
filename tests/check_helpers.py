"""Helpers for the table tests of checks: build a document pair, run some checks, read the flagged text."""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

from mtcheck.checks import CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.segment import split_sentences
from mtcheck.types import Bead, Document, Issue


def doc_of_lines(sentences: Sequence[str], lang: str) -> Document:
    """A document of one sentence per line, the sentences as given (for generated tests)."""
    from mtcheck.types import Sentence

    text, sents = "", []
    for s in sentences:
        sents.append(Sentence(len(text), len(text) + len(s), s))
        text += s + "\n"
    return Document(text=text, lang=lang, sentences=tuple(sents))


def make_doc(text: str, lang: str) -> Document:
    return Document(text=text, lang=lang, sentences=split_sentences(text, lang))


def paired_beads(source: Document, target: Document) -> tuple[Bead, ...]:
    """One bead per paragraph when both sides have as many paragraphs, else one bead for everything."""
    sp: dict[int, list[int]] = {}
    tp: dict[int, list[int]] = {}
    for i, s in enumerate(source.sentences):
        sp.setdefault(s.paragraph, []).append(i)
    for j, t in enumerate(target.sentences):
        tp.setdefault(t.paragraph, []).append(j)
    if len(sp) == len(tp):
        return tuple(Bead(tuple(a), tuple(b)) for a, b in zip(sp.values(), tp.values()))
    return (Bead(tuple(range(len(source.sentences))), tuple(range(len(target.sentences)))),)


def run(src: str, src_lang: str, tgt: str, tgt_lang: str, only: Iterable[str],
        alignment: Optional[Sequence[Bead]] = None, config: Config = Config()) -> tuple[list[Issue], Document, Document]:
    source, target = make_doc(src, src_lang), make_doc(tgt, tgt_lang)
    beads = tuple(alignment) if alignment is not None else paired_beads(source, target)
    ctx = CheckContext(source, target, beads, config)
    issues, errors = run_checks(ctx, only=set(only) | {"noise.debris"})
    assert errors == []
    return [i for i in issues if i.check in set(only)], source, target


def flagged(issues: Iterable[Issue], source: Document, target: Document) -> list[tuple[str, str, str]]:
    """(check, severity, flagged text): the target text, or the source text where the target has none."""
    out = []
    for i in issues:
        if i.target_span is not None:
            text = target.text[i.target_span.start:i.target_span.end]
        else:
            text = "src:" + source.text[i.source_span.start:i.source_span.end]
        out.append((i.check, i.severity.value, text))
    return sorted(out)


def assert_table(checks: Iterable[str], src: str, src_lang: str, tgt: str, tgt_lang: str,
                 expected: Sequence[tuple[str, str, str]], config: Config = Config()) -> None:
    """Run ``checks`` on one pair and compare the (check, severity, flagged text) triples exactly."""
    issues, source, target = run(src, src_lang, tgt, tgt_lang, checks, config=config)
    assert flagged(issues, source, target) == sorted(expected)
