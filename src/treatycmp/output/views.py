"""Neutral tables that every renderer understands: a view is a title, facts and sections of rows.

Also the vocabulary every output shares: relation symbols and meanings, and the status marks (a
draft row, an unconfirmed title) with the legend lines that explain them."""

# Annotations are evaluated here (no `from __future__ import annotations`): a NamedTuple would
# otherwise compile every field's annotation string at import, a cost paid at every start.

import re
from typing import NamedTuple

from ..models import Basis, Status

TEXT, ID, RELATION, BAR, NUMBER, SOURCE, STATUS = (
    "text",
    "id",
    "relation",
    "bar",
    "number",
    "source",
    "status",
)
TIGHT = frozenset({ID, NUMBER, RELATION, SOURCE, BAR, STATUS})
"""Column kinds sized to their content rather than sharing the width by ratio."""

RELATIONS = ("equal", "subset", "superset", "intersects", "none")
SYMBOLS = {
    "equal": "=",
    "subset": "⊂",
    "superset": "⊃",
    "intersects": "∩",
    "none": "∅",
    "absent": "∅",
    "unmapped": "?",
    "parties": "#",
    "signatories": "+",
    "invited": ".",
}
"""The symbol of each relation, and the glyph of each part of a bar in plain text (reach: parties,
signatories, invited)."""
MEANINGS = {
    "equal": "same measure; differences of wording only",
    "subset": "left article is narrower than its counterpart",
    "superset": "left article is broader than its counterpart",
    "intersects": "each covers something the other does not",
    "none": "no counterpart",
}

UNCONFIRMED = "†"
DRAFT, REVIEWED = Status.DRAFT.value, Status.REVIEWED.value
"""The status words every output shows (a row with no status reads as a draft)."""
UNMAPPED_MARK = "⚠"
MARK_LEGEND = {
    "unconfirmed": f"{UNCONFIRMED} title not yet confirmed against the official English text.",
    "unconfirmed_fact": f"{UNCONFIRMED} on a Guidance Note's fact: a best reading that no source "
    "we read states outright.",
    DRAFT: f"{DRAFT}: a row not yet checked against the official texts of both instruments "
    f"({REVIEWED}: both texts compared).",
    "unmapped": f"{UNMAPPED_MARK} not mapped: neither linked nor declared absent (see 'treatycmp "
    "check').",
    **{f"basis:{b.value}": f"basis {b.value}: {b.meaning}." for b in Basis},
    "reach": "Reach bars: Parties ('#' in plain text), then signatories not yet Parties ('+'), "
    "then States invited to "
    "accede ('.'); observer States are signatories or invited States, so they are not drawn again; "
    "a count "
    "the source does not state is '—'.",
}
"""What each status mark means, in the order legends print them."""


def label(relation: str) -> str:
    """'⊂ subset', '∅ none' ..."""
    return f"{SYMBOLS.get(relation, '')} {relation}".strip()


def status_word(status: str | None) -> str:
    """The status cell of a row: 'reviewed' or 'draft' (a row with no status is a draft)."""
    return REVIEWED if status == REVIEWED else DRAFT


def basis_word(basis: str | None) -> str:
    """The basis cell of a row: its basis, or '—' when it has none (or is not declared at all)."""
    return basis or "—"


def marked(text: str, confirmed: bool) -> str:
    """*text* (a title, a note's fact) as shown: marked † when it is not confirmed."""
    return text if confirmed or not text else f"{text} {UNCONFIRMED}"


class Column(NamedTuple):
    """A column: its key (for ``--columns`` and CSV), header, kind, relative width, and whether
    tables show it."""

    key: str
    header: str
    kind: str = TEXT
    ratio: int = 1
    min_width: int = 0
    in_tables: bool = True


class Ref(NamedTuple):
    """An article id with an optional paragraph pinpoint: shown 'budapest:1 ¶(a)-(d)', exported as
    the id."""

    id: str
    paragraphs: str | None = None

    def __str__(self) -> str:
        return f"{self.id} ¶{self.paragraphs}" if self.paragraphs else self.id


class Section(NamedTuple):
    """A titled table of rows; each row holds one value per column."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    empty: str = "(none)"
    exports_only: bool = False
    """A section that tables and documents leave out because the facts already show it (CSV keeps
    it)."""


class Figure(NamedTuple):
    """Headline counts for a slide: big numbers with their labels, the date they are of, and the
    source line."""

    title: str
    counts: tuple[tuple[str, str], ...]
    date: str
    source: str


class View(NamedTuple):
    """What a command shows: a title, key facts, sections, whether a relation legend applies, the
    status marks used (keys of :data:`MARK_LEGEND`), a closing line, and headline figures (slides
    show each on its own)."""

    title: str
    sections: tuple[Section, ...]
    facts: tuple[tuple[str, str], ...] = ()
    legend: bool = False
    footer: str = ""
    marks: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()

    def legend_lines(self) -> tuple[str, ...]:
        """The lines explaining each status mark this view uses and shows, in a fixed order."""
        shown = self.shown_text()
        return tuple(
            text for key, text in MARK_LEGEND.items() if key in self.marks and _shows(shown, key)
        )

    def shown_text(self) -> str:
        """The text tables and documents show: title, facts, and the headers and cells of the shown
        columns."""
        parts = [self.title, *(f"{k}: {v}" for k, v in self.facts)]
        for section in self.sections:
            if section.exports_only:
                continue
            keep = [i for i, c in enumerate(section.columns) if c.in_tables]
            parts += [section.columns[i].header for i in keep]
            parts += [str(row[i]) for row in section.rows for i in keep]
        return "\n".join(parts)


def _shows(text: str, mark: str) -> bool:
    """True when *text* shows *mark*: its symbol (†, ⚠) or its word ('draft', a basis such as
    'analysis')."""
    if mark in ("unconfirmed", "unconfirmed_fact"):
        return UNCONFIRMED in text
    if mark == "unmapped":
        return UNMAPPED_MARK in text
    word = mark.partition(":")[2] if mark.startswith("basis:") else mark if mark == DRAFT else ""
    return not word or re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


class MappingRow(NamedTuple):
    """One link or declared absence as a mapping between two articles (an absence has no object)."""

    subject_id: str
    subject_label: str
    relation: str
    """'equal', 'subset', 'superset', 'intersects', or 'none' for an absence."""
    object_id: str | None
    object_label: str
    subject_source: str
    """The instrument of the subject."""
    object_source: str
    """The instrument (or group) searched: the object's instrument, or where the subject is
    absent."""
    status: str
    basis: str | None
    note: str
    source: str
    evidence: tuple[str, str] | None = None
    reviewed: str | None = None


class MappingSet(NamedTuple):
    """The mapping rows of a report with what an interchange format says of the set."""

    rows: tuple[MappingRow, ...]
    data_version: str
    licence: str
    title: str


class Report(NamedTuple):
    """A command's answer: a view for tables and documents, stable data for JSON and, for the
    commands that answer with links and absences (diff, gaps, export), the same rows as a mapping
    set (SSSOM)."""

    command: str
    view: View
    data: object
    picked: tuple[str, ...] | None = None
    mappings: MappingSet | None = None

    def flat(self) -> Section:
        """All sections as one table (for CSV), with a leading 'part' column when there are
        several."""
        sections = self.view.sections
        if len(sections) == 1:
            return sections[0]
        columns: dict[str, Column] = {}
        for section in sections:
            for column in section.columns:
                columns.setdefault(column.key, column)
        rows = tuple((s.title, *_spread(s, row, columns)) for s in sections for row in s.rows)
        flat = Section(self.view.title, (Column("part", "part"), *columns.values()), rows)
        return _pick(flat, ("part", *self.picked)) if self.picked else flat


def _spread(
    section: Section, row: tuple[object, ...], columns: dict[str, Column]
) -> tuple[object, ...]:
    values = {c.key: v for c, v in zip(section.columns, row)}
    return tuple(values.get(key, "") for key in columns)


def table_columns(section: Section) -> Section:
    """The section without the columns meant only for exports (CSV)."""
    keep = [i for i, c in enumerate(section.columns) if c.in_tables]
    if len(keep) == len(section.columns):
        return section
    rows = tuple(tuple(row[i] for i in keep) for row in section.rows)
    return Section(section.title, tuple(section.columns[i] for i in keep), rows, section.empty)


def footnote_sources(section: Section, notes: dict[str, int]) -> Section:
    """Replace long texts in source columns by '[n]', numbering them in *notes* (shared across
    sections)."""
    idx = [i for i, c in enumerate(section.columns) if c.kind == SOURCE]
    if not idx:
        return section
    rows = []
    for row in section.rows:
        cells = list(row)
        for i in idx:
            text = str(cells[i])
            if len(text) > 24:
                cells[i] = f"[{notes.setdefault(text, len(notes) + 1)}]"
        rows.append(tuple(cells))
    return Section(section.title, section.columns, tuple(rows), section.empty)


def pick_columns(report: Report, keys: tuple[str, ...]) -> Report:
    """Keep only the columns named in *keys* (in that order); sections with none of them are
    dropped."""
    sections = tuple(
        _pick(s, keys) for s in report.view.sections if any(c.key in keys for c in s.columns)
    )
    return report._replace(view=report.view._replace(sections=sections), picked=keys)


def _pick(section: Section, keys: tuple[str, ...]) -> Section:
    index = {c.key: i for i, c in enumerate(section.columns)}
    chosen = [index[k] for k in keys if k in index]
    if not chosen:
        return section
    columns = tuple(section.columns[i] for i in chosen)
    rows = tuple(tuple(row[i] for i in chosen) for row in section.rows)
    return Section(section.title, columns, rows, section.empty)


def column_keys(report: Report) -> tuple[str, ...]:
    """Every column key any section of *report* has, in order."""
    keys: dict[str, None] = {"part": None} if len(report.view.sections) > 1 else {}
    for section in report.view.sections:
        for column in section.columns:
            keys.setdefault(column.key, None)
    return tuple(keys)
