"""Markdown pipe tables (GitHub, pandoc, Marp): cells escaped so that '|', markup and newlines stay
inside."""

from __future__ import annotations

import re

from ..views import BAR, MEANINGS, RELATION, RELATIONS, Section, View, label
from .base import Renderer

_MARKUP = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def escape(value: object) -> str:
    """Make *value* literal inside a pipe-table cell: Markdown punctuation escaped, on one line."""
    text = _MARKUP.sub(r"\\\1", str(value))
    return " ".join(text.replace("\r", " ").split("\n")).strip()


class Markdown(Renderer):
    """A Markdown document: heading, facts as a list, one pipe table per section."""

    def head(self, view: View) -> None:
        self.parts += [f"## {escape(view.title)}", ""]
        self.parts += [f"- **{escape(k)}:** {escape(v)}" for k, v in view.facts]

    def section(self, section: Section, multi: bool) -> None:
        self.parts += (
            ["", f"### {escape(section.title)} ({len(section.rows)})", ""] if multi else [""]
        )
        self.parts += _table(section)

    def footnotes(self, notes: dict[str, int]) -> None:
        self.parts += ["", "Sources:", ""] + [f"{n}. {escape(text)}" for text, n in notes.items()]

    def relations(self) -> None:
        self.parts += [
            "",
            "Relations: "
            + "; ".join(f"{escape(label(r))}: {MEANINGS[r]}" for r in RELATIONS)
            + ".",
        ]

    def marks(self, lines: tuple[str, ...]) -> None:
        self.parts += [""] + [escape(line) + "  " for line in lines]

    def footer(self, text: str) -> None:
        self.parts += ["", escape(text)]

    def finish(self, view: View) -> str:
        return "\n".join(self.parts).lstrip("\n") + "\n"


def _table(section: Section) -> list[str]:
    if not section.rows:
        return [f"_{escape(section.empty)}_"]
    head = "| " + " | ".join(escape(c.header) or " " for c in section.columns) + " |"
    rule = "|" + "|".join("---:" if c.kind == "number" else "---" for c in section.columns) + "|"
    body = [
        "| " + " | ".join(_cell(v, c.kind) for v, c in zip(row, section.columns)) + " |"
        for row in section.rows
    ]
    return [head, rule, *body]


def _cell(value: object, kind: str) -> str:
    if kind == RELATION:
        return escape(label(str(value)))
    if kind == BAR:
        return escape(" ".join(f"{k} {n}" for k, n in value if n))  # type: ignore[attr-defined]
    return escape(value)
