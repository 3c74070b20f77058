"""The documented Python API: names instead of objects, for notebooks and scripts."""

from __future__ import annotations

import os

from . import compare
from . import coverage as _coverage
from .loader import load as _load
from .lookup import FindResult, Index
from .models import Article, Corpus
from .refs import Resolver


def load(data_dir: str | os.PathLike[str] | None = None) -> Corpus:
    """Load the corpus and mapping (the shipped data, or the folder *data_dir*)."""
    return _load(data_dir)


def diff(corpus: Corpus, a: str, b: str, **filters: str | None) -> compare.Diff:
    """Compare instrument or group *a* with *b* ('budapest', 'coe', 'ETS 185' ...)."""
    resolver = Resolver(corpus)
    return compare.diff(corpus, resolver.scope(a), resolver.scope(b), **filters)


def gaps(corpus: Corpus, a: str, b: str, chapter: str | None = None) -> tuple[compare.Gap, ...]:
    """A's articles with no counterpart in B, each with its reason."""
    resolver = Resolver(corpus)
    return compare.gaps(corpus, resolver.scope(a), resolver.scope(b), chapter=chapter)


def coverage(corpus: Corpus, a: str, b: str) -> _coverage.Coverage:
    """Per-chapter counts of A's articles by relation to B."""
    resolver = Resolver(corpus)
    return _coverage.coverage(corpus, resolver.scope(a), resolver.scope(b))


def article(corpus: Corpus, citation: str) -> Article:
    """The article a citation names: 'budapest:2', 'Art. 32 BC', 'CETS 224 article 6' ..."""
    return Resolver(corpus).article(citation)


def counterparts(corpus: Corpus, citation: str) -> compare.Counterparts:
    """One article with its links and declared absences in every other instrument."""
    return compare.counterparts(corpus, article(corpus, citation))


def find(corpus: Corpus, query: str, within: str | None = None, limit: int = 10) -> FindResult:
    """Articles matching *query*, best first; *within* names an instrument or group."""
    members = Resolver(corpus).scope(within).members if within else None
    return Index(corpus).find(query, within=members, limit=limit)
