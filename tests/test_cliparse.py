"""The parser's side of the command line: global options are accepted after the command too."""

from __future__ import annotations

from treatycmp.cliparse import command_index, hoist_globals, repeats_data


def test_global_options_after_the_command_move_before_it_with_their_values() -> None:
    args = ["show", "x", "--debug", "--data", "d", "--color=never", "-f", "json"]
    hoisted = ["--debug", "--data", "d", "--color=never", "show", "x", "-f", "json"]
    assert hoist_globals(args) == hoisted
    assert hoist_globals(["--data", "d", "diff", "a", "b"]) == ["--data", "d", "diff", "a", "b"]


def test_nothing_after_a_double_dash_moves() -> None:
    assert hoist_globals(["find", "--", "--debug"]) == ["find", "--", "--debug"]


def test_the_command_is_the_first_argument_that_is_no_option_nor_its_value() -> None:
    assert command_index(["--data", "d", "--debug", "list"]) == 3
    assert command_index(["--data=d", "list"]) == 1
    assert command_index(["--version"]) == 1


def test_a_second_data_folder_is_seen_but_not_after_a_double_dash() -> None:
    assert repeats_data(["--data", "a", "list", "--data=b"])
    assert not repeats_data(["--data", "a", "find", "--", "--data"])
