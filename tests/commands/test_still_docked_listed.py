"""A cargo ship with no docking event whose record says it was docked on a later day: "still
docked?" is Yes as of that record, never "no docking recorded"."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str) -> str:
    return answer(ctx, q, DECEMBER).text.split("\n")[0]


def test_still_attached_reads_the_docked_status_record(ctx: Context) -> None:
    text = _lead(ctx, "is progress ms-34 still hooked up to the iss?")
    assert text.startswith("Yes. As of 27 September 2026")
    assert "nothing later is recorded" in text
    assert "No docking" not in text


def test_still_there_with_a_clipped_name(ctx: Context) -> None:
    text = _lead(ctx, "ms-34 still at the station")
    assert text.startswith("Yes. As of 27 September 2026")


def test_a_stay_ending_after_the_base_date_is_said_not_denied(ctx: Context) -> None:
    text = _lead(ctx, "is progress ms-34 still docked")
    assert "typically stays" in text
    assert "after the base's last update" in text
