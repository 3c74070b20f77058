"""Turn engine results into :class:`~treatycmp.output.views.Report` objects.

Each command builds its rows once, as records (:mod:`.rows`): the JSON is the records, and the
table and CSV cells are what each column shows of them. Every view marks what is not yet certain:
a title not confirmed against the official text (†), a row whose status is draft (the Status
column), a row neither linked nor declared absent (⚠); the facts count them.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Iterable, Sequence, Union

from ..engine.compare import Counterparts, Diff, DiffRow, Gap
from ..findings import Finding
from ..models import Absence, Article, Corpus, Instrument, Link, Meta, Scope
from .rows import (
    PROVENANCE,
    Record,
    Show,
    Spec,
    basis,
    basis_counts,
    cells,
    counted,
    field,
    flagged,
    joined,
    public,
    ref,
    section,
    status,
    status_counts,
    status_marks,
    text,
    title_marks,
    titled,
)
from .views import (
    BAR,
    DRAFT,
    ID,
    NUMBER,
    RELATION,
    REVIEWED,
    SOURCE,
    STATUS,
    SYMBOLS,
    TEXT,
    UNCONFIRMED,
    Column,
    MappingRow,
    MappingSet,
    Ref,
    Report,
    Section,
    View,
    marked,
)

if TYPE_CHECKING:
    from ..engine.coverage import Coverage
    from ..engine.lineage import Lineage
    from ..engine.notes import NoteRow, NoteView
    from ..engine.topics import Lack, TopicRow, TopicView
    from ..models import GuidanceNote, Topic
    from ..names.notes_topics import NoteHit
    from ..names.search import FindResult
    from ..sources.verify import Verification

SOURCE_COLUMN = Column("source", "Source", SOURCE, 1)
ARTICLE_SPEC: Spec = (
    (Column("id", "Article", ID, 1, 11), field("id")),
    (Column("title", "Title", ratio=3), titled()),
)
STATUS_SPEC: Spec = (
    (Column("status", "Status", STATUS), status),
    (Column("basis", "Basis", STATUS), basis),
)
SOURCE_SPEC: Spec = ((SOURCE_COLUMN, field("source")),)

Row = Union[DiffRow, Gap, Link, Absence]


def absence_data(a: Absence, where: str) -> dict[str, object]:
    """An absence as JSON: where it is absent (key *where*), why, its source and review."""
    return {
        where: a.absent_in,
        "reason": a.reason,
        "source": a.source,
        "status": a.status.value,
        **provenance_data(a),
    }


def provenance_data(row: Row) -> dict[str, object]:
    """``basis``, ``evidence`` ({from, to} for a link, {article, absent_in} for an absence) and
    ``reviewed``."""
    e = row.evidence
    is_link = isinstance(row, Link) or (isinstance(row, DiffRow) and row.kind == "link")
    keys = ("from", "to") if is_link else ("article", "absent_in")
    return {
        "basis": row.basis.value if row.basis else None,
        "evidence": dict(zip(keys, e)) if e else None,
        "reviewed": row.reviewed,
    }


def article_data(art: Article) -> Record:
    """The stable JSON form of an article."""
    return {
        "id": art.id,
        "instrument": art.instrument,
        "num": art.num,
        "title": art.title,
        "chapter": str(art.chapter) if art.chapter else None,
        "section": str(art.section) if art.section else None,
        "title_group": str(art.title_group) if art.title_group else None,
        "summary": art.summary,
        "keywords": list(art.keywords),
        "source": art.source,
        "verified": art.verified,
    }


def _scope_label(scope: Scope) -> str:
    members = ", ".join(scope.members) if scope.is_group else scope.id
    return f"{scope.name} ({members})"


# ---------------------------------------------------------------- list, articles, the mapping

INSTRUMENT_SPEC: Spec = (
    (Column("id", "Id", ID, 1, 8), field("id")),
    (Column("name", "Instrument", ratio=3), field("short")),
    (Column("number", "Number", ratio=1), field("number")),
    (Column("opened", "Opened"), field("opened")),
    (Column("articles", "Articles", NUMBER), text("_articles")),
    (Column("unconfirmed", "Unconfirmed", NUMBER), text("unconfirmed_titles")),
    (Column("aliases", "Aliases", ratio=3), joined("aliases")),
)
GROUP_SPEC: Spec = (
    (Column("id", "Group", ID), field("id")),
    (Column("name", "Name", ratio=3), field("name")),
    (Column("members", "Members", ratio=2), joined("members")),
)


def instruments_report(corpus: Corpus) -> Report:
    """The instruments and groups, with what the mapping holds."""
    instruments = [_instrument_data(i) for i in corpus.instruments]
    groups = [
        {"id": g.id, "name": g.name, "members": list(g.members), "aliases": list(g.aliases)}
        for g in corpus.groups
    ]
    declared: list[Link | Absence] = [*corpus.links, *corpus.absences]
    rows: list[Record] = [
        {"status": r.status.value, "basis": r.basis.value if r.basis else None} for r in declared
    ]
    reviewed = sum(1 for r in rows if r["status"] == REVIEWED)
    facts = (
        ("data version", corpus.meta.data_version),
        ("mapping", f"{len(rows)} rows: {reviewed} reviewed, {len(rows) - reviewed} draft"),
        ("basis", basis_counts(rows)),
    )
    sections = (
        section("Instruments", INSTRUMENT_SPEC, instruments),
        section("Groups", GROUP_SPEC, groups),
    )
    mapping = {
        "rows": len(rows),
        "links": len(corpus.links),
        "absences": len(corpus.absences),
        "status": counted(r["status"] for r in rows),
        "basis": counted(r["basis"] or "none" for r in rows),
    }
    data = {
        "data_version": corpus.meta.data_version,
        "instruments": public(instruments),
        "groups": groups,
        "mapping": mapping,
    }
    return Report("list", View("Instruments", sections, facts), data)


def _instrument_data(inst: Instrument) -> Record:
    return {
        "id": inst.id,
        "name": inst.name,
        "short": inst.short,
        "number": inst.number,
        "adopted": inst.adopted,
        "opened": inst.opened,
        "place": inst.place,
        "in_force": inst.in_force,
        "status_note": inst.status_note,
        "languages": list(inst.languages),
        "url": inst.url,
        "aliases": list(inst.aliases),
        "article_count": inst.article_count,
        "sources": list(inst.sources),
        "unconfirmed_titles": sum(1 for a in inst.articles if not a.verified),
        "_articles": len(inst.articles),
    }


ARTICLES_SPEC: Spec = (
    *ARTICLE_SPEC,
    (Column("chapter", "Chapter", ratio=2), field("chapter")),
    (Column("keywords", "Keywords", ratio=2), lambda r: ", ".join(r["keywords"][:6])),
)


def articles_report(corpus: Corpus, scope: Scope, articles: tuple[Article, ...]) -> Report:
    """The articles of *scope* in treaty order."""
    rows = [article_data(a) for a in articles]
    names = [f"{i.name} ({i.number})" for i in (corpus.instrument(m) for m in scope.members)]
    unconfirmed = sum(1 for r in rows if not r["verified"])
    said = f" ({unconfirmed} titles unconfirmed)" if unconfirmed else ""
    facts = (
        ("instrument" if len(names) == 1 else "instruments", "; ".join(names)),
        ("articles", f"{len(rows)}{said}"),
    )
    view = View(
        f"{scope.name}: articles",
        (section(scope.name, ARTICLES_SPEC, rows),),
        facts,
        marks=title_marks(r["verified"] for r in rows),
    )
    return Report("articles", view, rows)


def mapping_set(rows: Iterable[MappingRow | None], meta: Meta, title: str) -> MappingSet:
    """The declared rows of a report as a mapping set (rows that are not declared are left out)."""
    declared = tuple(r for r in rows if r is not None)
    return MappingSet(declared, meta.data_version, meta.licence, title)


def link_mapping(link: Link | DiffRow, a: Article, b: Article) -> MappingRow:
    """A link (stored, derived or a diff row) from *a* to *b* as a mapping row."""
    relation = link.relation if isinstance(link, DiffRow) else link.relation.value
    return MappingRow(
        a.id,
        a.title,
        relation,
        b.id,
        b.title,
        a.instrument,
        b.instrument,
        link.status.value,
        link.basis.value if link.basis else None,
        link.note,
        link.source,
        link.evidence,
        link.reviewed,
    )


def absence_mapping(row: Absence | Gap | DiffRow, art: Article, absent_in: str) -> MappingRow:
    """A declared absence of *art* in *absent_in* as a mapping row with no object."""
    reason = row.reason if isinstance(row, (Absence, Gap)) else row.note
    return MappingRow(
        art.id,
        art.title,
        "none",
        None,
        "",
        art.instrument,
        absent_in,
        row.status.value,
        row.basis.value if row.basis else None,
        reason,
        row.source,
        row.evidence,
        row.reviewed,
    )


MAPPING_SPEC: Spec = (
    (Column("subject_id", "Article", ID, 1, 11), field("subject_id")),
    (Column("relation", "Relation", RELATION), field("relation")),
    (Column("object_id", "Counterpart", ID, 1, 11), field("object_id")),
    (Column("object_source", "In", ID), field("object_source")),
    *STATUS_SPEC,
    (Column("note", "Note / reason", ratio=5), field("note")),
    *SOURCE_SPEC,
    *PROVENANCE,
)


def mapping_report(corpus: Corpus) -> Report:
    """The whole mapping as stored: every link and every absence (``treatycmp export``); *corpus*
    may be a filtered copy (:func:`treatycmp.api.mapping_rows`)."""
    mappings = [
        link_mapping(l, corpus.article(l.from_id), corpus.article(l.to_id)) for l in corpus.links
    ]
    mappings += [
        absence_mapping(x, corpus.article(x.article), x.absent_in) for x in corpus.absences
    ]
    rows = [{**r._asdict(), "evidence": list(r.evidence) if r.evidence else None} for r in mappings]
    facts = (
        ("data version", corpus.meta.data_version),
        ("status", status_counts(rows)),
        ("basis", basis_counts(rows)),
    )
    view = View(
        "The mapping",
        (section("Mapping", MAPPING_SPEC, rows),),
        facts,
        legend=True,
        marks=status_marks(rows),
    )
    return Report(
        "export", view, rows, mappings=mapping_set(mappings, corpus.meta, "treatycmp mapping")
    )


# ---------------------------------------------------------------- diff and gaps


def _diff_specs(a: Scope, b: Scope) -> dict[str, Spec]:
    """The columns of each part of a diff: links, A's gaps, B's articles with nothing in A."""
    fa: Spec = (
        (Column("from", a.id, ID), ref("from", "from_paragraphs")),
        (Column("from_title", f"{a.id} title", ratio=3), titled("from_title", "from_verified")),
    )
    ta: Spec = (
        (Column("to", b.id, ID), ref("to", "to_paragraphs")),
        (Column("to_title", f"{b.id} title", ratio=3), titled("to_title", "to_verified")),
    )
    said: Spec = (
        *STATUS_SPEC,
        (Column("note", "Note / reason", ratio=5), flagged("note")),
        *SOURCE_SPEC,
    )
    paragraphs: Spec = (
        (Column("from_paragraphs", "¶", in_tables=False), field("from_paragraphs")),
        (Column("to_paragraphs", "¶", in_tables=False), field("to_paragraphs")),
    )
    relation: Spec = ((Column("relation", "Relation", RELATION), field("relation")),)
    return {
        "link": (*fa, *relation, *ta, *said, *paragraphs, *PROVENANCE),
        "gap": (*fa, *said, *PROVENANCE),
        "only_b": (*ta, *said, *PROVENANCE),
    }


def diff_parts(a: Scope, b: Scope) -> tuple[tuple[str, str], ...]:
    """The kind and title of each part of a diff: links, A's gaps, B's articles with none in A."""
    return (
        ("link", "Counterparts"),
        ("gap", f"{a.name}: no counterpart in {b.name}"),
        ("only_b", f"{b.name}: nothing in {a.name}"),
    )


def diff_report(diff: Diff, meta: Meta = Meta()) -> Report:
    """Links from A to B, A's gaps, and B's articles with nothing in A (a part a filter leaves
    empty is left out)."""
    a, b = diff.a, diff.b
    rows = [_diff_data(r) for r in diff.rows]
    parts = diff_parts(a, b)
    of_kind = {kind: [r for r in rows if r["kind"] == kind] for kind, _ in parts}
    specs = _diff_specs(a, b)
    sections = tuple(
        section(title_, specs[kind], of_kind[kind])
        for kind, title_ in parts
        if of_kind[kind] or not diff.filtered
    )
    n = {kind: len(of_kind[kind]) for kind, _ in parts}
    facts = (
        ("from", _scope_label(a)),
        ("to", _scope_label(b)),
        ("status", status_counts(rows)),
        ("basis", basis_counts(rows)),
        ("kinds", f"{n['link']} links · {n['gap']} gaps · {n['only_b']} only in {b.id}"),
    )
    verified = (v for r in rows for v in (r["from_verified"], r["to_verified"]))
    marks = title_marks(verified) + status_marks(rows)
    mappings = mapping_set(
        (_diff_mapping(r, a, b) for r in diff.rows), meta, f"{a.name} → {b.name}"
    )
    view = View(f"{a.name} → {b.name}", sections, facts, legend=True, marks=marks)
    return Report("diff", view, {"from": a.id, "to": b.id, "rows": rows}, mappings=mappings)


def _diff_mapping(row: DiffRow, a: Scope, b: Scope) -> MappingRow | None:
    if not row.declared:
        return None
    if row.kind == "link" and row.from_article and row.to_article:
        return link_mapping(row, row.from_article, row.to_article)
    if row.kind == "gap" and row.from_article:
        return absence_mapping(row, row.from_article, b.id)
    return absence_mapping(row, row.to_article, a.id) if row.to_article else None


def _diff_data(row: DiffRow) -> Record:
    fa, ta = row.from_article, row.to_article
    return {
        "kind": row.kind,
        "from": fa.id if fa else None,
        "from_title": fa.title if fa else None,
        "from_verified": fa.verified if fa else None,
        "to": ta.id if ta else None,
        "to_title": ta.title if ta else None,
        "to_verified": ta.verified if ta else None,
        "relation": row.relation,
        "note": row.note,
        "source": row.source,
        "status": row.status.value if row.declared else None,
        "declared": row.declared,
        "from_paragraphs": row.from_paragraphs,
        "to_paragraphs": row.to_paragraphs,
        **provenance_data(row),
    }


GAP_SPEC: Spec = (
    *ARTICLE_SPEC,
    *STATUS_SPEC,
    (Column("reason", "Why no counterpart", ratio=5), flagged("reason")),
    *SOURCE_SPEC,
    *PROVENANCE,
)


def gaps_report(a: Scope, b: Scope, gaps: tuple[Gap, ...], meta: Meta = Meta()) -> Report:
    """A's articles with no counterpart in B, with the reason (⚠ when nothing is declared)."""
    rows = [_gap_data(g) for g in gaps]
    facts = (
        ("from", _scope_label(a)),
        ("to", _scope_label(b)),
        ("status", status_counts(rows)),
        ("basis", basis_counts(rows)),
    )
    marks = title_marks(r["verified"] for r in rows) + status_marks(rows)
    name = f"{a.name}: no counterpart in {b.name}"
    declared = (absence_mapping(g, g.article, b.id) if g.declared else None for g in gaps)
    view = View(name, (section("Gaps", GAP_SPEC, rows),), facts, marks=marks)
    return Report("gaps", view, rows, mappings=mapping_set(declared, meta, name))


def _gap_data(gap: Gap) -> Record:
    return {
        "id": gap.article.id,
        "title": gap.article.title,
        "verified": gap.article.verified,
        "reason": gap.reason,
        "source": gap.source,
        "declared": gap.declared,
        "status": gap.status.value if gap.declared else None,
        **provenance_data(gap),
    }


# ---------------------------------------------------------------- one article

CARD_LINK_SPEC: Spec = (
    (Column("to", "Counterpart", ID, 1, 11), ref("to", "to_paragraphs")),
    (Column("title", "Title", ratio=3), titled()),
    (Column("relation", "Relation", RELATION, 1, 12), field("relation")),
    *STATUS_SPEC,
    (Column("note", "Note", ratio=5), field("note")),
    *SOURCE_SPEC,
    *PROVENANCE,
)
CARD_ABSENCE_SPEC: Spec = (
    (Column("absent_in", "Absent in", ID, 1, 8), field("instrument")),
    *STATUS_SPEC,
    (Column("reason", "Reason", ratio=5), field("reason")),
    *SOURCE_SPEC,
    *PROVENANCE,
)
ARTICLE_ROW_SPEC: Spec = tuple(
    (Column(k, k.capitalize()), show)
    for k, show in (
        ("id", field("id")),
        ("title", field("title")),
        ("place", field("_place")),
        ("summary", field("summary")),
        ("keywords", joined("keywords")),
        ("source", field("source")),
        ("verified", lambda r: "yes" if r["verified"] else "no"),
    )
)
"""The article itself as one row (for CSV; tables show it as the card's facts)."""


def card_report(
    corpus: Corpus, card: Counterparts, pinpoint: str | None = None, extra: Sequence[Section] = ()
) -> Report:
    """One article as a card; *extra* sections (e.g. Guidance Notes) follow its counterparts."""
    art = card.article
    data = _card_data(card, pinpoint)
    links, absences = data["links"], data["absent_in"]
    sections = (
        section("Article", ARTICLE_ROW_SPEC, [data["article"]], exports_only=True),
        section("Counterparts", CARD_LINK_SPEC, links),
        section("No counterpart in", CARD_ABSENCE_SPEC, absences),
        *extra,
    )
    marks = title_marks([art.verified, *(r["verified"] for r in links)]) + status_marks(
        [*links, *absences]
    )
    view = View(
        f"{art.id} — {art.title}",
        sections,
        _card_facts(corpus, art, pinpoint),
        legend=bool(links),
        marks=marks,
    )
    return Report("show", view, public(data))


def _card_facts(corpus: Corpus, art: Article, pinpoint: str | None) -> tuple[tuple[str, str], ...]:
    inst = corpus.instrument(art.instrument)
    verified = (
        "yes"
        if art.verified
        else f"no {UNCONFIRMED}: title not yet confirmed against the official text"
    )
    return tuple(
        (k, v)
        for k, v in (
            ("instrument", f"{inst.short} ({inst.number})"),
            ("place", art.place),
            ("pinpoint", f"¶ {pinpoint}" if pinpoint else ""),
            ("summary", art.summary),
            ("keywords", ", ".join(art.keywords)),
            ("source", art.source),
            ("verified", verified),
        )
        if v
    )


def _card_data(card: Counterparts, pinpoint: str | None) -> Record:
    links = [
        {
            "to": o.id,
            "instrument": o.instrument,
            "title": o.title,
            "verified": o.verified,
            "relation": l.relation.value,
            "note": l.note,
            "source": l.source,
            "status": l.status.value,
            "paragraphs": l.from_paragraphs,
            "to_paragraphs": l.to_paragraphs,
            "stored": not l.derived,
            **provenance_data(l),
        }
        for l, o in card.links
    ]
    absences = [absence_data(a, "instrument") for a in card.absences]
    article = {**article_data(card.article), "_place": card.article.place}
    return {"article": article, "pinpoint": pinpoint, "links": links, "absent_in": absences}


# ---------------------------------------------------------------- find, coverage, check, lineage

SCORE_SPEC: Spec = (
    (Column("score", "Score", NUMBER, 1, 5), lambda r: f"{r['score']:.0f}"),
    (Column("matched", "Matched", ratio=3), lambda r: f"{r['field']}: {r['matched']}"),
)


def find_report(result: FindResult) -> Report:
    """The articles matching a query, best first."""
    rows: list[Record] = [
        {
            "id": h.article.id,
            "title": h.article.title,
            "verified": h.article.verified,
            "score": h.score,
            "field": h.field,
            "matched": h.matched,
        }
        for h in result.hits
    ]
    view = View(
        f"Articles matching {result.query!r}",
        (section("Matches", (*ARTICLE_SPEC, *SCORE_SPEC), rows),),
        marks=title_marks(r["verified"] for r in rows),
    )
    return Report("find", view, rows)


def _coverage_spec(keys: tuple[str, ...]) -> Spec:
    """The chapter, the count of each relation in *keys*, the total, the drafts and the bar."""
    counts: Spec = tuple((Column(k, k, NUMBER), _count(k)) for k in keys)
    return (
        (Column("chapter", "Chapter", ratio=2), lambda r: r["chapter"] or "(no chapter)"),
        *counts,
        (Column("total", "total", NUMBER), text("total")),
        (Column("draft", "draft", NUMBER), lambda r: str(sum(r["draft"].values()))),
        (Column("chart", "", BAR, 2, 16), _coverage_bar),
    )


def _count(key: str) -> Show:
    return lambda r: str(r.get(key, 0))


def _coverage_bar(r: Record) -> tuple[tuple[str, int], ...]:
    """Per relation, the part on reviewed rows, then the part on draft rows."""
    from ..engine.coverage import COVERAGE_KEYS

    drafts = r["draft"]
    return tuple(
        part
        for k in COVERAGE_KEYS
        for part in ((k, r.get(k, 0) - drafts.get(k, 0)), (f"{k}:draft", drafts.get(k, 0)))
    )


def coverage_report(cov: Coverage) -> Report:
    """Per chapter of A, its articles by their strongest relation to B, then a total row."""
    from ..engine.coverage import COVERAGE_KEYS

    # 'unmapped' only when any article is
    keys = tuple(k for k in COVERAGE_KEYS if k != "unmapped" or cov.totals["unmapped"])
    data = _coverage_data(cov)
    spec = _coverage_spec(keys)
    totals = cells(spec, {**data["totals"], "chapter": "Total"})[:-1] + ((),)  # no bar
    chapters = section("Coverage", spec, data["chapters"])
    drafts = sum(cov.draft_totals.values())
    articles = sum(cov.totals.values())
    reviewed = articles - drafts - cov.totals["unmapped"]
    facts = (
        ("from", _scope_label(cov.a)),
        ("to", _scope_label(cov.b)),
        (
            "counted",
            "each article once, by its strongest relation (equal, subset, superset, intersects)",
        ),
        (
            "status",
            f"{articles} articles: {reviewed} on reviewed rows, {drafts} on draft rows "
            "(shaded in the bars; # in plain text)",
        ),
    )
    view = View(
        f"Coverage of {cov.a.name} in {cov.b.name}",
        (chapters._replace(rows=chapters.rows + (totals,)),),
        facts,
        legend=True,
        marks=(DRAFT,) if drafts else (),
    )
    return Report("coverage", view, data)


def _coverage_data(cov: Coverage) -> Record:
    chapters = [
        {
            "chapter": str(r.chapter) if r.chapter else None,
            **r.counts,
            "total": r.total,
            "draft": dict(r.drafts),
        }
        for r in cov.rows
    ]
    totals = {**cov.totals, "total": sum(cov.totals.values()), "draft": cov.draft_totals}
    return {"from": cov.a.id, "to": cov.b.id, "chapters": chapters, "totals": totals}


def _finding_spec(kind: str) -> Spec:
    """The columns of a finding, the fields the text and GitHub formats print; *kind* is that of
    file, severity and code."""
    keys = ("file", "line", "column", "severity", "code", "message")
    kinds = {"line": NUMBER, "column": NUMBER, "message": TEXT}
    return tuple((Column(k, k.capitalize(), kinds.get(k, kind)), itemgetter(k)) for k in keys)


def check_report(findings: list[Finding]) -> Report:
    """Findings of ``treatycmp check`` as a report (the text and GitHub formats print its rows as
    lines)."""
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    result = (
        "ok: no findings"
        if not findings
        else f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    rows = [
        {
            "severity": f.severity,
            "code": f.code,
            "file": f.file,
            "line": f.line,
            "column": f.column,
            "message": f.message,
            "article": f.article,
        }
        for f in findings
    ]
    view = View(
        "treatycmp check",
        (section("Findings", _finding_spec(ID), rows, "no findings"),),
        (("result", result),),
    )
    data = {"ok": not errors, "errors": errors, "warnings": warnings, "findings": rows}
    return Report("check", view, data)


def lineage_report(result: Lineage) -> Report:
    """Each article of the subject with its counterparts in every source, or 'new'."""
    origins: Spec = tuple(
        (Column(s.id, s.id if s.is_group else s.name, ratio=3), _origins(s.id))
        for s in result.sources
    )
    spec: Spec = (*ARTICLE_SPEC, *origins, (Column("origin", "Origin", ratio=1), _origin))
    rows = [_lineage_data(r.article, r.origins) for r in result.rows]
    counts = result.counts()
    summary = " · ".join(f"{counts[s.id]} with a counterpart in {s.id}" for s in result.sources)
    links = [o for r in rows for pairs in r["origins"].values() for o in pairs]
    facts = (
        ("articles", str(len(rows))),
        ("origins", summary),
        ("new", f"{counts['new']} with no counterpart in any"),
        ("links", status_counts(links)),
        ("basis", basis_counts(links)),
    )
    marks = title_marks(r["verified"] for r in rows) + status_marks(links)
    view = View(
        f"Lineage of {result.subject.name}",
        (section("Lineage", spec, rows),),
        facts,
        legend=True,
        marks=marks,
    )
    data = {
        "subject": result.subject.id,
        "sources": [s.id for s in result.sources],
        "summary": counts,
        "rows": rows,
    }
    return Report("lineage", view, public(data))


def _lineage_data(
    art: Article, origins: tuple[tuple[str, tuple[tuple[Link, Article], ...]], ...]
) -> Record:
    return {
        "id": art.id,
        "title": art.title,
        "verified": art.verified,
        "new": not any(pairs for _, pairs in origins),
        "origins": {
            s: [
                {
                    "id": o.id,
                    "title": o.title,
                    "relation": l.relation.value,
                    "note": l.note,
                    "source": l.source,
                    "status": l.status.value,
                    **provenance_data(l),
                    "_verified": o.verified,
                }
                for l, o in pairs
            ]
            for s, pairs in origins
        },
    }


def _origins(scope_id: str) -> Show:
    """An article's counterparts in one source: '⊂ budapest:2 Illegal access; = …' ('—': none)."""

    def show(r: Record) -> str:
        return (
            "; ".join(
                f"{SYMBOLS[o['relation']]} {o['id']} {marked(o['title'], o['_verified'])}"
                + _draft_suffix(o)
                for o in r["origins"][scope_id]
            )
            or "—"
        )

    return show


def _origin(r: Record) -> str:
    return "new" if r["new"] else ", ".join(s for s, pairs in r["origins"].items() if pairs)


def _draft_suffix(row: Record) -> str:
    return "" if row["status"] == REVIEWED else f" ({DRAFT})"


# ---------------------------------------------------------------- verify

VERIFY_SPEC: Spec = (
    (Column("id", "Article", ID), field("id")),
    (Column("status", "Result", STATUS), field("status")),
    (Column("title", "Title in the corpus", ratio=3), field("corpus_title")),
    (Column("text_title", "Title in the text", ratio=3), field("text_title")),
    (Column("locator", "Where", SOURCE), field("locator")),
)


def verify_report(v: Verification, articles_file: str, mapping_file: str) -> Report:
    """What ``treatycmp verify`` found: a finding per article that does not confirm, per copied
    run, per numbering problem of the text (the lines the text and GitHub formats print), then
    every article's outcome."""
    said = ", ".join(f"{n} {what}" for what, n in v.counts().items())
    result = f"{said}, {len(v.copied)} copied"
    data = _verify_data(v, result)
    findings = [
        _verify_finding(r, v.source, articles_file)
        for r in data["articles"]
        if r["status"] != "confirmed"
    ]
    findings += [_copied_finding(c, articles_file, mapping_file) for c in data["copied"]]
    findings += [
        {**_finding(v.source, f["line"], f["code"], f["message"]), "severity": "warning"}
        for f in data["text_findings"]
    ]
    sections = (
        section(
            "Findings", _finding_spec(TEXT), findings, "every article confirmed; no copied text"
        ),
        section("Articles", VERIFY_SPEC, data["articles"]),
    )
    view = View(f"{v.instrument} against {v.source}", sections, (("result", result),))
    return Report("verify", view, data)


def _finding(file: str, line: int | None, code: str, message: str) -> Record:
    return {
        "file": file,
        "line": line,
        "column": 1,
        "severity": "error",
        "code": code,
        "message": message,
    }


def _verify_finding(r: Record, source: str, articles_file: str) -> Record:
    """An article that does not confirm: missing in the text, not in the corpus, or differing."""
    if r["status"] == "missing":
        message = f"{r['id']} {r['corpus_title']!r} has no heading in the text"
        return _finding(articles_file, r["corpus_line"], "missing-in-text", message)
    if r["status"] == "extra":
        message = f"{r['id']} {r['text_title']!r} ({r['locator']}) is not in the corpus"
        return _finding(source, r["text_line"], "not-in-corpus", message)
    said = "; ".join(
        f"{d['field']}: corpus {d['corpus']!r}, text {d['text']!r}" for d in r["differences"]
    )
    message = f"{r['id']} differs from the text ({r['locator']}): {said}"
    return _finding(articles_file, r["corpus_line"], "differs", message)


def _copied_finding(c: Record, articles_file: str, mapping_file: str) -> Record:
    words = (
        f"{len(c['words'].split())} consecutive words of the text (line {c['text_line']}): "
        f"'{c['words']}'"
    )
    file = articles_file if c["kind"] == "summary" else mapping_file
    return _finding(file, c["line"], "copied-text", f"{c['kind']} of {c['id']} repeats {words}")


def _verify_data(v: Verification, result: str) -> Record:
    articles = [
        {
            "id": f"{v.instrument}:{c.num}",
            "status": c.status,
            "corpus_title": c.corpus_title,
            "text_title": c.text_title,
            "corpus_place": c.corpus_place,
            "text_place": c.text_place,
            "differences": [d._asdict() for d in c.differences],
            "corpus_line": c.corpus_line,
            "text_line": c.text_line,
            "locator": c.locator,
            "verified": c.verified,
        }
        for c in v.checks
    ]
    return {
        "instrument": v.instrument,
        "source": v.source,
        "ok": v.exit_code() == 0,
        "result": result,
        "counts": v.counts(),
        "articles": articles,
        "copied": [c._asdict() for c in v.copied],
        "text_findings": [f._asdict() for f in v.findings],
    }


# ---------------------------------------------------------- Guidance Notes, Explanatory Report

NOTE_LABEL: Spec = ((Column("note", "Note", ID, 1, 6), field("_label")),)


def fact(key: str) -> Show:
    """A note's fact as shown: marked † when the note lists it as unconfirmed."""
    return lambda r: marked(r[key] or "", key not in r["unconfirmed"])


def _note_articles(key: str) -> Show:
    """The articles a note names, with their paragraphs ('none named' when it names none)."""

    def show(r: Record) -> str:
        ids = ", ".join(str(Ref(a["id"], a["paragraphs"])) for a in r[key])
        return marked(ids, "articles" not in r["unconfirmed"]) if ids else "none named"

    return show


def note_marks(records: Iterable[Record]) -> tuple[str, ...]:
    """('unconfirmed_fact',) when any note of *records* has a fact that is a best reading."""
    return ("unconfirmed_fact",) if any(r["unconfirmed"] for r in records) else ()


def note_data(note: GuidanceNote) -> Record:
    """The stable JSON form of a Guidance Note; ``unconfirmed`` names the facts that are best
    readings."""
    return {
        "id": note.id,
        "number": note.number,
        "title": note.title,
        "symbol": note.symbol or None,
        "plenary": note.plenary or None,
        "adopted": note.adopted,
        "summary": note.summary,
        "keywords": list(note.keywords),
        "articles": [{"id": a.article, "paragraphs": a.paragraphs} for a in note.articles],
        "sources": list(note.sources),
        "unconfirmed": list(note.unconfirmed),
        "_label": note.label,
    }


NOTES_SPEC: Spec = (
    *NOTE_LABEL,
    (Column("title", "Title", ratio=4), fact("title")),
    (Column("symbol", "Symbol", ratio=1), fact("symbol")),
    (Column("plenary", "Adopted by", ratio=1), fact("plenary")),
    (Column("adopted", "Adopted"), fact("adopted")),
    (Column("articles", "Articles", ratio=2), _note_articles("articles")),
)


def notes_report(notes: Sequence[GuidanceNote]) -> Report:
    """Every Guidance Note with its facts (best readings marked †) and the articles it names."""
    rows = [note_data(n) for n in notes]
    named = [r for r in rows if r["articles"]]
    links = sum(len(r["articles"]) for r in named)
    articles = len({a["id"] for r in named for a in r["articles"]})
    unconfirmed = sum(1 for r in rows if r["unconfirmed"])
    facts = (
        ("notes", f"{len(rows)}: {unconfirmed} with a fact marked {UNCONFIRMED}"),
        (
            "articles",
            f"{links} links to {articles} articles in {len(named)} notes; "
            f"{len(rows) - len(named)} notes name none "
            "(no source we read names them)",
        ),
    )
    footer = (
        "treatycmp notes NUMBER shows one note with its articles' counterparts in the UN "
        "Convention."
    )
    view = View(
        "T-CY Guidance Notes",
        (section("Guidance Notes", NOTES_SPEC, rows),),
        facts,
        marks=note_marks(rows),
        footer=footer,
    )
    return Report("notes", view, public(rows))


def _note_row_spec(target: Scope) -> Spec:
    """An article of a note, then one of its counterparts in *target* (or why it has none)."""
    return (
        (Column("article", "Article", ID, 1, 11), ref("id", "paragraphs")),
        (Column("title", "Title", ratio=3), titled()),
        (Column("relation", "Relation", RELATION), field("relation")),
        (Column("to", target.id, ID, 1, 8), ref("to", "to_paragraphs")),
        (Column("to_title", f"{target.id} title", ratio=3), titled("to_title", "to_verified")),
        *STATUS_SPEC,
        (Column("note", "Note / reason", ratio=5), flagged("note")),
        *SOURCE_SPEC,
    )


def note_report(view: NoteView) -> Report:
    """One note: its facts, then each of its articles beside its counterparts in the target
    instrument."""
    note, target = view.note, view.target
    articles = [_note_row_data(r) for r in view.rows]
    lines = [line for r in articles for line in _note_lines(r)]
    empty = "(no source we read names the articles this note covers)"
    part = section(
        f"Articles and their counterparts in {target.name}", _note_row_spec(target), lines, empty
    )
    sources = Section(
        "Sources",
        (Column("n", "#", NUMBER), Column("source", "Source", ratio=8)),
        tuple((str(i), s) for i, s in enumerate(note.sources, 1)),
    )
    record = note_data(note)
    verified = (v for r in lines for v in (r["verified"], r["to_verified"]))
    marks = note_marks([record]) + title_marks(verified) + status_marks(lines)
    words = note.keywords[0] if note.keywords else note.title
    footer = (
        ""
        if note.articles
        else (
            "No source we read names the articles this note covers; "
            f"'treatycmp find {words}' searches the articles."
        )
    )
    out = View(
        f"GN {note.number} — {marked(note.title, note.confirmed('title'))}",
        (part, sources),
        _note_facts(note, target),
        legend=bool(lines),
        footer=footer,
        marks=marks,
    )
    return Report("notes", out, {"note": public(record), "to": target.id, "articles": articles})


def _note_facts(note: GuidanceNote, target: Scope) -> tuple[tuple[str, str], ...]:
    def shown(name: str, value: str) -> str:
        return marked(value, note.confirmed(name))

    articles = (
        shown("articles", f"{len(note.articles)} named")
        if note.articles
        else "none named by any source we read"
    )
    return tuple(
        (k, v)
        for k, v in (
            ("note", f"T-CY Guidance Note #{note.number}"),
            ("title", shown("title", note.title)),
            ("symbol", shown("symbol", note.symbol)),
            ("adopted by", shown("plenary", note.plenary)),
            ("adopted", shown("adopted", note.adopted or "")),
            ("summary", note.summary),
            ("keywords", ", ".join(note.keywords)),
            ("articles", articles),
            ("read against", f"{target.name} ({target.id})"),
        )
        if v
    )


def _note_lines(r: Record) -> list[Record]:
    """The table lines of one article of a note: one per counterpart, else its absence, else
    'not mapped'."""
    head = {
        "id": r["id"],
        "title": r["title"],
        "verified": r["verified"],
        "paragraphs": r["paragraphs"],
    }
    if r["counterparts"]:
        return [
            {
                **head,
                "relation": c["relation"],
                "to": c["id"],
                "to_title": c["title"],
                "to_verified": c["verified"],
                "to_paragraphs": c["to_paragraphs"],
                "status": c["status"],
                "basis": c["basis"],
                "note": c["note"],
                "source": c["source"],
            }
            for c in r["counterparts"]
        ]
    none = {
        **head,
        "relation": "none",
        "to": "",
        "to_title": None,
        "to_verified": None,
        "to_paragraphs": None,
    }
    if r["absent"]:
        a = r["absent"]
        return [
            {
                **none,
                "status": a["status"],
                "basis": a["basis"],
                "note": a["reason"],
                "source": a["source"],
            }
        ]
    return [
        {
            **none,
            "status": None,
            "basis": None,
            "source": "",
            "declared": False,
            "note": "not mapped: no link and no declared absence",
        }
    ]


def _note_row_data(row: NoteRow) -> Record:
    absence = row.absence
    counterparts = [
        {
            "id": o.id,
            "title": o.title,
            "verified": o.verified,
            "relation": l.relation.value,
            "note": l.note,
            "source": l.source,
            "status": l.status.value,
            "to_paragraphs": l.to_paragraphs,
            **provenance_data(l),
        }
        for l, o in row.links
    ]
    absent = (
        {
            "reason": absence.reason,
            "source": absence.source,
            "status": absence.status.value,
            **provenance_data(absence),
        }
        if absence
        else None
    )
    return {
        "id": row.article.id,
        "title": row.article.title,
        "verified": row.article.verified,
        "paragraphs": row.ref.paragraphs,
        "counterparts": counterparts,
        "absent": absent,
        "declared": bool(row.links or absence),
    }


CARD_NOTES_SPEC: Spec = (
    *NOTE_LABEL,
    (Column("title", "Title", ratio=4), fact("title")),
    (Column("adopted", "Adopted"), fact("adopted")),
    (Column("paragraphs", "¶"), joined("paragraphs")),
)


def _card_notes_data(corpus: Corpus, art: Article) -> list[Record]:
    """The Guidance Notes that interpret *art*, with the paragraphs of it they name."""
    return [
        {
            "id": n.id,
            "number": n.number,
            "title": n.title,
            "adopted": n.adopted,
            "paragraphs": [
                a.paragraphs for a in n.articles if a.article == art.id and a.paragraphs
            ],
            "unconfirmed": list(n.unconfirmed),
            "_label": n.label,
        }
        for n in corpus.notes_of(art.id)
    ]


def er_fact(corpus: Corpus, art: Article) -> str:
    """'ER ¶¶ 51–58 (Explanatory Report to ...)', or '' when no range is confirmed."""
    ranges = corpus.er_of(art.id)
    if not ranges:
        return ""
    reports = "; ".join(dict.fromkeys(r.report for r in ranges if r.report))
    return ", ".join(str(r) for r in ranges) + (f" ({reports})" if reports else "")


def article_card(corpus: Corpus, card: Counterparts, pinpoint: str | None = None) -> Report:
    """The card of ``show``: :func:`card_report` with the article's Guidance Notes and Explanatory
    Report paragraphs."""
    art = card.article
    notes = _card_notes_data(corpus, art)
    extra = (section("Guidance Notes", CARD_NOTES_SPEC, notes),) if notes else ()
    report = card_report(corpus, card, pinpoint, extra=extra)
    facts = list(report.view.facts)
    er = er_fact(corpus, art)
    if er:
        at = next((i + 1 for i, (k, _) in enumerate(facts) if k == "source"), len(facts))
        facts.insert(at, ("explanatory report", er))
    view = report.view._replace(facts=tuple(facts), marks=report.view.marks + note_marks(notes))
    data = dict(report.data) if isinstance(report.data, dict) else {}
    data["guidance_notes"] = public(notes)
    data["explanatory_report"] = [
        {
            "paragraphs": r.paragraphs,
            "first": r.bounds[0] if r.bounds else None,
            "last": r.bounds[1] if r.bounds else None,
            "report": r.report,
            "source": r.source,
        }
        for r in corpus.er_of(art.id)
    ]
    return report._replace(view=view, data=data)


FIND_NOTES_SPEC: Spec = (
    *NOTE_LABEL,
    (Column("title", "Title", ratio=3), titled()),
    SCORE_SPEC[0],
    (Column("matched", "Matched", ratio=2), SCORE_SPEC[1][1]),
    (Column("articles", "Articles", ratio=2), _note_articles("_articles")),
)


def find_all_report(result: FindResult, notes: Sequence[NoteHit]) -> Report:
    """:func:`find_report` with a second section of matching Guidance Notes (when there are any).

    JSON stays a list of hits: each has ``kind`` ('article' or 'note'); articles come first, as
    before, then notes (``id`` 'gn:12', ``articles`` the ids the note names).
    """
    report = find_report(result)
    base = report.data if isinstance(report.data, list) else []
    hits = [_note_hit_data(h) for h in notes]
    data = [{**d, "kind": "article"} for d in base] + public(hits)
    if not notes:
        return report._replace(data=data)
    sections = (*report.view.sections, section("Guidance Notes", FIND_NOTES_SPEC, hits))
    view = report.view._replace(
        title=f"Articles and Guidance Notes matching {result.query!r}",
        sections=sections,
        marks=report.view.marks + note_marks(hits),
    )
    return report._replace(view=view, data=data)


def _note_hit_data(hit: NoteHit) -> Record:
    note = hit.note
    return {
        "kind": "note",
        "id": note.id,
        "number": note.number,
        "title": note.title,
        "verified": note.confirmed("title"),
        "score": hit.score,
        "field": hit.field,
        "matched": hit.matched,
        "articles": [a.article for a in note.articles],
        "unconfirmed": list(note.unconfirmed),
        "_label": note.label,
        "_articles": [{"id": a.article, "paragraphs": a.paragraphs} for a in note.articles],
    }


# ---------------------------------------------------------------- topics

TOPICS_SPEC: Spec = (
    (Column("id", "Topic", ID, 1, 10), field("id")),
    (Column("name", "Name", ratio=3), field("name")),
    (Column("entries", "Articles", NUMBER), text("articles")),
    (
        Column("instruments", "By instrument", ratio=3),
        lambda r: " · ".join(f"{k} {v}" for k, v in r["instruments"].items()),
    ),
    (Column("aliases", "Aliases", ratio=3), joined("aliases")),
)


def topics_report(topics: Sequence[Topic]) -> Report:
    """Every topic view with its size per instrument."""
    rows: list[Record] = [
        {
            "id": t.id,
            "name": t.name,
            "aliases": list(t.aliases),
            "description": t.description,
            "articles": len(t.entries),
            "instruments": counted(e.article.partition(":")[0] for e in t.entries),
        }
        for t in topics
    ]
    facts = (("topics", str(len(rows))), ("articles", str(sum(r["articles"] for r in rows))))
    footer = (
        "treatycmp topic NAME shows one topic with every article's counterparts and what "
        "each framework lacks."
    )
    view = View("Topic views", (section("Topics", TOPICS_SPEC, rows),), facts, footer=footer)
    return Report("topic", view, rows)


TOPIC_SPEC: Spec = (
    (Column("id", "Article", ID, 1, 11), ref("id", "paragraphs")),
    (Column("title", "Title", ratio=3), titled()),
    (Column("reason", "Why on this topic", ratio=4), field("reason")),
    (Column("counterparts", "Counterparts", ratio=3), lambda r: _counterparts(r["counterparts"])),
    (
        Column("absent_in", "Absent in", ID, 1, 9),
        lambda r: ", ".join(a["scope"] for a in r["absent_in"]),
    ),
    *SOURCE_SPEC,
)
LACK_SPEC: Spec = (
    (Column("framework", "Lacking", ID, 1, 8), field("framework")),
    (Column("id", "Article", ID, 1, 11), field("id")),
    (Column("title", "Title", ratio=3), titled("title", "_verified")),
    *STATUS_SPEC,
    (Column("reason", "Why no counterpart", ratio=5), field("reason")),
    *SOURCE_SPEC,
)


def _counterparts(links: list[Record]) -> str:
    """'= un:41 ¶1, ⊂ un:42 (draft)' ('—' for none)."""
    return (
        ", ".join(
            f"{SYMBOLS[c['relation']]} {Ref(c['id'], c['to_paragraphs'])}" + _draft_suffix(c)
            for c in links
        )
        or "—"
    )


def topic_report(view: TopicView) -> Report:
    """A topic: per instrument its articles with why they belong, their counterparts and where they
    have none; then what each framework lacks."""
    topic = view.topic
    groups = [(inst, [_topic_row_data(r) for r in rows]) for inst, rows in view.groups]
    lacks = [_lack_data(x) for x in view.lacks]
    sections = (
        *(section(f"{inst.short} ({inst.id})", TOPIC_SPEC, rows) for inst, rows in groups),
        section("What each framework lacks", LACK_SPEC, lacks, "(no declared absence)"),
    )
    rows = [r for _, rs in groups for r in rs]
    links = [c for r in rows for c in r["counterparts"]]
    verified = [*(r["verified"] for r in rows), *(c["_verified"] for c in links)]
    marks = title_marks(verified) + status_marks(links + lacks)
    data = {
        "topic": {
            "id": topic.id,
            "name": topic.name,
            "aliases": list(topic.aliases),
            "description": topic.description,
        },
        "instruments": [{"id": inst.id, "articles": rs} for inst, rs in groups],
        "lacks": lacks,
    }
    out = View(f"Topic: {topic.name}", sections, _topic_facts(view), legend=True, marks=marks)
    return Report("topic", out, public(data))


def _topic_facts(view: TopicView) -> tuple[tuple[str, str], ...]:
    topic, rows = view.topic, view.rows
    per_framework = {
        f.id: sum(1 for r in rows if r.article.instrument in f.members) for f in view.frameworks
    }
    lacking = {f.id: sum(1 for x in view.lacks if x.framework.id == f.id) for f in view.frameworks}
    analysis = sum(1 for r in rows if r.entry.source == "analysis")
    return tuple(
        (k, v)
        for k, v in (
            ("topic", f"{topic.name} ({topic.ref})"),
            ("about", topic.description),
            (
                "articles",
                f"{len(rows)}: " + " · ".join(f"{f} {n}" for f, n in per_framework.items()),
            ),
            (
                "lacks",
                " · ".join(f"{f} lacks {n}" for f, n in lacking.items() if n) or "none declared",
            ),
            (
                "sources",
                f"{len(rows) - analysis} entries cite a document, {analysis} are our own analysis",
            ),
        )
        if v
    )


def _lack_data(lack: Lack) -> Record:
    art, absence = lack.row.article, lack.absence
    return {
        "framework": lack.framework.id,
        "id": art.id,
        "title": art.title,
        "reason": absence.reason,
        "source": absence.source,
        "status": absence.status.value,
        **provenance_data(absence),
        "_verified": art.verified,
    }


def _topic_row_data(row: TopicRow) -> Record:
    counterparts = [
        {
            "id": o.id,
            "relation": l.relation.value,
            "status": l.status.value,
            "to_paragraphs": l.to_paragraphs,
            "basis": l.basis.value if l.basis else None,
            "_verified": o.verified,
        }
        for l, o in row.links
    ]
    absent_in = [absence_data(a, "scope") for a in row.absences]
    return {
        "id": row.article.id,
        "title": row.article.title,
        "verified": row.article.verified,
        "paragraphs": row.entry.paragraphs,
        "reason": row.entry.reason,
        "source": row.entry.source,
        "counterparts": counterparts,
        "absent_in": absent_in,
    }
