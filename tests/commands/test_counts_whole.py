"""A count asked as a whole ("altogether", "overall") is the count a record's text states,
not a narrowing the base cannot apply (commands/stated.py)."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_whole_words_do_not_narrow_a_stated_count(ctx: Context) -> None:
    for text in (
        "how many rockets lifted off from gagarin's start altogether",
        "overall, how many launches did site 1/5 see",
        "how many flights went up from baikonur site 1/5 overall",
    ):
        assert "520 launches" in lead(ctx, text), text


def test_whole_words_are_never_the_missing_fact(ctx: Context) -> None:
    text = lead(ctx, "how many launches from gagarin's start altogether")
    assert "altogether" not in text
