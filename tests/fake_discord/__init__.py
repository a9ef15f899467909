"""A local fake Discord for driving the real discord.py client in tests."""

from tests.fake_discord.server import (
    FakeDiscord,
    FakeError,
    InteractionHandle,
    RecordedRequest,
    point_discord_py_at,
    restore_discord_py_defaults,
)

__all__ = [
    "FakeDiscord",
    "FakeError",
    "InteractionHandle",
    "RecordedRequest",
    "point_discord_py_at",
    "restore_discord_py_defaults",
]
