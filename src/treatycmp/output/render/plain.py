"""Plain text for pipes and files: aligned columns wrapped to a width, no colour, no box drawing.

When the width cannot hold whole words in every text column, each row becomes a block instead: its
ids, relation and status on one line, then each text under its header. Words are never cut inside a
title."""

from __future__ import annotations

import textwrap

from ..views import (
    BAR,
    MEANINGS,
    NUMBER,
    RELATION,
    RELATIONS,
    SYMBOLS,
    TIGHT,
    Column,
    Section,
    View,
    label,
)
from .base import Renderer

GAP = 2
READABLE = 6
"""Characters per ratio unit a text column needs to read well (a note of ratio 5 wants 30)."""


class Plain(Renderer):
    """Aligned plain-text tables (or row blocks when the width is too narrow for them)."""

    def head(self, view: View) -> None:
        width = self.options.width
        self.parts.append(wrap(view.title, width, "  "))
        self.parts += [wrap(f"{k}: {v}", width, "  ") for k, v in view.facts]

    def section(self, section: Section, multi: bool) -> None:
        self.parts.append("")
        if multi:
            self.parts.append(
                wrap(f"{section.title} ({len(section.rows)})", self.options.width, "  ")
            )
        self.parts.append(table(section, self.options.width))

    def footnotes(self, notes: dict[str, int]) -> None:
        self.parts.append("")
        self.parts += [
            wrap(f"[{n}] {text}", self.options.width, "    ") for text, n in notes.items()
        ]

    def relations(self) -> None:
        text = "Relations: " + "; ".join(f"{label(r)}: {MEANINGS[r]}" for r in RELATIONS)
        self.parts += ["", wrap(text, self.options.width, "  ")]

    def marks(self, lines: tuple[str, ...]) -> None:
        self.parts += [""] + [wrap(line, self.options.width, "  ") for line in lines]

    def footer(self, text: str) -> None:
        self.parts += ["", wrap(text, self.options.width, "")]


def wrap(text: str, width: int, indent: str) -> str:
    return (
        "\n".join(
            textwrap.wrap(
                text,
                width,
                subsequent_indent=indent,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
        or text
    )


def cell_text(value: object, kind: str, scale: float = 1.0) -> str:
    if kind == RELATION:
        return label(str(value))
    if kind == BAR:
        return "".join(SYMBOLS.get(k, "#") * blocks(n, scale) for k, n in value)  # type: ignore[attr-defined]
    return " ".join(str(value).split())


def blocks(n: int, scale: float) -> int:
    """Blocks for *n* articles: never zero for a non-zero count."""
    return max(1, round(n * scale)) if n else 0


def bar_scale(section: Section, size: int = 16) -> float:
    """Blocks per article so that the longest bar of the section is *size* long."""
    idx = [i for i, c in enumerate(section.columns) if c.kind == BAR]
    longest = max((_bar_total(row[i]) for row in section.rows for i in idx), default=0)
    return size / longest if longest else 1.0


def _bar_total(value: object) -> int:
    pairs: tuple[tuple[str, int], ...] = value  # type: ignore[assignment]
    return sum(n for _, n in pairs)


def table(section: Section, width: int) -> str:
    """The rows of *section* as aligned columns that fit in *width*, or as row blocks when they
    cannot."""
    if not section.rows:
        return f"  {section.empty}"
    scale = bar_scale(section)
    cells = [
        [cell_text(v, c.kind, scale) for v, c in zip(row, section.columns)] for row in section.rows
    ]
    widths = _widths(section, cells, width)
    if not fits(section.columns, cells, widths):
        return row_blocks(section.columns, cells, width)
    lines: list[str] = []
    for row in [[c.header for c in section.columns]] + cells:
        if len(lines) == 1:
            lines.append(_line(["-" * w for w in widths], widths, section.columns))
        wrapped = [hard_wrap(text, w) for text, w in zip(row, widths)]
        for i in range(max(len(w) for w in wrapped)):
            lines.append(
                _line([w[i] if i < len(w) else "" for w in wrapped], widths, section.columns)
            )
    return "\n".join(lines)


def fits(columns: tuple[Column, ...], cells: list[list[str]], widths: list[int]) -> bool:
    """True when every text column is wide enough to read (whole words, and room for its share of
    text) and every short column (ids, numbers, bars) holds its cells whole."""
    for i, col in enumerate(columns):
        natural = max([len(col.header)] + [len(r[i]) for r in cells])
        if col.kind in TIGHT:
            if widths[i] < natural:
                return False
            continue
        longest = max([len(w) for r in cells for w in r[i].split()] or [0])
        if widths[i] < min(natural, max(longest, READABLE * col.ratio)):
            return False
    return True


def row_blocks(columns: tuple[Column, ...], cells: list[list[str]], width: int) -> str:
    """One block per row: the short cells on a line, then each text column under its header."""
    out: list[str] = []
    for row in cells:
        out += short_lines(
            [labelled(v, c) for v, c in zip(row, columns) if c.kind in TIGHT and v], width
        )
        for value, col in zip(row, columns):
            if col.kind not in TIGHT and value:
                out += block_lines(f"{col.header}: {value}", width, "  ", "    ")
        out.append("")
    return "\n".join(out).rstrip("\n")


def labelled(value: str, column: Column) -> str:
    """A short cell as a row block's first line shows it: a number with its header ('Articles: 48',
    '#1'), since no header row stands above it; ids, relations and statuses as they are."""
    if column.kind != NUMBER or not column.header:
        return value
    return f"{column.header}: {value}" if column.header[-1].isalnum() else f"{column.header}{value}"


def short_lines(cells: list[str], width: int) -> list[str]:
    """A row block's first line: its short cells two spaces apart, wrapped between cells ('draft:
    13' stays whole), later lines indented by two; a cell wider than a line wraps at its spaces."""
    lines: list[str] = []
    for cell in cells:
        if lines and len(lines[-1]) + 2 + len(cell) <= width:
            lines[-1] += "  " + cell
        else:
            lines.append(("  " if lines else "") + cell)
    out: list[str] = []
    for line in lines:
        out += (
            [line]
            if len(line) <= width
            else block_lines(line.strip(), width, "  " if out else "", "  ")
        )
    return out or [""]


def block_lines(text: str, width: int, first: str, rest: str) -> list[str]:
    """*text* wrapped at spaces (a word is cut only when it is wider than the whole line).

    Words one space apart that each fit on a line are laid out here, as textwrap would lay them
    out; anything else (other spacing, a word to cut) goes to textwrap, which is slower."""
    words = text.split()
    room = width - max(len(first), len(rest))
    if not words or " ".join(words) != text or room <= 0 or max(map(len, words)) > room:
        return textwrap.wrap(
            text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        ) or [first]
    lines = [first + words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(rest + word)
    return lines


def hard_wrap(text: str, width: int) -> list[str]:
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


def _line(parts: list[str], widths: list[int], cols: tuple[Column, ...]) -> str:
    padded = [
        p.rjust(w) if c.kind == NUMBER else p.ljust(w) for p, w, c in zip(parts, widths, cols)
    ]
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
