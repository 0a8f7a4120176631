"""Writing glossaries (CSV/TSV or TBX): entries as the review app edits them, and the dominant renderings
of a term table as a glossary to review and reuse (its minority variants as forbidden renderings)."""
from __future__ import annotations

import csv
import io
from typing import Sequence

from ..terms.glossary import GlossaryEntry


def entries_from_terms(terms: Sequence) -> list[GlossaryEntry]:
    """One entry per term of a term table: the dominant rendering allowed, the variants forbidden."""
    return [
        GlossaryEntry(
            source=t.source,
            targets=(t.dominant.text,),
            forbidden=tuple(sorted({v.text for v in t.variants})),
            note=f"{len(t.dominant.units)} of {len(t.units)} sentences",
        )
        for t in terms
    ]


def entries_to_csv(entries: Sequence[GlossaryEntry], delimiter: str = ",") -> str:
    """``source,target,forbidden,note`` with several renderings joined by ``|`` (what the loader reads)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", delimiter=delimiter)
    writer.writerow(["source", "target", "forbidden", "note"])
    for e in entries:
        writer.writerow([e.source, "|".join(e.targets), "|".join(e.forbidden), e.note])
    return buf.getvalue()


def entries_to_tbx(entries: Sequence[GlossaryEntry], src_lang: str, tgt_lang: str) -> bytes:
    """TBX (translate-toolkit's writer): source and allowed targets; the note travels as a note. TBX here
    carries allowed renderings only; forbidden ones stay in the CSV."""
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    for e in entries:
        if not e.targets:
            continue
        unit = store.addsourceunit(e.source)
        unit.target = "|".join(e.targets)
        if e.note:
            unit.addnote(e.note)
    return bytes(store)


def to_glossary_csv(terms: Sequence, delimiter: str = ",") -> str:
    """A term table's dominant renderings as a CSV (or TSV) glossary."""
    return entries_to_csv(entries_from_terms(terms), delimiter)


def to_glossary_tbx(terms: Sequence, src_lang: str, tgt_lang: str) -> bytes:
    """A term table's dominant renderings as a TBX glossary."""
    return entries_to_tbx(entries_from_terms(terms), src_lang, tgt_lang)
