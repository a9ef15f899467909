"""Launch Library 2 launch lists (the `launches` endpoints' JSON) parsed into typed launches."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.dates import FuzzyDate, FuzzyDateError, Precision

# What a launch's LL2 status says happened.
LaunchState = Literal["pending", "launched", "success", "failure", "partial-failure"]

# LL2 launch status ids (config/launch_statuses) and abbreviations.
_STATE_BY_ID: dict[int, LaunchState] = {
    1: "pending",  # Go for Launch
    2: "pending",  # To Be Determined
    3: "success",  # Launch Successful
    4: "failure",  # Launch Failure
    5: "pending",  # On Hold
    6: "launched",  # Launch in Flight
    7: "partial-failure",  # Launch was a Partial Failure
    8: "pending",  # To Be Confirmed
    9: "success",  # Payload Deployed
}
_STATE_BY_WORD: dict[str, LaunchState] = {
    "go": "pending",
    "tbd": "pending",
    "tbc": "pending",
    "hold": "pending",
    "success": "success",
    "failure": "failure",
    "partial failure": "partial-failure",
    "in flight": "launched",
    "deployed": "success",
}
FLOWN: frozenset[LaunchState] = frozenset({"launched", "success", "failure", "partial-failure"})

# LL2 net_precision names -> (precision, "no earlier than") in the fact base's terms.
_DAY_WORDS = ("second", "sec", "minute", "min", "hour", "hr", "morning", "am", "afternoon", "pm")
ISS_PROGRAM = "International Space Station"
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml|<head|<body)", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


class LL2Error(ValueError):
    """LL2 data that cannot be used; str() is one line naming where and why."""


@dataclass(frozen=True)
class Docking:
    """A docking of the launch's spacecraft, as LL2 lists it."""

    target: str  # the station (or vehicle) docked to
    docked: dt.datetime
    departed: dt.datetime | None = None

    @property
    def at_iss(self) -> bool:
        """Whether the target is the ISS."""
        return ISS_PROGRAM.lower() in self.target.lower() or bool(
            re.search(r"\bISS\b", self.target)
        )


@dataclass(frozen=True)
class Launch:
    """One LL2 launch: its name split into rocket and payload, its date, status and dockings."""

    ll2_id: str
    url: str
    name: str  # "Falcon 9 Block 5 | Dragon CRS-2 SpX-35"
    rocket: str  # "Falcon 9 Block 5"
    payload: str  # "Dragon CRS-2 SpX-35"
    mission_name: str
    mission_type: str
    net: dt.datetime
    date: FuzzyDate  # net to the precision LL2 gives
    precision_name: str  # LL2's own word for it ("Minute", "Month", "Quarter 4")
    window_start: dt.datetime | None
    status_name: str  # "Go for Launch", "Launch Successful"
    state: LaunchState
    last_updated: dt.datetime
    pad: str
    location: str
    programs: tuple[str, ...]
    dockings: tuple[Docking, ...] = ()

    @property
    def is_iss(self) -> bool:
        """Whether LL2 ties the launch to the ISS (its program, or a docking there)."""
        if any(ISS_PROGRAM.lower() in p.lower() for p in self.programs):
            return True
        return any(d.at_iss for d in self.dockings)

    @property
    def flown(self) -> bool:
        """Whether LL2 says the launch happened (whatever its outcome)."""
        return self.state in FLOWN

    @property
    def updated(self) -> dt.date:
        """The day LL2 last changed the launch: the date its claims are as of."""
        return self.last_updated.date()


@dataclass(frozen=True)
class Page:
    """One page of a launch list and the URL of the next page (LL2 paginates with `next`)."""

    launches: tuple[Launch, ...]
    next_url: str | None
    count: int | None = None


def split_name(name: str) -> tuple[str, str]:
    """ "Falcon 9 Block 5 | Dragon CRS-2 SpX-35" -> ("Falcon 9 Block 5", "Dragon CRS-2 SpX-35").

    LL2 names launches "<rocket> | <payload>"; a name without the bar is all payload.
    """
    rocket, bar, payload = name.partition("|")
    if not bar:
        return "", " ".join(name.split())
    return " ".join(rocket.split()), " ".join(payload.split())


_DESIGNATOR = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,10})[- ]?(\d{1,4})(?![\w/]|-\d)")


def designators(payload: str) -> list[str]:
    """Flight designators in a payload name: "Dragon CRS-2 SpX-35" -> ["CRS-2", "SpX-35"]."""
    return [f"{m.group(1)}-{m.group(2)}" for m in _DESIGNATOR.finditer(payload)]


def parse_document(text: str, where: str) -> Page:
    """Parse one LL2 response body (a launch list page, or a single launch); raise LL2Error."""
    if _HTML.match(text):
        title = _TITLE.search(text)
        what = f" ({' '.join(title.group(1).split())[:80]})" if title else ""
        raise LL2Error(f"{where}: an HTML page{what}, not LL2 JSON")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LL2Error(
            f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_page(data, where)


def parse_page(data: object, where: str) -> Page:
    """A decoded LL2 page: {"count", "next", "results": [...]}, a bare list, or one launch."""
    if isinstance(data, dict) and "results" in data:
        results = data["results"]
        nxt = data.get("next")
        count = data.get("count")
        if not isinstance(results, list):
            raise LL2Error(f"{where}: `results` is not a list of launches")
        if nxt is not None and not isinstance(nxt, str):
            raise LL2Error(f"{where}: `next` is not a URL")
        return Page(
            tuple(parse_launch(item, f"{where}: launch {i + 1}") for i, item in enumerate(results)),
            nxt or None,
            count if isinstance(count, int) else None,
        )
    if isinstance(data, list):
        return Page(
            tuple(parse_launch(item, f"{where}: launch {i + 1}") for i, item in enumerate(data)),
            None,
        )
    if isinstance(data, dict) and "name" in data and "net" in data:
        return Page((parse_launch(data, where),), None)
    if isinstance(data, dict) and "detail" in data:  # LL2's error body: {"detail": "..."}
        raise LL2Error(f"{where}: LL2 answered with an error: {str(data['detail'])[:160]}")
    raise LL2Error(f"{where}: not an LL2 launch list (expected `results`, a list, or a launch)")


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _obj(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _when(value: object, field: str, label: str) -> dt.datetime:
    if not isinstance(value, str) or not value.strip():
        raise LL2Error(f"{label}: no `{field}`" + (" (launch date)" if field == "net" else ""))
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise LL2Error(f"{label}: `{field}` is not a date and time: {value[:40]!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def parse_launch(item: object, where: str) -> Launch:
    """One launch object; raise LL2Error (one line) when a field the update needs is unusable."""
    if not isinstance(item, dict):
        raise LL2Error(f"{where}: expected a launch object, got {type(item).__name__}")
    name = _text(item.get("name"))
    if not name:
        raise LL2Error(f"{where}: the launch has no `name`")
    label = f"{where} ({name[:80]!r})"
    net = _when(item.get("net"), "net", label)
    updated_raw = item.get("last_updated")
    updated = _when(updated_raw, "last_updated", label) if updated_raw is not None else net
    window = item.get("window_start")
    window_start = _when(window, "window_start", label) if window else None
    precision, is_net, precision_name = _precision(item.get("net_precision"))
    try:
        date = FuzzyDate.parse(_fuzzy_text(net.astimezone(dt.UTC).date(), precision))
    except FuzzyDateError as exc:
        raise LL2Error(f"{label}: `net` {exc}") from None
    if is_net:
        date = FuzzyDate(date.start, date.precision, True)
    status = _obj(item.get("status"))
    rocket_name, payload = split_name(name)
    config = _obj(_obj(item.get("rocket")).get("configuration"))
    rocket = _text(config.get("full_name")) or _text(config.get("name")) or rocket_name
    mission = _obj(item.get("mission"))
    pad = _obj(item.get("pad"))
    programs = tuple(_text(p.get("name")) for p in item.get("program") or () if isinstance(p, dict))
    return Launch(
        ll2_id=_text(item.get("id")) or name,
        url=_text(item.get("url")),
        name=name,
        rocket=rocket,
        payload=payload or _text(mission.get("name")),
        mission_name=_text(mission.get("name")),
        mission_type=_text(mission.get("type")),
        net=net,
        date=date,
        precision_name=precision_name,
        window_start=window_start,
        status_name=_text(status.get("name")) or _text(status.get("abbrev")) or "unknown",
        state=_state(status),
        last_updated=updated,
        pad=_text(pad.get("name")),
        location=_text(_obj(pad.get("location")).get("name")),
        programs=tuple(p for p in programs if p),
        dockings=_dockings(item, label),
    )


def _fuzzy_text(day: dt.date, precision: Precision) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def _precision(value: object) -> tuple[Precision, bool, str]:
    """LL2's net_precision as (precision, NET?, LL2's word); none given means to the day."""
    obj = _obj(value)
    name = _text(obj.get("name")) or _text(obj.get("abbrev"))
    words = {name.lower(), _text(obj.get("abbrev")).lower()} - {""}
    if not words:
        return "day", False, "unspecified"
    if words & set(_DAY_WORDS) or "day" in words:
        return "day", False, name
    if "week" in words:
        return "day", True, name  # some day of the week that starts at net
    if "month" in words:
        return "month", False, name
    if any(w.startswith(("quarter", "q")) for w in words):
        return "quarter", False, name
    if any(w.startswith(("half", "h")) for w in words):
        return "quarter", True, name  # the half year starting at net's quarter
    return "year", False, name  # "Year", "Fiscal Year", and anything coarser


def _state(status: dict[str, Any]) -> LaunchState:
    sid = status.get("id")
    if isinstance(sid, int) and sid in _STATE_BY_ID:
        return _STATE_BY_ID[sid]
    for word in (_text(status.get("abbrev")).lower(), _text(status.get("name")).lower()):
        for key, state in _STATE_BY_WORD.items():
            if key == word or (len(word) > 4 and key in word):
                return state
    return "pending"


def _dockings(item: dict[str, Any], label: str) -> tuple[Docking, ...]:
    """Docking events of the launch's spacecraft (2.3.0: a list of flights; 2.2.0: one)."""
    stage = _obj(item.get("rocket")).get("spacecraft_stage")
    flights = stage if isinstance(stage, list) else [stage] if isinstance(stage, dict) else []
    out: list[Docking] = []
    for flight in flights:
        for event in _obj(flight).get("docking_events") or ():
            event = _obj(event)
            if not event.get("docking"):
                continue
            target = ""
            for key in ("space_station_target", "spacestation", "target", "space_station"):
                target = target or _text(_obj(event.get(key)).get("name"))
            departed = event.get("departure")
            out.append(
                Docking(
                    target or "unknown",
                    _when(event.get("docking"), "docking", label),
                    _when(departed, "departure", label) if departed else None,
                )
            )
    return tuple(out)
