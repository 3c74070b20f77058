"""Markdown pipe tables (GitHub, pandoc, Marp): cells escaped so that '|' and newlines stay inside."""

from __future__ import annotations

from ..views import BAR, RELATION, Report, Section, footnote_sources, table_columns
from .style import MEANINGS, RELATIONS, label


def escape(value: object) -> str:
    """Make *value* safe inside a pipe-table cell."""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.replace("\r", " ").split("\n")).strip()


def render(report: Report, *, width: int = 100, color: bool = False) -> str:
    view = report.view
    out = [f"## {escape(view.title)}", ""]
    out += [f"- **{escape(k)}:** {escape(v)}" for k, v in view.facts]
    notes: dict[str, int] = {}
    for section in view.sections:
        out += ["", f"### {escape(section.title)} ({len(section.rows)})", ""] if len(view.sections) > 1 else [""]
        out += _table(footnote_sources(table_columns(section), notes))
    if notes:
        out += ["", "Sources:", ""] + [f"{n}. {escape(text)}" for text, n in notes.items()]
    if view.footer:
        out += ["", escape(view.footer)]
    if view.legend:
        out += ["", "Relations: " + "; ".join(f"{label(r)}: {MEANINGS[r]}" for r in RELATIONS) + "."]
    return "\n".join(out).lstrip("\n") + "\n"


def _table(section: Section) -> list[str]:
    if not section.rows:
        return [f"_{escape(section.empty)}_"]
    head = "| " + " | ".join(escape(c.header) or " " for c in section.columns) + " |"
    rule = "|" + "|".join("---:" if c.kind == "number" else "---" for c in section.columns) + "|"
    body = ["| " + " | ".join(_cell(v, c.kind) for v, c in zip(row, section.columns)) + " |" for row in section.rows]
    return [head, rule, *body]


def _cell(value: object, kind: str) -> str:
    if kind == RELATION:
        return escape(label(str(value)))
    if kind == BAR:
        return escape(" ".join(f"{k} {n}" for k, n in value if n))  # type: ignore[union-attr]
    return escape(value)
