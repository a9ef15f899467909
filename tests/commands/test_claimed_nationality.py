"""A person's country asked yes or no: answered from their recorded nationality and agency."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import ask, lead


@pytest.mark.parametrize(
    ("question", "start", "says"),
    [
        ("is Anna Kikina russian?", "Yes.", "Roscosmos"),
        ("is Kikina from russia", "Yes.", "Russian"),
        ("is Andrey Fedyaev an american astronaut", "No.", "not American"),
        ("is Sophie Adenot european?", "Yes.", "ESA"),  # ESA's member country
        ("is adenot japanese", "No.", "French"),
        ("is Joshua Kutryk from canada?", "Yes.", "Canadian"),
        ("is Jack Hathaway japanese", "No.", "NASA"),
    ],
)
def test_nationality_yes_no(ctx: Context, question: str, start: str, says: str) -> None:
    text = lead(ctx, question)
    assert text.startswith(start), text
    assert says in text, text


def test_nationality_of_a_remembered_person(ctx: Context) -> None:
    reply = ask(ctx, "who commanded crew-12", "is she from the US?")
    assert reply.text.startswith("Yes. Jessica Meir is American"), reply.text
    reply = ask(ctx, "who commanded crew-12", "is she japanese?")
    assert reply.text.startswith("No."), reply.text
