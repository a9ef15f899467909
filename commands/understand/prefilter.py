"""Phrase patterns that skip their regular expression when none of its literal words is in the text.

A vocabulary table's pattern is an alternation of phrases; most questions contain none of
them, yet searching for them scans the whole message once per phrase. `Phrases` reads the
compiled pattern once and keeps, for each alternative, literal strings one of which every
match must contain ("how many" for r"\bhow many\b", "launch" for r"launch(?:es|ing)?").
When the (lower-cased) text holds none of them the pattern cannot match and is not run;
otherwise it runs as before, so every result is the regular expression's own.

A pattern is compiled on its first run, not when made. Reading a pattern for its literals costs
about as much as compiling it, so a one-shot `capcom ask` takes them from its start-up cache
(`known_needs` when the entry is built, `adopt_needs` when it is read): a warm start then
compiles only the few patterns whose literals the question holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_LANGUAGE_MAX = 64  # literal strings a part of a pattern may spell before it is cut
# A pattern whose needs were not adopted is read for its literals on this search: reading
# them all takes ~35 ms, which a start-up would pay for patterns it never runs; a running
# bot reads each pattern once, early.
READ_ON_SEARCH = 2
_CLASS_MAX = 4  # characters of a class ("[sz]") spelled out as literals


def _safe(c: str) -> bool:
    """A character whose case-insensitive matches are exactly those of its lower case
    (ASCII and basic Cyrillic; others, such as "ſ" matching "s", keep the pattern running)."""
    o = ord(c)
    return o < 0x80 or 0x400 <= o < 0x500


def _reduced(strings: frozenset[str]) -> frozenset[str]:
    """The strings without those containing a shorter one of them (enough to test for)."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more telling of two requirements (longer shortest string, then fewer strings)."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return b if kb > ka else a


class _Reader:
    """Walks a parsed pattern: finite languages of literal parts and what a match needs."""

    def __init__(self, ignore_case: bool) -> None:
        self.ignore_case = ignore_case

    def char(self, code: int) -> str | None:
        c = chr(code)
        if not self.ignore_case:
            return c
        return c.lower() if _safe(c) and len(c.lower()) == 1 else None

    def node(self, op: Any, av: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """(the finite set of strings this item matches, or None; what any match of it
        contains, one of a set of strings, or None when nothing can be said)."""
        if op is sre.LITERAL:
            c = self.char(av)
            return (frozenset({c}), None) if c is not None else (None, None)
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return frozenset({""}), None  # zero-width: the literals around it stay adjacent
        if op is sre.IN:
            chars: set[str] = set()
            for iop, iav in av:
                c = self.char(iav) if iop is sre.LITERAL else None
                if c is None:
                    return None, None
                chars.add(c)
            return (frozenset(chars), None) if len(chars) <= _CLASS_MAX else (None, None)
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                return None, None
            return self.seq(sub)
        if op is sre.ATOMIC_GROUP:
            return self.seq(av)
        if op is sre.BRANCH:
            langs: set[str] = set()
            needs: set[str] = set()
            finite, needed = True, True
            for alt in av[1]:
                lang, need = self.seq(alt)
                if lang is None:
                    finite = False
                else:
                    langs |= lang
                req = need if need is not None else (lang if lang and "" not in lang else None)
                if req is None:
                    needed = False
                else:
                    needs |= req
            if finite and len(langs) <= _LANGUAGE_MAX:
                return frozenset(langs), None
            return None, (_reduced(frozenset(needs)) if needed else None)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            lang, need = self.seq(sub)
            if hi == 1 and lang is not None:
                return (lang | {""} if lo == 0 else lang), None
            if lo == 0:
                return None, None
            return None, _better(need, lang if lang and "" not in lang else None)
        return None, None

    def seq(self, items: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """A sequence: its finite language if it has one, and its most telling requirement."""
        best: frozenset[str] | None = None
        run: frozenset[str] = frozenset({""})
        finite = True

        def emit(lang: frozenset[str]) -> frozenset[str] | None:
            return _reduced(lang) if lang and "" not in lang else None

        for op, av in items:
            lang, need = self.node(op, av)
            best = _better(best, need)
            if lang is None:
                finite = False
                best = _better(best, emit(run))
                run = frozenset({""})
                continue
            joined = frozenset(a + b for a in run for b in lang)
            if len(joined) > _LANGUAGE_MAX:
                finite = False
                best = _better(best, emit(run))
                joined = lang
            run = joined
        if finite:
            return run, best
        return None, _better(best, emit(run))


def needed_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains (lower-cased when it ignores
    case), or None when some match may contain none (the pattern then always runs)."""
    if not isinstance(pattern.pattern, str):
        return None
    return _needed(pattern.pattern, pattern.flags)


def _needed(source: str, flags: int) -> frozenset[str] | None:
    """needed_strings of the pattern source compiled with flags, read without compiling it."""
    if flags & re.ASCII:
        return None
    parsed = sre_parse.parse(source, flags)
    lang, need = _Reader(bool(flags & re.IGNORECASE)).seq(parsed)
    if need is None and lang is not None and "" not in lang:
        need = _reduced(lang)
    if need is None or "" in need:
        return None
    return need


Needs = tuple[str, ...] | None  # a pattern's needed strings, shortest first
NeedsTable = dict[tuple[str, int], Needs]  # (pattern source, flags) -> its needs


class Phrases:
    """A pattern run only when the text holds one of the literal strings every match needs;
    otherwise it answers as the pattern would for a text it cannot match. It is compiled on
    first run, so a table no question runs costs nothing."""

    __slots__ = ("_compiled", "_flags", "_fold", "_needs", "_unread", "pattern")

    def __init__(self, source: str | re.Pattern[str], flags: int = 0) -> None:
        self._compiled: re.Pattern[str] | None = None
        if isinstance(source, re.Pattern):
            self._compiled = source
            self.pattern, self._flags = source.pattern, source.flags
        else:
            self.pattern, self._flags = source, flags
        ignore_case = bool(self._flags & re.IGNORECASE)
        self._fold: Callable[[str], str | None] = _lowered if ignore_case else _as_is
        self._needs: Needs = None
        self._unread = READ_ON_SEARCH  # searches left before the pattern is read
        _MADE.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it has not been yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        return compiled

    @property
    def flags(self) -> int:
        """re.Pattern.flags."""
        return self.compiled.flags

    @property
    def groupindex(self) -> Mapping[str, int]:
        """re.Pattern.groupindex."""
        return self.compiled.groupindex

    @property
    def needs(self) -> Needs:
        """The literal strings one of which every match holds, shortest first (None: none)."""
        if self._unread > 0:
            self._unread = 0
            needs = _needed(self.pattern, self._flags)
            self._needs = None if needs is None else tuple(sorted(needs, key=lambda n: (len(n), n)))
        return self._needs

    def _possible(self, text: str) -> bool:
        if self._unread:  # the common case (read) costs one test, not a property call
            if self._unread > 1:
                self._unread -= 1
                return True
            self.needs  # noqa: B018 - reads the literals now
        needs = self._needs
        if needs is None:
            return True
        folded = self._fold(text)
        if folded is None:
            return True
        for n in needs:  # noqa: SIM110 - a loop, not any(): runs ~100 times per question
            if n in folded:
                return True
        return False

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        """re.Pattern.search."""
        if args or self._possible(text):
            return self.compiled.search(text, *args)
        return None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        """re.Pattern.match."""
        if args or self._possible(text):
            return self.compiled.match(text, *args)
        return None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        """re.Pattern.fullmatch."""
        if args or self._possible(text):
            return self.compiled.fullmatch(text, *args)
        return None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        """re.Pattern.finditer."""
        if args or self._possible(text):
            return self.compiled.finditer(text, *args)
        return iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        """re.Pattern.findall."""
        if args or self._possible(text):
            return self.compiled.findall(text, *args)
        return []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        """re.Pattern.sub."""
        if self._possible(text):
            return self.compiled.sub(repl, text, count)
        return text

    def __repr__(self) -> str:
        return f"Phrases({self.compiled!r})"


_last: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    """The text lower-cased, or None when it holds a character whose case-insensitive
    matches lower() does not give (the pattern then runs); the last one is remembered, as
    a question's tables are searched in the same text one after another."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = text.lower() if text.isascii() or all(map(_safe, text)) else None
    _last = (text, low)
    return low


def _as_is(text: str) -> str | None:
    return text


def phrases(pattern: str, flags: int = 0) -> Phrases:
    """re.compile, wrapped in the literal prefilter (and compiled on first run)."""
    return Phrases(pattern, flags)


_MADE: list[Phrases] = []  # every Phrases made (the vocabulary's, at import)


def known_needs() -> NeedsTable:
    """The needs of every pattern made so far, read now where they were not yet: a start-up
    cache keeps them (with the code they came from) for adopt_needs in a later process."""
    return {(p.pattern, p._flags): p.needs for p in _MADE}


def adopt_needs(table: NeedsTable) -> None:
    """Take each pattern's needs from a table made by known_needs from the same code, so a
    pattern runs - and is compiled - only for a text that holds one of its literals."""
    for p in _MADE:
        if p._unread > 0:
            key = (p.pattern, p._flags)
            if key in table:
                p._needs, p._unread = table[key], 0
