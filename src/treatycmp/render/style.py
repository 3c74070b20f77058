"""Relation colours, symbols and labels shared by the terminal, SVG and HTML renderers."""

from __future__ import annotations

RELATIONS = ("equal", "subset", "superset", "intersects", "none")
SYMBOLS = {"equal": "=", "subset": "⊂", "superset": "⊃", "intersects": "∩", "none": "∅",
           "absent": "∅", "unmapped": "?"}
COLOURS = {"equal": "green", "subset": "cyan", "superset": "blue", "intersects": "yellow", "none": "red",
           "absent": "red", "unmapped": "bright_black"}
HEX = {"equal": "#2e7d32", "subset": "#00838f", "superset": "#1565c0", "intersects": "#b7791f", "none": "#c62828",
       "absent": "#c62828", "unmapped": "#757575"}
MEANINGS = {
    "equal": "same measure; differences of wording only",
    "subset": "left article is narrower than its counterpart",
    "superset": "left article is broader than its counterpart",
    "intersects": "each covers something the other does not",
    "none": "no counterpart",
}


def label(relation: str) -> str:
    """'⊂ subset', '∅ none' ..."""
    return f"{SYMBOLS.get(relation, '')} {relation}".strip()
