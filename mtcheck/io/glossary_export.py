"""Writing the dominant renderings of a term table as a glossary to review and reuse (CSV or TBX)."""
from __future__ import annotations

import csv
import io
from typing import Sequence


def to_glossary_csv(terms: Sequence, delimiter: str = ",") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", delimiter=delimiter)
    writer.writerow(["source", "target", "forbidden", "note"])
    for t in terms:
        variants = sorted({v.text for v in t.variants})
        note = f"{len(t.dominant.units)} of {len(t.units)} sentences"
        writer.writerow([t.source, t.dominant.text, "|".join(variants), note])
    return buf.getvalue()


def to_glossary_tbx(terms: Sequence, src_lang: str, tgt_lang: str) -> bytes:
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    for t in terms:
        unit = store.addsourceunit(t.source)
        unit.target = t.dominant.text
    return bytes(store)
