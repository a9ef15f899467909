"""Waiting for Discord at start: a TCP connect to the API host, retried with backoff, logged."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket

import tenacity
import yarl

log = logging.getLogger("capcom")
CONNECT_TIMEOUT = 10.0


class Unreachable(Exception):
    """Discord (or the configured proxy) cannot be reached; str() is one line for the operator."""


def describe(exc: BaseException) -> str:
    """Why a connection failed, in plain words."""
    if isinstance(exc, socket.gaierror):
        return "the host name does not resolve: no DNS, or a typo"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return f"no answer within {CONNECT_TIMEOUT:g} s"
    cause = getattr(exc, "os_error", None)  # aiohttp wraps the OSError
    if isinstance(cause, BaseException) and cause is not exc:
        return describe(cause)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__


def address(url: str) -> tuple[str, int]:
    """Host and port of an http(s) URL."""
    parsed = yarl.URL(url)
    return parsed.host or "", parsed.port or (443 if parsed.scheme == "https" else 80)


def unreachable(url: str, exc: BaseException, waited: float | None = None) -> Unreachable:
    """The one-line error for a Discord that could not be reached."""
    host, port = address(url)
    after = (
        f" after retrying for {waited:g} s (setting connect_retry_seconds)"
        if waited is not None
        else ""
    )
    return Unreachable(
        f"cannot reach Discord at {host}:{port}: {describe(exc)}{after};"
        " check api_base_url and the network"
    )


async def _connect(host: str, port: int) -> None:
    _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), CONNECT_TIMEOUT)
    writer.close()
    with contextlib.suppress(OSError):  # the connection was made: that is all this checks
        await writer.wait_closed()


async def wait_for_discord(url: str, give_up_after: float) -> None:
    """Return once the API host accepts a connection; retry with backoff up to give_up_after s.

    Each failed try is logged with what it waits for and when it tries again; after
    give_up_after seconds (0: one try) raise Unreachable.
    """
    host, port = address(url)

    def waiting(state: tenacity.RetryCallState) -> None:
        outcome = state.outcome
        exc = outcome.exception() if outcome is not None else None
        pause = state.next_action.sleep if state.next_action is not None else 0.0
        log.warning(
            "waiting for Discord at %s:%d (%s); next try in %.1f s, giving up %g s after the"
            " first (setting connect_retry_seconds)",
            host,
            port,
            describe(exc) if exc is not None else "?",
            pause,
            give_up_after,
        )

    retrying = tenacity.AsyncRetrying(
        stop=tenacity.stop_before_delay(give_up_after),
        wait=tenacity.wait_exponential(multiplier=0.5, min=0.5, max=30),
        retry=tenacity.retry_if_exception_type(OSError),
        before_sleep=waiting,
        reraise=True,
    )
    try:
        async for attempt in retrying:
            with attempt:
                await _connect(host, port)
    except OSError as exc:
        raise unreachable(url, exc, give_up_after if give_up_after > 0 else None) from None
