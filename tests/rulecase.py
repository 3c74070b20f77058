"""RuleCase: write a data folder from two YAML strings and list what `treatycmp check` finds, in its
order."""

from __future__ import annotations

from pathlib import Path

from conftest import MINI_ARTICLES, MINI_MAPPING, write_data

from treatycmp.checks.doc import codes
from treatycmp.findings import Finding, apply_strict
from treatycmp.loading import load_with_findings

Row = tuple[str, int, int, str, str]
"""(file, line, column, severity, code); file is the file's stem: 'articles', 'mapping', 'topics'
..."""


class RuleCase:
    """The findings of one data folder, root cause first, as they are printed."""

    def __init__(
        self,
        folder: Path,
        articles: str = MINI_ARTICLES,
        mapping: str = MINI_MAPPING,
        strict: bool = False,
        files: dict[str, str] | None = None,
    ) -> None:
        write_data(folder, articles, mapping)
        for name, text in (files or {}).items():  # guidance.yaml, topics.yaml, explanatory.yaml
            (folder / name).write_text(text, encoding="utf-8")
        _, found = load_with_findings(folder)
        self.findings: list[Finding] = sorted(
            apply_strict(found) if strict else found, key=Finding.order
        )
        unknown = {f.code for f in self.findings} - codes().keys()
        assert not unknown, f"codes missing from the rule tables: {unknown}"

    @property
    def rows(self) -> list[Row]:
        """Every finding as (file, line, column, severity, code)."""
        return [(Path(f.file).stem, f.line, f.column, f.severity, f.code) for f in self.findings]

    def messages(self, code: str) -> list[str]:
        """The messages of the findings with *code*."""
        return [f.message for f in self.findings if f.code == code]


def findings(
    tmp_path: Path, articles: str = MINI_ARTICLES, mapping: str = MINI_MAPPING
) -> list[Row]:
    """What `treatycmp check` finds in these two files: the whole list, in order."""
    return RuleCase(tmp_path / "data", articles, mapping).rows


def mapping_with(
    links: str = "", absences: str = "", comparisons: str = "  - {from: a, to: c}\n"
) -> str:
    """A mapping.yaml of MINI_MAPPING's entries followed by *links*, *absences* and *comparisons*
    lines."""
    return (
        f"comparisons:\n{comparisons}"
        "links:\n"
        '  - {from: "a:1", to: "c:1", relation: equal, source: analysis, basis: analysis, '
        'evidence: {from: "summary", to: "summary"}}\n'
        '  - {from: "a:2", to: "c:2", relation: subset, note: "narrower", source: analysis, basis: '
        'analysis, evidence: {from: "summary", to: "summary"}}\n'
        f"{links}"
        "absences:\n"
        '  - {article: "a:3", absent_in: c, reason: "nothing", source: analysis, basis: analysis, '
        'evidence: {article: "summary", absent_in: "summaries"}}\n'
        f"{absences}"
    )
