"""Terminal tables with Rich: relation colours and symbols, a legend, clean wrapping at any width."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..views import (
    BAR,
    NUMBER,
    RELATION,
    TIGHT,
    Report,
    Section,
    footnote_sources,
    table_columns,
)
from .plain import bar_scale, blocks
from .style import COLOURS, MEANINGS, RELATIONS, SYMBOLS, label


def render(report: Report, *, width: int = 100, color: bool = False) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="truecolor" if color else None, highlight=False, emoji=False)
    console.print(renderable(report, color))
    return console.file.getvalue()  # type: ignore[attr-defined]


def renderable(report: Report, color: bool = True) -> RenderableType:
    """The whole report as one Rich renderable (also used for SVG export)."""
    view = report.view
    parts: list[RenderableType] = [Text(view.title, style="bold")]
    for key, value in view.facts:
        parts.append(Text.assemble((f"{key}: ", "bold" if color else ""), value))
    notes: dict[str, int] = {}
    for section in view.sections:
        parts.append(Text(""))
        parts.append(_table(footnote_sources(table_columns(section), notes), color, multi=len(view.sections) > 1))
    if notes:
        parts.append(Text(""))
        parts.extend(Text(f"[{n}] {text}") for text, n in notes.items())
    if view.legend:
        parts.extend([Text(""), legend(color)])
    if view.footer:
        parts.extend([Text(""), Text(view.footer)])
    return Group(*parts)


def _table(section: Section, color: bool, multi: bool) -> RenderableType:
    title = f"{section.title} ({len(section.rows)})" if multi else None
    table = Table(title=title, title_justify="left", box=box.ROUNDED if color else box.SIMPLE_HEAD,
                  show_lines=color, expand=True, title_style="bold" if color else "")
    for i, col in enumerate(section.columns):
        tight = col.kind in TIGHT
        widest = 26 if col.kind == BAR else max((len(_plain(row[i], col.kind)) for row in section.rows), default=0)
        min_width = max(col.min_width, min(widest, 26) if tight else 0, len(col.header) if tight else 0)
        table.add_column(col.header, ratio=None if tight else col.ratio, min_width=min_width or None,
                         overflow="fold", justify="right" if col.kind == NUMBER else "left", no_wrap=tight)
    if not section.rows:
        return Group(Text(title or section.title, style="bold"), Text(f"  {section.empty}")) if multi else Text(section.empty)
    scale = bar_scale(section)
    for row in section.rows:
        table.add_row(*(_cell(value, col.kind, color, scale) for value, col in zip(row, section.columns)))
    return table


def _plain(value: object, kind: str) -> str:
    return label(str(value)) if kind == RELATION else "" if kind == BAR else str(value)


def _cell(value: object, kind: str, color: bool, scale: float = 1.0) -> Text:
    if kind == RELATION:
        return Text(label(str(value)), style=COLOURS.get(str(value), "") if color else "")
    if kind == BAR:
        return bar(value, color, scale)  # type: ignore[arg-type]
    return Text(str(value))


def bar(counts: tuple[tuple[str, int], ...], color: bool, scale: float = 1.0) -> Text:
    """A stacked bar: *scale* blocks per article, coloured (or marked by symbol) by relation."""
    text = Text()
    for key, n in counts:
        size = blocks(n, scale)
        if size:
            text.append(("█" if color else SYMBOLS.get(key, "#")) * size, style=COLOURS.get(key, "") if color else "")
    return text


def legend(color: bool) -> Text:
    """One line per relation: symbol, name, meaning."""
    text = Text("Relations: ", style="bold" if color else "")
    for rel in RELATIONS:
        text.append(label(rel), style=COLOURS[rel] if color else "")
        text.append(f" {MEANINGS[rel]}; " if rel != RELATIONS[-1] else f" {MEANINGS[rel]}")
    return text
