"""SVG for slides: the Rich table recorded at a fixed width and exported with ``export_svg``."""

from __future__ import annotations

import io
import re

from rich.console import Console

from ..views import Report
from .table import renderable


def render(report: Report, *, width: int = 120, color: bool = True) -> str:
    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=True,
                      color_system="truecolor", highlight=False, emoji=False)
    console.print(renderable(report, color=True))
    svg = console.export_svg(title=f"treatycmp {report.command}")
    return _REMOTE_FONT.sub("", svg)


_REMOTE_FONT = re.compile(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')
