"""One per-user budget for expensive work (what-ifs and their charts), on every path.

DMs, mentions, /ask, /whatif and "did you mean" buttons all draw on the same budget: at most
`uses` what-ifs per `seconds` (a token bucket), and at most `queued` of one user's what-ifs
running or waiting at once, so a flood from one account is answered with "try again in N s"
instead of pushing everyone else's replies back.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.errors import UserError

_PRUNE_AT = 10_000  # users remembered before idle ones (full bucket, nothing running) go


class OverBudget(UserError):
    """A what-if refused for now; its message says when to try again."""


@dataclass
class _Account:
    tokens: float
    at: float
    running: int = 0


class WorkBudget:
    """Per-user token buckets for what-ifs, plus a bound on each user's what-ifs in flight."""

    def __init__(
        self,
        uses: int,
        seconds: float,
        queued: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.uses = uses
        self.rate = uses / seconds if seconds > 0 else math.inf  # tokens per second
        self.queued = queued
        self.clock = clock
        self.accounts: dict[int, _Account] = {}

    def _account(self, user_id: int, now: float) -> _Account:
        account = self.accounts.get(user_id)
        if account is None:
            if len(self.accounts) >= _PRUNE_AT:
                self._prune(now)
            account = self.accounts[user_id] = _Account(float(self.uses), now)
        elif account.tokens < self.uses:
            account.tokens = min(self.uses, account.tokens + (now - account.at) * self.rate)
        account.at = now
        return account

    def _prune(self, now: float) -> None:
        for uid, acc in list(self.accounts.items()):
            refilled = acc.tokens + (now - acc.at) * self.rate
            if acc.running == 0 and refilled >= self.uses:
                del self.accounts[uid]

    def acquire(self, user_id: int) -> None:
        """Take one what-if from the user's budget; raise OverBudget saying when to retry."""
        now = self.clock()
        account = self._account(user_id, now)
        if account.running >= self.queued:
            raise OverBudget(
                "I'm still working out your previous what-if: try again once that answer is in."
            )
        if account.tokens < 1:
            wait = max(1, math.ceil((1 - account.tokens) / self.rate))
            raise OverBudget(f"That one is expensive to work out: try again in {wait} s.")
        account.tokens -= 1
        account.running += 1

    def release(self, user_id: int) -> None:
        """The user's what-if is answered (or failed): free its place in the queue."""
        account = self.accounts.get(user_id)
        if account is not None and account.running > 0:
            account.running -= 1

    @contextmanager
    def spend(self, user_id: int, costly: bool) -> Iterator[None]:
        """Run a block as one of the user's what-ifs when costly (else freely)."""
        if not costly:
            yield
            return
        self.acquire(user_id)
        try:
            yield
        finally:
            self.release(user_id)
