"""`capcom db migrate | check | copy --to URL` from the command line, on real databases."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.__main__ import cli
from bot.store import DB_FILE, open_url
from tests.bot.databases import pg_schema
from tests.bot.test_store import FIRST_RELEASE


def capcom_db(tmp_path: Path, *args: str, url: str | None = None) -> Result:
    config = tmp_path / "config.yaml"
    config.write_text("log_level: WARNING\n", encoding="utf-8")
    env = {"CAPCOM_CONFIG": str(config), "CAPCOM_STATE_DIR": str(tmp_path / "state")}
    if url is not None:
        env["CAPCOM_DATABASE_URL"] = url
    return CliRunner().invoke(cli, ["db", *args], env=env)


def test_migrate_then_check(tmp_path: Path) -> None:
    before = capcom_db(tmp_path, "check")
    assert before.exit_code == 1
    assert "schema version 0, this capcom needs 3: run `capcom db migrate`" in before.output
    first = capcom_db(tmp_path, "migrate")
    assert first.exit_code == 0, first.output
    assert "applied migration(s) 1, 2, 3; now at version 3" in first.output
    again = capcom_db(tmp_path, "migrate")
    assert "already at version 3, nothing to do" in again.output
    ok = capcom_db(tmp_path, "check")
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith(f"ok: SQLite {tmp_path / 'state' / DB_FILE}: schema version 3;")
    assert "0 subscriptions, 0 posts" in ok.output


def test_a_first_release_file_is_behind_until_migrated(tmp_path: Path) -> None:
    (tmp_path / "state").mkdir()
    con = sqlite3.connect(tmp_path / "state" / DB_FILE)
    con.executescript(FIRST_RELEASE.read_text(encoding="utf-8"))
    con.close()
    assert "schema version 2, this capcom needs 3" in capcom_db(tmp_path, "check").output
    assert "applied migration(s) 3" in capcom_db(tmp_path, "migrate").output
    assert "2 subscriptions, 4 posts, 1 changes" in capcom_db(tmp_path, "check").output


@pytest.mark.asyncio
async def test_copy_from_sqlite_to_postgresql_is_verified_by_counts(tmp_path: Path) -> None:
    (tmp_path / "state").mkdir()
    con = sqlite3.connect(tmp_path / "state" / DB_FILE)
    con.executescript(FIRST_RELEASE.read_text(encoding="utf-8"))
    con.close()
    async with pg_schema() as url:
        result = await asyncio.to_thread(capcom_db, tmp_path, "copy", "--to", url)
        assert result.exit_code == 0, result.output
        assert "2 subscriptions, 4 posts, 1 changes, 0 reloads" in result.output
        assert "(counts match)" in result.output
        assert "set database_url" in result.output
        source = await open_url(f"sqlite://{tmp_path / 'state' / DB_FILE}", owner="s")
        copied = await open_url(url, owner="t")
        try:
            assert await copied.subscriptions() == await source.subscriptions()
            for sub in await source.subscriptions():
                assert await copied.posts(sub.id) == await source.posts(sub.id)
            assert await copied.changes_since(None) == await source.changes_since(None)
            new = await copied.subscribe(
                guild_id=1,
                channel_id=5,
                what="changes",
                schedule=None,
                tz="UTC",
                role_id=None,
                origin="slash",
                now=(await source.subscriptions())[0].created_at,
            )
            assert new.id == 3  # the id sequence moved past the copied ids
        finally:
            await source.close()
            await copied.close()
        twice = await asyncio.to_thread(capcom_db, tmp_path, "copy", "--to", url)
        assert twice.exit_code == 1
        assert "is not empty (3 subscriptions, 4 posts, 1 changes); copy into an empty" in (
            twice.output
        )
        checked = await asyncio.to_thread(capcom_db, tmp_path, "check", url=url)
        assert checked.exit_code == 0, checked.output
        assert checked.output.startswith("ok: PostgreSQL postgresql://")


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("mysql://db/capcom", "database_url: must be a PostgreSQL URL"),
        ("postgresql://nobody:secret@127.0.0.1:1/none", "cannot connect to postgresql://nobody@"),
    ],
)
def test_a_database_that_cannot_be_used_is_one_clear_line(
    tmp_path: Path, url: str, needle: str
) -> None:
    result = capcom_db(tmp_path, "check", url=url)
    assert result.exit_code != 0
    assert needle in result.output
    assert "secret" not in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
