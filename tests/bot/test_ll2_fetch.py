"""Fetching LL2 from a fake server on 127.0.0.1: pages, cache, budget, 429, 5xx, timeouts."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.ll2_fetch import FetchConfig, FetchError, fetch, retry_after
from knowledge.ll2 import LL2Error
from tests.bot.fake_ll2 import Answer, FakeLL2
from tests.knowledge.ll2_fixtures import launch, page

UP = "/2.3.0/launches/upcoming/?program=17"


class Clock:
    """A clock tests move; sleeping on it only moves it."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 11, 9, 0, tzinfo=dt.UTC)
        self.slept: list[float] = []

    def __call__(self) -> dt.datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += dt.timedelta(seconds=seconds)


@pytest_asyncio.fixture
async def ll2() -> AsyncIterator[FakeLL2]:
    fake = FakeLL2()
    await fake.start()
    yield fake
    await fake.stop()


def _config(tmp_path: Path, *urls: str, **kw: object) -> FetchConfig:
    return FetchConfig(urls=urls, state_dir=tmp_path, **kw)  # type: ignore[arg-type]


def _one(name: str = "Soyuz 2.1a | Progress MS-36") -> dict[str, object]:
    return launch(name, "2026-12-01T00:00:00Z", precision="Month")


@pytest.mark.asyncio
async def test_pages_follow_next_and_are_cached(ll2: FakeLL2, tmp_path: Path) -> None:
    second = ll2.on("/page2", Answer.json(page([_one("Falcon 9 Block 5 | Crew-14")])))
    url = ll2.on(UP, Answer.json(page([_one()], next_url=second)))
    clock = Clock()
    got = await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert [p.page.launches[0].payload for p in got.pages] == ["Progress MS-36", "Crew-14"]
    assert ll2.requests == [UP, "/page2"]
    assert not any(p.cached for p in got.pages)
    clock.now += dt.timedelta(minutes=59)  # a fresh cache is reused, LL2 is not asked again
    again = await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert all(p.cached for p in again.pages)
    assert len(ll2.requests) == 2
    clock.now += dt.timedelta(minutes=2)  # an hour old: fetched again
    await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert len(ll2.requests) == 4
    assert clock.slept == []


@pytest.mark.asyncio
async def test_max_pages_stops_and_says_so(ll2: FakeLL2, tmp_path: Path) -> None:
    nxt = ll2.on("/page2", Answer.json(page([_one()])))
    url = ll2.on(UP, Answer.json(page([_one()], next_url=nxt)))
    clock = Clock()
    got = await fetch(_config(tmp_path, url, max_pages=1), now=clock, sleep=clock.sleep)
    assert len(got.pages) == 1
    assert "stopped after 1 page(s)" in got.notes[0]


@pytest.mark.asyncio
async def test_a_429_waits_as_long_as_retry_after_says(ll2: FakeLL2, tmp_path: Path) -> None:
    url = ll2.on(UP, Answer(429, "{}", {"Retry-After": "7"}), Answer.json(page([_one()])))
    clock = Clock()
    got = await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert clock.slept == [7.0]
    assert len(got.pages) == 1
    assert len(ll2.requests) == 2


@pytest.mark.asyncio
async def test_a_429_that_persists_is_one_clear_line(ll2: FakeLL2, tmp_path: Path) -> None:
    url = ll2.on(UP, Answer(429, "{}", {"Retry-After": "5"}))
    clock = Clock()
    with pytest.raises(FetchError) as err:
        await fetch(_config(tmp_path, url, attempts=3), now=clock, sleep=clock.sleep)
    assert "LL2 kept answering HTTP 429 (rate limited) (3 attempts); try again later" in str(
        err.value
    )
    assert clock.slept == [5.0, 5.0]
    assert not list((tmp_path / "ll2").glob("page-*"))  # nothing cached


@pytest.mark.asyncio
async def test_a_long_retry_after_is_not_waited_out(ll2: FakeLL2, tmp_path: Path) -> None:
    url = ll2.on(UP, Answer(429, "{}", {"Retry-After": "3600"}))
    clock = Clock()
    with pytest.raises(FetchError, match=r"asks to wait 60 min \(the free tier allows 15"):
        await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert clock.slept == []
    assert len(ll2.requests) == 1


@pytest.mark.asyncio
async def test_a_5xx_is_retried_with_backoff(ll2: FakeLL2, tmp_path: Path) -> None:
    url = ll2.on(UP, Answer(503, "down"), Answer(502, "down"), Answer.json(page([_one()])))
    clock = Clock()
    got = await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert clock.slept == [1.0, 2.0]
    assert len(got.pages) == 1


@pytest.mark.asyncio
async def test_a_timeout_is_retried_then_reported(ll2: FakeLL2, tmp_path: Path) -> None:
    url = ll2.on(UP, Answer(hang=True))
    clock = Clock()
    cfg = _config(tmp_path, url, attempts=2, timeout_seconds=0.2)
    with pytest.raises(FetchError) as err:
        await fetch(cfg, now=clock, sleep=clock.sleep)
    assert str(err.value) == f"{url}: no answer within 0.2 s (2 attempts); try again later"
    assert clock.slept == [1.0]


@pytest.mark.asyncio
async def test_the_hourly_budget_is_kept_across_runs(ll2: FakeLL2, tmp_path: Path) -> None:
    url = ll2.on(UP, Answer.json(page([_one()])))
    clock = Clock()
    cfg = _config(tmp_path, url, requests_per_hour=2, cache_minutes=0)
    await fetch(cfg, now=clock, sleep=clock.sleep)
    clock.now += dt.timedelta(minutes=10)
    await fetch(cfg, now=clock, sleep=clock.sleep)
    clock.now += dt.timedelta(minutes=10)
    with pytest.raises(FetchError) as err:
        await fetch(cfg, now=clock, sleep=clock.sleep)
    assert "sent LL2 2 requests in the last hour (the limit is 2" in str(err.value)
    assert "next is allowed at 10:00 UTC, in 40 min" in str(err.value)
    assert len(ll2.requests) == 2


@pytest.mark.asyncio
async def test_an_html_error_page_is_not_cached(ll2: FakeLL2, tmp_path: Path) -> None:
    html = "<html><head><title>Service Unavailable</title></head><body>sorry</body></html>"
    url = ll2.on(UP, Answer(200, html, {"Content-Type": "text/html"}))
    clock = Clock()
    with pytest.raises(LL2Error, match=r"an HTML page \(Service Unavailable\), not LL2 JSON"):
        await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert not list((tmp_path / "ll2").glob("page-*"))


@pytest.mark.asyncio
async def test_a_404_is_not_retried(ll2: FakeLL2, tmp_path: Path) -> None:
    clock = Clock()
    url = ll2.base_url + "/2.3.0/nothing/"
    with pytest.raises(FetchError, match="LL2 answered HTTP 404"):
        await fetch(_config(tmp_path, url), now=clock, sleep=clock.sleep)
    assert len(ll2.requests) == 1


def test_retry_after_forms() -> None:
    now = dt.datetime(2026, 10, 11, 9, 0, tzinfo=dt.UTC)
    assert retry_after("120", now) == 120.0
    assert retry_after("Sun, 11 Oct 2026 09:02:00 GMT", now) == 120.0
    assert retry_after(None, now) == 60.0
    assert retry_after("soon", now) == 60.0
