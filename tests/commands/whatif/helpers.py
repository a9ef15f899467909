"""Shared helpers for what-if tests: parse or apply a scenario, read a reply's fields."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.reply import Reply
from commands.whatif.apply import Applied, apply
from commands.whatif.baseline import prepare
from commands.whatif.edits import Edit, Scenario
from commands.whatif.parser import Parser
from commands.whatif.resolve import Resolver
from tests.commands.conftest import TODAY


def parse(ctx: Context, text: str, now: dt.date = TODAY) -> Scenario:
    """The scenario a what-if text parses to (ScenarioError when refused)."""
    prep = prepare(ctx.kb)
    today = max(now, prep.params.stock_date)
    return Parser(
        Resolver(ctx.kb, ctx.index), today, lambda v, n: prep.next_flights(v, today, n)
    ).parse(text)


def edit(ctx: Context, text: str) -> Edit:
    """The one edit a what-if text parses to."""
    edits = parse(ctx, text).edits
    assert len(edits) == 1, edits
    return edits[0]


def applied(ctx: Context, text: str, now: dt.date = TODAY) -> Applied:
    """The scenario applied to the unchanged plan."""
    return apply(parse(ctx, text, now), prepare(ctx.kb), now)


def field(reply: Reply, name: str) -> str:
    """A reply field's value ("" when absent)."""
    return next((f.value for f in reply.fields if f.name == name), "")


def flight_date(ctx: Context, key: str) -> dt.date:
    """When a flight arrives in the unchanged plan."""
    return next(d.date for d in prepare(ctx.kb).baseline.plan.deliveries if d.key == key)
