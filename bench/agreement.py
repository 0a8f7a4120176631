"""Agreement with the experts: mtcheck's findings on the WMT 2021 MT outputs against their MQM annotations.

``bench/false_alarms.py`` counts what the suite raises on *human* translations; this script asks the other
question a QA team asks of a checker: when it flags a machine translation, did the professional MQM raters
(Freitag et al. 2021) find something wrong there too?

Reads ``mqm/newstest2021/{zhen,ende}/mqm-newstest2021_*.tsv`` under ``--data`` (tab-separated, no quoting,
one row per error and rater; an error's span is marked ``<v>…</v>`` in the target, or in the source for an
omission; a row ``No-error`` marks a segment rated clean). Each MT system's ``doc`` (systems not starting
with ``ref``) is one article, its segments in ``seg_id`` order the units of a PO file, checked with
``mtcheck.api.check_bilingual`` and the default configuration (no model, no glossary), as
``bench/false_alarms.py`` does for the references. Every issue is put on its segment (the unit its span
lies in; an issue with neither span is counted apart) and compared with the annotations of that segment,
all raters together:

- **on an annotated segment**: the raters marked at least one error in the segment (any category or
  severity); **on a major one**: at least one Major (or Critical) error. The share of *all* the MT segments
  that are so is printed beside it (the base rate): a check is informative where its share is above it.
- **overlapping**: an annotated span on the same side (target, or source for an omission) overlaps the
  issue's span, i.e. the raters marked an error at that very place.

Also, per MQM category, the share of its annotated spans that some mtcheck issue overlaps (the raters'
errors the checker points at), and which checks do. Flags on segments the raters found clean are listed
(``--examples`` per check) for reading: each is a false alarm or an error the raters missed.

    python bench/agreement.py --data /work/shared/data [--out bench/results/agreement.json]
                              [--pairs zhen ende] [--examples 8] [--limit N]
"""
from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from false_alarms import _LANGS, write_po  # noqa: E402
from mqm import read_mqm  # noqa: E402

from mtcheck.api import check_bilingual  # noqa: E402
from mtcheck.config import Config  # noqa: E402

_MARK_RE = re.compile(r"<v>(.*?)</v>", re.S)
SEVERE = ("major", "critical")


class Annotation(NamedTuple):
    category: str
    severity: str  # lower case: major, minor, critical, neutral
    side: Optional[str]  # "target", "source" or None (no span marked)
    start: int  # in the stripped segment text (read_mqm's)
    end: int


def _span(raw: str) -> Optional[tuple[int, int]]:
    """The first ``<v>…</v>`` span of ``raw``, as offsets into the text without marks, stripped."""
    m = _MARK_RE.search(raw)
    if m is None:
        return None
    before = re.sub(r"</?v>", "", raw[: m.start()])
    plain = re.sub(r"</?v>", "", raw)
    lead = len(plain) - len(plain.lstrip())
    start = len(before) - lead
    return start, start + len(m.group(1))


def read_annotations(data: Path, pair: str) -> dict[tuple[str, str, int], list[Annotation]]:
    """(system, doc, seg_id) → the errors the raters marked (every rater's; ``No-error`` rows give an empty
    list)."""
    path = Path(data) / "mqm" / "newstest2021" / pair / f"mqm-newstest2021_{pair}.tsv"
    out: dict[tuple[str, str, int], list[Annotation]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        col = {name: k for k, name in enumerate(fh.readline().rstrip("\n").split("\t"))}
        need = col["severity"] + 1  # the en-de file's last column (comments) is mostly absent
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < need:
                continue
            key = (cells[col["system"]], cells[col["doc"]], int(cells[col["seg_id"]]))
            found = out[key]
            category = cells[col["category"]]
            if category == "No-error":
                continue
            side, span = "target", _span(cells[col["target"]])
            if span is None:
                side, span = "source", _span(cells[col["source"]])
            if span is None:
                side, span = None, (0, 0)
            found.append(Annotation(category, cells[col["severity"]].lower(), side, *span))
    return out


def _unit_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def measure(data: Path, pairs: list[str], n_examples: int, limit: Optional[int] = None) -> dict:
    results: dict = {"pairs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for pair in pairs:
            started = time.perf_counter()
            src_lang, tgt_lang = _LANGS[pair]
            config = Config(src_lang=src_lang, tgt_lang=tgt_lang)
            segments = read_mqm(data, pair)
            annotations = read_annotations(data, pair)
            articles: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
            for (system, doc, seg), (src, tgt) in segments.items():
                if not system.startswith("ref") and src and tgt:
                    articles[(system, doc)].append((seg, src, tgt))
            keys = sorted(articles)[:limit] if limit else sorted(articles)
            n_segments = annotated = severe_segments = 0
            per_check: dict[tuple[str, str], Counter] = defaultdict(Counter)
            unplaced: Counter = Counter()
            pointed: dict[str, Counter] = defaultdict(Counter)  # MQM category -> checks overlapping its spans
            spans_by_category: Counter = Counter()
            clean_examples: dict[str, list] = defaultdict(list)
            for n, (system, doc) in enumerate(keys):
                rows = sorted(articles[(system, doc)])
                path = Path(tmp) / f"{pair}-{n}.po"
                write_po(path, rows, tgt_lang)
                report = check_bilingual(str(path), config)
                starts = {"target": [], "source": []}
                for side, k in (("source", 1), ("target", 2)):
                    offset = 0
                    for row in rows:
                        starts[side].append(offset)
                        offset += len(row[k]) + 2
                if report.target.text != "\n\n".join(r[2] for r in rows) or report.source.text != "\n\n".join(
                        r[1] for r in rows):
                    raise SystemExit(f"{pair} {system} {doc}: the report's text is not the units joined")
                marks = [annotations.get((system, doc, row[0]), []) for row in rows]
                n_segments += len(rows)
                annotated += sum(1 for m in marks if m)
                severe_segments += sum(1 for m in marks if any(a.severity in SEVERE for a in m))
                hit_spans: set[tuple[int, int]] = set()  # (unit, annotation index) overlapped by some issue
                for issue in report.issues:
                    severity = "major+" if issue.severity.value in SEVERE else issue.severity.value
                    tally = per_check[(issue.check, severity)]
                    tally["issues"] += 1
                    span, side = (issue.target_span, "target") if issue.target_span else (issue.source_span, "source")
                    if span is None:
                        unplaced[issue.check] += 1
                        continue
                    unit = _unit_of(starts[side], span.start)
                    local = (span.start - starts[side][unit], max(span.end, span.start + 1) - starts[side][unit])
                    seg_marks = marks[unit]
                    tally["placed"] += 1
                    if seg_marks:
                        tally["on_annotated"] += 1
                    if any(a.severity in SEVERE for a in seg_marks):
                        tally["on_major"] += 1
                    overlapping = [i for i, a in enumerate(seg_marks)
                                   if a.side == side and a.start < local[1] and local[0] < max(a.end, a.start + 1)]
                    if overlapping:
                        tally["overlapping"] += 1
                    for i in overlapping:
                        if (unit, i) not in hit_spans:
                            hit_spans.add((unit, i))
                            pointed[seg_marks[i].category][issue.check] += 1
                    if not seg_marks and len(clean_examples[issue.check]) < n_examples:
                        text = report.target.text if side == "target" else report.source.text
                        clean_examples[issue.check].append({
                            "system": system, "doc": doc, "seg_id": rows[unit][0], "severity": issue.severity.value,
                            "message": issue.message, side: text[span.start:span.end][:160],
                            "segment_target": rows[unit][2][:300]})
                for m in marks:
                    for a in m:
                        if a.side is not None:
                            spans_by_category[a.category] += 1
            checks = {}
            for (check, severity), tally in sorted(per_check.items()):
                placed = tally["placed"]
                checks.setdefault(check, {})[severity] = {
                    "issues": tally["issues"], "placed": placed,
                    "on_annotated_segment": round(tally["on_annotated"] / placed, 3) if placed else None,
                    "on_major_segment": round(tally["on_major"] / placed, 3) if placed else None,
                    "overlapping_an_annotated_span": round(tally["overlapping"] / placed, 3) if placed else None,
                }
            categories = {}
            for category, total in spans_by_category.most_common():
                covered = sum(pointed[category].values())
                categories[category] = {"annotated_spans": total, "overlapped_by_an_issue": covered,
                                        "share": round(covered / total, 4) if total else None,
                                        "by_check": dict(pointed[category].most_common())}
            results["pairs"][pair] = {
                "articles": len(keys), "segments": n_segments,
                "base_rate_annotated_segment": round(annotated / n_segments, 3),
                "base_rate_major_segment": round(severe_segments / n_segments, 3),
                "checks": checks, "issues_without_span": dict(unplaced), "mqm_categories": categories,
                "flags_on_clean_segments": dict(clean_examples), "seconds": round(time.perf_counter() - started, 1),
            }
    return results


def markdown(results: dict) -> str:
    lines = []
    for pair, res in results["pairs"].items():
        lines.append(f"**{pair}**: {res['articles']} articles, {res['segments']} MT segments; base rates: "
                     f"{res['base_rate_annotated_segment']:.0%} of the segments have an annotated error, "
                     f"{res['base_rate_major_segment']:.0%} a major one.")
        lines.append("")
        lines.append("| check | severity | issues | on an annotated segment | on a major one | overlapping an annotated span |")
        lines.append("|---|---|---|---|---|---|")
        for check, by_sev in res["checks"].items():
            for sev, row in by_sev.items():
                if not row["placed"]:
                    continue
                cells = [f"{round(row[k] * row['placed'])} ({row[k]:.0%})" for k in
                         ("on_annotated_segment", "on_major_segment", "overlapping_an_annotated_span")]
                lines.append(f"| `{check}` | {sev} | {row['issues']} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "agreement.json")
    ap.add_argument("--pairs", nargs="+", default=["zhen", "ende"], choices=sorted(_LANGS))
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--limit", type=int, default=None, help="the first N articles of each pair (a smoke test)")
    args = ap.parse_args()
    results = measure(args.data, args.pairs, args.examples, args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
