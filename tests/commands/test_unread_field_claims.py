"""A yes/no naming a place or rocket no record is, against a vehicle's pads or rockets: No
with the recorded ones; where those pads are is no mismatch."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.conversation import Conversation
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def lead(ctx: Context, text: str) -> str:
    return answer(ctx, text, NOW, Conversation()).text.split("\n")[0]


def test_unrecorded_site_is_no_with_the_recorded_pad(ctx: Context) -> None:
    for text in ("can progress go up from plesetsk", "does htv-x launch from kourou?"):
        said = lead(ctx, text)
        assert said.startswith("No. "), (text, said)
        assert "flies from" in said, (text, said)


def test_where_the_pads_are_is_never_no(ctx: Context) -> None:
    for text in ("does cygnus launch from florida", "do soyuz ships launch from kazakhstan"):
        said = lead(ctx, text)
        assert not said.startswith("No"), (text, said)
