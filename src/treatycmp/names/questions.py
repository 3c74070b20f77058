"""Reading a query as a question: the words that carry no subject, and the instruments or groups it
names.

``what does the UN treaty say about extradition`` is read as ``extradition`` in ``un``: question and
stop words ('what', 'does', 'say', 'about') do not count against a match, and an instrument or group
named by its id or an alias ('UN', 'UN treaty', 'Budapest', 'Second Protocol', 'UNTOC', 'Merida')
becomes the filter, its words taken out of the query. A name is read as one only when its words are
all names: a word of an alias that also titles an article ('electronic' of 'electronic evidence
protocol', 'corruption') stays a word of the query."""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from ..errors import echo
from .citations import FILLERS, GENERIC, Resolver, name_words
from .normalise import fold

# fmt: off
QUESTION_WORDS = frozenset(
    {
        "a", "about", "according", "address", "addresses", "all", "also", "an", "and", "any",
        "anything", "apply", "applies", "are", "as", "at", "be", "been", "by", "can", "contain",
        "contains", "could", "cover", "covers", "covered", "deal", "deals", "dealt", "describe",
        "describes", "did", "do", "does", "doing", "explain", "find", "for", "from", "get", "gets",
        "handle", "handles", "has", "have", "here", "how", "i", "if", "in", "include", "includes",
        "into", "is", "it", "its", "kind", "know", "look", "may", "me", "mean", "means", "mention",
        "mentions", "might", "must", "of", "on", "or", "please", "provide", "provides", "regarding",
        "rule", "rules", "said", "say", "says", "set", "sets", "shall", "should", "show", "so",
        "some", "tell", "tells", "that", "the", "their", "them", "there", "these", "they", "this",
        "those", "to", "treat", "treats", "under", "us", "want", "was", "we", "were", "what",
        "whats", "when", "where", "whether", "which", "who", "whom", "whose", "why", "will", "with",
        "within", "would", "you",
    }
)
# fmt: on
"""Words that ask rather than say what is asked about: they never count against a match."""
MAX_NAME_WORDS = 8
"""Longest run of words read as one name ('the Second Additional Protocol to the Budapest
Convention' has 8)."""

_TOKEN_RE = re.compile(r"[^\W_](?:[\w/'’.-]*[^\W_])?")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)


class Mention(NamedTuple):
    """An instrument or group named in a query: the words as typed, the scope id, and where they
    stand."""

    text: str
    scope: str
    start: int
    end: int


class Question(NamedTuple):
    """A query as ``find`` reads it: the instruments and groups it names, and what it asks without
    them."""

    query: str
    mentions: tuple[Mention, ...] = ()
    asked: str = ""

    @property
    def scopes(self) -> tuple[str, ...]:
        """The ids of the scopes named, in the order of the query, each once."""
        return tuple(dict.fromkeys(m.scope for m in self.mentions))


def reading(mentions: tuple[Mention, ...]) -> str:
    """How the query was read, said once: "reading 'UN treaty' as --in un" (each scope once, as
    first named)."""
    first = {m.scope: m for m in reversed(mentions)}
    said = " and ".join(
        f"{echo(m.text)} as --in {m.scope}" for m in sorted(first.values(), key=lambda m: m.start)
    )
    return f"reading {said}"


def is_question_word(word: str) -> bool:
    """True when *word* (as typed, any case) asks rather than says what is asked about."""
    return fold(word).replace("'", "").replace("’", "") in QUESTION_WORDS


def read_question(resolver: Resolver, query: str, titles_word: Callable[[str], bool]) -> Question:
    """Read *query*: the instruments and groups it names (by id or alias; a partial name only of
    words that title no article, as *titles_word* tells), and what it asks without them."""
    tokens = _tokens(query)
    mentions: list[Mention] = []
    taken: set[int] = set()
    for size in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
        for i in range(len(tokens) - size + 1):
            run = range(i, i + size)
            if (
                taken.intersection(run)
                or _loose(query, tokens[i])
                or _loose(query, tokens[i + size - 1])
            ):
                continue
            start, end = tokens[i][0], tokens[i + size - 1][1]
            scope = _names(resolver, query[start:end], titles_word)
            if scope is not None:
                mentions.append(Mention(query[start:end], scope, start, end))
                taken.update(run)
    mentions.sort(key=lambda m: m.start)
    return Question(query, tuple(mentions), _without(query, [(m.start, m.end) for m in mentions]))


def plain(query: str) -> str:
    """*query* without its question words, punctuation kept ('what is Art. 32 BC' -> 'Art. 32
    BC')."""
    spans = [m.span() for m in _TOKEN_RE.finditer(query) if is_question_word(m.group())]
    return _without(query, spans) if spans else query


def _tokens(query: str) -> list[tuple[int, int]]:
    """Where each word of *query* stands, a possessive 's left out ('Convention's' ->
    'Convention')."""
    out = []
    for match in _TOKEN_RE.finditer(query):
        start, end = match.span()
        if _POSSESSIVE_RE.search(match.group()):
            end -= 2
        out.append((start, end))
    return out


def _loose(query: str, token: tuple[int, int]) -> bool:
    """True for a word that never starts or ends a name ('the', 'of', 'article'): a name reads as
    typed, no more."""
    return fold(query[token[0] : token[1]]) in FILLERS


def _names(resolver: Resolver, text: str, titles_word: Callable[[str], bool]) -> str | None:
    """The scope *text* names, by a whole alias or by words that are names only, or None."""
    words = name_words(text)
    if not words:
        return None
    scope = resolver.keys.get("".join(words))
    if scope is not None:
        return scope
    distinctive = [w for w in words if w not in GENERIC]
    if any(titles_word(w) for w in distinctive):
        return None
    return resolver.find_scope(text)


def _without(query: str, spans: list[tuple[int, int]]) -> str:
    """*query* with the text of *spans* left out (each replaced by a space), spaces collapsed."""
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(query[last:start])
        last = end
    out.append(query[last:])
    return " ".join(" ".join(out).split())
