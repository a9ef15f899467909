"""Reply fits Discord's embed limits by construction, cutting long content cleanly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from commands.reply import MORE, Field, Reply, Suggestion, clip
from tests.commands.test_router import assert_within_limits


def test_short_reply_is_unchanged() -> None:
    r = Reply(kind="answer", title="CRS-35", text="Planned for August 2026.", sources=("NASA",))
    assert r.text == "Planned for August 2026."
    assert r.footer() == "Sources: NASA"


def test_long_text_is_cut_with_a_pointer() -> None:
    r = Reply(kind="answer", title="t" * 400, text="word " * 2000)
    assert len(r.title) == 256
    assert len(r.text) <= 4096
    assert r.text.endswith(MORE)


def test_too_many_fields_keeps_25_with_a_note() -> None:
    fields = tuple(Field(f"f{i}", "v" * 1500) for i in range(40))
    r = Reply(kind="answer", title="x", fields=fields)
    assert_within_limits(r)
    assert all(len(f.value) <= 1024 for f in r.fields)


def test_plain_has_everything() -> None:
    r = Reply(
        kind="suggestions",
        title="Did you mean…",
        text="Pick one:",
        fields=(Field("A", "b"),),
        suggestions=(Suggestion("CRS-35", "CRS-35", "crs-35"),),
        sources=("Ars Technica",),
        as_of=dt.date(2026, 5, 15),
    )
    text = r.plain()
    for part in ("Did you mean", "Pick one:", "A: b", "CRS-35", "Ars Technica", "2026-05-15"):
        assert part in text


def test_clip_prefers_boundaries() -> None:
    assert clip("one two three four", 12, "…") == "one two…"
    assert clip("short", 10) == "short"


@given(
    title=st.text(max_size=600),
    text=st.text(max_size=9000),
    fields=st.lists(st.tuples(st.text(max_size=400), st.text(max_size=1500)), max_size=40),
    sources=st.lists(st.text(max_size=500), max_size=30),
)
def test_any_reply_fits(
    title: str, text: str, fields: list[tuple[str, str]], sources: list[str]
) -> None:
    r = Reply(
        kind="answer",
        title=title,
        text=text,
        fields=tuple(Field(n, v) for n, v in fields),
        sources=tuple(sources),
        as_of=dt.date(2026, 1, 1),
    )
    assert_within_limits(r)
