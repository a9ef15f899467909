"""Pytest fixtures for the fake Discord (import them into a test module to use them)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.fake_discord.server import FakeDiscord, point_discord_py_at


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """Serve a fake Discord, point discord.py at it, and fail on unexpected errors."""
    fake = FakeDiscord()
    await fake.start()
    restore = point_discord_py_at(fake)
    try:
        yield fake
    finally:
        restore()
        await fake.stop()
    assert fake.errors == [], f"fake Discord rejected requests: {fake.errors}"
