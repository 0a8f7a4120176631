"""False alarms on human translations: the full check suite with WMT21 human references as the "MT".

Reads ``mqm/newstest2021/{zhen,ende}/mqm-newstest2021_*.tsv`` under ``--data`` (tab-separated, no quoting,
one row per error and rater; the en-de file has an extra comment column). For every human reference
(systems ``ref.*``), each ``doc`` is one article: its segments in ``seg_id`` order are the units of a PO
file (one bead per segment, as ``mtcheck check FILE.po`` reads bilingual files), checked with
``mtcheck.api.check_bilingual`` and the default configuration (no model, no glossary). Counted: issues
per check and severity, target words (white-space tokens of the references), and major or critical
issues per 1,000 target words, per check and in all. Goal (issue 4): ≤ 1 major-or-critical per 1,000 words.
Each check is also timed on its own on every article (wall time, milliseconds per article).

    python bench/false_alarms.py --data /work/shared/data [--out bench/results/false_alarms.json]
                                 [--pairs zhen ende] [--examples 5]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mtcheck.api import bilingual_documents, check_bilingual  # noqa: E402
from mtcheck.checks import REGISTRY, CheckContext  # noqa: E402
from mtcheck.config import Config  # noqa: E402

_LANGS = {"zhen": ("zh", "en"), "ende": ("en", "de")}


# The human references of the WMT21 MQM files (a language pair has two to four of them).
REFERENCE_SYSTEMS = ("ref.A", "ref.B", "ref.C", "ref.D")


def load_references(data: Path, pair: str) -> dict[str, dict[str, list[tuple[int, str, str]]]]:
    """{reference system: {doc: [(segment number, source, target)] in seg_id order}}, read by
    ``bench/align.py``'s loader (one row per segment, ``<v>`` marks removed)."""
    from align import load_mqm_articles

    out: dict[str, dict[str, list[tuple[int, str, str]]]] = {}
    for system in REFERENCE_SYSTEMS:
        _, articles = load_mqm_articles(data, pair, system=system)
        if articles:
            out[system] = {doc: list(zip(range(1, len(src) + 1), src, tgt)) for doc, src, tgt in articles}
    return out


def write_po(path: Path, rows: list[tuple[int, str, str]], tgt_lang: str) -> None:
    from translate.storage import po

    store = po.pofile()
    store.settargetlanguage(tgt_lang)
    for seg, src, tgt in rows:
        unit = store.addsourceunit(src)
        unit.target = tgt
        unit.addlocation(f"seg{seg}")
    path.write_bytes(bytes(store))


def time_checks(path: Path, config: Config, timings: Counter) -> None:
    """Add each check's wall time on one article to ``timings`` (checks run in registry order, so that the
    notes of earlier checks are there as in a real run)."""
    source, target, beads = bilingual_documents(str(path), config)
    ctx = CheckContext(source, target, beads, config)
    for info in sorted(REGISTRY.values(), key=lambda c: (c.order, c.id)):
        t0 = time.perf_counter()
        list(info.fn(ctx))
        timings[info.id] += time.perf_counter() - t0


def measure(data: Path, pairs: list[str], n_examples: int) -> dict:
    results: dict = {"pairs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for pair in pairs:
            src_lang, tgt_lang = _LANGS[pair]
            config = Config(src_lang=src_lang, tgt_lang=tgt_lang)
            counts: Counter = Counter()
            timings: Counter = Counter()
            words = segments = articles = 0
            examples: dict[str, list] = defaultdict(list)
            started = time.perf_counter()
            for system, docs in load_references(data, pair).items():
                for doc, rows in docs.items():
                    rows = [r for r in rows if r[1] and r[2]]
                    if not rows:
                        continue
                    path = Path(tmp) / f"{pair}-{system}-{len(results['pairs'])}-{articles}.po"
                    write_po(path, rows, tgt_lang)
                    report = check_bilingual(str(path), config)
                    time_checks(path, config, timings)
                    articles += 1
                    segments += len(rows)
                    words += sum(len(r[2].split()) for r in rows)
                    for issue in report.issues:
                        counts[(issue.check, issue.severity.value)] += 1
                        if issue.severity.value in ("major", "critical") and len(examples[issue.check]) < n_examples:
                            t = issue.target_span
                            s = issue.source_span
                            examples[issue.check].append({
                                "system": system, "doc": doc, "message": issue.message,
                                "target": report.target.text[t.start:t.end][:160] if t else None,
                                "source": report.source.text[s.start:s.end][:160] if s else None,
                            })
            elapsed = time.perf_counter() - started
            checks = sorted({c for c, _ in counts})
            per_check = {}
            for c in checks:
                by_sev = {sev: counts[(c, sev)] for sev in ("critical", "major", "minor", "info") if counts[(c, sev)]}
                severe = by_sev.get("critical", 0) + by_sev.get("major", 0)
                per_check[c] = {"by_severity": by_sev, "major_or_critical_per_1000_words": round(1000 * severe / words, 3)}
            severe_total = sum(v for (c, sev), v in counts.items() if sev in ("major", "critical"))
            results["pairs"][pair] = {
                "articles": articles, "segments": segments, "target_words": words,
                "major_or_critical": severe_total,
                "major_or_critical_per_1000_words": round(1000 * severe_total / words, 3) if words else None,
                "per_check": per_check, "examples": dict(examples), "seconds": round(elapsed, 1),
                "ms_per_article_by_check": {c: round(1000 * v / articles, 2) for c, v in sorted(timings.items())},
            }
    return results


def markdown_table(results: dict) -> str:
    """The per-check table of bench/README.md (checks that raised nothing are left out)."""
    pairs = results["pairs"]
    names = list(pairs)
    head = "| check | " + " | ".join(f"{p} major+critical / 1,000 words | {p} (all severities)" for p in names) + " |"
    rows = [head, "|---|" + "---|---|" * len(names)]
    for c in sorted({c for p in names for c in pairs[p]["per_check"]}):
        cells = []
        for p in names:
            v = pairs[p]["per_check"].get(c)
            sev = ", ".join(f"{k} {n}" for k, n in v["by_severity"].items()) if v else "–"
            cells.append(f"{v['major_or_critical_per_1000_words'] if v else 0:.3f} | {sev}")
        rows.append(f"| `{c}` | " + " | ".join(cells) + " |")
    total = " | ".join(f"**{pairs[p]['major_or_critical_per_1000_words']:.2f}** | {pairs[p]['major_or_critical']} major/critical"
                       for p in names)
    rows.append(f"| **all** | {total} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "false_alarms.json")
    ap.add_argument("--pairs", nargs="+", default=["zhen", "ende"], choices=sorted(_LANGS))
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()
    results = measure(args.data, args.pairs, args.examples)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for pair, r in results["pairs"].items():
        print(f"{pair}: {r['articles']} articles, {r['segments']} segments, {r['target_words']} words, "
              f"{r['major_or_critical']} major/critical = {r['major_or_critical_per_1000_words']} per 1,000 words "
              f"({r['seconds']} s)")
        for c, v in r["per_check"].items():
            print(f"  {c:28s} {v['major_or_critical_per_1000_words']:7.3f}  {v['by_severity']}")
        slow = sorted(r["ms_per_article_by_check"].items(), key=lambda kv: -kv[1])
        print("  ms per article: " + ", ".join(f"{c} {ms}" for c, ms in slow))
    print()
    print(markdown_table(results))


if __name__ == "__main__":
    main()
