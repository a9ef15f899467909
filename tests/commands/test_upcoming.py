"""Schedule questions however they are put: the next flight of a kind, a month's flights, and
plans whose dates passed without an update said as such."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from commands.context import Context
from commands.format import current_plan
from commands.router import answer
from commands.upcoming import Want, want_of, wanted, window_of
from knowledge.schema import PENDING, Mission

NOW = dt.date(2026, 11, 30)


def _pending(ctx: Context, want: Want) -> list[Mission]:
    return [m for m in ctx.kb.missions.values() if m.status in PENDING and wanted(ctx, m, want)]


def _lead(text: str) -> str:
    return text.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("text", "kind", "countries", "private"),
    [
        ("when is the next russian resupply flight", "cargo", ("russia",), None),
        ("next freighter to the station?", "cargo", (), None),
        ("who's on the next crew swap", "crew", (), False),
        ("when do tourists go up next", "crew", (), True),
        ("next japanese cargo mission", "cargo", ("japan",), None),
    ],
)
def test_what_a_schedule_question_narrows_to(
    text: str, kind: str, countries: tuple[str, ...], private: bool | None
) -> None:
    w = want_of(text, NOW)
    assert (w.kind, w.countries, w.private) == (kind, countries, private)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("flights this month", dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ("launches next month", dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
        ("anything in feb", dt.date(2027, 2, 1), dt.date(2027, 2, 28)),
        ("what flies in november", dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ("in the next 10 days", NOW, NOW + dt.timedelta(days=10)),
    ],
)
def test_the_window_a_question_names(text: str, start: dt.date, end: dt.date) -> None:
    w = window_of(text, NOW)
    assert w is not None
    assert (w.start, w.end) == (start, end)


def test_may_the_verb_is_no_window() -> None:
    assert window_of("what may launch soon", NOW) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("when's the next cargo launch to the station", Want(kind="cargo")),
        ("upcoming russian cargo ships?", Want(kind="cargo", countries=("russia",))),
        ("the next expedition crew, when?", Want(kind="crew", private=False)),
        ("next private crew to the iss", Want(kind="crew", private=True)),
    ],
)
def test_the_next_flight_of_a_kind_leads(ctx: Context, text: str, want: Want) -> None:
    """The first sentence names the next flight that fits, with its date as recorded (never
    more precise than the plan), or says none is planned."""
    r = answer(ctx, text, NOW)
    assert r.kind == "answer", r.plain()
    lead = _lead(r.text)
    future = [
        m
        for m in _pending(ctx, want)
        if not current_plan(m).planned.is_past(NOW)  # type: ignore[union-attr]
    ]
    if future:
        assert lead.startswith("The next "), lead
        named = [m for m in future if m.name in lead]
        assert named, lead
        for m in named:
            plan = current_plan(m)
            assert plan is not None
            assert plan.planned.text().removeprefix("NET ") in lead
    for m in _pending(ctx, want):
        if m not in future:
            assert m.name in r.text  # passed plans are named, as passed
    others = [m for m in _pending(ctx, Want()) if m not in _pending(ctx, want)]
    assert not any(m.name in lead for m in others), lead


def test_a_passed_plan_never_reads_as_the_future(ctx: Context) -> None:
    r = answer(ctx, "what goes up next?", NOW)
    for m in _pending(ctx, Want()):
        plan = current_plan(m)
        assert plan is not None
        if plan.planned.is_past(NOW):
            assert not re.search(rf"next \w+ (?:\w+ )?to the ISS on record is {m.name}", r.text)
            said = "no date since" if plan.tbd else "was planned for"
            assert f"{m.name}: {said}" in r.plain()


@pytest.mark.parametrize(
    "text", ["anything launching to the iss in january?", "what's on the manifest for jan"]
)
def test_a_month_lists_what_starts_in_it_and_what_could(ctx: Context, text: str) -> None:
    r = answer(ctx, text, NOW)
    assert r.title.endswith("January 2027"), r.plain()
    window = window_of("january", NOW)
    assert window is not None
    for m in _pending(ctx, Want()):
        plan = current_plan(m)
        assert plan is not None
        d = plan.planned
        if window.start <= d.start <= window.end:
            assert m.name in _lead(r.text)
        elif d.start > window.end:
            assert m.name not in _lead(r.text)


def test_a_month_with_nothing_says_so_first(ctx: Context) -> None:
    r = answer(ctx, "is anything flying to the station in august?", dt.date(2027, 6, 1))
    assert _lead(r.text).startswith("No flight to the ISS is planned for August 2027"), r.text


def test_the_one_of_a_country_needs_no_earlier_subject(ctx: Context) -> None:
    r = answer(ctx, "when does the russian one go up next", NOW)
    assert r.kind == "answer", r.plain()
    assert "Progress MS-36" in _lead(r.text), r.plain()
