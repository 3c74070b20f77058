"""Terminal tables with Rich: relation colours and symbols, a legend, clean wrapping at any width.

Every piece of data reaches Rich as a :class:`rich.text.Text`, never as a markup string, so brackets
in the data are shown as written. Below the width where the table holds whole words, rows become
blocks (as in :mod:`.plain`)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..views import (
    BAR,
    MEANINGS,
    NUMBER,
    RELATION,
    RELATIONS,
    STATUS,
    SYMBOLS,
    TIGHT,
    Column,
    Section,
    View,
    label,
)
from .base import Renderer
from .plain import _widths, bar_scale, block_lines, blocks, cell_text, fits, labelled, short_lines
from .style import COLOURS, STATUS_COLOURS


class RichTable(Renderer):
    """Coloured terminal tables; also the source of the SVG export."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.items: list[RenderableType] = []

    def head(self, view: View) -> None:
        self.items.append(self.wrap(Text(view.title, style="bold"), "  "))
        bold = "bold" if self.options.color else ""
        self.items += [self.wrap(Text.assemble((f"{k}: ", bold), v), "  ") for k, v in view.facts]

    def section(self, section: Section, multi: bool) -> None:
        self.items.append(Text(""))
        self.items.append(_table(section, self.options.color, multi, self.options.width))

    def footnotes(self, notes: dict[str, int]) -> None:
        self.items.append(Text(""))
        self.items += [self.wrap(Text(f"[{n}] {text}"), "    ") for text, n in notes.items()]

    def relations(self) -> None:
        self.items += [Text(""), self.wrap(legend(self.options.color), "  ")]

    def marks(self, lines: tuple[str, ...]) -> None:
        self.items += [Text("")] + [self.wrap(Text(line), "  ") for line in lines]

    def footer(self, text: str) -> None:
        self.items += [Text(""), self.wrap(Text(text), "")]

    def wrap(self, text: Text, indent: str) -> Text:
        """*text* wrapped to the width as plain text wraps it, its later lines indented by
        *indent*."""
        return hanging(text, self.options.width, "", indent)

    def finish(self, view: View) -> str:
        color = self.options.color
        console = Console(
            file=io.StringIO(),
            width=self.options.width,
            force_terminal=color,
            no_color=not color,
            color_system="truecolor" if color else None,
            highlight=False,
            emoji=False,
            markup=False,
        )
        console.print(Group(*self.items))
        return console.file.getvalue()  # type: ignore[attr-defined]


def _table(section: Section, color: bool, multi: bool, width: int) -> RenderableType:
    title = f"{section.title} ({len(section.rows)})" if multi else None
    if not section.rows:
        return (
            Group(Text(title or section.title, style="bold"), Text(f"  {section.empty}"))
            if multi
            else Text(section.empty)
        )
    scale = bar_scale(section)
    plain = [
        [cell_text(v, c.kind, scale) for v, c in zip(row, section.columns)] for row in section.rows
    ]
    if not fits(section.columns, plain, _widths(section, plain, width - 3 * len(section.columns))):
        return _blocks(section, title, color, scale, width)
    table = Table(
        title=Text(title) if title else None,
        title_justify="left",
        box=box.ROUNDED if color else box.SIMPLE_HEAD,
        show_lines=color,
        expand=True,
        title_style="bold" if color else "",
    )
    for i, col in enumerate(section.columns):
        tight = col.kind in TIGHT
        widest = (
            26 if col.kind == BAR else max((len(plain[r][i]) for r in range(len(plain))), default=0)
        )
        min_width = max(
            col.min_width, min(widest, 26) if tight else 0, len(col.header) if tight else 0
        )
        least = None if tight else _longest_word(col.header, [r[i] for r in plain])
        table.add_column(
            Text(col.header),
            ratio=None if tight else col.ratio,
            min_width=min_width or None,
            width=least,
            overflow="fold",
            justify="right" if col.kind == NUMBER else "left",
            no_wrap=tight,
        )
    for row in section.rows:
        table.add_row(
            *(_cell(value, col.kind, color, scale) for value, col in zip(row, section.columns))
        )
    return table


def _longest_word(header: str, cells: list[str]) -> int | None:
    """The width below which a text column would cut a word (a date, say): Rich keeps a ratio column
    at least as wide as its ``width`` (the table is drawn only when :func:`fits` found room for
    every whole word)."""
    return max((len(w) for text in (header, *cells) for w in text.split()), default=0) or None


def _blocks(
    section: Section, title: str | None, color: bool, scale: float, width: int
) -> RenderableType:
    """One block per row: short cells on a line (numbers with their header), then each text under
    its header; wrapped lines start under the text they continue, as in plain text."""
    items: list[RenderableType] = [Text(title, style="bold")] if title else []
    for row in section.rows:
        short = [
            t
            for v, c in zip(row, section.columns)
            if c.kind in TIGHT and (t := _short_cell(v, c, color, scale)).plain
        ]
        items.append(restyled(Text("  ").join(short), short_lines([t.plain for t in short], width)))
        for value, col in zip(row, section.columns):
            text = " ".join(str(value).split())
            if col.kind not in TIGHT and text:
                items.append(
                    hanging(
                        Text.assemble((f"{col.header}: ", "bold" if color else ""), text),
                        width,
                        "  ",
                        "    ",
                    )
                )
        items.append(Text(""))
    return Group(*items)


def _short_cell(value: object, column: Column, color: bool, scale: float) -> Text:
    """A cell of a block's first line: a number carries its header ('Articles: 48')."""
    if column.kind == NUMBER:
        return Text(labelled(str(value), column))
    return _cell(value, column.kind, color, scale)


def hanging(text: Text, width: int, first: str, rest: str) -> Text:
    """*text* wrapped at spaces to *width* as plain text wraps it, the first line indented by
    *first* and the others by *rest*, its styles kept."""
    return restyled(text, block_lines(text.plain, width, first, rest))


def restyled(text: Text, lines: list[str]) -> Text:
    """*lines*, the plain text of *text* wrapped and indented, with the styles of *text*."""
    plain, out, at = text.plain, Text(), 0
    for n, line in enumerate(lines):
        body = line.lstrip(" ")
        start = plain.find(body, at) if body else at
        if (
            start < 0
        ):  # not a piece of the text (never expected): the wrapped lines without their styles
            return Text("\n".join(lines))
        out.append(("\n" if n else "") + line[: len(line) - len(body)])
        out.append_text(text[start : start + len(body)])
        at = start + len(body)
    return out


def _cell(value: object, kind: str, color: bool, scale: float = 1.0) -> Text:
    if kind == RELATION:
        return Text(label(str(value)), style=COLOURS.get(str(value), "") if color else "")
    if kind == STATUS:
        return Text(str(value), style=STATUS_COLOURS.get(str(value), "") if color else "")
    if kind == BAR:
        return bar(value, color, scale)  # type: ignore[arg-type]
    return Text(str(value))


def bar(counts: tuple[tuple[str, int], ...], color: bool, scale: float = 1.0) -> Text:
    """A stacked bar: *scale* blocks per article, coloured (or marked by symbol) by relation; draft
    parts shaded."""
    text = Text()
    for key, n in counts:
        size = blocks(n, scale)
        relation, _, draft = key.partition(":")
        if size:
            glyph = ("▒" if draft else "█") if color else SYMBOLS.get(relation, "#")
            text.append(glyph * size, style=COLOURS.get(relation, "") if color else "")
    return text


def legend(color: bool) -> Text:
    """One line per relation: symbol, name, meaning."""
    text = Text("Relations: ", style="bold" if color else "")
    for rel in RELATIONS:
        text.append(label(rel), style=COLOURS[rel] if color else "")
        text.append(f" {MEANINGS[rel]}; " if rel != RELATIONS[-1] else f" {MEANINGS[rel]}")
    return text
