"""Follow-ups asking a sub-fact of the last subject, homonyms used off-topic, and mis-reads
of a name beside a command word or a plain word (issue 12, fresh questions)."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, ask


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


def test_transit_time_is_derived_from_launch_and_docking(ctx: Context) -> None:
    for turns, name in (
        (("tell me about crew-12", "how long did it take them to reach the station"), "Crew-12"),
        (("how long did progress ms-33 take to dock",), "Progress MS-33"),
        (("ng-23", "and how long was the trip up?"), "NG-23"),
    ):
        reply = ask(ctx, *turns)
        assert reply.kind == "answer", (turns, reply.plain())
        lead = _lead(reply.text)
        assert f"{name} took" in lead, lead
        assert "derived from the recorded dates" in lead, lead
    stay = ask(ctx, "how long did ng-23 stay")  # the stay is still the stay
    assert "stayed about" in _lead(stay.text)


def test_a_persons_earlier_flight_is_named(ctx: Context) -> None:
    for second in (
        "what was his previous flight?",
        "had he flown before?",
        "has he been to space before?",
    ):
        reply = ask(ctx, "who is andrey fedyaev", second)
        assert "Crew-6" in _lead(reply.text), (second, reply.plain())
    first = ask(ctx, "who is andrey fedyaev", "what was his first mission?")
    assert "first recorded flight was Crew-6" in _lead(first.text)
    rookie = ask(ctx, "who is zena cardman", "had she flown before?")
    assert _lead(rookie.text).startswith("No."), rookie.plain()


def test_a_new_name_in_a_follow_up_wins_over_the_topic(ctx: Context) -> None:
    reply = ask(ctx, "why is soyuz in trouble", "how much propellant did MS-32 bring?")
    assert reply.entities[0] == "progress-ms-32"
    assert "propellant" in _lead(reply.text)


def test_a_name_used_as_an_everyday_word_is_not_the_spacecraft(ctx: Context) -> None:
    for text in (
        "my windows progress bar is stuck",
        "progress on my thesis",
        "Progress on my dissertation is slow",
        "what telescope should I buy to see the station",
        "are binoculars enough to spot the iss",
    ):
        reply = answer(ctx, text, TODAY)
        assert reply.title == "Not something I track", (text, reply.plain())
        assert "I cover ISS resupply" in reply.text
    for text in ("progress ms-33 status", "progress launch date", "is progress reusable"):
        assert answer(ctx, text, TODAY).kind == "answer", text
    # "the investigation" is no investment
    probe = answer(ctx, "how is the progress on the crew-12 investigation", TODAY)
    assert "stock" not in probe.text


def test_mis_reads_of_a_name_beside_a_plain_or_command_word(ctx: Context) -> None:
    for text in ("crew dragn next launch", "crew dragn launch date"):
        reply = answer(ctx, text, TODAY)
        assert reply.kind == "answer", reply.plain()
        assert "crew-dragon" in reply.entities, reply.plain()
    for text in ("has he ever been to space before", "has she been in space before?"):
        reply = answer(ctx, text, TODAY)
        assert reply.kind == "suggestions", reply.plain()
        assert "Who do you mean?" in reply.text, reply.plain()
        assert "spacex" not in reply.entities
    for text in (
        "when will russia build its own station",
        "when is russia getting its own station",
    ):
        reply = answer(ctx, text, TODAY)
        assert reply.entities[:1] == ("ros-station",), (text, reply.plain())
