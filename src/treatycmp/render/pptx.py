"""PowerPoint decks (optional extra ``treatycmp[pptx]``): a 16:9 title slide, then each table split across
slides that stay readable.

Slides are filled by an estimate of the lines each row takes at 11 pt in its column widths, so no slide runs off
the bottom; a row too long for one slide continues on the next. Columns that hold ids, relations and status are
as wide as their longest word, so no word is broken inside them.
"""

from __future__ import annotations

import io
import math
from typing import Any

from ..errors import UsageError
from ..views import BAR, RELATION, STATUS, TIGHT, Column, Section, View, label
from .base import Renderer
from .style import HEX

SLIDE_W, SLIDE_H = 13.333, 7.5
TABLE_W, TABLE_TOP, TABLE_BOTTOM = 12.5, 1.3, 7.1
LINE_IN = 0.19  # inches per line of 11 pt text with the cell margins
CHAR_IN = 0.1  # inches per character of 11 pt text, on average
WIDE_CHAR_IN = 0.105  # inches per character when a word must never break (ids, relations, status)
CELL_PAD_IN = 0.25
LINES_PER_SLIDE = int((TABLE_BOTTOM - TABLE_TOP) / LINE_IN) - 2  # room for the header row


class Pptx(Renderer):
    """A deck: title slide, table slides, then the footnotes and legends as text slides."""

    binary = True

    def head(self, view: View) -> None:
        try:
            from pptx import Presentation
            from pptx.util import Emu
        except ImportError:
            raise UsageError("pptx output needs the optional extra: pip install 'treatycmp[pptx]'") from None
        self.deck: Any = Presentation()
        self.deck.slide_width, self.deck.slide_height = Emu(_in(SLIDE_W)), Emu(_in(SLIDE_H))
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[6])
        _textbox(slide, view.title, 0.6, 2.2, SLIDE_W - 1.2, 1.2, 32, bold=True)
        _textbox(slide, "\n".join(f"{k}: {v}" for k, v in view.facts[:5]), 0.6, 3.6, SLIDE_W - 1.2, 3.2, 16)
        from .figures import figure_slides

        figure_slides(self.deck, view.figures)

    def section(self, section: Section, multi: bool) -> None:
        widths = column_widths(section)
        pages = paginate(section, widths)
        for n, rows in enumerate(pages, 1):
            title = f"{section.title} ({n}/{len(pages)})" if len(pages) > 1 else section.title
            _table_slide(self.deck, title, section.columns, rows, widths)

    def footnotes(self, notes: dict[str, int]) -> None:
        self.text_slides("Sources", [f"[{n}] {text}" for text, n in notes.items()])

    def relations(self) -> None:
        from ..views import MEANINGS, RELATIONS
        self.text_slides("Relations", [f"{label(r)}: {MEANINGS[r]}" for r in RELATIONS])

    def marks(self, lines: tuple[str, ...]) -> None:
        self.text_slides("Marks", list(lines))

    def footer(self, text: str) -> None:
        self.text_slides("Note", [text])

    def text_slides(self, title: str, lines: list[str]) -> None:
        """As many slides as the lines need, at 14 pt."""
        per_line = int((SLIDE_W - 1.2) / (CHAR_IN * 14 / 11))
        page: list[str] = []
        used = 0
        for line in lines:
            need = max(1, math.ceil(len(line) / per_line))
            if page and used + need > 16:
                _list_slide(self.deck, title, page)
                page, used = [], 0
            page.append(line)
            used += need
        if page:
            _list_slide(self.deck, title, page)

    def finish(self, view: View) -> bytes:
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue()


def _in(inches: float) -> int:
    return int(inches * 914400)


def column_widths(section: Section) -> list[float]:
    """Inches per column: tight columns fit their longest word; text columns share the rest by ratio."""
    widths: list[float] = []
    for i, col in enumerate(section.columns):
        if col.kind in TIGHT:
            longest = max([len(w) for w in col.header.split()] + [_unbroken(_text(r[i], col), col) for r in section.rows] or [4])
            widths.append(longest * WIDE_CHAR_IN + CELL_PAD_IN)
        else:
            widths.append(0.0)
    free = TABLE_W - sum(widths)
    ratios = sum(c.ratio for c in section.columns if c.kind not in TIGHT) or 1
    return [w or max(1.0, free * c.ratio / ratios) for w, c in zip(widths, section.columns)]


def _unbroken(text: str, col: Column) -> int:
    """Characters that must share a line: a relation or status whole ('∩ intersects'), else the longest word."""
    return len(text) if col.kind in (RELATION, STATUS) else max((len(w) for w in text.split()), default=0)


def row_lines(row: tuple[object, ...], columns: tuple[Column, ...], widths: list[float]) -> int:
    """Lines the tallest cell of *row* takes."""
    return max(_lines(_text(v, c), w) for v, c, w in zip(row, columns, widths))


def _lines(text: str, width: float) -> int:
    per_line = max(4, int((width - CELL_PAD_IN) / CHAR_IN))
    lines, current = 1, 0
    for word in text.split():
        if current and current + 1 + len(word) > per_line:
            lines, current = lines + 1, 0
        current += len(word) + (1 if current else 0)
    return lines


def paginate(section: Section, widths: list[float]) -> list[list[tuple[object, ...]]]:
    """Rows per slide by estimated height; a row taller than a slide is cut into continued parts."""
    pages: list[list[tuple[object, ...]]] = [[]]
    used = 0
    for row in section.rows:
        for part in _split_row(row, section.columns, widths):
            need = row_lines(part, section.columns, widths)
            if pages[-1] and used + need > LINES_PER_SLIDE:
                pages.append([])
                used = 0
            pages[-1].append(part)
            used += need
    return pages if pages[-1] else pages[:-1] or [[]]


def _split_row(row: tuple[object, ...], columns: tuple[Column, ...], widths: list[float]) -> list[tuple[object, ...]]:
    """*row* as it is, or cut at word boundaries into parts of at most a slide each ('(cont.)' on later parts)."""
    if row_lines(row, columns, widths) <= LINES_PER_SLIDE:
        return [row]
    tall = max(range(len(row)), key=lambda i: _lines(_text(row[i], columns[i]), widths[i]))
    words, parts, current = _text(row[tall], columns[tall]).split(), [], []  # type: ignore[var-annotated]
    for word in words:
        if current and _lines(" ".join(current + [word]), widths[tall]) > LINES_PER_SLIDE - 1:
            parts.append(" ".join(current))
            current = []
        current.append(word)
    parts.append(" ".join(current))
    out = []
    for n, text in enumerate(parts):
        cells = list(row) if n == 0 else ["(cont.)" if i == 0 else "" for i in range(len(row))]
        cells[tall] = text
        out.append(tuple(cells))
    return out


def _text(value: object, col: Column) -> str:
    if col.kind == RELATION:
        return label(str(value))
    if col.kind == BAR:
        return ", ".join(f"{k} {n}" for k, n in value if n)  # type: ignore[attr-defined]
    return str(value)


def _textbox(slide: Any, text: str, left: float, top: float, width: float, height: float, size: int,
             bold: bool = False) -> None:
    from pptx.util import Pt

    frame = slide.shapes.add_textbox(_in(left), _in(top), _in(width), _in(height)).text_frame
    frame.word_wrap = True
    for n, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.text = line
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold


def _table_slide(deck: Any, title: str, columns: tuple[Column, ...], rows: list[tuple[object, ...]],
                 widths: list[float]) -> None:
    from pptx.util import Pt

    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _textbox(slide, title, 0.4, 0.3, SLIDE_W - 0.8, 0.8, 24, bold=True)
    shape = slide.shapes.add_table(len(rows) + 1, len(columns), _in(0.4), _in(TABLE_TOP), _in(TABLE_W), _in(0.4))
    table = shape.table
    for i, col in enumerate(columns):
        table.columns[i].width = _in(widths[i])
        _set(table.cell(0, i), col.header, Pt(12), bold=True)
    for r, row in enumerate(rows, 1):
        for i, (value, col) in enumerate(zip(row, columns)):
            colour = HEX.get(str(value)) if col.kind == RELATION else None
            _set(table.cell(r, i), _text(value, col), Pt(11), colour=colour)


def _set(cell: Any, text: str, size: Any, bold: bool = False, colour: str | None = None) -> None:
    from pptx.dml.color import RGBColor

    cell.text = text
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = size
            run.font.bold = bold
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))


def _list_slide(deck: Any, title: str, lines: list[str]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _textbox(slide, title, 0.4, 0.3, SLIDE_W - 0.8, 0.8, 24, bold=True)
    _textbox(slide, "\n".join(lines), 0.6, 1.3, SLIDE_W - 1.2, 5.8, 14)
