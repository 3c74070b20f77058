"""Renderers: pure functions that turn a :class:`~treatycmp.views.Report` into text.

Every format renders every report; ``pptx`` is binary and lives behind an optional extra.
"""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import Callable

from ..views import Report


class Format(str, Enum):
    """Output formats shared by every data command."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"
    SVG = "svg"
    PPTX = "pptx"


TEXT_RENDERERS: dict[Format, str] = {
    Format.TABLE: "table",
    Format.MARKDOWN: "markdown",
    Format.CSV: "csvfmt",
    Format.JSON: "jsonfmt",
    Format.HTML: "html",
    Format.SVG: "svg",
}
BINARY_RENDERERS: dict[Format, str] = {Format.PPTX: "pptx"}


def renderer(fmt: Format) -> Callable[..., str | bytes]:
    """The ``render(report, width=..., color=...)`` function of *fmt* (imported on first use)."""
    module = TEXT_RENDERERS.get(fmt) or BINARY_RENDERERS[fmt]
    return import_module(f"{__name__}.{module}").render


def render(report: Report, fmt: Format, *, width: int = 100, color: bool = False) -> str | bytes:
    """Render *report* in *fmt* (a table without colour is plain text, rendered without Rich)."""
    if fmt is Format.TABLE and not color:
        return import_module(f"{__name__}.plain").render(report, width=width)
    return renderer(fmt)(report, width=width, color=color)
