"""Bilingual files: XLIFF 1.2/2.0, TMX, PO (through translate-toolkit) and TSV/CSV with source and
target columns. The file's units are the alignment: each unit is one bead.

Every XML file is first parsed by defusedxml, which refuses DTD entities and external references
(billion laughs, XXE), before translate-toolkit sees it.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import InputError, MalformedInput
from ..langid import iso_639_1
from .text import decode_bytes

XML_SUFFIXES = {".xlf", ".xliff", ".sdlxliff", ".mxliff", ".tmx"}
TABLE_SUFFIXES = {".tsv", ".csv"}
PO_SUFFIXES = {".po", ".pot"}
BILINGUAL_SUFFIXES = XML_SUFFIXES | TABLE_SUFFIXES | PO_SUFFIXES


@dataclass(frozen=True)
class BilingualFile:
    path: str
    format: str
    source_lang: Optional[str]
    target_lang: Optional[str]
    units: tuple[tuple[str, str], ...]  # (source, target); target "" when untranslated
    # Per unit, the inline tags of its source and of its target (``inline_tags``), for XLIFF and TMX; empty
    # for the formats that have none (PO, TSV/CSV).
    tags: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


# The inline elements of XLIFF 1.2 (g x bx ex bpt ept ph it), XLIFF 2.0 (pc ph sc ec sm em) and TMX (bpt ept ph it hi
# ut sub): the formatting and placeholders a translation must keep. Not <mrk>, which XLIFF uses to mark segments
# and annotations that a translation need not carry.
_INLINE_TAGS = frozenset("g x bx ex bpt ept ph it pc sc ec sm em hi ut sub".split())


def inline_tags(element) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The inline tags inside ``element`` (a <source>, <target> or <seg>), in document order, each written
    as it opens, with its identifier (``id``, or TMX's ``i``/``x``) and, for a paired one, the text it holds:
    ``<g id="1">here</g>``, ``<x id="2"/>``, ``<bpt i="1"><b></bpt>`` (``tag_key`` of each: what a translation
    must have, the opening tag)."""
    out = []
    if element is None:
        return ()
    for el in element.iter():
        if el is element or not isinstance(el.tag, str):
            continue  # the element itself; a comment or a processing instruction
        name = _local(el.tag)
        if name not in _INLINE_TAGS:
            continue
        ident = next((f' {a}="{el.get(a)}"' for a in ("id", "i", "x", "rid") if el.get(a) is not None), "")
        inner = "".join(el.itertext())
        out.append(f"<{name}{ident}>{inner[:40]}</{name}>" if inner or name in ("g", "pc", "hi", "sub")
                   else f"<{name}{ident}/>")
    return tuple(out)


def tag_key(tag: str) -> str:
    """What of an inline tag of ``inline_tags`` a translation must keep: its name and identifier, not the text it
    holds (``<g id="1">``)."""
    return tag[: tag.index(">") + 1].replace("/>", ">")


def _child(element, name: str):  # type: ignore[no-untyped-def]
    """The first child of ``element`` named ``name`` (any namespace), or None: a unit's own <source> and <target>
    (not those of an XLIFF <alt-trans>, a memory's suggestion), a <tuv>'s <seg>."""
    if element is None:
        return None
    return next((el for el in element if isinstance(el.tag, str) and _local(el.tag) == name), None)


def is_bilingual(path: str) -> bool:
    return Path(path).suffix.lower() in BILINGUAL_SUFFIXES


def _safe_xml(data: bytes, path: str):  # type: ignore[no-untyped-def]
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException

    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise MalformedInput(f"refused unsafe XML ({type(exc).__name__}: entities and external references are not allowed)", path) from None
    except SafeET.ParseError as exc:
        raise MalformedInput(f"malformed XML: {exc}", path) from None
    except LookupError as exc:  # <?xml ... encoding="UTF-9"?>
        raise MalformedInput(f"malformed XML: {exc}", path) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_xml(data: bytes, path: str, src_lang: Optional[str] = None, tgt_lang: Optional[str] = None) -> BilingualFile:
    root = _safe_xml(data, path)
    kind = _local(root.tag)
    from translate.storage import tmx, xliff, xliff2

    try:
        if kind == "tmx":
            store = tmx.tmxfile(io.BytesIO(data))
            header = next((el for el in root if _local(el.tag) == "header"), None)
            src_lang, tgt_lang, tmx_units = _tmx_units(
                store, src_lang or iso_639_1(header.get("srclang") if header is not None else None), tgt_lang)
            fmt = "tmx"
        elif kind == "xliff" and str(root.get("version", "")).startswith("2"):
            store = xliff2.Xliff2File(io.BytesIO(data))
            src_lang, tgt_lang, fmt = iso_639_1(root.get("srcLang")), iso_639_1(root.get("trgLang")), "xliff2"
        elif kind == "xliff":
            store = xliff.xlifffile(io.BytesIO(data))
            src_lang, tgt_lang, fmt = iso_639_1(store.getsourcelanguage()), iso_639_1(store.gettargetlanguage()), "xliff"
        else:
            raise MalformedInput(f"not XLIFF or TMX (root element <{kind}>)", path)
    except MalformedInput:
        raise
    except Exception as exc:  # translate-toolkit raises many kinds on bad files
        raise MalformedInput(f"cannot read {kind.upper()}: {exc}", path) from None
    if fmt == "tmx":
        units, tags = tmx_units
    else:
        live = _live_units(store)
        units = tuple((u.source or "", u.target or "") for u in live)
        tags = tuple((inline_tags(_child(u.xmlelement, "source")), inline_tags(_child(u.xmlelement, "target")))
                     for u in live)
    return BilingualFile(path, fmt, src_lang, tgt_lang, units, tags)


def _live_units(store) -> list:  # type: ignore[type-arg]
    """The units that are for translation: not a PO header, not an obsolete PO entry (``#~``, which gettext
    keeps only as a memory), not an XLIFF unit marked ``translate="no"``."""
    return [u for u in store.units if not u.isheader() and u.istranslatable() and (u.source or "").strip()]


def _tmx_units(store, src_lang: Optional[str], wanted: Optional[str] = None):  # type: ignore[no-untyped-def]
    """(source language, target language, units) of a TMX store, each <tuv> placed by its language: the
    source is the <tuv> of the source language (the user's, else the header's), compared as ISO 639-1 codes
    (``srclang="en-US"`` finds ``xml:lang="en"``), or the first <tuv> when none is named (``*all*``, which
    TMX allows, or a code of no language); the target is the <tuv> of the language ``wanted`` when the
    user gives one, else of the language of the first <tuv> of another language in the file's first unit
    that has one; a unit without a <tuv> of the target language is untranslated. The order of the <tuv>s
    does not matter. The text of each is what translate-toolkit reads of it. The units come with their
    inline tags (``inline_tags`` of each side's <seg>)."""
    from translate.storage.lisa import getXMLlang, getXMLspace

    tgt_lang = wanted
    units = []
    tags = []
    for unit in store.units:
        nodes = unit.getlanguageNodes()
        if not nodes:
            continue
        langs = [iso_639_1(getXMLlang(node)) for node in nodes]
        k = langs.index(src_lang) if src_lang is not None and src_lang in langs else 0
        src_lang = src_lang or langs[k]
        others = [j for j in range(len(nodes)) if j != k]
        t = next((j for j in others if tgt_lang is not None and langs[j] == tgt_lang), None)
        if t is None and tgt_lang is None:  # the first unit with a <tuv> of another language names the target's
            t = next((j for j in others if langs[j] and langs[j] != langs[k]), others[0] if others else None)
            if t is not None and langs[t] != src_lang:
                tgt_lang = langs[t]
        space = getXMLspace(unit.xmlelement, getattr(unit, "_default_xml_space", "preserve"))
        source = unit.getNodeText(nodes[k], space) or ""
        if source.strip():
            units.append((source, (unit.getNodeText(nodes[t], space) or "") if t is not None else ""))
            tags.append((inline_tags(_child(nodes[k], "seg")),
                         inline_tags(_child(nodes[t], "seg")) if t is not None else ()))
    return src_lang, tgt_lang, (tuple(units), tuple(tags))


def _read_po(data: bytes, path: str) -> BilingualFile:
    from translate.storage import pypo

    try:
        store = pypo.pofile(io.BytesIO(data))
    except Exception as exc:
        raise MalformedInput(f"cannot read PO: {exc}", path) from None
    units = tuple((u.source or "", u.target or "") for u in _live_units(store))
    return BilingualFile(path, "po", iso_639_1(store.getsourcelanguage()), iso_639_1(store.gettargetlanguage()), units)


_NO_CELL_LIMIT = 2**31 - 1


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    """The rows of a CSV/TSV text that hold something. A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (classic
    Mac, some spreadsheet exports), and a cell may be of any length (the csv module's default limit,
    131,072 characters, refused a whole article in a cell; ``max_chars`` bounds the file already).
    ``csv.Error`` goes to the caller."""
    if csv.field_size_limit() < _NO_CELL_LIMIT:
        csv.field_size_limit(_NO_CELL_LIMIT)
    return [r for r in csv.reader(io.StringIO(text, newline=None), delimiter=delimiter) if any(c.strip() for c in r)]


def table_rows(text: str, delimiter: str, path: str, what: str = "table") -> list[list[str]]:
    """``_csv_rows``, a table that cannot be read being malformed input of ``path``."""
    try:
        return _csv_rows(text, delimiter)
    except csv.Error as exc:
        raise MalformedInput(f"cannot read the {what}: {exc}", path) from None


def comma_or_semicolon(text: str) -> str:
    """The column separator of a CSV table: a comma or, as Excel writes CSV in much of Europe, a semicolon: the
    one that splits the first line into two columns or more, and the first rows into as many columns each
    (a comma on a tie: commas inside the text of a semicolon table give rows of varying width, and
    semicolons inside a comma table give a one-column first line)."""
    sample = "\n".join(text.splitlines()[:20])

    def fit(delimiter: str) -> tuple[bool, bool]:
        try:
            rows = _csv_rows(sample, delimiter)
        except csv.Error:  # the reader of the table says what is wrong
            return False, False
        return bool(rows) and len(rows[0]) >= 2, len({len(r) for r in rows}) == 1

    return max((",", ";"), key=fit)


def _delimiter(text: str, path: str) -> str:
    """A tab when the first line has one (or the file is .tsv), else ``comma_or_semicolon``."""
    first = text.splitlines()[0] if text.strip() else ""
    return "\t" if ("\t" in first or path.lower().endswith(".tsv")) else comma_or_semicolon(text)


def _read_table(data: bytes, path: str, max_chars: int) -> BilingualFile:
    text = decode_bytes(data, path).text
    delimiter = _delimiter(text, path)
    rows = table_rows(text, delimiter, path)
    if not rows:
        raise MalformedInput("no rows", path)
    header = [h.strip().lower() for h in rows[0]]
    src_lang = tgt_lang = None
    if "source" in header and "target" in header:
        si, ti = header.index("source"), header.index("target")
        body = rows[1:]
    elif len(header) >= 2 and all(codes := [iso_639_1(h) if len(h) == 2 else None for h in header[:2]]):
        si, ti, body = 0, 1, rows[1:]  # a header of language codes: en<TAB>fr
        src_lang, tgt_lang = codes
    else:
        si, ti, body = 0, 1, rows
    units = []
    for n, row in enumerate(body, start=1):
        if len(row) <= max(si, ti):
            raise MalformedInput(f"row {n} has {len(row)} column(s); expected source and target", path)
        if row[si].strip():
            units.append((row[si], row[ti]))
    return BilingualFile(path, "tsv" if delimiter == "\t" else "csv", src_lang, tgt_lang, tuple(units))


def read_bilingual(path: str, max_chars: int = 5_000_000, src_lang: Optional[str] = None,
                   tgt_lang: Optional[str] = None) -> BilingualFile:
    """The units of a bilingual file; ``src_lang``/``tgt_lang`` (ISO 639-1, given by the user) choose the sides
    of a TMX file, which may hold more than two languages."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path)
    if p.is_dir():
        raise InputError("is a directory, not a file", path)
    try:
        with p.open("rb") as fh:
            data = fh.read(max_chars * 4 + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(data) > max_chars * 4:
        raise InputError(f"too large: more than {max_chars * 4:,} bytes", path)
    if not data.strip():
        raise InputError("empty file", path)
    suffix = p.suffix.lower()
    if suffix in XML_SUFFIXES:
        result = _read_xml(data, path, src_lang, tgt_lang)
    elif suffix in PO_SUFFIXES:
        result = _read_po(data, path)
    else:
        result = _read_table(data, path, max_chars)
    if not result.units:
        raise MalformedInput(f"no translation unit found in this {result.format.upper()} file", path)
    return result
