"""Renderers: one module per format, each a :class:`~treatycmp.output.render.base.Renderer`,
registered in one table.

Every data command renders through :func:`render`; ``pptx`` and ``xlsx`` are binary and live behind
optional extras, ``sssom`` is for the commands that answer with links and absences, and
``text``/``github`` are the line formats of ``treatycmp check``."""

from __future__ import annotations

from enum import Enum
from importlib import import_module

from ..views import Report
from .base import Renderer, RenderOptions


class Format(str, Enum):
    """Output formats shared by every data command."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"
    SVG = "svg"
    PPTX = "pptx"
    XLSX = "xlsx"
    SSSOM = "sssom"


class CheckFormat(str, Enum):
    """Output formats of ``treatycmp check`` and ``verify``: their line formats, and JSON as every
    data command writes it."""

    TEXT = "text"
    JSON = Format.JSON.value
    GITHUB = "github"


RENDERERS: dict[str, tuple[str, str]] = {
    "table": ("table", "RichTable"),
    "plain": ("plain", "Plain"),
    "markdown": ("markdown", "Markdown"),
    "csv": ("csvfmt", "Csv"),
    "json": ("jsonfmt", "Json"),
    "html": ("html", "Html"),
    "svg": ("svg", "Svg"),
    "pptx": ("pptx", "Pptx"),
    "xlsx": ("xlsx", "Xlsx"),
    "sssom": ("sssom", "Sssom"),
    "text": ("checkfmt", "FindingLines"),
    "github": ("checkfmt", "GitHubAnnotations"),
}
"""Format name → (module, class). ``plain`` is the table format without colour (pipes and files)."""


def renderer_for(fmt: str, options: RenderOptions) -> Renderer:
    """The renderer of *fmt* (imported on first use); a table without colour is plain text."""
    name = "plain" if fmt == Format.TABLE.value and not options.color else fmt
    module, cls = RENDERERS[name]
    renderer: Renderer = getattr(import_module(f"{__name__}.{module}"), cls)(options)
    return renderer


def render(
    report: Report, fmt: Format | CheckFormat | str, *, width: int = 100, color: bool = False
) -> str | bytes:
    """Render *report* in *fmt*."""
    name = fmt.value if isinstance(fmt, Enum) else fmt
    return renderer_for(name, RenderOptions(width, color)).render(report)
