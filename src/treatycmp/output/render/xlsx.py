"""XLSX: a workbook for spreadsheets (the ``xlsx`` extra, openpyxl).

One sheet per section with every column CSV has (keys in the header row), the header frozen, an
auto-filter, column widths from the content, wrapped text, relations and review status coloured as
in the report; a last sheet "About" holds the title, the facts, the legends and every source cited.
Cells are always text or whole numbers, never formulas: a cell that starts with ``=`` stays text.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ...errors import UsageError
from ..textsafe import visible
from ..views import (
    BAR,
    DRAFT,
    MEANINGS,
    NUMBER,
    RELATION,
    RELATIONS,
    SOURCE,
    STATUS,
    Report,
    Section,
    label,
)
from .base import Renderer, safe_view
from .csvfmt import export_text
from .style import HEX, STATUS_HEX

MAX_WIDTH = 60
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


class Xlsx(Renderer):
    """The report as a workbook: a sheet per section, then an About sheet."""

    binary = True

    def render(self, report: Report) -> bytes:
        try:
            from openpyxl import Workbook
        except ImportError:
            raise UsageError(
                "xlsx output needs the optional extra: pip install 'treatycmp[xlsx]'"
            ) from None
        view = safe_view(report.view)
        book = Workbook()
        book.remove(book.active)
        names: set[str] = set()
        for section in view.sections:
            write_sheet(book.create_sheet(sheet_name(section.title, names)), section)
        about = book.create_sheet(sheet_name("About", names))
        write_about(about, report, view.sections)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique within the workbook."""
    base = " ".join(_BAD_TITLE.sub(" ", title).split())[:31].strip() or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def cell_value(value: object, kind: str) -> object:
    """What a cell holds: an id for a pinpointed reference, a whole number in a number column, else
    text."""
    text = export_text(value)
    if kind == NUMBER and text.isdigit() and len(text) < 16:
        return int(text)
    return text


def write_sheet(sheet: Any, section: Section) -> None:
    """One section: header row of column keys, then the rows; frozen header, filter, widths,
    colours."""
    from openpyxl.styles import Alignment, Font

    columns = [c for c in section.columns if c.kind != BAR]
    keep = [i for i, c in enumerate(section.columns) if c.kind != BAR]
    sheet.append([c.key for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in section.rows:
        sheet.append([cell_value(row[i], section.columns[i].kind) for i in keep])
    for row in sheet.iter_rows(min_row=2):
        for column, cell in zip(columns, row):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
            style_cell(cell, column.kind, Font, Alignment)
    sheet.freeze_panes = "A2"
    if section.rows:
        sheet.auto_filter.ref = sheet.dimensions
    for n, column in enumerate(columns, 1):
        longest = max(
            [
                len(column.key),
                *(len(str(c.value or "")) for c in sheet[sheet.cell(1, n).column_letter][1:]),
            ]
        )
        sheet.column_dimensions[sheet.cell(1, n).column_letter].width = min(
            MAX_WIDTH, max(8, longest + 2)
        )


def style_cell(cell: Any, kind: str, font: Any, alignment: Any) -> None:
    """Relations in their colour, review status as in the report, long text wrapped."""
    value = str(cell.value or "")
    if kind == RELATION and value in HEX:
        cell.font = font(color=HEX[value].lstrip("#"), bold=True)
    elif kind == STATUS and value in STATUS_HEX:
        cell.font = font(color=STATUS_HEX[value], italic=value == DRAFT)
    if kind not in (NUMBER, STATUS, RELATION):
        cell.alignment = alignment(wrap_text=True, vertical="top")


def write_about(sheet: Any, report: Report, sections: tuple[Section, ...]) -> None:
    """Title, facts, relation legend, status marks and every source cited, as label/value rows."""
    from openpyxl.styles import Alignment, Font

    view = safe_view(report.view)
    rows: list[tuple[str, str]] = [("title", view.title), *view.facts]
    if view.legend:
        rows += [(f"relation {label(r)}", MEANINGS[r]) for r in RELATIONS]
    rows += [("mark", line) for line in view.legend_lines()]
    cited = dict.fromkeys(
        str(row[i])
        for s in sections
        for row in s.rows
        for i, c in enumerate(s.columns)
        if c.kind == SOURCE and str(row[i])
    )
    rows += [("source", text) for text in cited]
    if view.footer:
        rows.append(("note", view.footer))
    sheet.append(["item", "value"])
    for key, value in rows:
        sheet.append([visible(key), visible(value)])
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
