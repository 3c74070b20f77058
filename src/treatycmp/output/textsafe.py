"""Data shown literally and harmlessly: control and bidi-override characters made visible.

A title holding ``\\x1b]0;...\\x07`` must not retitle a terminal, break an SVG or hide text in a
CSV. Human formats show such characters as escapes (``\\x1b``, ``\\u202e``); JSON keeps them,
escaped as ``\\uXXXX`` so that the data stays faithful and the file stays valid and inert."""

from __future__ import annotations

import re

BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional marks, embeddings, overrides and isolates (a regex character class)."""
CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 controls but tab and line feed, DEL, C1 controls (a regex character class)."""
_UNSAFE = re.compile(f"[{CONTROLS}{BIDI}]")
_RAW_IN_JSON = re.compile(f"[\x7f-\x9f{BIDI}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """*text* with every control character but tab and newline, and every bidi control, shown as an
    escape."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """*text* on one line with every control shown as an escape (tabs and newlines become spaces
    first)."""
    return visible(" ".join(text.split())) if text else text


def json_inert(dumped: str) -> str:
    """JSON text with DEL, C1 controls and bidi controls written as ``\\uXXXX`` (json.dumps already
    escapes C0)."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
