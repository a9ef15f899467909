"""Fixtures for the bot's end-to-end tests: the real bot against the fake Discord."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest_asyncio

import knowledge
from bot.client import create_bot
from bot.settings import Settings, apply_endpoints
from bot.state import AnyBot, Capcom, capcom_of
from commands.context import Context
from tests.fake_discord.fixtures import fake_discord
from tests.fake_discord.server import FakeDiscord, restore_discord_py_defaults

__all__ = ["fake_discord"]

FIXTURE_KB = Path(__file__).parent / "fixtures" / "kb"
TODAY = dt.date(2026, 1, 15)
_CONTEXT: Context | None = None


def fixture_context() -> Context:
    """The test fact base, loaded once per test session."""
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = Context.build(knowledge.load(FIXTURE_KB))
    return _CONTEXT


def settings_for(fake: FakeDiscord, state_dir: Path, **overrides: Any) -> Settings:
    """Settings that point the bot at the fake, with a fixed date and the fixture fact base."""
    values: dict[str, Any] = {
        "api_base_url": fake.api_base,
        "gateway_url": fake.gateway_url,
        "state_dir": state_dir,
        "knowledge_path": FIXTURE_KB,
        "now": TODAY,
        "guild_ready_timeout": 0.05,
        **overrides,
    }
    return Settings(**values)


@dataclass
class Running:
    """A started bot and the task running it."""

    bot: AnyBot
    task: asyncio.Task[None]

    @property
    def capcom(self) -> Capcom:
        """The bot's shared state."""
        return capcom_of(self.bot)

    async def stop(self) -> None:
        """Close the bot; re-raise anything that crashed it; fail on errors we caused."""
        await self.bot.close()
        await asyncio.wait_for(self.task, 5)
        assert self.capcom.unexpected == [], f"unexpected errors: {self.capcom.unexpected!r}"


async def start_bot(settings: Settings, context: Context | None = None) -> Running:
    """Start the bot and wait until it is ready, surfacing a crash instead of a timeout."""
    apply_endpoints(settings)
    bot = create_bot(settings, context if context is not None else fixture_context())
    task = asyncio.create_task(bot.start("fake-token"))
    waiter = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({task, waiter}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task in done:
        task.result()
    assert bot.is_ready(), "bot did not become ready"
    return Running(bot, task)


@pytest_asyncio.fixture
async def running(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[Running]:
    """The capcom bot, ready, its commands synced to the fake."""
    run = await start_bot(settings_for(fake_discord, tmp_path / "state"))
    try:
        yield run
    finally:
        await run.stop()
        restore_discord_py_defaults()
