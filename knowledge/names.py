"""Every name a record is known by, in one place: its name, aliases and other spellings."""

from __future__ import annotations

from knowledge.schema import CrewMember, Record


def names_of(rec: Record) -> tuple[str, ...]:
    """The record's name, aliases, transliterations and native name, without repeats."""
    out: dict[str, None] = {rec.name: None}
    for alias in rec.aliases:
        out.setdefault(alias, None)
    if isinstance(rec, CrewMember):
        for t in rec.transliterations:
            out.setdefault(t, None)
        if rec.native_name:
            out.setdefault(rec.native_name, None)
    return tuple(out)
