"""Glossaries: CSV (comma or semicolon)/TSV with columns ``source,target,forbidden,note`` (several allowed targets or
forbidden renderings separated by ``|``), and TBX through translate-toolkit."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, MalformedInput
from ..io.bilingual import comma_or_semicolon, table_rows


@dataclass(frozen=True)
class GlossaryEntry:
    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def parse_glossary_table(text: str, name: str) -> tuple[GlossaryEntry, ...]:
    first = text.splitlines()[0] if text.strip() else ""
    if first.count("\t") >= first.count(",") and "\t" in first:
        delimiter = "\t"
    else:
        delimiter = comma_or_semicolon(text)  # « source;target » from a European spreadsheet
    rows = table_rows(text, delimiter, name, "glossary table")
    if not rows:
        raise MalformedInput("empty glossary", name)
    header = [h.strip().lower() for h in rows[0]]
    if "source" in header and "target" in header:
        cols = {h: i for i, h in enumerate(header)}
        body = rows[1:]
    else:
        cols = {"source": 0, "target": 1, "forbidden": 2, "note": 3}
        body = rows
    entries = []
    for line_no, row in enumerate(body, start=2 if body is not rows else 1):
        def get(key: str) -> str:
            i = cols.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        source = get("source")
        if not source:
            raise MalformedInput(f"line {line_no}: no source term", name)
        targets, forbidden = _split(get("target")), _split(get("forbidden"))
        if not targets and not forbidden:
            raise MalformedInput(f"line {line_no}: '{source}' has neither a target nor a forbidden rendering", name)
        entries.append(GlossaryEntry(source, targets, forbidden, get("note")))
    return tuple(entries)


def _parse_tbx(data: bytes, name: str) -> tuple[GlossaryEntry, ...]:
    from translate.storage.tbx import tbxfile

    try:
        store = tbxfile(io.BytesIO(data))
    except Exception as exc:  # translate-toolkit raises lxml and its own errors
        raise MalformedInput(f"not a valid TBX file: {exc}", name) from None
    entries = []
    for unit in store.units:
        src, tgt = (unit.source or "").strip(), (unit.target or "").strip()
        if src and tgt:
            entries.append(GlossaryEntry(src, _split(tgt)))
    if not entries:
        raise MalformedInput("TBX file has no term with both a source and a target", name)
    return tuple(entries)


def load_glossary(path: str) -> tuple[GlossaryEntry, ...]:
    p = Path(path)
    if not p.is_file():
        raise InputError("glossary not found", path)
    data = p.read_bytes()
    if p.suffix.lower() == ".tbx":
        from defusedxml import ElementTree as SafeET  # refuse entities before translate-toolkit parses

        try:
            SafeET.fromstring(data)
        except Exception as exc:
            raise MalformedInput(f"unsafe or malformed XML: {exc}", path) from None
        return _parse_tbx(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MalformedInput("glossary is not UTF-8", path) from None
    return parse_glossary_table(text, path)
