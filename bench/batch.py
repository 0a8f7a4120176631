#!/usr/bin/env python3
"""Benchmark of ``mtcheck batch``: wall time, articles per second and peak memory, by size and workers.

    python bench/batch.py --data /work/shared/data [--sizes 1000,10000] [--jobs 1,2] [--refs 200]
                          [--out bench/results/batch.json] [--keep DIR] [--quick] [--no-chrf]
    python bench/batch.py --data /work/shared/data --phases 200

Articles are synthesised from the WMT 2021 newstest MQM files (Freitag et al. 2021), zh-en and en-de:
``mqm/newstest2021/{zhen,ende}/mqm-newstest2021_*.tsv`` (tab-separated, no quoting; the en-de file has an
extra comment column; rows deduplicated by (system, doc, seg_id); ``<v>``/``</v>`` removed). Each MT
system's output is one stream of segments (documents in name order, segments in ``seg_id`` order); an
article is 10 to 40 consecutive segments of one stream from a random position (wrapping into the
system's next document), one segment a line: real sources and real MT outputs regrouped. Language pairs
alternate at random (seeded). The articles go into a JSONL manifest with inline texts and their
languages (a QA desk knows them), and the benchmark runs the real command in a subprocess:

    python -m mtcheck batch manifest.jsonl -o OUT --jobs J --quiet --fail-on never

The first N articles of one seeded list make the N-article runs, so the runs are nested. The timing runs
have no references (a desk checks MT before publication, when no human reference exists); a separate
run of ``--refs`` articles with references (the human translations of the same segments in the MQM
files) measures the cost of BLEU/chrF/TER and shows the corpus scores with their signatures.

Measured per run: wall time of the subprocess; articles per second; peak memory as (a) the largest
resident set of any one process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``, exact) and (b) the peak of
the summed resident sets of the process tree, sampled every 0.2 s with psutil when it is installed.

The reference cost: sacreBLEU's sentence-level chrF (``CHRF().sentence_score``) over the same MT segments
of the same articles, each against a human reference of that segment (the first of the MQM file's
``ref.*`` systems that has it; segments without one are skipped and counted), in this process, timed
once per size; the table gives mtcheck's wall time over chrF's.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.mqm import read_mqm  # noqa: E402
PAIRS = {"zhen": ("zh", "en"), "ende": ("en", "de")}
SEED = 20261127


# --- data ------------------------------------------------------------------------------------------------

def read_segments(data: Path, pair: str) -> dict[tuple[str, str, int], tuple[str, str]]:
    """(system, doc, seg_id) → (source, target), first row of each triple, error marks removed."""
    return read_mqm(data, pair, strip=False)


class Streams:
    """Each MT system's output as one stream of segments, and the human references of each segment."""

    def __init__(self, data: Path, pair: str):
        self.pair = pair
        segs = read_segments(data, pair)
        self.streams: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
        self.refs: dict[tuple[str, int], str] = {}
        for (system, doc, sid), (src, tgt) in sorted(segs.items()):
            if system.startswith("ref"):
                self.refs.setdefault((doc, sid), tgt)  # systems in name order: ref.A first
            else:
                self.streams[system].append((doc, sid, src, tgt))
        self.systems = sorted(self.streams)

    def article(self, rng: random.Random) -> list[tuple[str, int, str, str]]:
        stream = self.streams[rng.choice(self.systems)]
        n = rng.randint(10, 40)
        start = rng.randrange(len(stream))
        return [stream[(start + j) % len(stream)] for j in range(n)]


def synthesise(data: Path, n: int, seed: int = SEED) -> list[dict]:
    """``n`` articles: id, pair, segments (doc, seg_id, source, target) and the reference of each segment."""
    streams = {pair: Streams(data, pair) for pair in PAIRS}
    rng = random.Random(seed)
    out = []
    for k in range(n):
        pair = rng.choice(sorted(PAIRS))
        segs = streams[pair].article(rng)
        refs = [streams[pair].refs.get((doc, sid)) for doc, sid, _, _ in segs]
        out.append({"id": f"{pair}-{k:05d}", "pair": pair, "segments": segs, "refs": refs})
    return out


def write_manifest(articles: list[dict], path: Path, with_refs: bool = False) -> int:
    """The JSONL manifest of the articles; returns how many have a reference."""
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            src_lang, tgt_lang = PAIRS[a["pair"]]
            entry = {"id": a["id"], "src_lang": src_lang, "tgt_lang": tgt_lang,
                     "source": "\n".join(s for _, _, s, _ in a["segments"]) + "\n",
                     "target": "\n".join(t for _, _, _, t in a["segments"]) + "\n"}
            if with_refs and all(a["refs"]):
                entry["reference"] = "\n".join(a["refs"]) + "\n"
                count += 1
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return count


# --- measuring -------------------------------------------------------------------------------------------

class TreeMemory:
    """Peak of the summed RSS of a process and its descendants, sampled every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.2):
        self.peak = 0
        self.available = True
        try:
            import psutil
        except ImportError:
            self.available = False
            return
        self._psutil = psutil
        self._pid = pid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        psutil = self._psutil
        try:
            root = psutil.Process(self._pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [root] + root.children(recursive=True)
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            self._stop.wait(every)

    def stop(self) -> Optional[int]:
        if not self.available:
            return None
        self._stop.set()
        self._thread.join()
        return self.peak


# Runs the command and reports its children's resource usage: CPU time of the whole tree (every worker
# is waited for, so its time rolls up) and the largest resident set of any one process of this run.
_WRAPPER = """
import json, resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as fh:
    json.dump({"code": code, "cpu_s": r.ru_utime + r.ru_stime, "max_rss_kib": r.ru_maxrss}, fh)
sys.exit(code)
"""


def run_batch(manifest: Path, out: Path, jobs: int, extra: tuple[str, ...] = ()) -> dict:
    """One real ``mtcheck batch`` run in a subprocess: wall time, CPU time, memory."""
    if out.exists():
        shutil.rmtree(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    usage = out.with_name(out.name + ".usage.json")
    cmd = [sys.executable, "-c", _WRAPPER, str(usage), sys.executable, "-m", "mtcheck", "batch", str(manifest),
           "-o", str(out), "--jobs", str(jobs), "--quiet", "--fail-on", "never", *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mem = TreeMemory(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    tree_peak = mem.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtcheck batch failed ({proc.returncode}): {stderr.strip()}")
    used = json.loads(usage.read_text())
    reports = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    return {"wall_s": round(wall, 2), "cpu_s": round(used["cpu_s"], 1),
            "max_process_rss_mib": round(used["max_rss_kib"] / 1024, 1),
            "tree_rss_peak_mib": round(tree_peak / 2**20, 1) if tree_peak else None,
            "reports": len(reports), "errors": sum(1 for x in reports if '"error": {"kind"' in x[:300])}


def chrf_cost(articles: list[dict]) -> dict:
    """sacreBLEU sentence-level chrF over the articles' MT segments against their references."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    pairs = [(t, r) for a in articles for (_, _, _, t), r in zip(a["segments"], a["refs"]) if r]
    skipped = sum(len(a["segments"]) for a in articles) - len(pairs)
    t0 = time.perf_counter()
    for hyp, ref in pairs:
        chrf.sentence_score(hyp, [ref])
    return {"segments": len(pairs), "skipped_no_reference": skipped, "seconds": round(time.perf_counter() - t0, 2)}


def phases(manifest: Path, warm_manifest: Path, unique: bool = False) -> dict:
    """CPU per article by phase, in this process with warm models: ``check_item`` on every article of
    ``manifest`` (the map), then ``reduce_block`` on blocks of 100 articles of a language pair (the
    batch term memory), as ``mtcheck batch --jobs 1`` runs them. With ``unique`` the drift token cache
    and the checks' per-text caches are emptied after each article and each block gets exactly its own
    articles' sentences: what a batch with no sentence shared between articles would cost (the
    synthetic articles share many)."""
    import dataclasses
    from collections import Counter

    sys.path.insert(0, str(ROOT))
    import mtcheck.api as api
    import mtcheck.batch as B
    import mtcheck.checks.registry as R
    import mtcheck.terms.drift as D
    from mtcheck.config import Config
    from mtcheck.io.batch_inputs import discover_inputs
    from mtcheck.segment import clear_text_caches

    if hasattr(B, "_tune_gc"):
        B._tune_gc()
    acc: Counter = Counter()

    def timed(fn, label):  # type: ignore[no-untyped-def]
        def run(*a, **k):  # type: ignore[no-untyped-def]
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                acc[label] += time.process_time() - t
        run.__dict__.update(getattr(fn, "__dict__", {}))
        return run

    api.align_documents = timed(api.align_documents, "map: alignment")
    D.find_renderings = timed(D.find_renderings, "reduce: drift engine")  # the check holds its own reference
    D.tokenize = timed(D.tokenize, "drift tokens (map and reduce)")
    for cid, info in list(R.REGISTRY.items()):
        R.REGISTRY[cid] = dataclasses.replace(info, fn=timed(lambda ctx, f=info.fn: list(f(ctx)), f"map: check {cid}"))
    cache = getattr(D.tokenize, "cache", None)
    unique = unique and cache is not None
    cfg = Config()
    warm = [json.loads(json.dumps({"index": k, **B.check_item(it, cfg)}))
            for k, it in enumerate(discover_inputs([str(warm_manifest)]))]
    B.reduce_block([r for r in warm if "report" in r], cfg, True, 3, False)
    clear_text_caches()  # every per-process cache: drift tokens and units, the checks' analyses
    acc.clear()
    items = discover_inputs([str(manifest)])
    t0 = time.process_time()
    recs, own = [], []
    for k, it in enumerate(items):
        recs.append(json.loads(json.dumps({"index": k, **B.check_item(it, cfg)}, ensure_ascii=False)))
        if unique:
            own.append(dict(cache))
            clear_text_caches()
    t1 = time.process_time()
    by_pair: dict = defaultdict(list)
    for r in recs:
        if "report" in r:
            by_pair[(r["report"]["source"]["lang"], r["report"]["target"]["lang"])].append(r)
    for rs in by_pair.values():
        for i in range(0, len(rs), 100):
            if unique:
                clear_text_caches()
                for r in rs[i:i + 100]:
                    cache.update(own[r["index"]])
            B.reduce_block(rs[i:i + 100], cfg, True, 3, False)
    t2 = time.process_time()
    n = len(items)
    out = {"articles": n, "unique_sentences": unique, "map_ms": round(1000 * (t1 - t0) / n, 1),
           "reduce_ms": round(1000 * (t2 - t1) / n, 1), "total_ms": round(1000 * (t2 - t0) / n, 1)}
    out.update({k: round(1000 * v / n, 1) for k, v in sorted(acc.items(), key=lambda kv: -kv[1]) if v / n > 0.0002})
    return out


def machine() -> dict:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
            "loadavg_at_start": [round(x, 2) for x in load] if load else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="worker counts, comma-separated")
    ap.add_argument("--refs", type=int, default=50, help="articles in the run with references (0: none)")
    ap.add_argument("--no-term-memory-run", action="store_true",
                    help="also run the smallest size with the largest --jobs and --term-block 0")
    ap.add_argument("--extra", default="", help="more options for mtcheck batch, e.g. '--term-block 0'")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "batch.json")
    ap.add_argument("--keep", type=Path, default=None, help="keep manifests and outputs in this folder")
    ap.add_argument("--quick", action="store_true", help="sizes 100,300 and 20 articles with references")
    ap.add_argument("--no-chrf", action="store_true", help="skip the sentence-chrF reference cost (76 s at 10,000)")
    ap.add_argument("--phases", type=int, default=0, metavar="N",
                    help="only print the CPU per article by phase over the first N articles, in this process "
                         "(twice: as they are, and with no sentence shared between articles)")
    args = ap.parse_args()
    if args.phases:
        work = Path(tempfile.mkdtemp(prefix="mtcheck-bench-phases-"))
        articles = synthesise(args.data, max(args.phases, 1000))
        write_manifest(articles[:args.phases], work / "articles.jsonl")
        write_manifest(articles[-20:], work / "warm.jsonl")  # loads the models; its cache entries are dropped
        for unique in (False, True):
            print(json.dumps({"loadavg": [round(x, 2) for x in os.getloadavg()],
                              **phases(work / "articles.jsonl", work / "warm.jsonl", unique)}))
        shutil.rmtree(work, ignore_errors=True)
        return
    sizes = [100, 300] if args.quick else [int(x) for x in args.sizes.split(",")]
    jobs_list = [int(x) for x in args.jobs.split(",")]
    refs_n = 20 if args.quick else args.refs
    extra = tuple(args.extra.split())

    work = args.keep or Path(tempfile.mkdtemp(prefix="mtcheck-bench-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    articles = synthesise(args.data, max(sizes + [refs_n]))
    print(f"synthesised {len(articles)} articles in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    results: dict = {"date": _dt.date.today().isoformat(), "machine": machine(), "extra_options": list(extra),
                     "runs": [], "reference_run": None}
    for size in sizes:
        subset = articles[:size]
        manifest = work / f"articles-{size}.jsonl"
        write_manifest(subset, manifest)
        segments = sum(len(a["segments"]) for a in subset)
        chrf = {"segments": 0, "skipped_no_reference": 0, "seconds": None} if args.no_chrf else chrf_cost(subset)
        for jobs in jobs_list:
            print(f"running {size} articles with --jobs {jobs} ...", file=sys.stderr)
            res = run_batch(manifest, work / f"out-{size}-j{jobs}", jobs, extra)
            row = {"articles": size, "segments": segments, "jobs": jobs, **res,
                   "articles_per_s": round(size / res["wall_s"], 2),
                   "ms_per_article": round(1000 * res["wall_s"] / size, 1),
                   "chrf_s": chrf["seconds"], "chrf_segments": chrf["segments"],
                   "ratio_to_chrf": round(res["wall_s"] / chrf["seconds"], 1) if chrf["seconds"] else None,
                   "loadavg_after": [round(x, 2) for x in os.getloadavg()]}
            results["runs"].append(row)
            print(json.dumps(row), file=sys.stderr)
    if args.no_term_memory_run:
        size, jobs = min(sizes), max(jobs_list)
        print(f"running {size} articles with --jobs {jobs} --term-block 0 ...", file=sys.stderr)
        res = run_batch(work / f"articles-{size}.jsonl", work / f"out-{size}-j{jobs}-notm", jobs, extra + ("--term-block", "0"))
        results["no_term_memory_run"] = {"articles": size, "jobs": jobs, **res,
                                         "articles_per_s": round(size / res["wall_s"], 2)}
        print(json.dumps(results["no_term_memory_run"]), file=sys.stderr)
    if refs_n:
        subset = [a for a in articles if all(a["refs"])][:refs_n]
        manifest = work / f"articles-refs-{len(subset)}.jsonl"
        with_refs = write_manifest(subset, manifest, with_refs=True)
        jobs = max(jobs_list)
        print(f"running {len(subset)} articles with references, --jobs {jobs} ...", file=sys.stderr)
        out = work / "out-refs"
        res = run_batch(manifest, out, jobs, extra)
        res_noref = run_batch(write_manifest_noref(subset, work), work / "out-refs-noref", jobs, extra)
        corpus = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
        results["reference_run"] = {"articles": len(subset), "with_reference": with_refs, "jobs": jobs,
                                    "wall_s": res["wall_s"], "same_articles_without_reference_wall_s": res_noref["wall_s"],
                                    "corpus": corpus["reference_metrics"]}
        print(json.dumps(results["reference_run"]), file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = to_markdown(results)
    args.out.with_suffix(".md").write_text(md, encoding="utf-8")
    print(md)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


def write_manifest_noref(articles: list[dict], work: Path) -> Path:
    path = work / f"articles-refs-{len(articles)}-without.jsonl"
    write_manifest(articles, path, with_refs=False)
    return path


def to_markdown(results: dict) -> str:
    lines = ["| articles | segments | --jobs | wall time | articles/s | CPU time (all processes) | CPU ms/article | "
             "peak RSS, largest process | peak RSS, process tree (sampled) | sentence chrF, same segments | "
             "mtcheck wall ÷ chrF |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results["runs"]:
        tree = f"{r['tree_rss_peak_mib']} MiB" if r["tree_rss_peak_mib"] else "n/a"
        lines.append(f"| {r['articles']:,} | {r['segments']:,} | {r['jobs']} | {r['wall_s']:.1f} s | "
                     f"{r['articles_per_s']:.1f} | {r['cpu_s']:.0f} s | {1000 * r['cpu_s'] / r['articles']:.0f} | "
                     f"{r['max_process_rss_mib']} MiB | {tree} | "
                     + (f"{r['chrf_s']:.2f} s ({r['chrf_segments']:,} segments) | {r['ratio_to_chrf']}× |"
                        if r["chrf_s"] else "not measured | |"))
    nt = results.get("no_term_memory_run")
    if nt:
        lines += ["", f"Without the batch term memory (`--term-block 0`), {nt['articles']:,} articles, --jobs {nt['jobs']}: "
                      f"{nt['wall_s']:.1f} s wall, {nt['articles_per_s']:.1f} articles/s, {nt['cpu_s']:.0f} s CPU "
                      f"({1000 * nt['cpu_s'] / nt['articles']:.0f} ms/article)."]
    ref = results.get("reference_run")
    if ref:
        lines += ["", f"With references: {ref['articles']} articles (all with a reference), --jobs {ref['jobs']}: "
                      f"{ref['wall_s']:.1f} s, against {ref['same_articles_without_reference_wall_s']:.1f} s for the "
                      "same articles without references.", "",
                  "| pair | articles | BLEU | chrF | TER | signatures |", "|---|---|---|---|---|---|"]
        for pair, m in ref["corpus"].items():
            sigs = "<br>".join(f"`{m[k]['signature']}`" for k in ("bleu", "chrf", "ter"))
            lines.append(f"| {pair} | {m['articles']} | {m['bleu']['score']} | {m['chrf']['score']} | "
                         f"{m['ter']['score']} | {sigs} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
