"""A filler word ("wise") or a Russian verb of landing ("сел") never makes a reply open with
"records nothing on" when the record answers the asked fact; a truly unasked thing still does."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def _text(ctx: Context, question: str) -> str:
    return answer(ctx, question, NOW).text


def test_wise_suffix_is_filler(ctx: Context) -> None:
    for q in (
        "cargo dragon's inside, how roomy is it volume wise",
        "cargo dragon volume-wise how much fits",
    ):
        text = _text(ctx, q)
        assert "records nothing" not in text, text
        assert "m3" in text.split("\n\n")[0], text


def test_russian_landed_reads_as_landing(ctx: Context) -> None:
    for q in ("а Союз МС-27 когда сел", "когда сели на Союзе МС-27?"):
        text = _text(ctx, q)
        assert "records nothing" not in text, text
        assert "9 December 2025" in text.split("\n\n")[0], text


def test_unasked_thing_is_still_not_known(ctx: Context) -> None:
    text = _text(ctx, "what is crew dragon's favorite color")
    assert "records nothing" in text, text
