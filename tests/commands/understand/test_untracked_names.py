"""What a spacecraft loses (altitude, pressure) is never read as a sports team losing."""

from __future__ import annotations

from commands.context import Context
from commands.understand.reader import read


def test_a_record_named_where_a_team_would_be_is_no_sports_question(ctx: Context) -> None:
    assert read(ctx, "did the iss lose height this year").untracked == ""
    assert read(ctx, "will the station lose altitude").untracked == ""


def test_a_team_that_is_no_record_is_still_sports(ctx: Context) -> None:
    assert read(ctx, "did the rangers lose again").untracked == "sports results"
