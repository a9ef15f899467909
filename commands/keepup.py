"""Whether the oxygen made aboard keeps up with a crew of a given size: the station record's
generation rate against its per-person use, a derived verdict with both figures' sources."""

from __future__ import annotations

import re

from commands.context import Context
from commands.format import collect_sources, source_lines
from commands.reply import Reply
from commands.understand.prefilter import phrases
from commands.understand.vocabulary import unslang
from commands.whatif.lexer import said_people
from knowledge.schema import Amount
from knowledge.text import sentences
from knowledge.units import KG_PER_LB

# The oxygen made aboard: "the oxygen generator", "the OGS", "electrolysis", "oxygen it makes"
_MADE = phrases(
    r"\boxygen (?:generat\w*|generation|production|maker|system)\b|\bogs\b|\belectrolysis\b"
    r"|\b(?:generat\w*|mak\w*|produc\w*) (?:\w+ )?oxygen\b|\boxygen (?:\w+ )?(?:made|produced)\b",
    re.I,
)
# A question weighing it against a need: "keep up with", "enough for", "support", "cope with"
_WEIGHED = phrases(
    r"\b(?:keep(?:s|ing)? up|enough|suffic\w*|support\w*|sustain\w*|cope|handle|cover\w*"
    r"|feed|supply|meet)\b",
    re.I,
)


def _kg(a: Amount) -> float | None:
    """The amount's middle value in kg (kg or lb), or None."""
    mid = a.value if a.value is not None else ((a.low or 0.0) + (a.high or 0.0)) / 2
    unit = a.unit.strip().lower()
    if unit == "kg":
        return mid
    if unit in ("lb", "lbs"):
        return mid * KG_PER_LB
    return None


def asked_people(text: str) -> int | None:
    """The crew size a question weighs the oxygen made aboard against, or None."""
    if not (_MADE.search(text) and _WEIGHED.search(text)):
        return None
    return said_people(unslang(text))  # "7 people", "a crew of seven", "8 ppl aboard"


def keep_up(ctx: Context, text: str) -> Reply | None:
    """ "can the US oxygen generator keep up with 7 people": yes or no, derived from the
    station record's generation rate and per-person use; None when it does not ask that."""
    people = asked_people(text)
    station = ctx.kb.station
    if people is None or people < 1 or station is None:
        return None
    rs = station.resupply
    made = rs.oxygen_generation_per_day
    use = rs.consumption_per_crew_day.get("oxygen")
    if made is None or use is None:
        return None
    made_kg, use_kg = _kg(made), _kg(use)
    if made_kg is None or use_kg is None:
        return None
    need = people * use_kg
    covers = int(made_kg // use_kg)
    in_kg = f" (about {made_kg:.1f} kg)" if made.unit.strip().lower() != "kg" else ""
    figures = (
        f"{people} people breathe about {need:.1f} kg of oxygen a day ({use.text()} each), "
        f"against the {made.text()}{in_kg} a day made aboard"
    )
    if need <= made_kg:
        lead = f"Yes (derived): {figures}, a margin of about {made_kg - need:.1f} kg a day."
    else:
        lead = (
            f"No, not at its usual rate (derived): {figures}, a shortfall of about "
            f"{need - made_kg:.1f} kg a day that stored oxygen and deliveries make up."
        )
    tail = f" At {use.text()} a person, that rate covers {covers} people."
    note = f" The station record says: {sentences(made.note)[0]}" if made.note else ""
    ids = collect_sources(made.sources, use.sources)
    return Reply(
        kind="answer",
        title="Oxygen made aboard against the crew's need",
        text=lead + tail + note,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(station.id,),
    )
