"""Identity: every instrument, group and article id is unique, and no alias names two things.

Failing example (``articles.yaml``)::

    instruments:
      - id: budapest ...
      - id: budapest ...     # error duplicate-id: instrument 'budapest' is defined twice (first at line 5)
"""

from __future__ import annotations

from typing import Iterator

from ..findings import ERROR, Finding, make
from ..models import Corpus
from ..refs import alias_key


def check(corpus: Corpus) -> Iterator[Finding]:
    yield from _duplicate_scopes(corpus)
    yield from _duplicate_articles(corpus)
    yield from _shared_aliases(corpus)


def _duplicate_scopes(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for kind, scope_id, line in _scopes(corpus):
        if scope_id in seen:
            message = f"{kind} id {scope_id!r} is defined twice (first at line {seen[scope_id]})"
            yield make(corpus.articles_file, line, ERROR, "duplicate-id", message)
        seen.setdefault(scope_id, line)


def _scopes(corpus: Corpus) -> Iterator[tuple[str, str, int]]:
    for group in corpus.groups:
        yield "group", group.id, group.line
    for inst in corpus.instruments:
        yield "instrument", inst.id, inst.line


def _duplicate_articles(corpus: Corpus) -> Iterator[Finding]:
    for inst in corpus.instruments:
        seen: dict[str, int] = {}
        for article in inst.articles:
            if article.num in seen:
                message = f"article {article.id} is defined twice (first at line {seen[article.num]})"
                yield make(corpus.articles_file, article.line, ERROR, "duplicate-id", message, article.id)
            seen.setdefault(article.num, article.line)


def _shared_aliases(corpus: Corpus) -> Iterator[Finding]:
    owners: dict[str, str] = {}
    for scope_id, alias, line in _aliases(corpus):
        key = alias_key(alias)
        owner = owners.setdefault(key, scope_id)
        if owner != scope_id:
            message = f"alias {alias!r} of {scope_id!r} already names {owner!r}"
            yield make(corpus.articles_file, line, ERROR, "shared-alias", message)


def _aliases(corpus: Corpus) -> Iterator[tuple[str, str, int]]:
    for group in corpus.groups:
        for alias in (group.id, *group.aliases):
            yield group.id, alias, group.line
    for inst in corpus.instruments:
        for alias in (inst.id, inst.number, *inst.aliases):
            yield inst.id, alias, inst.line
