#!/usr/bin/env python3
"""Chinese word tokens: mtcheck's jieba cut (``mtcheck.terms.zh.word_spans`` / ``word_count``) against jieba.

    python bench/zh_words.py --data /work/shared/data [--runs 5] [--out bench/results/zh_words.json]

Exactness: on every Chinese source of the WMT 2021 newstest MQM zh-en files (each distinct segment, and each
document as ``bench/checks.py`` builds it: its segments one a line), the tokens that hold a letter or a digit
must be ``jieba.tokenize``'s (HMM on), offset for offset, and every token start inside jieba's blocks must be
jieba's; each line's count (``line_word_counts``, the MQM score's) must be jieba's, by jieba-rs (rjieba) and by
the tables. Any difference is printed and the script exits 1.

Speed: the 1,000 zh-en sources of ``bench/checks.py`` (its seeded articles), CPU time (``time.process_time``)
median of ``--runs``, mtcheck's caches emptied before each article as the checks benchmark does:
``segment.count_words`` per document (what the MQM score counts: ``bench/checks.py``'s documents; with
rjieba, and without it: the tables),
``segment.count_words`` per segment, ``segment.word_tokens`` per segment, each against the same loop over
``jieba.tokenize`` that the functions replaced (tokens that hold a letter or a digit).
"""
from __future__ import annotations

import argparse
import runpy
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def jieba_starts(jb, text: str) -> list[int]:  # type: ignore[no-untyped-def]
    block = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]")
    starts: list[int] = []
    for word, start, _ in jb.tokenize(text):
        starts.extend([start] if block.match(word) else range(start, start + len(word)))
    return starts


def exactness(jb, texts: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Texts whose words differ from jieba's: by the tables (``word_spans``, ``word_count``, the token starts),
    or, counted a line each as the MQM score counts them (``line_word_counts``), by jieba-rs and by the
    tables."""
    from mtcheck.terms.zh import (_jieba_spans, _python_line_word_counts, _rust_line_word_counts, _token_starts,
                                  word_count, word_spans)

    bad = 0
    for text in texts:
        want = _jieba_spans(text)
        lines = text.split("\n")
        per_line = [len(_jieba_spans(line)) for line in lines]
        rust = _rust_line_word_counts(lines)
        if (word_spans(text) != want or word_count(text) != len(want)
                or _token_starts(text) != jieba_starts(jb, text)
                or _python_line_word_counts(lines) != per_line or (rust is not None and rust != per_line)):
            bad += 1
            print("differs from jieba:", text[:80])
    return bad


def cpu(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "zh_words.json")
    args = ap.parse_args()
    from mtcheck import segment
    from mtcheck.terms.zh import _cutter, _jieba_spans

    _cutter()  # the lookup tables built now (a process builds them after JIEBA_FIRST characters cut by jieba)
    checks = runpy.run_path(str(ROOT / "bench" / "checks.py"))  # its loaders, not copied
    jb = segment._jieba()
    segs = checks["_bench_batch"]().read_segments(args.data, "zhen")
    sources = sorted({src for src, _ in segs.values() if src.strip()})
    by_doc: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for (system, doc, sid), (src, _) in segs.items():
        by_doc.setdefault((system, doc), []).append((sid, src))
    documents = sorted({"\n".join(s for _, s in sorted(v)) + "\n" for v in by_doc.values()})
    bad = exactness(jb, sources) + exactness(jb, documents)
    print(f"exactness: {len(sources)} distinct sources, {len(documents)} documents, {bad} differ from jieba")

    articles = checks["articles_for"](args.data, "zhen", 1000)
    sents = [s for art in articles for s, _ in art]
    docs = ["\n".join(s for s, _ in art) + "\n" for art in articles]

    def per_article(fn, texts_of):  # type: ignore[no-untyped-def]
        def run() -> None:
            for art, doc in zip(articles, docs):
                segment.clear_text_caches()
                for text in texts_of(art, doc):
                    fn(text)
        return run

    one_doc = lambda art, doc: (doc,)  # noqa: E731
    each_seg = lambda art, doc: [s for s, _ in art]  # noqa: E731
    jieba_count = lambda text: len(_jieba_spans(text))  # noqa: E731
    from mtcheck.terms import zh

    def tables_only(text: str) -> int:  # count_words as it counts without rjieba
        saved = zh._rust_cutter
        zh._rust_cutter = lambda: None  # type: ignore[assignment]
        try:
            return segment.count_words(text, "zh")
        finally:
            zh._rust_cutter = saved  # type: ignore[assignment]

    cases = {
        "count_words per document": (lambda t: segment.count_words(t, "zh"), jieba_count, one_doc),
        "count_words per document, without rjieba": (tables_only, jieba_count, one_doc),
        "count_words per segment": (lambda t: segment.count_words(t, "zh"), jieba_count, each_seg),
        "word_tokens per segment": (lambda t: segment.word_tokens(t, "zh"), _jieba_spans,
                                    each_seg),
    }
    segment.count_words(docs[0], "zh")  # dictionaries loaded before timing
    results = {"sources": len(sents), "characters": sum(map(len, sents)), "documents": len(docs),
               "exactness": {"distinct_sources": len(sources), "documents": len(documents), "differ": bad},
               "runs": args.runs, "rjieba": zh._rust_cutter() is not None, "cpu_seconds": {}}
    for name, (ours, theirs, texts_of) in cases.items():
        mine = cpu(per_article(ours, texts_of), args.runs)
        ref = cpu(per_article(theirs, texts_of), args.runs)
        results["cpu_seconds"][name] = {"mtcheck": round(mine, 4), "jieba": round(ref, 4),
                                        "speedup": round(ref / mine, 2)}
        print(f"{name:42s} mtcheck {mine:.4f} s  jieba {ref:.4f} s  {ref / mine:.2f}x")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
