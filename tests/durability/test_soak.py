"""Issue 8's soak, short: see soak.py (tests/perf/bench_durability.py runs it for longer)."""

from __future__ import annotations

import pytest

from tests.durability.soak import run_soak


@pytest.mark.parametrize("seed", [11, 29])
def test_no_committed_label_is_lost_when_the_labeller_is_killed(tmp_path, seed):
    result = run_soak(tmp_path, seed, seconds=20)
    assert result.committed > 200, "the labeller hardly labelled: the soak proves nothing"
    assert min(result.reader_rounds.values()) >= 5, result.reader_rounds
    assert result.lost == 0
