"""Both runs of a what-if over the same days, and what to compare in them: each resource's
reserve crossings and lowest point from the day that matters, and where the scenario moves it
most."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from commands.whatif.advice import Advice, advise
from commands.whatif.apply import Applied
from commands.whatif.baseline import Prepared
from commands.whatif.edits import Scenario
from commands.whatif.model import (
    EVACUATION_RESOURCES,
    MAX_HORIZON_DAYS,
    RESOURCES,
    Resource,
    Run,
    run,
)

DEFAULT_HORIZON_DAYS = 365
TAIL_DAYS = 180  # the horizon runs at least this long past the latest edited date
NOTABLE_DAYS = 7  # fewer days of difference (a crew handover) are not a finding


@dataclass(frozen=True)
class Margin:
    """One resource over the window that matters: its lowest point and reserve crossings."""

    low: float
    low_date: dt.date
    cross: dt.date | None  # first day below the reserve
    evac: dt.date | None  # first day below the line at which the crew leaves (not propellant)
    out: dt.date | None  # first day with nothing left
    below: int  # days below the reserve
    empty: int  # days with nothing left


def margins(r: Run, frm: dt.date, reserve: float, evac: float | None) -> dict[Resource, Margin]:
    """Each resource's margin from frm to the end of the run."""
    i0 = min(max(0, (frm - r.start).days), r.days - 1)
    out: dict[Resource, Margin] = {}

    def first(mask: npt.NDArray[np.bool_]) -> dt.date | None:
        return r.start + dt.timedelta(days=i0 + int(np.argmax(mask))) if mask.any() else None

    for res in RESOURCES:
        s = r.supply[res][i0:]
        i = int(np.argmin(s))
        out[res] = Margin(
            float(s[i]),
            r.start + dt.timedelta(days=i0 + i),
            first(s < reserve - 1e-9),
            first(s < evac - 1e-9) if evac is not None and res in EVACUATION_RESOURCES else None,
            first(s < 0.5),
            int(np.count_nonzero(s < reserve - 1e-9)),
            int(np.count_nonzero(s < 0.5)),
        )
    return out


def horizon(prep: Prepared, scenario: Scenario, applied: Applied, now: dt.date) -> dt.date:
    """The last day the runs cover."""
    start = prep.params.stock_date
    today = max(now, start)
    if scenario.horizon_days is not None:
        end = today + dt.timedelta(days=scenario.horizon_days)
    else:
        end = max(
            today + dt.timedelta(days=DEFAULT_HORIZON_DAYS),
            applied.latest + dt.timedelta(days=TAIL_DAYS),
        )
    return min(end, start + dt.timedelta(days=MAX_HORIZON_DAYS))


@dataclass(frozen=True)
class Outcome:
    """Both runs, their margins over the window that matters, and the advice."""

    prep: Prepared
    applied: Applied
    end: dt.date
    frm: dt.date
    base: Run
    scen: Run
    before: dict[Resource, Margin]
    after: dict[Resource, Margin]
    advice: Advice | None
    today: dt.date
    dips: dict[Resource, Dip]  # where the scenario moves each resource most
    # The scenario's margins at the pessimistic and optimistic ends of the estimates: a
    # result they put on both sides of the reserve line is within the model's uncertainty.
    worst: dict[Resource, Margin] = dataclasses.field(default_factory=dict)
    best: dict[Resource, Margin] = dataclasses.field(default_factory=dict)

    def uncertain(self, r: Resource) -> bool:
        """Whether the ends of the estimates put the scenario's resource on both sides of
        the reserve line (a crossing, or none, the model cannot vouch for)."""
        if r not in self.worst or r not in self.best:
            return False
        return (self.worst[r].cross is None) != (self.best[r].cross is None)


def outcome(prep: Prepared, scenario: Scenario, applied: Applied, now: dt.date) -> Outcome:
    """Run the unchanged plan and the scenario over the same days."""
    p = prep.params
    today = max(now, p.stock_date)
    end = horizon(prep, scenario, applied, now)
    base = run(p, prep.baseline.plan, p.stock_date, end)
    scen = run(p, applied.plan, p.stock_date, end)
    frm = max(p.stock_date, min(today, applied.first or today))
    before = margins(base, frm, p.reserve_days, p.evacuation_days)
    after = margins(scen, frm, p.reserve_days, p.evacuation_days)
    worse = [r for r in RESOURCES if earlier(after[r].cross, before[r].cross)]
    adv = None
    if worse:
        # The unchanged plan's own first crossings (over the whole run) stay: the advice
        # closes the gap the scenario opens.
        deadlines = {r: x.crossing for r, x in base.results.items() if x.crossing is not None}
        adv = advise(
            prep.kb, p, applied.plan, scen, end, applied.closures, deadlines, applied.grounded
        )
    spread = {
        side: margins(
            run(prep.ends[side], applied.plan, p.stock_date, end),
            frm,
            p.reserve_days,
            p.evacuation_days,
        )
        for side in ("worse", "better")
        if side in prep.ends
    }
    return Outcome(
        prep,
        applied,
        end,
        frm,
        base,
        scen,
        before,
        after,
        adv,
        today,
        dips(base, scen, frm),
        spread.get("worse", {}),
        spread.get("better", {}),
    )


@dataclass(frozen=True)
class Dip:
    """Where a scenario moves a resource most: its lowest margin over the stretch of days on
    which the two runs differ that way, in each run."""

    was: float
    now: float
    day: dt.date  # the scenario's lowest day in that stretch


def dips(base: Run, scen: Run, frm: dt.date) -> dict[Resource, Dip]:
    """Per resource that changes, the stretch (from frm) where the scenario is lower than the
    unchanged plan holding the scenario's lowest point; else the one where it is higher with
    the largest rise. A slip shows as the dip before the late flight arrives, even when
    a later low point is the same in both runs."""
    i0 = min(max(0, (frm - base.start).days), base.days - 1)
    out: dict[Resource, Dip] = {}
    for r in RESOURCES:
        b, s = base.supply[r][i0:], scen.supply[r][i0:]
        best: tuple[float, Dip] | None = None
        for sign in (1.0, -1.0):
            mask = (b - s) * sign >= 0.5
            if not mask.any():
                continue
            edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
            for lo, hi in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True):
                if hi - lo < NOTABLE_DAYS:
                    continue  # a few days' difference (a crew handover) is not a finding
                j = int(lo) + int(np.argmin(s[lo:hi]))
                was, now_ = float(b[lo:hi].min()), float(s[j])
                # a drop: the stretch with the scenario's lowest point (the "lowest margin"
                # shown must be the tightest one); a rise: the largest rise
                rank = -now_ if sign > 0 else abs(now_ - was)
                if abs(now_ - was) >= 0.5 and (best is None or rank > best[0]):
                    best = (rank, Dip(was, now_, base.start + dt.timedelta(days=i0 + j)))
            if best is not None:
                break
        if best is not None:
            out[r] = best[1]
    return out


def earlier(x: dt.date | None, y: dt.date | None) -> bool:
    """Whether x is a day before y, None meaning never."""
    return x is not None and (y is None or x < y)
