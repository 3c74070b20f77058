"""Relation colours shared by the terminal, SVG, HTML and PowerPoint renderers (symbols live in
``views``)."""

from __future__ import annotations

from ..views import DRAFT, REVIEWED

COLOURS = {
    "equal": "green",
    "subset": "cyan",
    "superset": "blue",
    "intersects": "yellow",
    "none": "red",
    "absent": "red",
    "unmapped": "bright_black",
    "parties": "green",
    "signatories": "cyan",
    "invited": "yellow",
}
HEX = {
    "equal": "#2e7d32",
    "subset": "#00838f",
    "superset": "#1565c0",
    "intersects": "#b7791f",
    "none": "#c62828",
    "absent": "#c62828",
    "unmapped": "#757575",
    "parties": "#2e7d32",
    "signatories": "#00838f",
    "invited": "#b7791f",
}
"""Relation colours, and the colours of the parts of a reach bar (parties, signatories, invited)."""
STATUS_COLOURS = {DRAFT: "yellow", REVIEWED: "green"}
STATUS_HEX = {DRAFT: "8A6D00", REVIEWED: "2E7D32"}
"""The colour of each status word: in the terminal, and in spreadsheets."""
