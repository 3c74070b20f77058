"""The offline HTML report: every declared comparison, gaps both ways, coverage, articles with anchors,
and a filter box (a small inline script that works from ``file://``)."""

from __future__ import annotations

from html import escape

from .._version import __version__
from ..compare import Diff, diff
from ..coverage import coverage
from ..models import Article, Corpus
from ..refs import Resolver
from .html import bar_html, legend_html, page
from .style import label

SCRIPT = """<script>
(function () {
  var box = document.getElementById('filter');
  var count = document.getElementById('count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row]'));
  function apply() {
    var terms = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var ok = terms.every(function (t) { return text.indexOf(t) !== -1; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + ' of ' + rows.length + ' rows and articles';
  }
  box.addEventListener('input', apply);
  apply();
})();
</script>
"""

EXTRA_CSS = """<style>
#filterbar{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd;z-index:1}
#filter{font-size:1rem;padding:.35rem .5rem;width:22rem;max-width:100%}
nav ul{columns:2}.card{border:1px solid #ddd;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
.card h4{margin:.1rem 0}.muted{color:#666}
@media print{#filterbar{display:none}}
</style>
"""


def anchor(article_id: str) -> str:
    return "art-" + article_id.replace(":", "-")


def build_report(corpus: Corpus) -> str:
    """The whole report as one self-contained HTML page."""
    resolver = Resolver(corpus)
    diffs = [diff(corpus, resolver.scope(c.from_id), resolver.scope(c.to_id)) for c in corpus.comparisons]
    body = [
        "<h1>treatycmp: article-by-article comparison of cybercrime treaties</h1>",
        f'<p class="muted">Data version {escape(corpus.meta.data_version)} · treatycmp {escape(__version__)} · '
        f"data licence {escape(corpus.meta.licence or 'see README')}</p>",
        '<div id="filterbar"><label for="filter">Filter rows: </label>'
        '<input id="filter" type="search" placeholder="e.g. grooming, budapest:32, intersects" autocomplete="off"> '
        '<span id="count"></span></div>',
        _contents(corpus, diffs),
        legend_html(),
    ]
    body += [_comparison(corpus, d) for d in diffs]
    body += [_articles(corpus, inst.id) for inst in corpus.instruments]
    body.append(_sources(corpus))
    html = page("treatycmp report", "\n".join(body), SCRIPT)
    return html.replace("</head>", EXTRA_CSS + "</head>", 1)


def _contents(corpus: Corpus, diffs: list[Diff]) -> str:
    items = [f'<li><a href="#cmp-{d.a.id}-{d.b.id}">{escape(d.a.name)} → {escape(d.b.name)}</a></li>' for d in diffs]
    items += [f'<li><a href="#inst-{i.id}">Articles of {escape(i.short)}</a></li>' for i in corpus.instruments]
    return "<nav><h2>Contents</h2><ul>" + "".join(items) + '<li><a href="#sources">Sources</a></li></ul></nav>'


def _comparison(corpus: Corpus, d: Diff) -> str:
    cov = coverage(corpus, d.a, d.b)
    chart = "".join(
        f"<tr><td>{escape(str(r.chapter) if r.chapter else '')}</td><td>{r.total}</td><td>{bar_html(tuple(r.counts.items()))}</td></tr>"
        for r in cov.rows
    )
    parts = [
        f'<section id="cmp-{d.a.id}-{d.b.id}"><h2>{escape(d.a.name)} → {escape(d.b.name)}</h2>',
        "<h3>Coverage by chapter</h3><table><thead><tr><th>Chapter</th><th>Articles</th><th>Relations</th></tr></thead>"
        f"<tbody>{chart}</tbody></table>",
        _rows_table("Counterparts", d, "link"),
        _rows_table(f"{d.a.name}: no counterpart in {d.b.name}", d, "gap"),
        _rows_table(f"{d.b.name}: nothing in {d.a.name}", d, "only_b"),
        "</section>",
    ]
    return "\n".join(parts)


def _rows_table(title: str, d: Diff, kind: str) -> str:
    rows = d.of_kind(kind)
    head = f"<h3>{escape(title)} ({len(rows)})</h3>"
    if not rows:
        return head + "<p><i>(none)</i></p>"
    body = "".join(
        f'<tr data-row><td class="id">{_ref(r.from_article)}</td><td>{_title(r.from_article)}</td>'
        f'<td class="rel rel-{r.relation}">{escape(label(r.relation))}</td>'
        f'<td class="id">{_ref(r.to_article)}</td><td>{_title(r.to_article)}</td>'
        f"<td>{escape(r.note)}</td><td>{escape(r.source)}</td></tr>"
        for r in rows
    )
    heads = "".join(f"<th>{h}</th>" for h in (escape(d.a.id), "Title", "Relation", escape(d.b.id), "Title", "Note / reason", "Source"))
    return f"{head}<table><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"


def _ref(article: Article | None) -> str:
    return f'<a href="#{anchor(article.id)}">{escape(article.id)}</a>' if article else ""


def _title(article: Article | None) -> str:
    return escape(article.title) if article else ""


def _articles(corpus: Corpus, inst_id: str) -> str:
    inst = corpus.instrument(inst_id)
    cards = []
    for art in inst.articles:
        links = "".join(
            f'<li><span class="rel rel-{l.relation.value}">{escape(label(l.relation.value))}</span> {_ref(o)} {escape(o.title)}</li>'
            for l, o in ((l, corpus.article(l.to_id)) for l in corpus.links_of(art.id))
        )
        absent = "".join(f"<li>no counterpart in {escape(a.absent_in)}: {escape(a.reason)}</li>" for a in corpus.absences_of(art.id))
        cards.append(
            f'<div class="card" data-row id="{anchor(art.id)}"><h4>{escape(art.id)} — {escape(art.title)}</h4>'
            f'<p class="muted">{escape(art.place)}</p><p>{escape(art.summary)}</p><ul>{links}{absent}</ul></div>'
        )
    head = f'<section id="inst-{inst.id}"><h2>Articles of {escape(inst.name)} ({escape(inst.number)})</h2>'
    return head + "".join(cards) + "</section>"


def _sources(corpus: Corpus) -> str:
    items = []
    for inst in corpus.instruments:
        srcs = "".join(f"<li>{escape(s)}</li>" for s in inst.sources)
        url = f' — <a href="{escape(inst.url)}">{escape(inst.url)}</a>' if inst.url else ""
        items.append(f"<li><b>{escape(inst.name)}</b> ({escape(inst.number)}){url}<ul>{srcs}</ul></li>")
    return '<section id="sources"><h2>Sources</h2><ul>' + "".join(items) + "</ul></section>"
