"""CSV: a header row then one row per record, UTF-8 with a byte-order mark so spreadsheets read
accents."""

from __future__ import annotations

import csv
import io

from ..textsafe import visible
from ..views import BAR, Ref, Report
from .base import Renderer


class Csv(Renderer):
    """All sections as one table (with a 'part' column when there are several); formulas
    neutralised."""

    def render(self, report: Report) -> str:
        section = report.flat()
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.key for c in section.columns if c.kind != BAR])
        for row in section.rows:
            writer.writerow([_cell(v) for v, c in zip(row, section.columns) if c.kind != BAR])
        return "\ufeff" + buffer.getvalue()


def export_text(value: object) -> str:
    """A cell's text in a data export: the id of a pinpointed reference, marks of the table views
    dropped."""
    return visible(value.id if isinstance(value, Ref) else str(value).removeprefix("⚠ "))


def _cell(value: object) -> str:
    text = export_text(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and text != "=" else text
