"""The slash command's form: a flight, pad or vehicle, a change and an amount, turned into an
edit directly (no English written and parsed again)."""

from __future__ import annotations

import datetime as dt
import re

from commands.context import Context
from commands.freshness import stale_note
from commands.reply import Reply, error
from commands.whatif.edits import (
    AddFlight,
    Cancel,
    CrewChange,
    Duration,
    Edit,
    Hold,
    Move,
    Scenario,
    SetRate,
)
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import check_numbers, find_date, find_duration, find_month, number

CHANGES = (
    "delay",
    "advance",
    "move",
    "cancel",
    "ground-pad",
    "ground-vehicle",
    "no-cargo",
    "add-flight",
    "crew",
    "water-recovery",
    "propellant-use",
)


_DATE_ONLY = re.compile(r"^\s*(?:on|in|by|to|until|from)?\s*(?P<rest>.+?)\s*$", re.I)


def _amount_date(amount: str, today: dt.date) -> tuple[dt.date, str] | None:
    """A date given alone as an amount: "2026-09-01", "March 2027", "March" (the next one)."""
    got = find_date(amount)
    if got is not None and got[1].text.strip() == _DATE_ONLY.match(amount)["rest"]:  # type: ignore[index]
        return got[0], got[1].text
    month = find_month(f"in {amount.strip()}")
    if month is not None and month[1].end == len(amount.strip()) + 3:
        return month[0].resolve(today), month[0].text
    return None


def _amount_duration(amount: str) -> Duration | None:
    """A length of time given alone as an amount ("3 months"), refused if anything is left."""
    got = find_duration(amount)
    if got is None:
        return None
    dur, where = got
    rest = (amount[: where.start] + amount[where.end :]).strip(" ,.")
    if rest and rest.lower() not in ("by", "for", "about", "~"):
        raise ScenarioError(amount, f"I don't know what “{rest}” means in “{amount}”")
    from commands.whatif.reading import check_duration

    check_duration(dur)
    return dur


def structured(ctx: Context, mission: str, change: str, amount: str | None, now: dt.date) -> Reply:
    """Answer the slash command's form: a record, a change (see CHANGES) and an amount; the
    edit is built from the options directly."""
    from commands.whatif.baseline import prepare
    from commands.whatif.model import ModelError
    from commands.whatif.parser import Parser
    from commands.whatif.projection import short_name
    from commands.whatif.resolve import Resolver

    c = change.strip().lower().replace("_", "-").replace(" ", "-")
    target = mission.strip()
    amt = (amount or "").strip()
    try:
        prep = prepare(ctx.kb, ctx.options.whatif_projection)
    except ModelError as exc:
        return error("The supply model can't run", f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
    today = max(now, prep.params.stock_date)
    parser = Parser(Resolver(ctx.kb, ctx.index), today, lambda v, n: prep.next_flights(v, today, n))
    edit: Edit
    try:
        check_numbers(amt)
        if c in ("delay", "slip", "advance", "move-up", "move"):
            flight = parser.flight(target)
            if not amt:
                return error(
                    "Missing amount", f"Say how long (e.g. “6 months”) or to when for {c}."
                )
            when = _amount_date(amt, today)
            if when is not None:
                edit, text = (
                    Move(flight, 0, None, when[0], typed=when[1]),
                    f"{flight.name} moves to {when[1]}",
                )
            elif c == "move":
                return error("Missing date", "Give the new date for a move, e.g. “2026-09-01”.")
            else:
                dur = _amount_duration(amt)
                if dur is None:
                    return error(
                        "Unclear amount", f"“{amt}” is not a length such as “3 months” or a date."
                    )
                up = c in ("advance", "move-up")
                edit = Move(flight, -1 if up else 1, dur)
                text = f"{flight.name} {'moves up' if up else 'slips'} {dur.text}"
        elif c in ("cancel", "cancelled", "lose", "lost"):
            flight = parser.flight(target)
            edit, text = Cancel(flight), f"{flight.name} is lost"
        elif c in ("ground-pad", "ground", "pad-down", "ground-vehicle", "no-cargo"):
            if c == "no-cargo":
                vehicles = parser.resolver.vehicles_of(None, ("cargo-spacecraft", "spaceplane"))
                pads: tuple[str, ...] = ()
                label, subject, note = "no cargo", "there is no cargo", ""
            elif c == "ground-vehicle":
                grounded = parser.grounded(target)
                if grounded is None:
                    raise ScenarioError(
                        target,
                        f"“{target}” is not a vehicle I know",
                        parser.resolver.suggest(target, ("vehicle",)),
                    )
                vehicles, label, note = grounded
                pads = ()
                subject = f"{label.removesuffix(' grounded')} is grounded"
            else:
                pad = parser.pad(target)
                if pad is None:
                    raise ScenarioError(
                        target,
                        f"“{target}” is not a pad I know",
                        parser.resolver.suggest(target, ("pad",)),
                    )
                vehicles, pads, note = (), (pad[0],), pad[1]
                label = f"{parser.resolver.name(pad[0])} down"
                subject = f"{parser.resolver.name(pad[0])} is down"
            when = _amount_date(amt, today) if amt else None
            if when is not None:
                edit = Hold(label, pads, vehicles, None, None, when[0], when[1], note=note)
                text = f"{subject} until {when[1]}"
            elif amt:
                dur = _amount_duration(amt)
                if dur is None:
                    return error(
                        "Unclear amount", f"“{amt}” is not a length such as “6 months” or a date."
                    )
                edit = Hold(label, pads, vehicles, None, dur, note=note)
                text = f"{subject} for {dur.text}"
            else:
                edit = Hold(label, pads, vehicles, note=note)
                text = f"{subject} indefinitely"
        elif c in ("add-flight", "add"):
            found = parser.resolver.find(target, ("vehicle",))
            if found is None:
                raise ScenarioError(
                    target,
                    f"“{target}” is not a vehicle I know",
                    parser.resolver.suggest(target, ("vehicle",)),
                )
            when = _amount_date(amt, today) if amt else None
            if when is None:
                return error(
                    "Missing date", "Give the added flight's date, e.g. “2026-09-01” or “March”."
                )
            edit = AddFlight(found[0], when[0], when[1])
            text = f"an extra {short_name(ctx.kb, found[0])} arrives on {when[1]}"
        elif c == "crew":
            raw = amt or target
            n = number(raw) if raw else None
            if n is None or not float(n).is_integer() or not 0 <= n <= 13:
                return error(
                    "Crew size", f"Give the crew size as a whole number 0-13, not “{raw}”."
                )
            edit, text = CrewChange(None, int(n)), f"the crew is {int(n)}"
        elif c in ("water-recovery", "recovery"):
            v = number(amt.rstrip("% ")) if amt else None
            if v is None or not 0 <= v <= 100:
                return error("Water recovery", f"Give the water recovered as 0-100%, not “{amt}”.")
            edit = SetRate("water_recovery", v / 100.0, f"water recovery {v:g}%")
            text = f"water recovery is {v:g}%"
        elif c in ("propellant-use", "propellant"):
            m = re.fullmatch(
                r"\s*(?P<v>[\d,.]+)\s*(?P<u>kg|t|tonnes?|tons?)?(?:\s*(?:a|per|/)\s*(?:year|yr))?\s*",
                amt,
                re.I,
            )
            v = number(m["v"]) if m else None
            kg = (
                v * (1000.0 if m and m["u"] and m["u"].lower().startswith("t") else 1.0)
                if v is not None
                else None
            )
            if kg is None or not 0 <= kg <= 50_000:
                return error(
                    "Propellant use", f"Give the yearly use in kg (0-50,000), not “{amt}”."
                )
            edit = SetRate("propellant_per_day", kg / 365.0, f"propellant use {kg:,.0f} kg/yr")
            text = f"propellant use is {kg:,.0f} kg a year"
        else:
            return error(
                "Unknown change",
                f"“{change}” is not a change I can model; use one of: {', '.join(CHANGES)}.",
            )
    except ScenarioError as exc:
        return error("Can't model that scenario", f"{exc.message.rstrip('.')}.", exc.suggestions)
    from commands.whatif.answer import evaluate_scenario, with_note  # numpy: only now

    reply = evaluate_scenario(
        ctx.kb, Scenario((edit,)), f"what if {text}", now, ctx.options.whatif_projection
    )
    return with_note(reply, stale_note(ctx, now))
