"""Configuration from TOML: weights, threshold, disabled checks; bad files are usage errors."""
import json

import pytest

from mtcheck.cli import main
from mtcheck.config import Config, load_config
from mtcheck.errors import ConfigError

SRC = "The minister met 120 reporters in Paris on Monday.\n"
TGT = "Le ministre a rencontré 12 journalistes à Paris lundi.\n"


def test_load_config_merges_weights(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_text('mqm_threshold = 85\ndisabled_checks = ["casing.lost"]\n[weights]\nmajor = 4\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.mqm_threshold == 85 and cfg.disabled_checks == ("casing.lost",)
    assert cfg.weight("major") == 4.0 and cfg.weight("minor") == 1.0 and cfg.weight("critical") == 25.0
    assert cfg.hash() != Config().hash()


@pytest.mark.parametrize("content,words", [("bogus = 1\n", "unknown configuration keys: bogus"),
                                           ("mqm_threshold = [\n", "cannot read configuration")])
def test_bad_config_is_a_usage_error(tmp_path, capsys, content, words):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        load_config(path)
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text(SRC, encoding="utf-8")
    tgt.write_text(TGT, encoding="utf-8")
    assert main(["check", str(src), str(tgt), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err


def test_config_changes_the_score_and_the_checks(tmp_path, capsys):
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text(SRC, encoding="utf-8")
    tgt.write_text(TGT, encoding="utf-8")
    main(["check", str(src), str(tgt), "--format", "json"])
    default = json.loads(capsys.readouterr().out)
    assert default["scores"]["mqm"] == {"penalty": 5.0, "words": 9, "score": 44.44, "pass": False}
    path = tmp_path / "mtcheck.toml"
    path.write_text("mqm_threshold = 40\n[weights]\nmajor = 2\n", encoding="utf-8")
    main(["check", str(src), str(tgt), "--format", "json", "--config", str(path)])
    custom = json.loads(capsys.readouterr().out)
    assert custom["scores"]["mqm"] == {"penalty": 2.0, "words": 9, "score": 77.78, "pass": True}
    path.write_text('disabled_checks = ["numbers.mismatch"]\n', encoding="utf-8")
    assert main(["check", str(src), str(tgt), "--format", "json", "--config", str(path)]) == 0
    off = json.loads(capsys.readouterr().out)
    assert off["issues"] == [] and "numbers.mismatch" not in off["signature"]


# ---------------------------------------------------------------- issue 4: selectors, severities, rules

from mtcheck.api import check_texts  # noqa: E402
from mtcheck.checks import REGISTRY, register  # noqa: E402
from mtcheck.checks.registry import enabled_checks, is_enabled  # noqa: E402
from mtcheck.config import Rule  # noqa: E402
from mtcheck.types import Category  # noqa: E402

from .contract import validate_report  # noqa: E402
from .test_batch import batch_files  # noqa: E402,F401 (a fixture)

SRC2 = "The minister met 120 reporters in Paris on Monday. COVID-19 cases rose in Paris.\n"
TGT2 = "Le ministre a rencontré 12 journalistes à Paris lundi. Les cas de covid-19 ont augmenté à Paris.\n"


def _pair(tmp_path, src=SRC, tgt=TGT, name="a"):
    s, t = tmp_path / f"{name}.en.txt", tmp_path / f"{name}.fr.txt"
    s.write_text(src, encoding="utf-8")
    t.write_text(tgt, encoding="utf-8")
    return str(s), str(t)


def _json(args, capsys):
    code = main(["check", *map(str, args), "--format", "json"])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out else None), captured.err


def test_selectors_by_id_family_and_category(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_text('[checks]\ndisable = ["casing", "fluency/punctuation", "accuracy"]\n'
                    'enable = ["casing.lost", "accuracy/number"]\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.disabled_checks == ("casing", "fluency/punctuation", "accuracy")
    assert cfg.enabled_checks == ("casing.lost", "accuracy/number")
    on = {c.id for c in enabled_checks(cfg)}
    # casing.lost: the id (enable) beats the family (disable); numbers.mismatch: accuracy/number beats
    # accuracy; the alignment and untranslated checks are accuracy/*, so off; noise is other/noise, on.
    assert {"casing.lost", "numbers.mismatch", "noise.debris", "terms.drift", "terms.glossary"} <= on
    assert not on & {"punctuation.stray_break", "align.omission", "align.addition", "untranslated.sentence",
                     "meaning.mistranslation", "custom.rules"}
    assert is_enabled(REGISTRY["casing.lost"], Config(disabled_checks=("*",), enabled_checks=("casing",)))
    assert not is_enabled(REGISTRY["numbers.mismatch"], Config(disabled_checks=("*",), enabled_checks=("casing",)))


@pytest.mark.parametrize("content,words", [
    ('[checks]\ndisable = ["casng"]\n', "'casng' names no check, check family or category (see mtcheck checks)"),
    ('[checks]\ndisable = ["casing"]\nenable = ["casing"]\n', "checks both enabled and disabled: casing"),
    ('[checks.severity]\n"numbers.mismatch" = "huge"\n',
     "[checks.severity] numbers.mismatch: severity must be one of critical, major, minor, info, not 'huge'"),
    ('[checks]\nturn_off = ["casing"]\n', "unknown keys in [checks]: turn_off"),
    ('[[rules]]\nname = "r1"\nsource = "(unclosed"\nrequired = "x"\n',
     "rule 'r1': bad regular expression in 'source' (missing ), unterminated subpattern at position 0): '(unclosed'"),
    ('[[rules]]\nname = "r2"\nsource = "a"\nrequired = "x"\nforbidden = "y"\n',
     "rule 'r2': give exactly one of 'required' or 'forbidden'"),
    ('[[rules]]\nname = "r3"\nrequired = "x"\n', "rule 'r3': a 'required' target pattern needs a 'source' pattern"),
    ('[[rules]]\nname = "r4"\nforbidden = "x"\ncategory = "style/odd"\n',
     "rule 'r4': 'style/odd' is not a category of the issue taxonomy"),
    ('[[rules]]\nname = "r5"\nforbidden = "x"\ncolour = "red"\n', "rule 'r5': unknown keys colour"),
    ('[[rules]]\nforbidden = "x"\n', "rule #1 has no 'name'"),
])
def test_bad_check_settings_and_rules_are_config_errors(tmp_path, capsys, content, words):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}: {words}"
    src, tgt = _pair(tmp_path)
    assert main(["check", src, tgt, "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"mtcheck: usage error: {path}: {words}\n"


def test_severity_override_changes_score_and_gate(tmp_path, capsys):
    src, tgt = _pair(tmp_path)
    path = tmp_path / "c.toml"
    path.write_text('[checks.severity]\n"accuracy/number" = "minor"\n', encoding="utf-8")
    code, rep, _ = _json([src, tgt, "--config", path], capsys)
    assert code == 0  # the only issue is now minor, below --fail-on major
    assert [(i["check"], i["severity"]) for i in rep["issues"]] == [("numbers.mismatch", "minor")]
    assert rep["scores"]["mqm"]["penalty"] == 1.0
    path.write_text('[checks.severity]\n"accuracy" = "minor"\n"numbers.mismatch" = "critical"\n', encoding="utf-8")
    code, rep, _ = _json([src, tgt, "--config", path], capsys)
    assert code == 1 and [i["severity"] for i in rep["issues"]] == ["critical"]  # the id is more specific
    assert rep["scores"]["mqm"]["penalty"] == 25.0


RULES_TOML = '''
[[rules]]
name = "covid-caps"
source = 'COVID-19'
forbidden = 'covid-19'
severity = "minor"
category = "fluency/capitalization"
message = "write COVID-19 in capitals"
suggestion = "COVID-19"

[[rules]]
name = "paris-kept"
source = 'Paris'
required = 'Paris'

[[rules]]
name = "monday"
source = '(?i)monday'
required = 'lundi'
severity = "critical"

[[rules]]
name = "no-journalists"
forbidden = 'JOURNALISTES'
ignore_case = true
category = "terminology/glossary"
'''


def test_custom_rules_give_exact_spans(tmp_path, capsys):
    src, tgt = _pair(tmp_path, SRC2, TGT2)
    path = tmp_path / "rules.toml"
    path.write_text(RULES_TOML, encoding="utf-8")
    code, rep, err = _json([src, tgt, "--config", path], capsys)
    assert code == 1 and err == ""
    validate_report(rep, SRC2, TGT2)
    custom = [i for i in rep["issues"] if i["check"] == "custom.rules"]
    got = [(i["message"], i["severity"], i["category"], TGT2[i["target_span"]["start"]:i["target_span"]["end"]],
            SRC2[i["source_span"]["start"]:i["source_span"]["end"]] if i["source_span"] else None, i["suggestion"])
           for i in custom]
    assert got == [
        ("rule no-journalists: 'journalistes' is forbidden", "major", "terminology/glossary", "journalistes", None, None),
        ("rule covid-caps: write COVID-19 in capitals", "minor", "fluency/capitalization", "covid-19", "COVID-19",
         "COVID-19"),
    ]
    assert "custom.rules@1" in rep["signature"]
    # A required rendering missing: "Paris" twice in the source sentence, once in the target.
    tgt3 = TGT2.replace("à Paris.", "dans la capitale.").replace("lundi", "mardi")
    src_p, tgt_p = _pair(tmp_path, SRC2.replace("rose in Paris", "rose in Paris and Paris"), tgt3, name="b")
    code, rep, _ = _json([src_p, tgt_p, "--config", path], capsys)
    source_text = SRC2.replace("rose in Paris", "rose in Paris and Paris")
    got = {(i["message"], i["severity"], source_text[i["source_span"]["start"]:i["source_span"]["end"]],
            i["source_span"]["start"], tgt3[i["target_span"]["start"]:i["target_span"]["end"]])
           for i in rep["issues"] if i["check"] == "custom.rules" and "needs" in i["message"]}
    assert got == {
        ("rule monday: 'Monday' in the source needs /lundi/ in the target", "critical", "Monday", 43,
         "Le ministre a rencontré 12 journalistes à Paris mardi."),
        ("rule paris-kept: 'Paris' in the source needs /Paris/ in the target (2 in the source, 0 in the target)",
         "major", "Paris", 74, "Les cas de covid-19 ont augmenté dans la capitale."),
    }


def test_rules_can_be_given_from_python_and_compile_once():
    rule = Rule(name="eu", source=r"\bEU\b", required=r"\b(UE|Union européenne)\b")
    assert rule.compiled("source") is rule.compiled("source")
    cfg = Config(rules=(rule,), disabled_checks=("*",), enabled_checks=("custom",))
    rep = check_texts("The EU agreed. The EU paid.", "L'UE a accepté. L'Europe a payé.", src_lang="en",
                      tgt_lang="fr", config=cfg)
    assert [(i.message, rep.target.text[i.target_span.start:i.target_span.end]) for i in rep.issues] == [
        ("rule eu: 'EU' in the source needs /\\b(UE|Union européenne)\\b/ in the target", "L'Europe a payé.")]
    with pytest.raises(ConfigError, match="rule 'x': bad regular expression in 'forbidden'"):
        Rule(name="x", forbidden="[")


def test_mtcheck_toml_in_the_working_directory_is_read(tmp_path, capsys, monkeypatch):
    src, tgt = _pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, rep, _ = _json([src, tgt], capsys)
    assert code == 1 and len(rep["issues"]) == 1
    (tmp_path / "mtcheck.toml").write_text('[checks]\ndisable = ["numbers"]\n', encoding="utf-8")
    code, rep, _ = _json([src, tgt], capsys)
    assert code == 0 and rep["issues"] == [] and "numbers.mismatch" not in rep["signature"]
    other = tmp_path / "other.toml"
    other.write_text("mqm_threshold = 50\n", encoding="utf-8")
    code, rep, _ = _json([src, tgt, "--config", other], capsys)  # --config wins over ./mtcheck.toml
    assert code == 1 and [i["check"] for i in rep["issues"]] == ["numbers.mismatch"]


# ---------------------------------------------------------------- suppression

def test_fingerprint_survives_edits_elsewhere_and_other_articles(tmp_path, capsys):
    src, tgt = _pair(tmp_path)
    _, rep, _ = _json([src, tgt], capsys)
    (issue,) = rep["issues"]
    (fp,) = rep["fingerprints"]
    assert len(fp) == 16 and int(fp, 16) >= 0
    # Another article: a sentence before it moves every offset; the flagged text is the same.
    src2, tgt2 = _pair(tmp_path, "Rain fell all day. " + SRC, "Il a plu toute la journée. " + TGT, name="b")
    _, rep2, _ = _json([src2, tgt2], capsys)
    (issue2,) = rep2["issues"]
    assert issue2["target_span"] != issue["target_span"] and rep2["fingerprints"] == [fp]
    # A different flagged number is a different issue.
    src3, tgt3 = _pair(tmp_path, SRC, TGT.replace("12 ", "13 "), name="c")
    _, rep3, _ = _json([src3, tgt3], capsys)
    assert rep3["fingerprints"][0] != fp


def test_ignore_then_suppressed_in_later_runs_until_removed(tmp_path, capsys):
    src, tgt = _pair(tmp_path)
    ignore = tmp_path / "ignore.json"
    report = tmp_path / "r.json"
    assert main(["check", src, tgt, "--format", "json", "-o", str(report)]) == 1
    fp = json.loads(report.read_text(encoding="utf-8"))["fingerprints"][0]
    assert main(["ignore", str(report), "--issue", "1", "--suppress", str(ignore)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"added 1 entry to {ignore} (0 already there)")
    saved = json.loads(ignore.read_text(encoding="utf-8"))
    assert saved["mtcheck_ignore"] == 1
    (entry,) = saved["ignored"]
    assert {k: entry[k] for k in ("check", "fingerprint", "text", "source", "message")} == {
        "check": "numbers.mismatch", "fingerprint": fp, "text": "12", "source": "120",
        "message": "Source has 120; the translation has 12"}
    assert main(["ignore", str(report), "--fingerprint", fp[:8], "--suppress", str(ignore)]) == 0
    assert "added 0 entries" in capsys.readouterr().out
    # Later runs, of this article and of another one with the same flagged text: nothing left to gate.
    src2, tgt2 = _pair(tmp_path, "Rain fell all day. " + SRC, "Il a plu toute la journée. " + TGT, name="b")
    for s, t in ((src, tgt), (src2, tgt2)):
        code, rep, _ = _json([s, t, "--suppress", ignore], capsys)
        assert code == 0 and rep["issues"] == []
        assert rep["suppressed"] == [{"check": "numbers.mismatch", "severity": "major", "fingerprint": fp}]
        assert rep["scores"]["mqm"]["penalty"] == 0.0 and rep["scores"]["mqm"]["pass"] is True
        assert "|suppress:" in rep["signature"]
    code = main(["check", src, tgt, "--suppress", str(ignore)])
    assert code == 0 and "1 issue suppressed by the ignore list" in capsys.readouterr().out
    # Removed: the issue is back.
    assert main(["ignore", "--remove", fp[:10], "--suppress", str(ignore)]) == 0
    assert capsys.readouterr().out == f"removed 1 entry from {ignore}\n"
    code, rep, _ = _json([src, tgt, "--suppress", ignore], capsys)
    assert code == 1 and len(rep["issues"]) == 1 and rep["suppressed"] == []


def test_suppress_from_config_relative_to_it_and_review_app_lists(tmp_path, capsys):
    src, tgt = _pair(tmp_path)
    conf_dir = tmp_path / "project"
    conf_dir.mkdir()
    (conf_dir / "mtcheck.toml").write_text('suppress = "lists/ignore.json"\n', encoding="utf-8")
    (conf_dir / "lists").mkdir()
    # The review app's download: entries of check id and flagged text, no fingerprint.
    (conf_dir / "lists" / "ignore.json").write_text(
        json.dumps({"mtcheck_ignore": 1, "ignored": [{"check": "numbers.mismatch", "text": "12"}]}), encoding="utf-8")
    code, rep, _ = _json([src, tgt, "--config", conf_dir / "mtcheck.toml"], capsys)
    assert code == 0 and rep["issues"] == [] and len(rep["suppressed"]) == 1
    # `mtcheck ignore` adds to the configuration's list.
    report = tmp_path / "r.json"
    main(["check", src, tgt, "--format", "json", "-o", str(report), "--fail-on", "never"])
    assert main(["ignore", str(report), "--issue", "1", "--config", str(conf_dir / "mtcheck.toml")]) == 0
    assert f"to {conf_dir / 'lists' / 'ignore.json'}" in capsys.readouterr().out


@pytest.mark.parametrize("content,words", [
    ("{not json", "cannot read the ignore list"),
    ('{"ignored": {}}', "not an mtcheck ignore list (no 'ignored' list)"),
    ('{"ignored": [{"check": "x", "fingerprint": "XYZ"}]}', "ignored entry 1: 'fingerprint' must be 16 hex digits"),
    ('{"ignored": [{"fingerprint": "0123456789abcdef"}]}', "ignored entry 1 has no 'check'"),
])
def test_bad_ignore_list_is_a_config_error(tmp_path, capsys, content, words):
    src, tgt = _pair(tmp_path)
    bad = tmp_path / "ignore.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["check", src, tgt, "--suppress", str(bad)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith(f"mtcheck: usage error: {bad}: {words}")


@pytest.mark.parametrize("args,words", [
    (["ignore"], "give a REPORT and --issue N or --fingerprint FP (or --remove FP)"),
    (["ignore", "REPORT", "--issue", "2"], "--issue 2: {report} has 1 issue (numbered from 1)"),
    (["ignore", "REPORT", "--fingerprint", "ffffffffff"], "no issue with fingerprint 'ffffffffff' in {report}"),
    (["ignore", "REPORT", "--fingerprint", "abc"], "--fingerprint needs at least 6 hex digits, not 'abc'"),
])
def test_ignore_usage_errors(tmp_path, capsys, args, words):
    src, tgt = _pair(tmp_path)
    report = tmp_path / "r.json"
    main(["check", src, tgt, "--format", "json", "-o", str(report)])
    args = [str(report) if a == "REPORT" else a for a in args]
    assert main([*args, "--suppress", str(tmp_path / "i.json")]) == 2
    err = capsys.readouterr().err
    assert err == f"mtcheck: usage error: {words.format(report=report)}\n"
    assert not (tmp_path / "i.json").exists()


def test_ignore_from_batch_reports_and_batch_suppression(tmp_path, capsys):
    desk = tmp_path / "desk"
    desk.mkdir()
    for name, (s, t) in {"a": (SRC, TGT), "b": ("Rain fell all day. " + SRC, "Il a plu toute la journée. " + TGT)}.items():
        (desk / f"{name}.src.txt").write_text(s, encoding="utf-8")
        (desk / f"{name}.mt.txt").write_text(t, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(desk), "-o", str(out), "--quiet", "--src-lang", "en", "--tgt-lang", "fr"]) == 1
    capsys.readouterr()
    lines = [json.loads(x) for x in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    fps = {fp for r in lines for fp in r["fingerprints"]}
    assert len(fps) == 1  # the same issue in both articles
    ignore = tmp_path / "ignore.json"
    assert main(["ignore", str(out / "reports.jsonl"), "--issue", "1", "--suppress", str(ignore)]) == 2
    assert "use --fingerprint" in capsys.readouterr().err
    assert main(["ignore", str(out / "reports.jsonl"), "--fingerprint", fps.pop(), "--suppress", str(ignore)]) == 0
    out2 = tmp_path / "out2"
    assert main(["batch", str(desk), "-o", str(out2), "--quiet", "--src-lang", "en", "--tgt-lang", "fr",
                 "--suppress", str(ignore)]) == 0
    lines = [json.loads(x) for x in (out2 / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["input"], r["issues"], len(r["suppressed"])) for r in lines] == [("a", [], 1), ("b", [], 1)]


# ---------------------------------------------------------------- check errors never stop a run

@pytest.fixture
def crashing_check():
    @register("zz.crash", Category.OTHER_NOISE, order=99)
    def _crash(ctx):
        """A check that always crashes (tests only)."""
        raise RuntimeError("boom")

    yield "zz.crash"
    del REGISTRY["zz.crash"]


def test_crashing_check_is_recorded_and_strict_stops(tmp_path, capsys, crashing_check):
    src, tgt = _pair(tmp_path)
    code, rep, err = _json([src, tgt], capsys)
    assert code == 1 and err == ""
    assert rep["check_errors"] == [{"check": "zz.crash", "message": "RuntimeError: boom"}]
    assert [i["check"] for i in rep["issues"]] == ["numbers.mismatch"]  # the other checks ran
    assert main(["check", src, tgt, "--strict", "--fail-on", "never"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"mtcheck: error: {tgt}: check zz.crash crashed: RuntimeError: boom\n"
    path = tmp_path / "s.toml"
    path.write_text("strict = true\n", encoding="utf-8")
    assert main(["check", src, tgt, "--config", str(path), "--fail-on", "never"]) == 1
    assert "check zz.crash crashed" in capsys.readouterr().err


def test_crashing_check_in_batch(tmp_path, capsys, crashing_check):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.src.txt").write_text(SRC, encoding="utf-8")
    (desk / "a.mt.txt").write_text(TGT, encoding="utf-8")
    out = tmp_path / "out"
    main(["batch", str(desk), "-o", str(out), "--quiet", "--fail-on", "never"])
    (rec,) = [json.loads(x) for x in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["check_errors"] == [{"check": "zz.crash", "message": "RuntimeError: boom"}]
    assert [i["check"] for i in rec["issues"]] == ["numbers.mismatch"]
    out2 = tmp_path / "out2"
    main(["batch", str(desk), "-o", str(out2), "--quiet", "--fail-on", "never", "--strict"])
    capsys.readouterr()
    (rec,) = [json.loads(x) for x in (out2 / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["input"] == "a" and rec["error"]["kind"] == "check"
    assert rec["error"]["message"].endswith("check zz.crash crashed: RuntimeError: boom")


def test_selectors_and_severities_reach_the_batch_term_memory(batch_files):
    from mtcheck.api import check_batch

    tmp_path, items = batch_files
    path = tmp_path / "c.toml"
    path.write_text('[checks.severity]\n"terms.batch" = "critical"\n', encoding="utf-8")
    results = check_batch(items, config=load_config(path))
    assert [(i.check, i.severity.value) for i in results[3].report.issues if i.check == "terms.batch"] == [
        ("terms.batch", "critical")]
    path.write_text('[checks]\ndisable = ["terms.batch"]\n', encoding="utf-8")
    results = check_batch(items, config=load_config(path))
    assert not any(i.check == "terms.batch" for r in results for i in r.report.issues)
