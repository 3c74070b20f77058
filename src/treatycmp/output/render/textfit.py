"""How much room text takes on a slide: Arial's advance widths and the line breaks a slide program
makes.

Decks set every run in Arial, which PowerPoint has and LibreOffice replaces with the
metric-compatible Liberation Sans, so one table of widths measures text for both. The widths are
Liberation Sans 2.1's advances in 1/2048 em (read with Pillow) for printable ASCII and the
punctuation the data and the views use. An accented letter measures as its base letter; a character
the font lacks (⊂, ⊃, ∅ and ⚠ come from a fallback font) as a full em, wider than any fallback draws
it. Nothing here needs python-pptx, so the measuring is tested on its own."""

from __future__ import annotations

import unicodedata

FONT = "Arial"
LINE_EM = 1.21
"""Height of a single-spaced line in em, a little above LibreOffice's (lines of 14 pt Liberation
Sans are 16.81 pt apart in its PDF, 1.2007 em)."""

_CHARS = "".join(chr(c) for c in range(32, 127)) + "—–‘’“”…†‡•·→←¶§©®°±×÷€£¥¿¡«»∩≤≥≠"
# fmt: off
_REGULAR = (
    569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569, 1139,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 569, 569, 1196, 1196, 1196, 1139,
    2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706, 1479,
    1593, 1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569, 569, 961,
    1139, 682, 1139, 1139, 1024, 1139, 1139, 569, 1139, 1139, 455, 455, 1024, 455, 1706, 1139,
    1139, 1139, 1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684, 532, 684, 1196,
    2048, 1139, 455, 455, 682, 682, 2048, 1139, 1139, 717, 682, 2048, 2048, 1100, 1139, 1509,
    1509, 819, 1124, 1196, 1124, 1139, 1139, 1139, 1251, 682, 1139, 1139, 1472, 1124, 1124, 1124,
)
_BOLD = (
    569, 682, 971, 1139, 1139, 1821, 1479, 487, 682, 682, 797, 1196, 569, 682, 569, 569, 1139,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 682, 682, 1196, 1196, 1196, 1251,
    1997, 1479, 1479, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1139, 1479, 1251, 1706, 1479,
    1593, 1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 682, 569, 682, 1196,
    1139, 682, 1139, 1251, 1139, 1251, 1139, 682, 1251, 1251, 569, 569, 1139, 569, 1821, 1251,
    1251, 1251, 1251, 797, 1139, 682, 1251, 1139, 1593, 1139, 1139, 1024, 797, 573, 797, 1196,
    2048, 1139, 569, 569, 1024, 1024, 2048, 1139, 1139, 717, 682, 2048, 2048, 1139, 1139, 1509,
    1509, 819, 1124, 1196, 1124, 1139, 1139, 1139, 1251, 682, 1139, 1139, 1479, 1124, 1124, 1124,
)
# fmt: on
_UNITS = 2048
_WIDTHS = {False: dict(zip(_CHARS, _REGULAR)), True: dict(zip(_CHARS, _BOLD))}


def char_units(char: str, bold: bool = False) -> int:
    """Advance width of *char* in 1/2048 em (its base letter's if accented; a full em if the font
    lacks it)."""
    widths = _WIDTHS[bold]
    if char in widths:
        return widths[char]
    base = unicodedata.normalize("NFD", char)[:1]
    return widths.get(base, _UNITS)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of *text* in points at *size* points."""
    return sum(char_units(c, bold) for c in text) * size / _UNITS


def line_height(size: float) -> float:
    """Height of one line in points at *size* points."""
    return size * LINE_EM


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """The lines *text* takes in *width* points: broken at spaces (and its own newlines), a word cut
    only when it is wider than a whole line. Empty text takes one line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap_paragraph(paragraph, width, size, bold)
    return lines


def _wrap_paragraph(text: str, width: float, size: float, bold: bool) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in _pieces(word, width, size, bold):
            joined = f"{line} {piece}" if line else piece
            if line and text_width(joined, size, bold) > width:
                lines.append(line)
                joined = piece
            line = joined
    return [*lines, line]


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """*word* whole, or cut into pieces of at most *width* points when it is wider than that."""
    if text_width(word, size, bold) <= width:
        return [word]
    pieces = [""]
    for char in word:
        if pieces[-1] and text_width(pieces[-1] + char, size, bold) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces
