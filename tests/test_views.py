"""Views: the legend of status marks lists only the marks that the output shows."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from treatycmp.cli import app
from treatycmp.output.views import MARK_LEGEND, Column, Section, View

UNCONFIRMED_LEGENDS = (MARK_LEGEND["unconfirmed"], MARK_LEGEND["unconfirmed_fact"])


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"TREATYCMP_NO_SHIPPED": "0"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_find_ransomware_explains_no_mark_it_does_not_show(fmt: str) -> None:
    out = run("find", "ransomware", "--format", fmt)
    assert "GN 12" in out and "†" not in out


def test_a_mark_stays_explained_where_it_is_shown() -> None:
    out = run("show", "Art. 32 BC", "--width", "120")
    assert "2014-12-03 †" in out and MARK_LEGEND["unconfirmed_fact"] in out


def test_columns_that_drop_the_marked_cells_drop_their_legend() -> None:
    full = run("diff", "bc", "un", "--chapter", "II", "--width", "200")
    assert MARK_LEGEND["unconfirmed"] in full and MARK_LEGEND["basis:analysis"] in full
    picked = run(
        "diff", "bc", "un", "--chapter", "II", "--width", "200", "--columns", "from,relation,to"
    )
    assert "†" not in picked
    assert (
        MARK_LEGEND["draft"] in picked and MARK_LEGEND["basis:analysis"] in picked
    )  # the header still counts them


def test_legend_lines_read_only_the_shown_cells() -> None:
    columns = (
        Column("id", "Id"),
        Column("title", "Title"),
        Column("hidden", "Hidden", in_tables=False),
    )
    shown = Section("S", columns, (("a:1", "One", "Two †"),))
    view = View("T", (shown,), marks=("unconfirmed", "unmapped", "draft"))
    assert view.legend_lines() == ()
    marked = View(
        "T", (shown._replace(rows=(("a:1", "One †", ""),)),), marks=("unconfirmed", "unmapped")
    )
    assert marked.legend_lines() == (MARK_LEGEND["unconfirmed"],)
