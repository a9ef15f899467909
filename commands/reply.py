"""The Reply every command returns; fits Discord's embed limits by construction."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

_BOLD = re.compile(r"\*\*(.+?)\*\*")

ReplyKind = Literal["answer", "whatif", "suggestions", "error"]

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_MAX = 256
TEXT_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
TOTAL_MAX = 6000
SUGGESTIONS_MAX = 5
LABEL_MAX = 80  # button label limit

MORE = "… (cut to fit; ask for this record's timeline or sources for the rest)"


def clip(text: str, limit: int, more: str = "…") -> str:
    """Cut text to limit characters, at a line or word boundary where possible, ending in more."""
    text = text.strip()
    if len(text) <= limit:
        return text
    room = max(0, limit - len(more))
    cut = text[:room]
    for sep in ("\n", ". ", " "):
        at = cut.rfind(sep)
        if at >= room * 0.6:
            cut = cut[: at + (1 if sep == ". " else 0)]
            break
    return (cut.rstrip() + more)[:limit]


@dataclass(frozen=True)
class Field:
    """A named block of the reply (an embed field in Discord)."""

    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A "did you mean" choice: what to show and the text that answers it when chosen."""

    label: str
    query: str
    record_id: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date the text refers to, so renderers can show it as a Discord timestamp."""

    placeholder: str  # the text as it appears in Reply.text or a field value
    date: dt.date


@dataclass(frozen=True)
class Chart:
    """Data for a chart; rendering to PNG happens elsewhere, off the event loop."""

    kind: str
    title: str
    payload: object  # a kind-specific, immutable data object (e.g. a what-if result)


@dataclass(frozen=True)
class Reply:
    """What the assistant answers: kind, title, text, fields, sources, as-of, suggestions."""

    kind: ReplyKind
    title: str
    text: str = ""
    fields: tuple[Field, ...] = ()
    sources: tuple[str, ...] = ()  # human-readable source lines
    source_ids: tuple[str, ...] = ()
    as_of: dt.date | None = None
    entities: tuple[str, ...] = ()  # ids of the records the reply is about
    suggestions: tuple[Suggestion, ...] = ()
    chart: Chart | None = None
    dates: tuple[DateMention, ...] = ()
    more: str | None = None  # the record whose full card this brief reply stands for

    def __post_init__(self) -> None:
        fitted = fit(self)
        for name in ("title", "text", "fields", "sources", "suggestions"):
            object.__setattr__(self, name, getattr(fitted, name))

    def footer(self) -> str:
        """Sources and as-of in one line, as shown under the reply."""
        parts = []
        if self.sources:
            parts.append("Sources: " + ", ".join(self.sources))
        if self.as_of:
            parts.append(f"As of {self.as_of.isoformat()}")
        return clip(" · ".join(parts), FOOTER_MAX)

    def plain(self) -> str:
        """The whole reply as plain text: title, text, fields, suggestions, sources."""
        out = [self.title]
        if self.text:
            out.append(self.text)
        for f in self.fields:
            out.append(f"{f.name}: {f.value}" if "\n" not in f.value else f"{f.name}:\n{f.value}")
        if self.suggestions:
            choices = ", ".join(s.label for s in self.suggestions)
            out.append(f"More: {choices}" if self.kind == "whatif" else f"Did you mean: {choices}?")
        foot = self.footer()
        if foot:
            out.append(foot)
        return _BOLD.sub(r"\1", "\n\n".join(out))


def fit(reply: Reply) -> Reply:
    """Return the reply cut cleanly to Discord's limits (no-op when it already fits)."""
    title = clip(reply.title, TITLE_MAX) or reply.kind.title()
    text = clip(reply.text, TEXT_MAX, MORE)
    fields = tuple(
        Field(
            clip(f.name, FIELD_NAME_MAX) or "—",
            clip(f.value, FIELD_VALUE_MAX, MORE) or "—",
            f.inline,
        )
        for f in reply.fields[:FIELDS_MAX]
    )
    if len(reply.fields) > FIELDS_MAX:
        fields = fields[: FIELDS_MAX - 1] + (
            Field(
                "More", f"{len(reply.fields) - FIELDS_MAX + 1} more not shown; ask more precisely."
            ),
        )
    sources = tuple(clip(s, 300) for s in reply.sources[:12])
    suggestions = tuple(
        Suggestion(clip(s.label, LABEL_MAX) or "?", clip(s.query, 100, ""), s.record_id)
        for s in reply.suggestions[:SUGGESTIONS_MAX]
    )
    out = _Raw(reply, title, text, fields, sources, suggestions)
    # Total budget: drop sources, then trailing fields, then shorten the text.
    while _raw_size(out) > TOTAL_MAX and len(out.sources) > 3:
        out.sources = out.sources[:-1]
    while _raw_size(out) > TOTAL_MAX and out.fields:
        out.fields = out.fields[:-1]
    excess = _raw_size(out) - TOTAL_MAX
    if excess > 0:
        out.text = clip(out.text, max(0, len(out.text) - excess - 10), MORE)
    return out.as_reply(reply)


@dataclass
class _Raw:
    base: Reply
    title: str
    text: str
    fields: tuple[Field, ...]
    sources: tuple[str, ...]
    suggestions: tuple[Suggestion, ...] = field(default=())

    def as_reply(self, r: Reply) -> Reply:
        new = object.__new__(Reply)
        for name in Reply.__dataclass_fields__:
            object.__setattr__(new, name, getattr(r, name))
        for name in ("title", "text", "fields", "sources", "suggestions"):
            object.__setattr__(new, name, getattr(self, name))
        return new


def _raw_size(raw: _Raw) -> int:
    foot = len("Sources: " + ", ".join(raw.sources)) + 30 if raw.sources else 30
    return (
        len(raw.title)
        + len(raw.text)
        + sum(len(f.name) + len(f.value) for f in raw.fields)
        + min(foot, FOOTER_MAX)
    )


def error(title: str, text: str, suggestions: tuple[Suggestion, ...] = ()) -> Reply:
    """A reply for input the assistant cannot use."""
    return Reply(kind="error", title=title, text=text, suggestions=suggestions)
