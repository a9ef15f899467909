"""Names in a scenario -> mission, pad or vehicle ids, with "did you mean" when unsure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from commands.reply import Suggestion
from commands.whatif.projection import short_name
from knowledge.base import KnowledgeBase
from knowledge.names import names_of
from knowledge.pads import flown_from
from knowledge.schema import Record, RecordKind
from knowledge.search import Match, SearchIndex
from knowledge.text import fold, singular

Index = SearchIndex

_FILLER = re.compile(
    r"^(?:the|a|an|launch|pad|site|mission|flight|of|at|from|baikonur|complex)\s+", re.I
)
# A word after a vehicle's name that names no other record: "the cygnus fleet", "dragon
# capsules", "the progress family".
_TRAILING = re.compile(r"\s+(?:fleet|family|line|program(?:me)?|vehicles?|spacecraft)$", re.I)
# "the soyuz pad", "dragon's pad", "the pad for progress"
_VEHICLE_PAD = re.compile(
    r"^(?:the\s+|a\s+)?(?P<veh>.+?)(?:'s|s')?\s+(?:launch\s*)?(?:pad|site)$"
    r"|^(?:the\s+)?(?:launch\s*)?(?:pad|site)\s+(?:for|of)\s+(?:the\s+)?(?P<veh2>.+)$",
    re.I,
)
_FLYING = ("cargo-spacecraft", "crew-spacecraft", "spaceplane")
_SPELLED_VALUES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
# A spelled number in a name, after a word ("falcon nine", "crew thirteen"), not "the next one".
_SPELLED = re.compile(
    r"(?<=[a-z][\s-])(?:" + "|".join(sorted(_SPELLED_VALUES, key=len, reverse=True)) + r")\b",
    re.I,
)


def _words(text: str) -> list[str]:
    """The lower-case words of a name ("Crew Dragon 2" -> crew, dragon, 2)."""
    return re.findall(r"[^\W_]+", text.casefold())


@dataclass(frozen=True)
class Resolver:
    """Resolves names against one fact base, using the shared search index when given."""

    kb: KnowledgeBase
    index: Index | None = None

    def _table(self, kind: RecordKind) -> Mapping[str, Record]:
        tables: dict[RecordKind, Mapping[str, Record]] = {
            "mission": self.kb.missions,
            "pad": self.kb.pads,
            "vehicle": self.kb.vehicles,
            "organization": self.kb.organizations,
        }
        return tables[kind]

    def _forms(self, kind: RecordKind) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for rid, rec in self._table(kind).items():
            for text in (rid, *names_of(rec)):
                key = fold(text)
                if key:
                    out.setdefault(key, set()).add(rid)
        return out

    def _exact(self, key: str, kind: RecordKind) -> set[str]:
        forms = self._forms(kind)
        if key in forms:
            return forms[key]
        if any(ch.isdigit() for ch in key) and len(key) >= 3:
            hits = {rid for form, ids in forms.items() if form.endswith(key) for rid in ids}
            if hits:
                return hits
            # "31/6" -> a pad named "... Site 31/6"
            hits = {rid for form, ids in forms.items() if key in form for rid in ids}
            if len(hits) == 1:
                return hits
        return set()

    def _forms_of(self, text: str) -> list[str]:
        """The text as typed, then without each leading filler word in turn ("site 31" is a
        pad's alias; "the launch pad 31/6" is found as "31/6"); with spelled numbers in digits
        too ("falcon nine")."""
        cleaned = text.strip(" .,!?'\"")
        digits = _SPELLED.sub(lambda m: str(_SPELLED_VALUES[m[0].lower()]), cleaned)
        out = [cleaned]
        while True:
            stripped = _FILLER.sub("", cleaned)
            if stripped == cleaned:
                break
            cleaned = stripped
            out.append(cleaned)
        if digits != text.strip(" .,!?'\""):
            out += [f for f in self._forms_of(digits) if f not in out]
        out += [_TRAILING.sub("", f) for f in out if _TRAILING.search(f)]
        return [f for f in dict.fromkeys(out) if fold(f)]

    def plural(self, text: str, kinds: tuple[RecordKind, ...]) -> bool:
        """Whether the text names a record of these kinds in the plural ("dragons", and
        "progresses", which the fuzzy index also matches to Progress): its singular names one,
        and no name of that kind is written the way the text is."""
        one = self._plural(text)
        if one is None or self._find(one, kinds) is None:
            return False
        return not any(self._exact(fold(f), k) for f in self._forms_of(text) for k in kinds)

    def _plural(self, text: str) -> str | None:
        """The text with its last word made singular ("the next dragons" -> "the next
        dragon"), when it was plural; names are found in the singular."""
        m = re.search(r"([^\W\d_]+)(\W*)$", text)
        if m is None or singular(m[1]) == m[1]:
            return None
        return text[: m.start(1)] + singular(m[1]) + m[2]

    def find(self, text: str, kinds: tuple[RecordKind, ...]) -> tuple[str, RecordKind] | None:
        """The one record of these kinds the text names (a name said in the plural too:
        "dragons"), or None."""
        got = self._find(text, kinds)
        one = self._plural(text) if got is None else None
        return self._find(one, kinds) if one is not None else got

    def _find(self, text: str, kinds: tuple[RecordKind, ...]) -> tuple[str, RecordKind] | None:
        forms = self._forms_of(text)
        if not forms:
            return None
        for form in forms:
            key = fold(form)
            for kind in kinds:
                hits = self._exact(key, kind)
                if len(hits) == 1:
                    return next(iter(hits)), kind
        if self.index is None:
            return None
        # The shortest form first (as before), then the name as typed ("pad 31": "31" alone
        # names nothing, "pad 31" names Site 31/6).
        for form in (forms[-1], *forms[:-1]):
            res = self.index.search(form, kinds=kinds)
            if res.best is not None:
                rid = res.best.record_id
                kind_of = self.kb.kind_of(rid)
                if kind_of in kinds and self._digits_agree(form, rid):
                    return rid, kind_of
            family = self._family(res.matches, form)
            if "vehicle" in kinds and family:
                cargo = [v for v in family if self.kb.vehicles[v].kind == "cargo-spacecraft"]
                if len(cargo) == 1:
                    return cargo[0], "vehicle"
        return None

    def vehicles(self, text: str) -> tuple[str, ...]:
        """Every vehicle a name stands for: one, or a whole family ("Dragon": Cargo Dragon and
        Crew Dragon), for what happens to all of them (grounded, no flights)."""
        forms = self._forms_of(text)
        for form in forms:
            hits = self._exact(fold(form), "vehicle")
            if len(hits) == 1:
                return (next(iter(hits)),)
        if self.index is not None:
            for form in (forms[-1], *forms[:-1]) if forms else ():
                family = self._family(self.index.search(form, kinds=("vehicle",)).matches, form)
                if family:
                    return family
        found = self._find(text, ("vehicle",))
        if found is not None:
            return (found[0],)
        one = self._plural(text)
        return self.vehicles(one) if one is not None else ()

    def _family(self, matches: Sequence[Match], text: str) -> tuple[str, ...]:
        """ "Dragon" names Cargo Dragon and Crew Dragon alike: the vehicles tied for the best
        vehicle match whose names share a word with the text, when there are several (empty
        otherwise; "the dragon capsule" is not Soyuz, another capsule)."""
        top = [m for m in matches if m.kind == "vehicle" and m.record_id in self.kb.vehicles]
        if len(top) < 2:
            return ()
        best = max(m.score for m in top)
        tied = sorted(m.record_id for m in top if best - m.score < 1e-6)
        words = [w for w in _words(text) if len(w) >= 3 and w not in ("the", "and", "all")]

        def has(vid: str, word: str, all_names: bool) -> bool:
            veh = self.kb.vehicles[vid]
            names = names_of(veh) if all_names else (veh.name,)
            return any(n.startswith(word) or word.startswith(n) for x in names for n in _words(x))

        # The family is the vehicles whose names share one of the text's words: a word of their
        # own names first ("dragon"), then of their aliases ("capsule" is Soyuz's too).
        for all_names in (False, True):
            for w in words:
                family = [v for v in tied if has(v, w, all_names)]
                if len(family) > 1:
                    return tuple(family)
        return ()

    def missions(self, text: str) -> tuple[str, ...]:
        """Every mission a name matches exactly ("ms-30": Progress MS-30 and Soyuz MS-30)."""
        for form in self._forms_of(text):
            hits = self._exact(fold(form), "mission")
            if hits:
                return tuple(sorted(hits))
        return ()

    def _digits_agree(self, text: str, rid: str) -> bool:
        """A fuzzy match must not change a number: "MS-99" is not "MS-29"."""
        wanted = re.findall(r"\d+", text)
        if not wanted:
            return True
        rec = self.kb.get(rid)
        names = (rid, *names_of(rec)) if rec is not None else (rid,)
        return any(all(w in re.findall(r"\d+", n) for w in wanted) for n in names)

    def suggest(self, text: str, kinds: tuple[RecordKind, ...]) -> tuple[Suggestion, ...]:
        """Up to 5 "did you mean" choices for a name that did not resolve."""
        ids: list[str] = []
        if self.index is not None:
            ids = [m.record_id for m in self.index.search(text, kinds=kinds).matches]
        if not ids:
            pool: dict[str, str] = {}
            for kind in kinds:
                for rid, rec in self._table(kind).items():
                    pool[rid] = rec.name
            from rapidfuzz import fuzz, process  # not imported by a start-up that needs none

            got = process.extract(
                fold(text), {k: fold(v) for k, v in pool.items()}, limit=5, scorer=fuzz.WRatio
            )
            ids = [g[2] for g in got if g[1] >= 50]
        out: list[Suggestion] = []
        for rid in ids[:5]:
            found = self.kb.get(rid)
            if found is not None:
                out.append(Suggestion(found.name, found.name, rid))
        return tuple(out)

    def name(self, rid: str) -> str:
        """A record's display name (its id when unknown)."""
        rec = self.kb.get(rid)
        return rec.name if rec is not None else rid

    def vehicle_pad(self, text: str) -> tuple[str, str] | None:
        """The pad in "the soyuz pad", "dragon's pad": (pad id, how it was read), or None."""
        m = _VEHICLE_PAD.match(text.strip(" .,!?"))
        if not m:
            return None
        found = self.find(m["veh"] or m["veh2"], ("vehicle",))
        if found is None:
            return None
        pad = flown_from(self.kb, found[0])
        if pad is None:
            return None
        how = (
            f"“{text.strip()}” taken as {self.name(pad)}, where "
            f"{short_name(self.kb, found[0])} flies from"
        )
        return pad, how

    def _iss_pads(self) -> set[str | None]:
        """The pads active ISS vehicles fly from."""
        return {
            flown_from(self.kb, v.id)
            for v in self.kb.vehicles.values()
            if v.status == "active" and v.kind in _FLYING
        }

    def site_pad(self, text: str, shown: str | None = None) -> tuple[str, str] | None:
        """The ISS pad at a launch site named alone ("baikonur"): (pad id, how it was read),
        when the site has exactly one pad an active ISS vehicle flies from."""
        key = fold(re.sub(r"^(?:the|a)\s+", "", text.strip(), flags=re.I))
        if len(key) < 4:
            return None
        used = self._iss_pads()
        pads = [
            p
            for p in self.kb.pads.values()
            if p.id in used and (key in fold(p.site) or fold(p.site).startswith(key))
        ]
        if len(pads) != 1:
            return None
        pad = pads[0]
        said = (shown or text).strip()
        return pad.id, f"“{said}” taken as {pad.name}, its pad for ISS flights"

    def country_pad(self, country: str, shown: str) -> tuple[str, str] | None:
        """A country's one ISS pad ("the russian pad"): (pad id, how it was read), or None."""
        used = self._iss_pads()
        pads = [p for p in self.kb.pads.values() if p.id in used and country in fold(p.country)]
        if len(pads) != 1:
            return None
        pad = pads[0]
        return pad.id, f"“{shown.strip()}” taken as {pad.name}, its one pad for ISS flights"

    def vehicles_of(self, country: str | None, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """Active ISS vehicles of these kinds, operated from a country (None: any)."""
        out = []
        for v in self.kb.vehicles.values():
            if v.status != "active" or v.kind not in kinds:
                continue
            org = self.kb.organizations.get(v.operator)
            if country is not None and (org is None or country not in org.country.casefold()):
                continue
            out.append(v.id)
        return tuple(sorted(out))
