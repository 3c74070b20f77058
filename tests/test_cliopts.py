"""The command line's options: the output options, declared once, reach every data command whole."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from treatycmp.cli import app
from treatycmp.cliopts import OutputOptions, output_options
from treatycmp.errors import UsageError
from treatycmp.output.render import Format

DATA_COMMANDS = [
    "list",
    "articles",
    "show",
    "diff",
    "gaps",
    "coverage",
    "find",
    "lineage",
    "notes",
    "topic",
    "reach",
]


def options_of(command: str) -> dict[str, list[str]]:
    """The options of *command* as the parser sees them: name -> its flags."""
    group = typer.main.get_group(app)
    return {p.name or "": list(p.opts) for p in group.commands[command].params}


@pytest.mark.parametrize("command", DATA_COMMANDS)
def test_every_data_command_takes_the_four_output_options(command: str) -> None:
    options = options_of(command)
    assert options["fmt"] == ["--format", "-f"] and options["output"] == ["--output", "-o"]
    assert options["width"] == ["--width"] and options["columns"] == ["--columns"]
    assert "opts" not in options


def test_export_takes_its_format_as_an_argument_with_the_other_output_options() -> None:
    group = typer.main.get_group(app)
    fmt = next(p for p in group.commands["export"].params if p.name == "fmt")
    assert fmt.param_type_name == "argument" and fmt.default == Format.SSSOM
    export = options_of("export")
    assert export["output"] == ["--output", "-o"] and "width" in export and "columns" in export


def test_the_options_are_parsed_into_one_record_before_the_command_runs() -> None:
    seen: list[OutputOptions] = []
    mine = typer.Typer()

    @mine.command()
    @output_options()
    def show(ref: str, *, opts: OutputOptions) -> None:
        seen.append(opts)

    args = ["x", "-f", "json", "-o", "out.json", "--width", "80", "--columns", "a, b,"]
    result = CliRunner().invoke(mine, args)
    assert result.exit_code == 0, result.output
    assert seen == [OutputOptions(Format.JSON, "out.json", 80, ("a", "b"))]
    CliRunner().invoke(mine, ["x"])
    assert seen[-1] == OutputOptions()


def test_empty_columns_or_output_file_are_refused() -> None:
    with pytest.raises(UsageError, match="--columns needs at least one column key"):
        OutputOptions.parse(columns=" , ")
    with pytest.raises(UsageError, match=r"-o needs a file name \('-' for stdout\)"):
        OutputOptions.parse(output=" ")


def test_stdout_is_no_file_or_a_dash() -> None:
    assert OutputOptions().to_stdout and OutputOptions(output="-").to_stdout
    assert not OutputOptions(output="x.csv").to_stdout
