"""A yes/no claim of a rank ("the only pad", "the first Cygnus XL") that the subject's own
sentence writes whole is Yes, quoted; a narrower or limited sentence is never a Yes."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import first


@pytest.mark.parametrize(
    "q",
    [
        "is site 31 the only pad that can launch soyuz to the iss",
        "is site 31 the only pad that launches progress to the iss",
        "is baikonur site 31/6 the only pad for soyuz",
        "is site 31 the only pad left for soyuz",
        "was ng-23 the first cygnus xl",
    ],
)
def test_a_rank_the_record_states_is_yes(ctx: Context, q: str) -> None:
    text = first(ctx, q)
    assert text.startswith("Yes. "), text
    assert "no recorded fact says" not in text


@pytest.mark.parametrize(
    "q",
    [
        # the sentence says "the first crewed Dragon launch after SpaceX moved ...": narrower
        "was crew-12 the first crewed launch from slc-40",
        # the sentence says "since the pad was damaged"
        "was soyuz ms-29 the first crewed launch from site 31",
    ],
)
def test_a_narrower_or_limited_sentence_is_no_yes(ctx: Context, q: str) -> None:
    text = first(ctx, q)
    assert not text.startswith("Yes"), text


@pytest.mark.parametrize(
    "q",
    [
        "is slc-40 the only pad for dragon",
        "is slc 40 the only launch pad for dragon flights",
        "is 31/6 russia's only pad for crew launches",
        "is site 31 russia's only pad for progress",
    ],
)
def test_a_rank_a_topic_or_a_possessive_states_is_yes(ctx: Context, q: str) -> None:
    text = first(ctx, q)
    assert text.startswith("Yes. "), text


@pytest.mark.parametrize(
    "q", ["is lc-39a the only pad for dragon", "is slc-40 the only place dragon launches from"]
)
def test_a_rank_no_sentence_states_stays_not_known_with_what_is_recorded(
    ctx: Context, q: str
) -> None:
    text = first(ctx, q)
    assert text.startswith("Not known"), text
    assert "only from SLC-40" in text, text


def test_a_disputed_or_retracted_claim_never_states_a_rank(ctx: Context) -> None:
    # the sentences say the Angara A5M plan is disputed (Proton-M, January 2026)
    for q in (
        "will the first ros module go up on an angara a5m",
        "is ros's first module on angara-a5m",
    ):
        text = first(ctx, q)
        assert not text.startswith("Yes"), (q, text)
