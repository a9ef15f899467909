"""Reply -> embed: sizes within Discord's limits, timestamps, colours, chart attachment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render import CHART_FILENAME, COLOURS, embed, render, timestamp, with_timestamps
from commands.reply import DateMention, Field, Reply, Suggestion


def test_timestamp_is_noon_utc_of_the_day() -> None:
    assert timestamp(dt.date(2026, 8, 30)) == "<t:1788091200:D>"
    noon = dt.datetime.fromtimestamp(1788091200, dt.UTC)
    assert (noon.date(), noon.hour) == (dt.date(2026, 8, 30), 12)


def test_day_dates_become_timestamps_month_dates_stay_text() -> None:
    reply = Reply(
        kind="answer",
        title="CRS-35",
        text="Launched 30 August 2026; next one NET August 2026.",
        fields=(Field("When", "30 August 2026"),),
        dates=(DateMention("30 August 2026", dt.date(2026, 8, 30)),),
    )
    e = embed(reply)
    assert e.description == "Launched <t:1788091200:D>; next one NET August 2026."
    assert e.fields[0].value == "<t:1788091200:D>"


def test_timestamps_never_break_a_limit() -> None:
    text = "1 May 2026 " * 100
    assert with_timestamps(text, (DateMention("1 May 2026", dt.date(2026, 5, 1)),), 1024) == text


@pytest.mark.parametrize("kind", ["answer", "whatif", "suggestions", "error"])
def test_colour_by_kind(kind: str) -> None:
    reply = Reply(kind=kind, title="t", text="x")  # type: ignore[arg-type]
    assert embed(reply).colour is not None
    assert embed(reply).colour.value == COLOURS[kind]  # type: ignore[union-attr]
    assert len(set(COLOURS.values())) == 4


def test_footer_has_sources_and_as_of() -> None:
    reply = Reply(kind="answer", title="t", sources=("NASA: x",), as_of=dt.date(2026, 1, 15))
    assert embed(reply).footer.text == "Sources: NASA: x · As of 2026-01-15"


def test_chart_is_an_attachment_shown_in_the_embed() -> None:
    rendered = render(Reply(kind="whatif", title="t"), b"\x89PNG...")
    assert rendered.file is not None
    assert rendered.file.filename == CHART_FILENAME
    assert rendered.embed.image.url == f"attachment://{CHART_FILENAME}"
    assert render(Reply(kind="answer", title="t")).files == []


text = st.text(alphabet=st.characters(codec="utf-8"), max_size=3000)


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(max_size=400),
    body=st.text(max_size=6000),
    fields=st.lists(st.tuples(st.text(max_size=300), text), max_size=30),
    sources=st.lists(st.text(max_size=400), max_size=15),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
def test_embed_within_discord_limits(
    title: str,
    body: str,
    fields: list[tuple[str, str]],
    sources: list[str],
    day: dt.date,
) -> None:
    placeholder = body[:10] or "x"
    reply = Reply(
        kind="answer",
        title=title,
        text=body,
        fields=tuple(Field(n, v) for n, v in fields),
        sources=tuple(sources),
        as_of=dt.date(2026, 1, 1),
        suggestions=tuple(Suggestion(s, s) for s in sources),
        dates=(DateMention(placeholder, day),),
    )
    e = embed(reply)
    assert len(e) <= 6000
    assert len(e.title or "") <= 256
    assert len(e.description or "") <= 4096
    assert len(e.fields) <= 25
    for f in e.fields:
        assert 1 <= len(f.name or "") <= 256
        assert 1 <= len(f.value or "") <= 1024
    assert len(e.footer.text or "") <= 2048
