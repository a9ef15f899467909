"""Chat verbs of leaving and going ("bounced", "peaced out", "heading up"), and chat-shaped
yes/no questions ("ng-24 left?") read like their plain words."""

from __future__ import annotations

from commands.context import Context
from commands.understand.vocabulary import unslang
from tests.commands.conftest import answer_to, ask, lead


def test_chat_verbs_of_leaving_ask_the_departure(ctx: Context) -> None:
    for text in (
        "has ng24 bounced yet",
        "did ng-24 peace out already?",
        "ng-24 bailed?",
        "has NG-24 cast off yet",
        "did ng 24 dip yet",
    ):
        said = lead(ctx, text)
        assert said.startswith("Yes."), (text, said)
        assert "9 October 2026" in said, (text, said)


def test_chat_verbs_of_leaving_in_other_tenses(ctx: Context) -> None:
    assert unslang("when does it bounce") == "when does it leave"
    assert unslang("is it dipping soon") == "is it leaving soon"
    assert unslang("when did ng-24 bail") == "when did ng-24 leave"
    assert unslang("ng-24 bounced out") == "ng-24 left"


def test_a_level_that_dips_is_no_departure(ctx: Context) -> None:
    for text in ("did food dip below 45 days", "when oxygen bounces back", "it dipped to 90 days"):
        assert "left" not in unslang(text), text
        assert "leav" not in unslang(text), text


def test_left_is_known_from_a_recorded_return(ctx: Context) -> None:
    # Crew-11 has no undocking event but a recorded return: it had left by then
    for text in ("has crew 11 left the iss yet", "did crew-11 dip already?"):
        said = lead(ctx, text)
        assert said.startswith("Yes."), (text, said)
        assert "15 January 2026" in said, said
        assert "left the station by then" in said, said


def test_headed_home_is_on_its_way_once_it_left(ctx: Context) -> None:
    said = lead(ctx, "has ng-24 headed home already")
    assert said.startswith("Yes."), said
    assert "left the station on 9 October 2026" in said, said
    said = lead(ctx, "crew-11 headed home yet?")
    assert said.startswith("Yes."), said
    assert "15 January 2026" in said, said


def test_an_event_typed_as_a_question_is_a_yes_no(ctx: Context) -> None:
    for text, day in (
        ("crew-13 launched?", "1 October 2026"),
        ("ng-24 left??", "9 October 2026"),
        ("crew-12 back?", "8 October 2026"),
    ):
        said = lead(ctx, text)
        assert said.startswith("Yes."), (text, said)
        assert day in said, (text, said)


def test_heading_up_with_nothing_earlier_asks_what_is_meant(ctx: Context) -> None:
    for text in ("when's it heading up", "when is it headed up?", "when are they heading up"):
        reply = answer_to(ctx, text)
        assert reply.title == "What are you referring to?", (text, reply.plain())


def test_heading_up_after_a_flight_is_its_launch(ctx: Context) -> None:
    reply = ask(ctx, "tell me about crew-13", "when did it head up")
    assert reply.kind == "answer", reply.plain()
    assert "1 October 2026" in reply.text, reply.plain()
