"""The line formats of ``treatycmp check``: compiler-style text and GitHub workflow annotations."""

from __future__ import annotations

from operator import itemgetter

from ..views import Report, Section
from .base import Renderer


def _records(report: Report) -> list[dict[str, object]]:
    section: Section = report.view.sections[0]
    keys = [c.key for c in section.columns]
    return [dict(zip(keys, row)) for row in section.rows]


def _summary(report: Report) -> str:
    return dict(report.view.facts).get("result", "")


class FindingLines(Renderer):
    """``file:line:col: severity code message``, one finding a line, then the counts."""

    def render(self, report: Report) -> str:
        section: Section = report.view.sections[0]
        keys = [c.key for c in section.columns]
        fields = itemgetter(
            *(keys.index(k) for k in ("file", "line", "column", "severity", "code", "message"))
        )
        return (
            "".join(["%s:%s:%s: %s %s %s\n" % fields(row) for row in section.rows])
            + _summary(report)
            + "\n"
        )


class GitHubAnnotations(Renderer):
    """``::error file=…,line=…,col=…::message`` workflow commands, then the counts."""

    def render(self, report: Report) -> str:
        return "".join(_annotation(f) for f in _records(report)) + _summary(report) + "\n"


def _annotation(f: dict[str, object]) -> str:
    message = (
        f"{f['code']}: {f['message']}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    )
    place = f"file={_prop(f['file'])},line={f['line']},col={f['column']}"
    return f"::{f['severity']} {place},title=treatycmp {f['code']}::{message}\n"


def _prop(value: object) -> str:
    return (
        str(value)
        .replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )
