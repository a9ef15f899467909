"""The resupply what-if: `ask` for free text, `structured` for the slash command."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.freshness import noted
from commands.reply import Reply, error
from commands.whatif.answer import evaluate

CHANGES = (
    "delay",
    "advance",
    "move",
    "cancel",
    "ground-pad",
    "add-flight",
    "crew",
    "water-recovery",
    "propellant-use",
)


def ask(ctx: Context, text: str, now: dt.date) -> Reply:
    """Answer a what-if typed in words ("what if Progress MS-33 slips 6 months")."""
    return noted(ctx, evaluate(ctx.kb, ctx.index, text, now), now)


def baseline_summary(ctx: Context, now: dt.date) -> str | None:
    """One line on the modelled supply margin of the unchanged plan, for status digests."""
    from commands.whatif.answer import prepare
    from commands.whatif.model import ModelError, run

    try:
        prep = prepare(ctx.kb)
        end = max(now, prep.params.stock_date) + dt.timedelta(days=90)
        result = run(prep.params, prep.plan, prep.params.stock_date, end)
    except ModelError:
        return None
    below = [f"{res} from {d.isoformat()}" for d, res in result.crossings()]
    above = [r for r, x in result.results.items() if x.crossing is None]
    head = (
        f"Below the {result.reserve_days:g}-day reserve: " + "; ".join(below)
        if below
        else f"Every resource stays above the {result.reserve_days:g}-day reserve"
    )
    tail = f"; above it: {', '.join(above)}" if below and above else ""
    return (
        f"{head}{tail} (through {end.isoformat()}). Modelled estimate from an assumed stock on "
        f"{prep.params.stock_date.isoformat()} and only the flights the fact base records; "
        "ask “what if …” for details."
    )


def _looks_like_date(amount: str) -> bool:
    a = amount.strip()
    return a[:4].isdigit() and (len(a) == 4 or a[4:5] == "-")


def structured(ctx: Context, mission: str, change: str, amount: str | None, now: dt.date) -> Reply:
    """Answer the slash command's form: a record, a change (see CHANGES) and an amount."""
    c = change.strip().lower().replace("_", "-").replace(" ", "-")
    target = mission.strip()
    amt = (amount or "").strip()
    if c in ("delay", "slip", "advance", "move-up", "move"):
        if not amt:
            return error("Missing amount", f"Say how long (e.g. “6 months”) or to when for {c}.")
        if _looks_like_date(amt):
            text = f"{target} moves to {amt}"
        elif c in ("advance", "move-up"):
            text = f"{target} moves up {amt}"
        elif c == "move":
            return error("Missing date", "Give the new date for a move, e.g. “2026-09-01”.")
        else:
            text = f"{target} slips {amt}"
    elif c in ("cancel", "cancelled"):
        text = f"{target} is cancelled"
    elif c in ("ground-pad", "ground", "pad-down"):
        if not amt:
            return error("Missing amount", "Say how long the pad is down, e.g. “6 months”.")
        text = (
            f"pad {target} is down until {amt}"
            if _looks_like_date(amt)
            else f"pad {target} is down for {amt}"
        )
    elif c in ("add-flight", "add"):
        if not amt:
            return error("Missing date", "Give the added flight's date, e.g. “2026-09-01”.")
        text = f"add a {target} on {amt}"
    elif c == "crew":
        size = amt or target
        if not size:
            return error("Missing crew size", "Give the crew size, e.g. “4”.")
        since = f" from {target}" if amt and _looks_like_date(target) else ""
        text = f"crew of {size}{since}"
    elif c in ("water-recovery", "recovery"):
        text = f"water recovery {amt.rstrip('%')}%"
    elif c in ("propellant-use", "propellant"):
        text = f"propellant use {amt} kg a year"
    else:
        return error(
            "Unknown change",
            f"“{change}” is not a change I can model; use one of: {', '.join(CHANGES)}.",
        )
    return noted(ctx, evaluate(ctx.kb, ctx.index, f"what if {text}", now), now)


__all__ = ["CHANGES", "ask", "structured"]
