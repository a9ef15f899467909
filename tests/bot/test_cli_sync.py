"""`capcom sync` against the fake Discord: PUT only when the definitions changed, or forced."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.__main__ import cli
from bot.store import DB_FILE
from bot.sync import STATE_FILE
from tests.bot.conftest import FIXTURE_KB
from tests.fake_discord.fixtures import fake_discord
from tests.fake_discord.server import FakeDiscord

__all__ = ["fake_discord"]


@pytest.fixture(autouse=True)
def keep_root_logging() -> Iterator[None]:
    """`capcom sync` sets up discord.py's logging on the root logger; undo it afterwards."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    root.handlers[:] = handlers


async def capcom_sync(fake: FakeDiscord, tmp_path: Path, *args: str) -> Result:
    """Run `capcom sync` in a thread (it runs its own event loop), configured by environment."""
    config = tmp_path / "config.yaml"
    config.write_text("log_level: WARNING\n", encoding="utf-8")
    env = {
        "CAPCOM_CONFIG": str(config),
        "CAPCOM_API_BASE_URL": fake.api_base,
        "CAPCOM_GATEWAY_URL": fake.gateway_url,
        "CAPCOM_STATE_DIR": str(tmp_path / "state"),
        "CAPCOM_KNOWLEDGE_PATH": str(FIXTURE_KB),
        "DISCORD_TOKEN": "fake-token",
    }
    runner = CliRunner()
    return await asyncio.to_thread(runner.invoke, cli, ["sync", *args], env=env)


def puts(fake: FakeDiscord) -> int:
    return sum(1 for r in fake.requests if r.method == "PUT" and r.path.endswith("/commands"))


@pytest.mark.asyncio
async def test_capcom_sync_puts_only_changed_definitions_and_always_with_force(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    fake = fake_discord
    first = await capcom_sync(fake, tmp_path)
    assert first.exit_code == 0, first.output
    assert "global: 16 command(s) synced" in first.output
    assert (puts(fake), len(fake.commands)) == (1, 16)
    assert fake.identifies == []  # REST only: sync never opens the gateway

    again = await capcom_sync(fake, tmp_path)
    assert again.exit_code == 0, again.output
    assert "global: 16 command(s) unchanged, not synced" in again.output
    assert puts(fake) == 1

    forced = await capcom_sync(fake, tmp_path, "--force")
    assert forced.exit_code == 0, forced.output
    assert "global: 16 command(s) synced" in forced.output
    assert puts(fake) == 2

    # definitions changed since the last sync (the stored hash is an older one's): PUT again
    state = tmp_path / "state" / STATE_FILE
    hashes = json.loads(state.read_text(encoding="utf-8"))
    assert len(hashes) == 1
    state.write_text(json.dumps(dict.fromkeys(hashes, "0" * 64)), encoding="utf-8")
    with sqlite3.connect(tmp_path / "state" / DB_FILE) as db:
        db.execute("UPDATE command_syncs SET hash = ?", ("0" * 64,))
    changed = await capcom_sync(fake, tmp_path)
    assert "global: 16 command(s) synced" in changed.output
    assert puts(fake) == 3
    assert json.loads(state.read_text(encoding="utf-8")) == hashes


@pytest.mark.asyncio
async def test_a_sync_recorded_by_the_first_release_is_not_repeated(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    fake = fake_discord
    assert (await capcom_sync(fake, tmp_path)).exit_code == 0
    for leftover in (tmp_path / "state").glob(f"{DB_FILE}*"):
        leftover.unlink()  # only the first release's command-sync.json is left
    again = await capcom_sync(fake, tmp_path)
    assert "global: 16 command(s) unchanged, not synced" in again.output
    assert puts(fake) == 1


@pytest.mark.asyncio
async def test_capcom_sync_without_a_token_says_so(
    fake_discord: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    config = tmp_path / "config.yaml"
    config.write_text("log_level: WARNING\n", encoding="utf-8")
    env = {"CAPCOM_CONFIG": str(config), "CAPCOM_API_BASE_URL": fake_discord.api_base}
    result = await asyncio.to_thread(CliRunner().invoke, cli, ["sync"], env=env)
    assert result.exit_code == 2
    assert "no Discord token" in result.output
    assert fake_discord.requests == []
