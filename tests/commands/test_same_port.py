"""Two flights asked whether they docked at the same port: each flight's recorded port, never
a Yes from one flight's docking."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _lead(ctx: Context, question: str) -> str:
    return ask(ctx, question).text.split("\n\n")[0]


def test_two_ports_recorded_apart_are_no(ctx: Context) -> None:
    lead = _lead(ctx, "were progress ms-32 and progress ms-31 berthed at the same module?")
    assert lead.startswith("No"), lead
    assert "Poisk" in lead
    assert "Zvezda" in lead


def test_one_port_unrecorded_is_not_known(ctx: Context) -> None:
    lead = _lead(ctx, "did soyuz ms-29 and soyuz ms-28 use the same docking port")
    assert lead.startswith("Not known"), lead
    assert "Prichal" in lead
