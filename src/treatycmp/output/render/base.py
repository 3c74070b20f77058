"""The renderer interface: the sequence every human format shares, written once.

A report is shown as: title, facts, each section (long sources replaced by numbered footnotes), the
footnotes, the relation legend, the legend of the status marks used, and a closing line. A format
implements the pieces; :meth:`Renderer.render` puts them in that order. Every text of the data is
made harmless first (:func:`~treatycmp.output.textsafe.visible`), so no format can be reached by
control characters."""

from __future__ import annotations

from typing import NamedTuple

from ..textsafe import visible
from ..views import Column, Ref, Report, Section, View, footnote_sources, table_columns


class RenderOptions(NamedTuple):
    """How to render: width in characters (tables, SVG) and whether colour is wanted."""

    width: int = 100
    color: bool = False


class Renderer:
    """One output format. Subclasses implement the pieces; data formats (JSON, CSV) override
    :meth:`render`."""

    binary = False

    def __init__(self, options: RenderOptions = RenderOptions()) -> None:
        self.options = options
        self.parts: list[str] = []

    def render(self, report: Report) -> str | bytes:
        """The report in this format, in the shared order."""
        view = safe_view(report.view)
        notes: dict[str, int] = {}
        self.head(view)
        shown = [s for s in view.sections if not s.exports_only]
        for section in shown:
            self.section(self.tabulate(section, notes), len(shown) > 1)
        if notes:
            self.footnotes(notes)
        if view.legend:
            self.relations()
        if view.legend_lines():
            self.marks(view.legend_lines())
        if view.footer:
            self.footer(view.footer)
        return self.finish(view)

    def tabulate(self, section: Section, notes: dict[str, int]) -> Section:
        """*section* as tables show it: export-only columns left out, long sources numbered in
        *notes*."""
        return footnote_sources(table_columns(section), notes)

    def head(self, view: View) -> None:
        raise NotImplementedError

    def section(self, section: Section, multi: bool) -> None:
        raise NotImplementedError

    def footnotes(self, notes: dict[str, int]) -> None:
        raise NotImplementedError

    def relations(self) -> None:
        raise NotImplementedError

    def marks(self, lines: tuple[str, ...]) -> None:
        raise NotImplementedError

    def footer(self, text: str) -> None:
        raise NotImplementedError

    def finish(self, view: View) -> str | bytes:
        """Join the parts (text formats); binary formats override."""
        return "\n".join(self.parts) + "\n"


def safe_view(view: View) -> View:
    """*view* with every text made visible-safe (control and bidi characters escaped)."""
    sections = tuple(
        s._replace(
            title=visible(s.title),
            columns=tuple(_safe_column(c) for c in s.columns),
            rows=tuple(tuple(_safe(v) for v in row) for row in s.rows),
        )
        for s in view.sections
    )
    facts = tuple((visible(k), visible(v)) for k, v in view.facts)
    return view._replace(
        title=visible(view.title), facts=facts, sections=sections, footer=visible(view.footer)
    )


def _safe_column(column: Column) -> Column:
    return column._replace(header=visible(column.header))


def _safe(value: object) -> object:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, Ref):
        return value._replace(
            id=visible(value.id), paragraphs=visible(value.paragraphs) if value.paragraphs else None
        )
    return value
