"""Off-base asks (crypto, investment advice, nonsense) and schedule windows relative to today."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.conversation import Conversation
from commands.reply import Reply
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def ask(ctx: Context, text: str, now: dt.date = NOW) -> Reply:
    return answer(ctx, text, now, Conversation())


def test_crypto_and_buy_advice_are_untracked(ctx: Context) -> None:
    for text in (
        "is dogecoin going to pump when starship flies",
        "should i buy bitcoin now that crew-12 is up",
        "thinking of putting my savings in crypto because spacex is winning, thoughts?",
    ):
        reply = ask(ctx, text)
        assert reply.title == "Not something I track", (text, reply.plain())
        assert "investment advice" in reply.text
