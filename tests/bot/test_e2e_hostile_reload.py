"""The hostile fact bases of tests/hostile.py against a running bot: through SIGHUP each is
refused with its reason logged while the old base keeps answering; at start-up each stops the
bot with a LoadError naming the problem, not a crash."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from pathlib import Path

import pytest

import knowledge
from bot.client import create_bot
from bot.schedule_settings import ScheduleSettings
from bot.settings import apply_endpoints
from bot.slots import FakeClock
from tests.bot.conftest import settings_for
from tests.bot.test_e2e_reload import reloader_of, sighup
from tests.bot.test_e2e_schedule import START, kb_copy, start
from tests.fake_discord.fixtures import fake_discord
from tests.fake_discord.server import FakeDiscord
from tests.hostile import Case, cases

__all__ = ["fake_discord", "kb_copy"]
REFUSED = "reload refused"


def hostile_bases(root: Path) -> list[Case]:
    """One case per hostile fact base (check and ask share theirs)."""
    seen: set[Path] = set()
    out = []
    for case in cases(root):
        if case.base is not None and case.base not in seen:
            seen.add(case.base)
            out.append(case)
    return out


def point(link: Path, target: Path) -> None:
    """Make link point at target, atomically (the bot never sees it missing)."""
    tmp = link.with_name(link.name + ".new")
    tmp.symlink_to(target)
    os.replace(tmp, link)


async def answers(fake: FakeDiscord) -> str:
    """The title of the bot's reply to a DM asking for CRS-35."""
    sent = await fake.dm("CRS-35")
    reply = await fake.wait_for_message(int(sent["channel_id"]), timeout=10)
    return str(reply["embeds"][0]["title"])


@pytest.mark.asyncio
async def test_hostile_bases_through_sighup_leave_the_bot_answering(
    fake_discord: FakeDiscord,
    tmp_path: Path,
    kb_copy: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    link = tmp_path / "current"
    link.symlink_to(kb_copy)
    sched = ScheduleSettings(tick_seconds=3600, retry_wait_seconds=0, sighup_reload=True)
    settings = settings_for(
        fake_discord,
        tmp_path / "state",
        knowledge_path=link,
        schedule=sched,
        reload_memory_mb=512,
        reload_timeout_seconds=30,
    )
    run = await start(settings, FakeClock(START))
    caplog.set_level(logging.ERROR, logger="bot.subscriptions")
    try:
        old = run.capcom.ctx
        posts = reloader_of(run)
        for case in hostile_bases(tmp_path / "cases"):
            assert case.base is not None
            case.prepare()
            point(link, case.base)
            before = sum(REFUSED in r.getMessage() for r in caplog.records)
            sighup(posts)

            async def refused(count: int = before) -> str:
                while True:
                    found = [r.getMessage() for r in caplog.records if REFUSED in r.getMessage()]
                    if len(found) > count:
                        return found[-1]
                    await asyncio.sleep(0.05)

            message = await asyncio.wait_for(refused(), 40)
            assert re.search(case.expect, message), f"{case.name}: {message[:2000]}"
            assert run.capcom.ctx is old, case.name
            assert await answers(fake_discord) == "CRS-35", case.name
        point(link, kb_copy)  # and a good base is still taken after all that
        sighup(posts)

        async def swapped() -> None:
            while run.capcom.ctx is old:
                await asyncio.sleep(0.05)

        await asyncio.wait_for(swapped(), 40)
        assert await answers(fake_discord) == "CRS-35"
    finally:
        await run.stop()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "name", ["deep-flow-50k", "alias-bomb", "fifo", "self-link", "empty-folder", "dev-zero"]
)
async def test_hostile_base_at_start_up_is_a_load_error(
    fake_discord: FakeDiscord, tmp_path: Path, name: str
) -> None:
    [case] = [c for c in hostile_bases(tmp_path / "cases") if c.name.endswith(name)]
    assert case.base is not None
    case.prepare()
    settings = settings_for(fake_discord, tmp_path / "state", knowledge_path=case.base)
    apply_endpoints(settings)
    bot = create_bot(settings)  # no prebuilt context: setup_hook loads the hostile base
    try:
        with pytest.raises(knowledge.LoadError) as caught:
            await asyncio.wait_for(bot.start("fake-token"), 20)
    finally:
        await bot.close()
    assert re.search(case.expect, caught.value.report()), caught.value.report()
