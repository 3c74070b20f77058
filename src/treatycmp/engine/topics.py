"""Topic views: the articles of every instrument on one subject, each with its counterparts, and
what each framework lacks (the declared absences of those articles).

A framework is a group of instruments compared as one (``coe``: the Convention and its Protocols) or
an instrument in no group (``un``, ``untoc``, ``uncac``). Pure functions over a loaded corpus;
nothing here prints."""

from __future__ import annotations

from typing import NamedTuple

from ..models import Absence, Article, Corpus, Instrument, Link, Scope, Topic, TopicEntry, scope_of
from .compare import keeps


class TopicRow(NamedTuple):
    """One article of the topic, with why it belongs there, its counterparts and its declared
    absences."""

    entry: TopicEntry
    article: Article
    links: tuple[tuple[Link, Article], ...]
    absences: tuple[Absence, ...]


class Lack(NamedTuple):
    """A framework that has no counterpart to an article of the topic, as the mapping declares."""

    framework: Scope
    row: TopicRow
    absence: Absence


class TopicView(NamedTuple):
    """A topic: its rows grouped by instrument in corpus order (treaty order within each), and the
    lacks."""

    topic: Topic
    groups: tuple[tuple[Instrument, tuple[TopicRow, ...]], ...]
    lacks: tuple[Lack, ...]
    frameworks: tuple[Scope, ...]

    @property
    def rows(self) -> tuple[TopicRow, ...]:
        return tuple(row for _, rows in self.groups for row in rows)

    def framework_of(self, instrument_id: str) -> Scope:
        """The framework that holds *instrument_id*."""
        return next(f for f in self.frameworks if instrument_id in f.members)


def frameworks(corpus: Corpus) -> tuple[Scope, ...]:
    """Every group, and every instrument in no group, in the order of their first instrument."""
    out: dict[str, Scope] = {}
    for inst in corpus.instruments:
        group = next((g for g in corpus.groups if inst.id in g.members), None)
        scope = scope_of(corpus, group.id if group else inst.id)
        out.setdefault(scope.id, scope)
    return tuple(out.values())


def topic_view(
    corpus: Corpus, topic: Topic, *, status: str | None = None, basis: str | None = None
) -> TopicView:
    """*topic*'s articles by instrument with their counterparts; *status* and *basis* filter the
    links and absences."""
    by_instrument: dict[str, list[TopicRow]] = {}
    for entry in topic.entries:
        if not corpus.has_article(entry.article):
            continue
        art = corpus.article(entry.article)
        links = tuple(
            (l, corpus.article(l.to_id)) for l in corpus.links_of(art.id) if keeps(l, status, basis)
        )
        absences = tuple(a for a in corpus.absences_of(art.id) if keeps(a, status, basis))
        by_instrument.setdefault(art.instrument, []).append(TopicRow(entry, art, links, absences))
    groups = []
    for inst in corpus.instruments:
        if inst.id in by_instrument:
            order = {a.id: n for n, a in enumerate(inst.articles)}
            groups.append(
                (inst, tuple(sorted(by_instrument[inst.id], key=lambda r: order[r.article.id])))
            )
    scopes = frameworks(corpus)
    rank = {s.id: n for n, s in enumerate(scopes)}
    lacks = [
        Lack(_scope(corpus, a.absent_in), row, a)
        for _, rows in groups
        for row in rows
        for a in row.absences
    ]
    lacks.sort(key=lambda x: rank.get(x.framework.id, len(rank)))
    return TopicView(topic, tuple(groups), tuple(lacks), scopes)


def _scope(corpus: Corpus, scope_id: str) -> Scope:
    try:
        return scope_of(corpus, scope_id)
    except KeyError:  # an absence naming an unknown scope is reported by check; show it as named
        return Scope(scope_id, scope_id, (scope_id,), False)
