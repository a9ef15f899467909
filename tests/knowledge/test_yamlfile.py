"""The YAML reader: the same data as PyYAML, limits stopped early, any input a problem at worst."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.limits import Limits
from knowledge.yamlfile import Problem, YamlDocument, _Loader, parse_yaml


def parsed(text: str, **limits: Any) -> tuple[YamlDocument | None, list[str]]:
    problems: list[Problem] = []
    doc = parse_yaml(text, "x.yaml", problems, Limits(**limits))
    return doc, [f"{p.line}: {p.message}" for p in problems]


def only_problem(text: str, **limits: Any) -> str:
    doc, problems = parsed(text, **limits)
    assert doc is None
    [problem] = problems
    return problem


@pytest.mark.parametrize(
    "text",
    ["[[[[x]]]]\n", "- - - - x\n", "a:\n  b:\n    c:\n      d: x\n", "- {a: [b, {c: x}]}\n"],
)
def test_depth_at_the_limit_is_fine_and_one_more_is_refused(text: str) -> None:
    doc, problems = parsed(text, max_depth=4)
    assert doc is not None
    assert problems == []
    message = only_problem(text, max_depth=3)
    assert "nested deeper than 3 levels (setting max_depth)" in message
    assert message.endswith("(the rest of this file was not checked)")


def test_deep_nesting_is_refused_without_recursing() -> None:
    for text in ("[" * 200_000, "- " * 100_000 + "x", "{a: " * 100_000):
        assert "nested deeper than 32 levels" in only_problem(text)


def test_alias_expansion_is_counted_as_written_out() -> None:
    text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"  # each *a stands for a list and its 3 items
    doc, problems = parsed(text, max_alias_nodes=8)
    assert doc is not None
    assert problems == []
    assert doc.data == {"a": [1, 2, 3], "b": [[1, 2, 3], [1, 2, 3]]}
    assert only_problem(text, max_alias_nodes=7).startswith(
        "2: the aliases (*a here) stand for more than 7 values when written out"
        " (setting max_alias_nodes)"
    )


def test_the_billion_laughs_stop_at_the_first_levels() -> None:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]
    assert only_problem("\n".join(lines)).startswith("4: the aliases (*l2 here)")


def test_records_per_file_are_counted_at_the_top_level() -> None:
    text = "- {id: a, tags: [x, y, z]}\n- {id: b}\n- {id: c}\n"
    assert parsed(text, max_records_per_file=3)[1] == []
    assert only_problem(text, max_records_per_file=2).startswith(
        "3: more than 2 records in one file (setting max_records_per_file)"
    )


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("- *nowhere\n", "1: YAML syntax error: the alias *nowhere names no anchor &nowhere"),
        ("- &a 1\n- &a 2\n", "2: YAML syntax error: the anchor &a is defined twice (first on"),
        ("a: 1\n---\nb: 2\n", "2: YAML syntax error: a second YAML document starts here"),
        ("a: \x07\n", "1: character U+0007 at column 4 is not allowed in YAML: remove it"),
    ],
)
def test_structural_errors_are_one_problem(text: str, start: str) -> None:
    assert only_problem(text).startswith(start)


def test_a_recursive_alias_is_read_once() -> None:
    doc, problems = parsed("- &a [x, *a]\n")
    assert doc is not None
    assert problems == []
    assert doc.data[0][1] is doc.data[0]


def test_lines_point_at_keys_items_and_aliases() -> None:
    doc, _ = parsed("- id: a\n  tags:\n    - x\n    - &t y\n- *t\n")
    assert doc is not None
    assert doc.lines[(0, "tags", 1)] == 4
    assert doc.lines[(1,)] == 5  # the alias, where it is used
    assert doc.raw == {}


def test_typed_scalars_keep_their_text() -> None:
    doc, _ = parsed("a: 35\nb: NO\nc: 2026-05-10\nd: 2026-02-30\ne: '35'\n")
    assert doc is not None
    assert doc.data == {
        "a": 35,
        "b": False,
        "c": dt.date(2026, 5, 10),
        "d": "2026-02-30",
        "e": "35",
    }
    assert doc.raw == {("a",): "35", ("b",): "NO", ("c",): "2026-05-10", ("d",): "2026-02-30"}


# -- property tests ---------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=True),
    st.text(max_size=12),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)
_keys = st.one_of(st.text(min_size=1, max_size=8), st.integers(0, 99))
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_data, flow=st.sampled_from([None, True, False]))
def test_reads_what_pyyaml_reads(data: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    doc, problems = parsed(text)
    assert problems == []
    assert doc is not None
    assert doc.data == yaml.load(text, Loader=_Loader)


_yamlish = st.text(
    alphabet=st.sampled_from(list("-:[]{},&*!|>'\"#?@` \n\tabc123.~<%") + ["\x00", "é", "\ufeff"]),
    max_size=80,
)


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(_yamlish, st.text(max_size=60)))
def test_any_text_is_data_or_problems_never_an_exception(text: str) -> None:
    problems: list[Problem] = []
    doc = parse_yaml(text, "x.yaml", problems, Limits(max_depth=8, max_alias_nodes=50))
    assert doc is not None or problems
    for problem in problems:
        assert "\n" not in problem.message
        assert problem.line >= 1
