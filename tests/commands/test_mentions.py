"""Several mentions of a designation no record is about: every flight its texts name, counted."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, lead

_C209 = "CRS-22, CRS-24, CRS-27, CRS-30, CRS-32 and CRS-34"


def test_which_flights_a_capsule_flew_lists_every_mention(ctx: Context) -> None:
    for text in (
        "which missions has capsule c209 been on",
        "list the flights of dragon C209",
        "what flights used c-209",
        "how many times has the C209 capsule gone up",
        "how many missions did c209 fly",
    ):
        first = lead(ctx, text)
        assert f"6 flights of C209: {_C209}" in first, (text, first)
        assert "count its texts mention" in first, (text, first)


def test_a_contract_named_beside_a_flight_is_no_flight(ctx: Context) -> None:
    first = lead(ctx, "which cargo flights did capsule c209 make")
    assert "CRS-2," not in first, first
    assert "CRS-2 " not in first, first


def test_a_designation_no_text_mentions_is_still_unknown(ctx: Context) -> None:
    for text in ("how many flights has capsule C212 made", "which missions did C230 fly"):
        reply = answer(ctx, text, TODAY)
        assert "texts name" not in reply.text, (text, reply.plain())


def test_one_fact_of_a_mentioned_flight_stays_one_sentence(ctx: Context) -> None:
    for text in ("how many reboosts did NG-19 do", "how long did ng-19 burn for the reboost"):
        first = lead(ctx, text)
        assert "22 min 48 s" in first, (text, first)
