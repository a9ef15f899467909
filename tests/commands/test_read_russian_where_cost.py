"""Russian "с какого космодрома" (from which, not "with"), "летает" (flies), "сколько стоит"
(how much, not how many) and "место" (a seat), and a cosmodrome asked as the pad."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import lead


@pytest.mark.parametrize(
    "q",
    [
        "С какого космодрома летают Прогрессы?",
        "s kakogo kosmodroma letaet progress",
        "from which cosmodrome does progress launch",
        "what cosmodrome do progress ships fly from",
    ],
)
def test_the_cosmodrome_a_vehicle_flies_from_is_its_pad(ctx: Context, q: str) -> None:
    assert "Baikonur Site 31/6" in lead(ctx, q)


@pytest.mark.parametrize(
    "q",
    [
        "Сколько стоит одно место в Союзе?",
        "сколько стоило место на союзе",
        "skolko stoit mesto v soyuze",
    ],
)
def test_the_price_of_a_soyuz_seat_in_russian(ctx: Context, q: str) -> None:
    text = lead(ctx, q)
    assert "$86 million" in text
    assert "crew of 3" not in text
