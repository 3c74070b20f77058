"""Turn engine results into :class:`~treatycmp.output.views.Report` objects: a table view and JSON data.

Every view marks what is not yet certain: a title not confirmed against the official text (†), a row whose
status is draft (the Status column), a row neither linked nor declared absent (⚠); the facts count them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence, Union

from ..engine.compare import Counterparts, Diff, DiffRow, Gap
from ..findings import Finding
from ..models import Absence, Article, Basis, Corpus, Instrument, Link, Meta, Scope
from .views import (
    BAR,
    ID,
    NUMBER,
    RELATION,
    SOURCE,
    STATUS,
    SYMBOLS,
    UNCONFIRMED,
    UNMAPPED_MARK,
    Column,
    MappingRow,
    MappingSet,
    Ref,
    Report,
    Section,
    View,
    status_word,
)

if TYPE_CHECKING:
    from ..engine.coverage import Coverage
    from ..engine.lineage import Lineage
    from ..engine.notes import NoteRow, NoteView
    from ..engine.topics import TopicRow, TopicView
    from ..models import GuidanceNote, Topic
    from ..names.notes_topics import NoteHit
    from ..names.search import FindResult
    from ..sources.verify import ArticleCheck, Verification

ARTICLE_COLUMNS = (Column("id", "Article", ID, 1, 11), Column("title", "Title", ratio=3))
STATUS_COLUMN = Column("status", "Status", STATUS)
BASIS_COLUMN = Column("basis", "Basis", STATUS)
PROVENANCE_COLUMNS = (Column("evidence_from", "Evidence (this side)", in_tables=False),
                      Column("evidence_to", "Evidence (other side)", in_tables=False),
                      Column("reviewed", "Reviewed", in_tables=False))
"""What was read on each side and when: kept in CSV, left out of tables (JSON has them as ``evidence``)."""

Row = Union[DiffRow, Gap, Link, Absence]


def basis_word(row: Row) -> str:
    """The basis cell of a row: its basis, or '—' when it has none or is not declared at all."""
    return row.basis.value if row.basis and getattr(row, "declared", True) else "—"


def provenance_cells(row: Row) -> tuple[str, str, str]:
    """The evidence of each side and the date of the last reading, as export cells."""
    e = row.evidence
    return (e.first if e else "", e.second if e else "", row.reviewed or "")


def provenance_data(row: Row) -> dict[str, object]:
    """``basis``, ``evidence`` ({from, to} for a link, {article, absent_in} for an absence) and ``reviewed``."""
    e = row.evidence
    is_link = isinstance(row, Link) or (isinstance(row, DiffRow) and row.kind == "link")
    keys = ("from", "to") if is_link else ("article", "absent_in")
    return {"basis": row.basis.value if row.basis else None, "evidence": dict(zip(keys, e)) if e else None,
            "reviewed": row.reviewed}


def basis_counts(rows: Sequence[Row]) -> str:
    """'20 official-texts, 31 one-official-text, 4 analysis' over the declared rows (parts that are zero left out)."""
    counts = Counter(r.basis.value if r.basis else "no basis" for r in rows if getattr(r, "declared", True))
    said = ", ".join(f"{counts[k]} {k}" for k in (*(b.value for b in Basis), "no basis") if counts[k])
    return said or "no declared rows"


def article_data(art: Article) -> dict[str, object]:
    """The stable JSON form of an article."""
    return {
        "id": art.id, "instrument": art.instrument, "num": art.num, "title": art.title,
        "chapter": str(art.chapter) if art.chapter else None,
        "section": str(art.section) if art.section else None,
        "title_group": str(art.title_group) if art.title_group else None,
        "summary": art.summary, "keywords": list(art.keywords), "source": art.source, "verified": art.verified,
    }


def title(art: Article) -> str:
    """The article's title, marked † when it is not yet confirmed."""
    return art.title if art.verified else f"{art.title} {UNCONFIRMED}"


def title_marks(articles: Iterable[Article | None]) -> tuple[str, ...]:
    return ("unconfirmed",) if any(a is not None and not a.verified for a in articles) else ()


def status_counts(rows: Sequence[Row]) -> str:
    """'80 rows: 13 reviewed, 62 draft, 5 not mapped' (parts that are zero left out)."""
    declared = [r for r in rows if getattr(r, "declared", True)]
    reviewed = sum(1 for r in declared if r.status == "reviewed")
    parts = [(reviewed, "reviewed"), (len(declared) - reviewed, "draft"), (len(rows) - len(declared), "not mapped")]
    said = ", ".join(f"{n} {what}" for n, what in parts if n)
    return f"{len(rows)} row{'s' if len(rows) != 1 else ''}" + (f": {said}" if said else "")


def _row_status(status: str | None, declared: bool = True) -> str:
    return status_word(status) if declared else "—"


def _status_marks(rows: Sequence[DiffRow | Gap | Link | Absence]) -> tuple[str, ...]:
    declared = [r for r in rows if getattr(r, "declared", True)]
    marks: tuple[str, ...] = ("draft",) if any(r.status != "reviewed" for r in declared) else ()
    marks += tuple(f"basis:{b.value}" for b in Basis if any(r.basis is b for r in declared))
    return marks + (("unmapped",) if len(declared) < len(rows) else ())


def instruments_report(corpus: Corpus) -> Report:
    cols = (Column("id", "Id", ID, 1, 8), Column("name", "Instrument", ratio=3), Column("number", "Number", ratio=1),
            Column("opened", "Opened"), Column("articles", "Articles", NUMBER),
            Column("unconfirmed", "Unconfirmed", NUMBER), Column("aliases", "Aliases", ratio=3))
    rows = tuple((i.id, i.short, i.number, i.opened or "", str(len(i.articles)),
                  str(sum(1 for a in i.articles if not a.verified)), ", ".join(i.aliases)) for i in corpus.instruments)
    group_cols = (Column("id", "Group", ID), Column("name", "Name", ratio=3), Column("members", "Members", ratio=2))
    group_rows = tuple((g.id, g.name, ", ".join(g.members)) for g in corpus.groups)
    reviewed = sum(1 for l in corpus.links if l.status == "reviewed") + sum(1 for a in corpus.absences if a.status == "reviewed")
    total = len(corpus.links) + len(corpus.absences)
    facts = (("data version", corpus.meta.data_version),
             ("mapping", f"{total} rows: {reviewed} reviewed, {total - reviewed} draft"),
             ("basis", basis_counts([*corpus.links, *corpus.absences])))
    view = View("Instruments", (Section("Instruments", cols, rows), Section("Groups", group_cols, group_rows)), facts)
    data = {
        "data_version": corpus.meta.data_version,
        "instruments": [_instrument_data(i) for i in corpus.instruments],
        "groups": [{"id": g.id, "name": g.name, "members": list(g.members), "aliases": list(g.aliases)} for g in corpus.groups],
        "mapping": _mapping_counts(corpus),
    }
    return Report("list", view, data)


def _mapping_counts(corpus: Corpus) -> dict[str, object]:
    rows: list[Link | Absence] = [*corpus.links, *corpus.absences]
    return {"rows": len(rows), "links": len(corpus.links), "absences": len(corpus.absences),
            "status": dict(Counter(r.status.value for r in rows)),
            "basis": dict(Counter(r.basis.value if r.basis else "none" for r in rows))}


def _instrument_data(inst: Instrument) -> dict[str, object]:
    return {
        "id": inst.id, "name": inst.name, "short": inst.short, "number": inst.number, "adopted": inst.adopted,
        "opened": inst.opened, "place": inst.place, "in_force": inst.in_force, "status_note": inst.status_note,
        "languages": list(inst.languages), "url": inst.url, "aliases": list(inst.aliases),
        "article_count": inst.article_count, "sources": list(inst.sources),
        "unconfirmed_titles": sum(1 for a in inst.articles if not a.verified),
    }


def articles_report(corpus: Corpus, scope: Scope, articles: tuple[Article, ...]) -> Report:
    cols = (*ARTICLE_COLUMNS, Column("chapter", "Chapter", ratio=2), Column("keywords", "Keywords", ratio=2))
    rows = tuple((a.id, title(a), str(a.chapter or ""), ", ".join(a.keywords[:6])) for a in articles)
    names = [f"{i.name} ({i.number})" for i in (corpus.instrument(m) for m in scope.members)]
    unconfirmed = sum(1 for a in articles if not a.verified)
    facts = (("instrument" if len(names) == 1 else "instruments", "; ".join(names)),
             ("articles", f"{len(articles)}" + (f" ({unconfirmed} titles unconfirmed)" if unconfirmed else "")))
    view = View(f"{scope.name}: articles", (Section(scope.name, cols, rows),), facts, marks=title_marks(articles))
    return Report("articles", view, [article_data(a) for a in articles])


def mapping_set(rows: Iterable[MappingRow | None], meta: Meta, title: str) -> MappingSet:
    """The declared rows of a report as a mapping set (rows that are not declared are left out)."""
    return MappingSet(tuple(r for r in rows if r is not None), meta.data_version, meta.licence, title)


def link_mapping(link: Link | DiffRow, a: Article, b: Article) -> MappingRow:
    """A link (stored, derived or a diff row) from *a* to *b* as a mapping row."""
    relation = link.relation if isinstance(link, DiffRow) else link.relation.value
    return MappingRow(a.id, a.title, relation, b.id, b.title, a.instrument, b.instrument, link.status.value,
                      link.basis.value if link.basis else None, link.note, link.source, link.evidence, link.reviewed)


def absence_mapping(row: Absence | Gap | DiffRow, art: Article, absent_in: str) -> MappingRow:
    """A declared absence of *art* in *absent_in* as a mapping row with no object."""
    reason = row.reason if isinstance(row, (Absence, Gap)) else row.note
    return MappingRow(art.id, art.title, "none", None, "", art.instrument, absent_in, row.status.value,
                      row.basis.value if row.basis else None, reason, row.source, row.evidence, row.reviewed)


def _diff_mapping(row: DiffRow, a: Scope, b: Scope) -> MappingRow | None:
    if not row.declared:
        return None
    if row.kind == "link" and row.from_article and row.to_article:
        return link_mapping(row, row.from_article, row.to_article)
    if row.kind == "gap" and row.from_article:
        return absence_mapping(row, row.from_article, b.id)
    return absence_mapping(row, row.to_article, a.id) if row.to_article else None


def diff_report(diff: Diff, meta: Meta = Meta()) -> Report:
    a, b = diff.a, diff.b
    fa, fb = (Column("from", a.id, ID), Column("from_title", f"{a.id} title", ratio=3))
    ta, tb = (Column("to", b.id, ID), Column("to_title", f"{b.id} title", ratio=3))
    rel, note, src = Column("relation", "Relation", RELATION), Column("note", "Note / reason", ratio=5), Column("source", "Source", SOURCE, 1)
    fp, tp = Column("from_paragraphs", "¶", in_tables=False), Column("to_paragraphs", "¶", in_tables=False)
    st, bs, pv = STATUS_COLUMN, BASIS_COLUMN, PROVENANCE_COLUMNS
    layouts = {"link": (fa, fb, rel, ta, tb, st, bs, note, src, fp, tp, *pv), "gap": (fa, fb, st, bs, note, src, *pv),
               "only_b": (ta, tb, st, bs, note, src, *pv)}
    parts = (("link", "Counterparts"), ("gap", f"{a.name}: no counterpart in {b.name}"),
             ("only_b", f"{b.name}: nothing in {a.name}"))
    sections = tuple(
        Section(title_, layouts[kind], tuple(_pick_cells(_diff_cells(r), layouts[kind]) for r in diff.of_kind(kind)))
        for kind, title_ in parts if diff.of_kind(kind) or not diff.filtered
    )
    counts = {kind: len(diff.of_kind(kind)) for kind, _ in parts}
    facts = (("from", _scope_label(a)), ("to", _scope_label(b)), ("status", status_counts(diff.rows)),
             ("basis", basis_counts(diff.rows)),
             ("kinds", f"{counts['link']} links · {counts['gap']} gaps · {counts['only_b']} only in {b.id}"))
    data = {"from": a.id, "to": b.id, "rows": [_diff_data(r) for r in diff.rows]}
    marks = title_marks(x for r in diff.rows for x in (r.from_article, r.to_article)) + _status_marks(diff.rows)
    mappings = mapping_set((_diff_mapping(r, a, b) for r in diff.rows), meta, f"{a.name} → {b.name}")
    return Report("diff", View(f"{a.name} → {b.name}", sections, facts, legend=True, marks=marks), data, mappings=mappings)


def _scope_label(scope: Scope) -> str:
    return f"{scope.name} ({', '.join(scope.members)})" if scope.is_group else f"{scope.name} ({scope.id})"


_DIFF_KEYS = ("from", "from_title", "relation", "to", "to_title", "status", "basis", "note", "source", "from_paragraphs",
              "to_paragraphs", "evidence_from", "evidence_to", "reviewed")


def _pick_cells(cells: tuple[object, ...], columns: tuple[Column, ...]) -> tuple[object, ...]:
    values = dict(zip(_DIFF_KEYS, cells))
    return tuple(values[c.key] for c in columns)


def _diff_cells(row: DiffRow) -> tuple[object, ...]:
    fa, ta = row.from_article, row.to_article
    return (
        Ref(fa.id, row.from_paragraphs) if fa else "", title(fa) if fa else "", row.relation,
        Ref(ta.id, row.to_paragraphs) if ta else "", title(ta) if ta else "", _row_status(row.status, row.declared),
        basis_word(row), row.note if row.declared else f"{UNMAPPED_MARK} {row.note}", row.source, row.from_paragraphs or "",
        row.to_paragraphs or "", *provenance_cells(row),
    )


def _diff_data(row: DiffRow) -> dict[str, object]:
    fa, ta = row.from_article, row.to_article
    return {
        "kind": row.kind, "from": fa.id if fa else None, "from_title": fa.title if fa else None,
        "from_verified": fa.verified if fa else None,
        "to": ta.id if ta else None, "to_title": ta.title if ta else None, "to_verified": ta.verified if ta else None,
        "relation": row.relation, "note": row.note, "source": row.source,
        "status": row.status.value if row.declared else None, "declared": row.declared,
        "from_paragraphs": row.from_paragraphs, "to_paragraphs": row.to_paragraphs, **provenance_data(row),
    }


def gaps_report(a: Scope, b: Scope, gaps: tuple[Gap, ...], meta: Meta = Meta()) -> Report:
    cols = (*ARTICLE_COLUMNS, STATUS_COLUMN, BASIS_COLUMN, Column("reason", "Why no counterpart", ratio=5),
            Column("source", "Source", SOURCE, 1), *PROVENANCE_COLUMNS)
    rows = tuple((g.article.id, title(g.article), _row_status(g.status, g.declared), basis_word(g),
                  g.reason if g.declared else f"{UNMAPPED_MARK} {g.reason}", g.source, *provenance_cells(g)) for g in gaps)
    facts = (("from", _scope_label(a)), ("to", _scope_label(b)), ("status", status_counts(gaps)),
             ("basis", basis_counts(gaps)))
    marks = title_marks(g.article for g in gaps) + _status_marks(gaps)
    view = View(f"{a.name}: no counterpart in {b.name}", (Section("Gaps", cols, rows),), facts, marks=marks)
    data = [{"id": g.article.id, "title": g.article.title, "verified": g.article.verified, "reason": g.reason,
             "source": g.source, "declared": g.declared, "status": g.status.value if g.declared else None,
             **provenance_data(g)} for g in gaps]
    mappings = mapping_set((absence_mapping(g, g.article, b.id) if g.declared else None for g in gaps), meta,
                           f"{a.name}: no counterpart in {b.name}")
    return Report("gaps", view, data, mappings=mappings)


def mapping_report(corpus: Corpus) -> Report:
    """The whole mapping as stored: every link and every absence (``treatycmp export``); *corpus* may be a
    filtered copy (:func:`treatycmp.api.mapping_rows`)."""
    rows = [link_mapping(l, corpus.article(l.from_id), corpus.article(l.to_id)) for l in corpus.links]
    rows += [absence_mapping(x, corpus.article(x.article), x.absent_in) for x in corpus.absences]
    cols = (Column("subject_id", "Article", ID, 1, 11), Column("relation", "Relation", RELATION),
            Column("object_id", "Counterpart", ID, 1, 11), Column("object_source", "In", ID), STATUS_COLUMN, BASIS_COLUMN,
            Column("note", "Note / reason", ratio=5), Column("source", "Source", SOURCE, 1), *PROVENANCE_COLUMNS)
    cells = tuple((r.subject_id, r.relation, r.object_id or "", r.object_source, r.status, r.basis or "—", r.note, r.source,
                   *(r.evidence or ("", "")), r.reviewed or "") for r in rows)
    declared: list[Link | Absence] = [*corpus.links, *corpus.absences]
    facts = (("data version", corpus.meta.data_version), ("status", status_counts(declared)), ("basis", basis_counts(declared)))
    view = View("The mapping", (Section("Mapping", cols, cells),), facts, legend=True, marks=_status_marks(declared))
    data = [{**r._asdict(), "evidence": list(r.evidence) if r.evidence else None} for r in rows]
    return Report("export", view, data, mappings=mapping_set(rows, corpus.meta, "treatycmp mapping"))


def card_report(corpus: Corpus, card: Counterparts, pinpoint: str | None = None, extra: Sequence[Section] = ()) -> Report:
    """One article as a card; *extra* sections (e.g. Guidance Notes) follow its counterparts."""
    art = card.article
    inst = corpus.instrument(art.instrument)
    facts = tuple((k, v) for k, v in (
        ("instrument", f"{inst.short} ({inst.number})"), ("place", art.place), ("pinpoint", f"¶ {pinpoint}" if pinpoint else ""),
        ("summary", art.summary), ("keywords", ", ".join(art.keywords)), ("source", art.source),
        ("verified", "yes" if art.verified else f"no {UNCONFIRMED}: title not yet confirmed against the official text"),
    ) if v)
    cols = (Column("to", "Counterpart", ID, 1, 11), Column("title", "Title", ratio=3),
            Column("relation", "Relation", RELATION, 1, 12), STATUS_COLUMN, BASIS_COLUMN, Column("note", "Note", ratio=5),
            Column("source", "Source", SOURCE, 1), *PROVENANCE_COLUMNS)
    rows = tuple((Ref(other.id, link.to_paragraphs), title(other), link.relation.value, status_word(link.status),
                  basis_word(link), link.note, link.source, *provenance_cells(link)) for link, other in card.links)
    abs_cols = (Column("absent_in", "Absent in", ID, 1, 8), STATUS_COLUMN, BASIS_COLUMN, Column("reason", "Reason", ratio=5),
                Column("source", "Source", SOURCE, 1), *PROVENANCE_COLUMNS)
    abs_rows = tuple((a.absent_in, status_word(a.status), basis_word(a), a.reason, a.source, *provenance_cells(a))
                     for a in card.absences)
    sections = (_article_section(art), Section("Counterparts", cols, rows), Section("No counterpart in", abs_cols, abs_rows),
                *extra)
    rows_status: list[Link | Absence] = [l for l, _ in card.links] + list(card.absences)
    marks = title_marks([art, *(o for _, o in card.links)]) + _status_marks(rows_status)
    data = {
        "article": article_data(art), "pinpoint": pinpoint,
        "links": [{"to": o.id, "instrument": o.instrument, "title": o.title, "verified": o.verified,
                   "relation": l.relation.value, "note": l.note, "source": l.source, "status": l.status.value,
                   "paragraphs": l.from_paragraphs, "to_paragraphs": l.to_paragraphs, "stored": not l.derived,
                   **provenance_data(l)}
                  for l, o in card.links],
        "absent_in": [{"instrument": a.absent_in, "reason": a.reason, "source": a.source, "status": a.status.value,
                       **provenance_data(a)} for a in card.absences],
    }
    return Report("show", View(f"{art.id} — {art.title}", sections, facts, legend=bool(rows), marks=marks), data)


def _article_section(art: Article) -> Section:
    """The article itself as one row (for CSV; tables show it as the card's facts)."""
    keys = ("id", "title", "place", "summary", "keywords", "source", "verified")
    values = (art.id, art.title, art.place, art.summary, ", ".join(art.keywords), art.source, "yes" if art.verified else "no")
    return Section("Article", tuple(Column(k, k.capitalize()) for k in keys), (values,), exports_only=True)


def find_report(result: FindResult) -> Report:
    cols = (*ARTICLE_COLUMNS, Column("score", "Score", NUMBER, 1, 5), Column("matched", "Matched", ratio=3))
    rows = tuple((h.article.id, title(h.article), f"{h.score:.0f}", f"{h.field}: {h.matched}") for h in result.hits)
    view = View(f"Articles matching {result.query!r}", (Section("Matches", cols, rows),),
                marks=title_marks(h.article for h in result.hits))
    data = [{"id": h.article.id, "title": h.article.title, "verified": h.article.verified, "score": h.score,
             "field": h.field, "matched": h.matched} for h in result.hits]
    return Report("find", view, data)


def coverage_report(cov: Coverage) -> Report:
    from ..engine.coverage import COVERAGE_KEYS

    keys = tuple(k for k in COVERAGE_KEYS if k != "unmapped" or cov.totals["unmapped"])  # 'unmapped' only when any
    cols = (Column("chapter", "Chapter", ratio=2), *(Column(k, k, NUMBER) for k in keys),
            Column("total", "total", NUMBER), Column("draft", "draft", NUMBER), Column("chart", "", BAR, 2, 16))
    rows = tuple(_coverage_cells(str(r.chapter) if r.chapter else "(no chapter)", r.counts, r.drafts, keys) for r in cov.rows)
    totals = _coverage_cells("Total", cov.totals, cov.draft_totals, keys)[:-1] + ((),)
    drafts = sum(cov.draft_totals.values())
    facts = (("from", _scope_label(cov.a)), ("to", _scope_label(cov.b)),
             ("counted", "each article once, by its strongest relation (equal, subset, superset, intersects)"),
             ("status", f"{sum(cov.totals.values())} articles: {sum(cov.totals.values()) - drafts - cov.totals['unmapped']} "
                        f"on reviewed rows, {drafts} on draft rows (shaded in the bars; # in plain text)"))
    view = View(f"Coverage of {cov.a.name} in {cov.b.name}", (Section("Coverage", cols, rows + (totals,)),), facts,
                legend=True, marks=("draft",) if drafts else ())
    data = {"from": cov.a.id, "to": cov.b.id,
            "chapters": [{"chapter": str(r.chapter) if r.chapter else None, **r.counts, "total": r.total,
                          "draft": dict(r.drafts)} for r in cov.rows],
            "totals": {**cov.totals, "total": sum(cov.totals.values()), "draft": cov.draft_totals}}
    return Report("coverage", view, data)


def _coverage_cells(label_: str, counts: dict[str, int], drafts: dict[str, int], keys: tuple[str, ...]) -> tuple[object, ...]:
    from ..engine.coverage import COVERAGE_KEYS

    values = tuple(str(counts.get(k, 0)) for k in keys)
    bar: list[tuple[str, int]] = []
    for k in COVERAGE_KEYS:
        draft = drafts.get(k, 0)
        bar += [(k, counts.get(k, 0) - draft), (f"{k}:draft", draft)]
    return (label_, *values, str(sum(counts.values())), str(sum(drafts.values())), tuple(bar))


def check_report(findings: list[Finding]) -> Report:
    """Findings of ``treatycmp check`` as a report (the text and GitHub formats print its rows as lines)."""
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    result = "ok: no findings" if not findings else \
        f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    keys = ("file", "line", "column", "severity", "code", "message")
    cols = tuple(Column(k, k.capitalize(), NUMBER if k in ("line", "column") else ID if k != "message" else "text") for k in keys)
    rows = tuple(f[:6] for f in findings)  # file, line, column, severity, code, message: a Finding's first fields
    data = {
        "ok": not errors, "errors": errors, "warnings": warnings,
        "findings": [{"severity": f.severity, "code": f.code, "file": f.file, "line": f.line, "column": f.column,
                      "message": f.message, "article": f.article} for f in findings],
    }
    return Report("check", View("treatycmp check", (Section("Findings", cols, rows, "no findings"),), (("result", result),)), data)


def lineage_report(result: Lineage) -> Report:
    cols = (*ARTICLE_COLUMNS, *(Column(s.id, s.id if s.is_group else s.name, ratio=3) for s in result.sources),
            Column("origin", "Origin", ratio=1))
    rows = tuple((r.article.id, title(r.article), *(_origin_cell(pairs) for _, pairs in r.origins),
                  "new" if r.is_new else ", ".join(s for s, pairs in r.origins if pairs)) for r in result.rows)
    counts = result.counts()
    summary = " · ".join(f"{counts[s.id]} with a counterpart in {s.id}" for s in result.sources)
    links = [l for r in result.rows for _, pairs in r.origins for l, _ in pairs]
    facts = (("articles", str(len(result.rows))), ("origins", summary), ("new", f"{counts['new']} with no counterpart in any"),
             ("links", status_counts(links)), ("basis", basis_counts(links)))
    marks = title_marks(r.article for r in result.rows) + _status_marks(links)
    view = View(f"Lineage of {result.subject.name}", (Section("Lineage", cols, rows),), facts, legend=True, marks=marks)
    data = {
        "subject": result.subject.id, "sources": [s.id for s in result.sources], "summary": counts,
        "rows": [{"id": r.article.id, "title": r.article.title, "verified": r.article.verified, "new": r.is_new,
                  "origins": {s: [{"id": o.id, "title": o.title, "relation": l.relation.value, "note": l.note,
                                   "source": l.source, "status": l.status.value, **provenance_data(l)} for l, o in pairs]
                              for s, pairs in r.origins}}
                 for r in result.rows],
    }
    return Report("lineage", view, data)


def _origin_cell(pairs: tuple[tuple[Link, Article], ...]) -> str:
    if not pairs:
        return "—"
    return "; ".join(f"{SYMBOLS[l.relation.value]} {o.id} {title(o)}" + ("" if l.status == "reviewed" else " (draft)")
                     for l, o in pairs)


def verify_report(v: Verification, articles_file: str, mapping_file: str) -> Report:
    """What ``treatycmp verify`` found: a finding per article that does not confirm, per copied run, per
    numbering problem of the text (the lines the text and GitHub formats print), then every article's outcome."""
    rows = [_verify_finding(c, v, articles_file) for c in v.checks if c.status != "confirmed"]
    rows += [(articles_file if c.kind == "summary" else mapping_file, c.line, 1, "error", "copied-text",
              f"{c.kind} of {c.id} repeats {len(c.words.split())} consecutive words of the text (line {c.text_line}): "
              f"'{c.words}'") for c in v.copied]
    rows += [(v.source, f.line, 1, "warning", f.code, f.message) for f in v.findings]
    counts = v.counts()
    result = ", ".join(f"{n} {status}" for status, n in counts.items()) + f", {len(v.copied)} copied"
    keys = ("file", "line", "column", "severity", "code", "message")
    finding_cols = tuple(Column(k, k.capitalize(), NUMBER if k in ("line", "column") else "text") for k in keys)
    article_cols = (Column("id", "Article", ID), Column("status", "Result", STATUS), Column("title", "Title in the corpus", ratio=3),
                    Column("text_title", "Title in the text", ratio=3), Column("locator", "Where", SOURCE))
    article_rows = tuple((f"{v.instrument}:{c.num}", c.status, c.corpus_title, c.text_title, c.locator) for c in v.checks)
    sections = (Section("Findings", finding_cols, tuple(rows), "every article confirmed; no copied text"),
                Section("Articles", article_cols, article_rows))
    view = View(f"{v.instrument} against {v.source}", sections, (("result", result),))
    return Report("verify", view, _verify_data(v, result))


def _verify_finding(c: ArticleCheck, v: Verification, articles_file: str) -> tuple[object, ...]:
    ref = f"{v.instrument}:{c.num}"
    if c.status == "missing":
        return (articles_file, c.corpus_line, 1, "error", "missing-in-text", f"{ref} {c.corpus_title!r} has no heading in the text")
    if c.status == "extra":
        return (v.source, c.text_line, 1, "error", "not-in-corpus", f"{ref} {c.text_title!r} ({c.locator}) is not in the corpus")
    said = "; ".join(f"{d.field}: corpus {d.corpus!r}, text {d.text!r}" for d in c.differences)
    return (articles_file, c.corpus_line, 1, "error", "differs", f"{ref} differs from the text ({c.locator}): {said}")


def _verify_data(v: Verification, result: str) -> dict[str, object]:
    return {
        "instrument": v.instrument, "source": v.source, "ok": v.exit_code() == 0, "result": result, "counts": v.counts(),
        "articles": [{"id": f"{v.instrument}:{c.num}", "status": c.status, "corpus_title": c.corpus_title,
                      "text_title": c.text_title, "corpus_place": c.corpus_place, "text_place": c.text_place,
                      "differences": [d._asdict() for d in c.differences], "corpus_line": c.corpus_line,
                      "text_line": c.text_line, "locator": c.locator, "verified": c.verified} for c in v.checks],
        "copied": [c._asdict() for c in v.copied],
        "text_findings": [f._asdict() for f in v.findings],
    }


# ---------------------------------------------------------------- Guidance Notes, Explanatory Report, topics

NOTE_COLUMN = Column("note", "Note", ID, 1, 6)


def fact(note: GuidanceNote, name: str, value: str) -> str:
    """A note's fact as shown: marked † when the note lists it as unconfirmed."""
    return f"{value} {UNCONFIRMED}" if value and not note.confirmed(name) else value


def note_marks(notes: Iterable[GuidanceNote]) -> tuple[str, ...]:
    return ("unconfirmed_fact",) if any(n.unconfirmed for n in notes) else ()


def note_data(note: GuidanceNote) -> dict[str, object]:
    """The stable JSON form of a Guidance Note; ``unconfirmed`` names the facts that are best readings."""
    return {
        "id": note.id, "number": note.number, "title": note.title, "symbol": note.symbol or None,
        "plenary": note.plenary or None, "adopted": note.adopted, "summary": note.summary, "keywords": list(note.keywords),
        "articles": [{"id": a.article, "paragraphs": a.paragraphs} for a in note.articles], "sources": list(note.sources),
        "unconfirmed": list(note.unconfirmed),
    }


def _note_articles_cell(note: GuidanceNote) -> str:
    ids = ", ".join(str(Ref(a.article, a.paragraphs)) for a in note.articles)
    return fact(note, "articles", ids) if ids else "none named"


def notes_report(notes: Sequence[GuidanceNote]) -> Report:
    """Every Guidance Note with its facts (best readings marked †) and the articles it names."""
    cols = (NOTE_COLUMN, Column("title", "Title", ratio=4), Column("symbol", "Symbol", ratio=1),
            Column("plenary", "Adopted by", ratio=1), Column("adopted", "Adopted"), Column("articles", "Articles", ratio=2))
    rows = tuple((n.label, fact(n, "title", n.title), fact(n, "symbol", n.symbol), fact(n, "plenary", n.plenary),
                  fact(n, "adopted", n.adopted or ""), _note_articles_cell(n)) for n in notes)
    named = [n for n in notes if n.articles]
    links = sum(len(n.articles) for n in named)
    facts = (("notes", f"{len(notes)}: {sum(1 for n in notes if n.unconfirmed)} with a fact marked {UNCONFIRMED}"),
             ("articles", f"{links} links to {len({a.article for n in named for a in n.articles})} articles in {len(named)} notes; "
                          f"{len(notes) - len(named)} notes name none (no source we read names them)"))
    view = View("T-CY Guidance Notes", (Section("Guidance Notes", cols, rows),), facts, marks=note_marks(notes),
                footer="treatycmp notes NUMBER shows one note with its articles' counterparts in the UN Convention.")
    return Report("notes", view, [note_data(n) for n in notes])


def note_report(view: NoteView) -> Report:
    """One note: its facts, then each of its articles beside its counterparts in the target instrument."""
    note, target = view.note, view.target
    facts = tuple((k, v) for k, v in (
        ("note", f"T-CY Guidance Note #{note.number}"), ("title", fact(note, "title", note.title)),
        ("symbol", fact(note, "symbol", note.symbol)), ("adopted by", fact(note, "plenary", note.plenary)),
        ("adopted", fact(note, "adopted", note.adopted or "")), ("summary", note.summary),
        ("keywords", ", ".join(note.keywords)),
        ("articles", fact(note, "articles", f"{len(note.articles)} named") if note.articles else "none named by any source we read"),
        ("read against", f"{target.name} ({target.id})"),
    ) if v)
    cols = (Column("article", "Article", ID, 1, 11), Column("title", "Title", ratio=3), Column("relation", "Relation", RELATION),
            Column("to", target.id, ID, 1, 8), Column("to_title", f"{target.id} title", ratio=3), STATUS_COLUMN, BASIS_COLUMN,
            Column("note", "Note / reason", ratio=5), Column("source", "Source", SOURCE, 1))
    rows = tuple(cells for row in view.rows for cells in _note_row_cells(row))
    empty = "(no source we read names the articles this note covers)"
    sources = Section("Sources", (Column("n", "#", NUMBER), Column("source", "Source", ratio=8)),
                      tuple((str(i), s) for i, s in enumerate(note.sources, 1)))
    declared: list[Link | Absence] = [l for r in view.rows for l, _ in r.links] + [r.absence for r in view.rows if r.absence]
    marks = (note_marks([note]) + title_marks([a for r in view.rows for a in (r.article, *(o for _, o in r.links))])
             + _status_marks(declared) + (("unmapped",) if any(not r.links and not r.absence for r in view.rows) else ()))
    footer = "" if note.articles else (f"No source we read names the articles this note covers; "
                                       f"'treatycmp find {note.keywords[0] if note.keywords else note.title}' searches the articles.")
    title_ = f"GN {note.number} — {note.title}" + (f" {UNCONFIRMED}" if not note.confirmed("title") else "")
    out = View(title_, (Section(f"Articles and their counterparts in {target.name}", cols, rows, empty), sources),
               facts, legend=bool(rows), footer=footer, marks=marks)
    data = {"note": note_data(note), "to": target.id, "articles": [_note_row_data(r) for r in view.rows]}
    return Report("notes", out, data)


def _note_row_cells(row: NoteRow) -> list[tuple[object, ...]]:
    art = row.article
    head = (Ref(art.id, row.ref.paragraphs), title(art))
    if row.links:
        return [(*head, l.relation.value, Ref(o.id, l.to_paragraphs), title(o), status_word(l.status), basis_word(l), l.note,
                 l.source) for l, o in row.links]
    if row.absence:
        a = row.absence
        return [(*head, "none", "", "", status_word(a.status), basis_word(a), a.reason, a.source)]
    return [(*head, "none", "", "", "—", "—", f"{UNMAPPED_MARK} not mapped: no link and no declared absence", "")]


def _note_row_data(row: NoteRow) -> dict[str, object]:
    absence = row.absence
    return {
        "id": row.article.id, "title": row.article.title, "verified": row.article.verified, "paragraphs": row.ref.paragraphs,
        "counterparts": [{"id": o.id, "title": o.title, "verified": o.verified, "relation": l.relation.value, "note": l.note,
                          "source": l.source, "status": l.status.value, "to_paragraphs": l.to_paragraphs, **provenance_data(l)}
                         for l, o in row.links],
        "absent": {"reason": absence.reason, "source": absence.source, "status": absence.status.value,
                   **provenance_data(absence)} if absence else None,
        "declared": bool(row.links or absence),
    }


def card_note_sections(corpus: Corpus, art: Article) -> tuple[Section, ...]:
    """The Guidance Notes that interpret *art*, as a card section (none when no note names it)."""
    notes = corpus.notes_of(art.id)
    if not notes:
        return ()
    cols = (NOTE_COLUMN, Column("title", "Title", ratio=4), Column("adopted", "Adopted"), Column("paragraphs", "¶"))
    rows = tuple((n.label, fact(n, "title", n.title), fact(n, "adopted", n.adopted or ""),
                  ", ".join(a.paragraphs for a in n.articles if a.article == art.id and a.paragraphs)) for n in notes)
    return (Section("Guidance Notes", cols, rows),)


def er_fact(corpus: Corpus, art: Article) -> str:
    """'ER ¶¶ 51–58 (Explanatory Report to ...)', or '' when no range is confirmed."""
    ranges = corpus.er_of(art.id)
    if not ranges:
        return ""
    reports = "; ".join(dict.fromkeys(r.report for r in ranges if r.report))
    return ", ".join(str(r) for r in ranges) + (f" ({reports})" if reports else "")


def article_card(corpus: Corpus, card: Counterparts, pinpoint: str | None = None) -> Report:
    """The card of ``show``: :func:`card_report` with the article's Guidance Notes and Explanatory Report paragraphs."""
    art = card.article
    notes = corpus.notes_of(art.id)
    report = card_report(corpus, card, pinpoint, extra=card_note_sections(corpus, art))
    facts = list(report.view.facts)
    er = er_fact(corpus, art)
    if er:
        at = next((i + 1 for i, (k, _) in enumerate(facts) if k == "source"), len(facts))
        facts.insert(at, ("explanatory report", er))
    view = report.view._replace(facts=tuple(facts), marks=report.view.marks + note_marks(notes))
    data = dict(report.data) if isinstance(report.data, dict) else {}
    data["guidance_notes"] = [{"id": n.id, "number": n.number, "title": n.title, "adopted": n.adopted,
                               "paragraphs": [a.paragraphs for a in n.articles if a.article == art.id and a.paragraphs],
                               "unconfirmed": list(n.unconfirmed)} for n in notes]
    data["explanatory_report"] = [{"paragraphs": r.paragraphs, "first": r.bounds[0] if r.bounds else None,
                                   "last": r.bounds[1] if r.bounds else None, "report": r.report, "source": r.source}
                                  for r in corpus.er_of(art.id)]
    return report._replace(view=view, data=data)


def find_all_report(result: FindResult, notes: Sequence[NoteHit]) -> Report:
    """:func:`find_report` with a second section of matching Guidance Notes (when there are any).

    JSON stays a list of hits: each has ``kind`` ('article' or 'note'); articles come first, as before, then notes
    (``id`` 'gn:12', ``articles`` the ids the note names).
    """
    report = find_report(result)
    base = report.data if isinstance(report.data, list) else []
    data = [{**d, "kind": "article"} for d in base] + [
        {"kind": "note", "id": h.note.id, "number": h.note.number, "title": h.note.title,
         "verified": h.note.confirmed("title"), "score": h.score, "field": h.field, "matched": h.matched,
         "articles": [a.article for a in h.note.articles], "unconfirmed": list(h.note.unconfirmed)} for h in notes]
    if not notes:
        return report._replace(data=data)
    cols = (NOTE_COLUMN, Column("title", "Title", ratio=3), Column("score", "Score", NUMBER, 1, 5),
            Column("matched", "Matched", ratio=2), Column("articles", "Articles", ratio=2))
    rows = tuple((h.note.label, fact(h.note, "title", h.note.title), f"{h.score:.0f}", f"{h.field}: {h.matched}",
                  _note_articles_cell(h.note)) for h in notes)
    view = report.view._replace(title=f"Articles and Guidance Notes matching {result.query!r}",
                                sections=(*report.view.sections, Section("Guidance Notes", cols, rows)),
                                marks=report.view.marks + note_marks(h.note for h in notes))
    return report._replace(view=view, data=data)


def topics_report(topics: Sequence[Topic]) -> Report:
    """Every topic view with its size per instrument."""
    cols = (Column("id", "Topic", ID, 1, 10), Column("name", "Name", ratio=3), Column("entries", "Articles", NUMBER),
            Column("instruments", "By instrument", ratio=3), Column("aliases", "Aliases", ratio=3))
    rows = tuple((t.id, t.name, str(len(t.entries)), _per_instrument(t), ", ".join(t.aliases)) for t in topics)
    facts = (("topics", str(len(topics))), ("articles", str(sum(len(t.entries) for t in topics))))
    view = View("Topic views", (Section("Topics", cols, rows),), facts,
                footer="treatycmp topic NAME shows one topic with every article's counterparts and what each framework lacks.")
    data = [{"id": t.id, "name": t.name, "aliases": list(t.aliases), "description": t.description,
             "articles": len(t.entries), "instruments": _instrument_counts(t)} for t in topics]
    return Report("topic", view, data)


def _instrument_counts(topic: Topic) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in topic.entries:
        inst = entry.article.partition(":")[0]
        counts[inst] = counts.get(inst, 0) + 1
    return counts


def _per_instrument(topic: Topic) -> str:
    return " · ".join(f"{k} {v}" for k, v in _instrument_counts(topic).items())


def topic_report(view: TopicView) -> Report:
    """A topic: per instrument its articles with why they belong, their counterparts and where they have none;
    then what each framework lacks."""
    topic = view.topic
    cols = (Column("id", "Article", ID, 1, 11), Column("title", "Title", ratio=3), Column("reason", "Why on this topic", ratio=4),
            Column("counterparts", "Counterparts", ratio=3), Column("absent_in", "Absent in", ID, 1, 9),
            Column("source", "Source", SOURCE, 1))
    sections = [Section(f"{inst.short} ({inst.id})", cols, tuple(_topic_cells(r) for r in rows)) for inst, rows in view.groups]
    lack_cols = (Column("framework", "Lacking", ID, 1, 8), Column("id", "Article", ID, 1, 11), Column("title", "Title", ratio=3),
                 STATUS_COLUMN, BASIS_COLUMN, Column("reason", "Why no counterpart", ratio=5), Column("source", "Source", SOURCE, 1))
    lack_rows = tuple((x.framework.id, x.row.article.id, title(x.row.article), status_word(x.absence.status),
                       basis_word(x.absence), x.absence.reason, x.absence.source) for x in view.lacks)
    sections.append(Section("What each framework lacks", lack_cols, lack_rows, "(no declared absence)"))
    rows = view.rows
    per_framework = {f.id: sum(1 for r in rows if r.article.instrument in f.members) for f in view.frameworks}
    lacking = {f.id: sum(1 for x in view.lacks if x.framework.id == f.id) for f in view.frameworks}
    analysis = sum(1 for r in rows if r.entry.source == "analysis")
    facts = tuple((k, v) for k, v in (
        ("topic", f"{topic.name} ({topic.ref})"), ("about", topic.description),
        ("articles", f"{len(rows)}: " + " · ".join(f"{f} {n}" for f, n in per_framework.items())),
        ("lacks", " · ".join(f"{f} lacks {n}" for f, n in lacking.items() if n) or "none declared"),
        ("sources", f"{len(rows) - analysis} entries cite a document, {analysis} are our own analysis"),
    ) if v)
    declared: list[Link | Absence] = [l for r in rows for l, _ in r.links] + [x.absence for x in view.lacks]
    marks = title_marks([a for r in rows for a in (r.article, *(o for _, o in r.links))]) + _status_marks(declared)
    data = {
        "topic": {"id": topic.id, "name": topic.name, "aliases": list(topic.aliases), "description": topic.description},
        "instruments": [{"id": inst.id, "articles": [_topic_row_data(r) for r in rs]} for inst, rs in view.groups],
        "lacks": [{"framework": x.framework.id, "id": x.row.article.id, "title": x.row.article.title, "reason": x.absence.reason,
                   "source": x.absence.source, "status": x.absence.status.value, **provenance_data(x.absence)}
                  for x in view.lacks],
    }
    return Report("topic", View(f"Topic: {topic.name}", tuple(sections), facts, legend=True, marks=marks), data)


def _topic_cells(row: TopicRow) -> tuple[object, ...]:
    counterparts = ", ".join(f"{SYMBOLS[l.relation.value]} {Ref(o.id, l.to_paragraphs)}" + ("" if l.status == "reviewed" else " (draft)")
                             for l, o in row.links)
    absent = ", ".join(a.absent_in for a in row.absences)
    return (Ref(row.article.id, row.entry.paragraphs), title(row.article), row.entry.reason, counterparts or "—",
            absent, row.entry.source)


def _topic_row_data(row: TopicRow) -> dict[str, object]:
    return {
        "id": row.article.id, "title": row.article.title, "verified": row.article.verified, "paragraphs": row.entry.paragraphs,
        "reason": row.entry.reason, "source": row.entry.source,
        "counterparts": [{"id": o.id, "relation": l.relation.value, "status": l.status.value,
                          "to_paragraphs": l.to_paragraphs, "basis": l.basis.value if l.basis else None} for l, o in row.links],
        "absent_in": [{"scope": a.absent_in, "reason": a.reason, "source": a.source, "status": a.status.value,
                       **provenance_data(a)} for a in row.absences],
    }
