"""bench/terms.py's pooled figures: the two pairs' tallies summed, the ratios computed from the sums."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench_terms():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_terms_under_test", ROOT / "bench" / "terms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_pooled_tally_sums_counts_and_recomputes_ratios() -> None:
    Tally = _bench_terms().Tally
    zhen = Tally(positives=111, negatives=153, found=95, flagged_pos=115, true_pos=95, flagged_neg=23,
                 drift_pos=11, drift_neg=11)
    zhen.by_kind["spelling"][:] = [43, 43]
    zhen.by_kind["system"][:] = [15, 24]
    ende = Tally(positives=111, negatives=232, found=105, flagged_pos=133, true_pos=105, flagged_neg=32,
                 drift_pos=17, drift_neg=18)
    ende.by_kind["spelling"][:] = [71, 71]
    ende.by_kind["head"][:] = [15, 18]
    pooled = zhen + ende
    row = pooled.row()
    assert (pooled.positives, pooled.negatives, pooled.found, pooled.true_pos, pooled.flagged_pos) == (222, 385, 200, 200, 248)
    assert row["recall"] == 0.901  # 200 / 222
    assert row["precision"] == 0.806  # 200 / 248, where the pairs alone give 0.826 and 0.789
    assert row["false_alarms_per_negative"] == 0.143  # 55 / 385
    assert row["precision_attested_drift_excluded"] == 0.909  # 200 / (248 - 28)
    assert row["recall_by_kind"] == {"head": "15/18", "spelling": "114/114", "system": "15/24"}
    # The operands are left as they were.
    assert zhen.row()["precision"] == 0.826 and ende.row()["precision"] == 0.789
    assert dict(zhen.by_kind) == {"spelling": [43, 43], "system": [15, 24]}
