"""bench/agreement.py: the raters' spans read from the MQM file, and issues put on their segments and compared
with those spans (a tiny data folder written here, in the MQM files' layout)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench_agreement():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_agreement_under_test", ROOT / "bench" / "agreement.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


HEADER = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomments\n"
ROWS = [
    # A wrong number, marked in the target by the rater.
    ("hyp.A", "d1", "1", "The firm hired 500 workers in March.", "Die Firma stellte im März <v>600</v> Arbeiter ein.",
     "Accuracy/Mistranslation", "Major"),
    # The same segment rated by a second rater: a minor error elsewhere in it.
    ("hyp.A", "d1", "1", "The firm hired 500 workers in March.", "Die <v>Firma</v> stellte im März 600 Arbeiter ein.",
     "Style/Awkward", "Minor"),
    ("hyp.A", "d1", "2", "It rained on Monday.", "Es regnete am Montag.", "No-error", "No-error"),
    # An omission: the span is in the source; the target has leading white space (read_mqm strips it).
    ("hyp.A", "d1", "3", "He left the city <v>quickly</v>.", "  Er verließ die Stadt.", "Accuracy/Omission", "Minor"),
    # A human reference: not an MT output, left out.
    ("ref.A", "d1", "1", "The firm hired 500 workers in March.", "Die Firma stellte im März 500 Arbeiter ein.",
     "No-error", "No-error"),
]


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "mqm" / "newstest2021" / "ende"
    folder.mkdir(parents=True)
    lines = [HEADER] + ["\t".join((s, d, "x", seg, "rater1", src, tgt, cat, sev)) + "\n"
                        for s, d, seg, src, tgt, cat, sev in ROWS]
    (folder / "mqm-newstest2021_ende.tsv").write_text("".join(lines), encoding="utf-8")
    return tmp_path


def test_span_is_read_in_the_stripped_text_without_marks() -> None:
    span = _bench_agreement()._span
    assert span("  Er <v>ging</v> nach Hause.") == (3, 7)  # "Er ging nach Hause." [3:7] == "ging"
    assert span("Ohne Markierung.") is None


def test_annotations_per_segment(data: Path) -> None:
    ag = _bench_agreement()
    found = ag.read_annotations(data, "ende")
    A = ag.Annotation
    assert found[("hyp.A", "d1", 1)] == [A("Accuracy/Mistranslation", "major", "target", 26, 29),
                                         A("Style/Awkward", "minor", "target", 4, 9)]
    assert found[("hyp.A", "d1", 2)] == []  # rated clean
    assert found[("hyp.A", "d1", 3)] == [A("Accuracy/Omission", "minor", "source", 17, 24)]


def test_issues_are_compared_with_the_spans_of_their_segment(data: Path) -> None:
    result = _bench_agreement().measure(data, ["ende"], n_examples=5)["pairs"]["ende"]
    assert (result["articles"], result["segments"]) == (1, 3)  # the reference is no MT output
    assert result["base_rate_annotated_segment"] == 0.667  # segments 1 and 3
    assert result["base_rate_major_segment"] == 0.333
    assert result["checks"]["numbers.mismatch"]["major+"] == {
        "issues": 1, "placed": 1, "on_annotated_segment": 1.0, "on_major_segment": 1.0,
        "overlapping_an_annotated_span": 1.0}
    assert result["mqm_categories"]["Accuracy/Mistranslation"] == {
        "annotated_spans": 1, "overlapped_by_an_issue": 1, "share": 1.0, "by_check": {"numbers.mismatch": 1}}
    assert result["mqm_categories"]["Accuracy/Omission"]["annotated_spans"] == 1
    assert "numbers.mismatch" not in result["flags_on_clean_segments"]
