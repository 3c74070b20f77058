"""JSON: the report's stable data, indented, keys in a fixed order, UTF-8 kept readable and
inert."""

from __future__ import annotations

import json

from ..textsafe import json_inert
from ..views import Report
from .base import Renderer


class Json(Renderer):
    """The report's data as JSON; control and bidi characters escaped as \\uXXXX (valid and
    faithful)."""

    def render(self, report: Report) -> str:
        data = pick_keys(report.data, set(report.picked)) if report.picked else report.data
        return json_inert(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def pick_keys(data: object, keys: set[str]) -> object:
    """*data* with every list of records cut down to the keys in *keys* (as ``--columns`` asks)."""
    if isinstance(data, list):
        if data and all(isinstance(d, dict) for d in data) and any(keys & d.keys() for d in data):
            return [{k: v for k, v in d.items() if k in keys} for d in data]
        return [pick_keys(d, keys) for d in data]
    if isinstance(data, dict):
        return {k: pick_keys(v, keys) for k, v in data.items()}
    return data
