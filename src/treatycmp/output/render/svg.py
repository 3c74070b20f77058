"""SVG for slides: the Rich table recorded at a fixed width and exported with ``export_svg``."""

from __future__ import annotations

import io
import re

from rich.console import Console, Group

from ..views import View
from .table import RichTable


class Svg(RichTable):
    """The coloured table as a standalone SVG (no remote font)."""

    def finish(self, view: View) -> str:
        console = Console(
            file=io.StringIO(),
            record=True,
            width=self.options.width,
            force_terminal=True,
            color_system="truecolor",
            highlight=False,
            emoji=False,
            markup=False,
        )
        console.print(Group(*self.items))
        return _REMOTE_FONT.sub("", console.export_svg(title="treatycmp"))


_REMOTE_FONT = re.compile(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')
