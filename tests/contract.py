"""A validator for the JSON report of interfaces.md (schema_version 1), used by several tests."""
from __future__ import annotations

CATEGORIES = {
    "terminology/inconsistent", "terminology/glossary", "accuracy/omission", "accuracy/addition",
    "accuracy/untranslated", "accuracy/number", "accuracy/entity", "accuracy/mistranslation",
    "fluency/punctuation", "fluency/capitalization", "fluency/repetition", "fluency/spelling",
    "fluency/grammar", "locale/format", "other/noise",
}
SEVERITIES = {"critical", "major", "minor", "info"}


def _span_ok(span, text_len):
    assert set(span) == {"start", "end"}
    assert isinstance(span["start"], int) and isinstance(span["end"], int)
    assert 0 <= span["start"] <= span["end"] <= text_len, span


def validate_report(report: dict, source_text: str, target_text: str) -> None:
    """Assert that ``report`` follows the contract exactly (keys, types, spans inside texts, order)."""
    for key in ("schema_version", "tool", "signature", "source", "target", "reference", "alignment",
                "issues", "scores", "summary"):
        assert key in report, key
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "mtcheck" and isinstance(report["tool"]["version"], str)
    assert report["signature"].startswith("mtcheck:") and "|split:" in report["signature"]
    assert "|align:" in report["signature"] and "|checks:" in report["signature"]
    for side, text in (("source", source_text), ("target", target_text)):
        doc = report[side]
        assert isinstance(doc["lang"], str) and len(doc["lang"]) == 2
        assert "path" in doc
        prev_end = 0
        for s in doc["sentences"]:
            _span_ok(s, len(text))
            assert s["start"] >= prev_end and s["start"] < s["end"]
            prev_end = s["end"]
    n_src, n_tgt = len(report["source"]["sentences"]), len(report["target"]["sentences"])
    seen_src, seen_tgt = [], []
    for bead in report["alignment"]:
        assert set(bead) == {"source", "target", "score"}
        assert bead["source"] or bead["target"]
        seen_src += bead["source"]
        seen_tgt += bead["target"]
    assert seen_src == list(range(n_src)) and seen_tgt == list(range(n_tgt))
    keys = []
    for issue in report["issues"]:
        # "fingerprint" is additive (issue 4: suppression files); everything else is the contract's.
        assert set(issue) - {"fingerprint"} == {"check", "category", "severity", "message", "source_span",
                                                "target_span", "suggestion", "related", "confidence"}
        assert issue["category"] in CATEGORIES
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["message"], str) and issue["message"]
        if issue["source_span"] is not None:
            _span_ok(issue["source_span"], len(source_text))
        if issue["target_span"] is not None:
            _span_ok(issue["target_span"], len(target_text))
        else:
            assert issue["source_span"] is not None
        for rel in issue["related"]:
            assert rel["side"] in ("source", "target")
        t, s = issue["target_span"], issue["source_span"]
        keys.append((t is None, t["start"] if t else 0, s is None, s["start"] if s else 0, issue["check"]))
    assert keys == sorted(keys), "issues must be sorted by target position, then source position, then check id"
    mqm = report["scores"]["mqm"]
    assert set(mqm) == {"penalty", "words", "score", "pass"}
    assert 0 <= mqm["score"] <= 100 and mqm["words"] > 0
    for metric in ("bleu", "chrf", "ter"):
        assert metric in report["scores"]
    by_sev = {}
    for issue in report["issues"]:
        by_sev[issue["severity"]] = by_sev.get(issue["severity"], 0) + 1
    assert report["summary"]["by_severity"] == by_sev
