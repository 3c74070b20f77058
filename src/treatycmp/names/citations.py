"""Names and citations: resolve instrument aliases and article citations as people write them.

Accepted citation forms include ``budapest:2``, ``bc 2``, ``BC art. 2``, ``Art. 2 BC``, ``Article 2
of the Budapest Convention``, ``ETS 185 art 2``, ``CETS 224 article 6``, ``UN 41``, ``Article 16
UN``, ``Art. 6 2nd Protocol`` and ``Merida 51``; case, punctuation and accents do not matter. A
paragraph or point after the number (``Art. 32(b) BC``, ``32 b)``, ``Art. 24(4)``, ``art 32 para
2``, ``Article 40.22 UN``) is kept as the citation's pinpoint, unless the instrument has an article
numbered so (an article ``1.10`` is cited as ``1.10``). Digits are the Unicode decimal digits (``UN
٤١`` and ``UN ４１`` cite ``un:41``); superscripts and other numeric characters are none. A citation
without an instrument or a number, or with two numbers, is refused with what it lacks.

T-CY Guidance Notes are cited by number, symbol or title word (``GN 3``, ``GN#3``, ``gn:3``,
``Guidance Note #10``, ``T-CY(2013)7``, ``T-CY GN ransomware``) and topics by id, name or alias
(``topic:safeguards``, ``human rights``)."""

from __future__ import annotations

import re
from typing import NamedTuple, NoReturn

from ..errors import CitationError, UnknownName, echo
from ..findings import id_key
from ..models import Article, Corpus, Scope, scope_of
from .normalise import GLUED_RE, WORD_RE, fold, looks_like_digit

FILLERS = frozenset(
    {"article", "articles", "art", "arts", "artikel", "of", "the", "no", "nr", "number"}
)
ART_WORDS = frozenset({"article", "articles", "art", "arts", "artikel"})
ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
# fmt: off
GENERIC = frozenset(
    {
        "additional", "against", "concerning", "convention", "council", "crime", "cybercrime",
        "europe", "evidence", "first", "second", "third", "fourth", "framework", "nations",
        "protocol", "resolution", "treaty", "united",
    }
)
# fmt: on
"""Words of names that never stand for an instrument on their own."""
CITE_HINT = "write e.g. 'budapest:2' or 'Art. 2 BC'"
MAX_TOKENS = 40
"""Longest citation read, in words and numbers ('Article 2 of the Second Additional Protocol to the
...' has 13)."""

_NUM = r"[0-9]+(?:[a-z](?!\)))?(?:[-.][0-9a-z]+)?"
_POINT = r"[0-9]+[a-z]?|[a-z]|[ivxl]{1,6}"
_CITE_RE = re.compile(
    rf"(?P<neg>(?<![^\W_])-\s*)?(?<![^\W_])(?P<num>{_NUM})(?:(?![^\W_])|(?=[a-z]\)))"
    rf"(?P<points>(?:\s*\(\s*(?:{_POINT})\s*\))+|\s*(?:{_POINT})\s*\)(?!\s*\())?"
    r"|(?P<word>[^\W_]+)"
)
_POINT_RE = re.compile(_POINT)
_PARA_WORD_RE = re.compile(
    rf"(?:(?<=[0-9)])\s*§|\bpara(?:graph)?s?\b|\bpar\b)\.?\s*({_POINT})(?![^\W_])"
)
_DIGITS_RE = re.compile(r"[0-9]+")
_ROMAN_RE = re.compile(r"[ivxlc]+")


class Citation(NamedTuple):
    """An article as cited, with the paragraph or point named after its number ('22', '4', 'b',
    '2(b)'), if any."""

    article: Article
    pinpoint: str | None = None


class _Token(NamedTuple):
    """One word or article number of a citation; a number carries its sign and the points written
    after it."""

    text: str
    is_num: bool = False
    negative: bool = False
    points: tuple[str, ...] = ()


class _Reading(NamedTuple):
    """One way to read a citation: which scope, which number as written, which points."""

    scope_id: str
    num: str
    points: tuple[str, ...]
    negative: bool


def name_words(text: str) -> list[str]:
    """The words of a name, fillers dropped and ordinals spelled out ('2nd' -> 'second')."""
    return [ORDINALS.get(w, w) for w in WORD_RE.findall(fold(text)) if w not in FILLERS]


def alias_key(text: str) -> str:
    """Canonical form of a name: 'The ETS No. 185' and 'ets185' give the same key, '2nd' and
    'second' too."""
    return "".join(name_words(text))


def canonical_num(num: str) -> str:
    """An article number without leading zeros in its digit runs ('014' -> '14', '1.010' ->
    '1.10')."""
    return _DIGITS_RE.sub(lambda m: m.group().lstrip("0") or "0", num)


def _lead(num: str) -> int | None:
    """The leading integer of an article number ('40' of '40.22', '7' of '7a'), or None."""
    match = _DIGITS_RE.match(num)
    if not match:
        return None
    digits = match.group().lstrip("0") or "0"
    return (
        int(digits) if len(digits) <= 18 else 10**18
    )  # beyond any treaty; int() refuses very long digit runs


def _pinpoint(points: tuple[str, ...]) -> str | None:
    """Points joined as written in a citation: ('2', 'b') -> '2(b)'."""
    return points[0] + "".join(f"({p})" for p in points[1:]) if points else None


def citation_tokens(folded: str) -> list[_Token]:
    """The words and numbers of a folded citation; paragraph words ('para 2', '§ 2') become points
    of the numbers."""
    extra = tuple(m.group(1) for m in _PARA_WORD_RE.finditer(folded))
    folded = _PARA_WORD_RE.sub(" ", folded).replace("§", " art ")
    toks = []
    for match in _CITE_RE.finditer(folded):
        if match.group("word"):
            toks.append(_Token(match.group("word")))
        else:
            points = tuple(_POINT_RE.findall(match.group("points") or ""))
            toks.append(_Token(match.group("num"), True, bool(match.group("neg")), points + extra))
    return toks


class Resolver:
    """Resolves names of instruments and groups, and article citations, against one corpus."""

    def __init__(self, corpus: Corpus) -> None:
        """Index the names of *corpus*: alias keys, and the words of each scope's short names and
        aliases."""
        self.corpus = corpus
        self.keys: dict[str, str] = {}
        self.words: dict[str, frozenset[str]] = {}
        self.instrument_ids = frozenset(inst.id for inst in corpus.instruments)
        self._canonical: dict[str, dict[str, tuple[str, ...]]] = {}
        for group in corpus.groups:
            self._register(
                group.id, (group.id, group.name, *group.aliases), (group.id, *group.aliases)
            )
        for inst in corpus.instruments:
            self._register(
                inst.id,
                (inst.id, inst.short, inst.name, inst.number, *inst.aliases),
                (inst.id, inst.short, *inst.aliases),
            )

    def _register(
        self, scope_id: str, names: tuple[str, ...], short_names: tuple[str, ...]
    ) -> None:
        """Record the alias keys of *names* and the words of *short_names* for one scope."""
        for name in names:
            key = alias_key(name)
            if key:
                self.keys.setdefault(key, scope_id)
        self.words[scope_id] = frozenset(w for name in short_names for w in name_words(name))

    # ------------------------------------------------------------ instruments and groups

    def find_scope(self, name: str) -> str | None:
        """The id of the instrument or group *name* stands for (an alias, or distinctive words of
        one), or None."""
        return self._scope_of(name_words(name))

    def _scope_of(self, words: list[str]) -> str | None:
        """The scope the words of a name stand for: a whole alias first, then a partial name."""
        return self.keys.get("".join(words)) or self._partial(words)

    def _partial(self, words: list[str]) -> str | None:
        """The one scope whose alias words hold every word of a partial name ('Merida', 'Hanoi
        treaty'), or None."""
        # One word must be distinctive (four letters or more, not 'convention' ...); an instrument
        # beats a group.
        if not words or not all(w.isalpha() for w in words):
            return None
        if not any(len(w) >= 4 and w not in GENERIC for w in words):
            return None
        found = [scope for scope, vocab in self.words.items() if vocab.issuperset(words)]
        instruments = [scope for scope in found if scope in self.instrument_ids]
        if len(instruments) == 1:
            return instruments[0]
        return found[0] if len(found) == 1 else None

    def scope(self, name: str) -> Scope:
        """Resolve *name* to an instrument or group, or raise :class:`UnknownName` with
        suggestions."""
        scope_id = self.find_scope(name)
        if scope_id is None:
            raise UnknownName("instrument", name, self.suggest_scope(name), "see 'treatycmp list'")
        return scope_of(self.corpus, scope_id)

    def suggest_scope(self, name: str) -> tuple[str, ...]:
        """Instruments or groups whose names are spelled like *name*, best first."""
        from .fuzzy import close_matches

        names = self._spellings()
        key = alias_key(name) or fold(name)
        close = close_matches(key, names, limit=6) or close_matches(
            " ".join(name_words(name)), names, limit=6
        )
        return tuple(dict.fromkeys(names[k] for k in close))[:3]

    def _spellings(self) -> dict[str, str]:
        """Every alias key and distinctive alias word, with the scope it names."""
        owners: dict[str, set[str]] = {}
        for scope, vocab in self.words.items():
            for word in vocab:
                owners.setdefault(word, set()).add(scope)
        distinct = {
            w: next(iter(s))
            for w, s in owners.items()
            if len(s) == 1 and len(w) >= 4 and w not in GENERIC
        }
        return {**distinct, **self.keys}

    # ------------------------------------------------------------ article numbers

    def _canonical_nums(self, inst_id: str) -> dict[str, tuple[str, ...]]:
        """The article numbers of an instrument by their form without leading zeros (built on first
        use)."""
        table = self._canonical.get(inst_id)
        if table is None:
            grouped: dict[str, list[str]] = {}
            for art in self.corpus.instrument(inst_id).articles:
                grouped.setdefault(canonical_num(art.num), []).append(art.num)
            table = self._canonical[inst_id] = {k: tuple(v) for k, v in grouped.items()}
        return table

    def _numbered(self, inst_id: str, num: str) -> Article | None:
        """The article of *inst_id* numbered *num* as written, or else the only one equal but for
        leading zeros."""
        art_id = f"{inst_id}:{num}"
        if self.corpus.has_article(art_id):
            return self.corpus.article(art_id)
        same = self._canonical_nums(inst_id).get(canonical_num(num), ())
        return self.corpus.article(f"{inst_id}:{same[0]}") if len(same) == 1 else None

    def _locate(self, inst_id: str, num: str, points: tuple[str, ...]) -> Citation | None:
        """The article *num* of *inst_id*; failing that, '40.22' reads as article 40, paragraph
        22."""
        art = self._numbered(inst_id, num)
        if art is not None:
            return Citation(art, _pinpoint(points))
        base, dot, para = num.partition(".")
        if dot and _POINT_RE.fullmatch(para):
            art = self._numbered(inst_id, base)
            if art is not None:
                return Citation(art, _pinpoint((para, *points)))
        return None

    def _found(self, reading: _Reading) -> list[Citation]:
        """The articles a reading names, one per member of its scope that has it."""
        if reading.negative:
            return []
        located = (
            self._locate(m, reading.num, reading.points)
            for m in self.corpus.members(reading.scope_id)
        )
        return [c for c in located if c is not None]

    # ------------------------------------------------------------ citations

    def _read(self, text: str) -> _Reading | None:
        """The best reading of a citation; glued forms ('bc2', 'Art.32BC', 'ETS 185-2') are tried
        last, split apart."""
        folded = fold(text)
        return self._best(citation_tokens(folded)) or self._best(
            citation_tokens(GLUED_RE.sub(" ", folded))
        )

    def _best(self, toks: list[_Token]) -> _Reading | None:
        """The best reading of *toks*: a number whose other words name a scope, an existing article
        and 'art. N' first."""
        if (
            len(toks) > MAX_TOKENS
        ):  # no citation is that long; each number would be tried against all the rest
            return None
        candidates = []
        for i, tok in enumerate(toks):
            if not tok.is_num:
                continue
            rest = [
                ORDINALS.get(t.text, t.text)
                for t in toks[:i] + toks[i + 1 :]
                if t.text not in FILLERS
            ]
            scope_id = self._scope_of(rest)
            if scope_id is not None:
                reading = _Reading(scope_id, tok.text, tok.points, tok.negative)
                after_art = i > 0 and toks[i - 1].text in ART_WORDS
                candidates.append(((bool(self._found(reading)), after_art, i), reading))
        return max(candidates, key=lambda c: c[0])[1] if candidates else None

    def parse(self, text: str) -> tuple[str, str] | None:
        """Split a citation into (scope id, article number as found, else as written), or None if it
        is none."""
        # 'budapest:014' gives ('budapest', '14'), 'UN 40.22' gives ('un', '40'), 'budapest:-1'
        # gives ('budapest', '-1').
        reading = self._read(text)
        if reading is None:
            return None
        found = self._found(reading)
        if len(found) == 1:
            return (reading.scope_id, found[0].article.num)
        return (reading.scope_id, f"-{reading.num}" if reading.negative else reading.num)

    def find_citation(self, text: str) -> Citation | None:
        """The article *text* cites, with its pinpoint, or None (not a citation, no such article, or
        a group)."""
        reading = self._read(text)
        found = self._found(reading) if reading else []
        return (
            found[0]
            if len(found) == 1 and reading and reading.scope_id in self.instrument_ids
            else None
        )

    def cite(self, text: str) -> Citation:
        """Resolve a citation to an article and pinpoint, or raise :class:`UnknownName` saying what
        is wrong."""
        reading = self._read(text)
        if reading is None:
            self._explain(text)
            raise UnknownName("article", text, self.suggest_article(text), CITE_HINT)
        found = self._found(reading)
        members = self.corpus.members(reading.scope_id)
        if len(members) > 1:
            hint = (
                f"{reading.scope_id} is a group; name one of its instruments: {', '.join(members)}"
            )
            raise UnknownName("article", text, tuple(c.article.id for c in found), hint)
        if not found:
            raise UnknownName(
                "article", text, self._near_numbers(reading), self._number_hint(reading)
            )
        return found[0]

    def _explain(self, text: str) -> None:
        """Raise :class:`CitationError` when the shape of an unread citation shows what is wrong
        with it: a character that is no digit, no instrument named, no article number, or two
        article numbers."""
        folded = fold(text)
        odd = next((c for c in folded if not c.isascii() and looks_like_digit(c)), None)
        if odd:
            raise CitationError(
                "article",
                text,
                f"{echo(text)}: {odd!r} is not a digit; write the article number in "
                "digits, e.g. 'UN 41'",
            )
        toks = [t for t in citation_tokens(folded) if t.text not in FILLERS]
        nums = [t for t in toks if t.is_num]
        words = [ORDINALS.get(t.text, t.text) for t in toks if not t.is_num]
        if nums and not words:
            self._no_instrument(text, nums)
        romans = [w for w in words if _ROMAN_RE.fullmatch(w)]
        scope_id = self._scope_of(words) or (
            self._scope_of([w for w in words if w not in romans]) if romans else None
        )
        if scope_id is None or not words:
            return
        if not nums:
            said = f"{echo(text)} has no article number"
            if romans:
                numeral = romans[0].upper()
                raise CitationError(
                    "article",
                    text,
                    f"{said} ({numeral} is a roman numeral, as chapters are numbered: "
                    f"'treatycmp articles {scope_id} --chapter {numeral}' lists them)",
                )
            raise CitationError("article", text, f"{said}; write e.g. '{scope_id}:1'")
        if len(nums) > 1:
            cited = ", ".join(f"{scope_id}:{'-' if t.negative else ''}{t.text}" for t in nums[:3])
            count = "two" if len(nums) == 2 else str(len(nums))
            raise CitationError(
                "article",
                text,
                f"{echo(text)} names {count} articles ({cited}); cite one at a time",
            )

    def _no_instrument(self, text: str, nums: list[_Token]) -> NoReturn:
        """Say that *text* names no instrument, and which instruments have the article it
        numbers."""
        said = f"no instrument named in {echo(text)}"
        if len(nums) > 1:
            raise CitationError("article", text, f"{said}; {CITE_HINT}")
        tok = nums[0]
        found = [
            c
            for inst in self.corpus.instruments
            for c in self._found(_Reading(inst.id, tok.text, tok.points, tok.negative))
        ]
        if not found:
            raise CitationError("article", text, f"{said}; no instrument has an article {tok.text}")
        nums_found = {c.article.num for c in found}
        where = ", ".join(c.article.instrument for c in found)
        if len(nums_found) == 1:
            exists = f"article {nums_found.pop()} exists in {where}"
        else:
            exists = "it exists as " + ", ".join(c.article.id for c in found)
        raise CitationError(
            "article", text, f"{said}; {exists}", tuple(c.article.id for c in found)
        )

    def article(self, text: str) -> Article:
        """Resolve a citation to an article, or raise :class:`UnknownName` saying what is wrong."""
        return self.cite(text).article

    def _number_hint(self, reading: _Reading) -> str:
        """What to say about a number the scope lacks: its range, and that numbers start at 1 if it
        was below."""
        hint = self._range_hint(reading.scope_id)
        lead = _lead(reading.num)
        return f"article numbers start at 1; {hint}" if reading.negative or lead == 0 else hint

    def _range_hint(self, inst_id: str) -> str:
        """The first and last article numbers of an instrument, as a hint."""
        nums = sorted(
            (a.num for a in self.corpus.instrument(inst_id).articles),
            key=lambda num: id_key(f":{num}"),
        )
        return (
            f"{inst_id} has articles {nums[0]}–{nums[-1]}" if nums else f"{inst_id} has no articles"
        )

    # ------------------------------------------------------------ suggestions

    def suggest_article(self, text: str) -> tuple[str, ...]:
        """Articles spelled like the citation *text* ('un:7a' -> 'un:7', 'budapset:2' ->
        'budapest:2'), best first."""
        reading = self._read(text)
        if reading is not None:
            found = self._found(reading)
            return tuple(c.article.id for c in found) if found else self._near_numbers(reading)
        return self._near_scopes(text)

    def _near_numbers(self, reading: _Reading) -> tuple[str, ...]:
        """Articles of the reading's scope whose number starts with the same integer, spelled most
        like it."""
        from .fuzzy import close_matches

        lead = _lead(reading.num)
        if reading.negative or not lead:
            return ()
        out: list[str] = []
        for inst_id in self.corpus.members(reading.scope_id):
            nums = [a.num for a in self.corpus.instrument(inst_id).articles if _lead(a.num) == lead]
            out += [f"{inst_id}:{n}" for n in close_matches(reading.num, nums, cutoff=0)]
        return tuple(out[:3])

    def _near_scopes(self, text: str) -> tuple[str, ...]:
        """Citations of an existing article whose instrument is spelled like the one in *text*."""
        folded = fold(text)
        out: list[str] = []
        for toks in (citation_tokens(folded), citation_tokens(GLUED_RE.sub(" ", folded))):
            for i, tok in enumerate(toks):
                rest = " ".join(t.text for t in toks[:i] + toks[i + 1 :])
                if not tok.is_num or tok.negative or not rest.strip():
                    continue
                for scope_id in self.suggest_scope(rest):
                    out += [
                        c.article.id
                        for c in self._found(_Reading(scope_id, tok.text, tok.points, False))
                    ]
            if out:
                break
        return tuple(dict.fromkeys(out))[:3]


_RESOLVERS: dict[int, tuple[Corpus, Resolver]] = {}


def resolver_for(corpus: Corpus) -> Resolver:
    """The resolver of *corpus*, built once per corpus (its name tables take a few milliseconds to
    build)."""
    held = _RESOLVERS.get(id(corpus))
    if held is None or held[0] is not corpus:
        if len(_RESOLVERS) >= 4:
            _RESOLVERS.clear()
        held = _RESOLVERS[id(corpus)] = (corpus, Resolver(corpus))
    return held[1]
