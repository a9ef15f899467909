"""Hypothesis profiles: random examples on a developer's machine, a fixed seed in CI."""

from __future__ import annotations

import os

from hypothesis import settings

# CI replays the same examples every run, so a landing never hinges on a lucky draw; locally
# each run draws new ones (and Hypothesis keeps any failure it finds in .hypothesis/).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
