"""Fetch LL2 launch lists over HTTP within the free tier: pages cached in state_dir with their
fetch time, an hourly request budget, 429 Retry-After honoured, 5xx and timeouts retried.

aiohttp is imported only when a fetch runs; waiting goes through an injected sleep and time
through an injected clock, so tests never sleep for real.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import hashlib
import json
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt

from knowledge.ll2 import Page, parse_document

Clock = Callable[[], dt.datetime]
Sleep = Callable[[float], Awaitable[None]]
HOUR = dt.timedelta(hours=1)
DEFAULT_RETRY_AFTER = 60.0  # a 429 without a usable Retry-After
USER_AGENT = "capcom/0.1 (ISS logistics fact-base updates; capcom update ll2)"


class FetchError(Exception):
    """Fetching failed; str() is one line saying what happened and what to do."""


@dataclass(frozen=True)
class FetchConfig:
    """Where to fetch from and the limits to keep (from the ll2_* settings)."""

    urls: tuple[str, ...]
    state_dir: Path
    cache_minutes: float = 60.0
    requests_per_hour: int = 15
    timeout_seconds: float = 30.0
    attempts: int = 3
    max_wait_seconds: float = 120.0
    max_pages: int = 3


@dataclass(frozen=True)
class Fetched:
    """One page: where it came from, when it was fetched, whether the cache served it."""

    url: str
    page: Page
    fetched_at: dt.datetime
    cached: bool


@dataclass
class FetchResult:
    """Every page read, and notes for the review (lists cut at max_pages)."""

    pages: list[Fetched] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Cache:
    """Fetched pages by URL, each with its fetch time, in state_dir/ll2/."""

    def __init__(self, folder: Path, minutes: float) -> None:
        self.folder = folder
        self.minutes = minutes

    def _path(self, url: str) -> Path:
        return self.folder / f"page-{hashlib.sha256(url.encode()).hexdigest()[:20]}.json"

    def get(self, url: str, now: dt.datetime) -> tuple[str, dt.datetime] | None:
        """The body and fetch time of url if fetched less than `minutes` ago."""
        try:
            data = json.loads(self._path(url).read_text(encoding="utf-8"))
            when = dt.datetime.fromisoformat(data["fetched_at"])
            body = data["body"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if data.get("url") != url or not isinstance(body, str):
            return None
        if not dt.timedelta(0) <= now - when < dt.timedelta(minutes=self.minutes):
            return None
        return body, when

    def put(self, url: str, when: dt.datetime, body: str) -> None:
        """Keep body as url's page fetched at when (written whole or not at all)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"url": url, "fetched_at": when.isoformat(), "body": body})
        path = self._path(url)
        part = path.with_suffix(".part")
        part.write_text(text, encoding="utf-8")
        part.replace(path)


class Budget:
    """The requests sent to LL2 in the last hour, kept in state_dir so runs share it."""

    def __init__(self, folder: Path, per_hour: int) -> None:
        self.path = folder / "requests.json"
        self.per_hour = per_hour

    def _recent(self, now: dt.datetime) -> list[dt.datetime]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            times = [dt.datetime.fromisoformat(t) for t in raw]
        except (OSError, ValueError, TypeError):
            return []
        return sorted(t for t in times if now - HOUR < t <= now)

    def take(self, now: dt.datetime) -> None:
        """Count one request, or raise FetchError when the hour's budget is spent."""
        recent = self._recent(now)
        if len(recent) >= self.per_hour:
            free = recent[len(recent) - self.per_hour] + HOUR
            minutes = max(1, math.ceil((free - now).total_seconds() / 60))
            raise FetchError(
                f"capcom sent LL2 {len(recent)} requests in the last hour (the limit is "
                f"{self.per_hour}: LL2's free tier allows 15 an hour); the next is allowed at "
                f"{free:%H:%M} UTC, in {minutes} min. Until then give saved JSON files."
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_suffix(".part")
        part.write_text(json.dumps([t.isoformat() for t in [*recent, now]]), encoding="utf-8")
        part.replace(self.path)


class _Retry(Exception):
    """A failure worth another attempt, after `wait` seconds if the server said so."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


def retry_after(value: str | None, now: dt.datetime) -> float:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return DEFAULT_RETRY_AFTER
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def _wait(state: RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome is not None else None
    if isinstance(exc, _Retry) and exc.wait is not None:
        return exc.wait
    return float(min(2 ** (state.attempt_number - 1), 30))  # 1, 2, 4 ... seconds


async def _get(
    session: Any, url: str, cfg: FetchConfig, budget: Budget, now: Clock, sleep: Sleep
) -> str:
    """One page's body: retried on 429, 5xx and timeouts; FetchError when it cannot be had."""
    import aiohttp

    retrying = AsyncRetrying(
        stop=stop_after_attempt(cfg.attempts),
        wait=_wait,
        retry=retry_if_exception_type(_Retry),
        sleep=sleep,
        reraise=True,
    )
    try:
        async for attempt in retrying:
            with attempt:
                budget.take(now())
                try:
                    async with session.get(url) as resp:
                        if resp.status == 429:
                            wait = retry_after(resp.headers.get("Retry-After"), now())
                            if wait > cfg.max_wait_seconds:
                                raise FetchError(
                                    f"{url}: LL2's rate limit (HTTP 429) asks to wait "
                                    f"{math.ceil(wait / 60)} min (the free tier allows 15 "
                                    "requests an hour); try again then, or give saved JSON files."
                                )
                            raise _Retry("LL2 kept answering HTTP 429 (rate limited)", wait)
                        if resp.status >= 500:
                            raise _Retry(f"LL2 answered HTTP {resp.status} {resp.reason or ''}")
                        if resp.status != 200:
                            raise FetchError(
                                f"{url}: LL2 answered HTTP {resp.status} {resp.reason}"
                            )
                        body: str = await resp.text(errors="replace")
                        return body
                except (aiohttp.ClientError, TimeoutError) as exc:
                    what = (
                        f"no answer within {cfg.timeout_seconds:g} s"
                        if isinstance(exc, TimeoutError)
                        else f"connection failed ({type(exc).__name__})"
                    )
                    raise _Retry(what) from None
    except _Retry as exc:
        tries = f"{cfg.attempts} attempt{'s' if cfg.attempts != 1 else ''}"
        raise FetchError(f"{url}: {exc} ({tries}); try again later") from None
    raise FetchError(f"{url}: no attempt was made")  # pragma: no cover - stop_after_attempt >= 1


async def fetch(
    cfg: FetchConfig, *, now: Clock = _utc_now, sleep: Sleep = asyncio.sleep
) -> FetchResult:
    """Every page of every configured list (up to max_pages each), fresh cache first.

    Raise FetchError, or knowledge.ll2.LL2Error for a body that is not an LL2 launch list
    (such a body is never cached).
    """
    import aiohttp

    folder = cfg.state_dir / "ll2"
    cache = Cache(folder, cfg.cache_minutes)
    budget = Budget(folder, cfg.requests_per_hour)
    out = FetchResult()
    timeout = aiohttp.ClientTimeout(total=cfg.timeout_seconds)
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    async with aiohttp.ClientSession(timeout=timeout, headers=headers) as session:
        for url in cfg.urls:
            page_url: str | None = url
            for _ in range(cfg.max_pages):
                assert page_url is not None
                hit = cache.get(page_url, now())
                if hit is not None:
                    body, when = hit
                    page = parse_document(body, page_url)
                else:
                    body = await _get(session, page_url, cfg, budget, now, sleep)
                    when = now()
                    page = parse_document(body, page_url)
                    cache.put(page_url, when, body)
                out.pages.append(Fetched(page_url, page, when, hit is not None))
                page_url = page.next_url
                if page_url is None:
                    break
            else:
                if page_url is not None:
                    out.notes.append(
                        f"{url}: stopped after {cfg.max_pages} page(s) (ll2_max_pages); "
                        "later pages were not read"
                    )
    return out
