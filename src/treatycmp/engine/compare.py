"""The comparison engine: pure functions over a loaded corpus (no I/O).

Links are stored once; :func:`links_between` reads them in either direction, deriving the reverse
relation (subset <-> superset).
"""

# Annotations are evaluated here (no `from __future__ import annotations`): a NamedTuple would
# otherwise compile every field's annotation string at import, a cost paid at every start.

from typing import NamedTuple

from ..models import NONE, Absence, Article, Basis, Corpus, Evidence, Heading, Link, Scope, Status


class DiffRow(NamedTuple):
    """One row of a diff: a link, an article of A with no counterpart, or an article of B with
    nothing in A."""

    kind: str  # "link" | "gap" | "only_b"
    from_article: Article | None
    to_article: Article | None
    relation: str
    note: str = ""
    source: str = ""
    status: Status = Status.DRAFT
    from_paragraphs: str | None = None
    to_paragraphs: str | None = None
    declared: bool = True
    basis: Basis | None = None
    evidence: Evidence | None = None
    reviewed: str | None = None


class Diff(NamedTuple):
    """The answer to 'how does A line up with B?'."""

    a: Scope
    b: Scope
    rows: tuple[DiffRow, ...]
    filtered: bool = False

    def of_kind(self, kind: str) -> tuple[DiffRow, ...]:
        return tuple(r for r in self.rows if r.kind == kind)


class Gap(NamedTuple):
    """An article of A with no counterpart in B, and why."""

    article: Article
    reason: str
    source: str = ""
    declared: bool = True
    status: Status = Status.DRAFT
    basis: Basis | None = None
    evidence: Evidence | None = None
    reviewed: str | None = None


class Counterparts(NamedTuple):
    """One article with its links and declared absences in every other instrument."""

    article: Article
    links: tuple[tuple[Link, Article], ...]
    absences: tuple[Absence, ...]


def articles_of(corpus: Corpus, scope: Scope) -> tuple[Article, ...]:
    """The articles of every instrument of *scope*, in treaty order."""
    return tuple(a for inst_id in scope.members for a in corpus.instrument(inst_id).articles)


def links_to(corpus: Corpus, article_id: str, scope: Scope) -> tuple[Link, ...]:
    """Links from *article_id* to any article of *scope*, read from that article."""
    members = set(scope.members)
    return tuple(l for l in corpus.links_of(article_id) if l.to_id.partition(":")[0] in members)


def absence_in(corpus: Corpus, article_id: str, scope: Scope) -> Absence | None:
    """The absence entry that declares *article_id* absent in *scope* (or in a group holding it)."""
    members = set(scope.members)
    for absence in corpus.absences_of(article_id):
        if absence.absent_in == scope.id or members <= set(corpus.members(absence.absent_in)):
            return absence
    return None


def links_between(corpus: Corpus, a: Scope, b: Scope) -> tuple[Link, ...]:
    """All links between A and B, read from A, in A's treaty order."""
    return tuple(l for art in articles_of(corpus, a) for l in links_to(corpus, art.id, b))


def is_declared(corpus: Corpus, a: Scope, b: Scope) -> bool:
    """True when a comparison declared in the mapping covers A and B, either way round: each of its
    sides holds every member of one of them (without one, their rows are mostly 'not mapped')."""
    wanted = set(a.members), set(b.members)
    for c in corpus.comparisons:
        sides = set(corpus.members(c.from_id)), set(corpus.members(c.to_id))
        if _within(wanted, sides) or _within(wanted, sides[::-1]):
            return True
    return False


def _within(wanted: tuple[set[str], set[str]], sides: tuple[set[str], set[str]]) -> bool:
    return wanted[0] <= sides[0] and wanted[1] <= sides[1]


def diff(
    corpus: Corpus,
    a: Scope,
    b: Scope,
    *,
    chapter: str | None = None,
    relation: str | None = None,
    only: str | None = None,
    status: str | None = None,
    basis: str | None = None,
) -> Diff:
    """Links from A to B in A's order, then A's gaps, then B's articles with nothing in A.

    With *chapter*, B's articles with nothing in A are left out (they belong to no chapter of A).
    """
    rows: list[DiffRow] = []
    gap_rows: list[DiffRow] = []
    for art in in_chapter(articles_of(corpus, a), chapter):
        links = links_to(corpus, art.id, b)
        rows.extend(_link_row(corpus, l) for l in links)
        if not links:
            gap_rows.append(_gap_row(corpus, art, b))
    rows.extend(gap_rows)
    if chapter is None:
        rows.extend(_only_b_rows(corpus, a, b))
    kept = tuple(r for r in rows if _keep(r, relation, only) and keeps(r, status, basis))
    return Diff(a, b, kept, any(x is not None for x in (chapter, relation, only, status, basis)))


def keeps(
    row: DiffRow | Gap | Link | Absence, status: str | None = None, basis: str | None = None
) -> bool:
    """True when the row has review status *status* and basis *basis* (None accepts any).

    A row that is not declared at all (not mapped) has neither, so any filter leaves it out.
    """
    if status is None and basis is None:
        return True
    if not getattr(row, "declared", True):
        return False
    return (status is None or row.status == status) and (basis is None or row.basis == basis)


def _link_row(corpus: Corpus, link: Link) -> DiffRow:
    return DiffRow(
        "link",
        corpus.article(link.from_id),
        corpus.article(link.to_id),
        link.relation.value,
        link.note,
        link.source,
        link.status,
        link.from_paragraphs,
        link.to_paragraphs,
        basis=link.basis,
        evidence=link.evidence,
        reviewed=link.reviewed,
    )


def _gap_row(corpus: Corpus, art: Article, b: Scope) -> DiffRow:
    gap = gap_of(corpus, art, b)
    return _gap_diff_row("gap", art, None, gap)


def _gap_diff_row(kind: str, a: Article | None, b: Article | None, gap: Gap) -> DiffRow:
    return DiffRow(
        kind,
        a,
        b,
        NONE,
        gap.reason,
        gap.source,
        gap.status,
        declared=gap.declared,
        basis=gap.basis,
        evidence=gap.evidence,
        reviewed=gap.reviewed,
    )


def _only_b_rows(corpus: Corpus, a: Scope, b: Scope) -> list[DiffRow]:
    rows = []
    for art in articles_of(corpus, b):
        if not links_to(corpus, art.id, a):
            gap = gap_of(corpus, art, a)
            rows.append(_gap_diff_row("only_b", None, art, gap))
    return rows


def _keep(row: DiffRow, relation: str | None, only: str | None) -> bool:
    if only == "matched" and row.kind != "link":
        return False
    if only == "gaps" and row.kind == "link":
        return False
    return relation is None or row.relation == relation


def in_chapter(articles: tuple[Article, ...], chapter: str | None) -> tuple[Article, ...]:
    """The articles whose chapter matches *chapter* (all of them when it is None)."""
    if chapter is None:
        return articles
    return tuple(a for a in articles if a.chapter and chapter_matches(a.chapter, chapter))


def chapter_matches(heading: Heading, wanted: str) -> bool:
    """True when *wanted* names *heading* by roman or arabic number, or by (part of) its name."""
    w = wanted.strip().lower().removeprefix("chapter").strip()
    return w in (heading.num.lower(), _arabic(heading.num)) or (
        len(w) > 2 and w in heading.name.lower()
    )


def _arabic(roman: str) -> str:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total, prev = 0, 0
    for ch in reversed(roman.lower()):
        if ch not in values:
            return roman.lower()
        val = values[ch]
        total, prev = (total - val, prev) if val < prev else (total + val, val)
    return str(total)


def gap_of(corpus: Corpus, art: Article, b: Scope) -> Gap:
    """Why *art* has no counterpart in B: its declared absence, or 'not mapped'."""
    absence = absence_in(corpus, art.id, b)
    if absence is not None:
        return Gap(
            art,
            absence.reason,
            absence.source,
            True,
            absence.status,
            absence.basis,
            absence.evidence,
            absence.reviewed,
        )
    elsewhere = _linked_in_siblings(corpus, art, b)
    if elsewhere:
        return Gap(
            art,
            f"no counterpart in {b.id}; its counterparts elsewhere in the same framework: "
            f"{', '.join(elsewhere)}",
        )
    return Gap(art, "not mapped: no link and no declared absence", "", False)


def _linked_in_siblings(corpus: Corpus, art: Article, b: Scope) -> list[str]:
    """Articles linked to *art* in the other instruments of a group that holds B's instruments."""
    siblings = {
        m for g in corpus.groups if set(b.members) <= set(g.members) for m in g.members
    } - set(b.members)
    return [l.to_id for l in corpus.links_of(art.id) if l.to_id.partition(":")[0] in siblings]


def gaps(
    corpus: Corpus,
    a: Scope,
    b: Scope,
    *,
    chapter: str | None = None,
    status: str | None = None,
    basis: str | None = None,
) -> tuple[Gap, ...]:
    """A's articles with no link to any article of B."""
    arts = in_chapter(articles_of(corpus, a), chapter)
    found = (gap_of(corpus, art, b) for art in arts if not links_to(corpus, art.id, b))
    return tuple(g for g in found if keeps(g, status, basis))


def counterparts(
    corpus: Corpus, article: Article, *, status: str | None = None, basis: str | None = None
) -> Counterparts:
    """Every link and declared absence of *article*, in every other instrument."""
    links = tuple(
        (l, corpus.article(l.to_id)) for l in corpus.links_of(article.id) if keeps(l, status, basis)
    )
    return Counterparts(
        article, links, tuple(x for x in corpus.absences_of(article.id) if keeps(x, status, basis))
    )
