"""The model layer: a tiny random XLM-R with a locally trained sentencepiece tokenizer loaded through the
public options offline, the embedding aligner and word aligner with a deterministic fake encoder, the
meaning check, and exit 4 for models that are not there. No test downloads anything."""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

# Belt and braces: nothing in this file may reach the Hugging Face hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mtcheck import api  # noqa: E402
from mtcheck.align.embedding import EmbeddingAlignParams, align_sentences, bead_similarities  # noqa: E402
from mtcheck.align.length import AlignParams  # noqa: E402
from mtcheck.align.words import align_bead_words, align_words  # noqa: E402
from mtcheck.checks import CheckContext, run_checks  # noqa: E402
from mtcheck.checks.meaning import mistranslation  # noqa: E402
from mtcheck.cli import main  # noqa: E402
from mtcheck.config import Config, load_config  # noqa: E402
from mtcheck.errors import ModelUnavailable  # noqa: E402
from mtcheck.models import FakeEncoder, clear_loaded, load_encoder  # noqa: E402
from mtcheck.types import Bead  # noqa: E402

from .contract import validate_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# An English news article and its German translation in which one sentence was left out ([2]:[]), two
# were merged ([4, 5]:[3]) and one was split ([6]:[4, 5]).
SRC = [
    "Siemens reported a profit of 2.1 billion euros for the third quarter.",
    "Chief executive Roland Busch said demand in China remained weak.",
    "The Munich-based group employs 311,000 people in 190 countries.",
    "Orders rose 7 percent to 22.4 billion euros.",
    "The company also raised its forecast for 2024.",
    "Its shares gained 3.5 percent in Frankfurt.",
    "Analysts at Deutsche Bank had expected a profit of 1.9 billion euros, and they welcomed the new "
    "forecast of the Siemens board.",
    "The next results are due on 14 November.",
]
TGT = [
    "Siemens meldete für das dritte Quartal einen Gewinn von 2,1 Milliarden Euro.",
    "Vorstandschef Roland Busch sagte, die Nachfrage in China sei schwach geblieben.",
    "Der Auftragseingang stieg um 7 Prozent auf 22,4 Milliarden Euro.",
    "Das Unternehmen hob zudem seine Prognose für 2024 an, und die Aktie legte in Frankfurt um 3,5 Prozent zu.",
    "Analysten der Deutschen Bank hatten einen Gewinn von 1,9 Milliarden Euro erwartet.",
    "Sie begrüßten die neue Prognose des Siemens-Vorstands.",
    "Die nächsten Zahlen werden am 14. November vorgelegt.",
]
GOLD = ["[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2]", "[4, 5]:[3]", "[6]:[4, 5]", "[7]:[6]"]

# Text for the sentencepiece model: the article above, its French and Chinese counterparts, news words.
CORPUS = SRC + TGT + [
    "Siemens a annoncé un bénéfice de 2,1 milliards d'euros pour le troisième trimestre.",
    "Le directeur général Roland Busch a déclaré que la demande en Chine restait faible.",
    "Les commandes ont augmenté de 7 % pour atteindre 22,4 milliards d'euros.",
    "Le groupe a relevé ses prévisions pour 2024 et l'action a gagné 3,5 % à Francfort.",
    "西门子公司公布第三季度利润为21亿欧元。",
    "首席执行官博乐仁表示，中国市场需求依然疲软。",
    "订单增长7%，达到224亿欧元。",
    "公司还上调了2024年的预测，股价在法兰克福上涨3.5%。",
    "The central bank raised interest rates by half a percentage point on Tuesday.",
    "Die Zentralbank erhöhte am Dienstag die Zinsen um einen halben Prozentpunkt.",
    "La banque centrale a relevé ses taux d'un demi-point mardi.",
    "中央银行周二将利率上调了半个百分点。",
    "Officials said the economy grew faster than expected in the spring.",
    "Beamte sagten, die Wirtschaft sei im Frühjahr schneller gewachsen als erwartet.",
]


# --- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A randomly initialised XLM-R (2 layers, hidden 32) with a sentencepiece tokenizer trained here,
    saved as a transformers folder: config.json, model.safetensors, sentencepiece.bpe.model."""
    spm = pytest.importorskip("sentencepiece")
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    base = tmp_path_factory.mktemp("tiny-xlmr")
    corpus = base / "corpus.txt"
    corpus.write_text("\n".join(CORPUS * 3) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(base / "sp"), vocab_size=400, model_type="unigram",
        character_coverage=1.0, bos_id=0, pad_id=1, eos_id=2, unk_id=3, hard_vocab_limit=False,
        minloglevel=2, num_threads=1,
    )
    folder = base / "model"
    folder.mkdir()
    # transformers 5 builds XLMRobertaTokenizer (tokenizers backend) from sentencepiece.bpe.model.
    shutil.copy(base / "sp.model", folder / "sentencepiece.bpe.model")
    tokenizer = transformers.XLMRobertaTokenizer.from_pretrained(str(folder))
    assert 200 <= len(tokenizer) <= 500
    config = transformers.XLMRobertaConfig(
        vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=130, type_vocab_size=1,
    )
    torch.manual_seed(0)
    transformers.XLMRobertaModel(config).save_pretrained(str(folder))
    return folder


@pytest.fixture(autouse=True)
def _fresh_encoders():
    clear_loaded()
    yield
    clear_loaded()


@pytest.fixture
def pair_files(tmp_path):
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.de.txt"
    src.write_text("\n".join(SRC) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(TGT) + "\n", encoding="utf-8")
    return src, tgt


def run(args, capsys):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


# --- the tiny transformers model through the public options ---------------------------------------------


def test_tiny_xlmr_embeds_offline_batched_and_cached(tiny_model):
    encoder = load_encoder(str(tiny_model))
    assert type(encoder).__name__ == "TransformersEncoder"
    assert encoder.device == "cpu" and encoder.dim == 32 and encoder.pooling == "mean"
    texts = [SRC[6], SRC[0], "Kurz.", TGT[3]]
    together = encoder.embed(texts)
    assert together.shape == (4, 32) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # Batches are sorted by length and padded: a vector does not depend on its batch companions.
    encoder.clear_cache()
    alone = np.stack([encoder.embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
    # Sorting by length groups the short texts together.
    assert encoder._batches([30, 5, 12, 5]) == [[1, 3, 2, 0]]
    encoder.batch_size = 2
    assert encoder._batches([30, 5, 12, 5]) == [[1, 3], [2, 0]]
    # The cache answers repeated texts without the model.
    before = encoder.texts_encoded
    encoder.embed(texts + texts)
    assert encoder.texts_encoded == before
    tokens = encoder.embed_tokens([SRC[0]])[0]
    assert tokens.vectors.shape == (len(tokens.spans), 32) and tokens.spans
    assert all(0 <= s < e <= len(SRC[0]) for s, e in tokens.spans)


def test_sentence_transformers_cls_pooling_is_read_from_the_folder(tiny_model, tmp_path):
    folder = tmp_path / "st-model"
    shutil.copytree(tiny_model, folder)
    (folder / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]),
        encoding="utf-8")
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(
        {"word_embedding_dimension": 32, "pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}),
        encoding="utf-8")
    encoder = load_encoder(str(folder))
    assert encoder.pooling == "cls"
    mean = load_encoder(str(tiny_model)).embed([SRC[0]])[0]
    assert not np.allclose(encoder.embed([SRC[0]])[0], mean)


def test_check_with_tiny_model_through_the_cli_and_api(tiny_model, pair_files, capsys):
    src, tgt = pair_files
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--model", tiny_model,
                          "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0 and err == ""  # no progress bars or warnings from transformers on stderr
    report = json.loads(out)
    validate_report(report, src.read_text(encoding="utf-8"), tgt.read_text(encoding="utf-8"))
    assert "|align:embedding@1|" in report["signature"]
    assert report["signature"].endswith(f"|model:{tiny_model}@unpinned")
    assert "meaning.mistranslation@1" in report["signature"]
    # The same through the facade: no check crashed, the alignment covers both sides.
    cfg = Config(src_lang="en", tgt_lang="de", model=str(tiny_model))
    rep = api.check_pair(str(src), str(tgt), config=cfg)
    assert rep.check_errors == ()
    assert sorted(i for b in rep.alignment for i in b.source) == list(range(len(SRC)))
    assert sorted(j for b in rep.alignment for j in b.target) == list(range(len(TGT)))
    # --aligner length keeps the default aligner but still runs the model's meaning check.
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--model", tiny_model,
                          "--aligner", "length", "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0, err
    assert "|align:length@" in json.loads(out)["signature"]


def test_align_with_tiny_model_and_models_check(tiny_model, pair_files, capsys):
    src, tgt = pair_files
    code, out, err = run(["align", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--presegmented",
                          "--model", tiny_model, "--aligner", "embedding"], capsys)
    assert code == 0, err
    beads = [line for line in out.splitlines() if line]
    ids = [json.loads(b.split(":")[0]) for b in beads]
    assert sorted(i for s in ids for i in s) == list(range(len(SRC)))
    code, out, err = run(["models", "check", tiny_model], capsys)
    assert code == 0, err
    info = dict(line.split(None, 1) for line in out.splitlines())
    assert info["model_type"] == "xlm-roberta" and info["hidden_size"] == "32" and info["layers"] == "2"
    assert info["tokenizer"] == "XLMRobertaTokenizer" and info["pooling"] == "mean"
    assert info["sentence_embeddings"] == "yes" and info["word_alignment"] == "yes"
    assert info["device"] == "cpu" and info["dtype"] == "float32" and info["qe_regression_head"] == "no"


def test_word_alignment_with_tiny_model_stays_in_bounds(tiny_model):
    encoder = load_encoder(str(tiny_model))
    wa = align_words(SRC[1], TGT[1], encoder, src_lang="en", tgt_lang="de")
    assert wa.links and all(0 <= s < len(wa.source_words) and 0 <= t < len(wa.target_words) for s, t in wa.links)
    zh = align_words("西门子公司公布第三季度利润为21亿欧元。", SRC[0], encoder, src_lang="zh", tgt_lang="en")
    assert all(ch in "西门子公司公布第三季度利润为21亿欧元" for s, e in zh.source_words
               for ch in "西门子公司公布第三季度利润为21亿欧元。"[s:e])


# --- unavailable models: exit 4, one line, the real cause chained -----------------------------------------


def test_missing_model_folder_exits_4_with_one_line(pair_files, tmp_path, capsys):
    src, tgt = pair_files
    missing = tmp_path / "no-such-model"
    code, out, err = run(["check", src, tgt, "--model", missing], capsys)
    assert code == 4 and out == ""
    assert err.count("\n") == 1 and err.startswith("mtcheck: error: ")
    assert f"model folder '{missing}' does not exist" in err
    with pytest.raises(ModelUnavailable) as info:
        load_encoder(str(missing))
    assert isinstance(info.value.__cause__, FileNotFoundError)


def test_hub_name_not_in_cache_exits_4_without_download(pair_files, capsys):
    pytest.importorskip("transformers")
    src, tgt = pair_files
    code, out, err = run(["check", src, tgt, "--model", "mtcheck-tests/not-a-cached-model"], capsys)
    assert code == 4 and out == "" and err.count("\n") == 1
    assert "'mtcheck-tests/not-a-cached-model' is unavailable" in err
    assert "not in the Hugging Face cache" in err and "--allow-download" in err
    code, out, err = run(["align", src, tgt, "--model", "mtcheck-tests/not-a-cached-model"], capsys)
    assert code == 4 and err.count("\n") == 1


def test_allow_download_under_hf_hub_offline_says_so(pair_files, tmp_path):
    pytest.importorskip("transformers")
    src, tgt = pair_files
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf-home"))
    proc = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(src), str(tgt), "--model",
                           "mtcheck-tests/not-a-cached-model", "--allow-download"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 4 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "HF_HUB_OFFLINE is set" in proc.stderr


def test_folder_without_tokenizer_or_weights_exits_4(tiny_model, pair_files, tmp_path, capsys):
    src, tgt = pair_files
    no_tokenizer = tmp_path / "no-tokenizer"
    shutil.copytree(tiny_model, no_tokenizer)
    (no_tokenizer / "sentencepiece.bpe.model").unlink()
    code, _out, err = run(["check", src, tgt, "--model", no_tokenizer], capsys)
    assert code == 4 and err.count("\n") == 1 and "no tokenizer files" in err
    no_weights = tmp_path / "no-weights"
    shutil.copytree(tiny_model, no_weights)
    (no_weights / "model.safetensors").unlink()
    code, _out, err = run(["check", src, tgt, "--model", no_weights], capsys)
    assert code == 4 and err.count("\n") == 1 and "no usable weights" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _out, err = run(["models", "check", empty], capsys)
    assert code == 4 and err.count("\n") == 1 and f"model '{empty}' is unavailable" in err


def test_a_full_disk_is_reported_as_itself_not_as_a_missing_model(tiny_model, monkeypatch):
    transformers = pytest.importorskip("transformers")

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "/cache/model.safetensors")

    monkeypatch.setattr(transformers.AutoModel, "from_pretrained", full_disk)
    with pytest.raises(ModelUnavailable) as info:
        load_encoder(str(tiny_model))
    message = str(info.value)
    assert "No space left on device (/cache/model.safetensors)" in message
    assert "cache" not in message.replace("/cache/", "") and "download" not in message
    assert isinstance(info.value.__cause__, OSError) and info.value.__cause__.errno == errno.ENOSPC


def test_without_torch_everything_else_runs_and_a_model_exits_4(tmp_path):
    """The default install: torch and transformers cannot be imported."""
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.de.txt"
    src.write_text("\n".join(SRC) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(TGT) + "\n", encoding="utf-8")
    code = f"""
import importlib.abc, io, json, sys, contextlib
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('torch', 'transformers'):
            raise ImportError(f"No module named '{{name}}'")
sys.meta_path.insert(0, Block())
from mtcheck.cli import main
results = []
for args in (["check", {str(src)!r}, {str(tgt)!r}, "--fail-on", "never"],
             ["check", {str(src)!r}, {str(tgt)!r}, "--model", {str(tmp_path)!r}],
             ["check", {str(src)!r}, {str(tgt)!r}, "--model", "fake:chars", "--fail-on", "never"]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        results.append((main(args), err.getvalue()))
results.append([m for m in ("torch", "transformers") if m in sys.modules])
print(json.dumps(results))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    plain, with_model, fake, loaded = json.loads(proc.stdout)
    assert plain == [0, ""]
    assert with_model[0] == 4 and with_model[1].count("\n") == 1
    assert "needs torch and transformers, which are not installed" in with_model[1]
    assert "pip install 'mtcheck[models]' torch" in with_model[1]
    assert fake == [0, ""]
    assert loaded == []


def test_model_modules_do_not_import_torch():
    code = ("import sys, mtcheck.models, mtcheck.align.embedding, mtcheck.align.words, mtcheck.checks.meaning;"
            "from mtcheck.models import load_encoder; load_encoder('fake:chars').embed(['a 1'])\n"
            "print(','.join(m for m in ('torch', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == ""


# --- the embedding aligner with the fake encoder ------------------------------------------------------------


def test_fake_encoder_is_deterministic_and_shares_numbers_and_characters():
    enc = FakeEncoder()
    a, b, c = enc.embed(["Prices rose 4.5% in Geneva.", "Les prix ont augmenté de 4,5 % à Genève.",
                         "Talks resume next week."])
    assert np.allclose(FakeEncoder().embed(["Prices rose 4.5% in Geneva."])[0], a)
    assert float(a @ b) > 0.4 > abs(float(a @ c))
    assert np.allclose(enc.embed([""])[0], 0.0)


def test_embedding_aligner_reproduces_gold_beads_with_the_fake_encoder():
    beads = align_sentences(SRC, TGT, FakeEncoder())
    assert [b.to_vecalign() for b in beads] == GOLD
    scores = {b.to_vecalign(): b.score for b in beads}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    assert scores["[2]:[]"] > 0.5  # a long sentence left out: a sure omission
    # Through the facade's choice of aligner, from a configured model name.
    src = api.make_document("\n".join(SRC), path=None, lang="en", encoding=None, presegmented=True)
    tgt = api.make_document("\n".join(TGT), path=None, lang="de", encoding=None, presegmented=True)
    got = api.align_documents(src, tgt, Config(model="fake:chars"))
    assert [b.to_vecalign() for b in got] == GOLD


def test_embedding_aligner_band_search_matches_full_search():
    """Coarse-to-fine (Vecalign's band around a downsampled path) finds the full DP's path here."""
    src = SRC * 12
    tgt = TGT * 12
    enc = FakeEncoder()
    full = align_sentences(src, tgt, enc)
    banded = align_sentences(src, tgt, enc, params=EmbeddingAlignParams(base=AlignParams(max_full_cells=500)))
    assert [b.to_vecalign() for b in banded] == [b.to_vecalign() for b in full]
    assert sorted(i for b in full for i in b.source) == list(range(len(src)))
    assert sorted(j for b in full for j in b.target) == list(range(len(tgt)))


def test_embedding_aligner_edge_cases():
    enc = FakeEncoder()
    assert align_sentences([], [], enc) == ()
    assert [b.to_vecalign() for b in align_sentences(["One 1."], [], enc)] == ["[0]:[]"]
    assert [b.to_vecalign() for b in align_sentences(["One 1."], ["Eins 1."], enc)] == ["[0]:[0]"]


def test_unknown_aligner_or_embedding_without_model_is_a_usage_error(pair_files, tmp_path, capsys):
    src, tgt = pair_files
    code, _out, err = run(["check", src, tgt, "--aligner", "embedding"], capsys)
    assert code == 2 and "needs a model" in err and err.count("\n") == 1
    code, _out, err = run(["align", src, tgt, "--aligner", "fancy"], capsys)
    assert code == 2
    toml = tmp_path / "mtcheck.toml"
    toml.write_text('model = "fake:chars"\naligner = "embedding"\n', encoding="utf-8")
    cfg = load_config(toml)
    assert cfg.model == "fake:chars" and cfg.aligner == "embedding" and cfg.allow_download is False
    code, out, err = run(["check", src, tgt, "--config", toml, "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0, err
    assert "|align:embedding@1|" in json.loads(out)["signature"]


# --- word alignment with the fake encoder ---------------------------------------------------------------------


def test_word_alignment_finds_term_rendering_and_words_left_out():
    enc = FakeEncoder()
    src = "The ECB raised rates to 4.5% in Frankfurt on Thursday."
    tgt = "Die EZB erhöhte die Zinsen in Frankfurt auf 4,5 %."
    wa = align_words(src, tgt, enc, src_lang="en", tgt_lang="de", method="argmax")
    start = src.index("Frankfurt")
    span = wa.target_span_of(start, start + len("Frankfurt"))
    assert span is not None and tgt[span[0]:span[1]] == "Frankfurt"
    span = wa.target_span_of(src.index("4.5"), src.index("4.5") + 3)
    assert span is not None and tgt[span[0]:span[1]] == "4,5"
    left_out = {src[s:e] for s, e in wa.unaligned_source()}
    assert "Thursday" in left_out and "Frankfurt" not in left_out
    # itermax links at least what argmax links.
    wi = align_words(src, tgt, enc, src_lang="en", tgt_lang="de", method="itermax")
    assert set(wa.links) <= set(wi.links)
    with pytest.raises(ValueError):
        align_words(src, tgt, enc, method="greedy")


def test_bead_word_alignment_gives_document_offsets():
    src = api.make_document("\n".join(SRC), path=None, lang="en", encoding=None, presegmented=True)
    tgt = api.make_document("\n".join(TGT), path=None, lang="de", encoding=None, presegmented=True)
    wa = align_bead_words(src, tgt, Bead((4, 5), (3,)), FakeEncoder())
    assert wa is not None
    start = src.text.index("Frankfurt")
    span = wa.target_span_of(start, start + len("Frankfurt"))
    assert span is not None and tgt.text[span[0]:span[1]] == "Frankfurt"
    assert align_bead_words(src, tgt, Bead((2,), ()), FakeEncoder()) is None


# --- the meaning check ----------------------------------------------------------------------------------------

MEANING_SRC = [
    "Siemens reported a profit of 2.1 billion euros for the third quarter.",
    "Chief executive Roland Busch said demand in China remained weak.",
    "Orders rose 7 percent to 22.4 billion euros.",
    "The company also raised its forecast for 2024.",
    "Its shares gained 3.5 percent in Frankfurt.",
    "Analysts at Deutsche Bank had expected a profit of 1.9 billion euros.",
    "The next results are due on 14 November.",
    "Siemens employs 311,000 people in 190 countries.",
]
MEANING_TGT = [
    "Siemens meldete für das dritte Quartal einen Gewinn von 2,1 Milliarden Euro.",
    "Vorstandschef Roland Busch sagte, die Nachfrage in China sei schwach geblieben.",
    "Der Auftragseingang stieg um 7 Prozent auf 22,4 Milliarden Euro.",
    "Das Unternehmen hob zudem seine Prognose für 2024 an.",
    "Die Aktie legte in Frankfurt um 3,5 Prozent zu.",
    "Wetterdienste warnen vor Glatteis auf vielen Straßen.",  # not the source's meaning at all
    "Die nächsten Zahlen werden am 14. November vorgelegt.",
    "Siemens beschäftigt 311.000 Menschen in 190 Ländern.",
]


def _meaning_context(config: Config) -> CheckContext:
    src = api.make_document("\n".join(MEANING_SRC), path=None, lang="en", encoding=None, presegmented=True)
    tgt = api.make_document("\n".join(MEANING_TGT), path=None, lang="de", encoding=None, presegmented=True)
    beads = tuple(Bead((k,), (k,), 1.0) for k in range(len(MEANING_SRC)))
    return CheckContext(source=src, target=tgt, alignment=beads, config=config)


def test_meaning_check_flags_the_bead_far_from_its_article():
    ctx = _meaning_context(Config(model="fake:chars"))
    issues = list(mistranslation(ctx))
    assert [(i.check, i.category.value, i.severity.value) for i in issues] == [
        ("meaning.mistranslation", "accuracy/mistranslation", "major")]
    issue = issues[0]
    assert ctx.target.text[issue.target_span.start:issue.target_span.end] == MEANING_TGT[5]
    assert ctx.source.text[issue.source_span.start:issue.source_span.end] == MEANING_SRC[5]
    assert 0.5 < issue.confidence <= 1.0
    # The word aligner finds no counterpart for the source's words (the number is not in the target).
    assert "1.9" in {ctx.source.text[r.start:r.end] for r in issue.related}
    sims = bead_similarities(MEANING_SRC, MEANING_TGT, ctx.alignment, FakeEncoder())
    assert max(range(len(sims)), key=lambda k: sims[k].r) == 5


def test_meaning_check_does_nothing_without_a_model():
    ctx = _meaning_context(Config())
    assert list(mistranslation(ctx)) == []
    issues, errors = run_checks(ctx, only=["meaning.mistranslation"])
    assert issues == [] and errors == []


OMISSION_SRC = [
    "The European Commission fined Google 4.1 billion euros on Wednesday.",
    "The company had abused the dominance of its Android operating system, the commission said.",
    "Google will appeal the decision.",
]
OMISSION_TGT = [
    "La Commission européenne a infligé mercredi une amende de 4,1 milliards d'euros à Google.",
    "La société a abusé de sa position, a déclaré la commission.",
    "Google fera appel de la décision.",
]


def test_word_alignment_gives_the_exact_words_left_out_of_a_sentence():
    from mtcheck.checks.meaning import omission_in_bead

    src = api.make_document("\n".join(OMISSION_SRC), path=None, lang="en", encoding=None, presegmented=True)
    tgt = api.make_document("\n".join(OMISSION_TGT), path=None, lang="fr", encoding=None, presegmented=True)
    beads = tuple(Bead((k,), (k,), 1.0) for k in range(3))
    ctx = CheckContext(source=src, target=tgt, alignment=beads, config=Config(model="fake:chars"))
    issues = list(omission_in_bead(ctx))
    assert [(i.check, i.category.value, i.severity.value, src.text[i.source_span.start:i.source_span.end])
            for i in issues] == [("meaning.omission", "accuracy/omission", "minor",
                                  "dominance of its Android operating system")]
    assert issues[0].target_span is None and issues[0].confidence == 0.38  # 3 of 8 content words linked
    assert issues[0].message == ("4 source words with no counterpart in the translation (word alignment): "
                                 "'dominance of its Android operating system'")
    # Through the facade the same words are flagged; without a model the check does nothing.
    report = api.check_texts("\n".join(OMISSION_SRC), "\n".join(OMISSION_TGT), src_lang="en", tgt_lang="fr",
                             config=Config(model="fake:chars"))
    assert [src.text[i.source_span.start:i.source_span.end] for i in report.issues if i.check == "meaning.omission"] \
        == ["dominance of its Android operating system"]
    assert list(omission_in_bead(CheckContext(source=src, target=tgt, alignment=beads, config=Config()))) == []


def test_word_alignment_omission_leaves_unrelated_beads_to_the_meaning_check():
    from mtcheck.checks.meaning import omission_in_bead

    # The second translation is about something else: few source words link, the bead is skipped.
    tgt_text = "\n".join([OMISSION_TGT[0], "Le temps sera ensoleillé demain dans tout le pays.", OMISSION_TGT[2]])
    src = api.make_document("\n".join(OMISSION_SRC), path=None, lang="en", encoding=None, presegmented=True)
    tgt = api.make_document(tgt_text, path=None, lang="fr", encoding=None, presegmented=True)
    beads = tuple(Bead((k,), (k,), 1.0) for k in range(3))
    ctx = CheckContext(source=src, target=tgt, alignment=beads, config=Config(model="fake:chars"))
    assert list(omission_in_bead(ctx)) == []


# --- quality estimation (--qe-model) ----------------------------------------------------------------------


def _qe_folder(tiny_model: Path, folder: Path, num_labels: int) -> Path:
    """The tiny model's tokenizer with a randomly initialised XLM-R sequence-classification head."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder.mkdir()
    shutil.copy(tiny_model / "sentencepiece.bpe.model", folder / "sentencepiece.bpe.model")
    base = transformers.AutoConfig.from_pretrained(str(tiny_model))
    fields = {k: v for k, v in base.to_dict().items() if k not in ("id2label", "label2id")}
    config = transformers.XLMRobertaConfig(**fields, num_labels=num_labels)
    torch.manual_seed(1)
    transformers.XLMRobertaForSequenceClassification(config).save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def tiny_qe(tiny_model, tmp_path_factory) -> Path:
    return _qe_folder(tiny_model, tmp_path_factory.mktemp("tiny-qe") / "model", 1)


def test_qe_model_scores_every_bead_through_the_cli(tiny_qe, pair_files, capsys):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    src, tgt = pair_files
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--presegmented",
                          "--qe-model", tiny_qe, "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0 and err == ""
    report = json.loads(out)
    validate_report(report, src.read_text(encoding="utf-8"), tgt.read_text(encoding="utf-8"))
    assert report["signature"].endswith(f"|qe:{tiny_qe}@unpinned")
    qe = report["scores"]["qe"]
    beads = [dict(b, qe=v) for b, v in zip(report["alignment"], qe["per_bead"], strict=True)]
    assert [b["qe"] is None for b in beads] == [not b["source"] or not b["target"] for b in beads]
    scored = [b["qe"] for b in beads if b["qe"] is not None]
    assert qe["model"] == f"{tiny_qe}@unpinned" and len(scored) == 6
    assert qe["min"] == min(scored) and qe["mean"] == round(sum(scored) / len(scored), 4)
    # Each bead's score is the model's output for (source sentences, target sentences) as a pair.
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(tiny_qe))
    model = transformers.AutoModelForSequenceClassification.from_pretrained(str(tiny_qe)).eval()
    for bead in beads:
        if bead["qe"] is None:
            continue
        s = " ".join(SRC[i] for i in bead["source"])
        t = " ".join(TGT[j] for j in bead["target"])
        with torch.inference_mode():
            expected = model(**tokenizer(s, t, return_tensors="pt")).logits[0, 0].item()
        assert bead["qe"] == pytest.approx(round(expected, 4), abs=2e-4)
    # The terminal report gives the mean, the minimum and the lowest beads.
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--presegmented",
                          "--qe-model", tiny_qe, "--fail-on", "never"], capsys)
    lowest = min((b["qe"], k) for k, b in enumerate(beads) if b["qe"] is not None)
    assert f"QE mean {qe['mean']:.3f}, min {qe['min']:.3f} ({tiny_qe}@unpinned); lowest: bead {lowest[1]} " in out
    # The HTML report shows each bead's score under its number, and the article's mean.
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--presegmented",
                          "--qe-model", tiny_qe, "--fail-on", "never", "--format", "html"], capsys)
    assert f'<small class="qe">QE {beads[0]["qe"]:.3f}</small>' in out
    assert out.count('<small class="qe">') == 6 and f"QE mean {qe['mean']:.3f}, min {qe['min']:.3f}" in out


def test_without_qe_model_reports_have_no_qe(pair_files, capsys):
    src, tgt = pair_files
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--format", "json",
                          "--fail-on", "never"], capsys)
    report = json.loads(out)
    assert report["scores"]["qe"] is None
    assert "|qe:" not in report["signature"]


def test_a_classifier_with_two_outputs_is_not_a_qe_model(tiny_model, pair_files, tmp_path, capsys):
    folder = _qe_folder(tiny_model, tmp_path / "two", 2)
    capsys.readouterr()  # transformers' own progress bar while saving the folder
    src, tgt = pair_files
    code, out, err = run(["check", src, tgt, "--src-lang", "en", "--tgt-lang", "de", "--qe-model", folder], capsys)
    assert code == 4 and out == ""
    assert err.strip().splitlines() == [err.strip()]
    assert "is not a QE model" in err and "num_labels = 1" in err and "this one has 2 outputs" in err


def test_missing_qe_model_exits_4_in_check_and_batch(pair_files, tmp_path, capsys):
    src, tgt = pair_files
    code, out, err = run(["check", src, tgt, "--qe-model", tmp_path / "no-such-qe"], capsys)
    assert code == 4 and out == "" and len(err.strip().splitlines()) == 1
    assert f"model folder '{tmp_path / 'no-such-qe'}' does not exist" in err
    # A batch stops before it reads any article (here: inputs that do not even exist).
    code, out, err = run(["batch", tmp_path / "no-such-folder", "--qe-model", tmp_path / "no-such-qe"], capsys)
    assert code == 4 and "no-such-qe' does not exist" in err and len(err.strip().splitlines()) == 1


def test_fake_qe_in_a_batch_with_the_models_options(pair_files, tmp_path, capsys):
    src, tgt = pair_files
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "a.src.txt")
    shutil.copy(tgt, folder / "a.mt.txt")
    (folder / "b.src.txt").write_text("The bank raised rates by 0.5 points.\n", encoding="utf-8")
    (folder / "b.mt.txt").write_text("Die Bank hob die Zinsen an.\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(["batch", folder, "-o", out_dir, "--src-lang", "en", "--tgt-lang", "de", "--quiet",
                          "--fail-on", "never", "--qe-model", "fake:qe", "--model", "fake:enc"], capsys)
    assert code == 0, err
    reports = [json.loads(line) for line in (out_dir / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(reports) == 2
    assert all(r["scores"]["qe"]["model"] == "fake:qe@unpinned" for r in reports)
    assert all("|model:fake:enc@unpinned|qe:fake:qe@unpinned" in r["signature"] for r in reports)
    # The fake QE keeps the share of source digits found in the translation: "0.5" is lost in b.
    b = reports[1]
    assert b["scores"]["qe"]["per_bead"] == [b["scores"]["qe"]["min"]] and len(b["alignment"]) == 1
    assert b["scores"]["qe"]["min"] < 0.5 < reports[0]["scores"]["qe"]["min"]


# --- word alignment feeds terminology drift ----------------------------------------------------------------

DRIFT_SRC = [
    "The central bank raised its key rate on Thursday.",
    "Economists had expected the central bank to wait until June.",
    "The central bank said inflation remained too high.",
    "Markets fell after the central bank announced the decision.",
    "The government welcomed the move.",
]
DRIFT_TGT = [
    "La banque centrale a relevé son taux directeur jeudi.",
    "Les économistes s'attendaient à ce que la banque centrale attende juin.",
    "La banque centrale a déclaré que l'inflation restait trop élevée.",
    "Les marchés ont chuté après l'annonce de l'institut d'émission.",
    "Le gouvernement a salué cette décision.",
]


def test_word_aligner_points_drift_at_a_rendering_the_lexical_signals_miss():
    from mtcheck.terms.drift import find_renderings

    cfg = Config(presegmented=True, src_lang="en", tgt_lang="fr")
    report = api.check_texts("\n".join(DRIFT_SRC), "\n".join(DRIFT_TGT), config=cfg)
    src, tgt = report.source, report.target
    # Without a model: "institut d'émission" shares no word, spelling or context with the dominant
    # rendering, and no drift is found.
    assert [t.variants for t in find_renderings(src, tgt, report.alignment)] == [[]]
    assert [i for i in report.issues if i.check == "terms.drift"] == []
    # A word aligner that links "central bank" in bead 3 to "institut d'émission".
    start = tgt.text.index("institut d'émission")
    asked = []

    def word_span(u, s, e):
        asked.append((u, src.text[s:e]))
        return (start, start + len("institut d'émission")) if u == 3 else None

    (term,) = find_renderings(src, tgt, report.alignment, word_span=word_span)
    assert asked == [(3, "central bank")]  # only where the term occurs without its dominant rendering
    assert term.dominant.text == "banque centrale"
    assert [(v.text, v.confidence, v.how, v.kind) for v in term.variants] == [
        ("institut d'émission", 0.55, "word alignment", "variant")]


def test_drift_check_asks_the_models_word_aligner(monkeypatch):
    import mtcheck.align.words as words

    calls = []
    real = words.align_bead_words

    def spy(source, target, bead, encoder, method="itermax"):
        calls.append(bead)
        wa = real(source, target, bead, encoder, method)
        if bead.source != (3,):
            return wa
        s = source.text.index("central bank", source.sentences[3].start)
        t = target.text.index("l'institut d'émission")
        # The source words of the term linked to the two words of the rendering.
        src_idx = [k for k, (a, b) in enumerate(wa.source_words) if s <= a < s + len("central bank")]
        tgt_idx = [k for k, (a, b) in enumerate(wa.target_words) if t <= a < t + len("l'institut d'émission")]
        assert len(src_idx) == 2 and len(tgt_idx) == 2
        return words.WordAlignment(wa.source_words, wa.target_words,
                                   tuple((a, b) for a in src_idx for b in tgt_idx[:1] + tgt_idx[-1:]),
                                   tuple(0.9 for _ in src_idx for _ in (0, 1)))

    monkeypatch.setattr(words, "align_bead_words", spy)
    cfg = Config(presegmented=True, src_lang="en", tgt_lang="fr", model="fake:chars", aligner="length",
                 disabled_checks=("meaning.omission", "meaning.mistranslation"))
    report = api.check_texts("\n".join(DRIFT_SRC), "\n".join(DRIFT_TGT), config=cfg)
    drift = [i for i in report.issues if i.check == "terms.drift"]
    text = report.target.text
    assert [(text[i.target_span.start:i.target_span.end], i.severity.value, i.suggestion, i.confidence)
            for i in drift] == [("institut d'émission", "minor", "banque centrale", 0.55)]
    assert [b.source for b in calls] == [(3,)]
