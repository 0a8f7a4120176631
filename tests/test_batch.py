"""Batch: one report per article in input order, errors recorded, and the batch term memory."""
import pytest

from mtcheck.api import check_batch
from mtcheck.batch import BatchInput

ARTICLES = [
    ("The climate fund received new pledges on Monday. Ministers praised the climate fund.",
     "Le fonds climatique a reçu de nouvelles promesses lundi. Les ministres ont salué le fonds climatique."),
    ("Donors met in Bonn. The climate fund will finance solar farms.",
     "Les donateurs se sont réunis à Bonn. Le fonds climatique financera des fermes solaires."),
    ("The climate fund is short of cash, the report says.",
     "Le fonds climatique manque de liquidités, selon le rapport."),
    ("Critics say the climate fund moves too slowly.",
     "Les critiques estiment que le régime climatique avance trop lentement."),
]


@pytest.fixture
def batch_files(tmp_path):
    items = []
    for k, (src, tgt) in enumerate(ARTICLES):
        s, t = tmp_path / f"a{k}.en.txt", tmp_path / f"a{k}.fr.txt"
        s.write_text(src + "\n", encoding="utf-8")
        t.write_text(tgt + "\n", encoding="utf-8")
        items.append(BatchInput(str(s), str(t), id=f"a{k}"))
    return tmp_path, items


def test_term_memory_flags_the_article_that_breaks_the_desk_usage(batch_files):
    _, items = batch_files
    results = check_batch(items)
    assert [r.input.id for r in results] == ["a0", "a1", "a2", "a3"]
    flagged = {r.input.id: [(r.report.target.text[i.target_span.start:i.target_span.end], i.suggestion)
                            for i in r.report.issues if i.check == "terms.batch"] for r in results}
    assert flagged == {"a0": [], "a1": [], "a2": [], "a3": [("régime climatique", "fonds climatique")]}
    issue = next(i for i in results[3].report.issues if i.check == "terms.batch")
    assert issue.category.value == "terminology/inconsistent"
    assert results[3].report.source.text[issue.source_span.start:issue.source_span.end] == "climate fund"
    assert "4 times in 3 articles" in issue.message


def test_one_bad_article_never_stops_the_others(batch_files, tmp_path):
    _, items = batch_files
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = [BatchInput(str(empty), items[0].target, id="bad"), BatchInput(str(tmp_path / "gone.txt"), items[1].target, id="gone")]
    results = check_batch([items[0], bad[0], items[1], bad[1], items[2], items[3]], jobs=2)
    assert [(r.input.id, r.ok, r.error_kind) for r in results] == [
        ("a0", True, None), ("bad", False, "empty"), ("a1", True, None), ("gone", False, "input"),
        ("a2", True, None), ("a3", True, None),
    ]
    assert "empty file" in results[1].error_message
    assert any(i.check == "terms.batch" for i in results[5].report.issues)
