"""A country named in a yes/no about a person is a nationality claim: never an organization
that shares a word with it ("united"), and "is she russian" is about the one "she" is."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


def test_a_country_spelled_out_is_her_nationality_not_an_organization(ctx: Context) -> None:
    lead = _lead(ask(ctx, "was jessica watkins from the united states?").text)
    assert lead.startswith("Yes."), lead
    assert "United Launch Alliance" not in lead


def test_the_wrong_country_spelled_out_is_no_with_her_own(ctx: Context) -> None:
    lead = _lead(ask(ctx, "is jessica meir from japan").text)
    assert lead.startswith("No."), lead
    assert "American" in lead
    assert "not Japan" in lead


def test_she_stays_the_commander_when_a_country_is_claimed(ctx: Context) -> None:
    reply = ask(ctx, "who was crew-12's commander", "was she a russian cosmonaut?")
    lead = _lead(reply.text)
    assert "Fedyaev" not in lead, lead
    assert lead.startswith("No."), lead
    assert "Jessica Meir" in lead
