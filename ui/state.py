"""The session's own data: the glossary (as editable rows) and the ignore list (issue fingerprints).

The functions on plain values are unit-tested; the ``session_*`` ones read and write ``st.session_state``.
Both the glossary and the ignore list are reused by every later check of the session: the glossary as
the glossary of the check, the ignore list to hide (and not count) the issues it names.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Optional, Sequence

from .facade import Fingerprint, GlossaryEntry

COLUMNS = ("source", "target", "forbidden", "note")
Row = dict[str, str]


# ---------------------------------------------------------------- glossary rows

def _cells(values: Iterable[str]) -> str:
    return "|".join(v for v in values if v)


def _split(cell: object) -> tuple[str, ...]:
    text = "" if cell is None else str(cell)
    # A float NaN from an emptied data-editor cell is no text.
    if text.lower() == "nan" and not isinstance(cell, str):
        return ()
    return tuple(p.strip() for p in text.split("|") if p.strip())


def rows_from_entries(entries: Iterable[GlossaryEntry]) -> list[Row]:
    return [{"source": e.source, "target": _cells(e.targets), "forbidden": _cells(e.forbidden), "note": e.note}
            for e in entries]


def entries_from_rows(rows: Iterable[Row]) -> tuple[tuple[GlossaryEntry, ...], list[str]]:
    """Glossary entries from the rows of the editor, and a note for each row that cannot be used yet."""
    entries: list[GlossaryEntry] = []
    problems: list[str] = []
    for n, row in enumerate(rows, start=1):
        source = str(row.get("source") or "").strip()
        if source.lower() == "nan" and not isinstance(row.get("source"), str):
            source = ""
        targets, forbidden = _split(row.get("target")), _split(row.get("forbidden"))
        note_cell = row.get("note")
        note = "" if note_cell is None or (not isinstance(note_cell, str)) else note_cell.strip()
        if not source and not targets and not forbidden:
            continue  # an empty row being typed
        if not source:
            problems.append(f"row {n}: no source term")
            continue
        if not targets and not forbidden:
            problems.append(f"row {n} ({source}): neither a target nor a forbidden rendering")
            continue
        entries.append(GlossaryEntry(source, targets, forbidden, note))
    return tuple(entries), problems


def merge_entries(rows: list[Row], entries: Iterable[GlossaryEntry], replace_all: bool = False) -> list[Row]:
    """Rows with ``entries`` added; an entry for a source term already present replaces its row."""
    new = rows_from_entries(entries)
    if replace_all:
        return new
    by_source = {r["source"]: k for k, r in enumerate(rows)}
    out = [dict(r) for r in rows]
    for r in new:
        k = by_source.get(r["source"])
        if k is None:
            by_source[r["source"]] = len(out)
            out.append(r)
        else:
            out[k] = r
    return out


def choose_rendering(rows: list[Row], source: str, rendering: str, others: Sequence[str], note: str) -> list[Row]:
    """Record ``rendering`` as the glossary's rendering of ``source``; the other renderings seen become
    forbidden (earlier forbidden ones are kept, the chosen one never is)."""
    out = [dict(r) for r in rows]
    for r in out:
        if r["source"] == source:
            forbidden = [f for f in _split(r["forbidden"]) + tuple(others) if f != rendering]
            r.update(target=rendering, forbidden=_cells(dict.fromkeys(forbidden)), note=note)
            return out
    out.append({"source": source, "target": rendering,
                "forbidden": _cells(dict.fromkeys(o for o in others if o != rendering)), "note": note})
    return out


def apply_editor_changes(rows: list[Row], changes: dict) -> list[Row]:
    """Rows after the edits of ``st.data_editor`` (its ``edited_rows``, ``added_rows``, ``deleted_rows``)."""
    out = [dict(r) for r in rows]
    for idx, edit in (changes.get("edited_rows") or {}).items():
        k = int(idx)
        if 0 <= k < len(out):
            for col, value in edit.items():
                if col in COLUMNS:
                    out[k][col] = "" if value is None else str(value)
    deleted = {int(i) for i in changes.get("deleted_rows") or []}
    out = [r for k, r in enumerate(out) if k not in deleted]
    for added in changes.get("added_rows") or []:
        out.append({c: "" if added.get(c) is None else str(added.get(c)) for c in COLUMNS})
    return out


# ---------------------------------------------------------------- ignore list

def ignore_key(index: int, fp: Fingerprint) -> str:
    """The widget key of the "ignore" button of issue ``index`` of the current report."""
    digest = hashlib.sha1(f"{fp[0]}\x00{fp[1]}".encode("utf-8")).hexdigest()[:10]
    return f"ignore-{index}-{digest}"


def suppressions_to_json(fps: Sequence[Fingerprint]) -> str:
    return json.dumps({"mtcheck_ignore": 1, "ignored": [{"check": c, "text": t} for c, t in fps]},
                      ensure_ascii=False, indent=2) + "\n"


def suppressions_from_json(data: bytes) -> list[Fingerprint]:
    """The fingerprints of an ignore list written by ``suppressions_to_json``; ValueError when it is not one."""
    if len(data) > 2 * 1024 * 1024:
        raise ValueError("too large for an ignore list")
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a JSON ignore list ({exc})") from None
    items = obj.get("ignored") if isinstance(obj, dict) else None
    if not isinstance(items, list):
        raise ValueError("not an mtcheck ignore list (no 'ignored' list)")
    out: list[Fingerprint] = []
    for item in items:
        if not (isinstance(item, dict) and isinstance(item.get("check"), str) and isinstance(item.get("text"), str)):
            raise ValueError("each ignored item needs a 'check' and a 'text' string")
        out.append((item["check"], item["text"]))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- the session

def _st():  # type: ignore[no-untyped-def]
    import streamlit as st

    return st


def init_session() -> None:
    ss = _st().session_state
    ss.setdefault("glossary_rows", [])
    ss.setdefault("glossary_version", 0)
    ss.setdefault("suppressed", [])
    ss.setdefault("report", None)
    ss.setdefault("batch_rows", None)
    ss.setdefault("use_glossary", True)


def session_glossary() -> tuple[GlossaryEntry, ...]:
    entries, _ = entries_from_rows(_st().session_state.get("glossary_rows", []))
    return entries


def set_glossary_rows(rows: list[Row]) -> None:
    ss = _st().session_state
    ss["glossary_rows"] = rows
    ss["glossary_version"] = ss.get("glossary_version", 0) + 1  # a fresh editor shows the new rows


def session_suppressed() -> list[Fingerprint]:
    return list(_st().session_state.get("suppressed", []))


def add_suppression(fp: Fingerprint) -> None:
    ss = _st().session_state
    current = list(ss.get("suppressed", []))
    if fp not in current:
        current.append(fp)
    ss["suppressed"] = current


def remove_suppression(fp: Fingerprint) -> None:
    ss = _st().session_state
    ss["suppressed"] = [f for f in ss.get("suppressed", []) if f != fp]


def glossary_signature(entries: Sequence[GlossaryEntry]) -> Optional[str]:
    if not entries:
        return None
    return hashlib.sha256(repr(tuple(entries)).encode("utf-8")).hexdigest()[:16]
