"""Names read in a sport's or astronomy's sense when that domain's words surround them
(vocabulary.OTHER_SENSES), and kept as records when spaceflight words are there too."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY


def _refused(ctx: Context, text: str, domain: str) -> None:
    reply = answer(ctx, text, TODAY)
    assert reply.title == "Not something I track", (text, reply.title)
    assert domain in reply.text, (text, reply.text)
    assert not reply.entities, text


def test_team_names_among_sports_words(ctx: Context) -> None:
    for text in (
        "what did the falcons score on sunday",
        "how many touchdowns for the falcons",
        "are the dragons in the playoffs",
        "falcons quarterback injury news",
    ):
        _refused(ctx, text, "sports")


def test_astronomy_words_around_a_name(ctx: Context) -> None:
    for text in (
        "what lives out in the kuiper belt",
        "how far away is the kuiper belt",
        "is the falcon comet visible",
    ):
        _refused(ctx, text, "astronomy")


def test_spaceflight_words_keep_the_record(ctx: Context) -> None:
    reply = answer(ctx, "how many kuiper satellites did falcon 9 put in orbit", TODAY)
    assert reply.kind == "answer"
    assert "72" in reply.text
    kept = answer(ctx, "did cygnus hit an asteroid", TODAY)
    assert kept.title != "Not something I track"
