"""markup.tags: the inline tags of a bilingual file's unit (XLIFF, TMX) missing from its translation or added.

Xbench's "Tag mismatch" and pofilter's ``xmltags`` for the files a CAT tool exports: the formatting and
placeholders of a unit (a link around "here", a bold run, a ``{date}`` placeholder) are elements inside its
<source>, which the file's text leaves out (``io.bilingual.inline_tags``); a translation that drops one loses
the link or the bold, and one that adds one formats what the source does not.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..io.bilingual import tag_key
from ..types import Category, Issue, Severity
from .data import bead_side_list
from .registry import CheckContext, register


@register("markup.tags", Category.ACCURACY_OMISSION, version=1, order=45)
def tag_mismatch(ctx: CheckContext) -> Iterator[Issue]:
    """Inline tag of a bilingual file's unit missing from its translation, or added to it.

    For XLIFF 1.2 and 2.0 and TMX, whose units hold their formatting and placeholders as inline elements
    (XLIFF ``g x bx ex bpt ept ph it``, ``pc ph sc ec sm em``; TMX ``bpt ept ph it hi ut sub``; not ``mrk``):
    each tag of the source, by its name and identifier (``<g id="1">``, ``<ph id="3">``, as many times as the
    source has it), must be in the unit's translation. A missing one is minor ``accuracy/omission``, on the
    source unit and the translation; one only the translation has is minor ``accuracy/addition``. The order
    of the tags is free (languages order words otherwise); the text a paired tag holds is the translation's.
    Units left untranslated are ``untranslated``'s; plain text, PO and TSV/CSV files have no inline tags.

    False positives: a tool that renumbers the tags of a translation (``id="1"`` written ``id="t1"``); a tag
    that the target language needs no more (a superscript of an English ordinal, « 1<sup>st</sup> » → « 1er »).
    """
    tags = ctx.inline_tags
    if not tags or not any(src or tgt for src, tgt in tags):
        return
    for (_, bead, src, tgt), (src_tags, tgt_tags) in zip(bead_side_list(ctx), tags):
        if src_tags == tgt_tags or not bead.source or not bead.target or not tgt.text.strip():
            continue
        for tag in _unmatched(src_tags, tgt_tags):
            yield Issue("markup.tags", Category.ACCURACY_OMISSION, Severity.MINOR,
                        f"Inline tag {tag} of the source is missing from the translation",
                        source_span=src.whole(), target_span=tgt.whole())
        for tag in _unmatched(tgt_tags, src_tags):
            yield Issue("markup.tags", Category.ACCURACY_ADDITION, Severity.MINOR,
                        f"The translation has the inline tag {tag}, which the source does not have",
                        source_span=src.whole(), target_span=tgt.whole())


def _unmatched(tags: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """The tags of ``tags`` that ``other`` does not have, by ``tag_key``, each of ``other`` matching one."""
    left = Counter(map(tag_key, other))
    out = []
    for tag in tags:
        key = tag_key(tag)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(tag)
    return out
