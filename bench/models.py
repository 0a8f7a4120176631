#!/usr/bin/env python3
"""Benchmark of mtcheck's model layer: encoder speed on CPU, and the embedding aligner's quality.

    python bench/models.py --data /work/shared/data [--out bench/results/models.json] [--quick]

1. Speed, with a randomly initialised encoder of realistic size built in a temporary folder: XLM-R
   architecture, 12 layers, hidden size 384, 12 heads, feed-forward 1536 (the shape of multilingual
   MiniLM-L12 encoders), a sentencepiece unigram tokenizer of 8,000 pieces trained on the MQM sentences
   (the vocabulary size does not change the speed of the layers). Measured on CPU:
   * embedding: distinct sentences per second through ``encoder.embed`` (cold cache, batched by length);
   * full check: source sentences per second of ``api.check_documents`` on zh-en MQM articles with
     ``Config(model=...)`` (embedding aligner: each sentence and its 2- and 3-sentence concatenations
     on both sides, then every check including ``meaning.mistranslation``), against the same run with
     no model and with the fake encoder.
   The weights are random, so these runs say nothing about quality, only about time.
2. Alignment F1 (strict and lax, Vecalign's ``score.py`` semantics, from ``bench/align.py``) of the
   embedding aligner with the deterministic fake encoder (``--model fake:chars``) against the default
   length-and-anchor aligner, on the simulated-MT sets of ``bench/align.py`` (WMT21 MQM zh-en and en-de,
   one MT system, seeded merges, splits and drops) and on Text+Berg dev (de-fr, human gold; the
   embedding aligner's weights were chosen on this document, so its row there is not held out).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.align import SEED, load_mqm_articles, load_textberg, quality_table, score, simulated_set  # noqa: E402
from mtcheck import api  # noqa: E402
from mtcheck.align import align_sentences as length_align  # noqa: E402
from mtcheck.align.embedding import align_sentences as embedding_align  # noqa: E402
from mtcheck.config import Config  # noqa: E402
from mtcheck.models import FakeEncoder, clear_loaded, load_encoder  # noqa: E402

BeadT = tuple[tuple[int, ...], tuple[int, ...]]


# --- the random encoder -----------------------------------------------------------------------------------


def build_random_encoder(folder: Path, texts: Sequence[str], layers: int = 12, hidden: int = 384,
                         heads: int = 12, vocab: int = 8000) -> dict:
    """Train a sentencepiece tokenizer on ``texts`` and save a randomly initialised XLM-R model."""
    import sentencepiece as spm
    import torch
    import transformers

    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(t.replace("\n", " ") for t in texts) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sp"), vocab_size=vocab, model_type="unigram",
        character_coverage=0.9995, bos_id=0, pad_id=1, eos_id=2, unk_id=3, hard_vocab_limit=False,
        minloglevel=2,
    )
    model_dir = folder / "model"
    model_dir.mkdir()
    (folder / "sp.model").replace(model_dir / "sentencepiece.bpe.model")
    tokenizer = transformers.XLMRobertaTokenizer.from_pretrained(str(model_dir))
    config = transformers.XLMRobertaConfig(
        vocab_size=len(tokenizer), hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
        intermediate_size=4 * hidden, max_position_embeddings=514, type_vocab_size=1,
    )
    torch.manual_seed(0)
    model = transformers.XLMRobertaModel(config)
    model.save_pretrained(str(model_dir))
    params = sum(p.numel() for p in model.parameters())
    # The same architecture with a one-output regression head, as a --qe-model.
    qe_dir = folder / "qe"
    qe_dir.mkdir()
    (qe_dir / "sentencepiece.bpe.model").write_bytes((model_dir / "sentencepiece.bpe.model").read_bytes())
    qe_config = transformers.XLMRobertaConfig(**{k: v for k, v in config.to_dict().items()
                                                 if k not in ("id2label", "label2id")}, num_labels=1)
    transformers.XLMRobertaForSequenceClassification(qe_config).save_pretrained(str(qe_dir))
    return {"path": str(model_dir), "qe_path": str(qe_dir), "layers": layers, "hidden": hidden, "heads": heads,
            "vocab": len(tokenizer), "parameters": params}


def qe_speed(qe_path: str, pairs: Sequence[tuple[str, str]]) -> dict:
    """Sentence pairs per second of a --qe-model of the same size (``QeModel.score``, batches sorted by length)."""
    from mtcheck.models.qe import load_qe_model

    qe = load_qe_model(qe_path)
    qe.score(list(pairs[:8]))  # warm-up
    t0 = time.perf_counter()
    scores = qe.score(list(pairs))
    elapsed = time.perf_counter() - t0
    assert len(scores) == len(pairs)
    return {"what": "QE (--qe-model, sentence pairs)", "sentences": len(pairs), "time_s": elapsed,
            "sentences_per_s": len(pairs) / elapsed, "pairs": True}


# --- speed ------------------------------------------------------------------------------------------------


def embedding_speed(model_path: str, sentences: Sequence[str]) -> dict:
    import torch

    clear_loaded()
    t0 = time.perf_counter()
    encoder = load_encoder(model_path)
    load_s = time.perf_counter() - t0
    encoder.embed(list(sentences[:8]))  # warm-up: first call allocates
    encoder.clear_cache()  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    encoder.embed(list(sentences))
    elapsed = time.perf_counter() - t0
    tokens = sum(len(x) for x in encoder.tokenizer(list(sentences), truncation=True,  # type: ignore[attr-defined]
                                                   max_length=encoder.max_length)["input_ids"])  # type: ignore[attr-defined]
    return {"what": "embedding (encoder.embed, cold cache)", "sentences": len(sentences), "tokens": tokens,
            "time_s": elapsed, "sentences_per_s": len(sentences) / elapsed, "load_s": load_s,
            "device": encoder.device, "torch_threads": torch.get_num_threads()}  # type: ignore[attr-defined]


def check_speed(articles: Sequence[tuple[str, list[str], list[str]]], label: str, config: Config) -> dict:
    """Check each article (source and MT joined by newlines, presegmented) and time it all."""
    clear_loaded()
    if config.model:
        load_encoder(config.model)  # loading is not part of the per-article time
    docs = []
    for _doc, src, mt in articles:
        s = api.make_document("\n".join(src), path=None, lang="zh", encoding=None, presegmented=True)
        t = api.make_document("\n".join(mt), path=None, lang="en", encoding=None, presegmented=True)
        docs.append((s, t))
    n = sum(len(s.sentences) for s, _ in docs)
    # Warm-up (jieba's dictionary, language tables, the first call into the model), then a cold cache.
    api.check_documents(docs[0][0], docs[0][1], None, config)
    if config.model:
        load_encoder(config.model).clear_cache()  # type: ignore[attr-defined]
    issues = 0
    meaning = 0
    t0 = time.perf_counter()
    for s, t in docs:
        report = api.check_documents(s, t, None, config)
        assert not report.check_errors, report.check_errors
        issues += len(report.issues)
        meaning += sum(1 for i in report.issues if i.check.startswith("meaning."))
    elapsed = time.perf_counter() - t0
    return {"what": f"full check, {label}", "articles": len(docs), "sentences": n, "time_s": elapsed,
            "sentences_per_s": n / elapsed, "issues": issues, "meaning_issues": meaning}


# --- quality ----------------------------------------------------------------------------------------------


def quality(name: str, docs: Sequence[tuple[Sequence[str], Sequence[str], Sequence[BeadT]]], src_lang: str,
            tgt_lang: str) -> list[dict]:
    rows = []
    fake = FakeEncoder()
    runs = {
        "default (length+anchors)": lambda s, t: length_align(s, t, src_lang=src_lang, tgt_lang=tgt_lang),
        "embedding, fake encoder": lambda s, t: embedding_align(s, t, fake),
    }
    for aligner, fn in runs.items():
        t0 = time.perf_counter()
        preds = [[(b.source, b.target) for b in fn(s, t)] for s, t, _ in docs]
        elapsed = time.perf_counter() - t0
        res = score([g for *_, g in docs], preds)
        rows.append({"data": name, "aligner": aligner, "time_s": elapsed, "documents": len(docs),
                     "src_sentences": sum(len(s) for s, _, _ in docs),
                     "tgt_sentences": sum(len(t) for _, t, _ in docs), **res})
        print(f"  {name:36s} {aligner:26s} strict F1 {res['f1_strict']:.4f} lax F1 {res['f1_lax']:.4f} "
              f"({elapsed:.2f} s)", file=sys.stderr)
    return rows


# --- report -----------------------------------------------------------------------------------------------


def markdown(speed: list[dict], model: dict, qual: list[dict], meta: dict) -> str:
    lines = [
        f"Random XLM-R-style encoder: {model['layers']} layers, hidden {model['hidden']}, {model['heads']} heads, "
        f"vocabulary {model['vocab']}, {model['parameters'] / 1e6:.1f} M parameters; CPU, "
        f"{speed[0]['torch_threads']} torch threads; loading took {speed[0]['load_s']:.2f} s.",
        "",
        "| speed | sentences | time | sentences/s | notes |",
        "|---|---|---|---|---|",
    ]
    for r in speed:
        if "tokens" in r:
            note = f"{r['tokens']} tokens, {r['tokens'] / r['time_s']:.0f} tokens/s"
        elif r.get("pairs"):
            note = "source and MT sentence pairs of the same articles, one score each"
        else:
            note = (f"{r['articles']} articles, {r['issues']} issues "
                    f"({r['meaning_issues']} from the meaning.* checks)")
        lines.append(f"| {r['what']} | {r['sentences']} | {r['time_s']:.2f} s | **{r['sentences_per_s']:.1f}** | {note} |")
    lines += [""] + quality_table(qual, first_column="alignment")
    lines += ["", f"Run {meta['date']} on {meta['machine']}; command `{meta['command']}`."]
    return "\n".join(lines) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="folder holding align/ and mqm/")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "models.json")
    ap.add_argument("--quick", action="store_true", help="fewer sentences and articles for the speed runs")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    _system, articles = load_mqm_articles(args.data, "zhen")
    _system_de, articles_de = load_mqm_articles(args.data, "ende")
    texts = [x for _d, s, t in articles + articles_de for x in s + t]
    n_embed = 256 if args.quick else 1024
    n_articles = 3 if args.quick else 12
    sample = sorted(set(texts), key=lambda x: (zlib.crc32(x.encode("utf-8")), x))[:n_embed]
    speed: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="mtcheck-bench-model-") as tmp:
        print("building the random encoder...", file=sys.stderr)
        model = build_random_encoder(Path(tmp), texts)
        speed.append(embedding_speed(model["path"], sample))
        print(f"  embedding: {speed[-1]['sentences_per_s']:.1f} sentences/s", file=sys.stderr)
        chosen = articles[:n_articles]
        for label, cfg in (("no model (default aligner)", Config()),
                           ("fake encoder", Config(model="fake:chars")),
                           ("random 12-layer encoder", Config(model=model["path"]))):
            speed.append(check_speed(chosen, label, cfg))
            print(f"  {speed[-1]['what']}: {speed[-1]['sentences_per_s']:.1f} sentences/s", file=sys.stderr)
        qe_pairs = [(s_, t_) for _d, src_, mt_ in chosen for s_, t_ in zip(src_, mt_)][:n_embed // 2]
        speed.append(qe_speed(model.pop("qe_path"), qe_pairs))
        print(f"  {speed[-1]['what']}: {speed[-1]['sentences_per_s']:.1f} pairs/s", file=sys.stderr)
        clear_loaded()
    qual: list[dict] = []
    for lp, (sl, tl) in {"zhen": ("zh", "en"), "ende": ("en", "de")}.items():
        system, docs = simulated_set(args.data, lp, SEED)
        qual += quality(f"simulated MT {sl}-{tl} ({system})", docs, sl, tl)
    src, tgt, gold = load_textberg(args.data)
    qual += quality("Text+Berg dev (de-fr), tuning document", [(src, tgt, gold)], "de", "fr")
    meta = {
        "date": _dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": "python bench/models.py --data " + str(args.data) + (" --quick" if args.quick else ""),
        "seed": SEED,
    }
    model.pop("path", None)
    table = markdown(speed, model, qual, meta)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"meta": meta, "model": model, "speed": speed, "quality": qual}, indent=2) + "\n",
                        encoding="utf-8")
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
