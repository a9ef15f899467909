"""Sentences of the records a subject is linked to, for words its own texts never use.

"Is there a backup pad for Soyuz": Soyuz's texts never say "backup", but its pad's do ("no
backup pad was reported") and so does a record naming that pad ("cannot serve as a backup for
Site 31/6"). Before any "not known", the records a subject refers to (its pad, launcher,
operator, builder), the records referring to it (its flights) and records whose sentences
name those are searched for a sentence using every asked word.
"""

from __future__ import annotations

from commands.context import Context
from commands.understand.lexicon import Passage
from knowledge.names import names_of
from knowledge.refs import refs
from knowledge.text import words

_SHOWN = 2  # sentences quoted, each from another record


def neighbours(ctx: Context, rid: str) -> list[str]:
    """The records rid refers to and those referring to it, sources left out, and none of
    its own kind: another flight's name is not this flight's."""
    rec = ctx.kb.get(rid)
    if rec is None:
        return []
    kind = ctx.kb.kind_of(rid)
    out: dict[str, None] = {}
    for _, marker, other in refs(rec, ()):
        if "source" not in marker.kinds and other != rid:
            out.setdefault(other, None)
    for m in ctx.kb.missions.values():
        if rid in (m.vehicle, m.pad, m.launcher, *m.crew):
            out.setdefault(m.id, None)
    return [o for o in out if ctx.kb.kind_of(o) != kind]


def _shared(ctx: Context, p: Passage, typed: frozenset[str]) -> float:
    """The weight of the typed words a sentence shares, its record's kind counted as one of
    its words (a pad's sentence speaks of a pad without saying "pad")."""
    kind = frozenset(words(ctx.kb.kind_of(p.record_id) or ""))
    return sum(ctx.lexicon.weight(w) for w in typed & (p.words | kind))


def says_words(ctx: Context, ids: tuple[str, ...], asked: frozenset[str]) -> bool:
    """Whether a sentence of these records uses every asked word."""
    return any(asked <= p.words for rid in ids for p in ctx.lexicon.passages.get(rid, ()))


def linked_passages(
    ctx: Context, rid: str, asked: frozenset[str], typed: frozenset[str]
) -> list[Passage]:
    """Sentences using every asked word from records linked to rid (one hop), then from
    records whose sentences name a linked record ("a backup for Site 31/6"); those sharing
    more of the question's typed words ("pad") first."""
    if not asked:
        return []
    near = neighbours(ctx, rid)
    found = [p for n in near for p in ctx.lexicon.passages.get(n, ()) if asked <= p.words]
    # a record of a linked record's kind naming it: another pad saying it is no backup for
    # this one; never one of the subject's own kind (another flight's name is not its)
    named: dict[str, list[str]] = {}
    for n in near:
        r, kind = ctx.kb.get(n), ctx.kb.kind_of(n)
        if r is not None and kind is not None and kind != ctx.kb.kind_of(rid):
            named.setdefault(kind, []).extend(x.lower() for x in names_of(r) if len(x) > 3)
    for other, ps in ctx.lexicon.passages.items():
        names = named.get(ctx.kb.kind_of(other) or "", [])
        if other == rid or other in near or not names:
            continue
        found += [p for p in ps if asked <= p.words and any(n in p.text.lower() for n in names)]
    found.sort(key=lambda p: -_shared(ctx, p, typed))
    shown: list[Passage] = []
    for p in found:
        if all(p.record_id != s.record_id for s in shown):
            shown.append(p)
    return shown[:_SHOWN]
