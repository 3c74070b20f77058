"""T-CY Guidance Notes read against the treaties: each note's articles with their counterparts in
another instrument (the UN Convention by default).

Pure functions over a loaded corpus; nothing here prints. A note's articles are shown only as the
data lists them: a note whose articles no source names has no rows, never guessed ones."""

from __future__ import annotations

from typing import NamedTuple

from ..models import Absence, Article, Corpus, GuidanceNote, Link, NoteArticle, Scope
from .compare import absence_in, keeps, links_to


class NoteRow(NamedTuple):
    """One article a note interprets, with its counterparts in the target instrument or why it has
    none."""

    ref: NoteArticle
    article: Article
    links: tuple[tuple[Link, Article], ...]
    absence: Absence | None = None


class NoteView(NamedTuple):
    """A Guidance Note read against *target*: its articles in the note's order."""

    note: GuidanceNote
    target: Scope
    rows: tuple[NoteRow, ...]


def note_view(
    corpus: Corpus,
    note: GuidanceNote,
    target: Scope,
    *,
    status: str | None = None,
    basis: str | None = None,
) -> NoteView:
    """*note* with each of its articles' links to *target* (and the declared absence when there is
    none)."""
    rows = []
    for ref in note.articles:
        if not corpus.has_article(ref.article):
            continue
        links = tuple(
            (l, corpus.article(l.to_id))
            for l in links_to(corpus, ref.article, target)
            if keeps(l, status, basis)
        )
        absence = None if links else absence_in(corpus, ref.article, target)
        rows.append(
            NoteRow(
                ref,
                corpus.article(ref.article),
                links,
                absence if absence and keeps(absence, status, basis) else None,
            )
        )
    return NoteView(note, target, tuple(rows))
