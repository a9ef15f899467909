"""Chat talk: slang and chat spellings, clipped names, follow-ups, off-base subjects."""

from __future__ import annotations

from commands.context import Context
from commands.understand.vocabulary import unslang
from tests.commands.conftest import ask


def test_chat_spellings_are_written_out() -> None:
    assert unslang("tbh whos flying rn lol") == "who is flying now"
    assert unslang("is the pad busted or nah?") == "is the pad busted?"
    assert unslang("how many ppl r gonna be up there") == "how many people r going to be up there"


def test_a_clipped_name_reaches_its_record(ctx: Context) -> None:
    reply = ask(ctx, "when does the next cygn fly")
    assert reply.kind == "answer"
    assert "cygnus" in reply.entities


def test_a_weight_unit_asks_for_the_cargo(ctx: Context) -> None:
    reply = ask(ctx, "how many pounds did ng-23 bring up lol")
    assert reply.kind == "answer"
    assert "lb" in reply.text.split(".")[0] or "kg" in reply.text.split(".")[0]
    assert not reply.text.startswith("Not known")


def test_slang_for_trouble_reaches_the_trouble_topic(ctx: Context) -> None:
    reply = ask(ctx, "tbh is soyuz toast")
    assert reply.kind == "answer"
    assert "trouble" in reply.title.lower()


def test_other_space_programmes_are_said_to_be_untracked(ctx: Context) -> None:
    for text in (
        "will nasa put boots on the moon before china",
        "any news from the mars rovers",
        "how many taikonauts are on the chinese space station",
    ):
        reply = ask(ctx, text)
        assert reply.title == "Not something I track", (text, reply.plain())
        assert "I don't track" in reply.text


def test_a_pronoun_of_an_untracked_subject_is_not_a_follow_up(ctx: Context) -> None:
    reply = ask(ctx, "when is shenzhou getting its next launch")
    assert reply.title == "Not something I track"


def test_the_wallops_spaceport_is_not_the_planet(ctx: Context) -> None:
    reply = ask(ctx, "status of MARS pad 0A")
    assert reply.kind == "answer"
    assert "wallops-pad-0a" in reply.entities


def test_a_bare_fact_question_follows_the_last_subject(ctx: Context) -> None:
    reply = ask(ctx, "who builds the htv-x", "launch site?")
    assert reply.kind == "answer"
    assert reply.entities[0] == "htv-x"
    assert "Tanegashima" in reply.text.split("\n")[0] or "Tanegashima" in reply.text[:200]


def test_a_bare_when_keeps_the_fact_asked_before(ctx: Context) -> None:
    reply = ask(ctx, "tell me about crew-12", "have they come back?", "when?")
    assert reply.kind == "answer"
    first = reply.text.split("\n")[0].lower()
    assert "launched on" not in first.split(";")[0] or "return" in first or "splash" in first


def test_the_crew_member_of_a_country_is_picked_from_the_last_flight(ctx: Context) -> None:
    reply = ask(ctx, "who flew on soyuz ms-28", "and the american?")
    assert reply.entities[0] == "christopher-williams"
    assert not reply.text.startswith("Not known")
    reply = ask(ctx, "who flew on soyuz ms-28", "and the american?", "where is he from")
    assert reply.entities[0] == "christopher-williams"


def test_a_first_name_is_no_clipped_name(ctx: Context) -> None:
    assert ctx.lexicon.unclip("anil") == "anil"  # Anil Menon: a first name names nobody
    assert ctx.lexicon.unclip("cargo") == "cargo"  # a word the base uses
    assert ctx.lexicon.unclip("any news on starl") == "any news on starliner"
