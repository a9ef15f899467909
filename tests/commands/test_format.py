"""Text helpers: past dates read with the right preposition, lower-bound amounts stay bounds."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.format import amount, schedule_sentence, when_text
from commands.reply import DateMention
from knowledge.dates import FuzzyDate
from knowledge.schema import Amount, Event, Mission

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("date", "text", "timestamped"),
    [
        ("2025-07-16", "on 16 July 2025", True),
        ("2026-09", "in September 2026", False),
        ("2025", "in 2025", False),
        ("2026-Q3", "in Q3 2026", False),
        ("NET 2025-08-11", "no earlier than 11 August 2025", True),
        ("NET 2025-08", "no earlier than August 2025", False),
    ],
)
def test_when_text_reads_past_dates_with_their_precision(
    date: str, text: str, timestamped: bool
) -> None:
    mentions: list[DateMention] = []
    assert when_text(FuzzyDate.parse(date), mentions) == text
    assert bool(mentions) == timestamped


def _mission(launched: str) -> Mission:
    return Mission(
        id="m",
        name="M-1",
        vehicle="v",
        kind="cargo",
        status="completed",
        status_as_of=dt.date(2025, 12, 1),
        events=(Event(date=FuzzyDate.parse(launched), what="Launched", kind="launched"),),
    )


def test_a_launch_known_to_the_year_is_not_launched_on_a_year(ctx: Context) -> None:
    assert schedule_sentence(ctx.kb, _mission("2025"), TODAY) == "M-1 launched in 2025."
    assert schedule_sentence(ctx.kb, _mission("2025-07-16"), TODAY) == (
        "M-1 launched on 16 July 2025."
    )


def test_amount_keeps_more_than() -> None:
    a = Amount(value=2500, unit="kg", bound="more-than", note='"more than 2.5 tons"')
    assert amount(a) == 'more than 2,500 kg ("more than 2.5 tons")'
