"""The literal prefilter of phrase patterns: a pattern it skips could not have matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.understand import vocabulary as vocab
from commands.understand.prefilter import (
    Phrases,
    adopt_needs,
    known_needs,
    needed_strings,
    phrases,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def _table_patterns() -> list[Phrases]:
    """Every prefiltered pattern of the vocabulary tables."""
    found: list[Phrases] = []
    for value in vars(vocab).values():
        rows = value if isinstance(value, tuple) else (value,)
        for row in rows:
            cells = row if isinstance(row, tuple) else (row,)
            found += [c for c in cells if isinstance(c, Phrases)]
    for p in found:
        assert p.needs is None or all(p.needs)  # read now, so the first search is filtered
    return found


def _questions() -> list[str]:
    out: list[str] = []
    for name in ("dev-questions", "more-questions", "paraphrases"):
        cases = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
        out += [c["ask"] for c in cases if c.get("ask")]
    return out


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bhow many\b", {"how many"}),
        (r"\blaunch(?:es|ing)?\b", {"launch"}),  # the shortest form every match holds
        (r"\b(?:did|does|do)\b", {"did", "do"}),  # "does" holds "do"
        (r"\bunpressuri[sz]ed\b", {"unpressurised", "unpressurized"}),
        (r"\bnext\s+\w+\s+flight", {"flight"}),  # the longest literal run
        (r"\bwhy\b|\bexplain\b", {"why", "explain"}),
        (r"\bwhy\b|\w+er\b", {"why", "er"}),
    ],
)
def test_needed_strings_are_the_literals_every_match_holds(pattern: str, needs: set[str]) -> None:
    assert needed_strings(re.compile(pattern, re.I)) == frozenset(needs)


@pytest.mark.parametrize(
    "pattern",
    [r"\w+", r"^\s*$", r"\b(?:a|b)?\b", r"[^?]*", r"(?-i:X)y?", r"\d{1,3}"],
)
def test_a_pattern_that_may_match_without_a_literal_always_runs(pattern: str) -> None:
    assert needed_strings(re.compile(pattern, re.I)) is None
    assert phrases(pattern, re.I).needs is None


@pytest.mark.parametrize(
    "text",
    [
        "HOW MANY flights",  # case ignored like the regex ignores it
        "how ſo many",  # long s: the regex reads it as "s"; the text is not folded, just run
        "the \u212aelvin scale",  # Kelvin sign matches "k"
        "сколько рейсов",
        "",
        "nothing here",
    ],
)
def test_skipped_or_run_the_answer_is_the_regex_own(text: str) -> None:
    for pattern in (r"\bhow many\b", r"\bso\b", r"\bkelvin\b", r"\bсколько\b", r"here"):
        compiled = re.compile(pattern, re.I)
        wrapped = Phrases(compiled)
        expected = compiled.search(text)
        got = wrapped.search(text)
        assert (got and got.span()) == (expected and expected.span())
        assert wrapped.sub("X", text) == compiled.sub("X", text)
        assert [m.span() for m in wrapped.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]


def test_every_table_pattern_agrees_with_its_regex_on_the_question_sets() -> None:
    patterns = _table_patterns()
    assert len(patterns) > 100
    for text in _questions():
        for variant in (text, text.lower(), text.upper()):
            for p in patterns:
                got, expected = p.search(variant), p.compiled.search(variant)
                assert (got and got.span()) == (expected and expected.span()), (p, variant)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefhiklmnorstuwy ,'?-ſKİıсколькоᲀ", max_size=40))
def test_table_patterns_agree_with_their_regex_on_any_text(text: str) -> None:
    for p in _table_patterns():
        got, expected = p.search(text), p.compiled.search(text)
        assert (got and got.span()) == (expected and expected.span()), (p, text)


def test_a_pattern_is_compiled_when_first_run_not_when_made() -> None:
    p = phrases(r"\b(?:never|run)\s+yet\b", re.I)
    assert p._compiled is None
    assert p.search("never yet") is not None
    assert p._compiled is not None


def test_adopted_needs_skip_and_leave_uncompiled_a_pattern_the_text_cannot_match() -> None:
    source = r"\bdocking\s+(?:port|adapter)s?\b"
    table = known_needs()
    assert {(p.pattern, p.compiled.flags) for p in _table_patterns()} <= {
        (pattern, re.compile(pattern, flags).flags) for pattern, flags in table
    }
    table[(source, re.I)] = ("docking",)  # as known_needs reads it
    fresh, unknown = phrases(source, re.I), phrases(r"\bberthing\b", re.I)
    adopt_needs(table)
    assert fresh.search("when does crs-35 launch") is None
    assert fresh._compiled is None  # skipped on its first search: its needs were known
    assert fresh.search("which Docking Port?") is not None
    unknown.search("when does crs-35 launch")
    assert unknown._compiled is not None  # not in the table: its first search runs it
