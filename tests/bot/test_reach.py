"""Waiting for Discord at start: a connection is enough; failures retried, then one clear line."""

from __future__ import annotations

import asyncio
import logging
import socket

import pytest

from bot.reach import Unreachable, wait_for_discord


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.asyncio
async def test_a_listening_api_host_is_enough() -> None:
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await wait_for_discord(f"http://127.0.0.1:{port}/api/v10", 0)


@pytest.mark.asyncio
async def test_refused_once_is_one_line_naming_the_setting_to_check() -> None:
    port = closed_port()
    with pytest.raises(Unreachable) as caught:
        await wait_for_discord(f"http://127.0.0.1:{port}/api/v10", 0)
    assert str(caught.value) == (
        f"cannot reach Discord at 127.0.0.1:{port}: connection refused;"
        " check api_base_url and the network"
    )


@pytest.mark.asyncio
async def test_retries_say_what_they_wait_for(caplog: pytest.LogCaptureFixture) -> None:
    port = closed_port()
    with caplog.at_level(logging.WARNING, logger="capcom"), pytest.raises(Unreachable) as caught:
        await wait_for_discord(f"http://127.0.0.1:{port}/api/v10", 0.6)
    waits = [r.getMessage() for r in caplog.records if "waiting for Discord" in r.getMessage()]
    assert waits
    assert waits[0].startswith(f"waiting for Discord at 127.0.0.1:{port} (connection refused);")
    assert "(setting connect_retry_seconds)" in waits[0]
    assert "after retrying for 0.6 s (setting connect_retry_seconds)" in str(caught.value)


@pytest.mark.asyncio
async def test_a_name_that_does_not_resolve_says_so() -> None:
    # a leading dash is refused by the resolver itself: no DNS server is asked
    with pytest.raises(Unreachable, match="-no-such-host-:443: the host name does not resolve"):
        await wait_for_discord("https://-no-such-host-/api/v10", 0)
