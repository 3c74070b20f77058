"""Fuzzy look-up of articles by what people type: titles, keywords, jargon, typos and citations.

Text is normalised first (case, accents, hyphens, British/American spelling, plurals). Each query word is
then matched against the corpus vocabulary with rapidfuzz (typos within about one edit in five letters,
prefixes of four letters or more); an article scores by how many query words one of its fields holds,
and how much of that field they cover. Titles and keywords weigh more than summaries. A query that is a
citation ('Art. 32 BC') puts that article first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .models import Article, Corpus
from .refs import Resolver, fold

TITLE, KEYWORD, SUMMARY = "title", "keyword", "summary"
WEIGHTS = {TITLE: 1.0, KEYWORD: 1.0, SUMMARY: 0.8}
DEFAULT_CUTOFF = 60.0
WORD_CUTOFF = 80.0
SPREAD_WEIGHT = 0.85
STOPWORDS = frozenset({"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "at", "its"})
_SPELLING = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ence\b"), "ense"),
    (re.compile(r"(?<=[a-z]{3})our\b"), "or"),
)
_JOIN_RE = re.compile(r"(?<=\w)[-/.'’](?=\w)")
_WORD_RE = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def normalise(text: str) -> tuple[str, ...]:
    """The words of *text* with case, accents, hyphens, British spelling and plurals folded."""
    text = _JOIN_RE.sub("", fold(text))
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return tuple(_singular(w) for w in _WORD_RE.findall(text))


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
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class _Field:
    article: int
    kind: str
    text: str
    words: frozenset[str]


class Index:
    """A search index over a corpus: fields per article and an inverted index of their words."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.resolver = Resolver(corpus)
        self.articles: list[Article] = []
        self.fields: list[_Field] = []
        self.postings: dict[str, list[int]] = {}
        for inst in corpus.instruments:
            for art in inst.articles:
                self._add(art)
        self.vocabulary = list(self.postings)

    def _add(self, art: Article) -> None:
        n = len(self.articles)
        self.articles.append(art)
        pairs = [(TITLE, art.title)] + [(KEYWORD, k) for k in art.keywords] + [(SUMMARY, art.summary)]
        for kind, text in pairs:
            words = frozenset(normalise(text)) - STOPWORDS
            if words:
                for word in words:
                    self.postings.setdefault(word, []).append(len(self.fields))
                self.fields.append(_Field(n, kind, text, words))

    def find(self, query: str, *, within: tuple[str, ...] | None = None, limit: int = 10,
             cutoff: float = DEFAULT_CUTOFF) -> FindResult:
        """Rank articles for *query*, best first; *within* restricts to some instruments."""
        cited = self._citation(query, within)
        hits = [h for h in self._score(query, within) if cited is None or h.article.id != cited.article.id]
        ranked = ([cited] if cited else []) + sorted(hits, key=_rank)
        return FindResult(query, tuple(h for h in ranked if h.score >= cutoff)[:limit])

    def _citation(self, query: str, within: tuple[str, ...] | None) -> Hit | None:
        parsed = self.resolver.parse(query)
        if parsed is None:
            return None
        art_id = f"{parsed[0]}:{parsed[1]}"
        if not self.corpus.has_article(art_id) or (within and parsed[0] not in within):
            return None
        return Hit(self.corpus.article(art_id), 100.0, "citation", art_id)

    def _score(self, query: str, within: tuple[str, ...] | None) -> list[Hit]:
        words = [w for w in dict.fromkeys(normalise(query)) if w not in STOPWORDS] or list(normalise(query))
        if not words:
            return []
        per_field: dict[int, list[float]] = {}
        for qi, word in enumerate(words):
            for vocab_word, sim in self._similar(word).items():
                for fi in self.postings[vocab_word]:
                    sims = per_field.setdefault(fi, [0.0] * len(words))
                    sims[qi] = max(sims[qi], sim)
        return self._aggregate(words, per_field, within)

    def _similar(self, word: str) -> dict[str, float]:
        """Vocabulary words close to *word*: exact, one typo in five letters, or *word* as a prefix."""
        if len(word) <= 3 or word.isdigit():
            return {word: 100.0} if word in self.postings else {}
        found = {w: s for w, s, _ in process.extract_iter(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)}
        for w in self.vocabulary:
            if len(word) >= 4 and w.startswith(word) and w not in found:
                found[w] = 90.0
        return found

    def _aggregate(self, words: list[str], per_field: dict[int, list[float]], within: tuple[str, ...] | None) -> list[Hit]:
        best: dict[int, Hit] = {}
        spread: dict[int, list[float]] = {}
        for fi, sims in per_field.items():
            field = self.fields[fi]
            art = self.articles[field.article]
            if within and art.instrument not in within:
                continue
            covered = sum(sims) / len(sims)
            fit = min(1.0, sum(1 for s in sims if s) / len(field.words))
            score = WEIGHTS[field.kind] * (0.9 * covered + 10 * fit)
            if field.article not in best or score > best[field.article].score:
                best[field.article] = Hit(art, round(score, 1), field.kind, field.text)
            acc = spread.setdefault(field.article, [0.0] * len(words))
            spread[field.article] = [max(a, WEIGHTS[field.kind] * s) for a, s in zip(acc, sims)]
        for n, sims in spread.items():
            combined = SPREAD_WEIGHT * sum(sims) / len(sims)
            if combined > best[n].score:
                best[n] = Hit(best[n].article, round(combined, 1), "words", best[n].matched)
        return list(best.values())


def _rank(hit: Hit) -> tuple[float, int, str, int]:
    num = int(re.sub(r"\D", "", hit.article.num) or 0)
    return (-hit.score, 0 if hit.field in (TITLE, KEYWORD) else 1, hit.article.instrument, num)
