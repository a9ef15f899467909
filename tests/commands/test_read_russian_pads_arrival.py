"""Russian pad words ("стартовый стол", "стартовая площадка"), a claim checked with "правда
ли, что", verbs of reaching the station ("долетел", "причалил") and what a spacewalk
installed, in Cyrillic and in Latin letters."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import lead


@pytest.mark.parametrize(
    "q",
    [
        "В какой день был повреждён стартовый стол 31?",
        "когда сломали стартовую площадку 31/6",
        "kogda povredili startovyi stol 31",
    ],
)
def test_a_launch_pad_in_russian_is_the_pad(ctx: Context, q: str) -> None:
    text = lead(ctx, q)
    assert "27 November 2025" in text
    assert "no record" not in text


@pytest.mark.parametrize(
    "q",
    ["С какого стартового стола улетел Союз МС-29?", "s kakogo stola startoval soyuz ms-29"],
)
def test_the_pad_a_flight_left_from_in_russian(ctx: Context, q: str) -> None:
    assert "Site 31/6" in lead(ctx, q)


@pytest.mark.parametrize(
    "q",
    [
        "Правда ли, что стартовую площадку разрушил Прогресс МС-28?",
        "правда, что стол 31 повредил Прогресс МС-28?",
        "pravda li chto ploshadku povredil progress ms-28",
        "is it true that Progress MS-28 damaged the launch pad?",
        "did the progress ms-28 mission damage the pad",
    ],
)
def test_a_claim_the_record_calls_an_error_is_no(ctx: Context, q: str) -> None:
    text = lead(ctx, q)
    assert text.startswith("No. ")
    assert "error" in text.split(".")[1] + text.split(".")[2]
    assert "Soyuz MS-28" in text


def test_the_claim_the_record_keeps_is_not_denied(ctx: Context) -> None:
    assert not lead(ctx, "is it true that soyuz ms-28 damaged the pad?").startswith("No.")


@pytest.mark.parametrize(
    "q",
    [
        "Когда Прогресс МС-33 долетел до МКС?",
        "kogda doletel progress ms-33",
        "когда причалил Прогресс МС-33",
        "kogda prichalil progress ms-33 k mks",
        "когда Прогресс МС-33 пристыковался?",
    ],
)
def test_reaching_the_station_in_russian_is_the_docking(ctx: Context, q: str) -> None:
    assert "docked on 24 March 2026" in lead(ctx, q)


@pytest.mark.parametrize(
    "q",
    [
        "Что установили космонавты во время выхода в открытый космос?",
        "что устанавливали во время выхода",
        "chto ustanovili vo vremya vykhoda v otkrytyi kosmos",
    ],
)
def test_what_a_spacewalk_installed_in_russian(ctx: Context, q: str) -> None:
    assert "installed" in lead(ctx, q)


@pytest.mark.parametrize(
    "q",
    [
        "Когда был повреждён стартовый стол 31?",
        "when did the launch pad 31 get damaged",
        "what date was site 31 wrecked",
    ],
)
def test_a_report_called_an_error_never_leads(ctx: Context, q: str) -> None:
    first = lead(ctx, q).split(". ")[0]
    assert "27 November 2025" in first
    assert "error" not in first
