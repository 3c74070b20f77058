"""The "Who is bound" section of the offline HTML report: each instrument's latest counts, the
timeline of its snapshots with a bar each, and the lists of States, every count with its date and
source."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .base import safe_view
from .html import marks_html, sources_html, table_html

if TYPE_CHECKING:
    from ...engine.reach import Reach


def reach_section(result: Reach | None) -> str:
    """The section, or '' when the data has no reach snapshot."""
    if result is None or not result.instruments:
        return ""
    from ..present_reach import reach_report
    from ..views import footnote_sources

    view = safe_view(reach_report(result).view)
    notes: dict[str, int] = {}
    tables = "".join(
        f"<h3>{escape(s.title)}</h3>{table_html(footnote_sources(s, notes))}" for s in view.sections
    )
    facts = "".join(f"<li><b>{k}:</b> {v}</li>" for k, v in _escaped(view.facts))
    sources = sources_html(notes).replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    return (
        f'<section id="reach"><h2>Who is bound</h2><ul class="facts">{facts}</ul>{tables}'
        f"{marks_html(view.legend_lines() + (view.footer,))}{sources}"
        "</section>"
    )


def _escaped(facts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((escape(k), escape(v)) for k, v in facts)
