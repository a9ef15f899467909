"""A yes/no of flying again asked of a topic, and a rank claimed of a designation the
question types before it, against a place's own sentence."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _text(ctx: Context, *turns: str) -> str:
    return ask(ctx, *turns).text


def test_topic_follow_up_flown_again_is_yes_with_the_first_flight(ctx: Context) -> None:
    text = _text(ctx, "tell me about the december 2025 h3 failure", "has it flown again since?")
    assert "Yes. H3 flew again on 11 August 2026" in text


def test_returned_to_flight_of_a_named_rocket_is_yes(ctx: Context) -> None:
    text = _text(ctx, "has the h3 rocket returned to flight?")
    assert text.startswith("Yes. H3 flew again on 11 August 2026") or "\n\nYes. H3 flew" in text


def test_typed_holder_stated_by_the_place_is_yes(ctx: Context) -> None:
    text = _text(ctx, "was crew-9 the first crew launch from slc-40")
    assert "Yes. September 2024: Crew-9 became the first crewed launch" in text


def test_rank_of_the_place_itself_stays_unknown(ctx: Context) -> None:
    text = _text(ctx, "was slc-40 the first pad to launch crew?")
    assert text.startswith("Not known")


def test_a_second_failure_is_not_affirmed_by_the_first(ctx: Context) -> None:
    """'did it fail again' of a vehicle with one recorded failure: never Yes from the sentence
    of that one failure."""
    text = _text(ctx, "tell me about the december 2025 h3 failure", "so has it failed again?")
    assert not text.startswith("Yes"), text
