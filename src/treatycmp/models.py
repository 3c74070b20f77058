"""Typed records of the corpus and the mapping (instruments, articles, groups, links, absences) and
of the commentary on them (T-CY Guidance Notes, topic views, Explanatory Report paragraph ranges),
and of who is bound by each instrument (``reach.yaml``)."""

# Annotations are evaluated here (no `from __future__ import annotations`): a NamedTuple would
# otherwise compile every field's annotation string at import, a cost paid at every start.

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Relation(str, Enum):
    """How a from-article relates to a to-article (NIST IR 8477 / OSCAL set-theory vocabulary)."""

    EQUAL = "equal"
    SUBSET = "subset"
    SUPERSET = "superset"
    INTERSECTS = "intersects"

    def inverse(self) -> "Relation":
        """The relation read in the other direction (subset and superset swap)."""
        return _INVERSE.get(self, self)


_INVERSE = {Relation.SUBSET: Relation.SUPERSET, Relation.SUPERSET: Relation.SUBSET}


class Status(str, Enum):
    """How far a link or absence has been checked: ``reviewed`` (both official texts compared) or
    ``draft``."""

    REVIEWED = "reviewed"
    DRAFT = "draft"

    def __str__(self) -> str:
        return self.value


class Basis(str, Enum):
    """What a link or absence rests on, strongest first (see ``docs/data-format.md``).

    Aligned with SSSOM's ``mapping_justification`` (SEMAPV): :attr:`semapv` gives the term each
    exports as."""

    OFFICIAL_TEXTS = "official-texts"
    ONE_OFFICIAL_TEXT = "one-official-text"
    PUBLISHED = "published"
    ANALYSIS = "analysis"

    def __str__(self) -> str:
        return self.value

    @property
    def meaning(self) -> str:
        """One line saying what this basis means, for legends."""
        return BASIS_MEANINGS[self]

    @property
    def semapv(self) -> str:
        """The SEMAPV mapping-justification term this basis exports as."""
        return _SEMAPV[self]


BASIS_MEANINGS = {
    Basis.OFFICIAL_TEXTS: "both official texts read",
    Basis.ONE_OFFICIAL_TEXT: "one official text read; the other side from its source instrument "
    "or a named secondary source",
    Basis.PUBLISHED: "a cited comparison states it",
    Basis.ANALYSIS: "the project's own reading: at least one side rests on no official text and "
    "no named source",
}
_SEMAPV = {
    Basis.OFFICIAL_TEXTS: "semapv:ManualMappingCuration",
    Basis.ONE_OFFICIAL_TEXT: "semapv:ManualMappingCuration",
    Basis.PUBLISHED: "semapv:BackgroundKnowledgeBasedMatching",
    Basis.ANALYSIS: "semapv:UnspecifiedMatching",
}


class Evidence(NamedTuple):
    """What was read on each side of a link (from, to) or an absence (the article, the instrument
    searched)."""

    first: str
    second: str


NONE = "none"
"""Relation label of a row with no counterpart."""


class Heading(NamedTuple):
    """One level of a treaty's hierarchy, such as chapter II or section 1."""

    num: str
    name: str

    def __str__(self) -> str:
        return f"{self.num} — {self.name}" if self.name else self.num


class Article(NamedTuple):
    """One article of one instrument."""

    instrument: str
    num: str
    title: str
    summary: str = ""
    chapter: Heading | None = None
    section: Heading | None = None
    title_group: Heading | None = None
    keywords: tuple[str, ...] = ()
    source: str = ""
    verified: bool = True
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    num_pos: tuple[int, int] = (0, 0)
    file: str = ""

    @property
    def id(self) -> str:
        return f"{self.instrument}:{self.num}"

    @property
    def place(self) -> str:
        """The article's place in the hierarchy, e.g. 'Chapter II › Section 1 › Title 1'."""
        parts = [("Chapter", self.chapter), ("Section", self.section), ("Title", self.title_group)]
        return " › ".join(f"{label} {heading}" for label, heading in parts if heading)


class Instrument(NamedTuple):
    """A treaty or protocol with its articles in treaty order."""

    id: str
    name: str
    short: str
    number: str
    articles: tuple[Article, ...]
    article_count: int
    aliases: tuple[str, ...] = ()
    adopted: str | None = None
    opened: str | None = None
    place: str | None = None
    in_force: str | None = None
    status_note: str = ""
    languages: tuple[str, ...] = ()
    url: str = ""
    sources: tuple[str, ...] = ()
    line: int = 0
    count_line: int = 0
    pos: tuple[int, int] = (0, 0)
    id_pos: tuple[int, int] = (0, 0)
    number_pos: tuple[int, int] = (0, 0)
    count_pos: tuple[int, int] = (0, 0)
    alias_pos: tuple[tuple[int, int], ...] = ()
    file: str = ""


class Group(NamedTuple):
    """A named set of instruments compared as one (e.g. `coe`: the Convention and its Protocols)."""

    id: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    id_pos: tuple[int, int] = (0, 0)
    member_pos: tuple[tuple[int, int], ...] = ()
    alias_pos: tuple[tuple[int, int], ...] = ()
    file: str = ""


class Link(NamedTuple):
    """A curated relation read as 'from-article is <relation> to-article'."""

    from_id: str
    to_id: str
    relation: Relation
    note: str = ""
    source: str = ""
    status: Status = Status.DRAFT
    from_paragraphs: str | None = None
    to_paragraphs: str | None = None
    line: int = 0
    derived: bool = False
    pos: tuple[int, int] = (0, 0)
    from_pos: tuple[int, int] = (0, 0)
    to_pos: tuple[int, int] = (0, 0)
    relation_pos: tuple[int, int] = (0, 0)
    file: str = ""
    basis: Basis | None = None
    evidence: Evidence | None = None
    reviewed: str | None = None

    def reversed(self) -> "Link":
        """The same link read from the other end (derived, never stored)."""
        evidence = Evidence(self.evidence.second, self.evidence.first) if self.evidence else None
        return Link(
            self.to_id,
            self.from_id,
            self.relation.inverse(),
            self.note,
            self.source,
            self.status,
            self.to_paragraphs,
            self.from_paragraphs,
            self.line,
            not self.derived,
            pos=self.pos,
            file=self.file,
            basis=self.basis,
            evidence=evidence,
            reviewed=self.reviewed,
        )


class Absence(NamedTuple):
    """An explicit statement that an article has no counterpart in an instrument or group."""

    article: str
    absent_in: str
    reason: str = ""
    source: str = ""
    status: Status = Status.DRAFT
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    article_pos: tuple[int, int] = (0, 0)
    absent_in_pos: tuple[int, int] = (0, 0)
    file: str = ""
    basis: Basis | None = None
    evidence: Evidence | None = None
    reviewed: str | None = None


class Comparison(NamedTuple):
    """A declared comparison whose source articles must all be linked or declared absent."""

    from_id: str
    to_id: str
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    from_pos: tuple[int, int] = (0, 0)
    to_pos: tuple[int, int] = (0, 0)
    file: str = ""


class Meta(NamedTuple):
    """Facts about the data set itself."""

    data_version: str = "unversioned"
    licence: str = ""


class Scope(NamedTuple):
    """An instrument or a group, as named on the command line."""

    id: str
    name: str
    members: tuple[str, ...]
    is_group: bool


def scope_of(corpus: "Corpus", scope_id: str) -> Scope:
    """The scope of a known instrument or group id."""
    for group in corpus.groups:
        if group.id == scope_id:
            return Scope(group.id, group.name, group.members, True)
    inst = corpus.instrument(scope_id)
    return Scope(inst.id, inst.short, (inst.id,), False)


NOTE_FACTS = ("title", "symbol", "plenary", "adopted", "articles")
"""The facts of a Guidance Note that its ``unconfirmed`` list may name."""


class NoteArticle(NamedTuple):
    """An article a Guidance Note interprets, with an optional paragraph pinpoint."""

    article: str
    paragraphs: str | None = None
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    article_pos: tuple[int, int] = (0, 0)
    file: str = ""


class GuidanceNote(NamedTuple):
    """A T-CY Guidance Note on the Budapest Convention; the facts named in ``unconfirmed`` are best
    readings."""

    number: str
    title: str
    symbol: str = ""
    plenary: str = ""
    adopted: str | None = None
    summary: str = ""
    keywords: tuple[str, ...] = ()
    articles: tuple[NoteArticle, ...] = ()
    sources: tuple[str, ...] = ()
    unconfirmed: tuple[str, ...] = ()
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    number_pos: tuple[int, int] = (0, 0)
    file: str = ""

    @property
    def id(self) -> str:
        """The note as a citation: 'gn:3'."""
        return f"gn:{self.number}"

    @property
    def label(self) -> str:
        """'GN 3'."""
        return f"GN {self.number}"

    def confirmed(self, fact: str) -> bool:
        """False when *fact* (one of :data:`NOTE_FACTS`) is a best reading that no source states
        outright."""
        return fact not in self.unconfirmed


class TopicEntry(NamedTuple):
    """An article listed under a topic, with why it belongs there and where that comes from."""

    article: str
    reason: str = ""
    source: str = ""
    paragraphs: str | None = None
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    article_pos: tuple[int, int] = (0, 0)
    file: str = ""


class Topic(NamedTuple):
    """A curated view of the articles of every instrument on one subject (safeguards, emergencies
    ...)."""

    id: str
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    entries: tuple[TopicEntry, ...] = ()
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    id_pos: tuple[int, int] = (0, 0)
    alias_pos: tuple[tuple[int, int], ...] = ()
    file: str = ""

    @property
    def ref(self) -> str:
        """The topic as a citation: 'topic:safeguards'."""
        return f"topic:{self.id}"


class ErRange(NamedTuple):
    """The paragraphs of an instrument's Explanatory Report that comment on one article ('51-58' or
    '51')."""

    article: str
    paragraphs: str
    source: str = ""
    report: str = ""
    instrument: str = ""
    line: int = 0
    pos: tuple[int, int] = (0, 0)
    article_pos: tuple[int, int] = (0, 0)
    paragraphs_pos: tuple[int, int] = (0, 0)
    file: str = ""

    @property
    def bounds(self) -> tuple[int, int] | None:
        """(first, last) paragraph, or None when the range is malformed."""
        return paragraph_bounds(self.paragraphs)

    def __str__(self) -> str:
        bounds = self.bounds
        if bounds is None:
            return f"ER ¶¶ {self.paragraphs}"
        first, last = bounds
        return f"ER ¶ {first}" if first == last else f"ER ¶¶ {first}–{last}"


def paragraph_bounds(text: str) -> tuple[int, int] | None:
    """'51-58' or '51–58' -> (51, 58); '51' -> (51, 51); None when malformed or backwards."""
    first, dash, last = text.replace("–", "-").partition("-")
    first, last = first.strip(), (last.strip() if dash else first.strip())
    if not (first.isascii() and first.isdigit() and last.isascii() and last.isdigit()):
        return None
    lo, hi = int(first), int(last)
    return (lo, hi) if 0 < lo <= hi else None


# Reach: dated snapshots of who is bound by each instrument, each with its source.
# A snapshot holds the counts its source states (Parties, signatories not yet Parties, States
# invited to accede,
# observer States; a count the source does not state is None) and, where the source lists them, the
# States with
# their signature and ratification or accession dates: a list that is complete, or partial with how
# many of how
# many States it names.

PARTY = "party"
SIGNATORY = "signatory"
STATUSES = (PARTY, SIGNATORY)
"""What a listed State is at the date of the snapshot: bound (a Party), or a signatory not yet
bound."""
HOW = ("ratification", "acceptance", "approval", "accession", "succession")
"""How a State became bound."""
COUNTS = ("parties", "signatories", "invited", "observers")
"""The counts a snapshot may state, in the order every view shows them."""
COUNT_LABELS = {
    "parties": "Parties",
    "signatories": "signatories",
    "invited": "invited to accede",
    "observers": "observer States",
}

Pos = tuple[int, int]


class Source(NamedTuple):
    """Where a snapshot comes from: a document, a locator in it and/or its address, and a note on
    how it was read."""

    document: str
    locator: str = ""
    url: str = ""
    note: str = ""

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.locator, self.url) if x)
        return f"{self.document} ({where})" if where else self.document


class Listed(NamedTuple):
    """One State (or regional organisation) named by a list, with its dates as the source gives
    them."""

    state: str
    """As written in the data: a name, or an ISO 3166-1 alpha-2 or alpha-3 code."""
    status: str
    signed: str | None = None
    bound: str | None = None
    how: str | None = None
    written: str = ""
    """The name as the source prints it, when the data identifies the State otherwise (a code, a
    translation)."""
    pos: Pos = (0, 0)
    state_pos: Pos = (0, 0)
    signed_pos: Pos = (0, 0)
    bound_pos: Pos = (0, 0)


class StateList(NamedTuple):
    """The States a source lists: complete, or partial with how many it names (*known*) of how many
    (*of*)."""

    complete: bool
    entries: tuple[Listed, ...]
    known: int | None = None
    of: int | None = None
    pos: Pos = (0, 0)
    complete_pos: Pos = (0, 0)
    known_pos: Pos = (0, 0)
    of_pos: Pos = (0, 0)

    def named(self, status: str) -> int:
        """How many entries have *status*."""
        return sum(1 for e in self.entries if e.status == status)


class Snapshot(NamedTuple):
    """What one source says of one instrument's reach at one date."""

    instrument: str
    date: str
    """ISO 8601: YYYY-MM-DD, or YYYY-MM when the source gives only the month."""
    source: Source
    parties: int | None = None
    signatories: int | None = None
    invited: int | None = None
    observers: int | None = None
    lower_bound: bool = False
    """True when the source prints no date: *date* is that of its latest entry, and the snapshot is
    of that day or later."""
    note: str = ""
    states: StateList | None = None
    line: int = 0
    pos: Pos = (0, 0)
    instrument_pos: Pos = (0, 0)
    date_pos: Pos = (0, 0)
    count_pos: tuple[tuple[str, Pos], ...] = ()
    file: str = ""

    def stated(self, name: str) -> int | None:
        """The count *name* (one of :data:`COUNTS`), or None when the source does not state it."""
        value: int | None = getattr(self, name)
        return value

    @property
    def has_counts(self) -> bool:
        return any(self.stated(c) is not None for c in COUNTS)

    @property
    def when(self) -> str:
        """The date as shown: '2025-11-14 or later' for a lower bound."""
        return f"{self.date} or later" if self.lower_bound else self.date

    def pos_of_count(self, name: str) -> Pos:
        return dict(self.count_pos).get(name, self.pos)


@dataclass(frozen=True)
class Corpus:
    """The whole loaded data set, with look-up indexes."""

    instruments: tuple[Instrument, ...]
    groups: tuple[Group, ...] = ()
    links: tuple[Link, ...] = ()
    absences: tuple[Absence, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    meta: Meta = Meta()
    articles_file: str = "data/articles.yaml"
    mapping_file: str = "data/mapping.yaml"
    notes: tuple[GuidanceNote, ...] = ()
    topics: tuple[Topic, ...] = ()
    er_ranges: tuple[ErRange, ...] = ()
    reach: tuple[Snapshot, ...] = ()
    _articles: dict[str, Article] = field(default_factory=dict, repr=False, compare=False)
    _links_of: dict[str, tuple[Link, ...]] = field(default_factory=dict, repr=False, compare=False)
    _link_ends: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _absences_of: dict[str, tuple[Absence, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _notes_of: dict[str, tuple[GuidanceNote, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _er_of: dict[str, tuple[ErRange, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        articles = {a.id: a for inst in self.instruments for a in inst.articles}
        ends: dict[
            str, list[int]
        ] = {}  # per article, its links in file order: i read from it, ~i read from the other end
        for i, link in enumerate(self.links):
            ends.setdefault(link.from_id, []).append(i)
            ends.setdefault(link.to_id, []).append(~i)
        object.__setattr__(self, "_articles", articles)
        object.__setattr__(self, "_link_ends", ends)
        object.__setattr__(self, "_links_of", {})  # filled by links_of()
        absences_of: dict[str, list[Absence]] = {}
        for absence in self.absences:
            absences_of.setdefault(absence.article, []).append(absence)
        object.__setattr__(self, "_absences_of", {k: tuple(v) for k, v in absences_of.items()})
        notes_of: dict[str, list[GuidanceNote]] = {}
        for note in self.notes:
            for ref in dict.fromkeys(a.article for a in note.articles):
                notes_of.setdefault(ref, []).append(note)
        er_of: dict[str, list[ErRange]] = {}
        for er in self.er_ranges:
            er_of.setdefault(er.article, []).append(er)
        object.__setattr__(self, "_notes_of", {k: tuple(v) for k, v in notes_of.items()})
        object.__setattr__(self, "_er_of", {k: tuple(v) for k, v in er_of.items()})

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        """Pickle the data only; the indexes are derived again on load."""
        return (
            Corpus,
            (
                self.instruments,
                self.groups,
                self.links,
                self.absences,
                self.comparisons,
                self.meta,
                self.articles_file,
                self.mapping_file,
                self.notes,
                self.topics,
                self.er_ranges,
                self.reach,
            ),
        )

    def file_of(
        self,
        record: Article
        | Instrument
        | Group
        | Link
        | Absence
        | Comparison
        | GuidanceNote
        | Topic
        | ErRange,
    ) -> str:
        """The label of the file *record* was read from (data folders can be layered)."""
        if record.file:
            return record.file
        return (
            self.articles_file
            if isinstance(record, (Article, Instrument, Group))
            else self.mapping_file
        )

    def instrument(self, instrument_id: str) -> Instrument:
        for inst in self.instruments:
            if inst.id == instrument_id:
                return inst
        raise KeyError(instrument_id)

    def article(self, article_id: str) -> Article:
        return self._articles[article_id]

    def has_article(self, article_id: str) -> bool:
        return article_id in self._articles

    def links_of(self, article_id: str) -> tuple[Link, ...]:
        """Every link touching *article_id*, oriented so that ``from_id`` is that article (reversed
        on first request)."""
        found = self._links_of.get(article_id)
        if found is None:
            found = tuple(
                self.links[i] if i >= 0 else self.links[~i].reversed()
                for i in self._link_ends.get(article_id, ())
            )
            self._links_of[article_id] = found
        return found

    def absences_of(self, article_id: str) -> tuple[Absence, ...]:
        return self._absences_of.get(article_id, ())

    def notes_of(self, article_id: str) -> tuple[GuidanceNote, ...]:
        """The Guidance Notes that name *article_id* among their articles, in note order."""
        return self._notes_of.get(article_id, ())

    def er_of(self, article_id: str) -> tuple[ErRange, ...]:
        """The Explanatory Report paragraph ranges that comment on *article_id*."""
        return self._er_of.get(article_id, ())

    def note(self, number: str) -> GuidanceNote:
        for note in self.notes:
            if note.number == number:
                return note
        raise KeyError(number)

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def members(self, scope_id: str) -> tuple[str, ...]:
        """Instrument ids of an instrument or group id."""
        for group in self.groups:
            if group.id == scope_id:
                return group.members
        return (scope_id,)
