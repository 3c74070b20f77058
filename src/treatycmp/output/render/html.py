"""A self-contained HTML page: inline CSS, no network fetch, print-friendly, relation colours with a
legend."""

from __future__ import annotations

from html import escape

from ..views import BAR, ID, MEANINGS, RELATION, RELATIONS, STATUS, SYMBOLS, Section, View, label
from .base import Renderer
from .style import HEX

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:1200px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d0d0d0;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}tr:nth-child(even) td{background:#fafafa}
td.num{text-align:right}td.id{white-space:nowrap;font-family:ui-monospace,monospace}
.rel{font-weight:600;white-space:nowrap}
.status-draft{color:#8a6d00;font-style:italic}.status-reviewed{color:#2e7d32}
.facts{margin:0;padding:0;list-style:none}.facts li{margin:.15rem 0}
.legend span{margin-right:1rem;white-space:nowrap}
.bar{display:flex;height:1rem;min-width:12rem}.bar span{display:block;height:100%}
.bar span.draft{opacity:.45}
footer{margin-top:2rem;color:#555;font-size:.85rem}
@media print{body{margin:0;max-width:none}th{background:#eee}a{color:inherit;text-decoration:none}}
"""


def rel_style() -> str:
    return "".join(f".rel-{r}{{color:{HEX[r]}}}" for r in HEX)


class Html(Renderer):
    """A standalone HTML page of the report."""

    def head(self, view: View) -> None:
        self.parts.append(f"<h1>{escape(view.title)}</h1>")
        if view.facts:
            items = "".join(f"<li><b>{escape(k)}:</b> {escape(v)}</li>" for k, v in view.facts)
            self.parts.append(f'<ul class="facts">{items}</ul>')

    def section(self, section: Section, multi: bool) -> None:
        self.parts.append(f"<h2>{escape(section.title)} ({len(section.rows)})</h2>")
        self.parts.append(table_html(section))

    def footnotes(self, notes: dict[str, int]) -> None:
        self.parts.append(sources_html(notes))

    def relations(self) -> None:
        self.parts.append(legend_html())

    def marks(self, lines: tuple[str, ...]) -> None:
        self.parts.append(marks_html(lines))

    def footer(self, text: str) -> None:
        self.parts.append(f"<footer>{escape(text)}</footer>")

    def finish(self, view: View) -> str:
        return page(view.title, "\n".join(self.parts))


def page(title: str, body: str, script: str = "", css: str = "") -> str:
    """A complete standalone HTML document."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}{rel_style()}{css}</style>\n</head>\n<body>\n{body}\n"
        f"{script}</body>\n</html>\n"
    )


def table_html(section: Section, row_attrs: list[str] | None = None) -> str:
    """One section as an HTML table."""
    if not section.rows:
        return f"<p><i>{escape(section.empty)}</i></p>"
    head = "".join(f"<th>{escape(c.header)}</th>" for c in section.columns)
    rows = []
    for i, row in enumerate(section.rows):
        attrs = row_attrs[i] if row_attrs else ""
        cells = "".join(cell_html(v, c.kind) for v, c in zip(row, section.columns))
        rows.append(f"<tr{attrs}>{cells}</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def cell_html(value: object, kind: str, link: str | None = None) -> str:
    if kind == RELATION:
        return f'<td class="rel rel-{escape(str(value))}">{escape(label(str(value)))}</td>'
    if kind == STATUS:
        return f'<td class="status-{escape(str(value))}">{escape(str(value))}</td>'
    if kind == BAR:
        return f"<td>{bar_html(value)}</td>"  # type: ignore[arg-type]
    if kind == "number":
        return f'<td class="num">{escape(str(value))}</td>'
    text = escape(str(value))
    if link:
        text = f'<a href="{escape(link)}">{text}</a>'
    return f'<td class="id">{text}</td>' if kind == ID else f"<td>{text}</td>"


def bar_html(counts: tuple[tuple[str, int], ...]) -> str:
    """A stacked bar; keys 'relation' or 'relation:draft' (draft parts shown faded)."""
    total = sum(n for _, n in counts) or 1
    spans = "".join(
        f'<span class="{"draft" if k.endswith(":draft") else ""}" title="{escape(k)}: {n}" '
        f'style="width:{100 * n / total:.1f}%;'
        f'background:{HEX.get(k.partition(":")[0], "#999")}"></span>'
        for k, n in counts
        if n
    )
    label = escape(", ".join(f"{k} {n}" for k, n in counts if n))
    return f'<div class="bar" role="img" aria-label="{label}">{spans}</div>'


def sources_html(notes: dict[str, int]) -> str:
    items = "".join(f'<li value="{n}">{escape(text)}</li>' for text, n in notes.items())
    return f'<h2>Sources</h2><ol class="sources">{items}</ol>'


def legend_html() -> str:
    items = " ".join(
        f'<span><b class="rel rel-{r}">{escape(SYMBOLS[r])} {r}</b> {escape(MEANINGS[r])}</span>'
        for r in RELATIONS
    )
    return f'<p class="legend"><b>Relations:</b> {items}</p>'


def marks_html(lines: tuple[str, ...]) -> str:
    return '<p class="marks">' + "<br>".join(escape(line) for line in lines) + "</p>"
