"""The offline HTML report: every declared comparison, gaps both ways, coverage, articles with
anchors, and a filter box with status and basis filters (a small inline script that works from
``file://``).

It lays out on one page the same reports the commands show: each comparison's ``diff`` and
``coverage``, each article's ``show`` card, each Guidance Note of ``notes`` and each ``topic``; it
builds none of their rows itself.
"""

from __future__ import annotations

from html import escape
from typing import Any, Iterable

from ..._version import __version__
from ...api import ReportData
from ...engine.compare import Diff
from ...engine.notes import NoteView
from ...engine.topics import TopicView
from ...models import Basis, Corpus, Status
from ..present import (
    article_card,
    coverage_report,
    diff_parts,
    diff_report,
    note_report,
    topic_report,
)
from ..rows import Record
from ..textsafe import visible
from ..views import (
    DRAFT,
    MARK_LEGEND,
    REVIEWED,
    SYMBOLS,
    UNCONFIRMED,
    Report,
    Section,
    basis_word,
    label,
    marked,
    status_word,
)
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
      // notes and topics have no status
      var status = row.getAttribute('data-status');
      if (wanted && row.hasAttribute('data-status') && status !== wanted) { ok = false; }
      var bases = ' ' + row.getAttribute('data-basis') + ' ';
      if (ground && row.hasAttribute('data-basis') && bases.indexOf(' ' + ground + ' ') === -1) {
        ok = false;
      }
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
#filterbar{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd;
z-index:1}
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
        f'<p class="muted">Data version {e(corpus.meta.data_version)} · treatycmp {e(__version__)} '
        f"· "
        f"data licence {e(corpus.meta.licence or 'see README')}"
        + (f" · only {e(data.status)} rows" if data.status else "")
        + (f" · only rows with basis {e(data.basis)}" if data.basis else "")
        + "</p>",
        _filter_bar(),
        _contents(corpus, [d for d, _ in data.comparisons]),
        legend_html(),
        marks_html(tuple(MARK_LEGEND.values())),
    ]
    body += [_comparison(d, diff_report(d), coverage_report(cov)) for d, cov in data.comparisons]
    cards = [article_card(corpus, c) for c in data.cards]
    body += [_articles(corpus, inst.id, cards) for inst in corpus.instruments]
    sections = (_notes_section(data.notes), _topics_section(data.topics), reach_section(data.reach))
    body += [x for x in sections if x]
    body.append(_sources(corpus))
    return page("treatycmp report", "\n".join(body), SCRIPT, EXTRA_CSS)


def _filter_bar() -> str:
    return (
        '<div id="filterbar"><label for="filter">Filter rows: </label>'
        '<input id="filter" type="search" placeholder="e.g. grooming, budapest:32, intersects" '
        'autocomplete="off"> <label for="status">Status: </label><select id="status">'
        + _options(s.value for s in Status)
        + ' <label for="basis">Basis: </label>'
        '<select id="basis">' + _options(b.value for b in Basis) + ' <span id="count"></span></div>'
    )


def _options(values: Iterable[str]) -> str:
    """A select's options: 'all', then each value (closing the select)."""
    items = "".join(f'<option value="{v}">{v}</option>' for v in values)
    return f'<option value="">all</option>{items}</select>'


def _contents(corpus: Corpus, diffs: list[Diff]) -> str:
    items = [
        f'<li><a href="#cmp-{e(d.a.id)}-{e(d.b.id)}">{e(d.a.name)} → {e(d.b.name)}</a></li>'
        for d in diffs
    ]
    items += [
        f'<li><a href="#inst-{e(i.id)}">Articles of {e(i.short)}</a></li>'
        for i in corpus.instruments
    ]
    items += ['<li><a href="#guidance-notes">T-CY Guidance Notes</a></li>'] if corpus.notes else []
    items += ['<li><a href="#topics">Topic views</a></li>'] if corpus.topics else []
    items += ['<li><a href="#reach">Who is bound</a></li>'] if corpus.reach else []
    return (
        "<nav><h2>Contents</h2><ul>"
        + "".join(items)
        + '<li><a href="#sources">Sources</a></li></ul></nav>'
    )


def _comparison(d: Diff, diff: Report, cov: Report) -> str:
    """A comparison: the coverage bars by chapter, then the diff's three parts as filterable
    tables."""
    bars: Iterable[Any] = (row[-1] for row in cov.view.sections[0].rows)  # the chart column
    chart = "".join(
        f"<tr><td>{e(c['chapter'] or '')}</td><td>{c['total']}</td>"
        f"<td>{c['total'] and sum(c['draft'].values())}</td><td>{bar_html(bar)}</td></tr>"
        for c, bar in zip(_data(cov)["chapters"], bars)
    )
    key = f"{e(d.a.id)}-{e(d.b.id)}"
    rows = _data(diff)["rows"]
    tables = [
        _rows_table(title, d, [r for r in rows if r["kind"] == kind], f"{key}-{kind_id}")
        for (kind, title), kind_id in zip(diff_parts(d.a, d.b), ("link", "gap", "only"))
    ]
    return "\n".join(
        [
            f'<section id="cmp-{key}"><h2>{e(d.a.name)} → {e(d.b.name)}</h2>',
            "<h3>Coverage by chapter</h3><table><thead><tr><th>Chapter</th><th>Articles</th>"
            "<th>of which draft</th><th>Relations (draft shaded)</th></tr></thead>"
            f"<tbody>{chart}</tbody></table>",
            *tables,
            "</section>",
        ]
    )


def _data(report: Report) -> Record:
    """A report's data as records by key ({} for a list)."""
    return report.data if isinstance(report.data, dict) else {}


def _cells(section: Section) -> list[dict[str, object]]:
    """What a view shows of each row, by column key."""
    keys = [c.key for c in section.columns]
    return [dict(zip(keys, row)) for row in section.rows]


def _rows_table(title: str, d: Diff, rows: list[Record], table_id: str) -> str:
    head = f'<h3 data-count="{table_id}">{e(title)} (<span class="n">{len(rows)}</span>)</h3>'
    if not rows:
        return head + "<p><i>(none)</i></p>"
    body = "".join(
        f'<tr data-row data-status="{_status(r)}" data-basis="{_basis(r)}">'
        f'<td class="id">{_ref(r["from"])}</td><td>{_title(r, "from_")}</td>'
        f'<td class="rel rel-{e(r["relation"])}">{e(label(r["relation"]))}</td>'
        f'<td class="id">{_ref(r["to"])}</td><td>{_title(r, "to_")}</td>'
        f'<td class="status-{_status(r)}">{_status(r)}</td>'
        f'<td class="basis" title="{e(_evidence(r))}">{_basis(r)}</td>'
        f"<td>{e(r['note'])}</td><td>{e(r['source'])}</td></tr>"
        for r in rows
    )
    names = (
        e(d.a.id),
        "Title",
        "Relation",
        e(d.b.id),
        "Title",
        "Status",
        "Basis",
        "Note / reason",
        "Source",
    )
    heads = "".join(f"<th>{h}</th>" for h in names)
    return (
        f'{head}<table id="{table_id}"><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>'
    )


def _status(r: Record) -> str:
    """The status a filter reads: the row's status word, or 'unmapped' for a row not declared."""
    return "unmapped" if r["status"] is None else status_word(r["status"])


def _basis(r: Record) -> str:
    """The basis a filter reads: the row's basis, or 'none'."""
    return r["basis"] or "none"


def _evidence(r: Record) -> str:
    read = r["evidence"]
    return f"read: {' | '.join(read.values())}" if read else ""


def _row_mark(r: Record) -> str:
    """'(draft · analysis)': the status and basis of a row on a card, the evidence as its
    tooltip."""
    word = status_word(r["status"])
    return (
        f'<span class="status-{word}" title="{e(_evidence(r))}">'
        f"({word} · {e(basis_word(r['basis']))})</span>"
    )


def _relation(relation: str) -> str:
    return f'<span class="rel rel-{e(relation)}">{e(label(relation))}</span>'


def _ref(article_id: str | None) -> str:
    return f'<a href="#{anchor(article_id)}">{e(article_id)}</a>' if article_id else ""


def _title(r: Record, side: str = "") -> str:
    """The title of a record's article (*side*: 'from_', 'to_'), marked † when not confirmed."""
    text = r[f"{side}title"]
    return e(marked(text, r[f"{side}verified"])) if text else ""


def _marked_html(text: str, legend: str) -> str:
    """*text* as a view shows it, its † mark (if any) with the legend line *legend* as tooltip."""
    mark = f" {UNCONFIRMED}"
    if not text.endswith(mark):
        return e(text)
    tooltip = e(MARK_LEGEND[legend])
    return f'{e(text.removesuffix(mark))} <span title="{tooltip}">{UNCONFIRMED}</span>'


def _articles(corpus: Corpus, inst_id: str, cards: list[Report]) -> str:
    inst = corpus.instrument(inst_id)
    html = [_card(c) for c in cards if _data(c)["article"]["instrument"] == inst_id]
    head = f'<section id="inst-{e(inst.id)}"><h2>Articles of {e(inst.name)} ({e(inst.number)})</h2>'
    return head + "".join(html) + "</section>"


def _card(card: Report) -> str:
    """An article's ``show`` card: title, place, summary, counterparts, absences, commentary."""
    data, facts = _data(card), dict(card.view.facts)
    art, rows = data["article"], [*data["links"], *data["absent_in"]]
    links = "".join(
        f"<li>{_relation(l['relation'])} {_ref(l['to'])} {_title(l)} {_row_mark(l)}</li>"
        for l in data["links"]
    )
    absent = "".join(
        f"<li>no counterpart in {e(a['instrument'])}: {e(a['reason'])} {_row_mark(a)}</li>"
        for a in data["absent_in"]
    )
    status = REVIEWED if {status_word(r["status"]) for r in rows} == {REVIEWED} else DRAFT
    bases = " ".join(sorted({_basis(r) for r in rows}))
    title = _marked_html(marked(card.view.title, art["verified"]), "unconfirmed")
    return (
        f'<div class="card" data-row data-status="{status}" data-basis="{bases}" '
        f'id="{anchor(art["id"])}"><h4>{title}</h4>'
        f'<p class="muted">{e(facts.get("place", ""))}</p><p>{e(art["summary"])}</p>'
        f"<ul>{links}{absent}</ul>{_commentary(card)}</div>"
    )


def _sources(corpus: Corpus) -> str:
    items = []
    for inst in corpus.instruments:
        srcs = "".join(f"<li>{e(s)}</li>" for s in inst.sources)
        url = (
            f' — <a href="{e(inst.url)}">{e(inst.url)}</a>'
            if inst.url.startswith(("https://", "http://"))
            else ""
        )
        items.append(f"<li><b>{e(inst.name)}</b> ({e(inst.number)}){url}<ul>{srcs}</ul></li>")
    return '<section id="sources"><h2>Sources</h2><ul>' + "".join(items) + "</ul></section>"


def note_anchor(number: object) -> str:
    return f"gn-{number}"


def _commentary(card: Report) -> str:
    """The card's Guidance Notes, linked to their entries, and its Explanatory Report
    paragraphs."""
    shown = next((_cells(s) for s in card.view.sections if s.title == "Guidance Notes"), [])
    links = ", ".join(
        f'<a href="#{note_anchor(n["number"])}">{e(cells["note"])}</a> '
        f"{_marked_html(str(cells['title']), 'unconfirmed_fact')}"
        for n, cells in zip(_data(card)["guidance_notes"], shown)
    )
    er = dict(card.view.facts).get("explanatory report", "")
    return (f'<p class="muted">Guidance Notes: {links}</p>' if links else "") + (
        f'<p class="muted">{e(er)}</p>' if er else ""
    )


def _notes_section(views: tuple[NoteView, ...]) -> str:
    if not views:
        return ""
    items = "".join(_note(note_report(v)) for v in views)
    return (
        '<section id="guidance-notes"><h2>T-CY Guidance Notes</h2><p class="muted">'
        f"{e(MARK_LEGEND['unconfirmed_fact'])}</p>" + items + "</section>"
    )


def _note(report: Report) -> str:
    """A Guidance Note as ``notes NUMBER`` shows it: its facts, then its articles'
    counterparts."""
    data, facts = _data(report), dict(report.view.facts)
    note, rows = data["note"], data["articles"]
    items = "".join(
        f"<li>{_ref(r['id'])} {_title(r)}: {_note_counterparts(r, data['to'])}</li>" for r in rows
    )
    articles = (
        f"<ul>{items}</ul>"
        if items
        else "<p><i>No source we read names the articles this note covers.</i></p>"
    )
    unconfirmed = _marked_html(marked("unconfirmed", False), "unconfirmed_fact")
    said = f" (articles {unconfirmed})" if rows and "articles" in note["unconfirmed"] else ""
    shown = " · ".join(
        _marked_html(facts[k], "unconfirmed_fact")
        for k in ("symbol", "adopted by", "adopted")
        if k in facts
    )
    return (
        f'<div class="card" data-row id="{note_anchor(note["number"])}">'
        f"<h4>{_marked_html(report.view.title, 'unconfirmed_fact')}</h4>"
        f'<p class="muted">{shown}</p><p>{e(note["summary"])}</p>'
        f"<p>{e(report.view.sections[0].title)}{said}:</p>{articles}</div>"
    )


def _note_counterparts(r: Record, target: str) -> str:
    """An article's counterparts in the note's target, or why it has none."""
    if r["counterparts"]:
        return "; ".join(
            f"{_relation(c['relation'])} {_ref(c['id'])} {_title(c)}" for c in r["counterparts"]
        )
    return (
        f"no counterpart in {e(target)}: {e(r['absent']['reason'])}"
        if r["absent"]
        else "not mapped"
    )


def _topics_section(views: tuple[TopicView, ...]) -> str:
    if not views:
        return ""
    topics = "".join(_topic(topic_report(v)) for v in views)
    return f'<section id="topics"><h2>Topic views</h2>{topics}</section>'


def _topic(report: Report) -> str:
    """A topic as ``topic NAME`` shows it: every article on it with its counterparts."""
    data = _data(report)
    topic = data["topic"]
    rows = "".join(_topic_row(r) for group in data["instruments"] for r in group["articles"])
    names = ("Article", "Title", "Why on this topic", "Counterparts", "Absent in", "Source")
    heads = "".join(f"<th>{h}</th>" for h in names)
    return (
        f'<h3 id="topic-{e(topic["id"])}">{e(topic["name"])}</h3>'
        f"<p>{e(topic['description'])}</p>"
        f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _topic_row(r: Record) -> str:
    links = ", ".join(f"{e(SYMBOLS[c['relation']])} {_ref(c['id'])}" for c in r["counterparts"])
    absent = ", ".join(a["scope"] for a in r["absent_in"])
    return (
        f'<tr data-row><td class="id">{_ref(r["id"])}</td><td>{_title(r)}</td>'
        f"<td>{e(r['reason'])}</td><td>{links or '—'}</td><td>{e(absent)}</td>"
        f"<td>{e(r['source'])}</td></tr>"
    )
