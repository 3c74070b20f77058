"""Turn engine results into :class:`~treatycmp.views.Report` objects: a table view and JSON data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .compare import Counterparts, Diff, DiffRow, Gap
from .findings import Finding
from .models import Article, Corpus, Instrument, Link
from .models import Scope
from .render.style import SYMBOLS

if TYPE_CHECKING:
    from .coverage import Coverage
    from .lineage import Lineage
    from .lookup import FindResult

from .views import BAR, ID, NUMBER, RELATION, SOURCE, Column, Ref, Report, Section, View

UNVERIFIED = "† title not yet confirmed against the official English text."
UNVERIFIED_NOTE = UNVERIFIED + " ⚠ not mapped: neither linked nor declared absent (see 'treatycmp check')."
ARTICLE_COLUMNS = (Column("id", "Article", ID, 1, 11), Column("title", "Title", ratio=3))


def article_data(art: Article) -> dict[str, object]:
    """The stable JSON form of an article."""
    return {
        "id": art.id, "instrument": art.instrument, "num": art.num, "title": art.title,
        "chapter": str(art.chapter) if art.chapter else None,
        "section": str(art.section) if art.section else None,
        "title_group": str(art.title_group) if art.title_group else None,
        "summary": art.summary, "keywords": list(art.keywords), "source": art.source, "verified": art.verified,
    }


def instruments_report(corpus: Corpus) -> Report:
    cols = (Column("id", "Id", ID, 1, 8), Column("name", "Instrument", ratio=3), Column("number", "Number", ratio=1),
            Column("opened", "Opened"), Column("articles", "Articles", NUMBER), Column("aliases", "Aliases", ratio=3))
    rows = tuple((i.id, i.short, i.number, i.opened or "", str(len(i.articles)), ", ".join(i.aliases)) for i in corpus.instruments)
    group_cols = (Column("id", "Group", ID), Column("name", "Name", ratio=3), Column("members", "Members", ratio=2))
    group_rows = tuple((g.id, g.name, ", ".join(g.members), ) for g in corpus.groups)
    view = View("Instruments", (Section("Instruments", cols, rows), Section("Groups", group_cols, group_rows)),
                (("data version", corpus.meta.data_version),))
    data = {
        "data_version": corpus.meta.data_version,
        "instruments": [_instrument_data(i) for i in corpus.instruments],
        "groups": [{"id": g.id, "name": g.name, "members": list(g.members), "aliases": list(g.aliases)} for g in corpus.groups],
    }
    return Report("list", view, data)


def _instrument_data(inst: Instrument) -> dict[str, object]:
    return {
        "id": inst.id, "name": inst.name, "short": inst.short, "number": inst.number, "adopted": inst.adopted,
        "opened": inst.opened, "place": inst.place, "in_force": inst.in_force, "status_note": inst.status_note,
        "languages": list(inst.languages), "url": inst.url, "aliases": list(inst.aliases),
        "article_count": inst.article_count, "sources": list(inst.sources),
    }


def articles_report(corpus: Corpus, scope: Scope, articles: tuple[Article, ...]) -> Report:
    cols = (*ARTICLE_COLUMNS, Column("chapter", "Chapter", ratio=2), Column("keywords", "Keywords", ratio=2))
    rows = tuple((a.id, _title(a), str(a.chapter or ""), ", ".join(a.keywords[:6])) for a in articles)
    names = [f"{i.name} ({i.number})" for i in (corpus.instrument(m) for m in scope.members)]
    facts = (("instrument" if len(names) == 1 else "instruments", "; ".join(names)), ("articles", str(len(articles))))
    view = View(f"{scope.name}: articles", (Section(scope.name, cols, rows),), facts, footer=_footer(articles))
    return Report("articles", view, [article_data(a) for a in articles])


def _footer(articles: Iterable[Article]) -> str:
    return UNVERIFIED if any(not a.verified for a in articles) else ""


def _title(art: Article) -> str:
    return art.title if art.verified else f"{art.title} †"


def diff_report(diff: Diff) -> Report:
    a, b = diff.a, diff.b
    fa, fb = (Column("from", a.id, ID), Column("from_title", f"{a.id} title", ratio=3))
    ta, tb = (Column("to", b.id, ID), Column("to_title", f"{b.id} title", ratio=3))
    rel, note, src = Column("relation", "Relation", RELATION), Column("note", "Note / reason", ratio=5), Column("source", "Source", SOURCE, 1)
    fp, tp = Column("from_paragraphs", "¶", in_tables=False), Column("to_paragraphs", "¶", in_tables=False)
    layouts = {"link": (fa, fb, rel, ta, tb, note, src, fp, tp), "gap": (fa, fb, note, src), "only_b": (ta, tb, note, src)}
    parts = (("link", "Counterparts"), ("gap", f"{a.name}: no counterpart in {b.name}"),
             ("only_b", f"{b.name}: nothing in {a.name}"))
    sections = tuple(
        Section(title, layouts[kind], tuple(_pick_cells(_diff_cells(r), layouts[kind]) for r in diff.of_kind(kind)))
        for kind, title in parts
    )
    counts = {kind: len(diff.of_kind(kind)) for kind, _ in parts}
    facts = (("from", _scope_label(a)), ("to", _scope_label(b)),
             ("rows", f"{counts['link']} links · {counts['gap']} gaps · {counts['only_b']} only in {b.id}"))
    data = {"from": a.id, "to": b.id, "rows": [_diff_data(r) for r in diff.rows]}
    return Report("diff", View(f"{a.name} → {b.name}", sections, facts, legend=True, footer=UNVERIFIED_NOTE), data)


def _scope_label(scope: Scope) -> str:
    return f"{scope.name} ({', '.join(scope.members)})" if scope.is_group else f"{scope.name} ({scope.id})"


_DIFF_KEYS = ("from", "from_title", "relation", "to", "to_title", "note", "source", "from_paragraphs", "to_paragraphs")


def _pick_cells(cells: tuple[object, ...], columns: tuple[Column, ...]) -> tuple[object, ...]:
    values = dict(zip(_DIFF_KEYS, cells))
    return tuple(values[c.key] for c in columns)


def _diff_cells(row: DiffRow) -> tuple[object, ...]:
    fa, ta = row.from_article, row.to_article
    return (
        Ref(fa.id, row.from_paragraphs) if fa else "", _title(fa) if fa else "", row.relation,
        Ref(ta.id, row.to_paragraphs) if ta else "", _title(ta) if ta else "",
        row.note if row.declared else f"⚠ {row.note}", row.source, row.from_paragraphs or "", row.to_paragraphs or "",
    )


def _diff_data(row: DiffRow) -> dict[str, object]:
    fa, ta = row.from_article, row.to_article
    return {
        "kind": row.kind, "from": fa.id if fa else None, "from_title": fa.title if fa else None,
        "to": ta.id if ta else None, "to_title": ta.title if ta else None, "relation": row.relation,
        "note": row.note, "source": row.source, "status": row.status, "declared": row.declared,
        "from_paragraphs": row.from_paragraphs, "to_paragraphs": row.to_paragraphs,
    }


def gaps_report(a: Scope, b: Scope, gaps: tuple[Gap, ...]) -> Report:
    cols = (*ARTICLE_COLUMNS, Column("reason", "Why no counterpart", ratio=5), Column("source", "Source", SOURCE, 1))
    rows = tuple((g.article.id, _title(g.article), g.reason if g.declared else f"⚠ {g.reason}", g.source) for g in gaps)
    facts = (("from", _scope_label(a)), ("to", _scope_label(b)), ("gaps", str(len(gaps))))
    view = View(f"{a.name}: no counterpart in {b.name}", (Section("Gaps", cols, rows),), facts,
                footer=_footer([g.article for g in gaps]))
    data = [{"id": g.article.id, "title": g.article.title, "reason": g.reason, "source": g.source,
             "declared": g.declared, "status": g.status} for g in gaps]
    return Report("gaps", view, data)


def card_report(corpus: Corpus, card: Counterparts) -> Report:
    art = card.article
    inst = corpus.instrument(art.instrument)
    facts = tuple((k, v) for k, v in (
        ("instrument", f"{inst.short} ({inst.number})"), ("place", art.place), ("summary", art.summary),
        ("keywords", ", ".join(art.keywords)), ("source", art.source),
        ("verified", "yes" if art.verified else "no: title not yet confirmed against the official text"),
    ) if v)
    cols = (Column("to", "Counterpart", ID, 1, 11), Column("title", "Title", ratio=3),
            Column("relation", "Relation", RELATION, 1, 12), Column("note", "Note", ratio=5), Column("source", "Source", SOURCE, 1))
    rows = tuple((Ref(other.id, link.to_paragraphs), _title(other), link.relation.value, link.note, link.source)
                 for link, other in card.links)
    abs_cols = (Column("absent_in", "Absent in", ID, 1, 8), Column("reason", "Reason", ratio=5), Column("source", "Source", SOURCE, 1))
    abs_rows = tuple((a.absent_in, a.reason, a.source) for a in card.absences)
    sections = (Section("Counterparts", cols, rows), Section("No counterpart in", abs_cols, abs_rows))
    data = {
        "article": article_data(art),
        "links": [{"to": o.id, "instrument": o.instrument, "title": o.title, "relation": l.relation.value, "note": l.note,
                   "source": l.source, "status": l.status, "paragraphs": l.from_paragraphs,
                   "to_paragraphs": l.to_paragraphs, "stored": not l.derived} for l, o in card.links],
        "absent_in": [{"instrument": a.absent_in, "reason": a.reason, "source": a.source, "status": a.status}
                      for a in card.absences],
    }
    return Report("show", View(f"{art.id} — {art.title}", sections, facts, legend=bool(rows)), data)


def find_report(result: FindResult) -> Report:
    cols = (*ARTICLE_COLUMNS, Column("score", "Score", NUMBER, 1, 5), Column("matched", "Matched", ratio=3))
    rows = tuple((h.article.id, _title(h.article), f"{h.score:.0f}", f"{h.field}: {h.matched}") for h in result.hits)
    view = View(f"Articles matching {result.query!r}", (Section("Matches", cols, rows),),
                footer=_footer([h.article for h in result.hits]))
    data = [{"id": h.article.id, "title": h.article.title, "score": h.score, "field": h.field, "matched": h.matched}
            for h in result.hits]
    return Report("find", view, data)


def coverage_report(cov: Coverage) -> Report:
    from .coverage import COVERAGE_KEYS

    keys = COVERAGE_KEYS
    cols = (Column("chapter", "Chapter", ratio=3), *(Column(k, k, NUMBER) for k in keys),
            Column("total", "total", NUMBER), Column("chart", "", BAR, 2, 20))
    rows = tuple(_coverage_cells(str(r.chapter) if r.chapter else "(no chapter)", r.counts) for r in cov.rows)
    totals = _coverage_cells("Total", cov.totals)[:-1] + ((),)
    facts = (("from", _scope_label(cov.a)), ("to", _scope_label(cov.b)),
             ("counted", "each article once, by its strongest relation (equal, subset, superset, intersects)"))
    view = View(f"Coverage of {cov.a.name} in {cov.b.name}", (Section("Coverage", cols, rows + (totals,)),), facts, legend=True)
    data = {"from": cov.a.id, "to": cov.b.id,
            "chapters": [{"chapter": str(r.chapter) if r.chapter else None, **r.counts, "total": r.total} for r in cov.rows],
            "totals": {**cov.totals, "total": sum(cov.totals.values())}}
    return Report("coverage", view, data)


def _coverage_cells(label: str, counts: dict[str, int]) -> tuple[object, ...]:
    from .coverage import COVERAGE_KEYS

    values = tuple(str(counts.get(k, 0)) for k in COVERAGE_KEYS)
    return (label, *values, str(sum(counts.values())), tuple((k, counts.get(k, 0)) for k in COVERAGE_KEYS))


def check_data(findings: list[Finding]) -> dict[str, object]:
    """The JSON form of a check run."""
    errors = [f for f in findings if f.severity == "error"]
    return {
        "ok": not errors, "errors": len(errors), "warnings": len(findings) - len(errors),
        "findings": [{"severity": f.severity, "code": f.code, "file": f.file, "line": f.line, "column": f.column,
                      "message": f.message, "article": f.article} for f in findings],
    }


def lineage_report(result: Lineage) -> Report:
    cols = (*ARTICLE_COLUMNS, *(Column(s.id, s.id if s.is_group else s.name, ratio=3) for s in result.sources),
            Column("origin", "Origin", ratio=1))
    rows = tuple((r.article.id, _title(r.article), *(_origin_cell(pairs) for _, pairs in r.origins),
                  "new" if r.is_new else ", ".join(s for s, pairs in r.origins if pairs)) for r in result.rows)
    counts = result.counts()
    summary = " · ".join(f"{counts[s.id]} with a counterpart in {s.id}" for s in result.sources)
    facts = (("articles", str(len(result.rows))), ("origins", summary), ("new", f"{counts['new']} with no counterpart in any"))
    view = View(f"Lineage of {result.subject.name}", (Section("Lineage", cols, rows),), facts, legend=True,
                footer=_footer([r.article for r in result.rows]))
    data = {
        "subject": result.subject.id, "sources": [s.id for s in result.sources], "summary": counts,
        "rows": [{"id": r.article.id, "title": r.article.title, "new": r.is_new,
                  "origins": {s: [{"id": o.id, "title": o.title, "relation": l.relation.value, "note": l.note,
                                   "source": l.source, "status": l.status} for l, o in pairs] for s, pairs in r.origins}}
                 for r in result.rows],
    }
    return Report("lineage", view, data)


def _origin_cell(pairs: tuple[tuple[Link, Article], ...]) -> str:
    if not pairs:
        return "—"
    return "; ".join(f"{SYMBOLS[l.relation.value]} {o.id} {o.title}" for l, o in pairs)
