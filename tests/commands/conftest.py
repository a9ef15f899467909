"""Fixtures for command tests: the curated base loaded and indexed once per session."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from knowledge import load

# The day the tests treat as today (the session's real date when they were written).
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def ctx() -> Context:
    """The curated fact base with its indexes."""
    return Context.build(load())
