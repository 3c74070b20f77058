"""Names and citations: resolve instrument aliases and article citations as people write them.

Accepted citation forms include ``budapest:2``, ``bc 2``, ``BC art. 2``, ``Art. 2 BC``,
``Article 2 of the Budapest Convention``, ``ETS 185 art 2``, ``CETS 224 article 6``, ``UN 41``,
``Article 16 UN`` and ``Art. 32(b) BC`` (the paragraph is ignored); case, punctuation and accents do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from .errors import UnknownName
from .models import Article, Corpus, Scope, scope_of

FILLERS = frozenset({"article", "articles", "art", "arts", "artikel", "of", "the", "no", "nr", "number"})
ART_WORDS = frozenset({"article", "articles", "art", "arts", "artikel"})
_PARA_RE = re.compile(r"(\d)\s*(?:\(\s*[a-z0-9]{1,4}\s*\)\s*)+")
_PARA_WORD_RE = re.compile(r"\b(?:para(?:graph)?s?|§§?)\.?\s*\d+[a-z]?\b")
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_SPLIT_RE = re.compile(r"[a-z]+|[0-9]+")


def fold(text: str) -> str:
    """Lower-case *text* and strip accents (Mérida -> merida)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str, split_digits: bool = False) -> list[str]:
    """Alphanumeric tokens of *text*, paragraph pinpoints removed; with *split_digits*, 'bc2' gives 'bc', '2'."""
    text = _PARA_RE.sub(r"\1 ", fold(text).replace("§", " art "))
    return (_SPLIT_RE if split_digits else _TOKEN_RE).findall(_PARA_WORD_RE.sub(" ", text))


def alias_key(text: str) -> str:
    """Canonical form of a name: 'The ETS No. 185' and 'ets185' give the same key."""
    return "".join(t for t in tokens(text) if t not in FILLERS)


class Resolver:
    """Resolves names of instruments and groups, and article citations, against one corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.keys: dict[str, str] = {}
        for group in corpus.groups:
            self._register(group.id, (group.id, group.name, *group.aliases))
        for inst in corpus.instruments:
            self._register(inst.id, (inst.id, inst.short, inst.name, inst.number, *inst.aliases))

    def _register(self, scope_id: str, names: tuple[str, ...]) -> None:
        for name in names:
            key = alias_key(name)
            if key:
                self.keys.setdefault(key, scope_id)

    def find_scope(self, name: str) -> str | None:
        """The id of the instrument or group *name* stands for, or None."""
        return self.keys.get(alias_key(name))

    def scope(self, name: str) -> Scope:
        """Resolve *name* to an instrument or group, or raise :class:`UnknownName` with suggestions."""
        scope_id = self.find_scope(name)
        if scope_id is None:
            raise UnknownName("instrument", name, self.suggest_scope(name), "see 'treatycmp list'")
        return scope_of(self.corpus, scope_id)

    def suggest_scope(self, name: str) -> tuple[str, ...]:
        import difflib

        key = alias_key(name) or fold(name)
        close = difflib.get_close_matches(key, list(self.keys), n=6, cutoff=0.6)
        return tuple(dict.fromkeys(self.keys[k] for k in close))[:3]

    def parse(self, text: str) -> tuple[str, str] | None:
        """Split a citation into (scope id, article number), or None if *text* is not one.

        Every digit token is tried as the article number; the rest must name an instrument or group.
        Among several readings, one whose article exists wins, then one written after 'art.'/'article'.
        Glued forms ('bc2', 'Art.32BC') are tried last, with letters and digits split apart.
        """
        return self._parse(tokens(text)) or self._parse(tokens(text, split_digits=True))

    def _parse(self, toks: list[str]) -> tuple[str, str] | None:
        candidates = []
        for i, tok in enumerate(toks):
            if not (tok.isascii() and tok.isdigit()):
                continue
            rest = "".join(t for t in toks[:i] + toks[i + 1:] if t not in FILLERS)
            scope_id = self.keys.get(rest)
            if scope_id is not None:
                num = str(int(tok))
                exists = any(self.corpus.has_article(f"{m}:{num}") for m in self.corpus.members(scope_id))
                after_art = i > 0 and toks[i - 1] in ART_WORDS
                candidates.append(((exists, after_art, i), (scope_id, num)))
        return max(candidates)[1] if candidates else None

    def article(self, text: str) -> Article:
        """Resolve a citation to an article, or raise :class:`UnknownName` saying what is wrong."""
        parsed = self.parse(text)
        if parsed is None:
            raise UnknownName("article", text, self.suggest_article(text), "write e.g. 'budapest:2' or 'Art. 2 BC'")
        scope_id, num = parsed
        members = self.corpus.members(scope_id)
        found = [f"{m}:{num}" for m in members if self.corpus.has_article(f"{m}:{num}")]
        if len(members) > 1:
            hint = f"{scope_id} is a group; name one of its instruments: {', '.join(members)}"
            raise UnknownName("article", text, tuple(found), hint)
        if not found:
            raise UnknownName("article", text, (), self._range_hint(scope_id))
        return self.corpus.article(found[0])

    def _range_hint(self, inst_id: str) -> str:
        arts = self.corpus.instrument(inst_id).articles
        return f"{inst_id} has articles {arts[0].num}–{arts[-1].num}" if arts else f"{inst_id} has no articles"

    def suggest_article(self, text: str) -> tuple[str, ...]:
        toks = tokens(text)
        nums = [t for t in toks if t.isdigit()]
        rest = "".join(t for t in toks if not t.isdigit() and t not in FILLERS)
        if not nums or not rest:
            return ()
        scopes = self.suggest_scope(rest)
        return tuple(f"{s}:{int(nums[-1])}" for s in scopes if self.corpus.has_article(f"{s}:{int(nums[-1])}"))
