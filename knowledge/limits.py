"""What reading a fact base may cost: the limits, their defaults and the settings that set them."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on one load; each field is the operator setting of the same name.

    The defaults are far above what a curated base needs (the bundled one is 0.2 MB, at most
    8 levels deep, with no aliases) and far below what would exhaust a small machine.
    """

    max_file_mb: float = 16.0  # bytes of one file
    max_total_mb: float = 64.0  # bytes of every file together
    max_depth: int = 32  # nesting of lists and mappings
    max_alias_nodes: int = 10_000  # values that YAML aliases (*name) add, counted as expanded
    max_records_per_file: int = 50_000
    max_problems_shown: int = 50  # problems printed; the rest are counted

    @property
    def file_bytes(self) -> int:
        """max_file_mb in bytes."""
        return int(self.max_file_mb * MB)

    @property
    def total_bytes(self) -> int:
        """max_total_mb in bytes."""
        return int(self.max_total_mb * MB)


DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A byte count for a message: '2.5 MB'."""
    return f"{size / MB:,.1f} MB"
