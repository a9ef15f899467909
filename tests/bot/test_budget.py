"""The per-user what-if budget: uses per window, one in flight per user, users independent."""

from __future__ import annotations

import pytest

from bot.budget import OverBudget, WorkBudget


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def refusal(budget: WorkBudget, user: int) -> str:
    with pytest.raises(OverBudget) as caught:
        budget.acquire(user)
    return str(caught.value)


def test_uses_per_window_then_try_again_in_n_seconds() -> None:
    clock = Clock()
    budget = WorkBudget(uses=2, seconds=20, queued=5, clock=clock)
    budget.acquire(1)
    budget.acquire(1)
    assert refusal(budget, 1) == "That one is expensive to work out: try again in 10 s."
    clock.now += 4
    assert refusal(budget, 1) == "That one is expensive to work out: try again in 6 s."
    clock.now += 6
    budget.acquire(1)  # one use came back after 10 s
    assert "try again" in refusal(budget, 1)


def test_users_have_their_own_budgets() -> None:
    budget = WorkBudget(uses=1, seconds=60, queued=1, clock=Clock())
    budget.acquire(1)
    budget.acquire(2)
    assert "try again" in refusal(budget, 1)


def test_one_what_if_in_flight_per_user() -> None:
    budget = WorkBudget(uses=10, seconds=10, queued=1, clock=Clock())
    budget.acquire(1)
    assert refusal(budget, 1).startswith("I'm still working out your previous what-if")
    budget.release(1)
    budget.acquire(1)


def test_spend_counts_only_costly_work_and_frees_its_place_on_error() -> None:
    budget = WorkBudget(uses=5, seconds=10, queued=1, clock=Clock())
    with budget.spend(1, costly=False), budget.spend(1, costly=False):
        pass  # look-ups are not budgeted
    with pytest.raises(ZeroDivisionError), budget.spend(1, costly=True):
        raise ZeroDivisionError
    with budget.spend(1, costly=True), pytest.raises(OverBudget), budget.spend(1, costly=True):
        pass
    assert budget.accounts[1].running == 0


def test_zero_seconds_means_no_use_limit_but_still_one_at_a_time() -> None:
    budget = WorkBudget(uses=1, seconds=0, queued=1, clock=Clock())
    for _ in range(50):
        budget.acquire(1)
        budget.release(1)
    budget.acquire(1)
    assert "previous what-if" in refusal(budget, 1)


def test_idle_users_are_forgotten_when_many() -> None:
    clock = Clock()
    budget = WorkBudget(uses=1, seconds=1, queued=1, clock=clock)
    for user in range(10_000):
        budget.acquire(user)
        budget.release(user)
    clock.now += 5
    budget.acquire(10_000_000)
    assert len(budget.accounts) == 1
