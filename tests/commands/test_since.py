"""Flown since: the first recorded flight after the event the conversation asked about."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_flown_since_the_failure_asked_before(ctx: Context) -> None:
    reply = ask(ctx, "when was h3's last failure", "did it launch again since then?")
    lead = reply.text.split("\n\n")[0]
    assert lead.startswith("Yes."), reply.plain()
    assert "11 August 2026" in lead
    assert "22 December 2025" in lead
