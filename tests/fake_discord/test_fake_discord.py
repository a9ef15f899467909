"""Drive a minimal real discord.py bot against the fake Discord."""

from __future__ import annotations

import asyncio
import io
import json
import zlib
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
import pytest_asyncio
from discord import app_commands
from discord.ext import commands

from tests.fake_discord.fixtures import fake_discord
from tests.fake_discord.server import FakeDiscord, point_discord_py_at

__all__ = ["fake_discord"]


class ConfirmView(discord.ui.View):
    """A one-button view that edits its message when clicked."""

    @discord.ui.button(label="Confirm", custom_id="confirm")
    async def confirm(
        self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmView]
    ) -> None:
        await interaction.response.edit_message(content="confirmed", view=None)


@app_commands.command(description="Ask about a topic.")
async def ask(interaction: discord.Interaction, topic: str) -> None:
    """Answer, defer, show a button or attach a file depending on the topic."""
    if topic == "slow":
        await interaction.response.defer(thinking=True)
        await interaction.followup.send(f"deferred: {topic}")
    elif topic == "button":
        await interaction.response.send_message("confirm?", view=ConfirmView())
    elif topic == "file":
        await interaction.response.send_message(file=discord.File(io.BytesIO(b"x"), "r.txt"))
    else:
        await interaction.response.send_message(f"answer: {topic}")


@ask.autocomplete("topic")
async def ask_topic(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Offer 40 candidates, trimmed to Discord's 25."""
    names = [f"{current}{i}" for i in range(40)]
    return [app_commands.Choice(name=n, value=n) for n in names][:25]


class MiniBot(commands.Bot):
    """The smallest bot that exercises slash commands, DMs, mentions and views."""

    def __init__(self) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )
        self.ready = asyncio.Event()
        self.command_errors: list[BaseException] = []

    async def setup_hook(self) -> None:
        self.tree.add_command(ask)
        self.tree.error(self.record_error)

    async def record_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        self.command_errors.append(error)

    async def on_ready(self) -> None:
        self.ready.set()

    async def on_message(self, message: discord.Message) -> None:
        if message.author == self.user:
            return
        if message.guild is None:
            await message.channel.send(f"echo: {message.content}")
        elif self.user in message.mentions:
            await message.reply("hello")


async def run_until_ready(client: discord.Client, ready: asyncio.Event) -> asyncio.Task[None]:
    """Start the client and wait for on_ready, surfacing a crash instead of a timeout."""
    task = asyncio.create_task(client.start("fake-token"))
    waiter = asyncio.create_task(ready.wait())
    done, _ = await asyncio.wait({task, waiter}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task in done:
        task.result()
    assert ready.is_set(), "bot did not become ready"
    return task


@pytest_asyncio.fixture
async def bot(fake_discord: FakeDiscord) -> AsyncIterator[MiniBot]:
    client = MiniBot()
    task = await run_until_ready(client, client.ready)
    await client.tree.sync()
    yield client
    await client.close()
    await asyncio.wait_for(task, 5)
    assert client.command_errors == []


def first_channel(fake: FakeDiscord) -> int:
    return fake.guilds[0].channel_ids[0]


@pytest.mark.asyncio
async def test_login_ready_and_guild_create(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    assert bot.user is not None
    assert bot.user.id == fake_discord.application_id
    assert bot.application_id == fake_discord.application_id
    guild = bot.get_guild(fake_discord.guilds[0].id)
    assert guild is not None
    assert guild.me is not None
    assert guild.default_role.id == guild.id
    assert isinstance(guild.get_channel(first_channel(fake_discord)), discord.TextChannel)
    assert len(fake_discord.identifies) == 1


@pytest.mark.asyncio
async def test_json_content_type_is_exact(fake_discord: FakeDiscord) -> None:
    url = f"{fake_discord.api_base}/users/@me"
    async with aiohttp.ClientSession() as session, session.get(url) as resp:
        assert resp.headers["Content-Type"] == "application/json"


@pytest.mark.asyncio
async def test_tree_sync_stores_commands(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    assert fake_discord.sync_calls == 1
    stored = fake_discord.commands["ask"]
    assert stored["options"][0]["autocomplete"] is True
    fetched = await bot.tree.fetch_commands()
    assert [c.id for c in fetched] == [int(stored["id"])]


@pytest.mark.asyncio
async def test_slash_command_answers(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    handle = await fake_discord.slash("ask", {"topic": "iss"})
    body = await handle.response()
    assert body["type"] == 4
    assert body["data"]["content"] == "answer: iss"
    assert (await handle.final_message())["content"] == "answer: iss"


@pytest.mark.asyncio
async def test_slash_command_in_dm(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    handle = await fake_discord.slash("ask", {"topic": "dm"}, guild=False)
    assert (await handle.response())["data"]["content"] == "answer: dm"


@pytest.mark.asyncio
async def test_defer_then_followup(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    handle = await fake_discord.slash("ask", {"topic": "slow"})
    assert (await handle.response())["type"] == 5
    assert (await handle.followup())["content"] == "deferred: slow"
    assert (await handle.final_message())["content"] == "deferred: slow"


@pytest.mark.asyncio
async def test_file_in_multipart_callback(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    handle = await fake_discord.slash("ask", {"topic": "file"})
    assert (await handle.response())["files"] == ["r.txt"]
    message = await handle.final_message()
    assert [a["filename"] for a in message["attachments"]] == ["r.txt"]


@pytest.mark.asyncio
async def test_autocomplete_at_most_25(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    choices = await fake_discord.autocomplete("ask", {"topic": "mir"})
    assert len(choices) == 25
    assert choices[0] == {"name": "mir0", "value": "mir0"}


@pytest.mark.asyncio
async def test_button_click_edits_message(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    handle = await fake_discord.slash("ask", {"topic": "button"})
    message = await handle.final_message()
    assert message["components"][0]["components"][0]["custom_id"] == "confirm"
    click = await fake_discord.click(message, "confirm")
    assert (await click.response())["type"] == 7
    assert message["content"] == "confirmed"
    assert message["components"] == []


@pytest.mark.asyncio
async def test_dm_is_answered(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    sent = await fake_discord.dm("hello")
    reply = await fake_discord.wait_for_message(int(sent["channel_id"]))
    assert reply["content"] == "echo: hello"
    assert "guild_id" not in reply


@pytest.mark.asyncio
async def test_mention_in_channel_is_answered(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    bot_id = fake_discord.bot_user["id"]
    await fake_discord.channel_message(f"<@{bot_id}> hi", mentions=[fake_discord.bot_user])
    reply = await fake_discord.wait_for_message(first_channel(fake_discord))
    assert reply["content"] == "hello"
    assert reply["message_reference"]["message_id"]


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["close-4000", "abort", "op7"])
async def test_resume_after_disconnect(fake_discord: FakeDiscord, bot: MiniBot, how: str) -> None:
    if how == "op7":
        await fake_discord.send_reconnect()
    else:
        await fake_discord.drop_connection(4000 if how == "close-4000" else None)
    sent = await fake_discord.dm("after")
    await fake_discord.wait_for_resume()
    reply = await fake_discord.wait_for_message(int(sent["channel_id"]))
    assert reply["content"] == "echo: after"
    assert (fake_discord.resumes, len(fake_discord.identifies)) == (1, 1)


@pytest.mark.asyncio
async def test_500_then_success_delivers_once(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    fake_discord.fail_next("POST", r"^/channels/\d+/messages$", 500)
    channel = bot.get_channel(first_channel(fake_discord))
    assert isinstance(channel, discord.TextChannel)
    await channel.send("after a 500")
    assert [m["content"] for m in fake_discord.messages[channel.id]] == ["after a 500"]
    posts = [r for r in fake_discord.requests if r.method == "POST" and "messages" in r.path]
    assert len(posts) == 2


@pytest.mark.asyncio
async def test_429_is_retried_once(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    fake_discord.fail_next("POST", r"/messages$", 429, retry_after=0.01)
    channel = bot.get_channel(first_channel(fake_discord))
    assert isinstance(channel, discord.TextChannel)
    await channel.send("after a 429")
    assert [m["content"] for m in fake_discord.messages[channel.id]] == ["after a 429"]
    posts = [r for r in fake_discord.requests if r.method == "POST" and "messages" in r.path]
    assert len(posts) == 2


@pytest.mark.asyncio
async def test_403_raises_forbidden(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    fake_discord.fail_next("POST", r"/messages$", 403)
    channel = bot.get_channel(first_channel(fake_discord))
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.Forbidden) as caught:
        await channel.send("nope")
    assert caught.value.code == 50013
    assert fake_discord.messages.get(channel.id, []) == []


@pytest.mark.asyncio
async def test_overlong_embed_is_rejected(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    if not fake_discord.validation_enabled:
        from tests.fake_discord.openapi import skip_reason

        pytest.skip(skip_reason())
    channel = bot.get_channel(first_channel(fake_discord))
    assert isinstance(channel, discord.TextChannel)
    with fake_discord.expect_errors() as errors, pytest.raises(discord.HTTPException) as caught:
        await channel.send(embed=discord.Embed(title="x" * 257))
    assert (caught.value.status, caught.value.code) == (400, 50035)
    assert errors[0].detail["errors"]["embeds"]["0"]["title"]["_errors"]


@pytest.mark.asyncio
async def test_an_injected_failure_does_not_hide_a_bad_body(
    fake_discord: FakeDiscord, bot: MiniBot
) -> None:
    cid = first_channel(fake_discord)
    fake_discord.fail_next("POST", rf"/channels/{cid}/messages$", 403)
    channel = bot.get_channel(cid)
    assert isinstance(channel, discord.TextChannel)
    with fake_discord.expect_errors() as errors, pytest.raises(discord.HTTPException) as caught:
        await channel.send("x" * 2001)  # over Discord's limit: 400, whatever else was planned
    assert (caught.value.status, [e.kind for e in errors]) == (400, ["invalid_body"])
    with pytest.raises(discord.Forbidden):  # the injected 403 still answers the next request
        await channel.send("fine")


@pytest.mark.asyncio
async def test_unhandled_route_is_recorded(fake_discord: FakeDiscord, bot: MiniBot) -> None:
    with fake_discord.expect_errors() as errors, pytest.raises(discord.NotFound):
        await bot.fetch_guild(fake_discord.guilds[0].id)
    assert [(e.kind, e.status) for e in errors] == [("unhandled_route", 404)]


class QuickShardedClient(discord.AutoShardedClient):
    """An AutoShardedClient without the 5 s pause between shard IDENTIFYs."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None


@pytest.mark.asyncio
async def test_sharded_identify_gets_own_guilds() -> None:
    fake = FakeDiscord(guild_count=4, shard_count=2)
    await fake.start()
    restore = point_discord_py_at(fake)
    client = QuickShardedClient(intents=discord.Intents.default(), guild_ready_timeout=0.05)
    ready = asyncio.Event()

    @client.event
    async def on_ready() -> None:
        ready.set()

    try:
        task = await run_until_ready(client, ready)
        assert sorted(i["shard"][0] for i in fake.identifies) == [0, 1]
        for guild in client.guilds:
            assert guild.shard_id == (guild.id >> 22) % 2
        assert len(client.guilds) == 4
        await client.close()
        await asyncio.wait_for(task, 5)
    finally:
        restore()
        await fake.stop()
    assert fake.errors == []


@pytest.mark.asyncio
@pytest.mark.parametrize("compress", [True, False])
async def test_gateway_framing(fake_discord: FakeDiscord, compress: bool) -> None:
    query = "?v=10&encoding=json" + ("&compress=zlib-stream" if compress else "")
    url = fake_discord.gateway_url + query
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        frame = await ws.receive(timeout=5)
    if compress:
        assert frame.type is aiohttp.WSMsgType.BINARY
        assert frame.data.endswith(b"\x00\x00\xff\xff")
        hello = json.loads(zlib.decompressobj().decompress(frame.data))
    else:
        assert frame.type is aiohttp.WSMsgType.TEXT
        hello = json.loads(frame.data)
    assert hello["op"] == 10


@pytest.mark.asyncio
async def test_slash_resolves_channels_roles_and_users(
    fake_discord: FakeDiscord, bot: MiniBot
) -> None:
    fake = fake_discord
    options = [{"name": n, "type": t} for n, t in (("where", 7), ("who", 6), ("role", 8))]
    fake.commands["pick"] = {"id": str(fake.new_id()), "name": "pick", "options": options}
    cid, rid, uid = first_channel(fake), fake.add_role("crew"), int(fake.user["id"])
    handle = await fake.slash("pick", {"where": cid, "who": uid, "role": rid})
    data = handle.payload["data"]
    assert [o["value"] for o in data["options"]] == [str(cid), str(uid), str(rid)]
    resolved = data["resolved"]
    assert resolved["channels"][str(cid)]["name"] == "general-0"
    assert resolved["roles"][str(rid)]["name"] == "crew"
    assert resolved["users"][str(uid)] == fake.user
    assert str(uid) in resolved["members"]
    unseen = fake.new_id()
    with pytest.raises(LookupError, match="pass it in resolved="):
        await fake.slash("pick", {"where": unseen})
    given = {"channels": {str(unseen): {"id": str(unseen), "type": 0, "name": "x"}}}
    handle = await fake.slash("pick", {"where": unseen}, resolved=given)
    assert handle.payload["data"]["resolved"] == given

    # MiniBot has no /pick: it reports both interactions as unknown commands, nothing else
    async def two_errors() -> None:
        while len(bot.command_errors) < 2:
            await asyncio.sleep(0)

    await asyncio.wait_for(two_errors(), 5)
    assert all(isinstance(e, app_commands.CommandNotFound) for e in bot.command_errors)
    bot.command_errors.clear()


@pytest.mark.asyncio
async def test_enforce_nonce_returns_the_message_already_created(
    fake_discord: FakeDiscord, bot: MiniBot
) -> None:
    channel = bot.get_partial_messageable(first_channel(fake_discord))
    first = await channel.send("digest", nonce="capcom-abc")
    again = await channel.send("digest, retried", nonce="capcom-abc")
    assert again.id == first.id
    assert again.content == "digest"
    other = await channel.send("digest", nonce="capcom-def")
    assert other.id != first.id
    assert len(fake_discord.bot_messages(first_channel(fake_discord))) == 2
    fake_discord.nonce_window_seconds = 0  # Discord's window has passed: a new message
    late = await channel.send("digest", nonce="capcom-abc")
    assert late.id not in (first.id, other.id)


@pytest.mark.asyncio
async def test_channel_history_is_paged_newest_first(
    fake_discord: FakeDiscord, bot: MiniBot
) -> None:
    channel = bot.get_partial_messageable(first_channel(fake_discord))
    sent = [await channel.send(f"m{i}") for i in range(7)]
    newest = [m.content async for m in channel.history(limit=3)]
    assert newest == ["m6", "m5", "m4"]
    after = [m.content async for m in channel.history(after=sent[1], limit=3, oldest_first=True)]
    assert after == ["m2", "m3", "m4"]
    before = [m.content async for m in channel.history(before=sent[3], limit=2)]
    assert before == ["m2", "m1"]
    everything = [m.content async for m in channel.history(limit=None, oldest_first=True)]
    assert everything == [f"m{i}" for i in range(7)]


@pytest.mark.asyncio
async def test_query_parameters_are_checked_against_the_spec(fake_discord: FakeDiscord) -> None:
    if not fake_discord.validation_enabled:
        pytest.skip("no OpenAPI spec")
    url = f"{fake_discord.api_base}/channels/{first_channel(fake_discord)}/messages"
    with fake_discord.expect_errors() as errors:
        async with aiohttp.ClientSession() as session:
            for query in ("limit=101", "after=soon", "colour=red"):
                async with session.get(f"{url}?{query}") as resp:
                    assert resp.status == 400
            async with session.get(f"{url}?limit=100&after=1") as resp:
                assert resp.status == 200
    assert [(e.kind, e.status) for e in errors] == [("invalid_query", 400)] * 3
    assert "limit" in errors[0].detail["errors"]


@pytest.mark.asyncio
async def test_a_stalled_create_exists_before_its_answer(
    fake_discord: FakeDiscord, bot: MiniBot
) -> None:
    cid = first_channel(fake_discord)
    stall = fake_discord.stall_creates(channel_ids=[cid])
    task = asyncio.create_task(bot.get_partial_messageable(cid).send("x", nonce="capcom-1"))
    await asyncio.wait_for(stall.hit.wait(), 5)
    assert not task.done()
    assert [m["content"] for m in fake_discord.bot_messages(cid)] == ["x"]
    stall.release()
    msg = await asyncio.wait_for(task, 5)
    assert msg.id == int(stall.messages[0]["id"])


@pytest.mark.asyncio
async def test_the_global_rate_limit_answers_429(fake_discord: FakeDiscord) -> None:
    assert fake_discord.global_rate_limit == 50  # Discord's; a smaller one keeps the test quick
    fake_discord.global_rate_limit = 5
    url = f"{fake_discord.api_base}/users/@me"
    statuses = []
    async with aiohttp.ClientSession(headers={"Authorization": "Bot a"}) as session:
        for _ in range(7):
            async with session.get(url) as resp:
                statuses.append(resp.status)
                if resp.status == 429:
                    body = await resp.json()
                    assert body["global"] is True
                    assert 0 < body["retry_after"] <= 1
                    assert resp.headers["X-RateLimit-Scope"] == "global"
        async with session.get(url, headers={"Authorization": "Bot b"}) as resp:
            assert resp.status == 429  # the same bot, whatever process asks
    assert statuses == [200] * 5 + [429, 429]
    assert fake_discord.rate_limited == 3


@pytest.mark.asyncio
async def test_discord_py_waits_out_a_global_429_instead_of_failing(
    fake_discord: FakeDiscord,
) -> None:
    fake_discord.global_rate_limit = 1
    client = discord.Client(intents=discord.Intents.none())
    try:
        await client.login("fake-token-a")  # the one request this second
        await client.http.static_login("fake-token-b")  # 429, waited out, then 200
    finally:
        await client.close()
    assert fake_discord.rate_limited >= 1
