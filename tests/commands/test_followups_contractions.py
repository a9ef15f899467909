"""A question with a contraction ("couldn't", "wouldn't", "didn't", "isn't") never leaves
its stem ("couldn") as a word the base lacks, and "it" stays on the subject asked before."""

from __future__ import annotations

import pytest

from commands.context import Context
from knowledge.text import words
from tests.commands.conftest import ask


@pytest.mark.parametrize(
    "lead",
    [
        "couldn't",
        "wouldn't",
        "didn't",
        "isn't",
        "shouldn't",
        "doesn't",
        "weren't",
        "hasn't",
        "don't",
    ],
)
def test_a_contraction_is_no_content_word(lead: str) -> None:
    assert words(f"{lead} they launch from it") == words("they launch from it")


@pytest.mark.parametrize(
    ("follow_up", "said"),
    [
        ("couldn't they have used it while 31 was down", "backup"),
        ("wouldn't it have worked as a backup", "backup"),
        ("didn't they upgrade it for soyuz-2", "Never upgraded"),
    ],
)
def test_a_negated_follow_up_stays_on_gagarins_start(
    ctx: Context, follow_up: str, said: str
) -> None:
    reply = ask(ctx, "what is gagarin's start", follow_up)
    assert reply.kind == "answer", reply.plain()
    assert said in reply.text
    assert "n\u201d" not in reply.text  # never "nothing on “couldn”"
