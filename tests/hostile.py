"""Hostile inputs for capcom, generated into a folder, and a runner that bounds time and memory.

Each case is a fact base, a config file or an operator mistake that once crashed, hung or
exhausted the process. `cases()` writes them under a folder; `run()` runs one through the real
CLI in a subprocess with an address-space limit and a timeout, and reports exit code, signal,
wall time and peak memory.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_KB = ROOT / "tests" / "bot" / "fixtures" / "kb"
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile input: the command to run, and the line it must end with."""

    name: str
    argv: tuple[str, ...]  # arguments to `capcom`
    expect: str  # a regular expression the output (stdout + stderr) must match
    codes: tuple[int, ...] = (1, 2)
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes = b""
    cwd: Path | None = None  # None: a scratch folder holding no config.yaml
    base: Path | None = None  # the hostile fact base, for cases that have one
    prepare: Callable[[], None] = field(default=lambda: None, compare=False, repr=False)


@dataclass(frozen=True)
class Outcome:
    """How a run ended."""

    code: int | None  # exit code, None when killed by a signal
    signal: int | None
    seconds: float
    max_rss_mb: float
    output: str
    timed_out: bool

    def __str__(self) -> str:
        end = f"signal {self.signal}" if self.signal else f"exit {self.code}"
        late = " (timed out)" if self.timed_out else ""
        return f"{end}{late}, {self.seconds:.2f} s, {self.max_rss_mb:.0f} MB"


def kb_with(folder: Path, files: dict[str, Callable[[Path], None]]) -> Path:
    """A copy of the test fact base in folder, each named file made by its writer instead."""
    shutil.copytree(FIXTURE_KB, folder)
    for name, write in files.items():
        target = folder / name
        if target.is_file() or target.is_symlink():
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        write(target)
    return folder


def text(content: str | bytes) -> Callable[[Path], None]:
    """A writer of fixed content."""
    data = content.encode("utf-8") if isinstance(content, str) else content

    def write(path: Path) -> None:
        path.write_bytes(data)

    return write


def symlink(to: str | Path) -> Callable[[Path], None]:
    """A writer of a symbolic link (relative targets are relative to the link's folder)."""

    def write(path: Path) -> None:
        path.symlink_to(to)

    return write


def fifo(path: Path) -> None:
    """A named pipe nobody writes to: reading it would wait forever."""
    os.mkfifo(path)


def folder(path: Path) -> None:
    """A folder where a file was expected."""
    path.mkdir()


def sparse(size: int) -> Callable[[Path], None]:
    """A file of size zero bytes that takes no disk space."""

    def write(path: Path) -> None:
        with path.open("wb") as f:
            f.truncate(size)

    return write


def deep_flow(levels: int) -> str:
    """[[[[...]]]] nested levels deep: 2 bytes a level."""
    return "[" * levels + "]" * levels + "\n"


def deep_block(levels: int) -> str:
    """- - - - x: block sequences nested levels deep on one line."""
    return "- " * levels + "x\n"


def alias_bomb(width: int = 300) -> str:
    """Crew whose disputes x claims x sources expand to width**3 sources through aliases.

    Every piece is something the schema accepts; the file is a few kilobytes.
    """
    sources = "[" + ", ".join(["src-a"] * width) + "]"
    claims = "[" + ", ".join(["*c"] * width) + "]"
    disputes = "[" + ", ".join(["*d"] * width) + "]"
    return (
        "- id: jane-doe\n"
        "  name: Jane Doe\n"
        "  status: assigned\n"
        "  sources: [src-a]\n"
        f"  x-claim: &c {{claim: one, sources: &s {sources}}}\n"
        f"  x-dispute: &d {{about: status, claims: {claims}}}\n"
        f"  disputes: {disputes}\n"
    )


def laughs(levels: int, width: int) -> str:
    """The billion laughs: each level a list of width aliases of the one before."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def dense_flow(size: int) -> str:
    """Flow-style crew records, each missing most of its fields: size bytes of problems."""
    items: list[str] = []
    total = 0
    i = 0
    while total < size:
        item = f"{{id: c{i}, name: C {i}, agency: nasa}}"
        items.append(item)
        total += len(item) + 2
        i += 1
    return "[" + ", ".join(items) + "]\n"


def dense_refs(size: int) -> str:
    """Flow-style topics, each related to an unknown record with a number: size bytes."""
    items: list[str] = []
    total = 0
    i = 0
    while total < size:
        item = (
            f"{{id: t{i}, name: T {i}, questions: [q {i}], answer: a,"
            f" sources: [src-a], related: [r-{i}]}}"
        )
        items.append(item)
        total += len(item) + 2
        i += 1
    return "[" + ", ".join(items) + "]\n"


def many_records(count: int) -> str:
    """count tiny flow-style source records."""
    return "[" + ", ".join("{}" for _ in range(count)) + "]\n"


def config(content: str | bytes) -> Callable[[Path], None]:
    """A writer of a config file."""
    return text(content)


def _once(make: Callable[[], object]) -> Callable[[], None]:
    """make, run at most once (several cases share one fact base)."""
    done: list[bool] = []

    def prepare() -> None:
        if not done:
            make()
            done.append(True)

    return prepare


def cases(root: Path, *, api: str = "http://127.0.0.1:9/api/v10") -> list[Case]:
    """Every hostile case, its files to be written under root by case.prepare().

    api is a Discord URL that refuses connections. Each fact base is checked with `check`;
    a few go through `ask` too (the same loader, from another command).
    """
    out: list[Case] = []
    through_ask = {"deep-flow-50k", "alias-bomb", "fifo", "dense-refs-1mb", "self-link"}

    def base(name: str, files: dict[str, Callable[[Path], None]], expect: str) -> None:
        kb = root / name
        prepare = _once(lambda: kb_with(kb, files))
        out.append(
            Case(f"check-{name}", ("check", str(kb)), expect, (1,), base=kb, prepare=prepare)
        )
        if name in through_ask:
            argv = ("ask", "--knowledge", str(kb), "crs-35")
            out.append(Case(f"ask-{name}", argv, expect, (1,), base=kb, prepare=prepare))

    base("deep-flow-50k", {"crew.yaml": text(deep_flow(50_000))}, r"crew\.yaml:1: .*deeper than")
    base("deep-flow-20k", {"crew.yaml": text(deep_flow(20_000))}, r"crew\.yaml:1: .*deeper than")
    base("deep-block-20k", {"crew.yaml": text(deep_block(20_000))}, r"crew\.yaml:1: .*deeper than")
    base("alias-bomb", {"crew.yaml": text(alias_bomb())}, r"crew\.yaml:\d+: .*max_alias_nodes")
    base("dense-flow-1mb", {"crew.yaml": text(dense_flow(1 * MB))}, r"crew\.yaml:1: .*c0")
    base("dense-flow-5mb", {"crew.yaml": text(dense_flow(5 * MB))}, r"max_records_per_file")
    base("dense-refs-1mb", {"topics.yaml": text(dense_refs(1 * MB))}, r"topics\.yaml:1: .*r-0")
    base("many-records", {"sources.yaml": text(many_records(200_000))}, r"max_records_per_file")
    base("huge-file", {"crew.yaml": sparse(2048 * MB)}, r"crew\.yaml:1: .*max_file_mb")
    base(
        "over-total",
        {f"crew/part-{i}.yaml": sparse(15 * MB) for i in range(5)},
        r"crew/part-4\.yaml:1: .*max_total_mb",
    )
    base("dev-zero", {"crew.yaml": symlink("/dev/zero")}, r"crew\.yaml:1: .*not a regular file")
    base("dev-null", {"crew.yaml": symlink("/dev/null")}, r"crew\.yaml:1: .*not a regular file")
    base("fifo", {"crew.yaml": fifo}, r"crew\.yaml:1: .*named pipe")
    base("folder-named-yaml", {"crew.yaml": folder}, r"crew\.yaml:1: .*a folder")
    base("self-link", {"crew.yaml": symlink("crew.yaml")}, r"crew\.yaml:1: .*link loop")
    base(
        "link-loop",
        {"crew.yaml": symlink("other.yml"), "other.yml": symlink("crew.yaml")},
        r"crew\.yaml:1: .*link loop",
    )
    base("dangling-folder", {"missions": symlink("nowhere")}, r"missions:1: .*missing")
    base("folder-loop", {"crew": folder, "crew/again": symlink(".")}, r"crew/again:1: .*loop")

    def empty(name: str, files: dict[str, str]) -> None:
        folder_ = root / name

        def make() -> None:
            folder_.mkdir(parents=True, exist_ok=True)
            for file, content in files.items():
                (folder_ / file).write_text(content, encoding="utf-8")

        for verb in ("check", "ask"):
            argv = (
                ("check", str(folder_))
                if verb == "check"
                else ("ask", "--knowledge", str(folder_), "crs-35")
            )
            out.append(
                Case(
                    f"{verb}-{name}",
                    argv,
                    r"no missions, vehicles or pads",
                    (1,),
                    base=folder_,
                    prepare=_once(make),
                )
            )

    empty("empty-folder", {})
    empty("readme-only", {"README": "notes\n"})

    def settings(name: str, content: str | bytes, expect: str) -> None:
        path = root / f"{name}.yaml"
        env = {"CAPCOM_CONFIG": str(path)}
        prepare = _once(lambda: config(content)(path))
        out.append(Case(f"config-{name}", ("ask", "crs-35"), expect, (2,), env, prepare=prepare))

    settings("month-13", "now: 2026-13-45\n", r"month-13\.yaml: now: ")
    settings("feb-30", "now: 2026-02-30\n", r"feb-30\.yaml: now: ")
    settings("not-utf8", b"now: 2026-01-01\nlog_level: \xff\xfe\n", r"not-utf8\.yaml:2: .*UTF-8")
    settings("deep", "a: " + deep_flow(50_000), r"deep\.yaml:1: nested deeper than")
    settings("alias-bomb", laughs(9, 10), r"alias-bomb\.yaml:\d+: the aliases")
    out.append(
        Case(
            "env-guild-ids-not-json",
            ("run",),
            r"CAPCOM_TEST_GUILD_IDS",
            (2,),
            env={"CAPCOM_TEST_GUILD_IDS": "not json", "DISCORD_TOKEN": "x"},
        )
    )
    out.append(
        Case(
            "env-now-month-13", ("ask", "crs-35"), r"CAPCOM_NOW", (2,), {"CAPCOM_NOW": "2026-13-45"}
        )
    )
    unreachable = {
        "DISCORD_TOKEN": "x",
        "CAPCOM_API_BASE_URL": api,
        "CAPCOM_CONNECT_RETRY_SECONDS": "2",
    }
    out.append(Case("run-refused", ("run",), r"cannot reach Discord", (2,), env=unreachable))
    out.append(Case("sync-refused", ("sync",), r"cannot reach Discord", (2,), env=unreachable))
    no_dns = {**unreachable, "CAPCOM_API_BASE_URL": "https://-no-such-host-/api/v10"}
    out.append(Case("run-no-dns", ("run",), r"cannot reach Discord.*resolve", (2,), env=no_dns))
    out.append(Case("sync-no-dns", ("sync",), r"cannot reach Discord.*resolve", (2,), env=no_dns))
    a_file = root / "a-file"
    make_file = _once(lambda: text("not a folder\n")(a_file))
    whatif = ("ask", "--chart", str(a_file), "what if crs-35 slips 3 months")
    out.append(Case("chart-at-file", whatif, r"--chart.*a-file", (2,), prepare=make_file))
    schema = ("schema", "--out", str(a_file))
    out.append(Case("schema-out-file", schema, r"--out.*a-file", (2,), prepare=make_file))
    out.append(Case("deleted-cwd", ("check",), r"working folder", (2,), cwd=root / "gone"))
    out.append(
        Case("deleted-cwd-ask", ("ask", "crs-35"), r"working folder", (2,), cwd=root / "gone2")
    )
    jsonl = b"crs-35\n\xff\xfe not \xc3\x28 utf-8\n\x1b[31mcrs-35\x1b[0m\n"
    out.append(Case("jsonl-bytes", ("ask", "--jsonl"), r'"kind": "answer"', (0,), stdin=jsonl))
    return out


def _limit(memory: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        os.setsid()

    return apply


def run(
    case: Case,
    scratch: Path,
    *,
    timeout: float = 10.0,
    memory: int = 500 * MB,
    python_path: Path = ROOT,
) -> Outcome:
    """Run `capcom ARGV` for a case in a subprocess limited to memory bytes and timeout s."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CAPCOM_") and k != "DISCORD_TOKEN"
    }
    env.update(
        {
            "PYTHONPATH": str(python_path),
            "HOME": str(scratch),
            "CAPCOM_CONFIG": "",
            "OPENBLAS_NUM_THREADS": "1",
            "NO_COLOR": "1",
        }
    )
    env.update(case.env)
    if not env["CAPCOM_CONFIG"]:
        del env["CAPCOM_CONFIG"]
    case.prepare()
    scratch.mkdir(parents=True, exist_ok=True)
    cwd = case.cwd or scratch
    cwd.mkdir(parents=True, exist_ok=True)
    out_path = scratch / f"{case.name}.out"
    with out_path.open("wb") as out, (scratch / f"{case.name}.in").open("w+b") as stdin:
        stdin.write(case.stdin)
        stdin.seek(0)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", *case.argv],
            cwd=cwd,
            env=env,
            stdin=stdin,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_limit(memory),
        )
        if case.name.startswith("deleted-cwd"):
            shutil.rmtree(cwd)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    output = out_path.read_bytes().decode("utf-8", "replace")
    sig = -proc.returncode if proc.returncode < 0 else None
    return Outcome(
        code=None if sig else proc.returncode,
        signal=sig,
        seconds=seconds,
        max_rss_mb=usage.ru_maxrss / 1024,
        output=output,
        timed_out=killed.is_set(),
    )
