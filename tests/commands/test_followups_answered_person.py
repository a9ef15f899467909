"""After a who-question about a named person, "he"/"she" is the person the answer's lead
named in reply (the replacement), never the first of a flight's crew list; when the lead
named nobody else, which person is meant is not guessed."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import ask


@pytest.mark.parametrize(
    "first",
    [
        "who got artemyev's seat on crew-12",
        "who took over oleg artemyev's spot",
        "who stepped in for artemyev on crew 12",
    ],
)
def test_he_is_the_person_the_answer_named(ctx: Context, first: str) -> None:
    reply = ask(ctx, first, "had he been on a dragon before?")
    assert "Jessica Meir" not in reply.text
    if reply.kind == "answer":
        assert reply.title == "Andrey Fedyaev", reply.plain()


def test_a_replacement_asked_then_his_flights(ctx: Context) -> None:
    reply = ask(ctx, "who took artemyev's spot", "has he flown on dragon before?")
    assert reply.kind == "answer", reply.plain()
    lead = reply.text.split("\n\n")[0]
    assert lead.startswith("Yes.")
    assert "Crew-6" in lead
    assert "Fedyaev" in lead
