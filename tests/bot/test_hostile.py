"""Hostile fact bases, configs and operator mistakes through the real CLI, in a subprocess:
each ends with its exit code and one clear line, within 10 s and 500 MB, never by a signal."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hostile import MB, Case, Outcome, cases, run

NAMES = [case.name for case in cases(Path("never-written"))]
SECONDS = 10.0
MEMORY = 500 * MB
AT_ONCE = 2  # cases run side by side (each is measured on its own: wall time, peak memory)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Every case, its files written under one folder when first run."""
    root = tmp_path_factory.mktemp("hostile")
    return {case.name: case for case in cases(root / "cases")}


@pytest.fixture(scope="module")
def outcomes(
    corpus: dict[str, Case], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Outcome, Path]]:
    """Every case run once, a few at a time, each under the time and memory limits."""
    scratch = tmp_path_factory.mktemp("hostile-runs")
    for case in corpus.values():
        case.prepare()  # shared files are written once, before any run

    def one(case: Case) -> tuple[Outcome, Path]:
        folder = scratch / case.name
        return run(case, folder, timeout=SECONDS, memory=MEMORY), folder

    with ThreadPoolExecutor(AT_ONCE) as pool:
        return dict(zip(corpus, pool.map(one, corpus.values()), strict=True))


@pytest.mark.parametrize("name", NAMES)
def test_hostile_case_ends_cleanly_within_bounds(
    name: str, corpus: dict[str, Case], outcomes: dict[str, tuple[Outcome, Path]]
) -> None:
    case = corpus[name]
    outcome, _ = outcomes[name]
    tail = outcome.output[-2000:]
    assert outcome.signal is None, f"{name}: {outcome}\n{tail}"
    assert not outcome.timed_out, f"{name}: {outcome}"
    assert outcome.code in case.codes, f"{name}: {outcome}\n{tail}"
    assert "Traceback" not in outcome.output, tail
    assert "MemoryError" not in outcome.output, tail
    assert re.search(case.expect, outcome.output), f"{name}: {tail}"
    assert outcome.max_rss_mb < MEMORY / MB
    assert outcome.seconds < SECONDS


def test_problems_shown_are_capped_then_counted(
    outcomes: dict[str, tuple[Outcome, Path]],
) -> None:
    """Problem lines are `file:line: message`, the first N only, then how many more."""
    outcome, _ = outcomes["check-dense-flow-1mb"]
    lines = outcome.output.strip().splitlines()
    assert len(lines) == 50 + 2  # max_problems_shown, the count of the rest, the total
    assert all(re.match(r"^\S+:\d+: \S", line) for line in lines[:50])
    assert lines[50].startswith("… and ")
    assert "more problem(s) not shown (setting max_problems_shown" in lines[50]
    assert re.match(r"^[\d,]+ problem\(s\) found$", lines[51])


def test_jsonl_with_invalid_utf8_writes_valid_utf8_json(
    outcomes: dict[str, tuple[Outcome, Path]],
) -> None:
    outcome, folder = outcomes["jsonl-bytes"]
    raw = (folder / "jsonl-bytes.out").read_bytes()
    raw.decode("utf-8")  # strict: every byte written is UTF-8
    rows = [json.loads(line) for line in outcome.output.splitlines() if line.startswith("{")]
    assert len(rows) == 3
    assert "\ufffd" in rows[1]["ask"]
    assert rows[0]["title"] == rows[2]["title"] == "CRS-35"  # colour codes stripped whole
