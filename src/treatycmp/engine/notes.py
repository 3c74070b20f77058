"""T-CY Guidance Notes read against the treaties: each note's articles with their counterparts in another
instrument (the UN Convention by default), and notes found by what people type.

Pure functions over a loaded corpus; nothing here prints. A note's articles are shown only as the data lists
them: a note whose articles no source names has no rows, never guessed ones.
"""

from __future__ import annotations

from typing import NamedTuple

from ..models import Absence, Article, Corpus, GuidanceNote, Link, NoteArticle, Scope
from ..names.text import normalise
from .compare import absence_in, keeps, links_to

TITLE, KEYWORD, CITATION = "title", "keyword", "citation"
MIN_FUZZY = 85.0
"""Least similarity (rapidfuzz ``fuzz.ratio``) at which a query word of five letters or more matches a note's word."""
_STOP = frozenset({"a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with", "note", "guidance"})


class NoteRow(NamedTuple):
    """One article a note interprets, with its counterparts in the target instrument or why it has none."""

    ref: NoteArticle
    article: Article
    links: tuple[tuple[Link, Article], ...]
    absence: Absence | None = None


class NoteView(NamedTuple):
    """A Guidance Note read against *target*: its articles in the note's order."""

    note: GuidanceNote
    target: Scope
    rows: tuple[NoteRow, ...]


class NoteHit(NamedTuple):
    """A note matching a query: its score (0-100), the kind of field that matched and its text."""

    note: GuidanceNote
    score: float
    field: str
    matched: str


def note_view(corpus: Corpus, note: GuidanceNote, target: Scope, *, status: str | None = None,
              basis: str | None = None) -> NoteView:
    """*note* with each of its articles' links to *target* (and the declared absence when there is none)."""
    rows = []
    for ref in note.articles:
        if not corpus.has_article(ref.article):
            continue
        links = tuple((l, corpus.article(l.to_id)) for l in links_to(corpus, ref.article, target) if keeps(l, status, basis))
        absence = None if links else absence_in(corpus, ref.article, target)
        rows.append(NoteRow(ref, corpus.article(ref.article), links, absence if absence and keeps(absence, status, basis) else None))
    return NoteView(note, target, tuple(rows))


def find_notes(corpus: Corpus, query: str, *, limit: int = 10) -> tuple[NoteHit, ...]:
    """Notes whose title or a keyword holds the query's words (typos within about one edit in seven letters
    tolerated), best first; a note cited by number ('GN 3') comes first with a full score."""
    from ..names.citations import resolver_for

    cited = resolver_for(corpus).find_note(query)
    hits = [NoteHit(cited, 100.0, CITATION, cited.label)] if cited else []
    wanted = [w for w in normalise(query) if w not in _STOP]
    if wanted:
        for note in corpus.notes:
            hit = _best_field(note, wanted)
            if hit is not None and (cited is None or note.number != cited.number):
                hits.append(hit)
    hits.sort(key=lambda h: (-h.score, int(h.note.number)))
    return tuple(hits[:limit])


def _best_field(note: GuidanceNote, wanted: list[str]) -> NoteHit | None:
    """The note's title or keyword holding the most query words; a hit when it holds them all (two thirds of a
    query of three words or more)."""
    best: NoteHit | None = None
    for kind, text, weight in [(TITLE, note.title, 100.0)] + [(KEYWORD, k, 95.0) for k in note.keywords]:
        have = normalise(text)
        share = sum(1 for w in wanted if _holds(have, w)) / len(wanted)
        enough = share == 1 or (len(wanted) >= 3 and share >= 2 / 3)
        if enough and (best is None or weight * share > best.score):
            best = NoteHit(note, round(weight * share, 1), kind, text)
    return best


def _holds(have: tuple[str, ...], word: str) -> bool:
    if word in have:
        return True
    if len(word) < 5:
        return False
    from ..names.fuzzy import resembles

    return any(resembles(word, w, MIN_FUZZY) or (len(w) > len(word) and w.startswith(word)) for w in have)
