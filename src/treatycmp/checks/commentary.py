"""Commentary: the Guidance Notes (`guidance.yaml`), topic views (`topics.yaml`) and Explanatory
Report ranges (`explanatory.yaml`) name articles that exist, each once, with a source, and every
range reads `FIRST-LAST`.

### unknown-reference

An article of a Guidance Note, of a topic entry or of an Explanatory Report range that names no
article; reported at that value, with the range of the instrument's articles. An error, and
blocking: `notes`, `topic` and `show` would name an article that is not there.

```yaml
# failing: topics.yaml
topics:
  - {id: basics, name: Basics, entries: [{article: "a:9", reason: "r", source: analysis}]}
# passing
topics:
  - {id: basics, name: Basics, entries: [{article: "a:1", reason: "r", source: analysis}]}
```

### duplicate-note

Two Guidance Notes with the same number (in one file, or in two layered folders); reported at the
second number. An error, and blocking: "GN 3" would be ambiguous.

```yaml
# failing: guidance.yaml
notes:
  - {number: "1", title: "One", sources: ["s"]}
  - {number: "1", title: "Two", sources: ["s"]}
# passing
notes:
  - {number: "1", title: "One", sources: ["s"]}
  - {number: "2", title: "Two", sources: ["s"]}
```

### duplicate-topic

Two topics with the same id, or a topic name or alias that already names another topic (compared
without case or punctuation); reported at the second one. An error, and blocking: `treatycmp topic
NAME` would be ambiguous.

```yaml
# failing: topics.yaml
topics:
  - {id: basics, name: Basics, entries: [{article: "a:1", source: analysis}]}
  - {id: more, name: More, aliases: [basics], entries: [{article: "a:2", source: analysis}]}
# passing
topics:
  - {id: basics, name: Basics, entries: [{article: "a:1", source: analysis}]}
  - {id: more, name: More, aliases: [extras], entries: [{article: "a:2", source: analysis}]}
```

### duplicate-entry

An article listed twice in one topic or one Guidance Note (with the same paragraphs), or two ranges
of the same paragraphs for one article; reported at the second. An error, and blocking: the article
would be shown twice.

```yaml
# failing: guidance.yaml
notes:
  - {number: "1", title: "One", sources: ["s"], articles: [{article: "a:1"}, {article: "a:1"}]}
# passing
notes:
  - {number: "1", title: "One", sources: ["s"], articles: [{article: "a:1"}, {article: "a:2"}]}
```

### unsourced-entry

A Guidance Note without `sources`, a topic entry without `source`, or an Explanatory Report range
without a `source` (of its own or of its report); reported at the entry. A warning (an error with
`--strict`): the entry may be right, but no one can check it.

```yaml
# failing: topics.yaml
topics:
  - {id: basics, name: Basics, entries: [{article: "a:1", reason: "r"}]}
# passing
topics:
  - {id: basics, name: Basics, entries: [{article: "a:1", reason: "r", source: analysis}]}
```

### bad-range

An Explanatory Report range that does not read `FIRST-LAST` (or a single paragraph number) with
FIRST no greater than LAST, or that comments on an article of another instrument than the report's;
reported at the value. An error, and blocking: the card would show paragraphs that are not there.

```yaml
# failing: explanatory.yaml
reports:
  - {instrument: a, source: "s", paragraphs: [{article: "a:1", paragraphs: "58-51"}]}
# passing
reports:
  - {instrument: a, source: "s", paragraphs: [{article: "a:1", paragraphs: "51-58"}]}
```
"""

from __future__ import annotations

from typing import Iterator

from ..findings import ERROR, WARNING, Finding, Pos, make, place, sorted_ids
from ..models import Corpus, Topic
from ..names.citations import alias_key

CODES = {
    "unknown-reference": ERROR,
    "duplicate-note": ERROR,
    "duplicate-topic": ERROR,
    "duplicate-entry": ERROR,
    "unsourced-entry": WARNING,
    "bad-range": ERROR,
}
"""Every code this rule reports, with its severity."""

HINT = "(a document and locator, or 'analysis')"


def check(corpus: Corpus) -> Iterator[Finding]:
    """Guidance Notes, then topics, then Explanatory Report ranges."""
    yield from _notes(corpus)
    yield from _topics(corpus)
    yield from _ranges(corpus)


def _notes(corpus: Corpus) -> Iterator[Finding]:
    seen: dict[str, tuple[str, int]] = {}
    for note in corpus.notes:
        file = corpus.file_of(note)
        where = place(note.number_pos, note.line)
        if note.number in seen:
            yield make(
                file,
                where,
                ERROR,
                "duplicate-note",
                f"guidance note {note.number} is defined twice "
                f"(first at {_at(*seen[note.number])})",
            )
        seen.setdefault(note.number, (file, where[0]))
        if not note.sources:
            yield make(
                file,
                place(note.pos, note.line),
                WARNING,
                "unsourced-entry",
                f"guidance note {note.number} has no sources {HINT}",
            )
        listed: dict[tuple[str, str | None], int] = {}
        for ref in note.articles:
            ref_where = place(ref.article_pos, ref.line)
            yield from _unknown(
                corpus, file, ref_where, f"guidance note {note.number}", ref.article
            )
            key = (ref.article, ref.paragraphs)
            if key in listed:
                message = (
                    f"guidance note {note.number} lists {ref.article} twice (first at line "
                    f"{listed[key]})"
                )
                yield make(file, ref_where, ERROR, "duplicate-entry", message, article=ref.article)
            listed.setdefault(key, ref_where[0])


def _topics(corpus: Corpus) -> Iterator[Finding]:
    owners: dict[str, tuple[int, str, str, int]] = {}
    for n, topic in enumerate(corpus.topics):
        file = corpus.file_of(topic)
        yield from _topic_names(n, topic.id, file, _names(topic), owners)
        listed: dict[tuple[str, str | None], int] = {}
        for entry in topic.entries:
            where = place(entry.article_pos, entry.line)
            yield from _unknown(corpus, file, where, f"topic {topic.id!r} entry", entry.article)
            key = (entry.article, entry.paragraphs)
            if key in listed:
                message = (
                    f"topic {topic.id!r} lists {entry.article} twice (first at line {listed[key]})"
                )
                yield make(file, where, ERROR, "duplicate-entry", message, article=entry.article)
            listed.setdefault(key, where[0])
            if not entry.source:
                message = f"topic {topic.id!r} entry {entry.article} has no source {HINT}"
                yield make(
                    file,
                    place(entry.pos, entry.line),
                    WARNING,
                    "unsourced-entry",
                    message,
                    article=entry.article,
                )


def _names(topic: Topic) -> list[tuple[str, str, Pos]]:
    """(kind, name, where) of a topic's id, name and aliases."""
    names = [
        ("id", topic.id, place(topic.id_pos, topic.line)),
        ("name", topic.name, place(topic.pos, topic.line)),
    ]
    for i, alias in enumerate(topic.aliases):
        names.append(
            (
                "alias",
                alias,
                place(topic.alias_pos[i] if i < len(topic.alias_pos) else (0, 0), topic.line),
            )
        )
    return names


def _topic_names(
    n: int,
    topic_id: str,
    file: str,
    names: list[tuple[str, str, Pos]],
    owners: dict[str, tuple[int, str, str, int]],
) -> Iterator[Finding]:
    """The id of topic *n* defined before, or a name or alias of it that already names another
    topic."""
    for kind, name, where in names:
        key = alias_key(name) or name
        owner = owners.setdefault(key, (n, topic_id, file, where[0]))
        if owner[0] == n:
            continue
        if kind == "id" and owner[1] == topic_id:
            message = f"topic id {topic_id!r} is defined twice (first at {_at(owner[2], owner[3])})"
        else:
            message = f"{kind} {name!r} of topic {topic_id!r} already names topic {owner[1]!r}"
        yield make(file, where, ERROR, "duplicate-topic", message)
        if kind == "id":
            return


def _ranges(corpus: Corpus) -> Iterator[Finding]:
    listed: dict[tuple[str, str], int] = {}
    for er in corpus.er_ranges:
        file = corpus.file_of(er)
        where = place(er.article_pos, er.line)
        yield from _unknown(
            corpus, file, where, f"explanatory report of {er.instrument} range", er.article
        )
        value = place(er.paragraphs_pos, er.line)
        if er.bounds is None:
            message = (
                f"range {er.paragraphs!r} of {er.article} must read FIRST-LAST (or one "
                "paragraph), FIRST no greater than LAST"
            )
            yield make(file, value, ERROR, "bad-range", message, article=er.article)
        if er.article.partition(":")[0] != er.instrument:
            message = (
                f"the explanatory report of {er.instrument} cannot comment on {er.article}, an "
                "article of another instrument"
            )
            yield make(file, where, ERROR, "bad-range", message, article=er.article)
        key = (er.article, er.paragraphs)
        if key in listed:
            message = (
                f"range {er.paragraphs!r} of {er.article} is listed twice (first at line "
                f"{listed[key]})"
            )
            yield make(file, where, ERROR, "duplicate-entry", message, article=er.article)
        listed.setdefault(key, where[0])
        if not er.source:
            message = (
                f"range {er.paragraphs!r} of {er.article} has no source, nor has its report {HINT}"
            )
            yield make(
                file,
                place(er.pos, er.line),
                WARNING,
                "unsourced-entry",
                message,
                article=er.article,
            )


def _unknown(corpus: Corpus, file: str, where: Pos, what: str, ref: str) -> Iterator[Finding]:
    if corpus.has_article(ref):
        return
    inst_id = ref.partition(":")[0]
    known = {i.id: i for i in corpus.instruments}
    if inst_id not in known:
        yield make(
            file,
            where,
            ERROR,
            "unknown-reference",
            f"{what} names {ref!r}, an article of an unknown instrument",
            article=ref,
        )
        return
    nums = sorted_ids(a.id for a in known[inst_id].articles)
    span = (
        f" ({inst_id} has articles {nums[0].partition(':')[2]}–{nums[-1].partition(':')[2]})"
        if nums
        else ""
    )
    yield make(
        file,
        where,
        ERROR,
        "unknown-reference",
        f"{what} names unknown article {ref!r}{span}",
        article=ref,
    )


def _at(file: str, line: int) -> str:
    return f"{file} line {line}"
