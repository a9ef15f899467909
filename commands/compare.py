"""Side-by-side comparison of two or more vehicles or pads."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.format import amount, collect_sources, source_lines
from commands.lookup import CARGO_NAMES, resolve
from commands.reply import Field, Reply, Suggestion, error
from knowledge.schema import Pad, Vehicle

MAX_ITEMS = 6


def compare(ctx: Context, names: list[str], now: dt.date) -> Reply:
    """Compare the named vehicles (or pads) field by field."""
    names = [n for n in (x.strip() for x in names) if n][: MAX_ITEMS + 1]
    if len(names) < 2:
        return error(
            "Compare needs two or more",
            "Name two or more vehicles or pads, e.g. “compare Cygnus and Cargo Dragon”.",
        )
    if len(names) > MAX_ITEMS:
        return error("Too many to compare", f"Compare at most {MAX_ITEMS} at a time.")
    ids: list[str] = []
    for i, n in enumerate(names):
        found = ctx.index.find_mentions(n, kinds=("vehicle", "pad"))
        spans = {(m.start, m.end) for m in found}
        rid = found[0].record_id if found and len(spans) == 1 and len(found) == 1 else None
        resolved = rid or resolve(ctx, n, ("vehicle", "pad"))
        if isinstance(resolved, Reply):
            return _keep_comparing(ctx, resolved, names, i)
        if resolved not in ids:
            ids.append(resolved)
    recs = [ctx.kb.get(i) for i in ids]
    if len(ids) < 2:
        return error("Compare needs two different records", "Those names all mean the same record.")
    if all(isinstance(r, Vehicle) for r in recs):
        vehicles = [r for r in recs if isinstance(r, Vehicle)]
        fields = [_vehicle_column(ctx, v) for v in vehicles]
        text = _vehicle_summary(vehicles)
        src = collect_sources(
            *[v.sources for v in vehicles],
            *[[s for c in v.capacities for s in c.sources] for v in vehicles],
            *[[s for c in v.costs for s in c.sources] for v in vehicles],
        )
    elif all(isinstance(r, Pad) for r in recs):
        pads = [r for r in recs if isinstance(r, Pad)]
        fields = [
            Field(
                p.name,
                f"{p.site}, {p.country}\nStatus: {p.status}\nServes: "
                + ", ".join(ctx.kb.vehicles[v].name for v in p.vehicles if v in ctx.kb.vehicles),
                True,
            )
            for p in pads
        ]
        text = "Pads side by side."
        src = collect_sources(*[p.sources for p in pads])
    else:
        return error("Compare like with like", "Compare vehicles with vehicles or pads with pads.")
    return Reply(
        kind="answer",
        title=" vs ".join(r.name for r in recs if r is not None),
        text=text,
        fields=tuple(fields),
        sources=source_lines(ctx.kb, src),
        source_ids=src,
        as_of=ctx.kb.as_of,
        entities=tuple(ids),
    )


def _keep_comparing(ctx: Context, reply: Reply, names: list[str], i: int) -> Reply:
    """A did-you-mean for one name whose choices each answer the whole comparison."""
    if not reply.suggestions:
        return reply
    kinds = {
        v.kind
        for j, n in enumerate(names)
        if j != i
        for m in ctx.index.find_mentions(n, kinds=("vehicle",))
        if (v := ctx.kb.vehicles.get(m.record_id)) is not None
    }

    def same_kind_first(s: Suggestion) -> int:
        v = ctx.kb.vehicles.get(s.record_id or "")
        return 0 if v is not None and v.kind in kinds else 1

    choices = []
    for s in sorted(reply.suggestions, key=same_kind_first):
        parts = [*names[:i], s.label, *names[i + 1 :]]
        choices.append(Suggestion(s.label, "compare " + " and ".join(parts)))
    return Reply(
        kind="suggestions",
        title=reply.title,
        text=f"Which “{names[i]}” should I compare? Pick one:",
        suggestions=tuple(choices),
        entities=reply.entities,
        as_of=reply.as_of,
    )


def _vehicle_column(ctx: Context, v: Vehicle) -> Field:
    lines = [
        f"Kind: {v.kind.replace('-', ' ')}",
        f"Operator: {ctx.kb.organizations[v.operator].name}"
        if v.operator in ctx.kb.organizations
        else f"Operator: {v.operator}",
        f"Status: {v.status}",
    ]
    for c in v.capacities:
        lines.append(f"{CARGO_NAMES[c.cargo]}: {amount(c)}")
    for cost in v.costs:
        lines.append(f"Cost: {amount(cost)} per {cost.per}")
    lines.append("Refuels Russian segment: " + ("yes" if v.refuels_russian_segment else "no"))
    lines.append("Reboost: " + ("yes" if v.can_reboost else "no"))
    if v.reusable is not None:
        lines.append("Reusable: " + ("yes" if v.reusable else "no"))
    if v.crew_size:
        lines.append(f"Crew: {v.crew_size}")
    return Field(v.name, "\n".join(lines), True)


def _vehicle_summary(vehicles: list[Vehicle]) -> str:
    def up(v: Vehicle) -> float | None:
        for c in v.capacities:
            if c.cargo == "total-up-mass" and c.unit == "kg":
                return c.mid
        return None

    sized = [(up(v), v) for v in vehicles]
    known = [(m, v) for m, v in sized if m is not None]
    parts = []
    if len(known) >= 2:
        m, biggest = max(known, key=lambda x: x[0])
        parts.append(f"Largest up-mass: {biggest.name} (~{m:,.0f} kg).")
    refuel = [v.name for v in vehicles if v.refuels_russian_segment]
    if refuel:
        parts.append("Only " + ", ".join(refuel) + " can refuel the Russian segment.")
    return " ".join(parts) or "Vehicles side by side."
