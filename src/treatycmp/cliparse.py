"""The parser's side of the command line in our words: global options accepted after the command
too, usage lines that name arguments by their metavar ('diff [OPTIONS] A B'), and each usage error
the parser finds as one line naming the option and what it takes."""

from __future__ import annotations

import re
from typing import Any, Optional

import typer
from typer.core import TyperCommand

from .errors import cut, echo

GLOBAL_FLAGS = {"--debug": 0, "--version": 0, "-V": 0, "--data": 1, "--color": 1, "--no-shipped": 0}
"""Global options and how many values each takes: accepted before or after the command."""


def repeats_data(args: list[str]) -> bool:
    """True when *args* give --data twice: the second would silently replace the first (nothing
    after ``--`` counts)."""
    options = args[: args.index("--")] if "--" in args else args
    return sum(1 for arg in options if arg == "--data" or arg.startswith("--data=")) > 1


def hoist_globals(args: list[str]) -> list[str]:
    """Move global options written after the command name to before it (nothing after ``--``
    moves)."""
    front: list[str] = []
    rest: list[str] = []
    i, command_seen = 0, False
    while i < len(args):
        arg = args[i]
        name = arg.split("=", 1)[0]
        if arg == "--":
            rest += args[i:]
            break
        take = 1 if "=" in arg else 1 + GLOBAL_FLAGS.get(name, 0)
        if name in GLOBAL_FLAGS:
            (front if command_seen else rest).extend(args[i : i + take])
            i += take
            continue
        command_seen = command_seen or not arg.startswith("-")
        rest.append(arg)
        i += 1
    i = command_index(rest)
    return rest[:i] + front + rest[i:]


def command_index(args: list[str]) -> int:
    """Where the command name is in *args* whose global options come first: the first argument that
    is no option nor an option's value (``len(args)`` when there is none)."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        name = args[i].split("=", 1)[0]
        i += 1 if "=" in args[i] else 1 + GLOBAL_FLAGS.get(name, 0)
    return i


class Command(TyperCommand):
    """A command whose arguments are shown by metavar (their name in capitals unless given) in usage
    lines and help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.param_type_name == "argument" and param.metavar is None:
                param.metavar = (param.name or "").upper()

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [
            argument_usage(p) for p in self.get_params(ctx) if p.param_type_name == "argument"
        ]


def argument_usage(param: Any) -> str:
    """'A', '[NAME]' for an optional argument, '[INSTRUMENTS]...' for one that takes several
    values."""
    name = param.metavar or (param.name or "").upper()
    name = name if param.required else f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def usage_message(exc: Exception) -> Optional[str]:
    """The usage error *exc* of the parser as one line in our words; None when *exc* is none (the
    help that a command without arguments shows, say)."""
    ctx = getattr(exc, "ctx", None)
    if (
        not isinstance(exc, typer.TyperException)
        or getattr(exc, "exit_code", 0) != 2
        or not hasattr(exc, "cmd")
    ):
        return None
    kind = type(exc).__name__
    if kind == "NoArgsIsHelpError":
        return None
    param = getattr(exc, "param", None)
    if ctx is None:
        return _reworded(exc.message, None)
    if kind == "MissingParameter" and param is not None:
        return f"{ctx.info_name} needs {_param_name(param)} (usage: {_usage(ctx)})"
    if kind == "BadParameter" and param is not None:
        return f"{_param_name(param)} {_what_it_takes(param, exc.message)}"
    if kind == "NoSuchOption":
        said = f"{ctx.info_name} has no option {cut(exc.option_name)}"  # type: ignore[attr-defined]
        near = sorted(exc.possibilities or ())  # type: ignore[attr-defined]
        return said + (f"; did you mean {' or '.join(near)}?" if near else "")
    return _reworded(exc.message, ctx)


def _param_name(param: Any) -> str:
    """An option by its long name ('--limit'), an argument by its metavar ('B')."""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name.upper())
    return max(param.opts, key=len)


def _what_it_takes(param: Any, message: str) -> str:
    """'must be one of …' or 'must be a whole number from 1 to 500'; else the parser's own
    message."""
    described = param.type_descriptor
    if described.is_choice and described.choices:
        return "must be one of " + ", ".join(str(getattr(c, "value", c)) for c in described.choices)
    if getattr(param, "min", None) is not None or getattr(param, "max", None) is not None:
        low, high = param.min, param.max
        bounds = (
            f"from {low} to {high}"
            if low is not None and high is not None
            else (f"of at least {low}" if low is not None else f"of at most {high}")
        )
        return f"must be a whole number {bounds}"
    return "is not valid: " + message[:1].lower() + message[1:].rstrip(".")


def _reworded(message: str, ctx: Any) -> str:
    """The parser's other messages, said as ours."""
    extra = re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", message)
    if extra and ctx is not None:
        words = extra.group(1).split(" ")
        shown = ", ".join(echo(w) for w in words)
        plural = "s" if len(words) > 1 else ""
        return f"unexpected extra argument{plural} {shown} (usage: {_usage(ctx)})"
    command = re.fullmatch(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?", message)
    if command:
        return f"unknown command {echo(command.group(1))}" + (
            f"; did you mean {command.group(2)}?" if command.group(2) else ""
        )
    option = re.fullmatch(
        r"Option '(.*)' (requires an argument|requires \d+ arguments|does not take a value)\.",
        message,
    )
    if option:
        return option.group(1) + (
            " takes no value" if option.group(2).startswith("does not") else " needs a value"
        )
    return message[:1].lower() + message[1:].rstrip(".")


def _usage(ctx: Any) -> str:
    """'treatycmp diff [OPTIONS] A B'."""
    return " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
