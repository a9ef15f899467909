"""Staleness: answers about the future say how old the base is once it is older than the limit."""

from __future__ import annotations

import dataclasses
import datetime as dt

from commands.context import Context, Options
from commands.format import day_text
from commands.freshness import UPDATE_HINT, stale_note
from commands.help import about_reply
from commands.router import answer
from commands.status import digest, iss_pads
from commands.upcoming import upcoming


def _late(ctx: Context, days: int = 47) -> dt.date:
    return ctx.kb.as_of + dt.timedelta(days=days)


def _note(ctx: Context, days: int) -> str:
    return (
        f"Fact base last updated {day_text(ctx.kb.as_of)} ({days} days ago): dates may have moved."
    )


def test_fresh_base_answers_without_a_note(ctx: Context) -> None:
    now = _late(ctx, 45)  # the limit itself is still fresh
    assert stale_note(ctx, now) is None
    assert not upcoming(ctx, now).text.startswith("Fact base last updated")


def test_upcoming_opens_with_the_age_of_a_stale_base(ctx: Context) -> None:
    now = _late(ctx)
    reply = upcoming(ctx, now)
    assert reply.text.splitlines()[0] == _note(ctx, 47)
    # A question about what is next leads with its answer; the note follows at once.
    lines = answer(ctx, "what's next to the ISS?", now).text.splitlines()
    assert lines[0].startswith("The next flight to the ISS")
    assert lines[1] == _note(ctx, 47)


def test_the_limit_is_the_operators_setting(ctx: Context) -> None:
    relaxed = dataclasses.replace(ctx, options=Options(stale_after_days=100))
    assert stale_note(relaxed, _late(ctx)) is None
    assert stale_note(relaxed, _late(ctx, 101)) == _note(ctx, 101)


def test_a_pending_flights_date_is_noted_a_flown_one_is_not(ctx: Context) -> None:
    now = _late(ctx)
    pending = next(m for m in ctx.kb.missions.values() if m.status == "planned" and m.schedule)
    flown = next(m for m in ctx.kb.missions.values() if m.status == "launched")
    lines = answer(ctx, f"when does {pending.name} launch?", now).text.splitlines()
    assert lines[0].startswith(pending.name), lines  # the asked date leads
    assert lines[1] == _note(ctx, 47)  # and the note follows it at once
    assert _note(ctx, 47) not in answer(ctx, f"when did {flown.name} launch?", now).text


def test_whatif_and_digest_and_about_say_it_too(ctx: Context) -> None:
    now = _late(ctx)
    whatif = answer(ctx, "what if CRS-35 is cancelled", now)
    assert whatif.kind == "whatif"
    # A what-if opens with its verdict; the note leads its assumptions.
    assert whatif.text.startswith("If CRS-35 is lost")
    assert next(f.value for f in whatif.fields if f.name == "Assumed").startswith(_note(ctx, 47))
    when = dt.datetime.combine(now, dt.time(8), dt.UTC)
    first = digest(ctx, when, None, 14).text.splitlines()[0]
    assert first == f"{_note(ctx, 47)} {UPDATE_HINT}"
    assert "capcom update" in first
    about = about_reply(ctx, now)
    assert about.text.splitlines()[0].startswith(_note(ctx, 47))
    assert f"as of {ctx.kb.as_of.isoformat()} (47 days ago)" in about.text
    assert "(today)" in about_reply(ctx, ctx.kb.as_of).text
    assert "Fact base last updated" not in about_reply(ctx, ctx.kb.as_of).text


def test_digest_pad_status_lists_the_pads_serving_the_iss(ctx: Context) -> None:
    when = dt.datetime(2026, 8, 20, 8, tzinfo=dt.UTC)
    reply = digest(ctx, when, None, 14)
    pads = next(f for f in reply.fields if f.name == "Pad status").value.splitlines()
    assert any(line.startswith("• Baikonur Site 31/6") for line in pads), pads
    assert any(line.startswith("• Cape Canaveral SLC-40") for line in pads), pads
    serving = iss_pads(ctx, when.date())
    assert {"baikonur-site-31", "slc-40"} <= set(serving)
    for pad_id, nxt in serving.items():
        name = ctx.kb.pads[pad_id].name
        line = next(row for row in pads if row.startswith(f"• {name} "))
        if nxt is not None:  # a pad with a planned ISS flight names it
            assert f"next ISS flight: {nxt.name}" in line
    # a pad no ISS flight uses, quiet and without news, stays out
    assert not any(line.startswith("• Kennedy LC-39A") for line in pads)
