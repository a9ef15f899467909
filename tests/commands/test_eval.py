"""The development question set: every case's reply must match all its patterns."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "dev-questions.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["ask"][:50] or "<empty>" for c in CASES])
def test_dev_question(ctx: Context, case: dict[str, Any]) -> None:
    reply = answer(ctx, case["ask"], TODAY)
    text = reply.plain()
    if "kind" in case:
        assert reply.kind == case["kind"], text
    for pattern in case["expect"]:
        assert re.search(pattern, text, re.IGNORECASE), f"{pattern!r} not in:\n{text}"
    if reply.kind in ("answer", "whatif"):
        assert reply.sources, "an answer names its sources"
        assert reply.as_of is not None


MORE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "more-questions.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", MORE, ids=[c["ask"][:50] for c in MORE])
def test_routing_beyond_the_dev_set(ctx: Context, case: dict[str, Any]) -> None:
    reply = answer(ctx, case["ask"], TODAY)
    if "kind" in case:
        assert reply.kind == case["kind"], reply.plain()
    if "about" in case:
        assert reply.kind == "answer", reply.plain()
        assert reply.entities[0] == case["about"], reply.plain()
