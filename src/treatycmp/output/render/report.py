"""The offline HTML report: every declared comparison, gaps both ways, coverage, articles with anchors,
and a filter box with status and basis filters (a small inline script that works from ``file://``).

It formats what :func:`treatycmp.api.report_data` computed; it calls no engine function itself.
"""

from __future__ import annotations

from html import escape

from ..._version import __version__
from ...api import ReportData
from ...engine.compare import Counterparts, Diff
from ...engine.coverage import Coverage
from ...engine.notes import NoteView
from ...engine.topics import TopicView
from ...models import Absence, Article, Basis, Corpus, GuidanceNote, Link
from ..present import er_fact, title
from ..textsafe import visible
from ..views import MARK_LEGEND, SYMBOLS, UNCONFIRMED, label, status_word
from .html import bar_html, legend_html, marks_html, page
from .reachsection import reach_section

SCRIPT = """<script>
(function () {
  var box = document.getElementById('filter');
  var status = document.getElementById('status');
  var basis = document.getElementById('basis');
  var count = document.getElementById('count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row]'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('[data-count]'));
  function apply() {
    var terms = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var ground = basis.value;
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var ok = terms.every(function (t) { return text.indexOf(t) !== -1; });
      if (wanted && row.hasAttribute('data-status') && row.getAttribute('data-status') !== wanted) { ok = false; }  // notes and topics have no status
      if (ground && row.hasAttribute('data-basis') && (' ' + row.getAttribute('data-basis') + ' ').indexOf(' ' + ground + ' ') === -1) { ok = false; }
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (head) {
      var table = document.getElementById(head.getAttribute('data-count'));
      var visible = table ? table.querySelectorAll('[data-row]:not([hidden])').length : 0;
      head.querySelector('.n').textContent = visible;
    });
    count.textContent = shown + ' of ' + rows.length + ' rows and articles';
  }
  box.addEventListener('input', apply);
  status.addEventListener('change', apply);
  basis.addEventListener('change', apply);
  apply();
})();
</script>
"""

EXTRA_CSS = """
#filterbar{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd;z-index:1}
#filter{font-size:1rem;padding:.35rem .5rem;width:22rem;max-width:100%}
[id]{scroll-margin-top:4.5rem}
nav ul{columns:2}.card{border:1px solid #ddd;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
.card h4{margin:.1rem 0}.muted{color:#666}
@media print{#filterbar{display:none}}
"""


def e(text: object) -> str:
    """Data made harmless for HTML: control characters shown, markup escaped."""
    return escape(visible(str(text)))


def anchor(article_id: str) -> str:
    return "art-" + article_id.replace(":", "-")


def build_report(data: ReportData) -> str:
    """The whole report as one self-contained HTML page."""
    corpus = data.corpus
    body = [
        "<h1>treatycmp: article-by-article comparison of cybercrime treaties</h1>",
        f'<p class="muted">Data version {e(corpus.meta.data_version)} · treatycmp {e(__version__)} · '
        f"data licence {e(corpus.meta.licence or 'see README')}"
        + (f" · only {e(data.status)} rows" if data.status else "")
        + (f" · only rows with basis {e(data.basis)}" if data.basis else "") + "</p>",
        _filter_bar(),
        _contents(corpus, [d for d, _ in data.comparisons]),
        legend_html(),
        marks_html(tuple(MARK_LEGEND.values())),
    ]
    body += [_comparison(d, cov) for d, cov in data.comparisons]
    body += [_articles(corpus, inst.id, data.cards) for inst in corpus.instruments]
    body += [x for x in (_notes_section(data.notes), _topics_section(data.topics), reach_section(data.reach)) if x]
    body.append(_sources(corpus))
    return page("treatycmp report", "\n".join(body), SCRIPT, EXTRA_CSS)


def _filter_bar() -> str:
    return ('<div id="filterbar"><label for="filter">Filter rows: </label>'
            '<input id="filter" type="search" placeholder="e.g. grooming, budapest:32, intersects" autocomplete="off"> '
            '<label for="status">Status: </label><select id="status"><option value="">all</option>'
            '<option value="reviewed">reviewed</option><option value="draft">draft</option></select> '
            '<label for="basis">Basis: </label><select id="basis"><option value="">all</option>'
            + "".join(f'<option value="{b.value}">{b.value}</option>' for b in Basis) + "</select> "
            '<span id="count"></span></div>')


def _contents(corpus: Corpus, diffs: list[Diff]) -> str:
    items = [f'<li><a href="#cmp-{e(d.a.id)}-{e(d.b.id)}">{e(d.a.name)} → {e(d.b.name)}</a></li>' for d in diffs]
    items += [f'<li><a href="#inst-{e(i.id)}">Articles of {e(i.short)}</a></li>' for i in corpus.instruments]
    items += ['<li><a href="#guidance-notes">T-CY Guidance Notes</a></li>'] if corpus.notes else []
    items += ['<li><a href="#topics">Topic views</a></li>'] if corpus.topics else []
    items += ['<li><a href="#reach">Who is bound</a></li>'] if corpus.reach else []
    return "<nav><h2>Contents</h2><ul>" + "".join(items) + '<li><a href="#sources">Sources</a></li></ul></nav>'


def _comparison(d: Diff, cov: Coverage) -> str:
    chart = "".join(
        f"<tr><td>{e(r.chapter or '')}</td><td>{r.total}</td><td>{r.total and sum(r.drafts.values())}</td>"
        f"<td>{bar_html(_bar(r.counts, r.drafts))}</td></tr>"
        for r in cov.rows
    )
    key = f"{e(d.a.id)}-{e(d.b.id)}"
    parts = [
        f'<section id="cmp-{key}"><h2>{e(d.a.name)} → {e(d.b.name)}</h2>',
        "<h3>Coverage by chapter</h3><table><thead><tr><th>Chapter</th><th>Articles</th><th>of which draft</th>"
        f"<th>Relations (draft shaded)</th></tr></thead><tbody>{chart}</tbody></table>",
        _rows_table("Counterparts", d, "link", f"{key}-link"),
        _rows_table(f"{d.a.name}: no counterpart in {d.b.name}", d, "gap", f"{key}-gap"),
        _rows_table(f"{d.b.name}: nothing in {d.a.name}", d, "only_b", f"{key}-only"),
        "</section>",
    ]
    return "\n".join(parts)


def _bar(counts: dict[str, int], drafts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(x for k in counts for x in ((k, counts[k] - drafts.get(k, 0)), (f"{k}:draft", drafts.get(k, 0))))


def _rows_table(title_: str, d: Diff, kind: str, table_id: str) -> str:
    rows = d.of_kind(kind)
    head = f'<h3 data-count="{table_id}">{e(title_)} (<span class="n">{len(rows)}</span>)</h3>'
    if not rows:
        return head + "<p><i>(none)</i></p>"
    body = "".join(
        f'<tr data-row data-status="{_status(r.status, r.declared)}" data-basis="{_basis(r.basis, r.declared)}">'
        f'<td class="id">{_ref(r.from_article)}</td>'
        f'<td>{_title(r.from_article)}</td><td class="rel rel-{e(r.relation)}">{e(label(r.relation))}</td>'
        f'<td class="id">{_ref(r.to_article)}</td><td>{_title(r.to_article)}</td>'
        f'<td class="status-{_status(r.status, r.declared)}">{_status(r.status, r.declared)}</td>'
        f'<td class="basis" title="{e(_evidence(r.evidence))}">{_basis(r.basis, r.declared)}</td>'
        f"<td>{e(r.note)}</td><td>{e(r.source)}</td></tr>"
        for r in rows
    )
    names = (e(d.a.id), "Title", "Relation", e(d.b.id), "Title", "Status", "Basis", "Note / reason", "Source")
    heads = "".join(f"<th>{h}</th>" for h in names)
    return f'{head}<table id="{table_id}"><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>'


def _status(status: str | None, declared: bool = True) -> str:
    return status_word(status) if declared else "unmapped"


def _basis(basis: Basis | None, declared: bool = True) -> str:
    return basis.value if basis and declared else "none"


def _evidence(evidence: tuple[str, str] | None) -> str:
    return f"read: {evidence[0]} | {evidence[1]}" if evidence else ""


def _row_mark(row: Link | Absence) -> str:
    """'(draft · analysis)': the status and basis of a row on a card, the evidence as its tooltip."""
    word = status_word(row.status)
    return (f'<span class="status-{word}" title="{e(_evidence(row.evidence))}">'
            f"({word} · {_basis(row.basis)})</span>")


def _ref(article: Article | None) -> str:
    return f'<a href="#{anchor(article.id)}">{e(article.id)}</a>' if article else ""


def _title(article: Article | None) -> str:
    return e(title(article)) if article else ""


def _articles(corpus: Corpus, inst_id: str, cards: tuple[Counterparts, ...]) -> str:
    inst = corpus.instrument(inst_id)
    html = [_card(c, corpus) for c in cards if c.article.instrument == inst_id]
    head = f'<section id="inst-{e(inst.id)}"><h2>Articles of {e(inst.name)} ({e(inst.number)})</h2>'
    return head + "".join(html) + "</section>"


def _card(card: Counterparts, corpus: Corpus | None = None) -> str:
    art = card.article
    links = "".join(
        f'<li><span class="rel rel-{e(l.relation.value)}">{e(label(l.relation.value))}</span> {_ref(o)} {_title(o)}'
        f" {_row_mark(l)}</li>"
        for l, o in card.links
    )
    absent = "".join(f"<li>no counterpart in {e(a.absent_in)}: {e(a.reason)} {_row_mark(a)}</li>" for a in card.absences)
    statuses = {status_word(l.status) for l, _ in card.links} | {status_word(a.status) for a in card.absences}
    rows: list[Link | Absence] = [*(l for l, _ in card.links), *card.absences]
    bases = " ".join(sorted({_basis(r.basis) for r in rows}))
    mark = f' <span title="{e(MARK_LEGEND["unconfirmed"])}">{UNCONFIRMED}</span>' if not art.verified else ""
    return (f'<div class="card" data-row data-status="{"reviewed" if statuses == {"reviewed"} else "draft"}" '
            f'data-basis="{bases}" '
            f'id="{anchor(art.id)}"><h4>{e(art.id)} — {e(art.title)}{mark}</h4>'
            f'<p class="muted">{e(art.place)}</p><p>{e(art.summary)}</p><ul>{links}{absent}</ul>'
            f"{_card_commentary(art, corpus) if corpus else ''}</div>")


def _sources(corpus: Corpus) -> str:
    items = []
    for inst in corpus.instruments:
        srcs = "".join(f"<li>{e(s)}</li>" for s in inst.sources)
        url = f' — <a href="{e(inst.url)}">{e(inst.url)}</a>' if inst.url.startswith(("https://", "http://")) else ""
        items.append(f"<li><b>{e(inst.name)}</b> ({e(inst.number)}){url}<ul>{srcs}</ul></li>")
    return '<section id="sources"><h2>Sources</h2><ul>' + "".join(items) + "</ul></section>"


def note_anchor(note: GuidanceNote) -> str:
    return f"gn-{note.number}"


def _fact(note: GuidanceNote, name: str, value: str) -> str:
    """A note's fact, marked † (with the legend as a tooltip) when the note lists it as unconfirmed."""
    if not value or note.confirmed(name):
        return e(value)
    return f'{e(value)} <span title="{e(MARK_LEGEND["unconfirmed_fact"])}">{UNCONFIRMED}</span>'


def _card_commentary(art: Article, corpus: Corpus) -> str:
    """The notes that interpret *art*, linked to their entries, and its Explanatory Report paragraphs."""
    notes = ", ".join(f'<a href="#{note_anchor(n)}">{e(n.label)}</a> {_fact(n, "title", n.title)}' for n in corpus.notes_of(art.id))
    er = er_fact(corpus, art)
    parts = ([f'<p class="muted">Guidance Notes: {notes}</p>'] if notes else []) + ([f'<p class="muted">{e(er)}</p>'] if er else [])
    return "".join(parts)


def _notes_section(views: tuple[NoteView, ...]) -> str:
    if not views:
        return ""
    target = views[0].target
    items = []
    for view in views:
        note = view.note
        rows = "".join(
            f"<li>{_ref(r.article)} {_title(r.article)}: "
            + ("; ".join(f'<span class="rel rel-{e(l.relation.value)}">{e(label(l.relation.value))}</span> {_ref(o)} {_title(o)}'
                         for l, o in r.links)
               or (f"no counterpart in {e(target.id)}: {e(r.absence.reason)}" if r.absence else "not mapped"))
            + "</li>"
            for r in view.rows
        )
        articles = (f"<ul>{rows}</ul>" if rows else "<p><i>No source we read names the articles this note covers.</i></p>")
        marked = " (articles " + _fact(note, "articles", "unconfirmed") + ")" if view.rows and not note.confirmed("articles") else ""
        facts = " · ".join(x for x in (_fact(note, "symbol", note.symbol), _fact(note, "plenary", note.plenary),
                                       _fact(note, "adopted", note.adopted or "")) if x)
        items.append(f'<div class="card" data-row id="{note_anchor(note)}"><h4>{e(note.label)} — {_fact(note, "title", note.title)}</h4>'
                     f'<p class="muted">{facts}</p><p>{e(note.summary)}</p>'
                     f"<p>Articles and their counterparts in {e(target.name)}{marked}:</p>{articles}</div>")
    return ('<section id="guidance-notes"><h2>T-CY Guidance Notes</h2><p class="muted">'
            f"{e(MARK_LEGEND['unconfirmed_fact'])}</p>" + "".join(items) + "</section>")


def _topics_section(views: tuple[TopicView, ...]) -> str:
    if not views:
        return ""
    parts = ['<section id="topics"><h2>Topic views</h2>']
    for view in views:
        topic = view.topic
        rows = "".join(
            f'<tr data-row><td class="id">{_ref(r.article)}</td><td>{_title(r.article)}</td><td>{e(r.entry.reason)}</td>'
            f"<td>{', '.join(f'{e(SYMBOLS[l.relation.value])} {_ref(o)}' for l, o in r.links) or '—'}</td>"
            f"<td>{e(', '.join(a.absent_in for a in r.absences))}</td><td>{e(r.entry.source)}</td></tr>"
            for r in view.rows
        )
        heads = "".join(f"<th>{h}</th>" for h in ("Article", "Title", "Why on this topic", "Counterparts", "Absent in", "Source"))
        parts.append(f'<h3 id="topic-{e(topic.id)}">{e(topic.name)}</h3><p>{e(topic.description)}</p>'
                     f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>")
    return "".join(parts) + "</section>"
