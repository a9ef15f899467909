"""Reading questions into their form, facts and subjects, before anything is looked up."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.context import Context
from commands.router import clean
from commands.understand.reader import read
from commands.understand.types import Ask, Fact


@pytest.mark.parametrize(
    ("text", "ask", "fact", "subjects"),
    [
        ("who flew up on soyuz ms-28", Ask.WHO, Fact.CREW, ("soyuz-ms-28",)),
        ("how much does a cygnus flight cost", Ask.HOW_MUCH, Fact.COST, ("cygnus",)),
        ("when did crs-33 undock", Ask.WHEN, Fact.UNDOCKING, ("crs-33",)),
        ("where does cygnus launch from", Ask.WHERE, Fact.PAD, ("cygnus",)),
        ("what rocket launches htv-x", Ask.WHAT, Fact.LAUNCHER, ("htv-x",)),
        ("who builds the progress spacecraft", Ask.WHO, Fact.BUILDER, ("progress-ms",)),
        ("did ng-24 launch", Ask.YES_NO, Fact.LAUNCH, ("ng-24",)),
        ("how long did crew-12 stay", Ask.HOW_LONG, Fact.STAY, ("crew-12",)),
        ("how many people does soyuz carry", Ask.HOW_MANY, Fact.CREW_SIZE, ("soyuz-ms",)),
        ("soyuz ms 29 crew", Ask.WHAT, Fact.CREW, ("soyuz-ms-29",)),
        ("who flew on ms-28", Ask.WHO, Fact.CREW, ("soyuz-ms-28",)),  # a crew: the Soyuz
    ],
)
def test_form_fact_and_subject(
    ctx: Context, text: str, ask: Ask, fact: Fact, subjects: tuple[str, ...]
) -> None:
    q = read(ctx, clean(text))
    assert q.ask == ask
    assert q.facts[0] == fact
    assert q.record_ids == subjects


def test_a_name_alone_is_a_description(ctx: Context) -> None:
    for text in ("CRS-35", "Oleg Artemyev", "who is andrey fedyaev", "Кто такой Олег Артемьев"):
        assert read(ctx, text).ask == Ask.DESCRIBE, text


def test_a_word_of_a_name_is_narrowed_by_the_rest_of_the_message(ctx: Context) -> None:
    assert read(ctx, "dragon vs cygnus cargo").record_ids == ("cargo-dragon", "cygnus")
    both = read(ctx, "is dragon reusable")
    assert not both.subjects
    assert {s.record_id for s in both.ambiguous[0]} == {"cargo-dragon", "crew-dragon"}


def test_what_the_base_does_not_know(ctx: Context) -> None:
    artemis = read(ctx, "when does artemis 2 launch")
    assert artemis.unknown == ("artemis 2",)
    assert not artemis.subjects  # never Artemyev
    assert read(ctx, "artemis ii crew").unknown == ("artemis ii",)
    assert read(ctx, "whats spacex stock price").untracked == "stock prices"
    assert read(ctx, "what's the weather at baikonur").untracked == "the weather"
    assert read(ctx, "who is Suni Williams").unknown == ("Suni Williams",)
    assert read(ctx, "who is elon musk").unknown


def test_follow_ups_are_recognised(ctx: Context) -> None:
    for text in ("who replaced him", "and its cost?", "what about the russian one", "why?"):
        assert read(ctx, text).refers_back, text
    own = read(ctx, "how many missions are in the crs-2 contract and what did it cost")
    assert not own.refers_back  # "it" is the contract named in the same message
    assert not read(ctx, "when does crs-35 launch").refers_back


def test_slang_reaches_the_topic(ctx: Context) -> None:
    q = read(ctx, "why is soyuz in such a mess rn")
    assert q.ask == Ask.WHY
    assert q.topics[0].topic_id == "soyuz-in-trouble"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_text_reads_into_a_question(ctx: Context, text: str) -> None:
    q = read(ctx, clean(text))
    assert isinstance(q.ask, Ask)
    assert all(s.record_id in ctx.kb.kinds for s in q.subjects)
    assert all(len(g) > 1 for g in q.ambiguous)


def test_a_year_dating_a_milestone_is_no_year_filter(ctx: Context) -> None:
    q = read(ctx, clean("site 31 had its 400th launch in 2020, how many launches in total"))
    assert q.year is None
    assert q.unknown == ()
    assert read(ctx, clean("how many launches from site 31 in 2025")).year == 2025


def test_a_name_that_is_a_word_is_the_vehicle_after_a_verb(ctx: Context) -> None:
    assert read(ctx, clean("how much water does a progress bring")).record_ids == ("progress-ms",)
    assert read(ctx, clean("any word on the progress of the repair")).record_ids == ()


def test_station_stocks_are_no_share_price(ctx: Context) -> None:
    for text in (
        "how far can stocks fall before the crew must abandon the iss",
        "are water stocks running out up there",
        "what are the stock levels right now",
    ):
        assert read(ctx, text).untracked == "", text
    for text in ("is boeing stock a buy", "northrop grumman stocks today"):
        assert read(ctx, text).untracked == "stock prices", text
