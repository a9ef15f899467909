"""Understanding a question before anything is looked up: types, vocabulary, the reader."""

from __future__ import annotations

from commands.understand.types import Ask, Chat, Command, Fact, Question, Subject

__all__ = ["Ask", "Chat", "Command", "Fact", "Question", "Subject"]
