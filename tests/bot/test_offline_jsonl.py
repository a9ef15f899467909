"""`ask --jsonl` keeps a conversation across lines; `--fresh` answers each line on its own."""

from __future__ import annotations

import io
import json

from bot.offline import full_card, run_jsonl, safe_answer
from tests.bot.conftest import TODAY, fixture_context


def answers(lines: list[str], *, fresh: bool) -> list[dict[str, object]]:
    out = io.StringIO()
    run_jsonl(fixture_context(), [line + "\n" for line in lines], out, TODAY, fresh=fresh)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_follow_up_line_refers_to_the_line_before() -> None:
    first, second = answers(["crew-12", "who is flying on it?"], fresh=False)
    assert first["entities"][0] == "crew-12"  # type: ignore[index]
    assert second["kind"] == "answer"
    assert second["entities"][0] == "crew-12"  # type: ignore[index]
    assert "Jane Doe" in str(second["text"])


def test_fresh_answers_every_line_alone() -> None:
    _, second = answers(["crew-12", "who is flying on it?"], fresh=True)
    assert second["kind"] == "suggestions"
    assert second["title"] == "What are you referring to?"


def test_full_card_is_the_whole_record() -> None:
    ctx = fixture_context()
    brief = safe_answer(ctx, "CRS-35", TODAY)
    assert brief.more == "crs-35"
    full = full_card(ctx, brief, TODAY)
    assert full.more is None
    assert "Schedule history" in {f.name for f in full.fields}
    assert full_card(ctx, full, TODAY) is full
