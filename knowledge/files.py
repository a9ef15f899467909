"""Fact-base files and folders read safely: regular files only, bounded reads, links followed once.

A named pipe would block a read forever, /dev/zero never ends and a link may point at itself:
everything is checked with stat before it is opened (and opened non-blocking, then checked
again), and reads stop at the byte budget.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from knowledge.limits import Limits, megabytes

DEFAULT_DATA = Path(__file__).parent / "data"  # the fact base bundled with capcom

YAML_SUFFIXES = (".yaml", ".yml")
_CHUNK = 1 << 20


class Unreadable(Exception):
    """A file or folder that cannot be used; str() says why in plain words."""


def what_is(mode: int) -> str:
    """What a non-regular file is, in words: 'a folder', 'a named pipe (FIFO)', ..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _why(path: Path, exc: OSError) -> str:
    """Plain words for an OSError met while reaching path."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link leads back to itself"
    if exc.errno == errno.ENOENT and path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"symbolic link to a missing file or folder ({target})"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def status(path: Path) -> os.stat_result:
    """stat() following links (the kernel detects loops); Unreadable with the reason."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise Unreadable(f"cannot read: {_why(path, exc)}") from None


@dataclass
class ByteBudget:
    """How many bytes files may still take: per file and for the whole base."""

    limits: Limits
    used: int = 0

    def read(self, path: Path) -> bytes:
        """The bytes of a regular file within the budget; Unreadable naming the limit if not."""
        st = status(path)
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable(
                f"not a regular file ({what_is(st.st_mode)}): a fact-base file must be a plain file"
            )
        self._check(st.st_size)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise Unreadable(f"cannot read: {_why(path, exc)}") from None
        try:
            st = os.fstat(fd)  # the same file, even if the name was swapped since the stat
            if not stat.S_ISREG(st.st_mode):
                raise Unreadable(f"not a regular file ({what_is(st.st_mode)})")
            cap = min(self.limits.file_bytes, self.limits.total_bytes - self.used) + 1
            chunks: list[bytes] = []
            size = 0
            while size < cap:
                chunk = os.read(fd, min(_CHUNK, cap - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise Unreadable(f"cannot read: {_why(path, exc)}") from None
        finally:
            os.close(fd)
        self._check(size)  # the file grew after the stat
        self.used += size
        return b"".join(chunks)

    def _check(self, size: int) -> None:
        limits = self.limits
        if size > limits.file_bytes:
            raise Unreadable(
                f"file is {megabytes(size)}, over the limit of {limits.max_file_mb:g} MB per file"
                " (setting max_file_mb): split it into several files in a folder"
            )
        if self.used + size > limits.total_bytes:
            raise Unreadable(
                f"not read: the fact base would pass {limits.max_total_mb:g} MB in all"
                f" ({megabytes(self.used)} read before this file; setting max_total_mb)"
            )


def entries(folder: Path) -> list[Path]:
    """The visible entries of a folder, sorted; Unreadable when it cannot be listed."""
    try:
        with os.scandir(folder) as it:
            names = sorted(e.name for e in it if not e.name.startswith("."))
    except OSError as exc:
        raise Unreadable(f"cannot read folder: {_why(folder, exc)}") from None
    return [folder / n for n in names]


def is_folder(path: Path) -> bool:
    """Whether path is a folder, following links; False when it cannot be reached."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def yaml_files(folder: Path) -> list[tuple[Path, str | None]]:
    """Every YAML-named entry under folder, sorted by path, with why it is unusable.

    (path, None) for each entry with a YAML suffix, whatever its type (the reader refuses what
    is not a regular file, by name), and (path, reason) for each folder that cannot be listed.
    Linked folders are followed once; a link back to a folder already read is reported.
    """
    seen: set[tuple[int, int]] = set()
    found: list[tuple[Path, str | None]] = []
    todo = [folder]
    while todo:
        here = todo.pop()
        try:
            st = status(here)
            listed = entries(here)
        except Unreadable as exc:
            found.append((here, str(exc)))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            found.append((here, "folder link loop: this folder is already part of the fact base"))
            continue
        seen.add(key)
        for entry in listed:
            if entry.suffix in YAML_SUFFIXES:
                found.append((entry, None))
            elif is_folder(entry) or (entry.is_symlink() and not entry.suffix):
                todo.append(entry)  # a broken link without a suffix was meant as a folder
    return sorted(found, key=lambda item: item[0])
