"""A start-up cache of validated fact bases, keyed by the exact bytes they were built from.

`load_cached` answers from a pickle when every input of the load is byte-for-byte the one the
pickle was made from: each file under the fact-base folder, the source of the `knowledge`
package (schema, loader, ...), the Python and pydantic versions, the folder and the working
folder (problem and origin paths are shown relative to it). Anything else - an edited file, a
new or removed file, a changed model - is a miss: the base is loaded and validated in full, and
the pickle replaced. A base with problems is never cached, so its problems are always reported.

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
import tempfile
from pathlib import Path

from pydantic import BaseModel

from knowledge.base import KnowledgeBase
from knowledge.loader import DEFAULT_DATA, load
from knowledge.schema import RecordKind

FORMAT = 1  # bump when the pickled payload changes shape
MAX_BYTES = 64 * 1024 * 1024  # bases larger than this are not cached (hashing them costs too)
MAX_FILES = 10_000  # ... nor folders holding more files than this

_Payload = tuple[list[tuple[RecordKind, BaseModel]], dict[str, tuple[str, int]]]


def default_dir() -> Path:
    """$XDG_CACHE_HOME/capcom, else ~/.cache/capcom."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "capcom"


def load_cached(path: Path | str | None, cache_dir: Path) -> KnowledgeBase:
    """load(path), from cache_dir when the same inputs were loaded before; raise LoadError."""
    folder = Path(path) if path is not None else DEFAULT_DATA
    key = _key(folder)
    entry = cache_dir / f"{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]}.pickle"
    if key is not None:
        payload = _read(entry, key)
        if payload is not None:
            return KnowledgeBase.build(payload[0], payload[1], folder)
    kb = load(folder)  # LoadError propagates: nothing is written for a base with problems
    if key is not None:
        items: list[tuple[RecordKind, BaseModel]] = [
            (kind, kb.get(rid) or kb.sources[rid]) for rid, kind in kb.kinds.items()
        ]
        _write(cache_dir, entry, key, (items, dict(kb.origins)))
    return kb


def _key(folder: Path) -> bytes | None:
    """The digest of every input of loading folder; None when it cannot be cached."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{sys.version}\0{_pydantic_version()}\0".encode())
    h.update(f"{folder}\0{folder.resolve()}\0{Path.cwd()}\0".encode())
    code = Path(__file__).parent
    try:
        sources = sorted(code.rglob("*.py"))
        files = sorted(p for p in folder.rglob("*") if not p.is_dir())
    except OSError:
        return None
    if len(files) > MAX_FILES:
        return None
    total = 0
    for p in [*sources, *files]:
        try:
            info = p.stat()
            if not stat.S_ISREG(info.st_mode):  # a FIFO or a device: leave it to the loader
                return None
            total += info.st_size
            if total > MAX_BYTES:
                return None
            data = p.read_bytes()
        except OSError:
            return None
        h.update(f"{p}\0{len(data)}\0".encode())
        h.update(data)
    return h.digest()


def _pydantic_version() -> str:
    import pydantic

    return str(pydantic.VERSION)


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    getuid = getattr(os, "getuid", None)
    mine = getuid is None or info.st_uid == getuid()
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(entry: Path, key: bytes) -> _Payload | None:
    try:
        folder_info = entry.parent.stat()
        with entry.open("rb") as fh:
            info = os.fstat(fh.fileno())
            if not (_private(folder_info) and _private(info)) or fh.read(len(key)) != key:
                return None
            was_enabled = gc.isenabled()
            gc.disable()  # every object unpickled survives: nothing for the collector to find
            try:
                payload = pickle.load(fh)
            finally:
                if was_enabled:
                    gc.enable()
    except Exception:  # a missing, corrupt or outdated entry is simply a miss
        return None
    if not isinstance(payload, tuple) or len(payload) != 2:
        return None
    return payload


def _write(cache_dir: Path, entry: Path, key: bytes, payload: _Payload) -> None:
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
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


__all__ = ["default_dir", "load_cached"]
