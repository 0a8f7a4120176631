"""Uploaded files for a batch, read in memory: loose files, zip archives and JSONL manifests.

Nothing here touches the file system. A zip archive is read member by member with a cap on each member
and on the whole, and its member names are only labels: they are never joined to a directory, so a name
like ``../../etc/passwd`` can do no harm. Files are paired into articles by their names:

- a role word in the name: ``source``/``src``, ``mt``/``target``/``tgt``/``translation``, ``ref``/``reference``
  (``a.src.txt`` + ``a.mt.txt``; ``article1/source.zh.txt`` + ``article1/mt.fr.txt``, the layout of samples/);
- or a language code before the extension (``a.zh.txt`` + ``a.fr.txt``) when the batch's source language
  is given;
- what remains of the path (folder and name without role, language and extension) is the article's id.

A JSONL manifest has one article a line: ``{"id", "source", "target", "src_lang", "tgt_lang"}`` with the
texts inline (``reference`` optional). Every file or line that cannot be used becomes a ``Problem`` that
names it, and the other articles still run.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Optional, Sequence, Union

MB = 1024 * 1024
MAX_FILE_BYTES = 5 * MB  # one article file (a long news article is well under 100 KB)
MAX_UPLOAD_MB = 50  # one uploaded file, a zip archive included (the uploader enforces it too)
MAX_ARCHIVE_BYTES = 100 * MB  # everything read out of the archives of one batch
MAX_MEMBERS = 2000  # files in one archive
MAX_ARTICLES = 500  # articles in one batch
MAX_MANIFEST_LINES = 2000

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
ROLE_WORDS = {
    "source": "source", "src": "source", "original": "source", "orig": "source",
    "mt": "target", "target": "target", "tgt": "target", "translation": "target", "hyp": "target",
    "ref": "reference", "reference": "reference",
}
_SEP_RE = re.compile(r"[._\-\s]+")
_LANG_RE = re.compile(r"^[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?$")


@dataclass(frozen=True)
class Article:
    """One article of a batch: raw bytes of each side (decoded later, with encoding detection)."""

    id: str
    source: bytes
    target: bytes
    reference: Optional[bytes] = None
    src_lang: Optional[str] = None
    tgt_lang: Optional[str] = None
    source_name: str = ""
    target_name: str = ""
    reference_name: str = ""


@dataclass(frozen=True)
class Problem:
    """A file, archive member or manifest line that cannot be checked, and why."""

    name: str
    message: str


Entry = Union[Article, Problem]


@dataclass(frozen=True)
class _File:
    container: str  # the archive it came from ("" for a loose file)
    name: str  # its name (inside the archive), a label only
    data: bytes


def _label(container: str, name: str) -> str:
    return f"{container}:{name}" if container else name


def _clean_name(name: str) -> str:
    """A display path: forward slashes, no empty, '.' or '..' parts (a label, never a path to open)."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "unnamed"


def read_zip(data: bytes, container: str, budget: list[int]) -> tuple[list[_File], list[Problem]]:
    """The files of a zip archive, read in memory with size caps (``budget`` is the bytes still allowed)."""
    files: list[_File] = []
    problems: list[Problem] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        return [], [Problem(container, f"not a valid zip archive ({exc})")]
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS:
            return [], [Problem(container, f"too many files in the archive ({len(infos)}; at most {MAX_MEMBERS})")]
        for info in infos:
            name = _clean_name(info.filename)
            base = PurePosixPath(name).name
            if name.startswith("__MACOSX/") or base.startswith("."):
                continue  # resource forks and hidden files of archivers, not articles
            label = _label(container, name)
            if info.flag_bits & 0x1:
                problems.append(Problem(label, "encrypted archive member"))
                continue
            if info.file_size > MAX_FILE_BYTES:
                problems.append(Problem(label, f"too large ({info.file_size:,} bytes; at most {MAX_FILE_BYTES:,})"))
                continue
            try:
                with archive.open(info) as fh:
                    # The header's size can lie (a zip bomb): read at most one byte over the cap.
                    content = fh.read(min(MAX_FILE_BYTES, budget[0]) + 1)
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, RuntimeError) as exc:
                problems.append(Problem(label, f"cannot read this archive member ({exc})"))
                continue
            if len(content) > MAX_FILE_BYTES:
                problems.append(Problem(label, f"too large (more than {MAX_FILE_BYTES:,} bytes)"))
                continue
            if len(content) > budget[0]:
                problems.append(Problem(container, f"the archives hold more than {MAX_ARCHIVE_BYTES // MB} MB of text; the rest was skipped"))
                break
            budget[0] -= len(content)
            files.append(_File(container, name, content))
    return files, problems


def parse_manifest(data: bytes, name: str) -> list[Entry]:
    """Articles from a JSONL manifest with inline texts; a bad line is a Problem naming the line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(name, "a JSONL manifest must be UTF-8")]
    out: list[Entry] = []
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if len(lines) > MAX_MANIFEST_LINES:
        return [Problem(name, f"too many lines ({len(lines)}; at most {MAX_MANIFEST_LINES})")]
    for n, line in lines:
        where = f"{name} line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(Problem(where, f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            out.append(Problem(where, "each line must be a JSON object"))
            continue
        missing = [k for k in ("source", "target") if not isinstance(obj.get(k), str)]
        if missing:
            out.append(Problem(where, f"no text for {' and '.join(missing)} (inline texts are expected)"))
            continue
        ref = obj.get("reference")
        langs = [obj.get("src_lang"), obj.get("tgt_lang")]
        if any(v is not None and not isinstance(v, str) for v in langs + [ref]):
            out.append(Problem(where, "src_lang, tgt_lang and reference must be strings"))
            continue
        art_id = str(obj.get("id") or f"{PurePosixPath(name).stem} #{n}")
        out.append(Article(
            id=art_id,
            source=obj["source"].encode("utf-8"),
            target=obj["target"].encode("utf-8"),
            reference=ref.encode("utf-8") if isinstance(ref, str) else None,
            src_lang=langs[0] or None,
            tgt_lang=langs[1] or None,
            source_name=f"{where}: source",
            target_name=f"{where}: target",
            reference_name=f"{where}: reference" if isinstance(ref, str) else "",
        ))
    if not out:
        out.append(Problem(name, "empty manifest"))
    return out


@dataclass
class _Named:
    file: _File
    role: Optional[str]
    lang: Optional[str]
    key: tuple[str, str]


def _split_name(f: _File) -> tuple[Optional[str], Optional[str], str]:
    """(role, language code, key) of a file name: ``article1/source.zh.txt`` → (source, zh, article1)."""
    path = PurePosixPath(f.name)
    folder = str(path.parent) if str(path.parent) != "." else ""
    stem = path.name[: -len(path.suffix)] if path.suffix.lower() in TEXT_SUFFIXES else path.name
    dotted = stem.split(".")
    lang = None
    if len(dotted) >= 2 and _LANG_RE.match(dotted[-1]) and dotted[-1].lower() not in ROLE_WORDS:
        lang = dotted[-1].lower()
        dotted = dotted[:-1]
    tokens = [t for t in _SEP_RE.split(".".join(dotted)) if t]
    roles = {ROLE_WORDS[t.lower()] for t in tokens if t.lower() in ROLE_WORDS}
    role = roles.pop() if len(roles) == 1 else ("ambiguous" if roles else None)
    rest = [t for t in tokens if t.lower() not in ROLE_WORDS]
    key = "/".join(p for p in (folder, "-".join(rest)) if p)
    return role, lang, key


def _pair(files: list[_File], src_lang: Optional[str], tgt_lang: Optional[str]) -> list[Entry]:
    named: list[_Named] = []
    out: list[tuple[int, Entry]] = []  # (position of the first file, entry), to keep the upload order
    for pos, f in enumerate(files):
        label = _label(f.container, f.name)
        role, lang, key = _split_name(f)
        if role == "ambiguous":
            out.append((pos, Problem(label, "the name holds several role words (source/src, mt/target, ref)")))
            continue
        if role is None and lang is not None and src_lang:
            role = "source" if lang == src_lang else "target"
            if tgt_lang and role == "target" and lang != tgt_lang:
                out.append((pos, Problem(label, f"language '{lang}' is neither the source ({src_lang}) nor the target ({tgt_lang})")))
                continue
        if role is None:
            out.append((pos, Problem(label, "cannot tell whether this is a source or a translation: put src or mt "
                                            "in its name (a.src.txt, a.mt.txt), or set the source language for a.zh.txt/a.fr.txt")))
            continue
        named.append(_Named(f, role, lang, (f.container, key)))
    groups: dict[tuple[str, str], list[tuple[int, _Named]]] = {}
    for pos, n in enumerate(named):
        groups.setdefault(n.key, []).append((files.index(n.file), n))
    seen_ids: dict[str, int] = {}
    for (container, key), members in groups.items():
        first = min(p for p, _ in members)
        by_role: dict[str, list[_Named]] = {}
        for _, n in members:
            by_role.setdefault(n.role or "", []).append(n)
        labels = ", ".join(_label(n.file.container, n.file.name) for _, n in members)
        dup = [r for r, ns in by_role.items() if len(ns) > 1]
        if dup:
            out.append((first, Problem(labels, f"several files for the {dup[0]} of one article")))
            continue
        if "source" not in by_role or "target" not in by_role:
            lacking = "translation" if "source" in by_role else "source"
            out.append((first, Problem(labels, f"no {lacking} file to pair with")))
            continue
        s, t = by_role["source"][0], by_role["target"][0]
        r = by_role.get("reference", [None])[0]
        base_id = key or PurePosixPath(container).stem or "article"
        seen_ids[base_id] = seen_ids.get(base_id, 0) + 1
        art_id = base_id if seen_ids[base_id] == 1 else f"{base_id} #{seen_ids[base_id]}"
        out.append((first, Article(
            id=art_id, source=s.file.data, target=t.file.data, reference=r.file.data if r else None,
            src_lang=s.lang or src_lang or None, tgt_lang=t.lang or tgt_lang or None,
            source_name=_label(s.file.container, s.file.name), target_name=_label(t.file.container, t.file.name),
            reference_name=_label(r.file.container, r.file.name) if r else "",
        )))
    return [e for _, e in sorted(out, key=lambda pe: pe[0])]


def read_batch(uploads: Sequence[tuple[str, bytes]], src_lang: Optional[str] = None,
               tgt_lang: Optional[str] = None) -> list[Entry]:
    """Articles and problems from uploaded files (name, content): text files, zip archives, JSONL manifests."""
    src_lang = (src_lang or "").strip().lower() or None
    tgt_lang = (tgt_lang or "").strip().lower() or None
    loose: list[_File] = []
    entries: list[Entry] = []
    budget = [MAX_ARCHIVE_BYTES]
    for raw_name, data in uploads:
        name = _clean_name(raw_name)
        suffix = PurePosixPath(name).suffix.lower()
        if len(data) > MAX_UPLOAD_MB * MB:
            entries.append(Problem(name, f"too large ({len(data):,} bytes; at most {MAX_UPLOAD_MB} MB)"))
        elif suffix == ".zip":
            files, problems = read_zip(data, name, budget)
            entries.extend(problems)
            for f in files:
                member_suffix = PurePosixPath(f.name).suffix.lower()
                if member_suffix in (".jsonl", ".ndjson"):
                    entries.extend(parse_manifest(f.data, _label(name, f.name)))
                elif member_suffix == ".zip":
                    entries.append(Problem(_label(name, f.name), "archives inside archives are not read"))
                elif member_suffix in TEXT_SUFFIXES:
                    loose.append(f)
                else:
                    entries.append(Problem(_label(name, f.name), f"not a text file ({member_suffix}): use .txt or .md"))
        elif suffix in (".jsonl", ".ndjson"):
            entries.extend(parse_manifest(data, name))
        elif suffix in TEXT_SUFFIXES:
            if len(data) > MAX_FILE_BYTES:
                entries.append(Problem(name, f"too large ({len(data):,} bytes; at most {MAX_FILE_BYTES:,})"))
            else:
                loose.append(_File("", name, data))
        else:
            entries.append(Problem(name, f"not a text file, zip archive or JSONL manifest ({suffix})"))
    entries.extend(_pair(loose, src_lang, tgt_lang))
    articles = [e for e in entries if isinstance(e, Article)]
    if len(articles) > MAX_ARTICLES:
        kept = {id(a) for a in articles[:MAX_ARTICLES]}
        entries = [e for e in entries if not isinstance(e, Article) or id(e) in kept]
        entries.append(Problem("batch", f"{len(articles)} articles; only the first {MAX_ARTICLES} are checked"))
    return entries
