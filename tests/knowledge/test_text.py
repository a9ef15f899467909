"""The one text folding: folded names, content words, stems and synonyms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.text import MAX_WORDS, canonical, fold, fold_tokens, singular, stem, words


def test_fold_names() -> None:
    assert fold("Progress MS-33") == "progressms33"
    assert fold_tokens("SpX-35 (CRS)") == ["spx", "35", "crs"]
    assert fold("Artém'yev") == "artemyev"
    assert fold("Прогресс МС-33") == "прогрессмс33"


def test_every_form_of_a_word_has_one_stem() -> None:
    assert {stem(w) for w in ("launch", "launches", "launched", "launching")} == {"launch"}
    assert {stem(w) for w in ("fly", "flies", "flying")} == {"fly"}
    assert stem("move") == stem("moved")
    assert stem("cygnus") == "cygnus"
    assert stem("progress") == "progress"
    assert stem("stopped") == stem("stop")


def test_words_drop_stop_words_and_merge_slang() -> None:
    assert words("why is soyuz in such a mess rn") == words("why is soyuz in trouble")
    assert words("how did the pad get wrecked") == words("how was the pad damaged")
    assert words("the the the") == []
    assert canonical("the") == ""
    assert canonical("busted") == canonical("damage")


@given(st.text(max_size=400))
def test_words_and_folds_never_fail(text: str) -> None:
    ws = words(text)
    assert len(ws) <= MAX_WORDS
    assert all(w and w == w.lower() for w in ws)
    assert fold(text) == "".join(fold_tokens(text))


def test_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    from knowledge.text import sentences

    text = "Named M.K. Jane Q. Public, it flew at 9:10 a.m. UTC. Dr. Lee spoke. Then it left."
    assert sentences(text) == [
        "Named M.K. Jane Q. Public, it flew at 9:10 a.m. UTC.",
        "Dr. Lee spoke.",
        "Then it left.",
    ]


def test_a_cut_summary_never_ends_on_an_initial() -> None:
    from commands.lookup import cut_at_sentence

    text = "A short lead. The ship was named after John F. Kennedy and carried a great deal."
    assert cut_at_sentence(text, 50) == "A short lead."
    assert not cut_at_sentence(text, 50).endswith("F.")


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("dragons", "dragon"),
        ("Cygnuses", "Cygnus"),
        ("progresses", "progress"),
        ("soyuzes", "soyuz"),
        ("progress", "progress"),
        ("cygnus", "cygnus"),
        ("ms-30", "ms-30"),
    ],
)
def test_singular_of_names_said_in_the_plural(plural: str, one: str) -> None:
    assert singular(plural) == one
