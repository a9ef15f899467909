"""The terminal surfaces: one-shot `ask`, line-by-line JSON, and the interactive console.

`ask --jsonl` and the console keep a conversation (a follow-up refers to the last answer);
`ask --jsonl --fresh` answers every line on its own.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TextIO

import click

from bot.settings import Settings, SettingsError
from bot.settings_cache import cached_settings
from commands.context import Context
from commands.conversation import Conversation
from commands.lookup import describe
from commands.reply import Reply, error
from commands.router import answer
from commands.understand.prefilter import NeedsTable, adopt_needs, known_needs
from knowledge.base import KnowledgeBase
from knowledge.cache import default_dir, load_cached

log = logging.getLogger("capcom")
# What _build runs, for the cache key.
_CODE = (Path(__file__).parents[1] / "commands", Path(__file__))


class UsageError(click.ClickException):
    """A problem with how capcom was started (a bad --now, setting or path): exit 2."""

    exit_code = 2


class BaseProblems(click.ClickException):
    """The fact base has problems (listed, as `capcom check` lists them): exit 1."""

    exit_code = 1


def settings() -> Settings:
    """The operator settings (config.yaml and environment); a bad one is a UsageError."""
    try:
        return cached_settings()
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def parse_now(value: str | None, config: Settings | None = None) -> dt.date:
    """Today: --now, else CAPCOM_NOW or `now` in config.yaml (config, if already read), else
    the real date in UTC."""
    if value is not None:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(f"--now must be a date like 2026-11-25, got {value!r}") from None
    return (config or settings()).today()


def load_context(path: Path | None, config: Settings | None = None) -> Context:
    """Load the fact base (--knowledge, else knowledge_path in config/env, else bundled).

    Through the start-up cache (knowledge/cache.py): unchanged files are not validated again.
    config: the settings, if already read.
    """
    config = config or settings()
    if path is None:
        path = config.knowledge_path
    cache = config.cache_dir or default_dir()
    try:
        ctx, needs = load_cached(path, cache, _build, _CODE, config.limits())
    except Exception as exc:
        from knowledge.loader import LoadError  # a full load ran: already imported

        if not isinstance(exc, LoadError):
            raise
        shown = exc.report(config.max_problems_shown)
        raise BaseProblems(f"the fact base has problems:\n{shown}") from None
    # Everything loaded so far lives until exit: keep it out of the cyclic collector's scans
    # (and out of its last one at exit), which took a third of a one-shot `ask`.
    gc.freeze()
    adopt_needs(needs)
    return replace(ctx, options=config.options())  # the cached indexes, today's settings


def _build(kb: KnowledgeBase) -> tuple[Context, NeedsTable]:
    """What the start-up cache keeps: the indexes, and the literals each of the question
    reader's patterns needs (so a warm start compiles only the patterns a question may match)."""
    return Context.build(kb), known_needs()


def chart_folder(path: Path) -> Path:
    """--chart's folder, checked before any work: an existing file there is refused."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"--chart: {path} is a file; give a folder to write whatif.png into")
    return path


def safe_answer(
    ctx: Context, text: str, now: dt.date, conversation: Conversation | None = None
) -> Reply:
    """answer(), but a bug of ours becomes a short apology instead of a traceback."""
    try:
        return answer(ctx, text, now, conversation)
    except Exception:
        log.exception("failed to answer %r", text[:200])
        return error("Sorry, something went wrong", "That question hit a bug; it has been logged.")


def to_json(text: str, reply: Reply) -> str:
    """One JSON line as DESIGN.md specifies for `capcom ask --jsonl`."""
    return json.dumps(
        {
            "ask": text,
            "kind": reply.kind,
            "title": reply.title,
            "text": reply.plain(),
            "entities": list(reply.entities),
            "sources": list(reply.source_ids),
        },
        ensure_ascii=False,
    )


def write_chart(reply: Reply, folder: Path, stem: str = "whatif") -> Path | None:
    """Render a reply's chart to folder/<stem>.png; None when the reply has no chart."""
    if reply.chart is None:
        return None
    from commands.chart import render_png

    path = folder / f"{stem}.png"
    tmp = path.with_suffix(".png.part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(render_png(reply.chart))
        tmp.replace(path)  # never a half-written file
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"--chart: cannot write {path}: {exc.strerror or exc}") from None
    return path


@contextmanager
def utf8_stdio() -> Iterator[tuple[TextIO, TextIO]]:
    """stdin and stdout as UTF-8 whatever the locale; invalid input bytes read as U+FFFD.

    So `ask --jsonl` always writes valid UTF-8 JSON, even for a line that was not UTF-8.
    """
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    stdout = io.TextIOWrapper(
        sys.stdout.buffer, encoding="utf-8", errors="replace", line_buffering=True
    )
    try:
        yield stdin, stdout
    finally:
        stdout.flush()
        stdout.detach()  # the process's own streams stay open
        stdin.detach()


def run_jsonl(
    ctx: Context, lines: Iterable[str], out: TextIO, now: dt.date, *, fresh: bool = False
) -> None:
    """Answer each input line with one JSON line, in order; a follow-up line refers to the
    line before it unless fresh (every line on its own)."""
    conversation = None if fresh else Conversation()
    for raw in lines:
        text = raw.rstrip("\n")
        out.write(to_json(text, safe_answer(ctx, text, now, conversation)) + "\n")
        out.flush()


def full_card(ctx: Context, reply: Reply, now: dt.date) -> Reply:
    """The whole card a brief reply stands for (the reply itself when it is not brief)."""
    if reply.more is None:
        return reply
    return describe(ctx, reply.more, now)


def show(reply: Reply) -> str:
    """A reply laid out for a terminal."""
    color = {"answer": "green", "whatif": "cyan", "suggestions": "yellow", "error": "red"}
    lines = [click.style(reply.title, fg=color.get(reply.kind, "white"), bold=True)]
    if reply.text:
        lines.append(reply.text)
    for f in reply.fields:
        lines.append(click.style(f.name, bold=True) + "\n" + f.value)
    if reply.suggestions:
        opts = "  ".join(f"[{i}] {s.label}" for i, s in enumerate(reply.suggestions, 1))
        lead = "More: " if reply.kind == "whatif" else "Did you mean: "
        lines.append(click.style(lead, bold=True) + opts)
    foot = reply.footer()
    if foot:
        lines.append(click.style(foot, dim=True))
    return "\n\n".join(lines)


def console(ctx: Context, now: dt.date, history: Path | None) -> None:
    """An interactive prompt with history; a number picks a "did you mean" choice."""
    click.echo(
        f"capcom console — fact base as of {ctx.kb.as_of.isoformat()}, today is {now}. "
        "Ask anything (help for examples, quit to leave)."
    )
    session = None
    if sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        hist = FileHistory(str(history)) if history else InMemoryHistory()
        session = PromptSession[str](history=hist)
    last: Reply | None = None
    conversation = Conversation()
    while True:
        try:
            text = session.prompt("capcom> ") if session else input("capcom> ")
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            return
        text = text.strip()
        if text.lower() in ("quit", "exit", ":q"):
            return
        if last and last.suggestions and text.isdigit() and 1 <= int(text) <= len(last.suggestions):
            pick = last.suggestions[int(text) - 1]
            text = pick.query
        if last is not None and last.more and text.lower() in ("more", "full", "+"):
            click.echo(show(full_card(ctx, last, now)) + "\n")
            continue
        last = safe_answer(ctx, text, now, conversation)
        click.echo(show(last) + ("\n\n(more: the full card)" if last.more else "") + "\n")
