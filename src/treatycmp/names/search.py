"""Fuzzy look-up of articles by what people type: titles, keywords, jargon, typos and citations.

Text is normalised first (case, accents, hyphens, British/American spelling, plurals). Each query
word is then matched against the corpus vocabulary with rapidfuzz (typos within about one edit in
five letters, prefixes of four letters or more); an article scores by how many query words one of
its fields holds, and how much of that field they cover. Titles and keywords weigh more than
summaries. A query that is a citation ('Art. 32 BC') puts that article first.

A query is also read as a question (see :mod:`.questions`): question words ('what does ... say
about') do not count, and an instrument or group it names ('the UN treaty', 'Budapest') restricts
the answers to it, as ``--in`` does. rapidfuzz is loaded only when a word needs fuzzy matching."""

from __future__ import annotations

import heapq
import math
import re
from operator import mul
from typing import Iterable, NamedTuple

from ..models import Article, Corpus
from .citations import MAX_TOKENS, Resolver
from .fuzzy import similar
from .normalise import cjk_patterns, fold, normalise, spell, word_form
from .questions import QUESTION_WORDS, Mention, Question, is_question_word, plain, read_question

TITLE, KEYWORD, SUMMARY, HEADING = "title", "keyword", "summary", "heading"
WEIGHTS = {TITLE: 1.0, KEYWORD: 1.0, SUMMARY: 0.8, HEADING: 0.7}
DEFAULT_CUTOFF = 30.0
RELATIVE_CUTOFF = 0.6
WORD_CUTOFF = 80.0
SPREAD_WEIGHT = 0.85
SUMMARY_PRUNE_SHARE = 0.05
SUMMARY_PRUNE_MIN = 100
# fmt: off
STOPWORDS = frozenset(
    {
        "a", "an", "and", "by", "for", "in", "into", "of", "on", "or", "the", "to", "with", "from",
        "at", "its", "is", "are", "be", "can", "how", "many", "what", "which", "who", "when",
        "where", "if", "do", "does", "their", "someone", "there",
    }
)
# fmt: on


class Hit(NamedTuple):
    """One ranked article with its score (0-100) and what matched."""

    article: Article
    score: float
    field: str
    matched: str


class FindResult(NamedTuple):
    """Ranked answers to one query, with the instruments or groups it was read as naming (its
    ``--in``) and what it asks without them."""

    query: str
    hits: tuple[Hit, ...]
    read: tuple[Mention, ...] = ()
    asked: str = ""


class Index:
    """A search index over a corpus: the searchable fields of each article and an inverted index of
    their words.

    Fields are stored as columns (article, kind, text, number of distinct words), indexed by field
    number."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.resolver = Resolver(corpus)
        self.articles: list[Article] = []
        self.field_article: list[int] = []
        self.field_kind: list[str] = []
        self.field_text: list[str] = []
        self.field_size: list[int] = []
        self.article_start: list[int] = []
        self.postings: dict[str, list[int]] = {}
        for inst in corpus.instruments:
            for art in inst.articles:
                self._add(art)
        self.article_start.append(
            len(self.field_kind)
        )  # the fields of article n: article_start[n] to [n + 1]
        self.position = {art.id: n for n, art in enumerate(self.articles)}
        self.idf = self._idf()
        self._prune_common_summary_words()
        self.vocabulary = list(self.postings)

    def _prune_common_summary_words(self) -> None:
        """Drop summary postings of words found in a large share of summaries (titles and keywords
        keep them).

        Such words say little about an article, and their long postings would dominate query time on
        big corpora."""
        limit = max(SUMMARY_PRUNE_MIN, SUMMARY_PRUNE_SHARE * len(self.articles))
        kinds = self.field_kind
        for word, fields in self.postings.items():
            summaries = sum(1 for f in fields if kinds[f] in (SUMMARY, HEADING))
            if summaries > limit:
                self.postings[word] = [f for f in fields if kinds[f] not in (SUMMARY, HEADING)]

    def _idf(self) -> dict[str, float]:
        """Inverse document frequency of each word over articles: rare words identify an article
        better."""
        n = max(1, len(self.articles))
        owner = self.field_article
        return {
            w: math.log(1 + n / len({owner[f] for f in fields}))
            for w, fields in self.postings.items()
        }

    def _add(self, art: Article) -> None:
        n = len(self.articles)
        self.articles.append(art)
        self.article_start.append(len(self.field_kind))
        headings = [
            (HEADING, h.name) for h in (art.chapter, art.section, art.title_group) if h and h.name
        ]
        pairs = (
            [(TITLE, art.title)]
            + [(KEYWORD, k) for k in art.keywords]
            + [(SUMMARY, art.summary)]
            + headings
        )
        for kind, text in pairs:
            words = frozenset(normalise(text, True)) - STOPWORDS
            if words:
                for word in words:
                    self.postings.setdefault(word, []).append(len(self.field_kind))
                self.field_article.append(n)
                self.field_kind.append(kind)
                self.field_text.append(text)
                self.field_size.append(len(words))

    def find(
        self,
        query: str,
        *,
        within: tuple[str, ...] | None = None,
        limit: int = 10,
        cutoff: float = DEFAULT_CUTOFF,
    ) -> FindResult:
        """Rank articles for *query*, best first; *within* restricts to some instruments. Without
        *within*, an instrument or group the query names restricts it instead (see :meth:`read`)."""
        cited = self._citation(query, within)
        question = (
            self.read(query) if cited is None and within is None else Question(query, (), query)
        )
        if question.mentions:
            within = tuple(m for scope in question.scopes for m in self.corpus.members(scope))
        asked = plain(query)
        cited = cited or (self._citation(asked, within) if asked != query else None)
        candidates = self._score(
            question.asked, within, limit + 1
        )  # one spare: the cited article is shown apart
        skip = self.position[cited.article.id] if cited else -1
        top = max([c[0] for c in candidates] + ([cited.score] if cited else []), default=0.0)
        floor = max(cutoff, RELATIVE_CUTOFF * top)
        kept = heapq.nsmallest(
            limit, (c for c in candidates if c[0] >= floor and c[2] != skip), key=self._rank_key
        )
        ranked = ([cited] if cited else []) + [self._hit(c) for c in kept]
        return FindResult(query, tuple(ranked)[:limit], question.mentions, question.asked)

    def read(self, query: str) -> Question:
        """*query* read as a question: the instruments and groups it names, when it asks about
        something else too."""
        if len(query.split()) > MAX_TOKENS:
            return Question(query, (), query)
        question = read_question(self.resolver, query, self._titles_word)
        if not question.mentions or all(map(is_question_word, question.asked.split())):
            return Question(
                query, (), query
            )  # 'find "UN treaty"' searches for those words, as before
        return question

    def _titles_word(self, word: str) -> bool:
        """True when *word*, in any spelling, is a word of some article's title."""
        forms = {*normalise(word), word_form(spell(fold(word)))}
        return any(self.field_kind[f] == TITLE for w in forms for f in self.postings.get(w, ()))

    def _rank_key(self, candidate: tuple[float, str, int, int]) -> tuple[float, int, str, int]:
        score, kind, n, _ = candidate
        art = self.articles[n]
        return (-round(score, 1), FIELD_ORDER.get(kind, 9), art.instrument, _num(art.num))

    def _hit(self, candidate: tuple[float, str, int, int]) -> Hit:
        score, kind, n, fi = candidate
        return Hit(self.articles[n], round(score, 1), kind, self.field_text[fi])

    def _citation(self, query: str, within: tuple[str, ...] | None) -> Hit | None:
        """The article *query* cites, as a hit with full score ('un:40 para. 22' when a paragraph is
        named)."""
        cited = self.resolver.find_citation(query)
        if cited is None or (within and cited.article.instrument not in within):
            return None
        art_id = cited.article.id
        return Hit(
            cited.article,
            100.0,
            "citation",
            f"{art_id} para. {cited.pinpoint}" if cited.pinpoint else art_id,
        )

    def _score(
        self, query: str, within: tuple[str, ...] | None, keep: int
    ) -> list[tuple[float, str, int, int]]:
        """Candidates for *query*: every matching article, or at least the *keep* best when the rest
        provably cannot reach them (see :meth:`_bounded`)."""
        words = [
            w for w in dict.fromkeys(normalise(query)) if w not in STOPWORDS and w not in _ASKING
        ] or list(normalise(query))
        if not words:
            return []
        maps: list[dict[int, float]] = []
        weights = []
        for word in words:
            similar = self._similar(word)
            closest = max(
                similar.items(), key=lambda item: (item[1], -self.idf[item[0]]), default=None
            )
            weights.append(self.idf[closest[0]] if closest else 0.0)
            matches: dict[int, float] = {}
            for vocab_word, sim in sorted(
                similar.items(), key=lambda item: item[1]
            ):  # better matches overwrite
                matches.update(dict.fromkeys(self.postings[vocab_word], sim))
            maps.append(matches)
        return self._aggregate(weights, maps, within, keep)

    def _similar(self, word: str) -> dict[str, float]:
        """Vocabulary words close to *word*: exact, one typo in five letters, or *word* as a prefix
        or suffix.

        A word that kept an '-ing' the stemmer spared ('phising') is also tried without it ('phis'
        -> 'phish')."""
        found = self._close(word)
        if not found and word.endswith("ing") and len(word) >= 7:
            found = {w: min(s, 85.0) for w, s in self._close(word[:-3]).items()}
        return found

    def _close(self, word: str) -> dict[str, float]:
        """Vocabulary words spelled like *word*, with their similarity (see :meth:`_similar`)."""
        if (
            len(word) == 1 and not word.isascii() and cjk_patterns()[0].match(word)
        ):  # one CJK character: the pairs that hold it
            return {
                w: 100.0 if w == word else 90.0
                for w in self.vocabulary
                if word in w and cjk_patterns()[0].match(w)
            }
        if len(word) <= 3 or word.isdigit():
            return {word: 100.0} if word in self.postings else {}
        if (
            len(word) == 4
        ):  # too short for a typo to be told from another word: exact or prefix only
            found = {word: 100.0} if word in self.postings else {}
        else:
            found = similar(
                word, self.vocabulary, WORD_CUTOFF
            )  # rapidfuzz loads here, not for short words
        verb = (
            word[:-1] if len(word) >= 6 and word.endswith("e") else word
        )  # 'preserve' finds 'preservation'
        for w in self.vocabulary:
            if w not in found and (
                w.startswith(verb)
                or (len(word) >= 5 and len(w) - len(word) >= 3 and w.endswith(word))
            ):
                found[w] = 90.0
        return found

    def _aggregate(
        self,
        weights: list[float],
        maps: list[dict[int, float]],
        within: tuple[str, ...] | None,
        keep: int = 0,
    ) -> list[tuple[float, str, int, int]]:
        """Candidates (score, matched field kind, article, field): each article's best field, or its
        fields together ('words') when the query's words are spread over several of them."""
        known = [w for w in weights if w > 0]
        if not known:
            return []
        norm = (0.6 + 0.4 * len(known) / len(weights)) / sum(known)
        if (
            len(known) == 1
        ):  # the other words match nothing: they change the norm, not the scores' order
            weight, matches = next((w, m) for w, m in zip(weights, maps) if w > 0)
            scored = self._single(norm, weight, matches)
        else:
            scored = self._bounded(norm, weights, maps, within, keep) or self._several(
                norm, weights, maps
            )
        if within:
            scored = {n: c for n, c in scored.items() if self.articles[n].instrument in within}
        return list(scored.values())

    def _single(
        self, norm: float, weight: float, matches: dict[int, float]
    ) -> dict[int, tuple[float, str, int, int]]:
        """Each article's best field when one query word matches (as :meth:`_several` would score
        it)."""
        best: dict[int, tuple[float, str, int, int]] = {}
        articles, kinds, sizes = self.field_article, self.field_kind, self.field_size
        for fi, x in matches.items():
            kind = kinds[fi]
            score = WEIGHTS[kind] * (0.9 * (norm * (weight * x)) + 10 * min(1.0, 1 / sizes[fi]))
            n = articles[fi]
            old = best.get(n)
            if old is None or score > old[0] or (score == old[0] and fi < old[3]):
                best[n] = (score, kind, n, fi)
        return best

    def _bounded(
        self,
        norm: float,
        weights: list[float],
        maps: list[dict[int, float]],
        within: tuple[str, ...] | None,
        keep: int,
    ) -> dict[int, tuple[float, str, int, int]] | None:
        """The exact candidates of the articles that can reach the top, if at least *keep* of them
        provably outscore every other article; else None (then every article is scored).

        Two tiers are tried, the narrower first. With *w* the known query words' weights (a word
        matching no vocabulary word has none) and *s* = 0.9 * norm * 100 * (sum(w) - min(w)) + 10:
        1. articles with one field holding every known word: any other article scores at most
           max(s, SPREAD_WEIGHT * norm * 100 * sum(w)) (its best field, or its fields together);
        2. articles whose fields hold every known word between them: any other article scores at
           most s. Candidates must clear the bound by 0.1, so that no pruned article could tie with
           them once rounded."""
        known = [(w, m) for w, m in zip(weights, maps) if w > 0]
        if keep <= 0 or len(known) < 2:
            return None
        total = sum(w for w, _ in known)
        partial = 0.9 * norm * 100 * (total - min(w for w, _ in known)) + 10
        owner = self.field_article.__getitem__
        whole = set(known[0][1]).intersection(*(m for _, m in known[1:]))
        scored = self._tier(
            set(map(owner, whole)),
            max(partial, SPREAD_WEIGHT * norm * 100 * total),
            norm,
            weights,
            maps,
            within=within,
            keep=keep,
        )
        if scored is None:
            covering = set(map(owner, known[0][1]))
            for _, matches in known[1:]:
                covering.intersection_update(map(owner, matches))
            scored = self._tier(covering, partial, norm, weights, maps, within=within, keep=keep)
        return scored

    def _tier(
        self,
        owners: set[int],
        bound: float,
        norm: float,
        weights: list[float],
        maps: list[dict[int, float]],
        *,
        within: tuple[str, ...] | None,
        keep: int,
    ) -> dict[int, tuple[float, str, int, int]] | None:
        """The exact candidates of *owners* if at least *keep* of them score above *bound* + 0.1,
        else None."""
        if within:
            owners = {n for n in owners if self.articles[n].instrument in within}
        if len(owners) < keep:
            return None
        start = self.article_start
        fields = [
            fi
            for n in sorted(owners)
            for fi in range(start[n], start[n + 1])
            if any(fi in m for m in maps)
        ]
        scored = self._several(norm, weights, maps, fields)
        return scored if sum(1 for c in scored.values() if c[0] > bound + 0.1) >= keep else None

    def _several(
        self,
        norm: float,
        weights: list[float],
        maps: list[dict[int, float]],
        fields: Iterable[int] | None = None,
    ) -> dict[int, tuple[float, str, int, int]]:
        """Each article's best field, or its fields together, for a query of several words (the hot
        loop of find).

        *fields* (default: every field that holds a query word) must include all such fields of each
        article it touches. Of two fields with the same score, the first one counts."""
        best: dict[int, tuple[float, str, int, int]] = {}
        spread: dict[int, list[float]] = {}
        articles, kinds, sizes = self.field_article, self.field_kind, self.field_size
        for fi in sorted(set().union(*maps)) if fields is None else fields:
            sims = [m.get(fi, 0.0) for m in maps]
            kind = kinds[fi]
            wk = WEIGHTS[kind]
            covered = norm * sum(map(mul, weights, sims))
            matched = len(sims) - sims.count(0.0)
            n = articles[fi]
            scaled = [wk * x for x in sims]
            acc = spread.get(n)
            spread[n] = scaled if acc is None else list(map(max, acc, scaled))
            score = wk * (0.9 * covered + 10 * min(1.0, matched / sizes[fi]))
            old = best.get(n)
            if old is None or score > old[0]:
                best[n] = (score, kind, n, fi)
        for n, sims in spread.items():
            combined = SPREAD_WEIGHT * norm * sum(map(mul, weights, sims))
            if combined > best[n][0]:
                best[n] = (combined, "words", n, best[n][3])
        return best


_ASKING = frozenset(word_form(w) for w in QUESTION_WORDS) - {
    word_form(w) for w in ("article", "articles")
}
"""The question words as :func:`normalise` writes them ('does' -> 'doe'): left out of the words that
must match."""
FIELD_ORDER = {"citation": 0, TITLE: 1, KEYWORD: 2, "words": 3, SUMMARY: 4, HEADING: 5}


def _num(num: str) -> int:
    return int(re.sub(r"\D", "", num) or 0)
