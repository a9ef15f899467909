"""The resupply what-if: `ask` for free text, `structured` for the slash command's options,
`looks_like_whatif` for the router, `baseline_summary` for status digests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from commands.context import Context
from commands.freshness import stale_note
from commands.reply import Reply
from commands.whatif import figures, totals  # noqa: F401  (patterns in the start-up table)
from commands.whatif.quantity import asked_resource as _resource
from commands.whatif.quantity import quantity_answer
from commands.whatif.trigger import looks_like_whatif

if TYPE_CHECKING:
    from commands.conversation import Turn
    from commands.whatif.options import CHANGES, structured


def __getattr__(name: str) -> object:
    """CHANGES and structured (the slash command's form) load its parser on first use, so a
    question that is no what-if never does."""
    if name in ("CHANGES", "structured"):
        from commands.whatif import options

        return getattr(options, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ask(ctx: Context, text: str, now: dt.date) -> Reply:
    """Answer a what-if typed in words ("what if Progress MS-33 slips 6 months")."""
    from commands.whatif.answer import evaluate, with_note  # numpy: for a what-if only

    reply = evaluate(ctx.kb, ctx.index, text, now, ctx.options.whatif_projection)
    return with_note(reply, stale_note(ctx, now))


def asked_quantity(ctx: Context, text: str, now: dt.date, last: Turn | None = None) -> Reply | None:
    """A derived figure the question asks for that a scenario run does not lead with
    (flights to replace a load, extra consumables, a stay against design life), else None."""
    return quantity_answer(ctx, text, now, last)


def asked_resource(text: str) -> str | None:
    """The consumable a how-much question asks, as written ("oxygen"), else None."""
    return _resource(text)


def baseline_summary(ctx: Context, now: dt.date) -> str | None:
    """One line on the modelled supply margin of the unchanged plan, for status digests."""
    from commands.whatif.baseline import prepare
    from commands.whatif.english import days
    from commands.whatif.model import LABELS, RESOURCES, ModelError, run

    try:
        prep = prepare(ctx.kb, ctx.options.whatif_projection)
        start = prep.params.stock_date
        end = max(now, start) + dt.timedelta(days=90)
        result = run(prep.params, prep.baseline.plan, start, end)
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
    low = min(RESOURCES, key=lambda r: result.results[r].min_days)
    lowest = f"; lowest {LABELS[low].lower()}: {days(result.results[low].min_days)}"
    traffic = (
        "the recorded flights, then routine traffic projected from each vehicle's cadence"
        if prep.cadences
        else "only the flights the fact base records"
    )
    return (
        f"{head}{tail}{lowest} (through {end.isoformat()}). Modelled estimate from an assumed "
        f"stock on {start.isoformat()} and {traffic}; ask “what if …” for details."
    )


__all__ = [
    "CHANGES",
    "ask",
    "asked_quantity",
    "asked_resource",
    "baseline_summary",
    "looks_like_whatif",
    "structured",
]
