"""Finding the articles of a batch: folders of pairs, manifests and bilingual files.

Each INPUT given to ``mtcheck batch`` is one of:

- a folder with ``src/`` and ``mt/`` sub-folders (and optionally ``ref/``): files are paired by name,
  ignoring the extension and a trailing language tag (``src/a.zh.txt`` + ``mt/a.fr.txt`` is article ``a``);
- any other folder: every ``NAME.src.txt`` with its ``NAME.mt.txt`` (and ``NAME.ref.txt`` if present),
  searched recursively (``.md`` works as well as ``.txt``), plus every XLIFF, TMX and PO file in it;
- a JSONL manifest (``.jsonl``, ``.ndjson``): one object a line with ``id``, ``source``, ``target`` and
  optionally ``reference``, ``src_lang``, ``tgt_lang``;
- a TSV or CSV manifest: a header row naming at least ``id``, ``source`` and ``target`` (a TSV/CSV file
  without an ``id`` column is a bilingual file, one article);
- an XLIFF, TMX or PO file (or a TSV/CSV with source and target columns): one article.

In a manifest, ``source``, ``target`` and ``reference`` hold either the text itself or the path of a file
(relative to the manifest's folder): a value is a path when it names an existing file, or when it has
no white space and ends in ``.txt`` or ``.md``; anything else is the text. ``source_path``,
``target_path`` and ``reference_path`` always name files.

Discovery never stops at a bad input: a missing path, an unreadable manifest, a malformed manifest line
or a source without its translation becomes a ``BatchInput`` carrying an error, which the batch writes
as that article's error record. Articles keep the order of the INPUT arguments; inside a folder they
are sorted by name, inside a manifest they keep its order. Ids are unique: a repeated id gets ``~2``,
``~3``... appended.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError
from .bilingual import BILINGUAL_SUFFIXES, PO_SUFFIXES, TABLE_SUFFIXES, XML_SUFFIXES
from .text import decode_bytes

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".md"}
_PATHLIKE_RE = re.compile(r"^\S+\.(?:txt|md)$", re.IGNORECASE)
_LANG_TAG_RE = re.compile(r"\.[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?$")
MAX_MANIFEST_BYTES = 2_000_000_000


@dataclass(frozen=True)
class BatchInput:
    """One article of a batch.

    ``source``/``target``/``reference`` are file paths; ``*_text`` are inline texts (from a manifest);
    ``bilingual`` is the path of an XLIFF/TMX/PO/TSV file holding both sides. ``src_lang``/``tgt_lang``
    override the run's languages for this article. ``error_kind``/``error_message`` are set when the
    article could not even be found (its record is then that error).
    """

    source: Optional[str] = None
    target: Optional[str] = None
    reference: Optional[str] = None
    id: Optional[str] = None
    source_text: Optional[str] = None
    target_text: Optional[str] = None
    reference_text: Optional[str] = None
    bilingual: Optional[str] = None
    src_lang: Optional[str] = None
    tgt_lang: Optional[str] = None
    error_kind: Optional[str] = None
    error_message: Optional[str] = None

    @property
    def name(self) -> str:
        return self.id or self.bilingual or self.target or self.source or "<article>"


def _error(ident: str, kind: str, message: str) -> BatchInput:
    return BatchInput(id=ident, error_kind=kind, error_message=message)


def _pair_key(rel: Path) -> str:
    """``sub/a.zh.txt`` → ``sub/a``: the name without its extension and trailing language tag."""
    name = rel.name
    for suffix in TEXT_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    else:
        name = rel.stem
    name = _LANG_TAG_RE.sub("", name) or name
    return (rel.parent / name).as_posix()


def _visible_files(folder: Path) -> list[Path]:
    out = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file():
            out.append(p)
    return sorted(out, key=lambda p: p.relative_to(folder).as_posix())


def _subfolder_layout(folder: Path) -> list[BatchInput]:
    sides: dict[str, dict[str, Path]] = {}
    for side in ("src", "mt", "ref"):
        sub = folder / side
        files: dict[str, Path] = {}
        if sub.is_dir():
            for p in _visible_files(sub):
                files.setdefault(_pair_key(p.relative_to(sub)), p)
        sides[side] = files
    items = []
    for key in sorted(set(sides["src"]) | set(sides["mt"])):
        src, mt, ref = sides["src"].get(key), sides["mt"].get(key), sides["ref"].get(key)
        if src is None:
            items.append(_error(key, "input", f"{mt}: no source for it in {folder / 'src'}"))
        elif mt is None:
            items.append(_error(key, "input", f"{src}: no translation for it in {folder / 'mt'}"))
        else:
            items.append(BatchInput(str(src), str(mt), str(ref) if ref else None, id=key))
    for key in sorted(set(sides["ref"]) - set(sides["src"]) - set(sides["mt"])):
        items.append(_error(key, "input", f"{sides['ref'][key]}: a reference with no source and translation"))
    return items


_ROLE_RE = re.compile(r"^(?P<name>.+)\.(?P<role>src|mt|ref)\.(?:txt|md)$", re.IGNORECASE)


def _pair_layout(folder: Path) -> list[BatchInput]:
    roles: dict[str, dict[str, Path]] = {}
    bilingual: list[tuple[str, Path]] = []
    for p in _visible_files(folder):
        rel = p.relative_to(folder)
        m = _ROLE_RE.match(rel.name)
        if m:
            key = (rel.parent / m.group("name")).as_posix()
            roles.setdefault(key, {})[m.group("role").lower()] = p
        elif p.suffix.lower() in XML_SUFFIXES | PO_SUFFIXES:
            bilingual.append((rel.as_posix(), p))
    found: list[tuple[str, BatchInput]] = []
    for key, files in roles.items():
        src, mt, ref = files.get("src"), files.get("mt"), files.get("ref")
        if src is None:
            found.append((key, _error(key, "input", f"{mt or ref}: no {key}.src.txt beside it")))
        elif mt is None:
            found.append((key, _error(key, "input", f"{src}: no {key}.mt.txt beside it")))
        else:
            found.append((key, BatchInput(str(src), str(mt), str(ref) if ref else None, id=key)))
    for rel_name, p in bilingual:
        found.append((rel_name, BatchInput(id=rel_name, bilingual=str(p))))
    found.sort(key=lambda x: x[0])
    if not found:
        return [_error(folder.as_posix(), "input",
                       f"{folder}: no article found (NAME.src.txt + NAME.mt.txt pairs, src/ and mt/ "
                       "sub-folders, or XLIFF/TMX/PO files)")]
    return [item for _, item in found]


def _read_manifest_text(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_MANIFEST_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if len(data) > MAX_MANIFEST_BYTES:
        raise InputError(f"manifest too large: more than {MAX_MANIFEST_BYTES:,} bytes", str(path))
    if not data.strip():
        raise InputError("empty manifest", str(path))
    return decode_bytes(data, str(path)).text


def _value_as_path(value: str, base: Path) -> Optional[Path]:
    if "\n" in value or "\r" in value or len(value) > 4096 or not value.strip():
        return None
    candidate = Path(value.strip())
    if not candidate.is_absolute():
        candidate = base / candidate
    try:
        if candidate.is_file():
            return candidate
    except OSError:  # a long one-line text is not a file name
        return None
    return candidate if _PATHLIKE_RE.match(value.strip()) else None


_FIELDS = ("source", "target", "reference")


def _manifest_item(entry: dict, base: Path, default_id: str) -> BatchInput:
    """One manifest entry (keys lower-cased) → a BatchInput, or one carrying the error."""
    ident = str(entry.get("id") or "").strip() or default_id
    values: dict[str, tuple[str, str]] = {}
    for name in _FIELDS:
        path_value = entry.get(f"{name}_path")
        value = entry.get(name)
        if path_value not in (None, ""):
            if not isinstance(path_value, str):
                return _error(ident, "malformed", f"{default_id}: '{name}_path' must be a string")
            p = Path(path_value)
            values[name] = ("path", str(p if p.is_absolute() else base / p))
        elif value is not None and not (name == "reference" and value == ""):
            # An empty source or target is that article's problem (its error record), not a missing key;
            # an empty reference (a blank TSV cell) is no reference.
            if not isinstance(value, str):
                return _error(ident, "malformed", f"{default_id}: '{name}' must be a string")
            p2 = _value_as_path(value, base)
            values[name] = ("path", str(p2)) if p2 is not None else ("text", value)
    missing = [n for n in ("source", "target") if n not in values]
    if missing:
        return _error(ident, "malformed", f"{default_id}: no {' and no '.join(missing)} given")
    langs = {}
    for key in ("src_lang", "tgt_lang"):
        v = entry.get(key)
        if v not in (None, ""):
            if not isinstance(v, str):
                return _error(ident, "malformed", f"{default_id}: '{key}' must be a string")
            langs[key] = v.strip()
    fields: dict[str, Optional[str]] = {}
    for name, (how, v) in values.items():
        fields[name if how == "path" else f"{name}_text"] = v
    return BatchInput(id=ident, **fields, **langs)  # type: ignore[arg-type]


def _jsonl_manifest(path: Path, label: str) -> list[BatchInput]:
    text = _read_manifest_text(path)
    stem = path.stem
    items = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        default_id = f"{stem}:{n}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(_error(default_id, "malformed", f"{label}:{n}: not a JSON object ({exc.msg})"))
            continue
        if not isinstance(entry, dict):
            items.append(_error(default_id, "malformed", f"{label}:{n}: not a JSON object"))
            continue
        entry = {str(k).lower(): v for k, v in entry.items()}
        items.append(_manifest_item(entry, path.parent, default_id))
    if not items:
        items.append(_error(label, "empty", f"{label}: the manifest lists no article"))
    return items


def _table_header(text: str, path: Path) -> tuple[str, list[str]]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = "\t" if ("\t" in first or path.suffix.lower() == ".tsv") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    return delimiter, [h.strip().lower() for h in header]


def is_table_manifest(path: Path) -> bool:
    """A TSV/CSV file whose header names ``id``, ``source`` and ``target`` is a manifest."""
    if path.suffix.lower() not in TABLE_SUFFIXES:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
        text = decode_bytes(head, str(path)).text if head.strip() else ""
    except (OSError, InputError):
        return False
    _, header = _table_header(text, path)
    return {"id", "source", "target"} <= set(header)


def _table_manifest(path: Path, label: str) -> list[BatchInput]:
    text = _read_manifest_text(path)
    delimiter, header = _table_header(text, path)
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(rows, None)
    items = []
    stem = path.stem
    try:
        for n, row in enumerate(rows, start=2):
            if not any(c.strip() for c in row):
                continue
            default_id = f"{stem}:{n}"
            if len(row) > len(header):
                items.append(_error(default_id, "malformed", f"{label}:{n}: {len(row)} columns, the header has {len(header)}"))
                continue
            entry = {h: v for h, v in zip(header, row) if h}
            items.append(_manifest_item(entry, path.parent, default_id))
    except csv.Error as exc:
        items.append(_error(f"{stem}:?", "malformed", f"{label}: {exc}"))
    if not items:
        items.append(_error(label, "empty", f"{label}: the manifest lists no article"))
    return items


def discover_inputs(paths: Iterable[str]) -> list[BatchInput]:
    """Every article named by the INPUT arguments, in order; unusable inputs as error items."""
    items: list[BatchInput] = []
    for raw in paths:
        path = Path(raw)
        label = str(raw)
        try:
            if path.is_dir():
                if (path / "src").is_dir() and (path / "mt").is_dir():
                    items.extend(_subfolder_layout(path))
                else:
                    items.extend(_pair_layout(path))
            elif not path.exists():
                items.append(_error(label, "input", f"{label}: no such file or folder"))
            elif path.suffix.lower() in JSONL_SUFFIXES:
                items.extend(_jsonl_manifest(path, label))
            elif is_table_manifest(path):
                items.extend(_table_manifest(path, label))
            elif path.suffix.lower() in BILINGUAL_SUFFIXES:
                items.append(BatchInput(id=path.name, bilingual=label))
            else:
                items.append(_error(label, "usage",
                                    f"{label}: not a folder, a manifest (.jsonl, .tsv, .csv) or a bilingual file "
                                    "(XLIFF, TMX, PO); a text article needs its pair: NAME.src.txt + NAME.mt.txt"))
        except InputError as exc:
            items.append(_error(label, getattr(exc, "kind", "input"), str(exc)))
        except OSError as exc:
            items.append(_error(label, "input", f"{label}: {exc.strerror or exc}"))
    return unique_ids(items)


def unique_ids(items: Iterable[BatchInput]) -> list[BatchInput]:
    """Give every item an id, unique in the batch (``a``, ``a~2``, ``a~3``...), in order."""
    seen: dict[str, int] = {}
    used: set[str] = set()
    out = []
    for k, item in enumerate(items):
        base = item.id or item.name or f"article-{k + 1}"
        ident = base
        while ident in used:
            seen[base] = seen.get(base, 1) + 1
            ident = f"{base}~{seen[base]}"
        used.add(ident)
        out.append(item if ident == item.id else replace(item, id=ident))
    return out


__all__ = ["BatchInput", "discover_inputs", "is_table_manifest", "unique_ids"]
