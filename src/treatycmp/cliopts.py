"""The command line's options: their choices, each declared once, and the output options of every
data command parsed into one :class:`OutputOptions`."""

from __future__ import annotations

import functools
import inspect
from enum import Enum
from typing import Annotated, Any, Callable, NamedTuple, Optional

import typer

from .errors import UsageError
from .output.render import Format

Command = Callable[..., None]


class Only(str, Enum):
    matched = "matched"
    gaps = "gaps"


class RelationOpt(str, Enum):
    """The values of ``--relation``: :class:`treatycmp.models.Relation`'s, and ``none`` (no
    counterpart)."""

    equal = "equal"
    subset = "subset"
    superset = "superset"
    intersects = "intersects"
    none = "none"


class StatusOpt(str, Enum):
    """The values of ``--status``: those of :class:`treatycmp.models.Status`, as a test checks (the
    CLI does not import the models to start)."""

    reviewed = "reviewed"
    draft = "draft"


class BasisOpt(str, Enum):
    """The values of ``--basis``: those of :class:`treatycmp.models.Basis`, as a test checks."""

    official_texts = "official-texts"
    one_official_text = "one-official-text"
    published = "published"
    analysis = "analysis"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Units(str, Enum):
    articles = "articles"
    sections = "sections"


FormatOpt = Annotated[
    Optional[Format],
    typer.Option("--format", "-f", help="Output format [default: table].", show_default=False),
]
OutputOpt = Annotated[
    Optional[str],
    typer.Option(
        "--output", "-o", help="Write to FILE (atomically); '-' is stdout.", metavar="FILE"
    ),
]
WidthOpt = Annotated[
    Optional[int], typer.Option("--width", min=20, max=1000, help="Width for table and svg output.")
]
ColumnsOpt = Annotated[
    Optional[str],
    typer.Option("--columns", help="Comma-separated column keys to keep, e.g. 'from,to,relation'."),
]
ChapterOpt = Annotated[
    Optional[str],
    typer.Option("--chapter", "-c", help="Only this chapter of A: 'II', '2' or part of its name."),
]
StatusOption = Annotated[
    Optional[StatusOpt], typer.Option("--status", help="Only rows with this review status.")
]
BasisOption = Annotated[
    Optional[BasisOpt],
    typer.Option(
        "--basis", help="Only rows resting on this basis (what was read for them; see the legend)."
    ),
]
UnitsOpt = Annotated[
    Optional[Units],
    typer.Option(
        "--units",
        help="What the text numbers: 'articles' (treaties) or 'sections' (laws under parts) "
        "[default: articles if any 'Article N']",
    ),
]


def status_value(status: Optional[StatusOpt]) -> Optional[str]:
    return status.value if status else None


def basis_value(basis: Optional[BasisOpt]) -> Optional[str]:
    return basis.value if basis else None


class OutputOptions(NamedTuple):
    """The output options every data command shares, parsed once."""

    fmt: Format = Format.TABLE
    output: Optional[str] = None
    width: Optional[int] = None
    columns: tuple[str, ...] = ()

    @classmethod
    def parse(
        cls,
        fmt: Optional[Format] = None,
        output: Optional[str] = None,
        width: Optional[int] = None,
        columns: Optional[str] = None,
    ) -> OutputOptions:
        keys = tuple(k.strip() for k in (columns or "").split(",") if k.strip())
        if columns is not None and not keys:
            raise UsageError("--columns needs at least one column key")
        if output is not None and not output.strip():
            raise UsageError("-o needs a file name ('-' for stdout)")
        return cls(fmt or Format.TABLE, output, width, keys)

    @property
    def to_stdout(self) -> bool:
        return self.output in (None, "-")


OUTPUT_OPTIONS = {"fmt": FormatOpt, "output": OutputOpt, "width": WidthOpt, "columns": ColumnsOpt}
"""The output options, in the order of OutputOptions.parse and of ``--help``."""


def output_options(
    *, fmt: Any = FormatOpt, default: Optional[Format] = None
) -> Callable[[Command], Command]:
    """Give a command that takes ``opts: OutputOptions`` the output options in its place, parsed
    into *opts*.

    *fmt* declares the format: ``--format`` unless a command takes it otherwise, as export does
    with its FORMAT argument, whose *default* is then given."""
    declared = {**OUTPUT_OPTIONS, "fmt": fmt}
    return lambda command: WithOutputOptions(command, declared, default)


class WithOutputOptions:
    """A command with the output options in place of its ``opts`` parameter: Typer reads them in
    its signature, made only when read (only the command that runs is built, see
    ``cli.keep_only_invoked``)."""

    def __init__(
        self, command: Command, declared: dict[str, Any], default: Optional[Format]
    ) -> None:
        functools.update_wrapper(self, command)
        self.command, self.declared, self.default = command, declared, default

    def __call__(self, **values: Any) -> None:
        opts = OutputOptions.parse(*(values.pop(name) for name in self.declared))
        self.command(**values, opts=opts)

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        own = inspect.signature(self.command, eval_str=True)
        params = [p for p in own.parameters.values() if p.name != "opts"]
        params += [
            inspect.Parameter(
                name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=annotation,
                default=self.default if name == "fmt" else None,
            )
            for name, annotation in self.declared.items()
        ]
        return own.replace(parameters=params)
