"""How old the fact base is, and the note that answers about the future carry when it is stale."""

from __future__ import annotations

import dataclasses
import datetime as dt

from commands.context import Context
from commands.format import day_text
from commands.reply import Reply

UPDATE_HINT = "Operators: run `capcom update ll2 --fetch` to review newer dates."


def age_days(ctx: Context, now: dt.date) -> int:
    """Days from the base's as-of date to now (0 when the base is dated in the future)."""
    return max(0, (now - ctx.kb.as_of).days)


def is_stale(ctx: Context, now: dt.date) -> bool:
    """Whether the base is older than the operator's `stale_after_days`."""
    return age_days(ctx, now) > ctx.options.stale_after_days


def confirmation_stale(ctx: Context, confirmed: dt.date, now: dt.date) -> bool:
    """Whether a plan last confirmed on `confirmed` is older on now than `stale_after_days`:
    too old to say Yes to it happening in a window it falls in."""
    return (now - confirmed).days > ctx.options.stale_after_days


def ago_text(ctx: Context, now: dt.date) -> str:
    """The base's age on now: "today", "1 day ago", "47 days ago"."""
    days = age_days(ctx, now)
    return "today" if days == 0 else "1 day ago" if days == 1 else f"{days} days ago"


# How the stale note opens: a reply joining several answers finds and says it once.
NOTE_OPENS = "Fact base last updated"


def stale_note(ctx: Context, now: dt.date, *, operators: bool = False) -> str | None:
    """The warning line for an answer about the future, or None while the base is fresh."""
    if not is_stale(ctx, now):
        return None
    note = f"{NOTE_OPENS} {day_text(ctx.kb.as_of)} ({ago_text(ctx, now)}):"
    note += " dates may have moved."
    return f"{note} {UPDATE_HINT}" if operators else note


def noted(
    ctx: Context,
    reply: Reply,
    now: dt.date,
    *,
    operators: bool = False,
    after_lead: bool = False,
) -> Reply:
    """The reply with the stale note (unchanged when fresh or not an answer).

    Lists about the future (upcoming, the digest) open with the note. A one-record answer keeps
    its lead sentence first, since that is what was asked, and the note follows it at once.
    """
    note = stale_note(ctx, now, operators=operators)
    if note is None or reply.kind not in ("answer", "whatif"):
        return reply
    if not reply.text:
        return dataclasses.replace(reply, text=note)
    if after_lead:
        lead, sep, rest = reply.text.partition("\n")
        return dataclasses.replace(reply, text=f"{lead}\n{note}{sep}{rest}")
    return dataclasses.replace(reply, text=f"{note}\n{reply.text}")
