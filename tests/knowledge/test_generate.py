"""Tests of the synthetic fact-base generator used by the benchmarks."""

from __future__ import annotations

from pathlib import Path

from knowledge import load
from knowledge.generate import generate_base, typo_queries


def test_generated_base_loads_and_is_deterministic(tmp_path: Path) -> None:
    kb = load(generate_base(tmp_path / "a", n_records=300, seed=3))
    counts = kb.counts()
    assert sum(v for k, v in counts.items() if k != "source") >= 250
    for kind in ("organization", "vehicle", "pad", "mission", "crew", "topic"):
        assert counts.get(kind, 0) > 0
    again = generate_base(tmp_path / "b", n_records=300, seed=3)
    assert (again / "missions.yaml").read_text() == (tmp_path / "a" / "missions.yaml").read_text()


def test_typo_queries_point_at_real_records(tmp_path: Path) -> None:
    kb = load(generate_base(tmp_path, n_records=200, seed=1))
    pairs = typo_queries(kb, 50, seed=2)
    assert len(pairs) == 50
    assert all(kb.get(rid) is not None for _, rid in pairs)
    assert pairs == typo_queries(kb, 50, seed=2)
