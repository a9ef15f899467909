"""A fake Launch Library 2 on 127.0.0.1: scripted answers per path, every request recorded."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiohttp import web


@dataclass(frozen=True)
class Answer:
    """One scripted response; hang=True never answers (the client's timeout must fire)."""

    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False

    @classmethod
    def json(cls, data: object) -> Answer:
        """A 200 with data as JSON."""
        return cls(200, json.dumps(data), {"Content-Type": "application/json"})


class FakeLL2:
    """Serves scripted answers: each path's list is consumed in order, its last one repeats."""

    def __init__(self) -> None:
        self.script: dict[str, list[Answer]] = {}
        self.requests: list[str] = []
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._release = asyncio.Event()

    def on(self, path_qs: str, *answers: Answer) -> str:
        """Script the answers for a path with its query; return its full URL."""
        self.script[path_qs] = list(answers)
        return self.base_url + path_qs

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(request.path_qs)
        answers = self.script.get(request.path_qs)
        if not answers:
            return web.Response(status=404, text='{"detail": "Not found."}')
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if answer.hang:
            await self._release.wait()
        return web.Response(status=answer.status, text=answer.body, headers=answer.headers)

    async def start(self) -> str:
        """Listen on a free port of 127.0.0.1; return the base URL."""
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.Server)
        port = server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        """Release hanging requests and close."""
        self._release.set()
        if self._runner is not None:
            await self._runner.cleanup()


@contextmanager
def running_in_thread(fake: FakeLL2) -> Iterator[str]:
    """Run the fake in its own thread and loop (for synchronous CLI tests); yield its URL."""
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(fake.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield fake.base_url
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
