"""The command line: formats, exit codes, and one clear stderr line for every bad input."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.cli import main

from .contract import validate_report

SRC = "联合国大会今天通过了一项决议。共有120个国家投票赞成。\n"
TGT = "L'Assemblée générale des Nations unies a adopté une résolution aujourd'hui. Au total, 120 pays ont voté pour.\n"


@pytest.fixture
def pair(tmp_path):
    src, tgt = tmp_path / "a.zh.txt", tmp_path / "a.fr.txt"
    src.write_text(SRC, encoding="utf-8")
    tgt.write_text(TGT, encoding="utf-8")
    return src, tgt


def run(args, capsys):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_clean_pair_exits_0_with_json_report(pair, capsys):
    src, tgt = pair
    code, out, err = run(["check", src, tgt, "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    validate_report(report, SRC, TGT)
    assert report["source"]["lang"] == "zh" and report["target"]["lang"] == "fr"
    assert report["source"]["encoding"] == "utf-8"
    assert report["alignment"] == [{"source": [0], "target": [0], "score": report["alignment"][0]["score"]},
                                   {"source": [1], "target": [1], "score": report["alignment"][1]["score"]}]
    assert report["issues"] == []
    assert report["scores"]["mqm"]["score"] == 100.0


def test_wrong_number_exits_1_and_marks_it_in_every_format(pair, tmp_path, capsys):
    src, tgt = pair
    tgt.write_text(TGT.replace("120", "12"), encoding="utf-8")
    code, out, err = run(["check", src, tgt], capsys)
    assert code == 1
    assert "⟦12⟧" in out and "accuracy/number" in out and "MAJOR" in out
    for fmt in ("json", "html", "csv"):
        dest = tmp_path / f"r.{fmt}"
        code, out, err = run(["check", src, tgt, "--format", fmt, "-o", dest], capsys)
        assert code == 1 and out == ""
        content = dest.read_text(encoding="utf-8")
        if fmt == "json":
            issues = json.loads(content)["issues"]
            assert [(i["category"], TGT.replace("120", "12")[i["target_span"]["start"]:i["target_span"]["end"]])
                    for i in issues] == [("accuracy/number", "12")]
        elif fmt == "html":
            assert '<mark class="major"' in content and ">12</mark>" in content
        else:
            assert content.splitlines()[0].startswith("check,category,severity,message")
            assert ",accuracy/number,major," in content.splitlines()[1]
    code, out, err = run(["check", src, tgt, "--fail-on", "never"], capsys)
    assert code == 0


def test_align_prints_vecalign_beads(pair, capsys):
    src, tgt = pair
    code, out, err = run(["align", src, tgt], capsys)
    assert code == 0
    assert out == "[0]:[0]\n[1]:[1]\n"


def test_checks_lists_every_check(capsys):
    code, out, err = run(["checks"], capsys)
    assert code == 0
    for check_id in ("align.omission", "align.addition", "numbers.mismatch", "untranslated.sentence",
                     "noise.debris", "casing.lost", "punctuation.stray_break", "terms.glossary"):
        assert check_id in out


def _one_error_line(err, code, expected_code, *words):
    assert code == expected_code
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0], lines[0]


def test_bad_inputs_each_give_one_line_and_the_documented_code(pair, tmp_path, capsys):
    src, tgt = pair
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"ok \xff\xfe\xfd\xfc\x80\x81\x82\x83 ok \xfe\xfd\xfc\xfb\x80\x81" * 3)
    cases = [
        (tmp_path / "missing.txt", "no such file"),
        (empty, "empty file"),
        (binary, "binary file"),
        (garbage, "not in a recognised encoding"),
    ]
    for bad, words in cases:
        code, out, err = run(["check", src, bad], capsys)
        _one_error_line(err, code, 3, words, str(bad))
        assert out == ""


def test_source_and_target_in_the_same_language(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Le ministère a publié un communiqué. La réunion a eu lieu à New York.\n", encoding="utf-8")
    b.write_text("Le ministère a diffusé un communiqué. La rencontre a eu lieu à New York.\n", encoding="utf-8")
    code, out, err = run(["check", a, b], capsys)
    _one_error_line(err, code, 3, "both in 'fr'", str(b))


def test_huge_single_line_is_refused(pair, tmp_path, capsys):
    src, _ = pair
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        chunk = b"la chine " * 1_000_000
        for _ in range(12):  # about 108 MB on one line
            fh.write(chunk)
    code, out, err = run(["check", src, huge], capsys)
    _one_error_line(err, code, 3, "too large", str(huge))


def test_declared_language_that_contradicts_the_script(pair, capsys):
    src, tgt = pair
    code, out, err = run(["check", src, tgt, "--src-lang", "de"], capsys)
    _one_error_line(err, code, 3, "declared language 'de'", str(src))


def test_usage_errors_exit_2_with_one_line(pair, capsys):
    src, tgt = pair
    code, out, err = run(["check", src], capsys)
    _one_error_line(err, code, 2, "usage error")
    code, out, err = run(["check", src, tgt, "--format", "pdf"], capsys)
    _one_error_line(err, code, 2, "usage error", "pdf")
    for code_typed in ("french", "zz", "fra", "x-custom"):  # well formed or not, no ISO 639-1 language
        code, out, err = run(["check", src, tgt, "--src-lang", code_typed], capsys)
        _one_error_line(err, code, 2, f"'{code_typed}' is not an ISO 639-1")


@pytest.mark.parametrize("typed,code", [("FR", "fr"), ("fr-CA", "fr"), ("zh_Hant", "zh"), ("pt-BR", "pt"), ("iw", "he"),
                                        ("in", "id"), ("sh", "sh"), ("sr-Latn", "sr"), ("  de ", "de"), ("", None)])
def test_language_codes_typed_are_read_as_iso_639_1(typed, code):
    from mtcheck.api import normalise_lang

    assert normalise_lang(typed) == code


def test_a_text_with_no_letter_and_no_language_given(tmp_path, capsys):
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text("The budget for 2024 rose by 12 per cent to 5 billion.\n", encoding="utf-8")
    tgt.write_text("2024 - 12 % - 5\n", encoding="utf-8")
    code, out, err = run(["check", src, tgt], capsys)
    _one_error_line(err, code, 3, "cannot tell the language of a text with no letter", str(tgt))
    code, out, err = run(["check", src, tgt, "--tgt-lang", "fr", "--format", "json"], capsys)
    assert code == 1 and json.loads(out)["target"]["lang"] == "fr"


def test_stdin_for_one_side(pair, tmp_path):
    src, tgt = pair
    proc = subprocess.run([sys.executable, "-m", "mtcheck", "check", "-", str(tgt), "--format", "json"],
                          input=SRC.encode("gb18030"), capture_output=True, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["source"]["path"] == "<stdin>" and report["source"]["encoding"] == "gb18030"


def test_html_report_escapes_user_text(tmp_path, capsys):
    src, tgt = tmp_path / "s.en.txt", tmp_path / "t.fr.txt"
    src.write_text("The minister spoke to reporters in Paris on Monday.\n", encoding="utf-8")
    tgt.write_text('Le ministre a parlé aux journalistes <script>alert("x")</script> à Paris lundi.\n'
                   "Accueil | Monde | <img src=x onerror=alert(1)>\n", encoding="utf-8")
    dest = tmp_path / "r.html"
    code, out, err = run(["check", src, tgt, "--format", "html", "-o", dest, "--fail-on", "never"], capsys)
    assert code == 0, err
    page = dest.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;</mark>alert(&quot;x&quot;)" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_terms_table_and_glossary_export(tmp_path, capsys):
    sample = Path(__file__).resolve().parent.parent / "samples" / "ai-plan"
    dest = tmp_path / "terms.csv"
    code, out, err = run(["terms", sample / "source.zh.txt", sample / "mt.fr.txt", "--export", dest], capsys)
    assert code == 0, err
    assert "普惠计划" in out and "plan inclusif" in out
    assert "✗ plan d'avantages universels" in out and "✗ régime de prestations universelles" in out
    rows = dest.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "source,target,forbidden,note"
    plan = next(r for r in rows if r.startswith("普惠计划,"))
    assert plan.startswith("普惠计划,plan inclusif,plan d'avantages universels|régime de prestations universelles,")
    code, out, err = run(["terms", sample / "source.zh.txt"], capsys)
    _one_error_line(err, code, 2, "pairs of files")
