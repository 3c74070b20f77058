"""PowerPoint decks (optional extra ``treatycmp[pptx]``): a title slide, then each table split across
slides that stay readable; rows per slide are chosen by the length of their text."""

from __future__ import annotations

import io

from ..errors import UsageError
from ..views import BAR, RELATION, Ref, Report, Section, footnote_sources, table_columns
from .style import HEX, label

SLIDE_BUDGET = 1400  # characters of cell text that fit one 16:9 slide at 11 pt
MAX_ROWS = 12


def render(report: Report, *, width: int = 100, color: bool = True) -> bytes:
    try:
        from pptx import Presentation
        from pptx.util import Inches, Pt
    except ImportError:
        raise UsageError("pptx output needs the optional extra: pip install 'treatycmp[pptx]'") from None
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    _title_slide(deck, report)
    notes: dict[str, int] = {}
    for section in report.view.sections:
        section = footnote_sources(table_columns(section), notes)
        for n, chunk in enumerate(chunks(section), 1):
            _table_slide(deck, section, chunk, n, Inches, Pt)
    if notes:
        _text_slide(deck, "Sources", [f"[{n}] {text}" for text, n in notes.items()], Pt)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def chunks(section: Section) -> list[tuple[tuple[object, ...], ...]]:
    """Split rows so that each slide holds at most SLIDE_BUDGET characters and MAX_ROWS rows."""
    out: list[tuple[tuple[object, ...], ...]] = []
    current: list[tuple[object, ...]] = []
    used = 0
    for row in section.rows:
        size = sum(len(str(v)) for v in row) + 40
        if current and (used + size > SLIDE_BUDGET or len(current) >= MAX_ROWS):
            out.append(tuple(current))
            current, used = [], 0
        current.append(row)
        used += size
    if current:
        out.append(tuple(current))
    return out


def _title_slide(deck, report: Report) -> None:  # type: ignore[no-untyped-def]
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = report.view.title
    slide.placeholders[1].text = "\n".join(f"{k}: {v}" for k, v in report.view.facts[:4])


def _table_slide(deck, section: Section, rows, n: int, Inches, Pt) -> None:  # type: ignore[no-untyped-def]
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = f"{section.title} ({n})" if n > 1 else section.title
    slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(24)
    cols = section.columns
    shape = slide.shapes.add_table(len(rows) + 1, len(cols), Inches(0.4), Inches(1.3), Inches(12.5), Inches(0.4))
    table = shape.table
    total = sum(max(c.ratio, 1) for c in cols)
    for i, col in enumerate(cols):
        table.columns[i].width = int(Inches(12.5) * max(col.ratio, 1) / total)
        _set(table.cell(0, i), col.header, Pt(12), bold=True)
    for r, row in enumerate(rows, 1):
        for i, (value, col) in enumerate(zip(row, cols)):
            _set(table.cell(r, i), _text(value, col.kind), Pt(11), colour=HEX.get(str(value)) if col.kind == RELATION else None)


def _text(value: object, kind: str) -> str:
    if kind == RELATION:
        return label(str(value))
    if kind == BAR:
        return ", ".join(f"{k} {n}" for k, n in value if n)  # type: ignore[union-attr]
    return str(value) if not isinstance(value, Ref) else str(value)


def _set(cell, text: str, size, bold: bool = False, colour: str | None = None) -> None:  # type: ignore[no-untyped-def]
    from pptx.dml.color import RGBColor

    cell.text = text
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = size
            run.font.bold = bold
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))


def _text_slide(deck, title: str, lines: list[str], Pt) -> None:  # type: ignore[no-untyped-def]
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = title
    frame = slide.placeholders[1].text_frame
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(12)
