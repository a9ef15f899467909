"""`capcom update ll2`: propose fact-base changes from Launch Library 2 for a curator, and
with --apply write them (validated first, all files or none)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.ll2 import Launch
    from knowledge.proposal import Proposal

EXIT_INPUT = 2  # unusable input: files, JSON, HTTP
EXIT_INVALID = 1  # the result would not validate


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(f"capcom update ll2: {message}", err=True)
    sys.exit(code)


@click.group()
def update() -> None:
    """Propose fact-base changes from outside data, for a curator to review."""


@update.command("ll2")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fetch", is_flag=True, help="Read the LL2 lists in the settings (ll2_urls).")
@click.option("--apply", "apply_", is_flag=True, help="Write the changes, then check the base.")
@click.option("--now", "now", metavar="YYYY-MM-DD", help="Fix today's date (or env CAPCOM_NOW).")
@click.option("--knowledge", "knowledge", type=click.Path(path_type=Path), help="Fact base folder.")
def ll2(
    files: tuple[Path, ...], fetch: bool, apply_: bool, now: str | None, knowledge: Path | None
) -> None:
    """Compare Launch Library 2 launch lists (FILE… as saved JSON, or --fetch) with the base.

    Prints what would change, from what to what and why; --apply writes it. Exit 2 for
    unusable input, 1 when the result would not validate (nothing is written then).
    """
    from bot import offline
    from knowledge import LoadError, load
    from knowledge.loader import DEFAULT_DATA
    from knowledge.search import SearchIndex
    from knowledge.update import propose

    if not files and not fetch:
        _fail("give LL2 JSON files, or --fetch to read the lists in the settings")
    today = offline.parse_now(now)
    settings = offline.settings()
    folder = knowledge or settings.knowledge_path or DEFAULT_DATA
    try:
        kb = load(folder, settings.limits())
    except LoadError as exc:
        click.echo(exc.report(settings.max_problems_shown))
        _fail("the fact base has problems: fix them first (capcom check)", EXIT_INVALID)
    launches, notes = _read(files, fetch, settings)
    proposal = propose(kb, SearchIndex.build(kb), launches, today)
    click.echo(review(proposal, kb.folder, len(launches), kb.as_of, notes))
    if proposal.problems:
        for problem in proposal.problems:
            click.echo(f"problem: {problem}")
        _fail(f"{len(proposal.problems)} launch(es) would make invalid records; nothing written", 1)
    if not apply_:
        if not proposal.empty:
            click.echo("\nNothing written. Run again with --apply to write these changes.")
        return
    if proposal.empty:
        click.echo("\nNothing to write.")
        return
    _apply(Path(folder), proposal)


def _read(
    files: tuple[Path, ...], fetch: bool, settings: Settings
) -> tuple[list[Launch], list[str]]:
    """Every launch in the files and fetched pages; exit 2 on unusable input."""
    from knowledge.ll2 import LL2Error, parse_document

    launches: list[Launch] = []
    notes: list[str] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            _fail(f"{path}: not UTF-8 text")
        except OSError as exc:
            _fail(f"{path}: cannot read: {exc.strerror or exc}")
        try:
            page = parse_document(text, str(path))
        except LL2Error as exc:
            _fail(str(exc))
        launches += page.launches
        if page.next_url:
            notes.append(f"{path}: the list goes on at {page.next_url} (not read)")
    if fetch:
        launches_fetched, fetched_notes = _fetch(settings)
        launches += launches_fetched
        notes += fetched_notes
    return launches, notes


def _fetch(settings: Settings) -> tuple[list[Launch], list[str]]:
    import asyncio

    from bot.ll2_fetch import FetchConfig, FetchError, fetch
    from knowledge.ll2 import LL2Error

    cfg = FetchConfig(
        urls=settings.ll2_urls,
        state_dir=settings.state_dir,
        cache_minutes=settings.ll2_cache_minutes,
        requests_per_hour=settings.ll2_requests_per_hour,
        timeout_seconds=settings.ll2_timeout_seconds,
        attempts=settings.ll2_retry_attempts,
        max_wait_seconds=settings.ll2_max_wait_seconds,
        max_pages=settings.ll2_max_pages,
    )
    try:
        result = asyncio.run(fetch(cfg))
    except (FetchError, LL2Error) as exc:
        _fail(str(exc))
    notes = list(result.notes)
    for p in result.pages:
        how = "from the cache" if p.cached else "fetched"
        when = f"{p.fetched_at:%Y-%m-%d %H:%M} UTC"
        notes.append(f"{p.url}: {len(p.page.launches)} launch(es), {how} {when}")
    return [launch for p in result.pages for launch in p.page.launches], notes


def _apply(folder: Path, proposal: Proposal) -> None:
    """Write the proposal (all files or none), then report the check like `capcom check`."""
    from knowledge import check
    from knowledge.update import write
    from knowledge.yamledit import EditError
    from knowledge.yamlfile import display_path

    try:
        written, problems = write(folder, proposal)
    except EditError as exc:
        _fail(str(exc), EXIT_INVALID)
    except OSError as exc:
        _fail(f"writing failed, every file was put back: {exc}", EXIT_INVALID)
    if problems:
        for p in problems:
            click.echo(str(p))
        _fail(
            f"the updated base would have {len(problems)} problem(s); nothing was written",
            EXIT_INVALID,
        )
    base, _ = check(folder)
    assert base is not None
    click.echo("\nWrote " + ", ".join(display_path(p) for p in written) + ".")
    click.echo(f"capcom check: ok, {sum(base.counts().values())} records; as of {base.as_of}.")
    click.echo("Reload the bot (/reload, kill -HUP, or watch_knowledge) to post the change alerts.")


def review(proposal: Proposal, folder: Path, count: int, as_of: dt.date, notes: list[str]) -> str:
    """The changes, from what to what and why; then what could not be placed."""
    from knowledge.yamlfile import display_path

    out = [
        f"Launch Library 2: {count} launch(es) read; fact base {display_path(folder)} "
        f"as of {as_of.isoformat()}."
    ]
    out += [f"  note: {n}" for n in notes]
    changes = [c for c in proposal.changes if c.kind != "dispute"]
    disputes = [c for c in proposal.changes if c.kind == "dispute"]
    if changes:
        out.append(f"\nChanges ({len(changes)}):")
        for c in changes:
            out.append(f"  {c.name}: {c.what}\n    why: {c.why}")
    if disputes:
        out.append(f"\nDisputes for the curator ({len(disputes)}):")
        out.append("  LL2 disagrees with a curated value; it stays, and both are recorded.")
        for c in disputes:
            out.append(f"  {c.name}: {c.what}\n    {c.why}")
    sources = [r.data["id"] for r in proposal.new_records if r.kind == "source"]
    if sources:
        out.append(f"\nNew LL2 source records ({len(sources)}): " + ", ".join(sources))
    if proposal.ambiguous:
        out.append(f"\nAmbiguous ({len(proposal.ambiguous)}), never guessed:")
        for u in proposal.ambiguous:
            out.append(f"  {u.launch.name}: {u.reason}: {', '.join(u.candidates)}")
    if proposal.unmatched:
        out.append(f"\nNot matched ({len(proposal.unmatched)}):")
        for u in proposal.unmatched:
            out.append(f"  {u.launch.name}: {u.reason}")
    if proposal.ignored:
        out.append(
            f"\nNot ISS flights, ignored ({len(proposal.ignored)}): "
            + "; ".join(u.launch.name for u in proposal.ignored)
        )
    if proposal.unchanged:
        out.append(
            f"\nAlready in the base ({len(proposal.unchanged)}): "
            + ", ".join(sorted({rid for _, rid in proposal.unchanged}))
        )
    if proposal.empty and not proposal.problems:
        out.append("\nNo changes to propose.")
    return "\n".join(out)


def register(cli: click.Group) -> None:
    """Add `update` to the capcom command group."""
    cli.add_command(update)
