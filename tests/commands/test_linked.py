"""Words a subject's own texts never use, answered from its linked records' sentences."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_a_word_only_the_pad_uses_is_answered_from_the_pad(ctx: Context) -> None:
    for text in (
        "does soyuz have a backup pad",
        "is there any backup launch pad for the soyuz spacecraft",
        "soyuz backup pad?",
        "could progress use a backup pad",
    ):
        first = lead(ctx, text)
        assert "own records say nothing of “backup”" in first, (text, first)
        assert "no new damage or backup pad was reported" in first, (text, first)
        assert "cannot serve as a backup for Site 31/6" in first, (text, first)


def test_a_word_the_subject_uses_is_not_sent_to_its_links(ctx: Context) -> None:
    for text in ("is the soyuz pad repaired", "was site 31 damaged"):
        first = lead(ctx, text)
        assert "records linked to it" not in first, (text, first)
