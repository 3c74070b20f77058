"""Output of ``treatycmp check``: compiler-style text, JSON, or GitHub workflow annotations."""

from __future__ import annotations

import json

from .findings import Finding
from .present import check_data


def format_findings(findings: list[Finding], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(check_data(findings), indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(_annotation(f) for f in findings) + _summary(findings) + "\n"
    return "".join(f.text() + "\n" for f in findings) + _summary(findings) + "\n"


def _annotation(f: Finding) -> str:
    message = f"{f.code}: {f.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{f.severity} file={f.file},line={f.line},col={f.column},title=treatycmp {f.code}::{message}\n"


def _summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if not findings:
        return "ok: no findings"
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
