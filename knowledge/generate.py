"""Large synthetic (but valid) fact bases and typo'd queries, for benchmarks of load and search."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from knowledge.base import KnowledgeBase
from knowledge.text import fold

_CONSONANTS = "bcdfghjklmnprstvz"
_VOWELS = "aeiou"
_CODES = ("MS", "NG", "CRS", "HTV", "TMA", "KV", "OA", "DX", "LR", "SP", "ZT", "VK")
_STATUSES = ("planned", "postponed", "launched", "docked", "completed", "cancelled")
_KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


class _Names:
    """Random pronounceable words, and a registry of folded names so none is claimed twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def word(self, syllables: tuple[int, int] = (2, 3)) -> str:
        n = self.rng.randint(*syllables)
        parts = []
        for _ in range(n):
            part = self.rng.choice(_CONSONANTS) + self.rng.choice(_VOWELS)
            if self.rng.random() < 0.3:
                part += self.rng.choice(_CONSONANTS)
            parts.append(part)
        return "".join(parts).capitalize()

    def claim(self, text: str) -> bool:
        """Reserve text's folded form; False if some record already has it."""
        key = fold(text)
        if not key or key in self.taken:
            return False
        self.taken.add(key)
        return True

    def unique(self, make: Any) -> str:
        """A fresh name from make() (retrying until its folded form is free)."""
        for _ in range(1000):
            text = str(make())
            if self.claim(text):
                return text
        raise RuntimeError("could not make a unique name")

    def aliases(self, candidates: list[str]) -> list[str]:
        return [c for c in candidates if self.claim(c)]


def _date(rng: random.Random, lo: int = 2000, hi: int = 2030) -> str:
    year = rng.randint(lo, hi)
    form = rng.random()
    if form < 0.6:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if form < 0.85:
        return f"{year}-{rng.randint(1, 12):02d}"
    if form < 0.95:
        return f"{year}-Q{rng.randint(1, 4)}"
    return f"NET {year}-{rng.randint(1, 12):02d}"


def generate_base(folder: Path, n_records: int = 10_000, seed: int = 0) -> Path:
    """Write a valid synthetic fact base of about n_records named records (~3 aliases each)."""
    rng = random.Random(seed)
    names = _Names(rng)
    folder.mkdir(parents=True, exist_ok=True)
    n = max(n_records, 7)
    n_org = max(1, n // 100)
    n_veh = max(1, n // 20)
    n_pad = max(1, n // 33)
    n_crew = max(1, n * 28 // 100)
    n_topic = max(1, n * 3 // 100)
    n_mission = max(1, n - n_org - n_veh - n_pad - n_crew - n_topic)

    sources = [
        {
            "id": f"gen-source-{i}",
            "title": f"Synthetic source {i}",
            "publisher": "capcom generator",
            "url": f"https://example.invalid/source/{i}",
            "date": f"{2020 + i % 6}-0{1 + i % 9}",
            "reliability": "Synthetic: generated for benchmarks, not a real source.",
        }
        for i in range(12)
    ]

    def src() -> list[str]:
        return [f"gen-source-{rng.randrange(len(sources))}"]

    orgs: list[dict[str, Any]] = []
    for i in range(n_org):
        word = names.word()
        kind = rng.choice(["agency", "company"])
        name = names.unique(
            lambda w=word, k=kind: f"{w} {'Space Agency' if k == 'agency' else 'Aerospace'}"
        )
        acronym = "".join(p[0] for p in name.split()).upper() + str(i)
        orgs.append(
            {
                "id": f"org-{i}",
                "name": name,
                "aliases": names.aliases([acronym, f"{word} {kind} {i}", f"The {name}"]),
                "kind": kind,
                "country": names.word((1, 2)) + "land",
                "sources": src(),
            }
        )

    vehicles: list[dict[str, Any]] = []
    vehicle_codes: list[str] = []
    for i in range(n_veh):
        name = names.unique(lambda: names.word((2, 3)))
        vehicles.append(
            {
                "id": f"vehicle-{i}",
                "name": name,
                "aliases": names.aliases(
                    [f"{name} cargo ship", f"{name} {rng.choice('ABCDEFGHK')}", f"{name}-{i}"]
                ),
                "kind": rng.choice(["cargo-spacecraft", "crew-spacecraft", "launch-vehicle"]),
                "operator": rng.choice(orgs)["id"],
                "status": rng.choice(["active", "retired", "in-development"]),
                "sources": src(),
            }
        )
        vehicle_codes.append(rng.choice(_CODES))

    pads: list[dict[str, Any]] = []
    for i in range(n_pad):
        site = names.word()
        num = f"{rng.randint(1, 99)}/{rng.randint(1, 9)}"
        name = names.unique(lambda s=site, k=num: f"{s} Site {k}")
        pads.append(
            {
                "id": f"pad-{i}",
                "name": name,
                "aliases": names.aliases([f"{site} {num}", f"Pad {site} {i}", f"LC-{i} {site}"]),
                "site": f"{site} Cosmodrome",
                "country": names.word((1, 2)) + "stan",
                "operator": rng.choice(orgs)["id"],
                "vehicles": [rng.choice(vehicles)["id"]],
                "status": rng.choice(["active", "damaged", "inactive", "retired"]),
                "sources": src(),
            }
        )

    crew: list[dict[str, Any]] = []
    for i in range(n_crew):
        first, last = names.word((1, 2)), names.word((2, 3))
        full = f"{first} {last}"
        if not names.claim(full):
            last = f"{last}{names.word((1, 1)).lower()}"
            full = f"{first} {last}"
            if not names.claim(full):
                continue
        variant = last.replace("y", "i").replace("ev", "iev").replace("k", "c")
        translit = [f"{first} {variant}"] if variant != last else []
        crew.append(
            {
                "id": f"crew-{i}",
                "name": full,
                "aliases": names.aliases([f"{first[0]}. {last}", f"{last} {first} {i}"]),
                "transliterations": names.aliases(translit),
                "agency": rng.choice(orgs)["id"],
                "status": rng.choice(["active", "assigned", "retired"]),
                "sources": src(),
            }
        )

    missions: list[dict[str, Any]] = []
    counters: dict[int, int] = {}
    for i in range(n_mission):
        vi = rng.randrange(n_veh)
        vehicle = vehicles[vi]
        counters[vi] = counters.get(vi, 0) + rng.randint(1, 3)
        code, count = vehicle_codes[vi], counters[vi]
        name = f"{vehicle['name']} {code}-{count}"
        if not names.claim(name):
            continue
        abbr = vehicle["name"][:2].upper()
        planned = _date(rng)
        mission: dict[str, Any] = {
            "id": f"mission-{i}",
            "name": name,
            "aliases": names.aliases(
                [f"{abbr}{code}-{count} {i}", f"{code}-{count} {vehicle['name']}", names.word()]
            ),
            "vehicle": vehicle["id"],
            "kind": rng.choice(["cargo", "crew"]),
            "status": rng.choice(_STATUSES),
            "status_as_of": f"{rng.randint(2020, 2026)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "schedule": [{"planned": planned, "sources": src()}],
            "sources": src(),
        }
        if rng.random() < 0.7:
            mission["pad"] = rng.choice(pads)["id"]
        missions.append(mission)

    topics: list[dict[str, Any]] = []
    for i in range(n_topic):
        a, b = names.word(), names.word()
        title = names.unique(lambda x=a, y=b, k=i: f"Why does the {x} need {y} {k}")
        topics.append(
            {
                "id": f"topic-{i}",
                "name": title,
                "questions": [f"why does {a} need {b}?", f"what is {a} {b}?"],
                "answer": f"Because {a} and {b} are synthetic.",
                "related": [rng.choice(vehicles)["id"]],
                "sources": src(),
            }
        )

    for stem, items in (
        ("sources", sources),
        ("organizations", orgs),
        ("vehicles", vehicles),
        ("pads", pads),
        ("crew", crew),
        ("missions", missions),
        ("topics", topics),
    ):
        with (folder / f"{stem}.yaml").open("w", encoding="utf-8") as fh:
            fh.write(f"# Synthetic {stem}, generated by knowledge.generate (seed {seed}).\n")
            yaml.safe_dump(items, fh, sort_keys=False, allow_unicode=True, width=100)
    return folder


def _typo(rng: random.Random, text: str) -> str:
    """One keyboard slip at a random letter: delete, insert, substitute or swap."""
    positions = [i for i, c in enumerate(text) if c.isalpha()]
    if not positions:
        return text
    i = rng.choice(positions)
    op = rng.choice(("delete", "insert", "substitute", "swap"))
    if op == "delete":
        return text[:i] + text[i + 1 :]
    if op == "insert":
        return text[:i] + rng.choice(_KEYBOARD) + text[i:]
    if op == "substitute":
        return text[:i] + rng.choice(_KEYBOARD.replace(text[i].lower(), "")) + text[i + 1 :]
    if i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i]


def _refold(rng: random.Random, text: str) -> str:
    """A change of case, spacing or punctuation that search must see through."""
    op = rng.choice(("lower", "nodash", "dash-space", "nospace", "upper"))
    if op == "lower":
        return text.lower()
    if op == "upper":
        return text.upper()
    if op == "nodash":
        return text.replace("-", "")
    if op == "dash-space":
        return text.replace("-", " ")
    return text.replace(" ", "")


def typo_queries(kb: KnowledgeBase, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n (query, expected record id) pairs: a name or alias with 1-2 typos and/or folds.

    A query whose folded form is exactly some other record's name or alias is rejected: its
    right answer would be that other record.
    """
    rng = random.Random(seed)
    owners: dict[str, set[str]] = {}
    pool: list[tuple[str, str]] = []
    for kind, rec in kb.records():
        forms = [rec.name]
        if kind != "topic":
            forms += list(rec.aliases) + list(getattr(rec, "transliterations", ()))
        for f in forms:
            owners.setdefault(fold(f), set()).add(rec.id)
            pool.append((f, rec.id))
    out: list[tuple[str, str]] = []
    if not pool:
        return out
    for _ in range(n * 20):
        if len(out) >= n:
            break
        text, rid = rng.choice(pool)
        letters = sum(c.isalpha() for c in text)
        query = text
        ops = rng.choice((1, 2))
        for _ in range(ops):
            if letters >= 5 and rng.random() < 0.75:
                query = _typo(rng, query)
            else:
                query = _refold(rng, query)
        key = fold(query)
        if len(key) < 4 or owners.get(key, {rid}) != {rid}:
            continue
        out.append((query, rid))
    return out
