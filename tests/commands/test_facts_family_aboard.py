"""A vehicle family asked "still docked / up there": the family's flights at the station as of
the base's last record (the still-docked rule for each), never the family's latest docking."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str) -> str:
    return answer(ctx, q, DECEMBER).text.split("\n")[0]


def test_a_shared_family_name_answers_for_every_member(ctx: Context) -> None:
    text = _lead(ctx, "any dragon capsules still attached to the station?")
    assert text.startswith("Yes. Crew-13 docked on 1 October 2026")
    assert "CRS-33" not in text  # undocked in February 2026: not at the station


def test_a_family_with_two_flights_up_names_both_with_dates(ctx: Context) -> None:
    text = _lead(ctx, "are progress ships still docked at the iss")
    assert text.startswith("Yes. Progress MS-34 and Progress MS-35 are recorded at the station")
    assert "as of 10 October 2026" in text
    assert "Progress MS-30" not in text  # older, undecided flights go to a field


def test_none_up_says_the_last_one_to_leave(ctx: Context) -> None:
    text = _lead(ctx, "cygnus still up there?")
    assert text.startswith("No. No Cygnus flight is recorded at the station as of 10 October")
    assert "the last one: NG-24 left the station on 9 October 2026" in text


def test_a_net_docking_is_said_as_its_bounds(ctx: Context) -> None:
    text = _lead(ctx, "progress ms-35 still attached?")
    assert "NET" not in text
    assert "docked by 27 September 2026 (no earlier than 16 September 2026" in text
