"""Untracked relatives of tracked names ("falcon heavy", "dragon xl", "new glenn") are said
to be untracked, with what the base's texts say of them, never answered as the relative."""

from __future__ import annotations

from commands.context import Context
from commands.understand.reader import read
from tests.commands.conftest import ask


def test_a_modifier_naming_another_family_member_blocks_the_tracked_name(ctx: Context) -> None:
    for text, relative in (
        ("how often has the falcon heavy flown", "falcon-9"),
        ("is the dragon xl ever going to carry cargo", "cargo-dragon"),
        ("what's up with blue origin's new glenn", "blue-origin"),
        ("when is the soyuz-5 maiden flight", "soyuz-2-1a"),
    ):
        reply = ask(ctx, text)
        assert reply.kind == "suggestions", text
        assert reply.text.startswith("I don't track"), (text, reply.text)
        assert reply.entities == (relative,), text
        assert "No future flight" not in reply.text


def test_what_the_base_says_in_passing_is_quoted_with_its_source(ctx: Context) -> None:
    reply = ask(ctx, "which pad does super heavy starship launch from")
    assert "Starship" in reply.text
    assert "LC-39A" in reply.text
    assert reply.source_ids, reply.text


def test_the_tracked_family_member_is_still_answered(ctx: Context) -> None:
    for text, rid in (
        ("when's the next falcon 9", "falcon-9"),
        ("what does cargo dragon carry", "cargo-dragon"),
    ):
        reply = ask(ctx, text)
        assert reply.kind == "answer", text
        assert rid in reply.entities


def test_a_relative_with_nothing_tracked_names_no_record(ctx: Context) -> None:
    for text in ("best dragon ball arc", "are the atlanta falcons any good this year"):
        q = read(ctx, text)
        assert q.untracked, text
        assert not q.relative, text
        assert ask(ctx, text).entities == ()


def test_artemis_is_the_moon_programme_not_a_cosmonaut(ctx: Context) -> None:
    for text in (
        "when is the artemis 2 crew flying",
        "tell me about artemis",
        "is artemis delayed",
    ):
        reply = ask(ctx, text)
        assert reply.kind == "suggestions"
        assert "rtemis" in reply.text, text
        assert "Artemyev" not in reply.text, text
    assert "oleg-artemyev" in ask(ctx, "who is oleg artemyev").entities


def test_a_game_title_makes_dragon_the_game_creature(ctx: Context) -> None:
    reply = ask(ctx, "where do i find the dragon in skyrim")
    assert reply.text.startswith("I don't track games")
