"""The start-up cache: the same base back for the same bytes, a full load for anything else."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

import knowledge.cache
from knowledge import KnowledgeBase, LoadError, load
from knowledge.cache import load_cached
from knowledge.limits import Limits
from knowledge.search import SearchIndex

VALID = Path(__file__).parent / "fixtures" / "valid"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return Path(shutil.copytree(VALID, tmp_path / "kb"))


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders fully loaded (parsed and validated) rather than read from the cache."""
    seen: list[Path] = []
    real: Callable[[Path, Limits], KnowledgeBase] = knowledge.cache.load

    def counting(folder: Path, limits: Limits) -> KnowledgeBase:
        seen.append(folder)
        return real(folder, limits)

    monkeypatch.setattr(knowledge.cache, "load", counting)
    return seen


def same_base(kb: KnowledgeBase) -> KnowledgeBase:
    return kb


def same(a: KnowledgeBase, b: KnowledgeBase) -> bool:
    return (
        dict(a.kinds) == dict(b.kinds)
        and dict(a.origins) == dict(b.origins)
        and all(a.get(i) == b.get(i) for i in a.kinds if a.kinds[i] != "source")
        and dict(a.sources) == dict(b.sources)
        and a.as_of == b.as_of
    )


def test_unchanged_files_are_read_from_the_cache(
    base: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    first = load_cached(base, tmp_path / "cache", same_base)
    second = load_cached(base, tmp_path / "cache", same_base)
    assert full_loads == [base]
    assert same(first, second)
    assert same(second, load(base))
    mission = next(iter(second.missions.values()))
    with pytest.raises(ValidationError):  # still the read-only records the loader makes
        mission.name = "changed"  # type: ignore[misc]


def test_an_edited_file_is_validated_again(base: Path, tmp_path: Path) -> None:
    load_cached(base, tmp_path / "cache", same_base)
    missions = base / "missions.yaml"
    missions.write_text(missions.read_text() + "\n- id: Not An Id\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_cached(base, tmp_path / "cache", same_base)
    assert "missions.yaml" in caught.value.report()
    with pytest.raises(LoadError):  # a base with problems is never cached
        load_cached(base, tmp_path / "cache", same_base)


def test_a_new_file_is_a_miss(base: Path, tmp_path: Path, full_loads: list[Path]) -> None:
    load_cached(base, tmp_path / "cache", same_base)
    (base / "notes.yaml").write_text("- hello\n", encoding="utf-8")
    with pytest.raises(LoadError):
        load_cached(base, tmp_path / "cache", same_base)
    assert full_loads == [base, base]


def test_a_corrupt_entry_is_ignored_and_replaced(
    base: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    cache = tmp_path / "cache"
    load_cached(base, cache, same_base)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    assert same(load_cached(base, cache, same_base), load(base))
    assert same(load_cached(base, cache, same_base), load(base))
    assert full_loads == [base, base]


def test_an_entry_others_can_write_is_not_trusted(
    base: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    cache = tmp_path / "cache"
    load_cached(base, cache, same_base)
    (entry,) = cache.glob("*.pickle")
    entry.chmod(0o666)
    load_cached(base, cache, same_base)
    assert full_loads == [base, base]


def test_an_unwritable_cache_only_costs_speed(base: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert same(load_cached(base, blocked / "cache", same_base), load(base))


def test_what_is_built_on_the_base_is_cached_with_it(base: Path, tmp_path: Path) -> None:
    built = load_cached(base, tmp_path / "cache", SearchIndex.build)
    again = load_cached(base, tmp_path / "cache", SearchIndex.build)
    assert again is not built
    for query in ("crs35", "cygnis", "ms"):
        assert again.search(query) == built.search(query)


def test_changed_code_is_a_miss(base: Path, tmp_path: Path, full_loads: list[Path]) -> None:
    code = tmp_path / "code"
    code.mkdir()
    (code / "indexes.py").write_text("LIMIT = 1\n", encoding="utf-8")
    load_cached(base, tmp_path / "cache", same_base, [code])
    load_cached(base, tmp_path / "cache", same_base, [code])
    (code / "indexes.py").write_text("LIMIT = 2\n", encoding="utf-8")
    load_cached(base, tmp_path / "cache", same_base, [code])
    assert full_loads == [base, base]


def test_other_limits_are_a_miss(base: Path, tmp_path: Path, full_loads: list[Path]) -> None:
    load_cached(base, tmp_path / "cache", same_base)
    with pytest.raises(LoadError):  # validated again, under limits it does not meet
        load_cached(base, tmp_path / "cache", same_base, limits=Limits(max_total_mb=0.0001))
    assert full_loads == [base, base]
