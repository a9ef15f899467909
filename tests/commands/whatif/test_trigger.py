"""What the router hands to the what-if: leads and their typos, softer leads only with a change,
and the scenario inside the message."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.context import Context
from commands.router import answer, clean, is_whatif
from commands.whatif.trigger import asked_supplies, looks_like_whatif, strip_lead
from tests.commands.conftest import TODAY


@pytest.mark.parametrize(
    "text",
    [
        "what if crs-35 slips",
        "What if CRS-35 slips 3 months?",
        "wat if ms-34 blew up on launch",
        "wht if crs-35 slips 2 months",
        "whta if the pad is down",
        "waht if dragon is grounded",
        "whatif crs-35 is cancelled",
        "what-if crs-35 is cancelled",
        "so what if we lose the next progress",
        "suppose ng-24 never launches",
        "imagine the soyuz pad is out for a year",
        "assume crew goes to 4",
        "hypothetically, no cargo for 6 months",
        "let's say crs-35 slips a month",
        "what happens if the next dragon explodes",
        "what would happen if baikonur is down another year",
        "if crs-35 slips 3 months then?",
        "if crs-35 moves up two weeks then what",
        "if ng-24 slips 3 months, are we ok?",
        "what if",
        "what if the moon falls",
        "what happens if crew-13 has to come home early",
        "what would happen if the soyuz crew bailed early",
        "what happens if an h3 has a launch failure",
        "what happens if there's a crew of 3 instead of 7",
    ],
)
def test_what_ifs_are_recognised(text: str) -> None:
    assert looks_like_whatif(text)


@pytest.mark.parametrize(
    "text",
    [
        "what happens if the iss runs out of food",
        "what is the next progress",
        "when does crs-35 launch",
        "why is soyuz in trouble",
        "if you know, when is crs-35",
        "what was crs-34's cargo",
        "whatever",
        "wait, when is the next launch",
    ],
)
def test_questions_that_are_not_what_ifs(text: str) -> None:
    assert not looks_like_whatif(text)


@pytest.mark.parametrize(
    ("text", "body", "details"),
    [
        ("what if CRS-35 slips 3 months?", "CRS-35 slips 3 months", False),
        ("wat if ms-34 blew up on launch", "ms-34 blew up on launch", False),
        ("if crs-35 slips 3 months then what?", "crs-35 slips 3 months", False),
        ("suppose NG-24 never launches, are we ok?", "NG-24 never launches", False),
        ("what if crs-35 slips 3 months details", "crs-35 slips 3 months", True),
        ("what if crs-35 slips 3 months (details)", "crs-35 slips 3 months", True),
        ("what if crs-35 slips 3 months --full", "crs-35 slips 3 months", True),
        ("what if crs-35 slips 3 months, in detail?", "crs-35 slips 3 months", True),
    ],
)
def test_strip_lead_keeps_the_scenario(text: str, body: str, details: bool) -> None:
    assert strip_lead(text) == (body, details)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["what if", "wat if", "wht if", "whatif", "suppose", "imagine"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60),
)
def test_a_what_if_lead_always_routes_to_the_what_if(ctx: Context, lead: str, rest: str) -> None:
    text = f"{lead} {rest}".strip()
    assert is_whatif(clean(text))
    r = answer(ctx, text, TODAY)
    assert r.kind in ("whatif", "error", "suggestions"), r.plain()
    assert r.kind == "whatif" or r.suggestions, r.plain()  # never a lookup; always a way on


# --- no lead, but a change and a question about its outcome ----------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("baikonur is out for 4 months, what happens then", "baikonur is out for 4 months"),
        ("dragon grounded for a year does the station survive", "dragon grounded for a year"),
        ("say the next progress blows up, are we screwed", "the next progress blows up"),
        (
            "how many days does one extra progress flight in march give us",
            "one extra progress flight in march",
        ),
        ("if recycling fell to 90% how long would the water last", "recycling fell to 90%"),
    ],
)
def test_a_change_with_an_outcome_question_is_a_what_if(text: str, body: str) -> None:
    assert looks_like_whatif(text)
    assert strip_lead(text)[0] == body


@pytest.mark.parametrize(
    "text",
    [
        "does the iss make it to 2030",
        "how much runway is left",
        "say hi",
        "what happens to cargo dragon after splashdown",
    ],
)
def test_outcome_words_without_a_change_are_no_what_if(text: str) -> None:
    assert not looks_like_whatif(text)


@pytest.mark.parametrize(
    "text",
    [
        "japan stops flying htv-x in 2028",
        "cygnus is grounded from mid 2027",
        "the russians cease sending progress in early 2027",
    ],
)
def test_a_change_dated_in_a_year_with_a_present_verb_is_a_scenario(text: str) -> None:
    assert looks_like_whatif(text)


@pytest.mark.parametrize(
    "text",
    [
        "cygnus was grounded for 8 months in 2024",
        "progress ms-30 slipped a week in 2025",
        "dragon cargo stopped flying in 2020",
    ],
)
def test_a_change_dated_in_a_year_with_a_past_verb_is_history(text: str) -> None:
    assert not looks_like_whatif(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what would happen to the water if crs-35 slips 2 months", ("water",)),
        ("how is oxygen looking if the crew goes up to 9", ("oxygen",)),
        ("how does food and water hold up if cygnus is out for half a year", ("food", "water")),
    ],
)
def test_a_supply_asked_after_by_its_fate_leads_the_reply(
    ctx: Context, text: str, asked: tuple[str, ...]
) -> None:
    assert looks_like_whatif(text)
    assert asked_supplies(text) == asked
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif"
    assert reply.text.lower().startswith(asked[0])
