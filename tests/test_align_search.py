"""What the length aligner's speed rests on: one DP over several ratios is the DP of each ratio; the
fused DP finds the minimum of the three-state (Gotoh) recurrence; bead costs of all types computed
together are those of each type computed alone; the lookup tables and fast text scans agree with the
definitions they replace."""
from __future__ import annotations

import math
import random
import re
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.align import _side
from mtcheck.domains import TLDS
from mtcheck.align.anchors import (
    _BRACKET_CHARS,
    _EXCLAIM_CHARS,
    _QUESTION_CHARS,
    _QUOTE_CHARS,
    _may_have_url,
    anchor_pairs,
    char_length,
    char_lengths_joined,
    sentence_anchor_keys,
    structure_features,
)
from mtcheck.align.length import (
    AlignParams,
    _align_level,
    _Band,
    _end_matrix,
    _feature_cost_table,
    _feature_lanes,
    _make_level,
    _packed_prefix,
    _tail_cost,
    bead_priors,
    bead_types,
)

WORDS = ("Berlin", "market", "said", "the", "government", "Zürich", "NATO", "EU", "report", "week",
         "inflation", "city", "police", "www.example.com", "bank")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), str(rng.randint(1, 3000)))
    if rng.random() < 0.2:
        words[0] = words[0].lower()
    text = " ".join(words)
    for mark in ", ; :".split():
        if rng.random() < 0.2:
            k = rng.randint(1, len(text))
            text = text[:k] + mark + text[k:]
    if rng.random() < 0.15:
        text = f"«{text}»"
    if rng.random() < 0.1:
        text += " (AFP)"
    return text + rng.choice([".", ".", ".", "?", "!", ":", ""])


def _level(seed: int, n: int, m: int):
    rng = random.Random(seed)
    src = [_sentence(rng) for _ in range(n)]
    tgt = [_sentence(rng) for _ in range(m)]
    sp = sorted(rng.randint(0, 3) for _ in range(n))
    tp = sorted(rng.randint(0, 3) for _ in range(m))
    src_data, src_keys = _side(src, "en", sp)
    tgt_data, tgt_keys = _side(tgt, "de", tp)
    pairs, src_tot, tgt_tot = anchor_pairs(src_keys, tgt_keys)
    src_data.anchor_totals = np.asarray(src_tot, dtype=np.float64)
    tgt_data.anchor_totals = np.asarray(tgt_tot, dtype=np.float64)
    ratio = float(tgt_data.lengths.sum() / src_data.lengths.sum())
    return _make_level(src_data, tgt_data, pairs), ratio


def _ratios(ratio: float) -> list[float]:
    return [ratio] + [ratio * math.exp(0.1 * k) for k in (-2, -1, 1, 2)]


# Full lattices (articles) and, with a small max_full_cells, bands around a coarse path (long documents).
CASES = [(1, 7, 9, AlignParams()), (2, 25, 27, AlignParams()), (3, 1, 6, AlignParams()),
         (4, 60, 55, AlignParams(max_full_cells=400, band=3, band_rows=1))]


@pytest.mark.parametrize("seed,n,m,params", CASES)
def test_one_search_over_all_ratios_is_the_search_of_each_ratio(seed, n, m, params):
    level, ratio = _level(seed, n, m)
    ratios = _ratios(ratio)
    together = _align_level(level, ratios, params)
    if n * m > params.max_full_cells:
        assert together.band.total < (n + 1) * (m + 1)  # a band, not the full lattice
    for k, r in enumerate(ratios):
        alone = _align_level(level, [r], params, together.band)
        assert np.array_equal(alone.costs[0], together.costs[k])
        assert alone.tables.totals[0] == together.tables.totals[k]
        assert alone.path(0, params) == together.path(k, params)


def _reference_dp(costs: np.ndarray, band: _Band, n: int, m: int, types, discount: float) -> float:
    """The three-state recurrence written out cell by cell (float64 throughout)."""
    inf = math.inf
    cells = {(i, j): int(band.offs[i] + j - band.lo[i]) for i in range(n + 1)
             for j in range(int(band.lo[i]), int(band.hi[i]) + 1)}
    M, D, I, B = {}, {}, {}, {}
    delete, insert = len(types) - 2, len(types) - 1
    for i in range(n + 1):
        for j in range(int(band.lo[i]), int(band.hi[i]) + 1):
            c = cells[(i, j)]
            mv = 0.0 if (i, j) == (0, 0) else inf
            for t, (a, b) in enumerate(types[:delete]):
                if (i - a, j - b) in B:
                    mv = min(mv, B[(i - a, j - b)] + float(costs[t, c]))
            dv = inf
            if (i - 1, j) in B:
                cd = float(costs[delete, c])
                dv = min(B[(i - 1, j)] + cd, D[(i - 1, j)] + cd - discount)
            iv = inf
            if (i, j - 1) in B:
                ci = float(costs[insert, c])
                iv = min(min(M[(i, j - 1)], D[(i, j - 1)]) + ci, I[(i, j - 1)] + ci - discount)
            M[(i, j)], D[(i, j)], I[(i, j)] = mv, dv, iv
            B[(i, j)] = min(mv, dv, iv)
    return B[(n, m)]


def _path_cost(path, costs: np.ndarray, band: _Band, types, discount: float) -> float:
    total, last = 0.0, None
    for (i0, j0), (i1, j1) in zip(path, path[1:]):
        kind = (i1 - i0, j1 - j0)
        t = types.index(kind)
        total += float(costs[t, int(band.offs[i1] + j1 - band.lo[i1])])
        if kind in ((1, 0), (0, 1)) and kind == last:
            total -= discount
        last = kind
    return total


@pytest.mark.parametrize("seed,n,m,params", CASES)
def test_dp_finds_the_minimum_of_the_three_state_recurrence(seed, n, m, params):
    level, ratio = _level(seed, n, m)
    search = _align_level(level, _ratios(ratio), params)
    types = bead_types(params)
    discount = max(0.0, -math.log(params.p10 / 2) - params.null_run)
    for k in range(5):
        costs = search.costs[k]
        expected = _reference_dp(costs, search.band, n, m, types, discount)
        total = float(search.tables.totals[k])
        # Float32 costs less the discount are rounded to float32 in the DP, not in the reference.
        assert total == pytest.approx(expected, rel=1e-6, abs=1e-4)
        path = search.path(k, params)
        assert path[0] == (0, 0) and path[-1] == (n, m)
        assert _path_cost(path, costs, search.band, types, discount) == pytest.approx(total, rel=1e-6, abs=1e-4)


def _tail(z: float) -> float:
    return float(_tail_cost(np.array([z]))[0])


def _type_costs_alone(level, band: _Band, p: AlignParams, a: int, b: int) -> dict[int, float]:
    """The cost without the length term of beads of type (a, b), term by term, at each band cell."""
    priors = bead_priors(p)
    end = _end_matrix(p)
    out = {}
    for c in range(band.total):
        i, j = int(band.row[c]), int(band.col[c])
        i0, j0 = i - a, j - b
        if i0 < 0 or j0 < 0 or not band.lo[i0] <= j0 <= band.hi[i0]:
            continue
        cost = -math.log(priors[(a, b)])
        sa, ta = level.as_[i] - level.as_[i0], level.at[j] - level.at[j0]
        fs, ft = int(level.fs[i] - level.fs[i0]), int(level.ft[j] - level.ft[j0])
        counts = [((fs >> (16 * k)) & 255, (ft >> (16 * k)) & 255) for k in range(4)]
        if a and b:
            total_cs, total_ct = float(level.cs[-1]), float(level.ct[-1])
            csq = math.sqrt(total_ct / total_cs) if total_cs > 0 and total_ct > 0 else 0.0
            if csq:
                cx, cy = (level.cs[i] - level.cs[i0]) * csq, (level.ct[j] - level.ct[j0]) / csq
                cz = abs(cy - cx) / math.sqrt(p.clause_var * (cx + cy) / 2 + 1.0)
                cost += p.clause_weight * (_tail(cz) - 1.0)
            shared = sum(w for pp, qq, w in zip(level.pairs_p, level.pairs_q, level.pairs_w)
                         if i0 <= pp < i and j0 <= qq < j)
            matched = min(shared, sa, ta)
            cost += -p.anchor_match * matched + p.anchor_miss * (sa + ta - 2 * matched)
            for u, v in counts:
                cost += -p.feature_match * min(u, v) + p.feature_miss * abs(u - v)
            cost += end[level.end_s[i - 1], level.end_t[j - 1]]
            cost += p.lowercase_start * (level.low_s[i0] != level.low_t[j0])
            ps, pt = level.par_s, level.par_t
            cost += p.paragraph_straddle * ((ps[i - 1] != ps[i0]) or (pt[j - 1] != pt[j0]))
            starts_s = i0 == 0 or ps[i0] != ps[i0 - 1]
            starts_t = j0 == 0 or pt[j0] != pt[j0 - 1]
            cost += p.paragraph_mismatch * (starts_s != starts_t)
        else:
            cost += p.anchor_miss * (sa + ta)
            cost += sum(p.feature_miss * (u + v) for u, v in counts)
            cost += p.lowercase_start * (level.low_s[i0] if a else level.low_t[j0])
            if (level.deb_s[i0] if a else level.deb_t[j0]):
                cost = p.debris_null
        out[c] = cost
    return out


@pytest.mark.parametrize("seed,n,m,params", CASES[:2] + CASES[3:])
def test_bead_costs_of_all_types_together_are_those_of_each_type_alone(seed, n, m, params):
    level, ratio = _level(seed, n, m)
    search = _align_level(level, [ratio], params)
    band, types = search.band, bead_types(params)
    sq = math.sqrt(ratio)
    for t, (a, b) in enumerate(types):
        alone = _type_costs_alone(level, band, params, a, b)
        got = search.costs[0, t]
        assert set(np.flatnonzero(np.isfinite(got))) == set(alone)
        for c, cost in alone.items():
            if a and b:
                i, j = int(band.row[c]), int(band.col[c])
                x = (level.ls[i] - level.ls[i - a]) * sq
                y = (level.lt[j] - level.lt[j - b]) / sq
                mean = max((x + y) / 2, 1.0)
                z = abs(y - x) / math.sqrt(params.s2 * mean + (params.rel * mean) ** 2)
                cost += _tail(z)
            assert float(got[c]) == pytest.approx(cost, rel=1e-5, abs=1e-5), (a, b, c)


def test_feature_lanes_and_cost_table():
    rng = np.random.default_rng(7)
    src = rng.integers(0, 2, size=(12, 4))
    tgt = rng.integers(0, 2, size=(10, 4))
    fs, ft = _packed_prefix(src), _packed_prefix(tgt)
    table = _feature_cost_table(0.25, 1.5)
    for i0, i, j0, j in [(0, 1, 0, 1), (3, 8, 2, 4), (0, 12, 0, 10), (5, 5, 1, 6), (2, 7, 9, 9)]:
        lanes = _feature_lanes(np.array([fs[i] - fs[i0]]), np.array([ft[j] - ft[j0]]))[0]
        u, v = src[i0:i].sum(axis=0), tgt[j0:j].sum(axis=0)
        assert lanes.tolist() == (u + 256 * v).tolist()
        assert table[lanes].tolist() == [-0.25 * min(a, b) + 1.5 * abs(a - b) for a, b in zip(u, v)]
    assert table[3 + 256 * 0] == 4.5 and table[0 + 256 * 2] == 3.0 and table[2 + 256 * 2] == -0.5


WHITE = "".join(chr(c) for c in range(0x3100) if re.match(r"\s", chr(c)))


@pytest.mark.parametrize("text", ["", "a b", "gekommen , was", "中文 句子", "x" + WHITE + "y", WHITE,
                                  "tab\there\u00a0nbsp\u3000ideographic\u2028line"])
def test_char_length_counts_characters_but_white_space(text):
    assert char_length(text) == len(re.sub(r"\s+", "", text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab 中é\t\x00.\x1c\x85") + ["\u00a0", "\u3000", "\u2028", "\n"]),
                        max_size=12), max_size=8))
def test_char_lengths_of_joined_texts_are_each_texts(texts):
    """The lengths read off the texts joined by NUL (in Latin-1 bytes where they encode, else as str) are each
    text's ``char_length``, or None when a text holds NUL (or there is none)."""
    found = char_lengths_joined("\x00".join(texts), len(texts))
    if not texts or any("\x00" in t for t in texts):
        assert found is None
    else:
        assert found == [char_length(t) for t in texts]


FEATURE_CHARS = sorted(_QUOTE_CHARS | _BRACKET_CHARS | _QUESTION_CHARS | _EXCLAIM_CHARS)


@pytest.mark.parametrize("text", ["plain text.", "Er sagte: «Nein»!", "Why (really)?", "【报道】记者说“是”！",
                                  "it's ’quoted’ - no", *FEATURE_CHARS])
def test_structure_features_are_presence_flags(text):
    chars = set(text)
    assert structure_features(text) == tuple(
        int(bool(chars & group)) for group in (_QUOTE_CHARS, _BRACKET_CHARS, _QUESTION_CHARS, _EXCLAIM_CHARS))


@pytest.mark.parametrize("text,expected", [
    ("See www.thepaper.cn today", True), ("mail me@example.org", True), ("HTTPS://X.DE", True),
    ("Visit EXAMPLE.COM now", True), ("the .Info desk", True), ("no address here.", False),
    ("com org net", False), ("the U.K. vote", False), ("\u0130.İNFO", False), (".u\u212a", True),
])
def test_url_test_is_a_substring_test_in_lower_case(text, expected):
    low = text.lower()
    assert _may_have_url(text) is expected
    assert expected == ("://" in text or "www." in text or "@" in text or any("." + t in low for t in TLDS))


def test_url_anchors_end_at_a_listed_domain():
    """A bare domain under a country's code is one anchor, with its path; words glued by a full stop are none."""
    from mtcheck.align.anchors import word_keys

    assert [k for k in word_keys("More on travel.gov.gr/en and NEWS24.COM today") if k.startswith("u:")] == [
        "u:travel.gov.gr/en", "u:news24.com"]
    assert [k for k in word_keys("in der Stadt.Es gibt") if k.startswith("u:")] == []


def test_anchor_keys_count_repeats_in_first_occurrence_order():
    keys = sentence_anchor_keys("Berlin and the EU: Berlin paid 2024 euros in 2024, the EU said.", "en")
    assert list(keys.items()) == [("#2024", 2), ("w:berl", 2), ("w:paid", 1), ("w:euro", 1), ("w:said", 1),
                                  ("w:eu", 2)]
    keys = sentence_anchor_keys("Zürich und Genf.", "de")
    assert list(keys.items()) == [("w:zuri", 1), ("w:genf", 1)]


def test_params_with_another_prior_change_the_bead_types():
    p = replace(AlignParams(), p23=0.0, p15=0.0)
    assert (2, 3) not in bead_types(p) and (1, 5) not in bead_types(p)
    assert (2, 3) in bead_types(AlignParams()) and bead_types(p)[-2:] == ((1, 0), (0, 1))
    assert bead_priors(p) == {k: v for k, v in bead_priors(AlignParams()).items() if k not in
                              ((2, 3), (3, 2), (1, 5), (5, 1))}
