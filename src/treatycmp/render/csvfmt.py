"""CSV: a header row then one row per record, UTF-8 with a byte-order mark so spreadsheets read accents."""

from __future__ import annotations

import csv
import io

from ..views import BAR, Ref, Report


def render(report: Report, *, width: int = 100, color: bool = False) -> str:
    section = report.flat()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.key for c in section.columns if c.kind != BAR])
    for row in section.rows:
        writer.writerow([_cell(v) for v, c in zip(row, section.columns) if c.kind != BAR])
    return "\ufeff" + buffer.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, Ref):
        return value.id
    text = str(value).lstrip("⚠ ")
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not text[:1].isdigit() and text not in ("=",) else text
