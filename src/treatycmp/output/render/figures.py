"""Headline slides for PowerPoint decks: each :class:`~treatycmp.output.views.Figure` on its own
slide, laid out like a reach slide (the title, each count big over its label, the date, the source
line at the foot)."""

from __future__ import annotations

from typing import Any

from ..textsafe import visible
from ..views import Figure

EMU_PER_PT = 12700
MARGIN = 29.0
TITLE_PT, DATE_PT, COUNT_PT, LABEL_PT, SOURCE_PT = 28, 18, 66, 20, 14


def figure_slides(deck: Any, figures: tuple[Figure, ...]) -> None:
    """One slide per figure, appended to *deck* (a python-pptx Presentation)."""
    for figure in figures:
        _figure_slide(deck, figure)


def _figure_slide(deck: Any, figure: Figure) -> None:
    width = deck.slide_width / EMU_PER_PT - 2 * MARGIN
    height = deck.slide_height / EMU_PER_PT
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _box(slide, figure.title, (MARGIN, 22, width, 44), TITLE_PT, bold=True)
    _box(slide, figure.date, (MARGIN, 74, width, 30), DATE_PT)
    column = width / max(1, len(figure.counts))
    for n, (value, name) in enumerate(figure.counts):
        left = MARGIN + n * column
        _box(slide, value, (left, 140, column - 8, 96), COUNT_PT, bold=True)
        _box(slide, name, (left, 240, column - 8, 60), LABEL_PT)
    _box(slide, figure.source, (MARGIN, height - MARGIN - 110, width, 110), SOURCE_PT)


def _box(
    slide: Any, text: str, rect: tuple[float, float, float, float], size: int, bold: bool = False
) -> None:
    """A text box at *rect* (left, top, width, height in points)."""
    from pptx.util import Pt

    frame = slide.shapes.add_textbox(*(int(x * EMU_PER_PT) for x in rect)).text_frame
    frame.word_wrap = True
    frame.paragraphs[0].text = visible(text)
    for run in frame.paragraphs[0].runs:
        run.font.size, run.font.bold = Pt(size), bold
