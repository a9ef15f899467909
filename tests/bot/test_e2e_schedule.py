"""Status posts end to end through the fake Discord: subscribe, post at the slot, restarts,
reloads with change alerts, a refused reload, Discord errors, and bad input."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.render import COLOURS
from bot.schedule_settings import ScheduleSettings
from bot.settings import Settings, apply_endpoints
from bot.slots import FakeClock
from bot.subscriptions import StatusPosts, Subscriptions
from tests.bot.conftest import FIXTURE_KB, Running, settings_for
from tests.fake_discord.server import ALL_PERMISSIONS, EPHEMERAL_FLAG, FakeDiscord

Json = dict[str, Any]
START = dt.datetime(2026, 1, 15, 6, 0, tzinfo=dt.UTC)
SLOT = dt.datetime(2026, 1, 15, 7, 0, tzinfo=dt.UTC)  # daily 08:00 Europe/Berlin


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, folder)
    return folder


def schedule_settings(fake: FakeDiscord, state: Path, kb: Path, **kw: Any) -> Settings:
    sched = ScheduleSettings(tick_seconds=3600, retry_wait_seconds=0, sighup_reload=False, **kw)
    return settings_for(fake, state, knowledge_path=kb, schedule=sched)


async def start(settings: Settings, clock: FakeClock) -> Running:
    from bot.client import create_bot
    from bot.state import capcom_of

    apply_endpoints(settings)
    bot = create_bot(settings)  # loads the fact base from settings.knowledge_path
    capcom_of(bot).clock = clock
    task = asyncio.create_task(bot.start("fake-token"))
    waiter = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({task, waiter}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task in done:
        task.result()
    assert bot.is_ready()
    return Running(bot, task)


def posts_of(run: Running) -> StatusPosts:
    cog = run.bot.get_cog("Subscriptions")
    assert isinstance(cog, Subscriptions)
    return cog.posts


def assert_every_body_validated(fake: FakeDiscord) -> None:
    """Every request body the bot sent matched an OpenAPI operation with a body schema."""
    if fake.validator is None:
        return  # no spec: the fake says so in its skip reason; nothing was checked
    unchecked = set()
    for req in fake.requests:
        if req.json is None:
            continue
        op = fake.validator.operation(req.method, req.path)
        if op is None or op.validator is None:
            unchecked.add((req.method, req.path))
    assert unchecked == set(), f"bodies the OpenAPI check did not cover: {sorted(unchecked)}"


@pytest_asyncio.fixture
async def env(
    fake_discord: FakeDiscord, tmp_path: Path, kb_copy: Path
) -> AsyncIterator[tuple[FakeDiscord, Running, FakeClock, Settings]]:
    clock = FakeClock(START)
    settings = schedule_settings(fake_discord, tmp_path / "state", kb_copy)
    run = await start(settings, clock)
    holder = [run]
    try:
        yield fake_discord, run, clock, settings
    finally:
        await holder[0].stop()
    assert_every_body_validated(fake_discord)


def hidden_channel(fake: FakeDiscord, cid: int) -> Json:
    """`resolved` for a channel the user can pick but the bot has never seen."""
    guild = fake.guilds[0]
    payload = {
        "id": str(cid),
        "type": 0,
        "guild_id": str(guild.id),
        "name": "secret",
        "position": 9,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "permissions": str(ALL_PERMISSIONS),
    }
    return {"channels": {str(cid): payload}}


async def ephemeral_text(handle: Any) -> str:
    body = await handle.response()
    if body.get("type") == 5:  # deferred: the answer is the follow-up
        msg = await handle.final_message()
        assert msg["flags"] & EPHEMERAL_FLAG
        return str(msg["embeds"][0].get("description", ""))
    assert body["data"]["flags"] & EPHEMERAL_FLAG
    return str(body["data"]["embeds"][0].get("description", ""))


def posted(fake: FakeDiscord, cid: int) -> list[Json]:
    """Messages the bot posted in a channel by itself (not interaction answers)."""
    return [m for m in fake.messages.get(cid, []) if "webhook_id" not in m]


async def next_post(fake: FakeDiscord, cid: int, count: int = 1) -> Json:
    """Wait until the bot has posted `count` messages in the channel; return the last."""
    msgs = await fake.wait_until(lambda: posted(fake, cid)[count - 1 :], 5, "a status post")
    return msgs[0]


def channel_id(fake: FakeDiscord) -> int:
    return fake.guilds[0].channel_ids[0]


@pytest.mark.asyncio
async def test_subscribe_post_at_slot_and_no_repeat_after_restart(
    env: tuple[FakeDiscord, Running, FakeClock, Settings],
) -> None:
    fake, run, clock, settings = env
    cid = channel_id(fake)
    rid = fake.add_role()
    options = {"channel": cid, "what": "digest", "schedule": "daily 08:00", "role": rid}
    text = await ephemeral_text(
        await fake.slash("subscribe", {**options, "timezone": "Europe/Berlin"})
    )
    assert f"<t:{int(SLOT.timestamp())}:F>" in text
    clock.set(SLOT + dt.timedelta(seconds=5))
    report = await posts_of(run).scheduler.tick()
    assert report.sent == 1
    msg = await next_post(fake, cid)
    assert msg["embeds"][0]["title"].startswith("ISS logistics digest")
    assert msg["content"] == f"<@&{rid}>"
    assert msg["allowed_mentions"] == {"parse": [], "roles": [rid]}
    # restart: the same slot is not posted again
    await run.stop()
    run2 = await start(settings, clock)
    try:
        assert (await posts_of(run2).scheduler.tick()).sent == 0
        listing = await ephemeral_text(await fake.slash("subscriptions"))
        assert "posted" in listing
        nxt = SLOT + dt.timedelta(days=1)
        assert f"<t:{int(nxt.timestamp())}:F>" in listing
    finally:
        await run2.stop()
        env[1].bot = run2.bot  # the fixture's stop() is then a no-op close
        env[1].task = run2.task
    assert len(posted(fake, cid)) == 1


@pytest.mark.asyncio
async def test_reload_posts_each_change_once_per_subscriber(
    env: tuple[FakeDiscord, Running, FakeClock, Settings], kb_copy: Path
) -> None:
    fake, *_ = env
    cid = channel_id(fake)
    await ephemeral_text(await fake.slash("subscribe", {"channel": cid, "what": "changes"}))
    missions = kb_copy / "missions.yaml"
    missions.write_text(
        missions.read_text().replace("planned: NET 2026-08", "planned: 2026-09-30"),
        encoding="utf-8",
    )
    summary = await ephemeral_text(await fake.slash("reload"))
    assert "1 change(s); 1 alert(s) posted" in summary
    alert = await next_post(fake, cid)
    assert alert["embeds"][0]["title"] == "Schedule change"
    assert "CRS-35 moved from NET August 2026 to" in alert["embeds"][0]["description"]
    assert alert["allowed_mentions"] == {"parse": []}
    again = await ephemeral_text(await fake.slash("reload"))
    assert "no schedule or status changes" in again
    assert len(posted(fake, cid)) == 1
    # the new base answers
    handle = await fake.slash("mission", {"name": "crs-35"})
    shown = str(await handle.final_message())
    assert "September 2026" in shown or "<t:" in shown


@pytest.mark.asyncio
async def test_bad_reload_is_refused_and_old_base_keeps_answering(
    env: tuple[FakeDiscord, Running, FakeClock, Settings], kb_copy: Path
) -> None:
    fake, *_ = env
    (kb_copy / "missions.yaml").write_text(
        (kb_copy / "missions.yaml").read_text().replace("status: planned", "status: sideways", 1),
        encoding="utf-8",
    )
    text = await ephemeral_text(await fake.slash("reload"))
    assert "refused" in text
    assert "missions.yaml:" in text
    answer = await (await fake.slash("mission", {"name": "crs-35"})).final_message()
    assert answer["embeds"][0]["title"] == "CRS-35"


@pytest.mark.asyncio
async def test_403_marks_the_subscription_failing(
    env: tuple[FakeDiscord, Running, FakeClock, Settings],
) -> None:
    fake, run, clock, _ = env
    cid = channel_id(fake)
    await ephemeral_text(
        await fake.slash("subscribe", {"channel": cid, "what": "digest", "schedule": "daily 07:00"})
    )
    fake.fail_next("POST", rf"/channels/{cid}/messages$", 403)
    clock.set(SLOT)
    assert (await posts_of(run).scheduler.tick()).failed == 1
    listing = await ephemeral_text(await fake.slash("subscriptions"))
    assert "403 Forbidden" in listing
    assert "Failing (1 in a row)" in listing
    assert posted(fake, cid) == []


@pytest.mark.asyncio
async def test_500_then_success_posts_exactly_one_message(
    env: tuple[FakeDiscord, Running, FakeClock, Settings],
) -> None:
    fake, run, clock, _ = env
    cid = channel_id(fake)
    await ephemeral_text(
        await fake.slash("subscribe", {"channel": cid, "what": "both", "schedule": "daily 07:00"})
    )
    fake.fail_next("POST", rf"/channels/{cid}/messages$", 500)
    clock.set(SLOT)
    assert (await posts_of(run).scheduler.tick()).sent == 1
    assert len(posted(fake, cid)) == 1
    posts = [r for r in fake.requests if r.method == "POST" and r.path.endswith(f"{cid}/messages")]
    assert len(posts) == 2


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("options", "needle"),
    [
        ({"what": "digest", "schedule": "61 8 * * *"}, "not a valid cron expression"),
        ({"what": "digest", "schedule": "daily 08:00", "timezone": "Mars/Base"}, "time zone"),
        ({"what": "digest"}, "Digests need a schedule"),
        ({"what": "digest", "schedule": "* * * * *"}, "at most once every 60 minutes"),
    ],
)
async def test_bad_subscribe_input_is_a_clear_ephemeral_message(
    env: tuple[FakeDiscord, Running, FakeClock, Settings], options: Json, needle: str
) -> None:
    fake, *_ = env
    handle = await fake.slash("subscribe", {"channel": channel_id(fake), **options})
    body = await handle.response()
    assert body["data"]["flags"] & EPHEMERAL_FLAG
    assert body["data"]["embeds"][0]["color"] == COLOURS["error"]
    assert needle in body["data"]["embeds"][0]["description"]


@pytest.mark.asyncio
async def test_channel_the_bot_cannot_see(
    env: tuple[FakeDiscord, Running, FakeClock, Settings],
) -> None:
    fake, *_ = env
    hidden = fake.new_id()
    handle = await fake.slash(
        "subscribe", {"channel": hidden, "what": "changes"}, resolved=hidden_channel(fake, hidden)
    )
    text = await ephemeral_text(handle)
    assert "I cannot see" in text


@pytest.mark.asyncio
async def test_subscribe_in_a_dm_is_refused(
    env: tuple[FakeDiscord, Running, FakeClock, Settings],
) -> None:
    fake, *_ = env
    text = await ephemeral_text(
        await fake.slash("subscribe", {"channel": channel_id(fake), "what": "changes"}, guild=False)
    )
    assert "servers only" in text


@pytest.mark.asyncio
async def test_unsubscribe_takes_any_subscription_even_with_its_channel_gone(
    env: tuple[FakeDiscord, Running, FakeClock, Settings],
) -> None:
    fake, run, clock, _ = env
    cid = channel_id(fake)
    await ephemeral_text(
        await fake.slash("subscribe", {"channel": cid, "what": "digest", "schedule": "daily 07:00"})
    )
    gone = fake.new_id()  # a channel deleted after subscribing: the bot cannot see it any more
    store = posts_of(run).store
    orphan = await store.subscribe(
        guild_id=fake.guilds[0].id,
        channel_id=gone,
        what="changes",
        schedule=None,
        tz="UTC",
        role_id=None,
        origin="slash",
        now=clock.now(),
    )
    choices = await fake.autocomplete("unsubscribe", {"subscription": ""})
    assert {c["name"] for c in choices} == {
        "#general-0 · digest · daily 07:00 (UTC)",
        f"channel {gone} (not found) · changes",
    }
    assert f"channel {gone} (not found) · changes" in {
        c["name"] for c in await fake.autocomplete("unsubscribe", {"subscription": "NOT FOUND"})
    }
    value = next(c["value"] for c in choices if str(gone) in c["name"])
    assert value == str(orphan.id)
    text = await ephemeral_text(await fake.slash("unsubscribe", {"subscription": value}))
    assert text == f"Removed: channel {gone} (not found) · changes."
    assert [s.channel_id for s in await store.subscriptions()] == [cid]


@pytest.mark.asyncio
@pytest.mark.parametrize("value", ["nope", "999999", "12345678901234567890123"])
async def test_unsubscribe_with_a_wrong_value_is_a_clear_ephemeral_message(
    env: tuple[FakeDiscord, Running, FakeClock, Settings], value: str
) -> None:
    fake, run, clock, _ = env
    other_guild = await posts_of(run).store.subscribe(
        guild_id=fake.new_id(),
        channel_id=fake.new_id(),
        what="changes",
        schedule=None,
        tz="UTC",
        role_id=None,
        origin="slash",
        now=clock.now(),
    )
    for wrong in (value, str(other_guild.id)):  # nothing, or another server's subscription
        body = await (await fake.slash("unsubscribe", {"subscription": wrong})).response()
        assert body["data"]["flags"] & EPHEMERAL_FLAG
        assert body["data"]["embeds"][0]["color"] == COLOURS["error"]
        assert "This server has no subscription" in body["data"]["embeds"][0]["description"]
    assert await posts_of(run).store.subscription(other_guild.id) is not None
