"""Asked "when does it go up" after a subject asks that subject's launch, never the schedule of
the next flights; and "what rocket" after it stays on the same subject."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import ask


@pytest.mark.parametrize(
    "then",
    [
        "when does its first module go up",
        "so when is its first piece going up",
        "when will its first module fly",
    ],
)
def test_when_its_module_goes_up_stays_on_ros(ctx: Context, then: str) -> None:
    reply = ask(ctx, "what is ROS", then)
    assert reply.title == "Russian Orbital Station (ROS)", reply.plain()


def test_the_rocket_after_the_launch_follow_up_stays_on_ros(ctx: Context) -> None:
    reply = ask(
        ctx,
        "tell me about the russian orbital station",
        "when does its first module go up",
        "what rocket",
    )
    assert "Proton-M" in reply.text.split("\n\n")[0]


def test_russian_tell_me_about(ctx: Context) -> None:
    reply = ask(ctx, "расскажи про Crew-13")
    assert "расскажи" not in reply.text
    assert reply.title == "Crew-13"
