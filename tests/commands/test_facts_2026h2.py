"""The fact base's update to mid-October 2026, asked through the public answer() as a user would.

Patterns are loose and fact-level (dates, names, honesty phrases), not the reply's layout, so the
router can change how it words an answer without breaking these."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY

BEFORE_CRS_35 = dt.date(2026, 10, 10)


def _text(ctx: Context, question: str, now: dt.date = TODAY) -> str:
    reply = answer(ctx, question, now)
    assert reply.kind == "answer", reply.plain()
    assert reply.sources, "an answer names its sources"
    return reply.plain()


def _has(text: str, *patterns: str) -> None:
    for pattern in patterns:
        assert re.search(pattern, text, re.IGNORECASE), f"{pattern!r} not in:\n{text}"


def test_base_is_current_to_october_2026(ctx: Context) -> None:
    assert ctx.kb.as_of == dt.date(2026, 10, 10)


def test_when_did_crew_13_launch(ctx: Context) -> None:
    text = _text(ctx, "when did crew-13 launch")
    _has(text, r"1 October 2026", r"Watkins", r"SLC-40|Space Launch Complex 40")


def test_did_soyuz_ms_29_launch(ctx: Context) -> None:
    text = _text(ctx, "did soyuz ms-29 launch")
    _has(text, r"launched.{0,20}14 July 2026", r"Dubrov", r"Menon")
    assert "whether it flew is not known" not in text


def test_is_crew_12_home(ctx: Context) -> None:
    text = _text(ctx, "is crew-12 home")
    _has(text, r"splash(ed)? ?down", r"8 October 2026")


def test_when_is_crs_35_reads_as_the_october_plan_not_an_outcome(ctx: Context) -> None:
    text = _text(ctx, "when is crs-35")
    _has(text, r"13 October 2026", r"no update recorded since 7 October 2026")
    assert "CRS-35 launched on 13 October 2026." not in text
    before = _text(ctx, "when is crs-35", BEFORE_CRS_35)
    _has(before, r"planned for 13 October 2026")


@pytest.mark.parametrize(
    ("question", "patterns"),
    [
        ("Прогресс МС-35", [r"Progress MS-35", r"16 September 2026", r"CelesTrak"]),
        ("progress ms-36", [r"November 2026", r"tour operator"]),
        ("ng-24", [r"11 April 2026", r"9 October 2026"]),
        ("ng-25", [r"Fall 2026|Q4 2026"]),
        ("htv-x1", [r"re-?entered", r"27 May 2026"]),
        ("soyuz ms-30", [r"March 2027"]),
        ("who is on crew-13", [r"Delaney", r"Kutryk", r"Teteryatnikov"]),
        ("starliner-1", [r"under review"]),
    ],
)
def test_new_and_updated_records_answer_from_the_new_facts(
    ctx: Context, question: str, patterns: list[str]
) -> None:
    _has(_text(ctx, question), *patterns)


def test_progress_ms_34_more_than_is_not_read_as_exactly(ctx: Context) -> None:
    text = _text(ctx, "what is progress ms-34 carrying")
    _has(text, r"more than 2,500 kg")
    assert not re.search(r"(?<!than )\b2,500 kg", text)
