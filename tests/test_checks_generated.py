"""Every registered check on generated documents: none crashes, and every span lies inside its text.

The table tests read real sentences; these read what no table holds: sentences built from the pieces the
checks look for (quotes of every language, glued full stops, unknown-token marks, numbers with magnitudes
and percent signs, URLs, CJK numerals, NUL and the replacement character), in random order, aligned 1-1 or
all in one bead. ``strict`` makes a crashing check raise (a run records it as a CheckError otherwise)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.checks import CheckContext, run_checks
from mtcheck.config import Config
from mtcheck.types import Bead

from .check_helpers import doc_of_lines

PIECES = [
    "the", "Stadt", "Nachdem", "und", " ", " ", ".", ",", ";", ":", "!", "?", "\"", "'", "„", "“", "”", "«", "»",
    "(", ")", "[", "]", "-", " - ", "–", "%", "$", "€", "5", "50", "3,5", "4.5", "1.200", "64847", "2021",
    " Millionen", " million", "万", "亿", "元", "年", "新冠", "第3", "⁇", "⁇ ", "<unk>", "\ufffd", "\x00",
    "www.example.com", "travel.gov.gr/2021", "CHINANEWS.COM", "Orf.At", ".it", "https://x.org/a%20b", "a@b.de",
    "@user", "#tag", "NATO", "UN", "OTAN", "St.", "Paul",
    ".Die", "weiter.Nachdem", "“ ", " „", "90 °F", "30 °C", "the first", "Mr", "‹", "›", "「", "」", "《", "》",
    "14: 40", "24时", "......", ". . . . . . .", "!!!!!", "Grant Shapps (Grant Shapps)", "（", "）", "90 degrees",
    " temperatures", "90 Grad", "US dollars", "2045例", "2045", "7,5%", "Rupien", "\u2047 nderungen",
]
LANG_PAIRS = [("en", "de"), ("zh", "en"), ("en", "fr"), ("fr", "en"), ("de", "en"), ("en", "es")]

sentence = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join).map(
    lambda s: s.replace("\n", " ").strip() or "x")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(src=st.lists(sentence, min_size=1, max_size=4), tgt=st.lists(sentence, min_size=1, max_size=4),
       pair=st.sampled_from(LANG_PAIRS), one_bead=st.booleans())
def test_every_check_runs_and_keeps_its_spans_inside(src, tgt, pair, one_bead):
    source, target = doc_of_lines(src, pair[0]), doc_of_lines(tgt, pair[1])
    n = min(len(src), len(tgt))
    if one_bead or n == 0:
        beads = (Bead(tuple(range(len(src))), tuple(range(len(tgt)))),)
    else:  # 1-1, the tail of the longer side in the last bead
        beads = tuple(Bead((k,), (k,)) for k in range(n - 1)) + (
            Bead(tuple(range(n - 1, len(src))), tuple(range(n - 1, len(tgt)))),)
    ctx = CheckContext(source, target, beads, Config(strict=True))
    issues, errors = run_checks(ctx)
    assert errors == []
    for issue in issues:
        for span, doc in ((issue.source_span, source), (issue.target_span, target)):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(doc.text), (issue.check, span, doc.text)
        assert issue.source_span is not None or issue.target_span is not None or issue.check.startswith("terms."), issue
