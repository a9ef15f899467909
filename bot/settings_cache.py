"""The validated operator settings from a snapshot, for the offline commands' start-up.

`cached_settings()` is `load_settings()` when the inputs are byte-for-byte those a snapshot
was validated from: the config file's bytes (or its absence), every CAPCOM_* variable, the
working folder, the code of bot/, knowledge/ and commands/context.py, and the Python and
pydantic versions. A hit reads the Settings without building their validators or parsing
YAML; anything else is a miss: the settings are read and validated in full (so a bad setting
is always reported), and a snapshot is written only for settings that validated.

The snapshot lives in the cache folder the environment names (CAPCOM_CACHE_DIR, else
~/.cache/capcom): it must be found before the config file is read. A cache_dir set only in
config.yaml therefore gets no snapshot (nothing is written where the operator did not say),
only the fact-base cache (knowledge/cache.py). Entries are read and written as that module
does: a corrupt, foreign or stale one is a miss.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from bot.settings import CONFIG_LIMITS, ENV_PREFIX, Settings, config_path, load_settings
from knowledge.cache import default_dir, digest_sources, read_entry, write_entry
from knowledge.files import ByteBudget, Unreadable

FORMAT = 1  # bump when the snapshot's payload changes shape
_ROOT = Path(__file__).resolve().parents[1]
_CODE = (_ROOT / "bot", _ROOT / "knowledge", _ROOT / "commands" / "context.py")
_CACHE_ENV = ENV_PREFIX + "CACHE_DIR"


def cached_settings() -> Settings:
    """load_settings(), from the snapshot when validated from the same inputs before."""
    # in the environment's own order: of two names differing in case, load_settings takes the last
    env = [(k, v) for k, v in os.environ.items() if k.upper().startswith(ENV_PREFIX)]
    named = [v for k, v in env if k.upper() == _CACHE_ENV]
    folder = Path(named[-1]) if named and named[-1] else default_dir()
    key = _key(env)
    entry = folder / "settings.pickle"
    if key is not None:
        found = read_entry(entry, key)
        if found is not None and isinstance(found[0], Settings):
            return found[0]
    settings = load_settings()  # SettingsError propagates: nothing is written for it
    if key is not None and (settings.cache_dir or default_dir()) == folder:
        write_entry(entry, key, settings)
    return settings


def _key(env: list[tuple[str, str]]) -> bytes | None:
    """The digest of every input of load_settings(); None when the config file cannot be
    read safely here (load_settings then reports it)."""
    import pydantic

    file = config_path()
    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{sys.version}\0{pydantic.VERSION}\0{Path.cwd()}\0{file}\0".encode())
    for k, v in env:
        h.update(f"{k}\0{v}\0".encode(errors="surrogateescape"))
    if os.path.lexists(file):
        try:
            data = ByteBudget(CONFIG_LIMITS).read(file)
        except (Unreadable, OSError):
            return None
        h.update(b"config\0%d\0" % len(data))
        h.update(data)
    else:
        h.update(b"no config\0")
    return h.digest() if digest_sources(h, _CODE) else None


__all__ = ["cached_settings"]
