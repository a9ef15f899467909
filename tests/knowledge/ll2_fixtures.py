"""LL2-shaped launch objects and pages for tests, written from the 2.3.0 documented fields."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
LL2_DIR = FIXTURES / "ll2"
BASE_DIR = FIXTURES / "ll2base"
API = "https://ll.thespacedevs.com/2.3.0"

STATUSES = {
    "Go": (1, "Go for Launch"),
    "TBD": (2, "To Be Determined"),
    "Success": (3, "Launch Successful"),
    "Failure": (4, "Launch Failure"),
    "In Flight": (6, "Launch in Flight"),
}
PRECISIONS = {"Minute": (1, "MIN"), "Day": (5, "Day"), "Month": (7, "Month"), "Year": (14, "Year")}
ISS_PROGRAM = {
    "id": 17,
    "url": f"{API}/programs/17/",
    "name": "International Space Station",
    "type": {"id": 1, "name": "Space Station"},
}
ROCKETS = {
    "Falcon 9 Block 5": (164, "Falcon 9", "Block 5"),
    "Soyuz 2.1a": (32, "Soyuz 2.1", "a"),
}
PADS = {
    "Space Launch Complex 40": (80, 12, "Cape Canaveral SFS, FL, USA"),
    "31/6": (32, 15, "Baikonur Cosmodrome, Republic of Kazakhstan"),
}


def launch(
    name: str,
    net: str,
    *,
    status: str = "Go",
    precision: str = "Minute",
    updated: str = "2026-10-10T12:00:00Z",
    pad: str = "Space Launch Complex 40",
    mission_type: str = "Resupply",
    iss: bool = True,
    docking: tuple[str, str | None] | None = None,
) -> dict[str, Any]:
    """One launch as LL2 2.3.0 lists it (mode=normal; `docking` adds the detailed spacecraft)."""
    lid = str(uuid.uuid5(uuid.NAMESPACE_URL, name))
    rocket_name, _, payload = name.partition(" | ")
    config_id, family, variant = ROCKETS.get(rocket_name, (1, rocket_name, ""))
    sid, sname = STATUSES[status]
    pid, pabbrev = PRECISIONS[precision]
    pad_id, loc_id, loc_name = PADS.get(pad, (1, 1, "Somewhere"))
    item: dict[str, Any] = {
        "id": lid,
        "url": f"{API}/launches/{lid}/",
        "name": name,
        "response_mode": "normal",
        "slug": name.lower().replace(" | ", "-").replace(" ", "-"),
        "launch_designator": None,
        "status": {"id": sid, "name": sname, "abbrev": status, "description": sname + "."},
        "last_updated": updated,
        "net": net,
        "net_precision": {"id": pid, "name": precision, "abbrev": pabbrev, "description": ""},
        "window_end": net,
        "window_start": net,
        "image": None,
        "infographic": None,
        "probability": None,
        "weather_concerns": None,
        "failreason": "",
        "hashtag": None,
        "launch_service_provider": {"id": 121, "name": "Provider", "type": {"id": 3}},
        "rocket": {
            "id": 9000 + config_id,
            "configuration": {
                "response_mode": "list",
                "id": config_id,
                "url": f"{API}/launcher_configurations/{config_id}/",
                "name": family,
                "families": [{"response_mode": "list", "id": 1, "name": family.split()[0]}],
                "full_name": rocket_name,
                "variant": variant,
            },
        },
        "mission": {
            "id": 7000,
            "name": payload,
            "type": mission_type,
            "description": f"{payload} flight.",
            "image": None,
            "orbit": {"id": 8, "name": "Low Earth Orbit", "abbrev": "LEO"},
            "agencies": [],
            "info_urls": [],
            "vid_urls": [],
        },
        "pad": {
            "id": pad_id,
            "url": f"{API}/pads/{pad_id}/",
            "active": True,
            "name": pad,
            "location": {"response_mode": "normal", "id": loc_id, "name": loc_name},
        },
        "webcast_live": False,
        "program": [ISS_PROGRAM] if iss else [],
    }
    if docking is not None:
        docked, departed = docking
        item["response_mode"] = "detailed"
        item["rocket"]["spacecraft_stage"] = [
            {
                "id": 1,
                "destination": "International Space Station",
                "docking_events": [
                    {
                        "id": 1,
                        "docking": docked,
                        "departure": departed,
                        "space_station_target": {"id": 4, "name": "International Space Station"},
                        "docking_location": {"id": 2, "name": "Zvezda aft"},
                    }
                ],
            }
        ]
    return item


def page(results: list[dict[str, Any]], next_url: str | None = None) -> dict[str, Any]:
    """A launch list page: {"count", "next", "previous", "results"}."""
    return {"count": len(results), "next": next_url, "previous": None, "results": results}


def upcoming() -> dict[str, Any]:
    """What LL2's upcoming ISS launches say on 2026-10-10 for the test base."""
    return page(
        [
            launch("Falcon 9 Block 5 | Dragon CRS-2 SpX-35", "2026-10-13T14:40:00Z"),
            launch(
                "Soyuz 2.1a | Progress MS-36",
                "2026-12-01T00:00:00Z",
                status="TBD",
                precision="Month",
                updated="2026-10-01T08:00:00Z",
                pad="31/6",
            ),
            launch(
                "Falcon 9 Block 5 | Starlink Group 10-5",
                "2026-10-12T02:00:00Z",
                mission_type="Communications",
                iss=False,
            ),
        ]
    )


def previous() -> dict[str, Any]:
    """What LL2's previous ISS launches say: an outcome, a conflict, an ambiguous name."""
    return page(
        [
            launch(
                "Soyuz 2.1a | Progress MS-35",
                "2026-09-16T03:45:00Z",
                status="Success",
                updated="2026-09-18T10:00:00Z",
                pad="31/6",
                docking=("2026-09-18T05:30:00Z", None),
            ),
            launch(  # launched 26 April Baikonur time: the previous day in UTC, no conflict
                "Soyuz 2.1a | Progress MS-34",
                "2026-04-25T21:22:00Z",
                status="Success",
                updated="2026-04-28T09:00:00Z",
                pad="31/6",
            ),
            launch(
                "Falcon 9 Block 5 | Crew-12",
                "2026-02-11T10:15:00Z",
                status="Success",
                updated="2026-03-01T09:00:00Z",
                mission_type="Human Exploration",
            ),
            launch(  # a designator both Progress MS-28 and Soyuz MS-28 answer to
                "Soyuz 2.1a | MS-28",
                "2025-11-27T09:27:00Z",
                status="Success",
                updated="2025-11-28T09:00:00Z",
                pad="31/6",
            ),
        ]
    )


def write(folder: Path, name: str, data: object) -> Path:
    """Write data as JSON into folder/name and return the path."""
    path = folder / name
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":  # regenerate the committed fixture files
    write(LL2_DIR, "upcoming.json", upcoming())
    write(LL2_DIR, "previous.json", previous())
