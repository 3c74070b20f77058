"""JSON: the report's stable data, indented, keys in a fixed order, UTF-8 kept readable."""

from __future__ import annotations

import json

from ..views import Report


def render(report: Report, *, width: int = 100, color: bool = False) -> str:
    return json.dumps(report.data, indent=2, ensure_ascii=False) + "\n"
