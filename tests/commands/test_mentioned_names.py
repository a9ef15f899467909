"""A part or module the texts name (capitalized) but no record is about: the sentence naming it."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, lead


def test_a_module_the_texts_name_is_answered_from_them(ctx: Context) -> None:
    for text in (
        "who makes the shooting star cargo module",
        "what is the shooting star",
        "is the shooting star module reusable",
    ):
        first = lead(ctx, text)
        assert "Shooting Star" in first, (text, first)
        assert "Dream Chaser" in first, (text, first)


def test_a_russian_module_the_texts_name_gets_its_rocket(ctx: Context) -> None:
    for text in ("which rocket carries NEM", "what rocket will NEM ride", "NEM launcher?"):
        first = lead(ctx, text)
        assert "NEM" in first, (text, first)
        assert "Proton-M" in first, (text, first)


def test_a_common_word_or_a_number_is_no_module_name(ctx: Context) -> None:
    for text in ("who's the commander", "crs 36"):
        reply = answer(ctx, text, TODAY)
        assert "has no record of its own" not in reply.text, (text, reply.plain())
