"""Russian "он"/"она"/"его" after a flight means that flight (any masculine or feminine
noun, not only a person), and so does "she" of a ship when no person was remembered."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import ask


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [
        ("Когда стартовал Прогресс МС-33?", "Сколько топлива он привёз?", "800 kg"),
        ("когда полетел Прогресс МС-33", "а когда он пристыковался?", "24 March 2026"),
        ("когда стартовал NG-24?", "кто его поймал?", "Jack Hathaway"),
        ("when did progress ms-33 launch", "how much fuel did she bring", "800 kg"),
    ],
)
def test_a_gendered_pronoun_after_a_flight_is_the_flight(
    ctx: Context, first: str, then: str, said: str
) -> None:
    reply = ask(ctx, first, then)
    assert reply.kind == "answer", reply.plain()
    assert said in reply.text.split("\n\n")[0]


def test_he_after_who_still_wants_a_person(ctx: Context) -> None:
    reply = ask(ctx, "who replaced Artemyev on Crew-12", "has he flown a Dragon before")
    assert reply.title == "Andrey Fedyaev"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("кто летит на Crew-13?", "кто из них русский?"),
        ("Кто в экипаже Crew-13?", "а кто из них русский космонавт?"),
    ],
)
def test_which_of_them_is_russian_in_russian(ctx: Context, first: str, then: str) -> None:
    reply = ask(ctx, first, then)
    assert reply.kind == "answer", reply.plain()
    assert "Sergey Teteryatnikov" in reply.text.split("\n\n")[0]
    assert "Jessica Watkins" not in reply.text.split("\n\n")[0]
