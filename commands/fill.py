"""How full a flight was: its recorded load against what its vehicle can carry of that cargo.

"how full was NG-23", or "is that near what an XL can take?" just after "how much did NG-23
carry": the flight's recorded mass of a cargo class, the vehicle's capacity for the same
class, the share, each with its sources; a load the sources dispute is given every way.
"""

from __future__ import annotations

import datetime as dt
import re

from commands.context import Context
from commands.facts import Lead, finish
from commands.format import day_text, publisher
from commands.lookup import CARGO_NAMES
from commands.reply import Reply
from commands.understand import vocabulary as vocab
from commands.understand.thresholds import NEAR_CAPACITY_SHARE
from commands.understand.types import Ask, Question
from knowledge.schema import CargoItem, Mission, Vehicle

_KG = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*kg\b", re.I)


def fill_answer(ctx: Context, q: Question, flight: Mission, now: dt.date) -> Reply | None:
    """The flight's load against its vehicle's capacity (a vehicle the question names
    instead, "what an XL can take", when it is a spacecraft); None when the flight records
    no load in a unit a capacity is given in."""
    named = [
        v
        for s in q.subjects
        if s.kind == "vehicle"
        and isinstance(v := ctx.kb.get(s.record_id), Vehicle)
        and v.kind != "launch-vehicle"
    ]
    vehicle = named[0] if named else ctx.kb.vehicles.get(flight.vehicle)
    load = _load(flight, q)
    if vehicle is None or load is None:
        return None
    lead = Lead("")
    cap = next((c for c in vehicle.capacities if c.cargo == load.cargo), None)
    what = CARGO_NAMES.get(load.cargo, load.cargo).lower()
    carried = f"{flight.name} carried {load.text()}{_by(ctx, load.sources)}"
    if cap is None or cap.unit != load.unit:
        lead.text = (
            f"{carried}; {vehicle.name}'s {what} capacity is not recorded as of "
            f"{day_text(ctx.kb.as_of)}, so how full it was is not known."
        )
        lead.known = False
        lead.sources = list(load.sources)
        return finish(ctx, flight, q, lead)
    limit = cap.high if cap.high is not None else cap.mid
    share = load.mid / limit
    head = re.split(r"[.:;]", cap.note)[0].strip() if cap.note else ""
    note = f", {head}" if head else ""  # "Cygnus XL": which version the figure is for
    over = " — more than it can carry" if share > 1 else ""
    lead.text = (
        f"{carried}: {_percent(share)} of the {cap.text()} {vehicle.name} can carry "
        f"({what}{note}{_by(ctx, cap.sources)}){over}."
    )
    others = _disputed_loads(ctx, flight, load)
    if others:
        said = "; ".join(
            f"{value:,.0f} kg{_by(ctx, sources)}, which is {_percent(value / limit)}"
            for value, sources in others
        )
        lead.text += f" Sources disagree on the load: {said}."
    if q.ask == Ask.YES_NO and vocab.NEAR_FULL.search(q.text):
        lead.yes = NEAR_CAPACITY_SHARE <= share <= 1 / NEAR_CAPACITY_SHARE
    lead.sources = [*load.sources, *cap.sources, *(s for _, ss in others for s in ss)]
    return finish(ctx, flight, q, lead)


def _load(flight: Mission, q: Question) -> CargoItem | None:
    """The load asked about: of the question's cargo class, else the total up-mass."""
    items = list(flight.cargo)
    asked = [c for c in items if c.cargo == q.cargo]
    whole = [c for c in items if c.cargo == "total-up-mass"]
    pick = asked or whole or items
    return pick[0] if pick else None


def _disputed_loads(
    ctx: Context, flight: Mission, load: CargoItem
) -> list[tuple[float, tuple[str, ...]]]:
    """The other figures a dispute over the flight's load gives (every claim a mass in kg,
    one of them the recorded load's): the value and its sources."""
    for d in flight.disputes:
        claims = [(_KG.search(c.says), c.sources) for c in d.claims]
        if load.unit != "kg" or not all(m for m, _ in claims):
            continue
        values = [(float(m.group(1).replace(",", "")), s) for m, s in claims if m]
        if any(v == load.mid for v, _ in values):
            return [(v, s) for v, s in values if v != load.mid]
    return []


def _percent(share: float) -> str:
    """ "99.8%", "62%": one decimal near full, none otherwise."""
    pct = share * 100
    return f"{pct:.1f}%" if 95 <= pct < 100 else f"{pct:.0f}%"


def _by(ctx: Context, sources: tuple[str, ...]) -> str:
    """ " (NASA)": the publisher of a figure's first source."""
    return f" ({publisher(ctx.kb, sources[0])})" if sources else ""


def asks_fill(q: Question) -> bool:
    """Whether a question weighs a load against a capacity ("how full was it", "is that
    near what an XL can take", "what share of its capacity was that")."""
    return bool(vocab.FILL.search(q.text))


__all__ = ["asks_fill", "fill_answer"]
