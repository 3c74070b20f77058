"""Identity: every instrument, group and article id is unique, and no alias names two things.

### duplicate-id

An instrument or group id defined twice, or an article number repeated within an instrument;
reported at the second id. An error, and blocking: references to the id would be ambiguous.

```yaml
# failing: the second 'num: "1"' of instrument c
    articles:
      - {num: "1", title: "Eins", summary: "s", source: "t"}
      - {num: "1", title: "Zwei", summary: "s", source: "t"}
# passing
    articles:
      - {num: "1", title: "Eins", summary: "s", source: "t"}
      - {num: "2", title: "Zwei", summary: "s", source: "t"}
```

### shadowed-id

An instrument or group id of a data folder layered over the shipped data (`--data DIR`) that the
shipped data already defines; reported at the id in the user's file. An error, and blocking: the
user's instrument would hide the shipped one. Choose another id, or replace the shipped data with
`--no-shipped`.

```yaml
# failing: a user's articles.yaml, layered over the shipped data
instruments:
  - id: budapest
# passing
instruments:
  - id: mylaw
```

### shadowed-alias

A name (id, alias, short name, name or treaty number) of an instrument or group of a data folder
layered over the shipped data that the shipped data reads as one of its own instruments or groups,
or that shares the one word by which a shipped instrument is cited ('Merida'); reported at the name
in the user's file. An error, and blocking: `treatycmp show "Merida 1"` would answer from the user's
instrument, or from none, instead of UNCAC. Choose a name of your own.

```yaml
# failing: a user's articles.yaml, layered over the shipped data ('Merida' cites UNCAC)
instruments:
  - id: mylaw
    aliases: ["Merida"]
# passing
instruments:
  - id: mylaw
    aliases: ["My Cybercrime Act"]
```

### shared-alias

An alias (or id, or treaty number) of one instrument or group that already names another, compared
without case or punctuation; reported at the alias (a treaty number that two instruments share is
reported as a shared number). An error, and blocking: `treatycmp diff alpha ...` could mean either.

```yaml
# failing: B takes the alias of A
  - id: b
    aliases: ["Alpha"]
# passing
  - id: b
    aliases: ["beta"]
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import ERROR, Finding, Pos, make, place
from ..models import Corpus
from ..names.citations import Resolver, alias_key, name_words

CODES = {
    "duplicate-id": ERROR,
    "shadowed-id": ERROR,
    "shadowed-alias": ERROR,
    "shared-alias": ERROR,
}
"""Every code this rule reports, with its severity."""


def check(corpus: Corpus) -> Iterator[Finding]:
    """Duplicate ids of scopes and articles, then aliases shared by two scopes, then names that
    shadow shipped ones."""
    yield from _duplicate_scopes(corpus)
    yield from _duplicate_articles(corpus)
    yield from _shared_aliases(corpus)
    yield from _shadowed_names(corpus)


def _duplicate_scopes(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[str, tuple[str, int]] = {}
    for kind, scope_id, pos, file in _scopes(corpus):
        if scope_id in seen:
            first_file, first_line = seen[scope_id]
            if first_file != file:
                message = (
                    f"{kind} id {scope_id!r} is already defined in {first_file} (line "
                    f"{first_line}); an id may not "
                    "shadow one of the data it is layered over: choose another id, or use "
                    "--no-shipped"
                )
                yield make(file, pos, ERROR, "shadowed-id", message)
            else:
                message = f"{kind} id {scope_id!r} is defined twice (first at line {first_line})"
                yield make(file, pos, ERROR, "duplicate-id", message)
        seen.setdefault(scope_id, (file, pos[0]))


def _scopes(corpus: Corpus) -> Iterator[tuple[str, str, Pos, str]]:
    for group in corpus.groups:
        yield "group", group.id, place(group.id_pos, group.line), corpus.file_of(group)
    for inst in corpus.instruments:
        yield "instrument", inst.id, place(inst.id_pos, inst.line), corpus.file_of(inst)


def _duplicate_articles(corpus: Corpus) -> Iterator[Finding]:
    for inst in corpus.instruments:
        seen: dict[str, int] = {}
        for article in inst.articles:
            if article.num in seen:
                message = (
                    f"article {article.id} is defined twice (first at line {seen[article.num]})"
                )
                where = place(article.num_pos, article.line)
                yield make(
                    corpus.file_of(article),
                    where,
                    ERROR,
                    "duplicate-id",
                    message,
                    article=article.id,
                )
            seen.setdefault(article.num, article.line)


def _shared_aliases(corpus: Corpus) -> Iterator[Finding]:
    owners: dict[str, tuple[str, str]] = {}
    files = {g.id: corpus.file_of(g) for g in corpus.groups} | {
        i.id: corpus.file_of(i) for i in corpus.instruments
    }
    for scope_id, kind, alias, pos in _aliases(corpus):
        key = alias_key(alias)
        owner, owner_kind = owners.setdefault(key, (scope_id, kind))
        if owner != scope_id:
            if kind == owner_kind == "number":
                message = f"number {alias!r} of {scope_id!r} is also the number of {owner!r}"
            else:
                message = (
                    f"{'alias' if kind == 'alias' else kind} {alias!r} of {scope_id!r} already "
                    f"names {owner!r}"
                )
            yield make(files[scope_id], pos, ERROR, "shared-alias", message)


def _aliases(corpus: Corpus) -> Iterator[tuple[str, str, str, Pos]]:
    """Every name of every scope with its kind and where it is written: id, treaty number,
    aliases."""
    for group in corpus.groups:
        yield group.id, "id", group.id, place(group.id_pos, group.line)
        yield from _each(group.id, group.aliases, group.alias_pos, group.line)
    for inst in corpus.instruments:
        yield inst.id, "id", inst.id, place(inst.id_pos, inst.line)
        yield inst.id, "number", inst.number, place(inst.number_pos, inst.line)
        yield from _each(inst.id, inst.aliases, inst.alias_pos, inst.line)


def _each(
    scope_id: str, names: tuple[str, ...], positions: tuple[Pos, ...], line: int
) -> Iterator[tuple[str, str, str, Pos]]:
    for i, name in enumerate(names):
        yield scope_id, "alias", name, place(positions[i] if i < len(positions) else (0, 0), line)


def _shadowed_names(corpus: Corpus) -> Iterator[Finding]:
    """Names of a layered file's scopes that take a citation the data below it reads as one of its
    own scopes."""
    files = list(
        dict.fromkeys(
            [corpus.file_of(i) for i in corpus.instruments]
            + [corpus.file_of(g) for g in corpus.groups]
        )
    )
    if len(files) < 2:
        return
    full = Resolver(corpus)
    for k, file in enumerate(files[1:], 1):
        below = Resolver(
            Corpus(
                tuple(i for i in corpus.instruments if corpus.file_of(i) in files[:k]),
                tuple(g for g in corpus.groups if corpus.file_of(g) in files[:k]),
            )
        )
        for scope_id, kind, name, pos in _names_in(corpus, file):
            shadowed = below.find_scope(name)
            if (
                shadowed is not None and alias_key(name) not in below.keys
            ):  # a shared key is a shared-alias
                message = (
                    f"{kind} {name!r} of {scope_id!r} shadows {shadowed!r}, which {files[0]} names "
                    f"so: "
                    f"'{name} 1' would cite {scope_id} instead; choose a name of your own"
                )
                yield make(file, pos, ERROR, "shadowed-alias", message)
                continue
            for word in dict.fromkeys(name_words(name)) if kind in _CITED_BY_WORDS else ():
                was = below.find_scope(word)
                if was is not None and was != scope_id and full.find_scope(word) != was:
                    message = (
                        f"{kind} {name!r} of {scope_id!r} takes the word {word!r}, which names "
                        f"{was!r} in "
                        f"{files[0]}: '{word} 1' would no longer cite {was}; choose a name of your "
                        f"own"
                    )
                    yield make(file, pos, ERROR, "shadowed-alias", message)
                    break


_CITED_BY_WORDS = frozenset({"id", "short name", "alias"})
"""The kinds of name whose single words cite a scope (its full name and treaty number cite only
whole)."""


def _names_in(corpus: Corpus, file: str) -> Iterator[tuple[str, str, str, Pos]]:
    """Every name a citation can use of each scope defined in *file*, with its kind and where it is
    written."""
    for group in corpus.groups:
        if corpus.file_of(group) == file:
            yield group.id, "id", group.id, place(group.id_pos, group.line)
            yield group.id, "name", group.name, place(group.pos, group.line)
            yield from _each(group.id, group.aliases, group.alias_pos, group.line)
    for inst in corpus.instruments:
        if corpus.file_of(inst) == file:
            yield inst.id, "id", inst.id, place(inst.id_pos, inst.line)
            yield inst.id, "short name", inst.short, place(inst.pos, inst.line)
            yield inst.id, "name", inst.name, place(inst.pos, inst.line)
            yield inst.id, "number", inst.number, place(inst.number_pos, inst.line)
            yield from _each(inst.id, inst.aliases, inst.alias_pos, inst.line)
