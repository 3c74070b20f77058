"""States identified by ISO 3166-1 (through pycountry), however a source spells them.

A State may be written by its alpha-2 or alpha-3 code, by any of the names ISO 3166-1 gives it
(short, official, common: "Türkiye", "Republic of Türkiye"), in the depositaries' word orders
("Republic of Korea" and "Korea, Republic of", "Iran (Islamic Republic of)", "Netherlands, the
Kingdom of the"), or by one of a few well-known names that ISO 3166-1 no longer or never used
("Turkey", "Russia", "South Korea"). Every spelling of one State resolves to the same
:class:`State`. A regional organisation that signs treaties (the European Union, which ISO 3166-1
reserves the code EU for) resolves too, marked as no State."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..errors import UnknownName
from .normalise import fold


class State(NamedTuple):
    """A State by its ISO 3166-1 codes and name (or a regional organisation, with ``organisation``
    set)."""

    alpha2: str
    alpha3: str
    name: str
    organisation: bool = False

    def __str__(self) -> str:
        return f"{self.name} ({self.alpha3})"


ORGANISATIONS = (State("EU", "EUU", "European Union", True),)
"""Regional organisations that sign treaties as such; ISO 3166-1 reserves their codes without
listing them."""
ALIASES = {
    "turkey": "TR",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "laos": "LA",
    "vietnam": "VN",
    "syria": "SY",
    "tanzania": "TZ",
    "ivory coast": "CI",
    "cape verde": "CV",
    "palestine": "PS",
    "bolivia": "BO",
    "venezuela": "VE",
    "iran": "IR",
    "brunei": "BN",
    "moldova": "MD",
    "uk": "GB",
    "great britain": "GB",
    "micronesia": "FM",
    "holy see": "VA",
    "vatican": "VA",
    "swaziland": "SZ",
    "east timor": "TL",
    "macedonia": "MK",
    "the former yugoslav republic of macedonia": "MK",
    "czech republic": "CZ",
}
"""Names that are in no field of ISO 3166-1 (lower case), and the State they mean."""
_STOP = frozenset({"the", "of", "and"})
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(name: str) -> frozenset[str]:
    """The words of *name* that identify it, without case, accents, punctuation and 'the', 'of',
    'and'."""
    return frozenset(w.replace("’", "'") for w in _WORD.findall(fold(name)) if w not in _STOP)


class Registry:
    """Every State of ISO 3166-1 with the spellings that name it."""

    def __init__(self) -> None:
        import pycountry

        self.by_code: dict[str, State] = {}
        by_words: dict[frozenset[str], set[str]] = {}
        self.names: list[str] = []
        for country in pycountry.countries:
            state = State(country.alpha_2, country.alpha_3, country.name)
            self._add(
                state,
                by_words,
                (
                    country.name,
                    getattr(country, "official_name", ""),
                    getattr(country, "common_name", ""),
                ),
            )
        for org in ORGANISATIONS:
            self._add(org, by_words, (org.name,))
        for alias, code in ALIASES.items():
            by_words.setdefault(words(alias), set()).add(code)
            self.names.append(alias.title() if len(alias) > 2 else alias.upper())
        self.by_words = {k: next(iter(v)) for k, v in by_words.items() if len(v) == 1}
        """Spellings that name exactly one State (a word set two States share names neither)."""

    def _add(
        self, state: State, by_words: dict[frozenset[str], set[str]], names: tuple[str, ...]
    ) -> None:
        self.by_code[state.alpha2] = self.by_code[state.alpha3] = state
        for name in filter(None, names):
            by_words.setdefault(words(name), set()).add(state.alpha2)
            self.names.append(name)

    def find(self, written: str) -> State | None:
        """The State *written* names, or None."""
        text = written.strip()
        if text.isascii() and text.isalpha() and text.isupper() and len(text) in (2, 3):
            return self.by_code.get(text)
        key = words(text)
        code = self.by_words.get(key) or self.by_words.get(_reordered(text))
        return self.by_code.get(code) if code else None

    def resolve(self, written: str) -> State:
        """The State *written* names; :class:`UnknownName` with near spellings when it names
        none."""
        found = self.find(written)
        if found is None:
            from .fuzzy import close_matches

            raise UnknownName("State", written, close_matches(written, self.names))
        return found


def _reordered(text: str) -> frozenset[str]:
    """The words of 'Name (Qualifier)' read as 'Name, Qualifier' (a word set ignores the order
    anyway)."""
    return words(text.replace("(", ",").replace(")", ""))


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The one registry (pycountry's tables are read once, on first use)."""
    return Registry()


def resolve(written: str) -> State:
    """The State a name or code names: 'Türkiye', 'Turkey', 'TR' and 'TUR' give the same State."""
    return registry().resolve(written)
