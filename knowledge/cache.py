"""A start-up cache of validated fact bases, keyed by the exact bytes they were built from.

`load_cached` answers from a pickle when every input is byte-for-byte the one the pickle was
made from: each file under the fact-base folder, the source of the `knowledge` package (schema,
loader, ...) and of any other code named (what builds indexes from the base), the Python and
pydantic versions, the folder and the working folder (problem and origin paths are shown
relative to it). Anything else - an edited file, a new or removed file, changed code - is a
miss: the base is loaded and validated in full, built on, and the pickle replaced. A base with
problems is never cached, so its problems are always reported.

The cache is an optimisation only: an unreadable, corrupt, foreign or stale entry is ignored,
and failing to write one is silent. Pickles are read only from a folder owned by this user and
closed to others, and only when the file is too.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from knowledge.base import KnowledgeBase
from knowledge.files import DEFAULT_DATA
from knowledge.limits import DEFAULT_LIMITS, Limits

FORMAT = 2  # bump when the pickled payload changes shape
MAX_FILES = 10_000  # folders holding more files than this are not cached

T = TypeVar("T")


def default_dir() -> Path:
    """$XDG_CACHE_HOME/capcom, else ~/.cache/capcom."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "capcom"


def load_cached(
    path: Path | str | None,
    cache_dir: Path,
    build: Callable[[KnowledgeBase], T],
    code: Iterable[Path] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> T:
    """build(load(path, limits)), from cache_dir when made from the same inputs before; code
    names the folders of the modules build uses. Raise LoadError for a base with problems."""
    folder = Path(path) if path is not None else DEFAULT_DATA
    key = _key(folder, [Path(__file__).parent, *code], limits)
    entry = cache_dir / f"{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]}.pickle"
    if key is not None:
        found = read_entry(entry, key)
        if found is not None:
            return found[0]  # type: ignore[return-value]  # what build made, pickled
    built = build(load(folder, limits))  # LoadError propagates: no entry for a bad base
    if key is not None:
        write_entry(entry, key, built)
    return built


def load(folder: Path, limits: Limits) -> KnowledgeBase:
    """The loader's full load and validation, imported only on a miss (it imports yaml and
    rapidfuzz, which a start-up from the cache never needs)."""
    from knowledge.loader import load as full_load

    return full_load(folder, limits)


def _key(folder: Path, code: list[Path], limits: Limits) -> bytes | None:
    """The digest of every input of loading folder; None when it cannot be cached (the
    loader then reports a folder over the limits)."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{sys.version}\0{_pydantic_version()}\0{limits!r}\0".encode())
    h.update(f"{folder}\0{folder.resolve()}\0{Path.cwd()}\0".encode())
    try:
        files = sorted(p for p in folder.rglob("*") if not p.is_dir())
    except OSError:
        return None
    if len(files) > MAX_FILES or not digest_sources(h, code):
        return None
    total = 0  # bytes of the base's own files
    for p in files:
        try:
            info = p.stat()
            if not stat.S_ISREG(info.st_mode):  # a FIFO or a device: leave it to the loader
                return None
            total += info.st_size
            if total > limits.total_bytes:
                return None
            data = p.read_bytes()
        except OSError:
            return None
        h.update(f"{p}\0{len(data)}\0".encode())
        h.update(data)
    return h.digest()


def digest_sources(h: hashlib._Hash, code: Iterable[Path]) -> bool:
    """Add the bytes of every .py file under code (folders or files) to h; False when one
    cannot be read."""
    try:
        sources = sorted({p for c in code for p in ([c] if c.is_file() else c.rglob("*.py"))})
        for p in sources:
            if not stat.S_ISREG(p.stat().st_mode):
                return False
            data = p.read_bytes()
            h.update(f"{p}\0{len(data)}\0".encode())
            h.update(data)
    except OSError:
        return False
    return True


def _pydantic_version() -> str:
    import pydantic

    return str(pydantic.VERSION)


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    getuid = getattr(os, "getuid", None)
    mine = getuid is None or info.st_uid == getuid()
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_entry(entry: Path, key: bytes) -> tuple[object] | None:
    """(what was cached under key,) or None for a missing, foreign, stale or unreadable entry."""
    try:
        folder_info = entry.parent.stat()
        with entry.open("rb") as fh:
            info = os.fstat(fh.fileno())
            if not (_private(folder_info) and _private(info)) or fh.read(len(key)) != key:
                return None
            was_enabled = gc.isenabled()
            gc.disable()  # every object unpickled survives: nothing for the collector to find
            try:
                return (pickle.load(fh),)
            finally:
                if was_enabled:
                    gc.enable()
    except Exception:  # a missing, corrupt or outdated entry is simply a miss
        return None


def write_entry(entry: Path, key: bytes, payload: object) -> None:
    """Store payload under key in entry (atomically, private to this user); silent on failure."""
    cache_dir = entry.parent
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # only to write: shutil and random are no part of a cached start-up

        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
                pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)  # never a half-written entry
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        return  # a read-only or full disk only costs the next start-up its speed


__all__ = ["default_dir", "digest_sources", "load_cached", "read_entry", "write_entry"]
