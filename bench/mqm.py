"""Reading the WMT 2021 newstest MQM files (Freitag et al. 2021), shared by the benchmarks.

``mqm/newstest2021/{pair}/mqm-newstest2021_{pair}.tsv`` is tab-separated without quoting (the en-de
file has an extra comment column); it has one row per error and rater, so a segment comes back many
times: each (system, doc, seg_id) is kept once, its first row. ``<v>``/``</v>`` (the raters' error
marks) are removed.
"""
from __future__ import annotations

import re
from pathlib import Path

_V_RE = re.compile(r"</?v>")


def read_mqm(data: Path, pair: str, strip: bool = True) -> dict[tuple[str, str, int], tuple[str, str]]:
    """(system, doc, seg_id) → (source, target), in file order; ``strip`` trims surrounding white space.
    Rows too short to hold the target column are skipped."""
    path = Path(data) / "mqm" / "newstest2021" / pair / f"mqm-newstest2021_{pair}.tsv"
    segs: dict[tuple[str, str, int], tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {name: k for k, name in enumerate(header)}
        need = max(col["system"], col["doc"], col["seg_id"], col["source"], col["target"]) + 1
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < need:
                continue
            key = (cells[col["system"]], cells[col["doc"]], int(cells[col["seg_id"]]))
            if key in segs:
                continue
            src, tgt = _V_RE.sub("", cells[col["source"]]), _V_RE.sub("", cells[col["target"]])
            segs[key] = (src.strip(), tgt.strip()) if strip else (src, tgt)
    return segs
