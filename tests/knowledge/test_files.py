"""Reading fact-base files safely: regular files only, bounded, links followed once, no hang."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from knowledge.files import ByteBudget, Unreadable, entries, yaml_files
from knowledge.limits import MB, Limits

NOBODY = 65534


def budget(file_mb: float = 1, total_mb: float = 2) -> ByteBudget:
    return ByteBudget(Limits(max_file_mb=file_mb, max_total_mb=total_mb))


def refusal(path: Path, reader: ByteBudget | None = None) -> str:
    with pytest.raises(Unreadable) as caught:
        (reader or budget()).read(path)
    return str(caught.value)


def test_a_regular_file_is_read_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "crew.yaml"
    path.write_bytes(b"- id: a\n")
    reader = budget()
    assert reader.read(path) == b"- id: a\n"
    assert reader.used == 8


def test_a_link_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_bytes(b"[]\n")
    (tmp_path / "crew.yaml").symlink_to("real.yaml")
    assert budget().read(tmp_path / "crew.yaml") == b"[]\n"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "crew.yaml")
    assert refusal(tmp_path / "crew.yaml").startswith("not a regular file (a named pipe (FIFO))")


@pytest.mark.parametrize(("target", "what"), [("/dev/zero", "character device"), (".", "folder")])
def test_devices_and_folders_are_refused_by_name(tmp_path: Path, target: str, what: str) -> None:
    (tmp_path / "crew.yaml").symlink_to(target)
    assert f"not a regular file (a {what})" in refusal(tmp_path / "crew.yaml")


def test_link_loops_and_missing_targets_are_named(tmp_path: Path) -> None:
    (tmp_path / "self.yaml").symlink_to("self.yaml")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    loop = "cannot read: symbolic link loop: the link leads back to itself"
    assert refusal(tmp_path / "self.yaml") == loop
    assert refusal(tmp_path / "a.yaml") == loop
    assert refusal(tmp_path / "gone.yaml") == (
        "cannot read: symbolic link to a missing file or folder (nowhere.yaml)"
    )


def test_the_limit_per_file_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "crew.yaml"
    with big.open("wb") as f:
        f.truncate(1024 * MB)  # sparse: nothing to read if the limit works
    message = refusal(big, budget(file_mb=1.5))
    assert message.startswith("file is 1,024.0 MB, over the limit of 1.5 MB per file")
    assert "(setting max_file_mb)" in message


def test_the_limit_for_all_files_counts_what_was_read_before(tmp_path: Path) -> None:
    reader = budget(file_mb=1, total_mb=1.5)
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_bytes(b"x" * (MB - 10))
    reader.read(tmp_path / "a.yaml")
    message = refusal(tmp_path / "b.yaml", reader)
    assert message == (
        "not read: the fact base would pass 1.5 MB in all (1.0 MB read before this file;"
        " setting max_total_mb)"
    )


def test_yaml_files_walks_sorted_skipping_hidden_entries(tmp_path: Path) -> None:
    for rel in ("b.yaml", "a/z.yml", "a/y.yaml", ".hidden.yaml", "a/.swap.yaml", "notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("[]\n", encoding="utf-8")
    found = [(p.relative_to(tmp_path).as_posix(), why) for p, why in yaml_files(tmp_path)]
    assert found == [("a/y.yaml", None), ("a/z.yml", None), ("b.yaml", None)]


def test_yaml_files_reports_folder_loops_and_broken_folder_links(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "again").symlink_to(".")
    (tmp_path / "gone").symlink_to("nowhere")
    found = {p.name: why for p, why in yaml_files(tmp_path)}
    assert found == {
        "again": "folder link loop: this folder is already part of the fact base",
        "gone": "cannot read: symbolic link to a missing file or folder (nowhere)",
        "one.yaml": None,
    }


@contextmanager
def unprivileged() -> Iterator[None]:
    """Run as the nobody user when the tests run as root (root reads any folder)."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


def test_an_unreadable_folder_is_reported() -> None:
    base = Path(tempfile.mkdtemp(prefix="capcom-locked-"))
    base.chmod(0o755)  # nobody may enter the base, not the locked folder in it
    locked = base / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        with unprivileged():
            assert [(p.name, why) for p, why in yaml_files(base)] == [
                ("locked", "cannot read folder: permission denied")
            ]
            with pytest.raises(Unreadable, match="permission denied"):
                entries(locked)
    finally:
        locked.chmod(0o755)
        shutil.rmtree(base)
