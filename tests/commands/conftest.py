"""Fixtures for command tests: the curated base loaded and indexed once per session."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.conversation import Conversation
from commands.reply import Reply
from commands.router import answer
from knowledge import load

# The day the tests treat as today (the session's real date when they were written).
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def ctx() -> Context:
    """The curated fact base with its indexes."""
    return Context.build(load())


def lead(ctx: Context, text: str) -> str:
    """The first paragraph of the answer to one question (which must be an answer)."""
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "answer", reply.plain()
    return reply.text.split("\n\n")[0]


def ask(ctx: Context, *turns: str) -> Reply:
    """The reply to the last of several messages sent in one conversation."""
    conv = Conversation()
    reply = None
    for t in turns:
        reply = answer(ctx, t, TODAY, conv)
    assert reply is not None
    return reply


def first(ctx: Context, text: str) -> str:
    """The first paragraph of an answer, after the stale-data note when it leads."""
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "answer", reply.plain()
    body = reply.text.split("\n")[-1] if reply.text.startswith("Fact base") else reply.text
    return body.split("\n\n")[0]


def answer_to(ctx: Context, text: str) -> Reply:
    """The whole reply to one question, asked on its own."""
    return answer(ctx, text, TODAY)
