"""Terminal control sequences stripped whole from text people send (ANSI CSI, OSC and kin)."""

from __future__ import annotations

import re

# CSI (ESC [ or C1 0x9b): parameters, intermediates, one final byte: "\x1b[31m".
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
# OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \ or 0x9c), or to the end.
_STRING = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
# Any other escape: ESC, intermediates, one final byte ("\x1bc", "\x1b(B").
_OTHER = r"\x1b[ -/]*[0-~]?"
_ESCAPES = re.compile(f"{_CSI}|{_STRING}|{_OTHER}")


def strip_escapes(text: str) -> str:
    """text without terminal control sequences: "\x1b[31mcrs-35\x1b[0m" -> "crs-35"."""
    if "\x1b" not in text and not any("\x90" <= c <= "\x9f" for c in text):
        return text
    return _ESCAPES.sub("", text)
