"""Tests of the fuzzy search index: folding, typos, ambiguity, mentions, autocomplete."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import load
from knowledge.search import SearchIndex, fold

FIXTURE = Path(__file__).parent / "fixtures" / "search"


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(load(FIXTURE))


def _best(index: SearchIndex, query: str) -> str | None:
    result = index.search(query)
    return result.best.record_id if result.best else None


def test_fold_ignores_case_dashes_spaces_and_accents() -> None:
    assert fold("Progress MS-33") == fold("progress ms33") == "progressms33"
    assert fold("  Crème\tBrûlée!! ") == "cremebrulee"
    assert fold("🚀\x00") == ""


@pytest.mark.parametrize("query", ["crs35", "CRS 35", "SpX-35", "CRS-35", "spacex crs 35"])
def test_folded_forms_reach_crs_35(index: SearchIndex, query: str) -> None:
    assert _best(index, query) == "crs-35"


def test_designator_without_vehicle_when_unambiguous(index: SearchIndex) -> None:
    assert _best(index, "ms33") == "progress-ms-33"
    assert _best(index, "MS-33") == "progress-ms-33"


def test_shared_designator_is_ambiguous(index: SearchIndex) -> None:
    result = index.search("ms28")
    assert not result.confident
    assert result.best is None
    assert {"progress-ms-28", "soyuz-ms-28"} <= {m.record_id for m in result.suggestions}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("progres ms33", "progress-ms-33"),
        ("artemiev", "oleg-artemyev"),
        ("cygnis", "cygnus"),
        ("crs35", "crs-35"),
        ("Artemyev Oleg", "oleg-artemyev"),
        ("Олег Артемьев", "oleg-artemyev"),
        ("andrei fedyaev", "andrey-fedyaev"),
        ("fedyaev", "andrey-fedyaev"),
        ("dragon", "cargo-dragon"),
    ],
)
def test_typos_and_variants_are_confident(index: SearchIndex, query: str, expected: str) -> None:
    assert _best(index, query) == expected


def test_nonsense_is_not_confident(index: SearchIndex) -> None:
    assert not index.search("zxqv blorptang").confident


def test_short_queries_do_not_match_long_names(index: SearchIndex) -> None:
    # "air" is not "chair" (a word of a topic title).
    assert all("chair" not in m.name.casefold() for m in index.search("air").matches)
    ms = index.search("ms")
    assert not ms.confident
    assert ms.matches  # offered as "did you mean"
    assert not index.search("m").matches


def test_kinds_filter(index: SearchIndex) -> None:
    result = index.search("progress", kinds=["mission"])
    assert result.matches
    assert all(m.kind == "mission" for m in result.matches)
    assert index.search("progress", kinds=["vehicle"]).best is not None


def test_kinds_filter_typos(index: SearchIndex) -> None:
    assert _best(index, "cygnis") == "cygnus"
    found = index.search("cygnis", kinds=["vehicle"])
    assert found.best is not None
    assert found.best.record_id == "cygnus"
    assert all(m.kind == "mission" for m in index.search("cygnis", kinds=["mission"]).matches)
    assert index.search("crs35s", kinds=["mission"]).best is not None


def test_suggestions_are_at_most_five(index: SearchIndex) -> None:
    assert len(index.search("progress", limit=25).suggestions) <= 5
    assert len(index.search("progress", limit=3).matches) <= 3


def test_topics_by_title_only_and_sources_not_indexed(index: SearchIndex) -> None:
    assert _best(index, "why every soyuz chair is moulded to its cosmonaut") == "soyuz-seat-liners"
    assert not any(m.kind == "source" for m in index.search("search test fixture").matches)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("when does crs 34 launch", ["crs-34"]),
        ("what if progress ms-33 slips 6 months", ["progress-ms-33"]),
        ("compare cygnus and dragon", ["cygnus", "cargo-dragon"]),
        ("who is andrey fedyaev", ["andrey-fedyaev"]),
        ("when does progres ms33 launch", ["progress-ms-33"]),
        ("tell me about cygnis", ["cygnus"]),
        ("what is the weather like", []),
    ],
)
def test_find_mentions(index: SearchIndex, text: str, expected: list[str]) -> None:
    assert [m.record_id for m in index.find_mentions(text)] == expected


def test_find_mentions_spans_and_ambiguity(index: SearchIndex) -> None:
    text = "did ms28 damage the pad?"
    found = index.find_mentions(text)
    assert {m.record_id for m in found} == {"progress-ms-28", "soyuz-ms-28"}
    assert {text[m.start : m.end] for m in found} == {"ms28"}


def test_autocomplete_prefix_first(index: SearchIndex) -> None:
    names = [c.name for c in index.autocomplete("prog")]
    assert names[0].startswith("Progress")
    assert all(n.startswith("Progress") for n in names)


def test_autocomplete_kind_filter_and_limits(index: SearchIndex) -> None:
    choices = index.autocomplete("progress", kind="mission")
    assert {c.value for c in choices} == {"progress-ms-33", "progress-ms-28"}
    everything = index.autocomplete("a", limit=100)
    assert len(everything) <= 25
    long = index.autocomplete("a deliberately long topic")
    assert long[0].value == "long-topic"
    assert all(len(c.name) <= 100 for c in long)


def test_autocomplete_empty_gives_newest_missions(index: SearchIndex) -> None:
    values = [c.value for c in index.autocomplete("", kind="mission")]
    assert values[:2] == ["crs-35", "ng-24"]  # planned 2026-08, 2026-Q3
    assert values[-1] == "progress-ms-28"
    assert len(index.autocomplete("")) <= 25


def test_autocomplete_fuzzy_fallback(index: SearchIndex) -> None:
    assert index.autocomplete("cygnis")[0].value == "cygnus"
    assert index.autocomplete("zzzzqqq") == []


_LONG = st.text(min_size=1, max_size=60).map(lambda s: (s * 10_000)[:10_000])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300) | _LONG)
def test_any_string_is_handled(index: SearchIndex, text: str) -> None:
    result = index.search(text)
    assert len(result.matches) <= 5
    assert result.best is None or result.best in result.matches
    assert all(0 <= m.score <= 100 for m in result.matches)
    choices = index.autocomplete(text)
    assert len(choices) <= 25
    assert all(len(c.name) <= 100 for c in choices)
    mentions = index.find_mentions(text)
    assert len({m.record_id for m in mentions}) == len(mentions)
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)


def test_accuracy_on_a_generated_base(tmp_path: Path) -> None:
    from knowledge.generate import generate_base, typo_queries

    kb = load(generate_base(tmp_path, n_records=1000, seed=5))
    big = SearchIndex.build(kb)
    pairs = typo_queries(kb, 300, seed=6)
    top1 = sum(
        bool(r.matches) and r.matches[0].record_id == rid
        for q, rid in pairs
        for r in [big.search(q)]
    )
    wrong = sum(
        r.best is not None and r.best.record_id != rid for q, rid in pairs for r in [big.search(q)]
    )
    assert top1 / len(pairs) >= 0.9
    assert wrong / len(pairs) <= 0.02
