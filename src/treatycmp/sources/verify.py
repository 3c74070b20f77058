"""Checking an instrument of the corpus against its official text: titles, places and the own-words
rule."""

from __future__ import annotations

import re
from typing import Iterable, Iterator, NamedTuple, Sequence

from ..models import Article, Corpus, Heading, Instrument
from .headings import (
    CHAPTER,
    SECTION,
    TITLE,
    UNTITLED,
    Outline,
    OutlineArticle,
    OutlineFinding,
    heading_key,
    number_key,
)
from .texts import Line, SourceText
from .yamledit import Confirmation

CONFIRMED, DIFFERS, MISSING, EXTRA = "confirmed", "differs", "missing", "extra"
STATUSES = (CONFIRMED, DIFFERS, MISSING, EXTRA)
SHINGLE = 8
"""The own-words rule: no run of this many consecutive words of the official text in our own
texts."""
LEVELS = (("chapter", "Chapter"), ("section", "Section"), ("title_group", "Title"))
STATED_AS = {"chapter": CHAPTER, "section": SECTION, "title_group": TITLE}
"""The level of an outline heading that states each level of the hierarchy."""
WRAP_LINES = 3
"""How many lines a heading may wrap onto (in a PDF, a long title continues on the next line)."""
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b`\u00b4]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb]|''|``")
_WORD = re.compile(r"\w+")


class Difference(NamedTuple):
    """One field where the corpus and the text disagree: `title`, `chapter`, `section` or
    `title_group`."""

    field: str
    corpus: str
    text: str


class ArticleCheck(NamedTuple):
    """The outcome for one article: confirmed, differs, missing (not in the text) or extra (not in
    the corpus)."""

    num: str
    status: str
    corpus_title: str = ""
    text_title: str = ""
    corpus_place: str = ""
    text_place: str = ""
    differences: tuple[Difference, ...] = ()
    corpus_line: int = 0
    text_line: int = 0
    locator: str = ""
    verified: bool = True


class Prose(NamedTuple):
    """A text written in our own words: an article `summary`, a link `note` or an absence
    `reason`."""

    kind: str
    id: str
    line: int
    text: str


class Copied(NamedTuple):
    """A run of SHINGLE or more consecutive words that a prose text shares with the official
    text."""

    kind: str
    id: str
    line: int
    words: str
    text_line: int


class Verification(NamedTuple):
    """Every article check, the copied runs and the text's numbering findings, for one instrument
    and one text."""

    instrument: str
    source: str
    checks: tuple[ArticleCheck, ...]
    copied: tuple[Copied, ...]
    findings: tuple[OutlineFinding, ...] = ()
    not_compared: tuple[str, ...] = ()
    """The levels of the hierarchy (`chapter`, `section`, `title_group`) the text states no heading
    of."""

    def of(self, status: str) -> tuple[ArticleCheck, ...]:
        return tuple(c for c in self.checks if c.status == status)

    def counts(self) -> dict[str, int]:
        """How many articles are confirmed, differ, are missing or extra."""
        return {status: len(self.of(status)) for status in STATUSES}

    def exit_code(self) -> int:
        """0 when every article is confirmed and nothing is copied, 1 otherwise."""
        return 0 if all(c.status == CONFIRMED for c in self.checks) and not self.copied else 1

    def confirmations(self, *, include_verified: bool = False) -> tuple[Confirmation, ...]:
        """What `--write` records: the confirmed articles (by default only those still `verified:
        false`)."""
        return tuple(
            Confirmation(c.corpus_line, c.locator, self.not_compared)
            for c in self.checks
            if c.status == CONFIRMED and (include_verified or not c.verified)
        )


def verify(
    instrument: Instrument, outline: Outline, text: SourceText, prose: Sequence[Prose]
) -> Verification:
    """Compare *instrument*'s articles with the headings of *outline* and its own-words texts with
    *text*.

    Only the levels of the hierarchy that the text states are compared; the others are named once in
    a finding. A heading wrapped over lines is joined with the lines that follow it when that gives
    the corpus's wording."""
    locate = _locators(text)
    found: dict[str, OutlineArticle] = {}
    for art in outline.articles:
        found.setdefault(number_key(art.num), art)
    levels = stated_levels(outline)
    wraps = _Wraps(text, outline)
    checks = [
        _check(a, found.get(number_key(a.num)), locate, levels, wraps) for a in instrument.articles
    ]
    known = {number_key(a.num) for a in instrument.articles}
    checks += [_extra(art, locate) for key, art in found.items() if key not in known]
    copied = tuple(copied_runs(text, prose))
    unstated = tuple(
        f for f, _ in LEVELS if f not in levels and any(getattr(a, f) for a in instrument.articles)
    )
    return Verification(
        instrument.id,
        text.path,
        tuple(checks),
        copied,
        outline.findings + _unstated(unstated),
        unstated,
    )


def stated_levels(outline: Outline) -> tuple[str, ...]:
    """The levels of the hierarchy (`chapter`, `section`, `title_group`) of which the text states a
    heading."""
    stated = {h.level for h in outline.headings}
    return tuple(field for field, _ in LEVELS if STATED_AS[field] in stated)


def _unstated(fields: tuple[str, ...]) -> tuple[OutlineFinding, ...]:
    if not fields:
        return ()
    labels = [label.lower() for field, label in LEVELS if field in fields]
    names = " or ".join(filter(None, (", ".join(labels[:-1]), labels[-1])))
    those = "that level was" if len(fields) == 1 else "those levels were"
    return (
        OutlineFinding(
            "levels-not-compared",
            None,
            f"the text states no {names} headings: {those} not compared for any article",
        ),
    )


def _locators(text: SourceText) -> dict[int, str]:
    return {line.number: text.locator_of(line) for line in text.lines}


class _Wraps:
    """Reads a heading on across the lines that follow it (a title wrapped over two lines of a
    PDF)."""

    def __init__(self, text: SourceText, outline: Outline) -> None:
        self.lines = text.lines
        self.first: dict[int, int] = {}
        for i, line in enumerate(text.lines):
            self.first.setdefault(line.number, i)
        fields = {level: field for field, level in STATED_AS.items()}
        self.heading_lines: dict[tuple[str, Heading], int] = {}
        for h in outline.headings:
            self.heading_lines.setdefault((fields[h.level], h.heading), h.line)

    def joined(self, line_no: int | None, start: str, wanted: str) -> str | None:
        """*start*, found on line *line_no* or just below it, joined with up to WRAP_LINES lines
        that follow without a blank line between, when that gives the wording *wanted*; None when no
        join does."""
        head = plain_wording(start.rstrip("-")).casefold()
        if line_no is None or not head or not plain_wording(wanted).casefold().startswith(head):
            return None
        at = self._index(line_no, start)
        if at is None:
            return None
        heads = [start]
        for tail in self._following(at):
            heads = [joined for head in heads for joined in _joins(head, tail.text)]
            match = next((joined for joined in heads if same_wording(wanted, joined)), None)
            if match is not None:
                return match
        return None

    def _index(self, line_no: int, start: str) -> int | None:
        first = self.first.get(line_no)
        if first is None:
            return None
        near = [i for i in range(first, min(first + 4, len(self.lines))) if self.lines[i].text]
        return next((i for i in near if self.lines[i].text.endswith(start)), None)

    def _following(self, at: int) -> Iterator[Line]:
        for line in self.lines[at + 1 : at + 1 + WRAP_LINES]:
            if not line.text:
                return
            yield line


def _joins(head: str, tail: str) -> Iterator[str]:
    """The ways a line break may have cut *head* from *tail*: between words, or at a hyphen kept or
    dropped."""
    yield f"{head} {tail}"
    if head.endswith("-"):
        yield head + tail
        yield head[:-1] + tail


def _check(
    article: Article,
    found: OutlineArticle | None,
    locate: dict[int, str],
    levels: tuple[str, ...],
    wraps: _Wraps,
) -> ArticleCheck:
    base = ArticleCheck(
        article.num,
        MISSING,
        article.title,
        corpus_place=article.place,
        corpus_line=article.line,
        verified=article.verified,
    )
    if found is None:
        return base
    found = _unwrapped(article, found, wraps)
    differences = tuple(_differences(article, found, levels))
    return base._replace(
        status=DIFFERS if differences else CONFIRMED,
        text_title=found.title,
        text_place=place_of(found),
        differences=differences,
        text_line=found.line,
        locator=locate.get(found.line, ""),
    )


def _extra(found: OutlineArticle, locate: dict[int, str]) -> ArticleCheck:
    return ArticleCheck(
        found.num,
        EXTRA,
        text_title=found.title,
        text_place=place_of(found),
        text_line=found.line,
        locator=locate.get(found.line, ""),
    )


def _unwrapped(article: Article, found: OutlineArticle, wraps: _Wraps) -> OutlineArticle:
    """*found* with its title and level names read on across wrapped lines where that makes them
    match."""
    if not same_wording(article.title, found.title or UNTITLED):
        found = found._replace(
            title=wraps.joined(found.line, found.title, article.title) or found.title
        )
    for field, _label in LEVELS:
        ours, theirs = getattr(article, field), getattr(found, field)
        if (
            ours
            and theirs
            and theirs.name
            and heading_key(ours.num) == heading_key(theirs.num)
            and not same_wording(ours.name, theirs.name)
        ):
            name = wraps.joined(wraps.heading_lines.get((field, theirs)), theirs.name, ours.name)
            found = found._replace(**{field: theirs._replace(name=name)}) if name else found
    return found


def _differences(
    article: Article, found: OutlineArticle, levels: tuple[str, ...]
) -> Iterator[Difference]:
    if not same_wording(article.title, found.title or UNTITLED):
        yield Difference("title", article.title, found.title)
    for field, _label in LEVELS:
        if field not in levels:
            continue
        ours, theirs = getattr(article, field), getattr(found, field)
        if not same_heading(ours, theirs):
            yield Difference(field, str(ours or ""), str(theirs or ""))


def place_of(found: OutlineArticle) -> str:
    """The place of a heading found in the text, written like `Article.place`."""
    return " › ".join(
        f"{label} {getattr(found, field)}" for field, label in LEVELS if getattr(found, field)
    )


def plain_wording(text: str) -> str:
    """One spelling of a wording: dashes, quotes and white space unified, the first letter in lower
    case."""
    text = _DOUBLE_QUOTES.sub(
        '"', _SINGLE_QUOTES.sub("'", _DASHES.sub("-", text.replace("\u00ad", "")))
    )
    text = " ".join(text.split())
    return text[:1].lower() + text[1:]


def same_wording(ours: str, theirs: str) -> bool:
    """Equal after `plain_wording`; a text in capitals (which carries no case) is compared without
    case."""
    a, b = plain_wording(ours), plain_wording(theirs)
    if a == b:
        return True
    return (_capitals(ours) or _capitals(theirs)) and a.casefold() == b.casefold()


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def same_heading(ours: Heading | None, theirs: Heading | None) -> bool:
    """Same number (Roman equals Arabic) and, where the text names it, the same name."""
    if ours is None or theirs is None:
        return ours is theirs
    if heading_key(ours.num) != heading_key(theirs.num):
        return False
    return not theirs.name or same_wording(ours.name, theirs.name)


def prose_of(corpus: Corpus, instrument_id: str) -> tuple[Prose, ...]:
    """Our own texts touching *instrument_id*: its summaries, and the notes and reasons of its links
    and absences."""
    prefix = instrument_id + ":"
    out = [
        Prose("summary", a.id, a.line, a.summary)
        for a in corpus.instrument(instrument_id).articles
        if a.summary
    ]
    out += [
        Prose("note", f"{k.from_id} → {k.to_id}", k.line, k.note)
        for k in corpus.links
        if k.note and (k.from_id.startswith(prefix) or k.to_id.startswith(prefix))
    ]
    out += [
        Prose("reason", f"{s.article} absent in {s.absent_in}", s.line, s.reason)
        for s in corpus.absences
        if s.reason
        and (s.article.startswith(prefix) or instrument_id in corpus.members(s.absent_in))
    ]
    return tuple(out)


def words(text: str) -> list[str]:
    """The words of *text* in lower case, without punctuation."""
    return _WORD.findall(text.lower().replace("\u00ad", ""))


class ShingleIndex:
    """Every run of SHINGLE consecutive words of a text, with the line where it starts (built once
    per text)."""

    def __init__(self, text: SourceText, size: int = SHINGLE) -> None:
        self.size = size
        tokens = [(w, line.number) for line in text.lines for w in words(line.text)]
        self.starts: dict[tuple[str, ...], int] = {}
        for i in range(len(tokens) - size + 1):
            key = tuple(w for w, _ in tokens[i : i + size])
            self.starts.setdefault(key, tokens[i][1])

    def runs(self, text: str) -> Iterator[tuple[str, int]]:
        """The maximal runs of *text* found in the index: (the shared words, the text line where
        they start)."""
        tokens = words(text)
        hits = [
            self.starts.get(tuple(tokens[i : i + self.size]))
            for i in range(len(tokens) - self.size + 1)
        ]
        i = 0
        while i < len(hits):
            line = hits[i]
            if line is None:
                i += 1
                continue
            end = i
            while end + 1 < len(hits) and hits[end + 1] is not None:
                end += 1
            yield " ".join(tokens[i : end + self.size]), line
            i = end + 1


def copied_runs(text: SourceText, prose: Iterable[Prose]) -> Iterator[Copied]:
    """Every run of SHINGLE or more words that one of *prose* shares with *text*."""
    index = ShingleIndex(text)
    for item in prose:
        for shared, line in index.runs(item.text):
            yield Copied(item.kind, item.id, item.line, shared, line)
