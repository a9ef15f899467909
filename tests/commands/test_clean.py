"""Terminal control sequences are stripped whole, and nothing else is touched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commands.clean import strip_escapes
from commands.router import clean


@pytest.mark.parametrize(
    "typed",
    [
        "\x1b[31mcrs-35\x1b[0m",  # colour
        "\x1b[1;38;5;208mcrs-35\x1b[m",  # 256 colours
        "\x1b]0;window title\x07crs-35",  # OSC ended by BEL
        "\x1b]8;;https://example.org\x1b\\crs-35\x1b]8;;\x1b\\",  # a hyperlink, ended by ST
        "\x9b31mcrs-35\x9b0m",  # 8-bit CSI
        "\x1bccrs-35",  # reset
        "\x1b(Bcrs-35",  # character set
    ],
)
def test_control_sequences_are_stripped_whole(typed: str) -> None:
    assert strip_escapes(typed) == "crs-35"
    assert clean(typed) == "crs-35"


@given(st.text(alphabet=st.characters(blacklist_characters="\x1b", max_codepoint=0x8F)))
def test_text_without_escapes_is_untouched(text: str) -> None:
    assert strip_escapes(text) == text


@given(st.text(alphabet=st.sampled_from(["\x1b", "[", "]", "3", "1", "m", ";", "\x07", "a", "\\"])))
def test_no_escape_character_is_left(text: str) -> None:
    assert "\x1b" not in strip_escapes(text)
