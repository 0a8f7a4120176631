"""``mtcheck batch``: outputs, gating exit codes, corrupt inputs, kill and resume, crash isolation, Dask.

Test hooks (environment variables read by ``mtcheck.batch``, for tests only):
- ``MTCHECK_TEST_DELAY=SECONDS``: each article's map step sleeps first (so a run can be killed mid-way);
- ``MTCHECK_TEST_CRASH=ID``: a pool worker dies (``os._exit``) when it reaches article ID;
- ``MTCHECK_TEST_KILL_AFTER=journal:N`` or ``reports:N``: the batch process kills itself with SIGKILL
  right after writing its N-th journal record or N-th report line (a kill at an exact point, no timing).
"""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.cli import main

from .contract import validate_report

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = (".journal.jsonl", "reports.jsonl", "summary.csv", "corpus.json", "dashboard.html")

# Short English news articles and their French machine translations. The desk renders "climate fund"
# as « fonds climatique »; d renders it « régime climatique »; e has a wrong number.
ARTICLES = {
    "a": ("The climate fund received new pledges on Monday. Ministers praised the climate fund.",
          "Le fonds climatique a reçu de nouvelles promesses lundi. Les ministres ont salué le fonds climatique."),
    "b": ("Donors met in Bonn. The climate fund will finance solar farms.",
          "Les donateurs se sont réunis à Bonn. Le fonds climatique financera des fermes solaires."),
    "c": ("The climate fund is short of cash, the report says.",
          "Le fonds climatique manque de liquidités, selon le rapport."),
    "d": ("Critics say the climate fund moves too slowly.",
          "Les critiques estiment que le régime climatique avance trop lentement."),
    "e": ("The city council approved 120 new buses on Tuesday. The buses will run from June.",
          "Le conseil municipal a approuvé mardi 12 nouveaux bus. Les bus circuleront à partir de juin."),
    "f": ("Rain is expected across the north on Friday. Temperatures will fall sharply.",
          "De la pluie est attendue dans tout le nord vendredi. Les températures vont fortement baisser."),
    "g": ("The museum reopened after two years of work. Visitors queued for hours.",
          "Le musée a rouvert après deux ans de travaux. Les visiteurs ont fait la queue pendant des heures."),
    "h": ("The climate fund will publish its accounts in May.",
          "Le fonds climatique publiera ses comptes en mai."),
}
REFERENCE_B = "Les donateurs se sont retrouvés à Bonn. Le fonds pour le climat financera des centrales solaires."


@pytest.fixture
def desk(tmp_path):
    d = tmp_path / "desk"
    d.mkdir()
    for name, (src, mt) in ARTICLES.items():
        (d / f"{name}.src.txt").write_text(src + "\n", encoding="utf-8")
        (d / f"{name}.mt.txt").write_text(mt + "\n", encoding="utf-8")
    (d / "b.ref.txt").write_text(REFERENCE_B + "\n", encoding="utf-8")
    return d


def run(args, capsys):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def lines(path):
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines()]


def files(folder):
    return {name: (Path(folder) / name).read_bytes() for name in OUTPUTS}


def cli(args, env=None, **kw):
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "mtcheck", "batch", *map(str, args)], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=300, **kw)


# ---------------------------------------------------------------- outputs

def test_folder_run_writes_every_output_in_input_order(desk, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, err = run(["batch", desk, "-o", out, "--fail-on", "never"], capsys)
    assert code == 0, err
    assert stdout == ""
    reports = lines(out / "reports.jsonl")
    assert [r["input"] for r in reports] == list(ARTICLES)
    for r in reports:
        src, mt = ARTICLES[r["input"]]
        validate_report(r, src + "\n", mt + "\n")
    batch_issues = {r["input"]: [(ARTICLES[r["input"]][1] + "\n")[i["target_span"]["start"]:i["target_span"]["end"]]
                                 for i in r["issues"] if i["check"] == "terms.batch"] for r in reports}
    assert batch_issues["d"] == ["régime climatique"]
    assert all(v == [] for k, v in batch_issues.items() if k != "d")
    assert reports[1]["scores"]["bleu"]["signature"].startswith("nrefs:1")
    summary = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    header = summary[0].split(",")
    assert header[:9] == ["input", "src_lang", "tgt_lang", "words", "score", "penalty", "pass", "gate", "issues"]
    assert {"critical", "major", "minor", "info", "accuracy/number", "bleu", "chrf", "ter"} <= set(header)
    rows = {row.split(",")[0]: dict(zip(header, row.split(","))) for row in summary[1:]}
    assert rows["e"]["accuracy/number"] == "1" and rows["e"]["major"] == "1"
    assert rows["b"]["bleu"] == str(reports[1]["scores"]["bleu"]["score"]) and rows["a"]["bleu"] == ""
    corpus = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    assert corpus["articles"] == 8 and corpus["checked"] == 8 and corpus["errors"] == 0
    assert corpus["reference_metrics"]["en-fr"]["articles"] == 1
    assert corpus["reference_metrics"]["en-fr"]["bleu"]["score"] == reports[1]["scores"]["bleu"]["score"]
    html = (out / "dashboard.html").read_text(encoding="utf-8")
    for part in ("MQM score distribution", "Worst articles", "Terms that drift most", "climate fund",
                 "régime climatique", "Issue categories", "accuracy/number", "nrefs:1|case:mixed"):
        assert part in html, part
    assert "<script" not in html and "http" not in html.split("</style>")[0]


def test_without_output_folder_reports_go_to_stdout(desk, capsys):
    code, stdout, err = run(["batch", desk, "--fail-on", "never"], capsys)
    assert code == 0, err
    assert [json.loads(x)["input"] for x in stdout.splitlines()] == list(ARTICLES)
    code, stdout, _ = run(["batch", desk, "--fail-on", "never", "--format", "csv"], capsys)
    assert stdout.splitlines()[0].startswith("input,src_lang") and len(stdout.splitlines()) == 9
    code, stdout, _ = run(["batch", desk, "--fail-on", "never", "--format", "html"], capsys)
    assert stdout.startswith("<!DOCTYPE html>")


def test_dashboard_escapes_user_strings(tmp_path, capsys):
    evil = "<script>alert(1)</script>"
    manifest = tmp_path / "m.jsonl"
    entries = [{"id": f"{evil}{k}", "source": s, "target": t} for k, (s, t) in enumerate(list(ARTICLES.values())[:4])]
    entries.append({"id": "x<b>", "source": "", "target": "y"})
    manifest.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n", encoding="utf-8")
    code, stdout, _ = run(["batch", manifest, "--fail-on", "never", "--format", "html"], capsys)
    assert code == 0
    assert "<script" not in stdout and "&lt;script&gt;alert(1)&lt;/script&gt;0" in stdout
    assert "x&lt;b&gt;" in stdout


# ---------------------------------------------------------------- gating

def test_gate_exit_codes_and_summary_line(desk, tmp_path, capsys):
    code, _, err = run(["batch", desk, "-o", tmp_path / "o1"], capsys)
    assert code == 1
    assert err.count("\n") == 1
    assert "2 of 8 articles failed the gate (an issue at or above major): d, e" in err
    code, _, err = run(["batch", desk, "-o", tmp_path / "o2", "--fail-on", "critical"], capsys)
    assert code == 0 and err == ""
    code, _, err = run(["batch", desk, "-o", tmp_path / "o3", "--fail-on", "never", "--min-score", "95"], capsys)
    assert code == 1 and "an MQM score below 95" in err and ": d, e" in err
    summary = (tmp_path / "o3" / "summary.csv").read_text(encoding="utf-8")
    assert ",fail," in summary.splitlines()[5] and ",pass," in summary.splitlines()[1]
    code, _, err = run(["batch", desk, "-o", tmp_path / "o4", "--fail-on", "never", "--min-score", "0"], capsys)
    assert code == 0


def test_usage_errors_exit_2(desk, tmp_path, capsys, monkeypatch):
    code, _, err = run(["batch", desk, "--resume"], capsys)
    assert code == 2 and "--resume needs -o" in err
    code, _, err = run(["batch", desk, "--format", "xml"], capsys)
    assert code == 2 and "--format" in err
    code, _, err = run(["batch", desk, "--scheduler", "tcp://127.0.0.1:1"], capsys)
    assert code == 2 and "--engine dask" in err
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if Dask were not installed
    code, _, err = run(["batch", desk, "--engine", "dask"], capsys)
    assert code == 2 and 'pip install "mtcheck[dask]"' in err and err.count("\n") == 1


def test_no_article_checked_exits_3(tmp_path, capsys):
    (tmp_path / "x.src.txt").write_bytes(b"")
    (tmp_path / "x.mt.txt").write_text("Bonjour.", encoding="utf-8")
    code, stdout, err = run(["batch", tmp_path / "x.src.txt", tmp_path / "nowhere"], capsys)
    assert code == 3 and err.startswith("mtcheck: error: no article could be checked (2 inputs)")
    assert [json.loads(x)["error"]["kind"] for x in stdout.splitlines()] == ["usage", "input"]


# ---------------------------------------------------------------- corrupt inputs

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.txt" source-language="en" target-language="fr" datatype="plaintext"><body>
<trans-unit id="1"><source>The minister spoke on Monday.</source><target>Le ministre a parlé lundi.</target></trans-unit>
<trans-unit id="2"><source>Prices rose 4.5% in March.</source><target>Les prix ont augmenté de 4,5 % en mars.</target></trans-unit>
</body></file></xliff>"""


def test_corrupt_inputs_get_error_records_and_the_rest_goes_on(desk, tmp_path, capsys):
    (desk / "b1-binary.src.txt").write_text("The port reopened.", encoding="utf-8")
    (desk / "b1-binary.mt.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (desk / "b2-empty.src.txt").write_bytes(b"")
    (desk / "b2-empty.mt.txt").write_text("Le port a rouvert.", encoding="utf-8")
    (desk / "b3-undecodable.src.txt").write_text("The port reopened.", encoding="utf-8")
    (desk / "b3-undecodable.mt.txt").write_bytes(b"\xef\xbb\xbfLe port \xff\xfe a rouvert.")
    (desk / "b4-malformed.xlf").write_text(XLIFF.replace("</body>", ""), encoding="utf-8")
    (desk / "b5-good.xlf").write_text(XLIFF, encoding="utf-8")
    manifest = tmp_path / "more.jsonl"
    manifest.write_text(json.dumps({"id": "m1", "source": ARTICLES["g"][0], "target": ARTICLES["g"][1]}) + "\n"
                        + "{oops\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(["batch", desk, manifest, tmp_path / "missing", "-o", out, "--jobs", "2"], capsys)
    assert code == 1
    assert err.count("\n") == 1 and "failed the gate (an issue at or above major): d, e; " in err
    assert f"6 could not be checked: b1-binary, b2-empty, b3-undecodable, b4-malformed.xlf, more:2, {tmp_path / 'missing'}" in err
    reports = lines(out / "reports.jsonl")
    order = ["a", "b", "b1-binary", "b2-empty", "b3-undecodable", "b4-malformed.xlf", "b5-good.xlf", "c", "d", "e",
             "f", "g", "h", "m1", "more:2", str(tmp_path / "missing")]
    assert [r["input"] for r in reports] == order
    kinds = {r["input"]: r["error"]["kind"] for r in reports if "error" in r}
    assert kinds == {"b1-binary": "binary", "b2-empty": "empty", "b3-undecodable": "undecodable",
                     "b4-malformed.xlf": "malformed", "more:2": "malformed", str(tmp_path / "missing"): "input"}
    for r in reports:
        if "error" in r:
            assert set(r) == {"input", "error"} and set(r["error"]) == {"kind", "message"}
        else:
            assert r["schema_version"] == 1 and r["scores"]["mqm"]["words"] > 0
    good_xliff = next(r for r in reports if r["input"] == "b5-good.xlf")
    assert len(good_xliff["alignment"]) == 2
    summary = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert len(summary) == 1 + len(order) and summary[3].startswith("b1-binary,") and ",binary," in summary[3]
    assert json.loads((out / "corpus.json").read_text())["errors"] == 6


# ---------------------------------------------------------------- kill and resume

def test_kill_mid_run_then_resume_gives_the_same_files(desk, tmp_path, capsys):
    reference_out = tmp_path / "whole"
    code, _, whole_err = run(["batch", desk, "-o", reference_out, "--term-block", "3"], capsys)
    assert code == 1
    expected = files(reference_out)
    out = tmp_path / "killed"
    # Killed right after the third journal record: nothing final yet but the first block.
    proc = cli([desk, "-o", out, "--term-block", "3"], env={"MTCHECK_TEST_KILL_AFTER": "journal:3"})
    assert proc.returncode == -signal.SIGKILL
    assert len((out / ".journal.jsonl").read_text(encoding="utf-8").splitlines()) == 4  # header + 3
    assert not (out / "summary.csv").exists()
    proc = cli([desk, "-o", out, "--term-block", "3", "--resume"])
    assert proc.returncode == 1, proc.stderr
    assert files(out) == expected
    assert proc.stderr == whole_err == "mtcheck: 1 of 8 articles failed the gate (an issue at or above major): e\n"


def test_kill_in_the_middle_of_a_block_and_torn_lines(desk, tmp_path, capsys):
    reference_out = tmp_path / "whole"
    run(["batch", desk, "-o", reference_out, "--term-block", "3", "--fail-on", "never"], capsys)
    expected = files(reference_out)
    out = tmp_path / "killed"
    # Killed after the fifth report line: the second block (articles 4-6) is half written.
    proc = cli([desk, "-o", out, "--term-block", "3", "--fail-on", "never"], env={"MTCHECK_TEST_KILL_AFTER": "reports:5"})
    assert proc.returncode == -signal.SIGKILL
    assert len(lines(out / "reports.jsonl")) == 5
    # A kill while writing leaves torn lines: resuming drops them.
    with (out / "reports.jsonl").open("ab") as fh:
        fh.write(b'{"input": "f", "schema_ver')
    with (out / ".journal.jsonl").open("ab") as fh:
        fh.write('{"index": 8, "id": "g", "report": {"signature": "mtch'.encode())
    code, _, err = run(["batch", desk, "-o", out, "--term-block", "3", "--fail-on", "never", "--resume"], capsys)
    assert code == 0, err
    assert files(out) == expected
    # Resuming a finished run changes nothing.
    code, _, _ = run(["batch", desk, "-o", out, "--term-block", "3", "--fail-on", "never", "--resume"], capsys)
    assert code == 0 and files(out) == expected


def test_kill_from_outside_while_workers_run_then_resume(desk, tmp_path, capsys):
    reference_out = tmp_path / "whole"
    run(["batch", desk, "-o", reference_out, "--fail-on", "never"], capsys)
    expected = files(reference_out)
    out = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(REPO), "MTCHECK_TEST_DELAY": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mtcheck", "batch", str(desk), "-o", str(out), "--jobs", "2",
                             "--fail-on", "never"], cwd=REPO, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / ".journal.jsonl"
    try:
        # Wait for two records (whenever they come), then kill the whole process group.
        while proc.poll() is None and not (journal.exists() and journal.read_bytes().count(b"\n") >= 3):
            try:
                proc.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                pass
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    code, _, err = run(["batch", desk, "-o", out, "--fail-on", "never", "--resume", "--jobs", "2"], capsys)
    assert code == 0, err
    assert files(out) == expected


def test_resume_refuses_other_inputs_or_settings(desk, tmp_path, capsys):
    out = tmp_path / "out"
    run(["batch", desk, "-o", out, "--fail-on", "never"], capsys)
    (desk / "a.src.txt").rename(desk / "aa.src.txt")
    (desk / "a.mt.txt").rename(desk / "aa.mt.txt")
    code, _, err = run(["batch", desk, "-o", out, "--fail-on", "never", "--resume"], capsys)
    assert code == 2 and "other inputs" in err
    code, _, err = run(["batch", desk, "-o", out, "--fail-on", "major", "--resume"], capsys)
    assert code == 2 and "other settings" in err


# ---------------------------------------------------------------- workers that die, Dask

def test_a_worker_dying_on_one_article_spares_the_others(desk, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MTCHECK_TEST_CRASH", "c")
    out = tmp_path / "out"
    code, _, err = run(["batch", desk, "-o", out, "--jobs", "2", "--fail-on", "never"], capsys)
    assert code == 0, err
    reports = lines(out / "reports.jsonl")
    assert [r["input"] for r in reports] == list(ARTICLES)
    assert [r["input"] for r in reports if "error" in r] == ["c"]
    assert reports[2]["error"]["kind"] == "crash"


def test_dask_engine_on_a_local_cluster_gives_the_same_files(desk, tmp_path, capsys):
    distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'mtcheck[dask]'")
    local = tmp_path / "local"
    run(["batch", desk, "-o", local, "--term-block", "3"], capsys)
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        code, _, err = run(["batch", desk, "-o", out, "--term-block", "3", "--engine", "dask",
                            "--scheduler", cluster.scheduler_address], capsys)
    assert code == 1
    assert err.endswith("(an issue at or above major): e\n")
    assert files(out) == files(local)


def test_resume_with_more_inputs_equals_a_run_over_all_of_them(tmp_path, capsys):
    # Blocks of 4: the first run's last, partial block is [b, d] (too small for a term memory); with c
    # and h appended it becomes [b, d, c, h], where d breaks the usage of b, c and h. Resuming must redo
    # the lines of that block, not keep the ones the first run wrote.
    order = ["e", "f", "g", "a", "b", "d", "c", "h"]
    manifest = tmp_path / "m.jsonl"

    def write(names):
        manifest.write_text("".join(json.dumps({"id": n, "source": ARTICLES[n][0], "target": ARTICLES[n][1]},
                                               ensure_ascii=False) + "\n" for n in names), encoding="utf-8")

    write(order)
    whole = tmp_path / "whole"
    run(["batch", manifest, "-o", whole, "--term-block", "4", "--fail-on", "never"], capsys)
    assert [i["check"] for i in lines(whole / "reports.jsonl")[5]["issues"]] == ["terms.batch"]
    write(order[:6])
    out = tmp_path / "grown"
    code, _, _ = run(["batch", manifest, "-o", out, "--term-block", "4", "--fail-on", "never"], capsys)
    assert code == 0 and lines(out / "reports.jsonl")[5]["issues"] == []
    write(order)
    code, _, err = run(["batch", manifest, "-o", out, "--term-block", "4", "--fail-on", "never", "--resume"], capsys)
    assert code == 0, err
    assert files(out) == files(whole)


def test_batch_flags_boilerplate_translated_otherwise_than_the_rest_of_the_batch(tmp_path, capsys):
    dateline = "新华社北京7月26日电（记者 李明）"
    usual = "Xinhua News Agency, Beijing, July 26 (Reporter Li Ming)"
    odd = "Beijing, July 26 (Xinhua) -- reporter Li Ming"
    bodies = [("会议在北京举行。", "The meeting was held in Beijing."), ("天气炎热。", "The weather is hot."),
              ("洪水退去。", "The flood receded.")]
    folder = tmp_path / "desk"
    folder.mkdir()
    for k, ((zh, en), head) in enumerate(zip(bodies, (usual, usual, odd))):
        (folder / f"a{k}.src.txt").write_text(f"{dateline}\n\n{zh}\n", encoding="utf-8")
        (folder / f"a{k}.mt.txt").write_text(f"{head}\n\n{en}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--quiet", "--src-lang", "zh", "--tgt-lang", "en",
                 "--fail-on", "never"]) == 0
    reports = [json.loads(x) for x in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    found = [(r["input"], i["severity"], i["suggestion"]) for r in reports for i in r["issues"]
             if i["check"] == "consistency.batch"]
    assert found == [("a2", "minor", usual)]
    # Off with the rest of the block analysis, and by the check selectors.
    for extra in (["--term-block", "0"], ["--config", str(tmp_path / "off.toml")]):
        (tmp_path / "off.toml").write_text('[checks]\ndisable = ["consistency.batch"]\n', encoding="utf-8")
        out2 = tmp_path / f"out{len(extra[0])}"
        assert main(["batch", str(folder), "-o", str(out2), "--quiet", "--src-lang", "zh", "--tgt-lang", "en",
                     "--fail-on", "never", *extra]) == 0
        lines = (out2 / "reports.jsonl").read_text(encoding="utf-8")
        assert "consistency.batch" not in lines.replace('"checks:', "")
