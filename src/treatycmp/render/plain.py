"""Plain-text tables for pipes and files: aligned columns wrapped to a width, no colour, no box drawing.

Fast on purpose (no Rich): this is what ``treatycmp diff ... | less`` and scripts read.
"""

from __future__ import annotations

import textwrap

from ..views import (
    BAR,
    NUMBER,
    RELATION,
    TIGHT,
    Report,
    Section,
    footnote_sources,
    table_columns,
)
from .style import MEANINGS, RELATIONS, SYMBOLS, label

GAP = 2


def render(report: Report, *, width: int = 100, color: bool = False) -> str:
    view = report.view
    out = [_wrap(view.title, width, "  ")]
    out += [_wrap(f"{k}: {v}", width, "  ") for k, v in view.facts]
    notes: dict[str, int] = {}
    for section in view.sections:
        section = footnote_sources(table_columns(section), notes)
        out.append("")
        if len(view.sections) > 1:
            out.append(_wrap(f"{section.title} ({len(section.rows)})", width, "  "))
        out.append(table(section, width))
    if notes:
        out.append("")
        out += [_wrap(f"[{n}] {text}", width, "    ") for text, n in notes.items()]
    if view.legend:
        out += ["", _wrap("Relations: " + "; ".join(f"{label(r)}: {MEANINGS[r]}" for r in RELATIONS), width, "  ")]
    if view.footer:
        out += ["", _wrap(view.footer, width, "")]
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int, indent: str) -> str:
    return "\n".join(textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False)) or text


def cell_text(value: object, kind: str, scale: float = 1.0) -> str:
    if kind == RELATION:
        return label(str(value))
    if kind == BAR:
        return "".join(SYMBOLS.get(k, "#") * blocks(n, scale) for k, n in value)  # type: ignore[union-attr]
    return " ".join(str(value).split())


def blocks(n: int, scale: float) -> int:
    """Blocks for *n* articles: never zero for a non-zero count."""
    return max(1, round(n * scale)) if n else 0


def bar_scale(section: Section, blocks: int = 16) -> float:
    """Blocks per article so that the longest bar of the section is *blocks* long."""
    idx = [i for i, c in enumerate(section.columns) if c.kind == BAR]
    totals = [sum(n for _, n in row[i]) for row in section.rows for i in idx]  # type: ignore[union-attr]
    return blocks / max(totals) if totals and max(totals) else 1.0


def table(section: Section, width: int) -> str:
    """The rows of *section* as aligned columns that fit in *width* characters."""
    if not section.rows:
        return f"  {section.empty}"
    cols = section.columns
    scale = bar_scale(section)
    cells = [[cell_text(v, c.kind, scale) for v, c in zip(row, cols)] for row in section.rows]
    widths = _widths(section, cells, width)
    lines = []
    for row in [[c.header for c in cols]] + cells:
        if len(lines) == 1:
            lines.append(_line(["-" * w for w in widths], widths, cols))
        wrapped = [fold(text, w) for text, w in zip(row, widths)]
        for i in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[i] if i < len(w) else "" for w in wrapped], widths, cols))
    return "\n".join(lines)


def fold(text: str, width: int) -> list[str]:
    """Greedy word wrap (words longer than *width* are cut); always at least one line."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _line(parts: list[str], widths: list[int], cols) -> str:  # type: ignore[no-untyped-def]
    padded = [p.rjust(w) if c.kind == NUMBER else p.ljust(w) for p, w, c in zip(parts, widths, cols)]
    return (" " * GAP).join(padded).rstrip()


def _widths(section: Section, cells: list[list[str]], width: int) -> list[int]:
    """Tight columns get their widest cell; the rest share what is left by their ratios."""
    cols = section.columns
    natural = [max([len(c.header)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    tight = [c.kind in TIGHT for c in cols]
    fixed = sum(n for n, t in zip(natural, tight) if t)
    free = max(width - fixed - GAP * (len(cols) - 1), 10 * sum(1 for t in tight if not t))
    ratios = sum(c.ratio for c, t in zip(cols, tight) if not t) or 1
    longest = [max([len(w) for r in cells for w in r[i].split()] or [0]) for i in range(len(cols))]
    widths = []
    for n, t, c, lw in zip(natural, tight, cols, longest):
        widths.append(n if t else max(min(lw, 18), 6, min(n, free * c.ratio // ratios)))
    return _shrink(_give_back(widths, natural, tight, free), width)


def _shrink(widths: list[int], width: int) -> list[int]:
    """Narrow the widest columns, one character at a time, until the row fits in *width*."""
    widths = list(widths)
    floor = max(2, min(6, (width - GAP * (len(widths) - 1)) // len(widths)))
    while sum(widths) + GAP * (len(widths) - 1) > width:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= floor:
            break
        widths[widest] -= 1
    return widths


def _give_back(widths: list[int], natural: list[int], tight: list[bool], free: int) -> list[int]:
    """Hand the width that short columns did not use to the columns that still wrap."""
    spare = free - sum(w for w, t in zip(widths, tight) if not t)
    for i in sorted(range(len(widths)), key=lambda i: natural[i] - widths[i], reverse=True):
        if spare <= 0 or tight[i]:
            continue
        extra = min(spare, natural[i] - widths[i])
        widths[i] += extra
        spare -= extra
    return widths
