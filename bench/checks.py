#!/usr/bin/env python3
"""Benchmark of the formal checks: segments per second of mtcheck's full check suite vs. pofilter's.

    python bench/checks.py --data /work/shared/data [--segments 1000] [--runs 5] [--out bench/results/checks.json]
                           [--no-subprocess] [--quick]

Data: real sentence pairs of the WMT 2021 newstest MQM files (Freitag et al. 2021), zh-en and en-de MT
outputs (system names not starting with ``ref``), read with ``read_segments`` of ``bench/batch.py``
(imported, not copied). Segments of one (system, document) in ``seg_id`` order make one article; the
articles of each pair are taken in a seeded random order until ``--segments`` segments per pair.
Both tools get exactly the same pairs.

What each side runs, timed in this process, with the same inputs, interleaved run by run (pofilter,
mtcheck, pofilter, ...) so that both see the same machine load; the median of ``--runs`` runs:

- **pofilter**: translate-toolkit's checker exactly as the ``pofilter`` command builds it
  (``translate.filters.pofilter.pocheckfilter``: a ``TeeChecker`` of ``StandardChecker`` and
  ``StandardUnitChecker`` with ``CheckerConfig(targetlanguage=...)``, no filter excluded: every default
  test, 46 in translate-toolkit 3.20), over one ``po.pounit`` per pair (source and target set), through
  ``pocheckfilter.filterunit`` — what ``pofilter`` does per unit. Building the units is timed too.
- **mtcheck**: every check enabled by the default configuration (the ids are listed in the results), on
  each article built as two presegmented documents (one segment a line, languages given) with the 1-1
  beads given (``api.check_documents(..., alignment=...)``, as for a bilingual file): no sentence
  splitting and no alignment, but language/script validation, every check and the MQM score. Building
  the documents is timed too. Timed twice: the **formal-check suite** (issue 4: every enabled check but
  ``terms.drift``), which is the headline against pofilter, and everything including the terminology-drift
  engine of issue 3 (``terms.drift``: document-level, it tokenises every sentence with part-of-speech tags
  and lemmas; pofilter has no counterpart of it). One further untimed-in-the-ratio pass wraps each check in a timer
  to give the seconds spent per check.

Also, once (``--no-subprocess`` skips it): the ``pofilter`` command in a subprocess over a PO file of the
same pairs (one file per language pair, ``--language`` set to the target language), wall time including
its start-up, median of 3.

Coverage (``coverage`` in the results): each of pofilter's tests mapped to the mtcheck check that checks
the same thing in news text, or why none does (``POFILTER_COUNTERPARTS``: tests of software strings and PO
files, tests that need a configured word list, character set or spelling dictionary), and the formal
checks that check something pofilter does not.

The machine is shared: the load average (1 min) before and after is recorded; the ratio of the same run is
the headline, not the absolute figures.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAIRS = {"zhen": ("zh", "en"), "ende": ("en", "de")}
SEED = 20261127


def _bench_batch():  # type: ignore[no-untyped-def]
    """bench/batch.py as a module (its loader is reused, not copied)."""
    spec = importlib.util.spec_from_file_location("bench_batch", ROOT / "bench" / "batch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles_for(data: Path, pair: str, n_segments: int, seed: int = SEED) -> list[list[tuple[str, str]]]:
    """Articles (lists of (source, target) segments) of MT outputs of ``pair``, about ``n_segments`` in all."""
    segs = _bench_batch().read_segments(data, pair)
    docs: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for (system, doc, sid), (src, tgt) in segs.items():
        if not system.startswith("ref") and src.strip() and tgt.strip():
            docs[(system, doc)].append((sid, src, tgt))
    keys = sorted(docs)
    random.Random(seed).shuffle(keys)
    out, total = [], 0
    for key in keys:
        if total >= n_segments:
            break
        rows = sorted(docs[key])[: n_segments - total]
        # One segment a line: a segment holding a line break would become two sentences.
        out.append([(" ".join(s.split()), " ".join(t.split())) for _, s, t in rows])
        total += len(rows)
    return out


# --- the two sides ----------------------------------------------------------------------------------------

def pofilter_checker(tgt_lang: str):  # type: ignore[no-untyped-def]
    from translate.filters import checks, pofilter

    class _Options:  # what pofilter's option parser gives pocheckfilter by default
        excludefilters: list = []
        limitfilters = None
        includefuzzy = True
        includereview = True
        autocorrect = False

    return pofilter.pocheckfilter(_Options(), [checks.StandardChecker, checks.StandardUnitChecker],
                                  checks.CheckerConfig(targetlanguage=tgt_lang))


def run_pofilter(work: dict, per_pair: Optional[dict] = None) -> tuple[float, int]:
    """(seconds, failures) of pofilter's checks over every pair; ``per_pair`` gets each pair's seconds."""
    from translate.storage import po

    failures = 0
    t0 = time.perf_counter()
    for pair, articles in work.items():
        checker = work_checkers[pair]
        t_pair = time.perf_counter()
        for art in articles:
            for src, tgt in art:
                unit = po.pounit(src)
                unit.target = tgt
                failures += len(checker.filterunit(unit))
        if per_pair is not None:
            per_pair[pair] = time.perf_counter() - t_pair
    return time.perf_counter() - t0, failures


def run_mtcheck(work: dict, disabled: tuple[str, ...] = (), per_pair: Optional[dict] = None) -> tuple[float, int]:
    """(seconds, issues) of mtcheck's checks over every article (pre-aligned 1-1 beads); ``per_pair`` gets
    each pair's seconds."""
    from mtcheck import api
    from mtcheck.config import Config
    from mtcheck.types import Bead

    from mtcheck.segment import clear_text_caches

    cfg = Config(presegmented=True, disabled_checks=disabled)
    issues = 0
    t0 = time.perf_counter()
    for pair, articles in work.items():
        src_lang, tgt_lang = PAIRS[pair]
        t_pair = time.perf_counter()
        for art in articles:
            # No help from sentences seen before (other systems translate the same documents, and the
            # runs repeat): every per-process cache (drift tokens and units, the checks' per-text
            # analyses) starts empty for every article.
            clear_text_caches()
            source = api.make_document("\n".join(s for s, _ in art) + "\n", path=None, lang=src_lang,
                                       encoding=None, presegmented=True)
            target = api.make_document("\n".join(t for _, t in art) + "\n", path=None, lang=tgt_lang,
                                       encoding=None, presegmented=True)
            beads = tuple(Bead((k,), (k,), 1.0) for k in range(len(art)))
            report = api.check_documents(source, target, None, cfg, alignment=beads)
            issues += len(report.issues)
        if per_pair is not None:
            per_pair[pair] = time.perf_counter() - t_pair
    return time.perf_counter() - t0, issues


# Each of pofilter's default tests: the mtcheck check that checks the same thing in news text, or why it
# has no counterpart (a property of software strings or PO files, or a test that needs configuration).
POFILTER_COUNTERPARTS: dict[str, str] = {
    "acronyms": "entities.acronym",
    "blank": "align.omission",  # a segment left blank: its source sentence has no counterpart
    "brackets": "punctuation.pairs",
    "doublequoting": "punctuation.pairs",
    "singlequoting": "punctuation.pairs",
    "doublespacing": "punctuation.double_space",
    "doublewords": "repetition.word",
    "emails": "entities.email",
    "endpunc": "punctuation.end",
    "long": "align.length_ratio",
    "short": "align.omission",
    "numbers": "numbers.mismatch",
    "puncspacing": "punctuation.french_spacing",
    "sentencecount": "punctuation.stray_break",
    "simplecaps": "casing.lost",
    "startcaps": "casing.lost",
    "startpunc": "punctuation.pairs",
    "unchanged": "untranslated.unchanged",
    "untranslated": "untranslated.sentence",
    "urls": "entities.url",
    "xmltags": "noise.debris",
    "musttranslatewords": "terms.glossary",  # a configured word list; mtcheck's is the glossary
    "notranslatewords": "terms.glossary",
    "purepunc": "n/a: a segment of punctuation only (software strings)",
    "accelerators": "n/a: software (menu accelerators)",
    "compendiumconflicts": "n/a: PO (conflict markers of msgcat)",
    "credits": "n/a: PO (translator credits)",
    "endwhitespace": "n/a: software (white space kept in strings; mtcheck reads sentences)",
    "startwhitespace": "n/a: software (white space kept in strings; mtcheck reads sentences)",
    "escapes": "n/a: software (escape sequences)",
    "filepaths": "n/a: software (file paths)",
    "functions": "n/a: software (function names)",
    "hassuggestion": "n/a: PO (suggestions)",
    "isfuzzy": "n/a: PO (fuzzy flag)",
    "isreview": "n/a: PO (review flag)",
    "kdecomments": "n/a: software (KDE comments)",
    "newlines": "n/a: software (line breaks in strings)",
    "tabs": "n/a: software (tabs in strings)",
    "nplurals": "n/a: PO (plural forms)",
    "simpleplurals": "n/a: software (plural placeholders)",
    "options": "n/a: software (command-line options)",
    "printf": "n/a: software (printf variables)",
    "pythonbraceformat": "n/a: software (Python format fields)",
    "variables": "n/a: software (variables)",
    "spellcheck": "n/a: needs a spelling dictionary (enchant); without one pofilter passes every unit",
    "validchars": "n/a: needs a configured character set; without one pofilter passes every unit",
}

work_checkers: dict = {}
# The formal-check suite of issue 4 is every check but the terminology-drift engine of issue 3
# (terms.drift: it tokenises every sentence with jieba/POS tags and lemmas, and pofilter has nothing like it).
NO_TERMS = ("terms.drift",)


def per_check_seconds(work: dict) -> dict:
    """Seconds spent in each check over one pass (timing wrappers around the registered functions),
    and in everything else (documents, scoring)."""
    from dataclasses import replace

    from mtcheck.checks import REGISTRY

    spent: dict[str, float] = defaultdict(float)
    saved = dict(REGISTRY)

    def timed(check_id, fn):  # type: ignore[no-untyped-def]
        def wrapper(ctx):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return list(fn(ctx))
            finally:
                spent[check_id] += time.perf_counter() - t0
        return wrapper

    try:
        for cid, info in saved.items():
            REGISTRY[cid] = replace(info, fn=timed(cid, info.fn))
        total, _ = run_mtcheck(work)
    finally:
        REGISTRY.clear()
        REGISTRY.update(saved)
    out = {cid: round(t, 3) for cid, t in sorted(spent.items(), key=lambda kv: -kv[1])}
    out["(documents, scoring, rest)"] = round(total - sum(spent.values()), 3)
    return out


def coverage(po_tests: list[str], mt_checks: list[str]) -> dict:
    """Which pofilter tests mtcheck's formal checks cover (POFILTER_COUNTERPARTS), and the formal checks
    that check something pofilter does not."""
    unmapped = [t for t in po_tests if t not in POFILTER_COUNTERPARTS]
    covered = {t: POFILTER_COUNTERPARTS[t] for t in po_tests
               if t in POFILTER_COUNTERPARTS and not POFILTER_COUNTERPARTS[t].startswith("n/a")}
    used = set(covered.values())
    return {
        "pofilter_tests_with_counterpart": covered,
        "pofilter_tests_not_applicable": {t: POFILTER_COUNTERPARTS[t] for t in po_tests
                                          if POFILTER_COUNTERPARTS.get(t, "").startswith("n/a")},
        "pofilter_tests_unmapped": unmapped,
        "mtcheck_checks_pofilter_lacks": [c for c in mt_checks if c not in used],
    }


def pofilter_subprocess(work: dict, tmp: Path, runs: int = 3) -> dict:
    """Wall time of the pofilter command over PO files of the same pairs (median of ``runs``)."""
    from translate.storage import po

    exe = shutil.which("pofilter")
    if exe is None:
        return {"skipped": "no pofilter command on PATH"}
    files = []
    for pair, articles in work.items():
        store = po.pofile()
        for art in articles:
            for src, tgt in art:
                unit = store.addsourceunit(src)
                unit.target = tgt
        path = tmp / f"{pair}.po"
        path.write_bytes(bytes(store))
        files.append((path, PAIRS[pair][1]))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for path, lang in files:
            subprocess.run([exe, f"--language={lang}", "--progress=none", "-i", str(path), "-o",
                            str(path.with_suffix(".out.po"))], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"command": f"pofilter --language=LANG --progress=none -i PAIR.po -o OUT.po (per pair)",
            "seconds": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--segments", type=int, default=1000, help="segments per language pair")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "checks.json")
    ap.add_argument("--no-subprocess", action="store_true")
    ap.add_argument("--quick", action="store_true", help="200 segments per pair, 2 runs (a smoke test)")
    args = ap.parse_args()
    if args.quick:
        args.segments, args.runs = 200, 2

    from translate.__version__ import sver as tt_version

    import mtcheck
    from mtcheck.checks.registry import enabled_checks
    from mtcheck.config import Config

    work = {pair: articles_for(args.data, pair, args.segments) for pair in PAIRS}
    n_segments = sum(len(a) for arts in work.values() for a in arts)
    n_articles = sum(len(arts) for arts in work.values())
    for pair in PAIRS:
        work_checkers[pair] = pofilter_checker(PAIRS[pair][1])
    po_tests = sorted(work_checkers["ende"].checker.getfilters())
    mt_checks = [c.id for c in enabled_checks(Config(presegmented=True))]

    load_before = os.getloadavg()
    # Warm-up (imports, caches, models of langid/jieba) outside the timed runs, on both sides.
    warm = {pair: arts[:2] for pair, arts in work.items()}
    run_pofilter(warm)
    run_mtcheck(warm)
    po_times, mt_times, nt_times = [], [], []
    po_pair: dict[str, list[float]] = defaultdict(list)
    nt_pair: dict[str, list[float]] = defaultdict(list)
    po_fail = mt_issues = nt_issues = 0
    for k in range(args.runs):
        seconds: dict[str, float] = {}
        t, po_fail = run_pofilter(work, seconds)
        po_times.append(t)
        for pair, x in seconds.items():
            po_pair[pair].append(x)
        t, mt_issues = run_mtcheck(work)
        mt_times.append(t)
        t, nt_issues = run_mtcheck(work, NO_TERMS, seconds)
        nt_times.append(t)
        for pair, x in seconds.items():
            nt_pair[pair].append(x)
        print(f"run {k + 1}: pofilter {po_times[-1]:.2f} s, mtcheck {mt_times[-1]:.2f} s, "
              f"formal-check suite {nt_times[-1]:.2f} s", file=sys.stderr)
    load_after = os.getloadavg()
    po_med, mt_med, nt_med = (statistics.median(x) for x in (po_times, mt_times, nt_times))
    ratios = [p / m for p, m in zip(po_times, mt_times)]
    nt_checks = [c.id for c in enabled_checks(Config(presegmented=True, disabled_checks=NO_TERMS))]
    breakdown = per_check_seconds(work)
    result = {
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in load_after]},
        "data": {"source": "mqm/newstest2021 zhen + ende, MT outputs", "segments": n_segments,
                 "articles": n_articles, "segments_per_pair": args.segments, "seed": SEED},
        "runs": args.runs,
        "pofilter": {"version": f"translate-toolkit {tt_version}", "tests": len(po_tests), "test_names": po_tests,
                     "seconds": [round(t, 3) for t in po_times], "median_s": round(po_med, 3),
                     "segments_per_s": round(n_segments / po_med, 1), "failures": po_fail},
        "mtcheck": {"version": mtcheck.__version__, "checks": len(mt_checks), "check_ids": mt_checks,
                    "seconds": [round(t, 3) for t in mt_times], "median_s": round(mt_med, 3),
                    "segments_per_s": round(n_segments / mt_med, 1), "issues": mt_issues},
        "mtcheck_formal_suite": {"disabled": list(NO_TERMS), "checks": len(nt_checks), "check_ids": nt_checks,
                                  "seconds": [round(t, 3) for t in nt_times], "median_s": round(nt_med, 3),
                                  "segments_per_s": round(n_segments / nt_med, 1), "issues": nt_issues},
        "ratio_mtcheck_over_pofilter": round(po_med / mt_med, 2),
        "ratio_per_run": [round(r, 2) for r in ratios],
        "mtcheck_seconds_per_check_one_pass": breakdown,
        "ratio_formal_suite_over_pofilter": round(po_med / nt_med, 2),
        # Each language pair's share of the same runs (its articles timed inside them): the median seconds
        # of each side and their ratio.
        "per_pair": {pair: {"segments": sum(len(a) for a in work[pair]),
                            "pofilter_median_s": round(statistics.median(po_pair[pair]), 4),
                            "formal_suite_median_s": round(statistics.median(nt_pair[pair]), 4),
                            "ratio_formal_suite_over_pofilter": round(statistics.median(po_pair[pair])
                                                                      / statistics.median(nt_pair[pair]), 2)}
                     for pair in work},
        "coverage": coverage(po_tests, nt_checks),
        "goal": "the formal-check suite (issue 4: every check but the terminology engine of issue 3) >= 3x "
                "pofilter's segments per second, running more checks",
    }
    if not args.no_subprocess:
        with tempfile.TemporaryDirectory() as tmp:
            result["pofilter_subprocess"] = pofilter_subprocess(work, Path(tmp))
            sub = result["pofilter_subprocess"]
            if "median_s" in sub:
                sub["segments_per_s"] = round(n_segments / sub["median_s"], 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{n_segments} segments ({n_articles} articles); load average {load_before[0]:.2f} → {load_after[0]:.2f}")
    print(f"pofilter ({len(po_tests)} tests): {result['pofilter']['segments_per_s']} segments/s "
          f"(median {po_med:.2f} s of {args.runs})")
    print(f"mtcheck ({len(mt_checks)} checks): {result['mtcheck']['segments_per_s']} segments/s "
          f"(median {mt_med:.2f} s of {args.runs})")
    print(f"mtcheck formal-check suite, without {', '.join(NO_TERMS)} ({len(nt_checks)} checks): "
          f"{result['mtcheck_formal_suite']['segments_per_s']} segments/s (median {nt_med:.2f} s)")
    for pair, row in result["per_pair"].items():
        print(f"  {pair}: pofilter {row['pofilter_median_s']:.3f} s, formal-check suite "
              f"{row['formal_suite_median_s']:.3f} s: {row['ratio_formal_suite_over_pofilter']}x")
    cov = result["coverage"]
    print(f"ratio, formal-check suite ({len(nt_checks)} checks) / pofilter: "
          f"{result['ratio_formal_suite_over_pofilter']}x; with the terminology engine "
          f"{result['ratio_mtcheck_over_pofilter']}x (per run {result['ratio_per_run']})")
    print(f"pofilter tests with an mtcheck counterpart: {len(cov['pofilter_tests_with_counterpart'])} of "
          f"{len(po_tests)} (the others are about software strings or PO files, or need configuration); "
          f"formal checks pofilter has no counterpart for: {len(cov['mtcheck_checks_pofilter_lacks'])}")
    print("seconds per check (one pass): " + ", ".join(f"{k} {v}" for k, v in breakdown.items()))
    if "pofilter_subprocess" in result and "median_s" in result["pofilter_subprocess"]:
        print(f"pofilter command: {result['pofilter_subprocess']['median_s']} s "
              f"({result['pofilter_subprocess']['segments_per_s']} segments/s with start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
