"""Russian words of use, backup, permission, "before" and nationality read as English."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import lead


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("можно ли юзать Гагаринский старт как резервную площадку", "backup"),
        ("площадку 1/5 можно использовать как запасную?", "backup"),
        ("есть ли у союза запасная площадка?", "backup"),
        ("Андрей Федяев раньше летал?", "Crew-6"),
        ("сколько раз летала Джессика Меир", "at least 2"),
    ],
)
def test_russian_question_words(ctx: Context, question: str, says: str) -> None:
    text = lead(ctx, question)
    assert says in text, text
    assert "What do you mean" not in text, text
