#!/usr/bin/env python3
"""Benchmark of mtcheck's sentence aligner against NLTK's Gale-Church, quality and speed.

    python bench/align.py --data /work/shared/data [--out bench/results/align.json] [--quick]

Data sets (all read from --data):

1. Text+Berg dev (German-French, human gold beads; the development document of the Bleualign and
   Vecalign papers): align/textberg-dev/dev.de, dev.fr, dev.defr.
2. Simulated MT (WMT21 MQM newstest, zh-en and en-de): one MT system's output, one article per ``doc`` in
   ``seg_id`` order; with a fixed seed, target segments are merged with the next one (gold 2-1), split
   near the middle at a comma, clause or word boundary (gold 1-2) or dropped (gold 1-0). Each article is
   aligned separately and the counts are pooled.
   The same articles are also aligned as one document (all articles of a language pair concatenated),
   long enough for the aligner's second pass (a lexicon learnt from the document).
3. Speed: a synthetic 10,000-sentence pair sampled from the zh-en MQM segments, with merges, splits and
   drops; median wall time (and CPU time of the process, less sensitive to other jobs on the machine)
   of 5 runs and peak traced memory (tracemalloc) of one more run. The same for a 2,500-sentence pair
   (mtcheck only), which gets the aligner's second pass.

Scores are strict and lax precision, recall and F1 as in Vecalign's ``score.py`` (Thompson & Koehn 2019,
after Sennrich & Volk 2011's lax/strict bead matching): precision over predicted beads (null beads
included), recall over gold beads with both sides non-empty; strict needs the exact bead, lax a bead
overlapping a gold bead on both sides.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path
from typing import Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.mqm import read_mqm  # noqa: E402
from mtcheck.align import align_sentences, length_ratio, parse_vecalign  # noqa: E402

BeadT = tuple[tuple[int, ...], tuple[int, ...]]
SEED = 20210901
NLTK_TIMEOUT_S = 120.0

# --- scoring (Vecalign score.py semantics) ---------------------------------------------------------------


def _pr_counts(gold: Sequence[BeadT], test: Sequence[BeadT]) -> tuple[int, int, int, int]:
    """(strict tp, strict fp, lax tp, lax fp) of ``test`` judged against ``gold``."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    src_to_gold_tgt: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            src_to_gold_tgt[i].update(t)
    tp_s = fp_s = tp_l = fp_l = 0
    for s, t in test_set:
        if (s, t) in gold_set:
            tp_s += 1
            tp_l += 1
            continue
        fp_s += 1
        linked = set()
        for i in s:
            linked |= src_to_gold_tgt[i]
        if linked.intersection(t):
            tp_l += 1
        else:
            fp_l += 1
    return tp_s, fp_s, tp_l, fp_l


def score(gold_docs: Sequence[Sequence[BeadT]], test_docs: Sequence[Sequence[BeadT]]) -> dict[str, float]:
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(gold_docs, test_docs):
        for k, v in enumerate(_pr_counts(gold, test)):
            p[k] += v
        # Recall: gold and test swapped, null beads left out of both.
        g = [(s, t) for s, t in gold if s and t]
        t_ = [(s, t) for s, t in test if s and t]
        for k, v in enumerate(_pr_counts(t_, g)):
            r[k] += v

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"precision_strict": ps, "recall_strict": rs, "f1_strict": f1(ps, rs),
            "precision_lax": pl, "recall_lax": rl, "f1_lax": f1(pl, rl)}


# --- aligners -----------------------------------------------------------------------------------------


def mtcheck_align(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[BeadT]:
    return [(b.source, b.target) for b in align_sentences(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang)]


def links_to_beads(links: Sequence[tuple[int, int]], n: int, m: int) -> list[BeadT]:
    """NLTK returns sentence links; beads are their connected components, unlinked sentences null beads."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        a, b = find(("s", i)), find(("t", j))
        if a != b:
            parent[a] = b
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(n):
        if ("s", i) in parent:
            groups[find(("s", i))][0].append(i)
    for j in range(m):
        if ("t", j) in parent:
            groups[find(("t", j))][1].append(j)
    beads = [(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups.values()]
    linked_s = {i for s, _ in beads for i in s}
    linked_t = {j for _, t in beads for j in t}
    beads += [((i,), ()) for i in range(n) if i not in linked_s]
    beads += [((), (j,)) for j in range(m) if j not in linked_t]
    return beads


def nltk_align(src: Sequence[str], tgt: Sequence[str], ratio_from_pair: bool) -> list[BeadT]:
    from nltk.translate import gale_church

    params = gale_church.LanguageIndependent
    if ratio_from_pair:
        class PairParams(gale_church.LanguageIndependent):  # type: ignore[misc,valid-type]
            AVERAGE_CHARACTERS = length_ratio(src, tgt)
        params = PairParams
    gale_church.MAX_ALIGN_BLOCKS = max(gale_church.MAX_ALIGN_BLOCKS, len(src) + 1, len(tgt) + 1)
    if not src or not tgt:
        return [((i,), ()) for i in range(len(src))] + [((), (j,)) for j in range(len(tgt))]
    links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt], params)
    return links_to_beads(links, len(src), len(tgt))


ALIGNERS: dict[str, Callable[..., list[BeadT]]] = {
    "mtcheck (length+anchors)": lambda s, t, sl, tl: mtcheck_align(s, t, sl, tl),
    "NLTK gale_church (default, c=1)": lambda s, t, sl, tl: nltk_align(s, t, False),
    "NLTK gale_church (c from pair)": lambda s, t, sl, tl: nltk_align(s, t, True),
}

# --- data ----------------------------------------------------------------------------------------------


def read_lines(path: Path) -> list[str]:
    """One sentence per line (split on \\n only: a sentence may hold other line separators)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines


def load_textberg(data: Path) -> tuple[list[str], list[str], list[BeadT]]:
    d = data / "align" / "textberg-dev"
    src = read_lines(d / "dev.de")
    tgt = read_lines(d / "dev.fr")
    gold = parse_vecalign((d / "dev.defr").read_text(encoding="utf-8"))
    return src, tgt, gold




def load_mqm_articles(data: Path, lp: str, system: Optional[str] = None) -> tuple[str, list[tuple[str, list[str], list[str]]]]:
    """(system, [(doc, source segments, MT segments)]) for ``system``, by default hyp.Facebook-AI (an MT
    system present in both language pairs)."""
    segs: dict[str, dict[tuple[str, int], tuple[str, str]]] = defaultdict(dict)
    for (row_system, doc, seg), texts in read_mqm(data, lp).items():
        segs[row_system][(doc, seg)] = texts
    systems = sorted(s for s in segs if not s.startswith("ref"))
    if system is None:
        system = "hyp.Facebook-AI" if "hyp.Facebook-AI" in systems else systems[0]
    by_doc: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (doc, seg), (src, tgt) in segs[system].items():
        by_doc[doc].append((seg, src, tgt))
    articles = []
    for doc in sorted(by_doc):
        rows = sorted(by_doc[doc])
        articles.append((doc, [r[1] for r in rows], [r[2] for r in rows]))
    return system, articles


_CLAUSE_RE = re.compile(r"[,;:，；：](?=\s)|\s[-–—]\s|\s(?=(?:and|but|which|who|while|und|aber|die|der|das|weil|dass)\s)")


def split_near_middle(text: str) -> Optional[tuple[str, str]]:
    """Split at a comma/clause boundary nearest the middle (within 25-75 % of the length), else at the
    word boundary nearest the middle; None for a segment too short to split."""
    n = len(text)
    if n < 30:
        return None
    cuts = [m.end() for m in _CLAUSE_RE.finditer(text) if 0.25 * n <= m.end() <= 0.75 * n]
    if not cuts:
        cuts = [m.start() for m in re.finditer(r"\s", text) if 0.3 * n <= m.start() <= 0.7 * n]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - n / 2))
    left, right = text[:cut].strip(), text[cut:].strip()
    if not left or not right:
        return None
    return left, right


def perturb(src: Sequence[str], tgt: Sequence[str], rng: random.Random, p_merge: float, p_split: float,
            p_drop: float) -> tuple[list[str], list[BeadT]]:
    """Apply merges, splits and drops to the MT side of a 1-1 parallel article; returns the new target
    and the gold beads that follow from what was done."""
    assert len(src) == len(tgt)
    out: list[str] = []
    gold: list[BeadT] = []
    i = 0
    while i < len(tgt):
        r = rng.random()
        if r < p_merge and i + 1 < len(tgt):
            out.append(tgt[i] + " " + tgt[i + 1])
            gold.append(((i, i + 1), (len(out) - 1,)))
            i += 2
            continue
        if r < p_merge + p_split:
            halves = split_near_middle(tgt[i])
            if halves:
                out.extend(halves)
                gold.append(((i,), (len(out) - 2, len(out) - 1)))
                i += 1
                continue
        if r < p_merge + p_split + p_drop:
            gold.append(((i,), ()))
            i += 1
            continue
        out.append(tgt[i])
        gold.append(((i,), (len(out) - 1,)))
        i += 1
    return out, gold


def simulated_set(data: Path, lp: str, seed: int, system: Optional[str] = None
                  ) -> tuple[str, list[tuple[list[str], list[str], list[BeadT]]]]:
    system, articles = load_mqm_articles(data, lp, system)
    rng = random.Random(f"{seed}-{lp}")
    docs = []
    for _doc, src, mt in articles:
        tgt, gold = perturb(src, mt, rng, p_merge=0.07, p_split=0.07, p_drop=0.07)
        docs.append((src, tgt, gold))
    return system, docs


def concatenated(docs: Sequence[tuple[Sequence[str], Sequence[str], Sequence[BeadT]]]
                 ) -> list[tuple[list[str], list[str], list[BeadT]]]:
    """The articles of a simulated set as one document (gold beads renumbered): long enough for the
    aligner's second pass (a lexicon learnt from the document), which short articles do not get."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[BeadT] = []
    for s, t, g in docs:
        a, b = len(src), len(tgt)
        gold.extend((tuple(i + a for i in si), tuple(j + b for j in ti)) for si, ti in g)
        src.extend(s)
        tgt.extend(t)
    return [(src, tgt, gold)]


def synthetic_pair(data: Path, n: int, seed: int) -> tuple[list[str], list[str], list[BeadT]]:
    """A long pair sampled from zh-en MQM segments (whole articles in random order, repeated), with
    merges, splits and drops so that it is not trivially 1-1."""
    _system, articles = load_mqm_articles(data, "zhen")
    rng = random.Random(f"{seed}-synthetic")
    src: list[str] = []
    mt: list[str] = []
    while len(src) < n:
        _doc, s, t = rng.choice(articles)
        src.extend(s)
        mt.extend(t)
    src, mt = src[:n], mt[:n]
    tgt, gold = perturb(src, mt, rng, p_merge=0.04, p_split=0.06, p_drop=0.02)
    return src, tgt, gold


# --- runs ----------------------------------------------------------------------------------------------


def run_quality(name: str, docs: Sequence[tuple[Sequence[str], Sequence[str], Sequence[BeadT]]],
                src_lang: str, tgt_lang: str) -> list[dict]:
    rows = []
    for aligner, fn in ALIGNERS.items():
        t0 = time.perf_counter()
        preds = [fn(s, t, src_lang, tgt_lang) for s, t, _ in docs]
        elapsed = time.perf_counter() - t0
        res = score([g for _, _, g in docs], preds)
        rows.append({"data": name, "aligner": aligner, "time_s": elapsed, **res,
                     "src_sentences": sum(len(s) for s, _, _ in docs),
                     "tgt_sentences": sum(len(t) for _, t, _ in docs), "documents": len(docs)})
        print(f"  {name:28s} {aligner:34s} strict F1 {res['f1_strict']:.4f} lax F1 {res['f1_lax']:.4f}"
              f"  ({elapsed:.2f} s)", file=sys.stderr)
    return rows


_NLTK_CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r})
sys.setrecursionlimit(10000)
from bench.align import nltk_align
payload = json.load(open({path!r}))
t0 = time.perf_counter()
beads = nltk_align(payload["src"], payload["tgt"], True)
print(json.dumps({{"time_s": time.perf_counter() - t0, "beads": beads}}))
"""


def run_speed(src: list[str], tgt: list[str], gold: list[BeadT], runs: int, with_nltk: bool,
              tmpdir: Path) -> list[dict]:
    rows = []
    times = []
    cpu_times = []
    beads: list[BeadT] = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        beads = mtcheck_align(src, tgt, "zh", "en")
        times.append(time.perf_counter() - t0)
        cpu_times.append(time.process_time() - c0)
    tracemalloc.start()
    mtcheck_align(src, tgt, "zh", "en")
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    res = score([gold], [beads])
    rows.append({"aligner": "mtcheck (length+anchors)", "src_sentences": len(src), "tgt_sentences": len(tgt),
                 "runs": runs, "median_s": statistics.median(times), "times_s": times,
                 "median_cpu_s": statistics.median(cpu_times), "cpu_times_s": cpu_times,
                 "peak_traced_mib": peak / 2**20, "status": "ok", **res})
    print(f"  synthetic {len(src)}x{len(tgt)} mtcheck median {statistics.median(times):.2f} s "
          f"(CPU {statistics.median(cpu_times):.2f} s), "
          f"peak {peak / 2**20:.1f} MiB, strict F1 {res['f1_strict']:.4f}", file=sys.stderr)
    if with_nltk:
        # NLTK on a prefix of the pair, to show how its time grows (the DP is O(n*m) in pure Python).
        k = 1000
        tgt_end = max((j + 1 for s_ids, t_ids in gold if s_ids and s_ids[-1] < k for j in t_ids), default=0)
        t0 = time.perf_counter()
        nltk_align(src[:k], tgt[:tgt_end], True)
        rows.append({"aligner": f"NLTK gale_church (c from pair), first {k} source sentences",
                     "src_sentences": k, "tgt_sentences": tgt_end, "runs": 1, "status": "ok",
                     "median_s": time.perf_counter() - t0, "prefix_only": True})
        print(f"  synthetic prefix {k}x{tgt_end} NLTK {rows[-1]['median_s']:.1f} s", file=sys.stderr)
        path = tmpdir / "nltk_input.json"
        path.write_text(json.dumps({"src": src, "tgt": tgt}), encoding="utf-8")
        code = _NLTK_CHILD.format(root=str(ROOT), path=str(path))
        row = {"aligner": "NLTK gale_church (c from pair)", "src_sentences": len(src), "tgt_sentences": len(tgt),
               "runs": 1}
        try:
            proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  timeout=NLTK_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            row.update(status=f"did not finish (killed after {NLTK_TIMEOUT_S:.0f} s; O(n*m) DP in pure Python)")
        else:
            if proc.returncode != 0:
                last = (proc.stderr.strip().splitlines() or ["unknown error"])[-1]
                row.update(status=f"did not finish ({last[:120]})")
            else:
                out = json.loads(proc.stdout)
                nb = [(tuple(s), tuple(t)) for s, t in out["beads"]]
                row.update(status="ok", median_s=out["time_s"], **score([gold], [nb]))
        finally:
            path.unlink(missing_ok=True)
        print(f"  synthetic NLTK: {row['status']}", file=sys.stderr)
        rows.append(row)
    return rows


def quality_table(quality: Sequence[dict], first_column: str = "data set") -> list[str]:
    """Markdown rows of quality results (as returned by :func:`run_quality`), header included."""
    lines = [
        f"| {first_column} | sentences (src×tgt) | aligner | strict P | strict R | strict F1 | lax P | lax R "
        "| lax F1 | time |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in quality:
        lines.append(
            f"| {r['data']} | {r['src_sentences']}×{r['tgt_sentences']} | {r['aligner']} | "
            f"{r['precision_strict']:.3f} | {r['recall_strict']:.3f} | **{r['f1_strict']:.3f}** | "
            f"{r['precision_lax']:.3f} | {r['recall_lax']:.3f} | {r['f1_lax']:.3f} | {r['time_s']:.2f} s |"
        )
    return lines


def markdown(quality: list[dict], speed: list[dict], meta: dict) -> str:
    lines = quality_table(quality)
    lines += ["", "| speed: synthetic pair | sentences (src×tgt) | aligner | median wall time | median CPU time "
              "| peak traced memory | strict F1 |",
              "|---|---|---|---|---|---|---|"]
    for r in speed:
        if r["status"] == "ok":
            t = f"{r['median_s']:.2f} s (median of {r['runs']})" if r["runs"] > 1 else f"{r['median_s']:.2f} s"
            cpu = f"{r['median_cpu_s']:.2f} s" if "median_cpu_s" in r else "n/a"
            mem = f"{r['peak_traced_mib']:.1f} MiB" if "peak_traced_mib" in r else "n/a"
            f1 = f"{r['f1_strict']:.3f}" if "f1_strict" in r else "n/a"
        else:
            t, cpu, mem, f1 = r["status"], "n/a", "n/a", "n/a"
        lines.append(f"| zh-en MQM segments | {r['src_sentences']}×{r['tgt_sentences']} | {r['aligner']} | {t} | {cpu} "
                     f"| {mem} | {f1} |")
    lines += ["", f"Run {meta['date']} on {meta['machine']}; command `{meta['command']}`."]
    return "\n".join(lines) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="folder holding align/ and mqm/")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "align.json")
    ap.add_argument("--quick", action="store_true", help="2,000-sentence speed pair, 1 run, NLTK not on it")
    args = ap.parse_args(argv)

    quality: list[dict] = []
    src, tgt, gold = load_textberg(args.data)
    quality += run_quality("Text+Berg dev (de-fr)", [(src, tgt, gold)], "de", "fr")
    systems = {}
    for lp, (sl, tl) in {"zhen": ("zh", "en"), "ende": ("en", "de")}.items():
        system, docs = simulated_set(args.data, lp, SEED)
        systems[lp] = system
        quality += run_quality(f"simulated MT {sl}-{tl} ({system})", docs, sl, tl)
        quality += run_quality(f"simulated MT {sl}-{tl} ({system}), articles as one document",
                               concatenated(docs), sl, tl)
    n = 2000 if args.quick else 10000
    s_src, s_tgt, s_gold = synthetic_pair(args.data, n, SEED)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    speed = run_speed(s_src, s_tgt, s_gold, runs=1 if args.quick else 5, with_nltk=not args.quick,
                      tmpdir=args.out.parent)
    if not args.quick:
        # A pair within the size range of the aligner's second pass (lexicon learnt from the document).
        m_src, m_tgt, m_gold = synthetic_pair(args.data, 2500, SEED)
        speed += run_speed(m_src, m_tgt, m_gold, runs=5, with_nltk=False, tmpdir=args.out.parent)
    meta = {
        "date": _dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": "python bench/align.py --data " + str(args.data) + (" --quick" if args.quick else ""),
        "seed": SEED, "systems": systems,
    }
    table = markdown(quality, speed, meta)
    print(table)
    args.out.write_text(json.dumps({"meta": meta, "quality": quality, "speed": speed}, indent=2) + "\n",
                        encoding="utf-8")
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
