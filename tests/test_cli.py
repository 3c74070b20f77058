"""The command line through Typer's CliRunner: every command, format, error and exit code."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treatycmp.cli import app


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env or {})


def test_version_reports_program_and_data(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("treatycmp ") and "(data 2026." in result.stdout


def test_help_has_examples_on_every_command(runner: CliRunner) -> None:
    for command in (
        "list",
        "articles",
        "show",
        "diff",
        "gaps",
        "coverage",
        "find",
        "check",
        "lineage",
        "report",
    ):
        result = run(runner, command, "--help")
        assert result.exit_code == 0, command
        assert "treatycmp " + command in result.stdout or "Example" in result.stdout, command


def test_articles_json_lists_every_un_article(runner: CliRunner) -> None:
    result = run(runner, "articles", "un", "--format", "json")
    rows = json.loads(result.stdout)
    assert result.exit_code == 0 and len(rows) == 68
    assert rows[15] | {} == rows[15] and rows[15]["id"] == "un:16"
    assert {"id", "num", "title", "chapter"} <= rows[0].keys()


@pytest.mark.parametrize(
    ("alias", "count"), [("bc", 48), ("ETS 185", 48), ("first protocol", 16), ("CETS 224", 25)]
)
def test_articles_accepts_any_alias(runner: CliRunner, alias: str, count: int) -> None:
    assert len(json.loads(run(runner, "articles", alias, "-f", "json").stdout)) == count


def test_articles_chapter_filter(runner: CliRunner) -> None:
    rows = json.loads(run(runner, "articles", "un", "--chapter", "II", "-f", "json").stdout)
    assert [r["num"] for r in rows] == [str(n) for n in range(7, 22)]


def test_diff_json_shape(runner: CliRunner) -> None:
    result = run(runner, "diff", "budapest", "un", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and (data["from"], data["to"]) == ("budapest", "un")
    first = data["rows"][0]
    assert {"from", "to", "relation", "note", "source"} <= first.keys()
    gap = next(r for r in data["rows"] if r["kind"] == "gap")
    assert gap["to"] is None and gap["relation"] == "none"
    only_b = next(r for r in data["rows"] if r["kind"] == "only_b")
    assert only_b["from"] is None


def test_diff_coe_un_plain_when_piped(runner: CliRunner) -> None:
    result = run(runner, "diff", "coe", "un")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "p2:6" in result.stdout and "budapest:2" in result.stdout


def test_diff_filters(runner: CliRunner) -> None:
    data = json.loads(run(runner, "diff", "bc", "un", "--relation", "equal", "-f", "json").stdout)
    assert data["rows"] and {r["relation"] for r in data["rows"]} == {"equal"}
    gaps_only = json.loads(run(runner, "diff", "bc", "un", "--only", "gaps", "-f", "json").stdout)
    assert {r["kind"] for r in gaps_only["rows"]} == {"gap", "only_b"}


def test_gaps_p2_un(runner: CliRunner) -> None:
    data = json.loads(run(runner, "gaps", "p2", "un", "-f", "json").stdout)
    assert {"p2:6", "p2:7", "p2:9", "p2:10"} <= {g["id"] for g in data}
    assert all(g["reason"] for g in data)


def test_show_card_by_citation(runner: CliRunner) -> None:
    result = run(runner, "show", "Art. 16 UN", "-f", "json")
    data = json.loads(result.stdout)
    assert data["article"]["id"] == "un:16"
    assert {a["instrument"] for a in data["absent_in"]} >= {"coe"}


def test_show_falls_back_to_the_best_search_hit(runner: CliRunner) -> None:
    result = run(runner, "show", "grooming")
    assert result.exit_code == 0 and "un:15" in result.stdout
    assert "best match un:15" in result.stderr


def test_find_exit_codes(runner: CliRunner) -> None:
    found = run(runner, "find", "transborder acess", "--in", "budapest", "-f", "json")
    assert found.exit_code == 0 and json.loads(found.stdout)[0]["id"] == "budapest:32"
    none = run(runner, "find", "qqqzzzx")
    assert none.exit_code == 1 and none.stdout == "" and "no article matches" in none.stderr
    assert run(runner, "find", "  ").exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "budapset", "un"), "did you mean 'budapest'"),
        (("gaps", "p2", "unn"), "did you mean 'un'"),
        (("show", "budapest:99"), "budapest has articles 1–48"),
        (("articles", "xx"), "unknown instrument 'xx'"),
        (("diff", "bc", "un", "--chapter", "XIX"), "no chapter 'XIX' in budapest"),
        (("diff", "bc", "un", "--columns", "nope"), "unknown column 'nope'"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_unknown_format_lists_the_valid_ones(runner: CliRunner) -> None:
    result = run(runner, "diff", "bc", "un", "--format", "docx")
    assert result.exit_code == 2
    assert "table" in result.stderr and "markdown" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("find", "--limit", "0", "x"), "--limit must be a whole number from 1 to 500"),
        (("find", "-n", "many", "x"), "--limit must be a whole number from 1 to 500"),
        (("diff", "bc", "un", "--width", "5"), "--width must be a whole number from 20 to 1000"),
        (
            ("diff", "bc", "un", "--format", "docx"),
            "--format must be one of table, markdown, csv, json, html, svg, pptx, xlsx, sssom",
        ),
        (("--color", "pink", "list"), "--color must be one of auto, always, never"),
        (("diff", "bc"), "diff needs B (usage: treatycmp diff [OPTIONS] A B)"),
        (("show",), "show needs REF (usage: treatycmp show [OPTIONS] REF)"),
        (
            ("diff", "bc", "un", "p2"),
            "unexpected extra argument 'p2' (usage: treatycmp diff [OPTIONS] A B)",
        ),
        (("dif", "bc", "un"), "unknown command 'dif'; did you mean 'diff'?"),
        (
            ("diff", "bc", "un", "--formt", "json"),
            "diff has no option --formt; did you mean --format?",
        ),
        (("find", "x", "--limit"), "--limit needs a value"),
        (("reach", "--states=yes"), "--states takes no value"),
    ],
)
def test_usage_errors_are_one_line_in_our_words(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = run(runner, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"treatycmp: error: {message}\n",
    )


ONCE = "--data names one folder: give it once (to layer several folders, merge them into one)"
NO_SHIPPED = (
    "--no-shipped replaces the shipped data with the --data folder: give --data DIR "
    "(or TREATYCMP_DATA)"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--data", "one", "--data", "two", "list"), ONCE),
        (("--data=one", "list", "--data", "two"), ONCE),
        (("--no-shipped", "list"), NO_SHIPPED),
        (("list", "--no-shipped"), NO_SHIPPED),
        (("--data", "", "list"), "--data needs a folder name"),
    ],
)
def test_global_options_that_would_be_ignored_are_usage_errors(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = run(runner, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"treatycmp: error: {message}\n",
    )


def test_no_shipped_takes_its_folder_from_the_environment_too(
    runner: CliRunner, mini: Path
) -> None:
    result = run(runner, "--no-shipped", "list", "-f", "json", env={"TREATYCMP_DATA": str(mini)})
    assert result.exit_code == 0 and [
        i["id"] for i in json.loads(result.stdout)["instruments"]
    ] == ["a", "b", "c"]
    flag = run(
        runner, "--data", str(mini), "list", "-f", "json", env={"TREATYCMP_DATA": "elsewhere"}
    )
    assert flag.exit_code == 0  # --data given once wins over the environment


WRITERS = [
    ("list",),
    ("articles", "p1"),
    ("show", "un:16"),
    ("diff", "bc", "un"),
    ("gaps", "p2", "un"),
    ("coverage", "bc", "un"),
    ("find", "grooming"),
    ("lineage",),
    ("export",),
    ("notes",),
    ("topic", "safeguards"),
    ("reach",),
    ("report",),
]


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_every_command_that_writes_a_file_says_so_the_same_way(
    runner: CliRunner, tmp_path: Path, args: tuple[str, ...]
) -> None:
    target = tmp_path / "out.txt"
    result = run(runner, *args, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        f"treatycmp: wrote {target}\n",
    )
    assert target.stat().st_size > 0
    to_stdout = run(runner, *args, "-o", "-")
    assert to_stdout.exit_code == 0 and to_stdout.stdout and to_stdout.stderr == ""


def _at_80(runner: CliRunner, *args: str, color: str) -> str:
    """The output of *args* at 80 columns, without its colour codes."""
    import re

    result = run(runner, "--color", color, *args, "--width", "80")
    assert result.exit_code == 0, result.stderr
    assert (
        max(len(line) for line in re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()) <= 80
    )
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


@pytest.mark.parametrize("color", ["never", "always"])
def test_numbers_keep_their_headers_at_80_columns(runner: CliRunner, color: str) -> None:
    import re

    coverage = _at_80(runner, "coverage", "budapest", "un", color=color)
    listing = _at_80(runner, "list", color=color)
    for out in (coverage, listing):
        assert not re.search(r"^ *\d+( +\d+)+\b", out, re.M), out  # no row of bare numbers
    assert (
        "equal: 5  subset: 3  superset: 0  intersects: 12  absent: 1  total: 21\n  draft: 13  "
        in coverage
    )  # wrapped between cells
    assert "budapest  Articles: 48  Unconfirmed: 0" in listing


def test_a_bar_is_never_cut_over_two_lines(runner: CliRunner) -> None:
    for width in range(
        80, 121, 5
    ):  # a short cell (id, number, bar) is whole, in a table or a row block
        assert (
            "====⊂⊂#∩#########"
            in run(runner, "coverage", "budapest", "un", "--width", str(width)).stdout
        ), width


@pytest.mark.parametrize("color", ["never", "always"])
def test_wrapped_lines_at_80_columns_start_under_their_text(runner: CliRunner, color: str) -> None:
    diff = _at_80(
        runner, "diff", "budapest", "un", "--chapter", "II", "--only", "matched", color=color
    )
    body = (
        diff.split("\n\n", 1)[1].split("\n[1] ")[0].splitlines()
    )  # the row blocks, up to the footnotes
    assert all(not line or line.startswith(("budapest:", "  ")) for line in body), body
    assert (
        "\n    intent to obtain data" in diff or "\n    (security breach" in diff
    )  # a note's second line, indented
    coverage = _at_80(runner, "coverage", "budapest", "un", color=color)
    assert "superset,\n  intersects)" in coverage  # a fact wrapped under its value


@pytest.mark.parametrize("width", ["80", "100", "120"])
@pytest.mark.parametrize("color", ["never", "always"])
def test_dates_never_break(runner: CliRunner, color: str, width: str) -> None:
    import re

    result = run(runner, "--color", color, "show", "Art. 32 BC", "--width", width)
    assert "2014-12-03" in re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


USAGE = {
    "list": "list [OPTIONS]",
    "articles": "articles [OPTIONS] INSTRUMENT",
    "show": "show [OPTIONS] REF",
    "diff": "diff [OPTIONS] A B",
    "gaps": "gaps [OPTIONS] A B",
    "coverage": "coverage [OPTIONS] A B",
    "find": "find [OPTIONS] QUERY",
    "verify": "verify [OPTIONS] INSTRUMENT FILE",
    "new": "new [OPTIONS] ID FILE",
    "export": "export [OPTIONS] [FORMAT]",
    "notes": "notes [OPTIONS] [NUMBER]",
    "topic": "topic [OPTIONS] [NAME]",
    "reach": "reach [OPTIONS] [INSTRUMENTS]...",
}


@pytest.mark.parametrize("command", USAGE)
def test_usage_lines_name_the_arguments_by_metavar(runner: CliRunner, command: str) -> None:
    result = run(runner, command, "--help")
    assert result.exit_code == 0 and result.stdout.startswith(
        f"Usage: treatycmp {USAGE[command]}\n"
    ), result.stdout[:80]


def test_broken_data_is_one_line_with_file_and_line(runner: CliRunner, real_copy: Path) -> None:
    path = real_copy / "articles.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'title: "Illegal access"', "title: [Illegal access", 1
        ),
        encoding="utf-8",
    )
    result = run(runner, "--data", str(real_copy), "list")
    assert result.exit_code == 2
    assert "articles.yaml:" in result.stderr and "YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_folder_from_the_environment(runner: CliRunner, mini: Path) -> None:
    result = run(runner, "list", "-f", "json", env={"TREATYCMP_DATA": str(mini)})
    assert [i["id"] for i in json.loads(result.stdout)["instruments"]] == ["a", "b", "c"]


def test_check_formats_and_exit_codes(runner: CliRunner, mini: Path) -> None:
    clean = run(runner, "check", "--strict")
    assert clean.exit_code == 0 and "ok: no findings" in clean.stdout
    text = "".join(
        line
        for line in (mini / "mapping.yaml").read_text().splitlines(keepends=True)
        if '"a:3"' not in line
    )
    (mini / "mapping.yaml").write_text(text)
    plain = run(runner, "--data", str(mini), "check")
    assert plain.exit_code == 1
    assert "mapping.yaml:2:5: error unmapped-article a:3" in plain.stdout
    as_json = json.loads(run(runner, "--data", str(mini), "check", "-f", "json").stdout)
    assert as_json["ok"] is False and as_json["findings"][0]["line"] == 2
    github = run(runner, "--data", str(mini), "check", "-f", "github").stdout
    assert github.startswith("::error file=") and ",line=2," in github


def test_check_unreadable_data_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "--data", str(tmp_path / "missing"), "check")
    assert result.exit_code == 2 and "data folder not found" in result.stderr


def test_csv_has_one_row_per_link_and_opens_cleanly(runner: CliRunner) -> None:
    out = run(runner, "diff", "budapest", "un", "--only", "matched", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    data = json.loads(
        run(runner, "diff", "budapest", "un", "--only", "matched", "-f", "json").stdout
    )
    assert len(rows) == len(data["rows"])
    assert (
        rows[0]["from"] == "budapest:1"
        and rows[0]["relation"] == "superset"
        and rows[0]["basis"] == "official-texts"
    )


def test_markdown_is_a_pipe_table(runner: CliRunner) -> None:
    out = run(runner, "diff", "budapest", "un", "--only", "matched", "-f", "markdown").stdout
    lines = [l for l in out.splitlines() if l.startswith("|")]
    assert lines[1].startswith("|---")
    widths = {l.replace("\\|", "").count("|") for l in lines}
    assert len(widths) == 1


def test_output_file_is_written_atomically(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "diff.md"
    result = run(runner, "diff", "bc", "un", "-f", "markdown", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("## ")
    assert [p.name for p in tmp_path.iterdir()] == ["diff.md"]


def test_output_in_missing_folder_fails_cleanly(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "diff", "bc", "un", "-o", str(tmp_path / "nope" / "x.md"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_columns_option(runner: CliRunner) -> None:
    out = run(
        runner,
        "diff",
        "bc",
        "un",
        "--only",
        "matched",
        "-f",
        "csv",
        "--columns",
        "from,to,relation",
    ).stdout
    assert out.lstrip("\ufeff").splitlines()[0] == "from,to,relation"


def test_markup_in_data_is_shown_literally(runner: CliRunner, tmp_path: Path) -> None:
    from conftest import MINI_ARTICLES, write_data

    folder = write_data(
        tmp_path / "d", MINI_ARTICLES.replace('title: "One"', 'title: "One [/x] [bold]two[/bold]"')
    )
    result = run(runner, "--data", str(folder), "articles", "a")
    assert (
        result.exit_code == 0 and "[/x] [bold]two[/bold]" in result.stdout.replace("\n", " ")
    ) or "[/x]" in result.stdout


def test_lineage_lists_all_68_un_articles_with_a_summary(runner: CliRunner) -> None:
    data = json.loads(run(runner, "lineage", "-f", "json").stdout)
    assert len(data["rows"]) == 68 and data["sources"] == ["coe", "untoc", "uncac"]
    new = {r["id"] for r in data["rows"] if r["new"]}
    assert {"un:15", "un:16"} <= new and "un:17" not in new
    assert data["summary"]["new"] == len(new)
    laundering = next(r for r in data["rows"] if r["id"] == "un:17")
    assert {o["id"] for o in laundering["origins"]["untoc"]} == {"untoc:6"}


def test_lineage_chapter_and_table(runner: CliRunner) -> None:
    result = run(runner, "lineage", "--chapter", "V")
    assert result.exit_code == 0 and "un:40" in result.stdout and "un:7 " not in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("diff", "un", "untoc"), "untoc:18"),
        (("gaps", "un", "uncac"), "un:7"),
        (("show", "un:40"), "uncac:46"),
        (("find", "palermo extradition"), "untoc:16"),
    ],
)
def test_un_lineage_instruments_work_everywhere(
    runner: CliRunner, args: tuple[str, ...], expected: str
) -> None:
    result = run(runner, *args)
    assert result.exit_code == 0 and expected in result.stdout


def test_report_writes_one_offline_page(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "comparison.html"
    result = run(runner, "report", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert result.exit_code == 0 and page.startswith("<!DOCTYPE html>")
    assert 'id="art-un-16"' in page and 'href="#art-un-16"' in page and 'id="filter"' in page
    assert "2026." in page


def test_pptx_output(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("pptx")
    target = tmp_path / "gaps.pptx"
    result = run(runner, "gaps", "p2", "un", "-f", "pptx", "-o", str(target))
    assert result.exit_code == 0 and target.read_bytes()[:2] == b"PK"


def test_show_does_not_guess_from_a_weak_match(runner: CliRunner) -> None:
    result = run(runner, "show", "xyz nothing")
    assert result.exit_code == 2 and "unknown article 'xyz nothing'" in result.stderr


# ---------------------------------------------------------------- rough edges a new user hits


def test_markup_in_short_names_and_group_names_is_literal_everywhere(
    runner: CliRunner, tmp_path: Path
) -> None:
    from conftest import MINI_ARTICLES, write_data

    articles = MINI_ARTICLES.replace('short: "A"', 'short: "A [/x]"').replace(
        'name: "Group of a and b"', 'name: "[bold]G[/bold]"'
    )
    folder = write_data(tmp_path / "d", articles)
    for args in (
        ("--color", "always", "diff", "a", "c"),
        ("diff", "a", "c", "-f", "svg"),
        ("list", "--width", "200"),
    ):
        result = run(runner, "--data", str(folder), *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    shown = run(runner, "--data", str(folder), "--color", "always", "list", "--width", "200").stdout
    assert (
        "[bold]G[/bold]" in shown
        and "A [/x]" in run(runner, "--data", str(folder), "diff", "a", "c").stdout
    )


def test_only_matched_and_chapter_print_no_empty_or_unfiltered_sections(runner: CliRunner) -> None:
    matched = run(runner, "diff", "budapest", "un", "--only", "matched").stdout
    assert (
        "budapest:2 " in matched
        and "no counterpart in" not in matched
        and "nothing in" not in matched
    )
    chapter = run(runner, "diff", "budapest", "un", "--chapter", "II").stdout
    assert "nothing in Budapest" not in chapter and "un:15" not in chapter.split("Counterparts")[0]


def test_a_comparison_that_is_not_declared_is_said_on_stderr(runner: CliRunner) -> None:
    result = run(runner, "diff", "untoc", "uncac")
    assert (
        result.exit_code == 0 and "no comparison of untoc with uncac is declared" in result.stderr
    )
    assert "declared" not in run(runner, "diff", "budapest", "un").stderr
    assert "declared" not in run(runner, "diff", "un", "budapest").stderr


def test_columns_apply_to_json_and_csv_drops_sections_without_them(runner: CliRunner) -> None:
    rows = json.loads(run(runner, "diff", "bc", "un", "-f", "json", "--columns", "from,to").stdout)[
        "rows"
    ]
    assert rows and all(set(r) == {"from", "to"} for r in rows)
    gaps = json.loads(
        run(runner, "gaps", "p2", "un", "-f", "json", "--columns", "id,reason").stdout
    )
    assert all(set(g) == {"id", "reason"} for g in gaps)
    csv_rows = list(
        csv.reader(
            io.StringIO(
                run(runner, "show", "un:40", "-f", "csv", "--columns", "to,relation").stdout.lstrip(
                    "\ufeff"
                )
            )
        )
    )
    assert (
        csv_rows[0] == ["to", "relation"]
        and len(csv_rows) > 5
        and all(r[0] and r[1] for r in csv_rows[1:])
    )


def test_show_csv_holds_the_article_itself(runner: CliRunner) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run(runner, "show", "un:16", "-f", "csv").stdout.lstrip("\ufeff"))
        )
    )
    article = [r for r in rows if r["part"] == "Article"]
    assert (
        len(article) == 1
        and article[0]["id"] == "un:16"
        and article[0]["title"] == "Non-consensual dissemination of intimate images"
    )


def test_help_shows_no_type_placeholders_for_flags(runner: CliRunner) -> None:
    for args in (("--help",), ("check", "--help"), ("diff", "--help")):
        assert "<bool>" not in run(runner, *args).stdout


def test_global_options_work_after_the_command(runner: CliRunner, tmp_path: Path) -> None:
    late = run(runner, "show", "budapest:99", "--debug")
    assert late.exit_code == 2 and "Traceback" in late.stderr
    data = run(runner, "list", "--data", str(tmp_path / "missing"))
    assert data.exit_code == 2 and "data folder not found" in data.stderr
    assert run(runner, "list", "--color", "never", "-f", "json").exit_code == 0


def test_version_reports_the_data_it_was_asked_about(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "--data", str(tmp_path / "missing"), "--version")
    assert result.exit_code == 2 and "data folder not found" in result.stderr
    assert "(data 2026" not in result.stdout


# ---------------------------------------------------------------- verify and new

TEXTS = Path(__file__).parent / "texts"


def budapest_text(tmp_path: Path, change: tuple[str, str] | None = None) -> Path:
    """The Budapest Convention's headings as a plain text, rebuilt from the corpus (optionally with
    one change)."""
    from treatycmp.loading import load

    lines: list[str] = []
    current: dict[str, object] = {}
    for art in load().instrument("budapest").articles:
        for level, word in (
            ("chapter", "Chapter"),
            ("section", "Section"),
            ("title_group", "Title"),
        ):
            heading = getattr(art, level)
            if heading and current.get(level) != heading:
                lines += [f"{word} {heading.num} – {heading.name}", ""]
            current[level] = heading
        lines += [f"Article {art.num} – {art.title}", "Body text of the article.", ""]
    text = "\n".join(lines)
    if change:
        text = text.replace(*change)
    path = tmp_path / "budapest.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_verify_confirms_a_matching_text_and_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "verify", "budapest", str(budapest_text(tmp_path)), "-f", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["ok"] and data["counts"]["confirmed"] == 48


def test_verify_reports_a_different_title_with_both_wordings(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = budapest_text(tmp_path, ("Article 2 – Illegal access", "Article 2 – Unlawful access"))
    result = run(runner, "verify", "bc", str(text))
    assert result.exit_code == 1
    assert "'Illegal access'" in result.stdout and "'Unlawful access'" in result.stdout
    assert "47 confirmed, 1 differs" in result.stdout
    github = run(runner, "verify", "bc", str(text), "-f", "github").stdout
    assert github.startswith("::error file=data/articles.yaml,line=")


def test_verify_unreadable_text_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for args in (
        ("verify", "budapest", str(tmp_path / "missing.txt")),
        ("verify", "budapest", str(empty)),
        ("verify", "coe", str(TEXTS / "treaty.txt")),
    ):
        result = run(runner, *args)
        assert (
            result.exit_code == 2
            and result.stderr.count("\n") == 1
            and "Traceback" not in result.stderr
        ), args


def test_verify_write_marks_only_confirmed_unconfirmed_titles(
    runner: CliRunner, real_copy: Path, tmp_path: Path
) -> None:
    articles = real_copy / "articles.yaml"
    text = articles.read_text(encoding="utf-8")
    marked = text.replace(
        'title: "Illegal access"\n', 'title: "Illegal access"\n        verified: false\n', 1
    )
    articles.write_text(marked, encoding="utf-8")
    result = run(
        runner,
        "--data",
        str(real_copy),
        "verify",
        "budapest",
        str(budapest_text(tmp_path)),
        "--write",
    )
    assert result.exit_code == 0 and "marked 1 title of budapest as verified" in result.stderr
    assert (
        "-        verified: false" in result.stdout and "+        verified: true" in result.stdout
    )
    after = articles.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(marked.splitlines(), after.splitlines()) if a != b]
    assert len(after.splitlines()) == len(marked.splitlines()) and len(changed) == 2


def test_new_starts_an_instrument_that_layers_over_the_shipped_data(
    runner: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    made = run(
        runner,
        "--data",
        str(mine),
        "new",
        "mylaw",
        str(TEXTS / "law.txt"),
        "--name",
        "Computer Misuse Act 2030",
    )
    assert made.exit_code == 0, made.stderr
    (mine / "mapping.yaml").write_text(
        'links:\n  - {from: "mylaw:2", to: "budapest:2", relation: equal, source: analysis, '
        "status: draft}\n",
        encoding="utf-8",
    )
    env = {"TREATYCMP_NO_SHIPPED": "0"}
    diff = run(runner, "--data", str(mine), "diff", "mylaw", "budapest", "-f", "json", env=env)
    rows = json.loads(diff.stdout)["rows"]
    assert (
        diff.exit_code == 0
        and rows[0]["from"] == "mylaw:2"
        and rows[0]["to_title"] == "Illegal access"
    )
    check = run(runner, "--data", str(mine), "check", env=env)
    assert check.exit_code == 0 and "has no summary" in check.stdout
    again = run(runner, "--data", str(mine), "new", "mylaw", str(TEXTS / "law.txt"), "--name", "x")
    assert again.exit_code == 2 and "already defines" in again.stderr


# Guidance Notes, topics and the Explanatory Report


def test_new_commands_have_help_with_examples(runner: CliRunner) -> None:
    for command in ("notes", "topic"):
        result = run(runner, command, "--help")
        assert result.exit_code == 0 and f"treatycmp {command} " in result.stdout, command


def test_notes_lists_the_thirteen_notes_with_marks(runner: CliRunner) -> None:
    result = run(runner, "notes")
    assert result.exit_code == 0 and "GN 13" in result.stdout and "best reading" in result.stdout
    data = json.loads(run(runner, "notes", "-f", "json").stdout)
    assert [n["id"] for n in data] == [f"gn:{n}" for n in range(1, 14)]
    assert data[2]["articles"] == [{"id": "budapest:32", "paragraphs": None}] and data[2][
        "unconfirmed"
    ] == ["symbol", "adopted"]
    assert data[9]["unconfirmed"] == [] and data[1]["articles"] == []


def test_notes_3_shows_article_32_and_what_the_mapping_says_of_the_un(runner: CliRunner) -> None:
    data = json.loads(run(runner, "notes", "3", "-f", "json").stdout)
    assert data["to"] == "un" and [a["id"] for a in data["articles"]] == ["budapest:32"]
    article = data["articles"][0]
    assert article["counterparts"] == [] and "publicly available" in article["absent"]["reason"]
    assert article["absent"]["basis"] == "analysis" and article["absent"]["status"] == "draft"
    table = run(runner, "notes", "Guidance Note #3").stdout
    assert "budapest:32" in table and "T-CY (2013)7 E" in table


def test_notes_9_pairs_each_article_with_its_un_counterpart(runner: CliRunner) -> None:
    data = json.loads(run(runner, "notes", "GN#9", "-f", "json").stdout)
    pairs = {a["id"]: [c["id"] for c in a["counterparts"]] for a in data["articles"]}
    assert pairs == {"budapest:14": ["un:23"], "budapest:25": ["un:40"]}
    assert [a["paragraphs"] for a in data["articles"]] == ["2", "1"]


def test_a_note_without_named_articles_says_so(runner: CliRunner) -> None:
    result = run(runner, "notes", "T-CY GN ransomware")
    assert result.exit_code == 0 and "no source we read names the articles" in result.stdout
    assert "27th Plenary †" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("notes", "GN 14"), "notes are numbered 1–13"),
        (("notes", "GN ransomwre"), "did you mean 'GN 12'"),
        (("topic", "safegards"), "did you mean 'topic:safeguards'"),
        (("notes", "3", "--to", "unn"), "did you mean 'un'"),
    ],
)
def test_unknown_notes_and_topics_give_one_line_with_a_suggestion(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_topic_safeguards_lists_un_24_and_budapest_15(runner: CliRunner) -> None:
    data = json.loads(run(runner, "topic", "safeguards", "-f", "json").stdout)
    ids = {a["id"] for inst in data["instruments"] for a in inst["articles"]}
    assert {"un:24", "budapest:15"} <= ids
    bc15 = next(
        a for inst in data["instruments"] for a in inst["articles"] if a["id"] == "budapest:15"
    )
    assert {"id": "un:24", "relation": "subset"}.items() <= bc15["counterparts"][0].items()
    assert (
        run(runner, "topic", "topic:safeguards", "-f", "json").stdout
        == run(runner, "topic", "safeguards", "-f", "json").stdout
    )


def test_topic_list_and_status(runner: CliRunner) -> None:
    listed = json.loads(run(runner, "topic", "-f", "json").stdout)
    assert len(listed) == 7 and sum(t["articles"] for t in listed) == 95
    reviewed = json.loads(
        run(runner, "topic", "proceeds", "--status", "reviewed", "-f", "json").stdout
    )
    statuses = {
        c["status"]
        for inst in reviewed["instruments"]
        for a in inst["articles"]
        for c in a["counterparts"]
    }
    assert statuses <= {"reviewed"}


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json", "html", "svg"])
@pytest.mark.parametrize(
    "args",
    [
        ("notes",),
        ("notes", "9"),
        ("topic",),
        ("topic", "emergencies"),
        ("find", "ransomware"),
        ("show", "budapest:32"),
    ],
)
def test_every_format_of_the_new_views(runner: CliRunner, args: tuple[str, ...], fmt: str) -> None:
    result = run(runner, *args, "--format", fmt)
    assert result.exit_code == 0 and result.stdout.strip(), (args, fmt)


def test_topic_as_a_slide_deck(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("pptx")
    target = tmp_path / "safeguards.pptx"
    result = run(runner, "topic", "safeguards", "--format", "pptx", "-o", str(target))
    assert result.exit_code == 0 and target.read_bytes()[:2] == b"PK"


def test_find_ransomware_returns_note_12_though_it_names_no_article(runner: CliRunner) -> None:
    table = run(runner, "find", "ransomware")
    assert table.exit_code == 0 and "GN 12" in table.stdout and "Guidance Notes" in table.stdout
    data = json.loads(run(runner, "find", "ransomware", "-f", "json").stdout)
    notes = [h for h in data if h["kind"] == "note"]
    assert notes[0]["id"] == "gn:12" and notes[0]["articles"] == []
    assert all(
        h["kind"] == "article" for h in data[: len(data) - len(notes)]
    )  # articles first, as before


def test_find_election_interference_returns_the_note_and_its_articles(runner: CliRunner) -> None:
    data = json.loads(run(runner, "find", "election interference", "-f", "json").stdout)
    note = next(h for h in data if h["kind"] == "note")
    assert note["id"] == "gn:9" and note["articles"] == ["budapest:14", "budapest:25"]


def test_find_with_only_a_note_matching_exits_0_and_nothing_exits_1(runner: CliRunner) -> None:
    result = run(runner, "find", "GN 11", "-f", "json")
    assert result.exit_code == 0 and any(h["id"] == "gn:11" for h in json.loads(result.stdout))
    none = run(runner, "find", "qqqzzzx")
    assert none.exit_code == 1 and "nor any Guidance Note" in none.stderr


def test_show_lists_the_notes_of_an_article_and_shows_a_cited_note(runner: CliRunner) -> None:
    card = run(runner, "show", "budapest:32")
    assert card.exit_code == 0 and "Guidance Notes" in card.stdout and "GN 3" in card.stdout
    data = json.loads(run(runner, "show", "Art. 14 BC", "-f", "json").stdout)
    assert [n["id"] for n in data["guidance_notes"]] == ["gn:9"] and data[
        "explanatory_report"
    ] == []
    assert "Guidance Notes" not in run(runner, "show", "un:15").stdout
    note = run(runner, "show", "GN 10")
    assert note.exit_code == 0 and note.stdout.startswith("GN 10 — Production orders")


def test_show_has_the_explanatory_report_range_of_a_data_folder(
    runner: CliRunner, mini: Path
) -> None:
    (mini / "explanatory.yaml").write_text(
        'reports:\n  - instrument: a\n    title: "ER to A"\n    source: "s"\n    paragraphs:\n'
        '      - {article: "a:2", paragraphs: "12-19"}\n',
        encoding="utf-8",
    )
    result = run(runner, "--data", str(mini), "show", "a:2")
    assert result.exit_code == 0 and "explanatory report: ER ¶¶ 12–19 (ER to A)" in result.stdout


def test_report_links_notes_and_cards_both_ways(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert run(runner, "report", "-o", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert 'id="guidance-notes"' in page and 'id="gn-3"' in page and 'href="#gn-3"' in page
    note_3 = page[page.index('id="gn-3"') :]
    assert 'href="#art-budapest-32"' in note_3[: note_3.index("</div>")]
    card = page[page.index('id="art-budapest-32"') :]
    assert 'href="#gn-3"' in card[: card.index("</div>")]
    assert 'id="topics"' in page and 'id="topic-safeguards"' in page


def test_a_run_registers_only_the_command_it_invokes() -> None:
    from treatycmp import cli

    every = list(cli.app.registered_commands)
    try:
        cli.keep_only_invoked(["--data", "d", "--color", "never", "diff", "a", "b", "--debug"])
        assert [c.callback.__name__ for c in cli.app.registered_commands] == ["diff"]  # type: ignore[union-attr]
        cli.app.registered_commands = list(every)
        for args in (["--help"], ["dif", "a"], []):
            cli.keep_only_invoked(args)
            assert cli.app.registered_commands == every
    finally:
        cli.app.registered_commands = every


def test_status_and_basis_options_offer_exactly_the_data_vocabulary() -> None:
    from treatycmp.cliopts import BasisOpt, RelationOpt, StatusOpt
    from treatycmp.models import Basis, Relation, Status

    assert [o.value for o in BasisOpt] == [b.value for b in Basis]
    assert [o.value for o in StatusOpt] == [s.value for s in Status]
    assert [o.value for o in RelationOpt] == [r.value for r in Relation] + ["none"]


def test_verify_and_new_refuse_a_text_over_the_size_limit(
    runner: CliRunner, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    for args in (("verify", "budapest", str(huge)), ("new", "z", str(huge), "--name", "Z")):
        result = run(runner, *args)
        assert result.exit_code == 2 and result.stdout == "", args
        assert (
            result.stderr
            == f"treatycmp: error: {huge}: the document is larger than 20 MB, the limit for an "
            "official text\n"
        )


def test_help_of_verify_and_new_states_the_size_limit(runner: CliRunner) -> None:
    for command in ("verify", "new"):
        assert "20 MB" in run(runner, command, "--help").stdout, command


@pytest.fixture()
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data that stands in for it (nothing a test does can reach the real
    one)."""
    import shutil

    from treatycmp.loading import datafiles as resources

    folder = tmp_path / "site-packages" / "treatycmp" / "data"
    shutil.copytree(resources.packaged_data_dir(), folder)
    monkeypatch.setattr(resources, "packaged_data_dir", lambda: folder)
    return folder


def test_output_never_overwrites_a_data_file_the_command_reads(
    runner: CliRunner, mini: Path, tmp_path: Path
) -> None:
    before = {p.name: p.read_bytes() for p in mini.iterdir()}
    (tmp_path / "link.md").symlink_to(mini / "articles.yaml")
    os.link(mini / "mapping.yaml", tmp_path / "hard.md")
    targets = [
        str(mini / "articles.yaml"),
        str(mini / "mapping.yaml"),
        str(tmp_path / "link.md"),
        str(tmp_path / "hard.md"),
        str(mini / ".." / "mini" / "articles.yaml"),
    ]
    for target in targets:
        for args in (("diff", "a", "c", "-f", "markdown"), ("list", "-f", "json"), ("report",)):
            result = run(runner, "--data", str(mini), *args, "-o", target)
            assert result.exit_code == 2 and result.stderr.count("\n") == 1, (
                target,
                args,
                result.stderr,
            )
            assert (
                result.stderr.startswith(f"treatycmp: error: will not write {target}")
                and "reads it" in result.stderr
            )
    assert {p.name: p.read_bytes() for p in mini.iterdir()} == before
    assert (
        "(that is "
        in run(runner, "--data", str(mini), "list", "-o", str(tmp_path / "link.md")).stderr
    )
    elsewhere = run(
        runner,
        "--data",
        str(mini),
        "diff",
        "a",
        "c",
        "-f",
        "markdown",
        "-o",
        str(tmp_path / "out.md"),
    )
    assert elsewhere.exit_code == 0 and (tmp_path / "out.md").read_text(
        encoding="utf-8"
    ).startswith("#")


def test_output_never_overwrites_the_shipped_data(runner: CliRunner, shipped_copy: Path) -> None:
    env = {"TREATYCMP_NO_SHIPPED": "0"}
    for name in (
        "articles.yaml",
        "mapping.yaml",
        "guidance.yaml",
        "topics.yaml",
        "explanatory.yaml",
    ):
        before = (shipped_copy / name).read_bytes()
        result = run(
            runner, "show", "un:16", "-f", "markdown", "-o", str(shipped_copy / name), env=env
        )
        assert result.exit_code == 2 and "this command reads it" in result.stderr, name
        assert (shipped_copy / name).read_bytes() == before


def test_verify_write_never_edits_the_shipped_data(
    runner: CliRunner, shipped_copy: Path, tmp_path: Path
) -> None:
    articles = shipped_copy / "articles.yaml"
    marked = articles.read_text(encoding="utf-8").replace(
        'title: "Illegal access"\n', 'title: "Illegal access"\n        verified: false\n', 1
    )
    articles.write_text(marked, encoding="utf-8")
    text = str(budapest_text(tmp_path))
    env = {"TREATYCMP_NO_SHIPPED": "0"}
    refused = run(runner, "verify", "budapest", text, "--write", env=env)
    assert refused.exit_code == 2 and refused.stdout == "" and refused.stderr.count("\n") == 1
    assert f"not the shipped data in {shipped_copy}" in refused.stderr
    assert f"treatycmp --data mydata --no-shipped verify budapest {text} --write" in refused.stderr
    assert articles.read_text(encoding="utf-8") == marked
    named = run(
        runner, "--data", str(shipped_copy), "verify", "budapest", text, "--write", env=env
    )  # a clone's data/
    assert named.exit_code == 0 and "marked 1 title of budapest" in named.stderr
    assert articles.read_text(encoding="utf-8") != marked


@pytest.mark.parametrize(
    "name", ["Evil\x1b]0;PWNED\x07", "Law\nmeta: {data_version: x}", "Law\u202eecnerefer"]
)
def test_new_refuses_a_name_that_would_not_load_back(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    result = run(
        runner, "--data", str(mine), "new", "mylaw", str(TEXTS / "law.txt"), "--name", name
    )
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("treatycmp: error: --name holds the character \\")
    assert list(mine.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("budapest",), "already defines 'budapest'; choose another id"),
        (("bc",), "already defines 'budapest', which 'bc' names; choose another id"),
        (("coe",), "already defines 'coe'; choose another id"),
        (
            ("mylaw", "--number", "ETS No. 185"),
            "already defines 'budapest', which 'ETS No. 185' names; choose another --number",
        ),
    ],
)
def test_new_refuses_a_name_the_shipped_data_already_has(
    runner: CliRunner, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    env = {"TREATYCMP_NO_SHIPPED": "0"}
    for data in (("--data", str(mine)), ()):  # into a folder, or printed
        result = run(
            runner,
            *data,
            "new",
            args[0],
            str(TEXTS / "law.txt"),
            "--name",
            "Act",
            *args[1:],
            env=env,
        )
        assert (
            result.exit_code == 2 and result.stderr.count("\n") == 1 and message in result.stderr
        ), result.stderr
        assert result.stdout == "" and list(mine.iterdir()) == []


def test_what_new_writes_from_a_hostile_text_loads_and_checks_clean(
    runner: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    text = tmp_path / "hostile.txt"
    text.write_text(
        "Chapter I – Gene\u202eral\x1b[2J\nArticle 1 – Sco\u202epe\x07\nBody.\n"
        "Article 2 – Offences\u2028against\x85data\nBody.\n",
        encoding="utf-8",
    )
    for instrument_id, name in (
        ("one", 'A "quoted": #name & *star, [list] {map} \\ — ‘x’'),
        ("two", "- no"),
    ):
        made = run(runner, "--data", str(mine), "new", instrument_id, str(text), "--name", name)
        assert made.exit_code == 0, made.stderr
    (mine / "mapping.yaml").write_text("comparisons: []\n", encoding="utf-8")
    check = run(runner, "--data", str(mine), "check", "-f", "json")
    assert [
        f["message"] for f in json.loads(check.stdout)["findings"] if f["severity"] == "error"
    ] == []
    listed = run(runner, "--data", str(mine), "articles", "one", "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [a["title"] for a in json.loads(listed.stdout)] == ["Scope", "Offences against data"]
    shown = run(
        runner, "--data", str(mine), "list", "-f", "json", env={"TREATYCMP_NO_SHIPPED": "0"}
    )
    assert shown.exit_code == 0 and "two" in shown.stdout


def test_verify_compares_only_the_levels_the_text_states(runner: CliRunner, tmp_path: Path) -> None:
    text = budapest_text(tmp_path)
    lines = text.read_text(encoding="utf-8").split("\n")
    text.write_text(
        "\n".join(line for line in lines if not line.startswith(("Section ", "Title "))),
        encoding="utf-8",
    )
    result = run(runner, "verify", "budapest", str(text))
    assert result.exit_code == 0, result.stdout
    assert "48 confirmed, 0 differs" in result.stdout
    assert result.stdout.count("levels-not-compared") == 1
    assert (
        "the text states no section or title headings: those levels were not compared"
        in result.stdout
    )


def test_verify_reads_a_title_wrapped_over_two_lines(runner: CliRunner, tmp_path: Path) -> None:
    wrapped = (
        "Article 32 – Trans-border access to stored computer data with consent or where publicly "
        "available",
        "Article 32 – Trans-border access to stored computer data with consent or\nwhere publicly "
        "available",
    )
    result = run(runner, "verify", "budapest", str(budapest_text(tmp_path, wrapped)), "-f", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["counts"]["confirmed"] == 48


def test_verify_recognises_markdown_without_an_extension(runner: CliRunner, tmp_path: Path) -> None:
    text = budapest_text(tmp_path)
    marked = [
        f"### {line}" if line.startswith(("Article ", "Chapter ", "Section ", "Title ")) else line
        for line in text.read_text(encoding="utf-8").split("\n")
    ]
    bare = tmp_path / "budapest"
    bare.write_text("\n".join(marked), encoding="utf-8")
    result = run(runner, "verify", "budapest", str(bare), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["counts"]["confirmed"] == 48


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("show", "Art. 24(4)"),
            "treatycmp: error: no instrument named in 'Art. 24(4)'; article 24 exists in budapest, "
            "p2, un, untoc, uncac\n",
        ),
        (
            ("show", "UN 4¹"),
            "treatycmp: error: 'UN 4¹': '¹' is not a digit; write the article number in digits, "
            "e.g. 'UN 41'\n",
        ),
        (
            ("show", "budapest:"),
            "treatycmp: error: 'budapest:' has no article number; write e.g. 'budapest:1'\n",
        ),
        (
            ("show", "GN 999"),
            "treatycmp: error: no Guidance Note 999; the notes are numbered 1–13\n",
        ),
    ],
)
def test_show_says_what_a_citation_lacks_instead_of_guessing(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = run(runner, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_show_reads_arabic_indic_digits(runner: CliRunner) -> None:
    assert run(runner, "show", "UN ٤١", "-f", "json").stdout.count('"un:41"') >= 1


def test_a_wrong_chapter_lists_the_chapters_in_treaty_order(runner: CliRunner) -> None:
    result = run(runner, "lineage", "--chapter", "99")
    assert result.exit_code == 2
    listed = result.stderr.split("chapters: ")[1].split("; ")
    assert [c.split(" — ")[0] for c in listed] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("show", "x" * 100_000),
        ("find", "qz" * 50_000),
        ("diff", "y" * 100_000, "un"),
        ("diff", "bc", "un", "--chapter", "z" * 100_000),
        ("verify", "bc", "w" * 100_000),
        ("new", "mylaw", "v" * 100_000, "--name", "Mine"),
    ],
)
def test_a_long_argument_is_echoed_cut_to_about_80_characters(
    runner: CliRunner, args: tuple[str, ...]
) -> None:
    result = run(runner, *args)
    assert result.exit_code in (1, 2) and "…" in result.stderr and len(result.stderr) < 300


def test_verify_write_drops_the_not_yet_confirmed_note_of_a_confirmed_source(
    runner: CliRunner, real_copy: Path, tmp_path: Path
) -> None:
    articles = real_copy / "articles.yaml"
    text = articles.read_text(encoding="utf-8")
    start = text.index('title: "Illegal access"\n')
    source_at = text.index("source: ", start)
    old_source = text[source_at : text.index("\n", source_at)]
    unconfirmed = (
        '"CETS No. 185, art. 2 (title not yet confirmed against the official English text)"'
    )
    marked = (
        text[:source_at]
        + f"source: {unconfirmed}\n        verified: false"
        + text[source_at + len(old_source) :]
    )
    articles.write_text(marked, encoding="utf-8")
    result = run(
        runner,
        "--data",
        str(real_copy),
        "verify",
        "budapest",
        str(budapest_text(tmp_path)),
        "--write",
    )
    assert result.exit_code == 0, result.stderr
    after = articles.read_text(encoding="utf-8")
    assert "art. 2 (title not yet confirmed" not in after
    assert 'source: "CETS No. 185, art. 2; budapest.txt, line ' in after


def test_verify_write_and_new_never_write_over_their_text(
    runner: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    articles = mine / "articles.yaml"
    articles.write_text(
        "instruments:\n# Article 1 – Purpose\n", encoding="utf-8"
    )  # YAML, and a text with a heading
    (tmp_path / "act").symlink_to(articles)
    for text in (str(articles), str(tmp_path / "act")):
        result = run(runner, "--data", str(mine), "new", "mylaw", text, "--name", "Act")
        assert result.exit_code == 2 and "this command reads it" in result.stderr, result.stderr
        assert articles.read_text(encoding="utf-8") == "instruments:\n# Article 1 – Purpose\n"
    from conftest import write_data

    real = write_data(tmp_path / "real")
    before = (real / "articles.yaml").read_bytes()
    verified = run(
        runner, "--data", str(real), "verify", "a", str(real / "articles.yaml"), "--write"
    )
    assert (
        verified.exit_code == 2
        and "this command reads it" in verified.stderr
        and verified.stdout == ""
    )
    assert (real / "articles.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("question", "said", "first"),
    [
        (
            "what does the UN treaty say about extradition",
            "treatycmp: reading 'UN treaty' as --in un\n",
            "un:37",
        ),
        (
            "how does the Second Protocol protect personal data",
            "treatycmp: reading 'Second Protocol' as --in p2\n",
            "p2:14",
        ),
        (
            "is data interference an offence under Budapest",
            "treatycmp: reading 'Budapest' as --in budapest\n",
            "budapest:4",
        ),
        (
            "what does UNTOC say about extradition",
            "treatycmp: reading 'UNTOC' as --in untoc\n",
            "untoc:16",
        ),
    ],
)
def test_find_reads_a_question_and_the_instrument_it_names(
    runner: CliRunner, question: str, said: str, first: str
) -> None:
    result = run(runner, "find", question, "-f", "json")
    hits = json.loads(result.stdout)
    assert result.exit_code == 0 and result.stderr == said
    assert hits[0]["id"] == first and {
        h["id"].split(":")[0] for h in hits if h["kind"] == "article"
    } == {first.split(":")[0]}


def test_find_keeps_an_explicit_in_and_says_nothing(runner: CliRunner) -> None:
    result = run(
        runner,
        "find",
        "what does the UN treaty say about extradition",
        "--in",
        "budapest",
        "-f",
        "json",
    )
    assert result.stderr == "" and json.loads(result.stdout)[0]["id"] == "budapest:24"


def test_find_a_question_on_what_an_instrument_lacks_names_it(runner: CliRunner) -> None:
    result = run(runner, "find", "what does UNCAC say about grooming")
    assert result.exit_code == 1 and result.stderr.splitlines() == [
        "treatycmp: reading 'UNCAC' as --in uncac",
        "treatycmp: no article matches 'what does UNCAC say about grooming' in uncac, nor any "
        "Guidance Note",
    ]


def test_find_a_question_finds_the_guidance_notes_too(runner: CliRunner) -> None:
    result = run(
        runner, "find", "what does the Budapest Convention say about botnets", "-f", "json"
    )
    assert any(h["kind"] == "note" and h["id"] == "gn:2" for h in json.loads(result.stdout))
