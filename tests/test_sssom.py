"""SSSOM export: the mapping validates with the sssom package's own parser and validator and reads
back to the same rows; diff and gaps answer in SSSOM too."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from treatycmp.cli import app
from treatycmp.models import Basis, Corpus
from treatycmp.output.present import mapping_report
from treatycmp.output.render import render
from treatycmp.output.render.sssom import NO_TERM, PREDICATES

sssom = pytest.importorskip("sssom")


def parse(path: Path):  # noqa: ANN201 (a sssom MappingSetDataFrame)
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    msdf = parse_sssom_table(str(path))
    validate(msdf, fail_on_error=True)  # every validation the package has
    return msdf


def test_whole_mapping_validates_and_reads_back_to_the_same_rows(
    corpus: Corpus, tmp_path: Path
) -> None:
    report = mapping_report(corpus)
    assert report.mappings is not None
    path = tmp_path / "mapping.sssom.tsv"
    path.write_text(str(render(report, "sssom")), encoding="utf-8")
    msdf = parse(path)
    rows = report.mappings.rows
    assert len(msdf.df) == len(rows) == len(corpus.links) + len(corpus.absences)
    assert msdf.metadata["mapping_set_version"] == corpus.meta.data_version
    assert msdf.metadata["license"] == "https://creativecommons.org/licenses/by/4.0/"
    read = {(r["subject_id"], r["object_id"], r["object_source"]): r for _, r in msdf.df.iterrows()}
    assert len(read) == len(rows)  # the package may sort the rows; each comes back once
    for row in rows:
        back = read[(row.subject_id, row.object_id or NO_TERM, f"tc:{row.object_source}")]
        assert back["subject_id"] == row.subject_id and back["subject_label"] == row.subject_label
        assert back["predicate_id"] == PREDICATES[row.relation]
        assert back["object_id"] == (row.object_id or NO_TERM)
        assert back["comment"].partition(":")[0] == row.relation
        other = dict(pair.split("=", 1) for pair in back["other"].split("|"))
        assert other["status"] == row.status and other["basis"] == (row.basis or "none")
        assert back["mapping_justification"] == (
            Basis(row.basis).semapv if row.basis else "semapv:UnspecifiedMatching"
        )


def test_diff_and_gaps_answer_in_sssom_with_absences_as_no_term_found(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "diff.tsv"
    result = runner.invoke(app, ["diff", "budapest", "un", "-f", "sssom", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    df = parse(out).df
    absent = df[df["object_id"] == NO_TERM]
    assert "budapest:32" in set(absent["subject_id"]) and set(absent["object_source"]) <= {
        "tc:un",
        "tc:budapest",
    }
    assert {"budapest:2", "un:7"} <= set(df["subject_id"]) | set(df["object_id"])
    gaps = tmp_path / "gaps.tsv"
    assert runner.invoke(app, ["gaps", "p1", "un", "-f", "sssom", "-o", str(gaps)]).exit_code == 0
    assert set(parse(gaps).df["object_id"]) == {NO_TERM}


def test_sssom_is_refused_where_there_are_no_mapping_rows() -> None:
    result = CliRunner().invoke(app, ["list", "-f", "sssom"])
    assert result.exit_code == 2
    assert "--format sssom is for diff, gaps and export, not list" in result.stderr
