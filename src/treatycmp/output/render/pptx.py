"""PowerPoint decks (optional extra ``treatycmp[pptx]``): a 16:9 title slide, then each table on
slides a trainer can project.

Body text is 14 pt or larger on every slide. By default a table holds only its short columns (ids,
titles, relation, status, and basis while the titles keep room); the long ones (note or reason,
source, evidence) become the slide's speaker notes, one paragraph per row: ``budapest:2 → un:7:
<note> Source: <source>``. ``--columns`` puts the columns it names into the table. Every cell is
wrapped with Arial's real widths (:mod:`.textfit`), so each row's height is known before it is
placed: rows fill a slide to its bottom margin, and a row that does not fit starts the next slide,
or is continued there when the slide would stay half empty. Columns that hold ids, relations and
status are as wide as their longest word, so no word is broken inside them. Geometry is in points
(72 to the inch)."""

from __future__ import annotations

import io
import re
from typing import Any, NamedTuple

from ...errors import UsageError
from ..views import (
    BAR,
    ID,
    RELATION,
    SOURCE,
    STATUS,
    TEXT,
    TIGHT,
    UNCONFIRMED,
    Column,
    Report,
    Section,
    View,
    label,
)
from .base import Renderer
from .style import HEX
from .textfit import FONT, line_height, text_width, wrap

SLIDE_W, SLIDE_H = 960.0, 540.0  # 13.333 × 7.5 in
MARGIN = 29.0  # left, right and bottom of every slide
TABLE_W, BOTTOM = SLIDE_W - 2 * MARGIN, SLIDE_H - MARGIN
TITLE_TOP, DECK_TITLE_TOP, GAP = 22.0, 110.0, 8.0
DECK_TITLE_PT, TITLE_PT, TEXT_PT, BODY_PT = 32, 24, 16, 14
"""Font sizes: the deck's title, each slide's title, text slides and the title slide's facts, table
cells."""
CELL_X, CELL_Y = (
    7.2,
    3.6,
)  # cell margins and text box insets: PowerPoint's defaults (0.1 and 0.05 in)
PARA_SPACE = 6.0  # after each paragraph of a text box
SLACK = 2.0  # points of every line left free, against rounding in the slide program
MIN_TEXT_W = 150.0  # text columns narrower than this send the optional columns to the speaker notes
MIN_CELL_W = 60.0
DETAIL_KEYS = frozenset(
    {"note", "reason", "evidence_from", "evidence_to", "reviewed", "keywords", "aliases"}
)
"""Text columns that the speaker notes hold by default (with every source column)."""
UNNAMED_KEYS = frozenset({"note", "reason"})
"""Long columns a speaker note gives without their header: the row's own note."""
OPTIONAL_KEYS = frozenset({"basis"})
"""Short columns the table keeps only while its text columns stay at least MIN_TEXT_W wide."""
CONTINUED = "(cont.)"
MARKED_WORD = re.compile(rf"\S+(?: {UNCONFIRMED})?")
NUMBERED = " (99/99)"  # the longest page number a slide title is measured with


class TableRow(NamedTuple):
    """One row as a slide shows it: the text of each cell, its colour (relations), and the row's
    speaker note."""

    cells: tuple[str, ...]
    colours: tuple[str | None, ...]
    note: str = ""


class Layout(NamedTuple):
    """A section's table on slides: the columns shown and their widths in points."""

    columns: tuple[Column, ...]
    widths: tuple[float, ...]


class Pptx(Renderer):
    """A deck: title slide, table slides with speaker notes, then the footnotes and legends as text
    slides."""

    binary = True
    picked = False

    def render(self, report: Report) -> str | bytes:
        self.picked = report.picked is not None
        return super().render(report)

    def tabulate(self, section: Section, notes: dict[str, int]) -> Section:
        """Picked columns as every table shows them; else the whole section, shared out by
        :meth:`section`."""
        return super().tabulate(section, notes) if self.picked else section

    def head(self, view: View) -> None:
        self.deck = _new_deck()
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[6])
        top = _textbox(slide, [view.title], DECK_TITLE_TOP, DECK_TITLE_PT, bold=True) + GAP
        pages = text_pages([f"{k}: {v}" for k, v in view.facts], TEXT_PT, BOTTOM - top)
        if pages[0]:
            _textbox(slide, pages[0], top, TEXT_PT)
        if len(pages) > 1:
            self.text_slides(view.title, [text for page in pages[1:] for text in page])
        from .figures import figure_slides

        figure_slides(self.deck, view.figures)

    def section(self, section: Section, multi: bool) -> None:
        if not section.rows:
            self.text_slides(section.title, [section.empty])
            return
        shown, spoken = share_columns(section, self.picked)
        layout = _layout(section, shown)
        rows = [table_row(row, section.columns, shown, spoken) for row in section.rows]
        room = (
            BOTTOM
            - body_top(section.title + NUMBERED)
            - row_height(_headers(layout), layout.widths, bold=True)
        )
        pages = paginate(rows, layout, room)
        for n, page in enumerate(pages, 1):
            _table_slide(self.deck, _numbered(section.title, n, len(pages)), layout, page)

    def footnotes(self, notes: dict[str, int]) -> None:
        self.text_slides("Sources", [f"[{n}] {text}" for text, n in notes.items()])

    def relations(self) -> None:
        from ..views import MEANINGS, RELATIONS

        self.text_slides("Relations", [f"{label(r)}: {MEANINGS[r]}" for r in RELATIONS])

    def marks(self, lines: tuple[str, ...]) -> None:
        self.text_slides("Marks", list(lines))

    def footer(self, text: str) -> None:
        self.text_slides("Note", [text])

    def text_slides(self, title: str, paragraphs: list[str]) -> None:
        """As many slides as the paragraphs need at TEXT_PT."""
        pages = text_pages(paragraphs, TEXT_PT, BOTTOM - body_top(title + NUMBERED))
        for n, page in enumerate(pages, 1):
            slide, top = _titled_slide(self.deck, _numbered(title, n, len(pages)))
            _textbox(slide, page, top, TEXT_PT)

    def finish(self, view: View) -> bytes:
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue()


# Which columns the table shows, and how wide


def share_columns(section: Section, picked: bool) -> tuple[list[int], list[int]]:
    """Indexes of the columns the table shows and of those the speaker notes tell (none when columns
    were picked)."""
    columns = section.columns
    every = [i for i, c in enumerate(columns) if c.in_tables]
    shown = [i for i in every if not _is_detail(columns[i])]
    if picked or not shown:
        return every, []
    spoken = [i for i, c in enumerate(columns) if _is_detail(c)]
    optional = [i for i in shown if columns[i].key in OPTIONAL_KEYS]
    if optional and not _titles_have_room(_layout(section, shown)):
        shown = [i for i in shown if i not in optional]
        spoken += optional
    return shown, spoken


def _is_detail(column: Column) -> bool:
    return column.kind == SOURCE or (column.kind == TEXT and column.key in DETAIL_KEYS)


def _titles_have_room(layout: Layout) -> bool:
    return all(
        w >= MIN_TEXT_W for w, c in zip(layout.widths, layout.columns) if c.kind not in TIGHT
    )


def _layout(section: Section, shown: list[int]) -> Layout:
    columns = tuple(section.columns[i] for i in shown)
    texts = [tuple(_text(row[i], section.columns[i]) for i in shown) for row in section.rows]
    return Layout(columns, column_widths(columns, texts))


def column_widths(columns: tuple[Column, ...], texts: list[tuple[str, ...]]) -> tuple[float, ...]:
    """Points per column: tight columns fit their longest unbroken text; text columns share the rest
    by ratio, each at least as wide as its longest word while the slide allows; all are scaled to
    span the slide."""
    floors = [_unbroken_width(c, [t[i] for t in texts]) for i, c in enumerate(columns)]
    fixed = {i for i, c in enumerate(columns) if c.kind in TIGHT}
    while True:
        free = TABLE_W - sum(floors[i] for i in fixed)
        ratios = sum(columns[i].ratio for i in range(len(columns)) if i not in fixed) or 1
        shares = {
            i: free * columns[i].ratio / ratios for i in range(len(columns)) if i not in fixed
        }
        narrow = {i for i, share in shares.items() if share < max(floors[i], MIN_CELL_W)}
        if not narrow:
            break
        fixed |= narrow
        floors = [max(w, MIN_CELL_W) if i in narrow else w for i, w in enumerate(floors)]
    widths = [shares.get(i, floors[i]) for i in range(len(columns))]
    return tuple(w * TABLE_W / sum(widths) for w in widths)


def _unbroken_width(column: Column, texts: list[str]) -> float:
    """Points of the widest text that must share a line in *column*, with the cell's margins."""
    header = [text_width(w, BODY_PT, bold=True) for w in column.header.split()]
    cells = [text_width(unit, BODY_PT) for text in texts for unit in _unbroken(text, column)]
    return max(header + cells + [0.0]) + 2 * CELL_X + SLACK


def _unbroken(text: str, column: Column) -> list[str]:
    """What must share a line: a relation or status whole ('∩ intersects'), else each word with the
    mark after it ('2012-12-06 †')."""
    return [text] if column.kind in (RELATION, STATUS) else MARKED_WORD.findall(text)


def _headers(layout: Layout) -> tuple[str, ...]:
    return tuple(c.header for c in layout.columns)


# Rows and their speaker notes


def table_row(
    row: tuple[object, ...], columns: tuple[Column, ...], shown: list[int], spoken: list[int]
) -> TableRow:
    cells = tuple(_text(row[i], columns[i]) for i in shown)
    colours = tuple(HEX.get(str(row[i])) if columns[i].kind == RELATION else None for i in shown)
    return TableRow(cells, colours, speaker_note(row, columns, spoken))


def speaker_note(row: tuple[object, ...], columns: tuple[Column, ...], spoken: list[int]) -> str:
    """'budapest:2 → un:7: <note> Source: <source>': the row's ids, then its long texts, each but
    the note named."""
    texts = [(columns[i], _text(row[i], columns[i]).strip()) for i in spoken]
    said = [
        _sentence(text if c.key in UNNAMED_KEYS else f"{c.header}: {text}")
        for c, text in texts
        if text
    ]
    return f"{row_label(row, columns)}: {' '.join(said)}" if said else ""


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def row_label(row: tuple[object, ...], columns: tuple[Column, ...]) -> str:
    """The ids of *row*: 'budapest:2 → un:7' across its relation, else 'un:24' or 'Lacking coe ·
    Article un:5'."""
    ids = [
        (c.header, str(v), n)
        for n, (v, c) in enumerate(zip(row, columns))
        if c.kind == ID and str(v)
    ]
    relation = next((n for n, c in enumerate(columns) if c.kind == RELATION), None)
    if relation is not None:
        before = [v for _, v, n in ids if n < relation][-1:]
        after = [v for _, v, n in ids if n > relation][:1]
        return " → ".join(before + after)
    if len(ids) > 1:
        return " · ".join(f"{h} {v}" for h, v, _ in ids)
    return ids[0][1] if ids else _text(row[0], columns[0])


def _text(value: object, col: Column) -> str:
    if col.kind == RELATION:
        return label(str(value))
    if col.kind == BAR:
        return ", ".join(f"{k} {n}" for k, n in value if n)  # type: ignore[attr-defined]
    return str(value)


# Heights and pages


def cell_lines(text: str, width: float, bold: bool = False) -> list[str]:
    """The lines *text* takes in a cell *width* points wide."""
    return wrap(text, width - 2 * CELL_X - SLACK, BODY_PT, bold)


def row_height(cells: tuple[str, ...], widths: tuple[float, ...], bold: bool = False) -> float:
    """Points the tallest cell of a row takes, margins included."""
    lines = max(len(cell_lines(text, width, bold)) for text, width in zip(cells, widths))
    return lines * line_height(BODY_PT) + 2 * CELL_Y


def paginate(rows: list[TableRow], layout: Layout, room: float) -> list[list[TableRow]]:
    """Rows per slide, each slide filled up to *room* points. A row that does not fit starts the
    next slide, or is continued there when this one would stay less than half full."""
    pages: list[list[TableRow]] = [[]]
    used = 0.0
    pending = list(reversed(rows))
    while pending:
        row = pending.pop()
        need = row_height(row.cells, layout.widths)
        if used + need <= room:
            pages[-1].append(row)
            used += need
            continue
        head, rest = split_row(row, layout, room - used) if used < room / 2 else (None, row)
        if (
            head is None and not pages[-1]
        ):  # not one line fits an empty slide (a title of many lines)
            pages[-1].append(row)
        else:
            pages[-1] += [head] if head else []
            pending.append(rest)
        pages.append([])
        used = 0.0
    return [page for page in pages if page]


def split_row(row: TableRow, layout: Layout, room: float) -> tuple[TableRow | None, TableRow]:
    """The lines of *row* that fit in *room* points, and the rest: ids repeated, split texts marked
    (cont.)."""
    fit = int((room - 2 * CELL_Y) // line_height(BODY_PT))
    if fit < 1:
        return None, row
    lines = [cell_lines(text, width) for text, width in zip(row.cells, layout.widths)]
    head = tuple(" ".join(cell[:fit]) for cell in lines)
    rest = tuple(
        _continued(cell[fit:], text, column)
        for cell, text, column in zip(lines, row.cells, layout.columns)
    )
    return row._replace(cells=head), TableRow(rest, row.colours)


def _continued(lines: list[str], text: str, column: Column) -> str:
    if lines:
        return " ".join([CONTINUED, *lines])
    return text if column.kind == ID else ""


def text_pages(paragraphs: list[str], size: float, room: float) -> list[list[str]]:
    """Paragraphs per text box of *room* points at *size*; a paragraph taller than a box is cut
    between lines. Always at least one (possibly empty) page."""
    pages: list[list[str]] = [[]]
    used = 2 * CELL_Y
    for text in _chunks(paragraphs, size, room):
        need = paragraph_height(text, size)
        if pages[-1] and used + need > room:
            pages.append([])
            used = 2 * CELL_Y
        pages[-1].append(text)
        used += need
    return pages


def _chunks(paragraphs: list[str], size: float, room: float) -> list[str]:
    """*paragraphs*, each one taller than a text box of *room* points cut into parts that fit."""
    per_box = max(1, int((room - 2 * CELL_Y - PARA_SPACE) // line_height(size)))
    chunks = []
    for text in paragraphs:
        lines = _box_lines(text, size)
        chunks += [" ".join(lines[i : i + per_box]) for i in range(0, len(lines), per_box)]
    return chunks


def _box_lines(text: str, size: float, bold: bool = False) -> list[str]:
    return wrap(text, TABLE_W - 2 * CELL_X - SLACK, size, bold)


def paragraph_height(text: str, size: float, bold: bool = False) -> float:
    """Points a paragraph takes in a full-width text box, with the space after it."""
    return len(_box_lines(text, size, bold)) * line_height(size) + PARA_SPACE


def box_height(paragraphs: list[str], size: float, bold: bool = False) -> float:
    return sum(paragraph_height(t, size, bold) for t in paragraphs) + 2 * CELL_Y


def body_top(title: str) -> float:
    """Where a slide's body starts below *title*."""
    return TITLE_TOP + box_height([title], TITLE_PT, bold=True) + GAP


def _numbered(title: str, n: int, count: int) -> str:
    return f"{title} ({n}/{count})" if count > 1 else title


# Drawing with python-pptx


def _new_deck() -> Any:
    try:
        from pptx import Presentation
    except ImportError:
        raise UsageError(
            "pptx output needs the optional extra: pip install 'treatycmp[pptx]'"
        ) from None
    deck = Presentation()
    deck.slide_width, deck.slide_height = _emu(SLIDE_W), _emu(SLIDE_H)
    return deck


def _emu(points: float) -> Any:
    from pptx.util import Emu

    return Emu(round(points * 12700))


def _titled_slide(deck: Any, title: str) -> tuple[Any, float]:
    """A blank slide with *title*, and where its body starts."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    return slide, _textbox(slide, [title], TITLE_TOP, TITLE_PT, bold=True) + GAP


def _textbox(
    slide: Any, paragraphs: list[str], top: float, size: float, bold: bool = False
) -> float:
    """A full-width text box at *top*, as tall as its paragraphs; where it ends."""
    height = box_height(paragraphs, size, bold)
    frame = slide.shapes.add_textbox(
        _emu(MARGIN), _emu(top), _emu(TABLE_W), _emu(height)
    ).text_frame
    frame.word_wrap = True
    for n, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        _write(paragraph, text, size, bold)
        paragraph.space_after = _emu(PARA_SPACE)
    return top + height


def _table_slide(deck: Any, title: str, layout: Layout, rows: list[TableRow]) -> None:
    """A slide with *title*, the table of *rows* under it, and the rows' notes as the slide's
    speaker notes."""
    slide, top = _titled_slide(deck, title)
    heights = [row_height(_headers(layout), layout.widths, bold=True)]
    heights += [row_height(row.cells, layout.widths) for row in rows]
    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(layout.columns),
        _emu(MARGIN),
        _emu(top),
        _emu(sum(layout.widths)),
        _emu(sum(heights)),
    )
    table = shape.table
    for i, width in enumerate(layout.widths):
        table.columns[i].width = _emu(width)
    for r, height in enumerate(heights):
        table.rows[r].height = _emu(height)
    for i, header in enumerate(_headers(layout)):
        _fill(table.cell(0, i), header, bold=True)
    for r, row in enumerate(rows, 1):
        for i, (text, colour) in enumerate(zip(row.cells, row.colours)):
            _fill(table.cell(r, i), text, colour=colour)
    notes = [row.note for row in rows if row.note]
    if notes:
        slide.notes_slide.notes_text_frame.text = "\n".join(notes)


def _fill(cell: Any, text: str, bold: bool = False, colour: str | None = None) -> None:
    frame = cell.text_frame
    frame.word_wrap = True
    _write(frame.paragraphs[0], text, BODY_PT, bold, colour)


def _write(
    paragraph: Any, text: str, size: float, bold: bool = False, colour: str | None = None
) -> None:
    """*text* as one run of Arial at *size*. The paragraph's end mark gets the size too, and empty
    text gets no run at all: LibreOffice sizes an empty run by the default 18 pt, an end mark by its
    own size."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    fonts = [paragraph.font]
    if text:
        run = paragraph.add_run()
        run.text = text
        fonts.append(run.font)
    for font in fonts:
        font.size, font.bold, font.name = Pt(size), bold, FONT
        if colour:
            font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
    paragraph._p.get_or_add_endParaRPr().set("sz", str(round(size * 100)))
