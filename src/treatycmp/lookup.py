"""Fuzzy look-up of articles by what people type: titles, keywords, jargon, typos and citations.

Text is normalised before matching (case, accents, hyphens, British/American spelling, plurals), then
scored with rapidfuzz over each article's title, keywords and summary; titles and keywords weigh more.
A query that is an exact citation ('Art. 32 BC') puts that article first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .models import Article, Corpus
from .refs import Resolver, fold

TITLE, KEYWORD, ALIAS, SUMMARY, CHAPTER = "title", "keyword", "alias", "summary", "chapter"
WEIGHTS = {TITLE: 1.0, KEYWORD: 1.0, ALIAS: 0.9, CHAPTER: 0.75, SUMMARY: 0.8}
DEFAULT_CUTOFF = 70.0
_SPELLING = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ence\b"), "ense"),
    (re.compile(r"(?<=[a-z]{3})our\b"), "or"),
)
_WORD_RE = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Fold case, accents, hyphens, British spelling and plurals so that variants compare equal."""
    text = re.sub(r"(?<=\w)[-/.](?=\w)", "", fold(text))
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return " ".join(_singular(w) for w in _WORD_RE.findall(text))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Hit:
    """One ranked article with its score (0-100) and what matched."""

    article: Article
    score: float
    field: str
    matched: str


@dataclass(frozen=True)
class FindResult:
    """Ranked answers to one query."""

    query: str
    scope: str | None
    hits: tuple[Hit, ...]


class Index:
    """A search index over a corpus: one entry per (article, field text)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.resolver = Resolver(corpus)
        self.owners: list[tuple[int, str, str]] = []
        self.texts: list[str] = []
        self.articles: list[Article] = []
        for inst in corpus.instruments:
            for art in inst.articles:
                self._add(art)

    def _add(self, art: Article) -> None:
        n = len(self.articles)
        self.articles.append(art)
        fields = [(TITLE, art.title)] + [(KEYWORD, k) for k in art.keywords] + [(SUMMARY, art.summary)]
        for field, text in fields:
            norm = normalise(text)
            if norm:
                self.owners.append((n, field, text))
                self.texts.append(norm)

    def find(self, query: str, *, within: tuple[str, ...] | None = None, limit: int = 10,
             cutoff: float = DEFAULT_CUTOFF) -> FindResult:
        """Rank articles for *query*, best first; *within* restricts to some instruments."""
        hits = self._score(query, within)
        cited = self._citation(query, within)
        if cited is not None:
            hits = {k: v for k, v in hits.items() if k != cited.article.id}
            ranked = [cited] + sorted(hits.values(), key=_rank)
        else:
            ranked = sorted(hits.values(), key=_rank)
        return FindResult(query, None, tuple(h for h in ranked if h.score >= cutoff)[:limit])

    def _citation(self, query: str, within: tuple[str, ...] | None) -> Hit | None:
        parsed = self.resolver.parse(query)
        if parsed is None:
            return None
        art_id = f"{parsed[0]}:{parsed[1]}"
        if not self.corpus.has_article(art_id) or (within and parsed[0] not in within):
            return None
        return Hit(self.corpus.article(art_id), 100.0, "citation", art_id)

    def _score(self, query: str, within: tuple[str, ...] | None) -> dict[str, Hit]:
        q = normalise(query)
        if not q:
            return {}
        short = len(q) < 4
        best: dict[str, Hit] = {}
        scores = _field_scores(q, self.texts, short)
        for (n, field, text), raw in zip(self.owners, scores):
            art = self.articles[n]
            if within and art.instrument not in within:
                continue
            score = raw * WEIGHTS[field]
            current = best.get(art.id)
            if current is None or score > current.score:
                best[art.id] = Hit(art, round(score, 1), field, text)
        return best


def _field_scores(q: str, texts: list[str], short: bool) -> list[float]:
    """Score *q* against every text: exact-word matching for short queries, fuzzy for the rest."""
    if short:
        return [100.0 if q in t.split() else 0.0 for t in texts]
    token_set = process.cdist([q], texts, scorer=fuzz.token_set_ratio, workers=1)[0]
    partial = process.cdist([q], texts, scorer=fuzz.partial_ratio, workers=1)[0]
    ratio = process.cdist([q], texts, scorer=fuzz.ratio, workers=1)[0]
    return [max(0.5 * (a + b), c, min(a, b)) for a, b, c in zip(token_set, partial, ratio)]


def _rank(hit: Hit) -> tuple[float, str, int]:
    num = int(re.sub(r"\D", "", hit.article.num) or 0)
    return (-hit.score, hit.article.instrument, num)
