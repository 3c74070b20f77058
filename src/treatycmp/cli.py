"""The treatycmp command line: parse arguments, call the API, pick a renderer."""

from __future__ import annotations

import functools
import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterator, NoReturn, Optional, ParamSpec

import typer
from typer.core import TyperGroup

from ._version import __version__
from .cliopts import (
    BasisOpt,
    BasisOption,
    ChapterOpt,
    Color,
    Only,
    OutputOptions,
    RelationOpt,
    StatusOpt,
    StatusOption,
    UnitsOpt,
    basis_value,
    output_options,
    status_value,
)
from .cliparse import Command, command_index, hoist_globals, repeats_data, usage_message
from .errors import TreatyError, UsageError, echo
from .output.render import CheckFormat, Format

if TYPE_CHECKING:
    from pathlib import Path

    from .api import DataFile, Index, Verification
    from .models import Corpus
    from .output.views import Report

P = ParamSpec("P")


class GlobalsAnywhere(TyperGroup):
    """A group that accepts the global options after the command too (``treatycmp show x
    --debug``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if repeats_data(args):
            fail(
                "--data names one folder: give it once (to layer several folders, merge them into "
                "one)"
            )
        return super().parse_args(ctx, hoist_globals(args))

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with one_line_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with one_line_usage_errors():
            return super().invoke(ctx)


@contextmanager
def one_line_usage_errors() -> Iterator[None]:
    """Say a usage error of the parser (a bad option value, a missing argument) as one line in our
    words, exit 2."""
    try:
        yield
    except typer.TyperException as exc:
        message = usage_message(exc)
        if message is None:
            raise
        fail(message)


class App(typer.Typer):
    """The Typer app whose commands name their arguments by metavar in usage lines ('diff [OPTIONS]
    A B')."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


def keep_only_invoked(args: list[str]) -> None:
    """Register only the command that *args* invoke, when they name one: Typer builds every
    registered command's options at start-up (about 10 ms for all of ours), and a run needs one.
    Help, typos and no command keep all."""
    hoisted = hoist_globals(args)
    i = command_index(hoisted)
    names = {
        c.name or (c.callback.__name__ if c.callback else ""): c for c in app.registered_commands
    }
    if i < len(hoisted) and hoisted[i] in names:
        app.registered_commands = [names[hoisted[i]]]


class Settings:
    """Global options (set once, by the main callback)."""

    data: Optional[str] = None
    debug: bool = False
    color: Color = Color.auto
    shipped: Optional[bool] = None


SETTINGS = Settings()

app = App(
    name="treatycmp",
    cls=GlobalsAnywhere,
    help="Compare international cybercrime treaties article by article: the Budapest Convention "
    "(ETS 185), its First (ETS 189) and Second (CETS 224) Protocols, and the UN Convention "
    "against Cybercrime.",
    epilog="Examples:  treatycmp diff budapest un  ·  treatycmp gaps p2 un  ·  treatycmp show "
    "'Art. 32 BC'  ·  "
    "treatycmp find grooming  ·  treatycmp check --strict",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(ctx: typer.Context, value: bool) -> None:
    """Print the program and data versions (of the data that commands would use) and exit."""
    if not value:
        return
    from .api import load

    data = ctx.params.get("data") or os.environ.get("TREATYCMP_DATA") or None
    try:
        version = load(
            data, shipped=False if ctx.params.get("no_shipped") else None
        ).meta.data_version
    except TreatyError as exc:
        typer.echo(f"treatycmp {__version__}")
        fail(f"data unavailable: {exc}")
    typer.echo(f"treatycmp {__version__} (data {version})")
    raise typer.Exit()


@app.callback()
def main_callback(
    data: Annotated[
        Optional[str],
        typer.Option(
            "--data",
            envvar="TREATYCMP_DATA",
            metavar="DIR",
            is_eager=True,
            help="Folder holding articles.yaml and mapping.yaml.",
        ),
    ] = None,
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            help="Colour output: auto (a terminal, unless NO_COLOR or TERM=dumb), always, never.",
        ),
    ] = Color.auto,
    no_shipped: Annotated[
        bool,
        typer.Option(
            "--no-shipped",
            metavar="",
            is_eager=True,
            help="--data replaces the shipped data instead of adding to it.",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", metavar="", help="Show a traceback on errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            metavar="",
            callback=_version,
            help="Show the program and data versions and exit.",
        ),
    ] = False,
) -> None:
    """Compare international cybercrime treaties article by article."""
    if data is not None and not data.strip():
        fail("--data needs a folder name")
    if no_shipped and data is None:
        fail(
            "--no-shipped replaces the shipped data with the --data folder: give --data DIR (or "
            "TREATYCMP_DATA)"
        )
    SETTINGS.data, SETTINGS.debug, SETTINGS.color = data, debug, color
    SETTINGS.shipped = False if no_shipped else None


def handle_errors(func: Callable[P, None]) -> Callable[P, None]:
    """Report domain errors as one line on stderr with their exit code (with --debug, the traceback
    first)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            func(*args, **kwargs)
        except TreatyError as exc:
            _debug_trace()
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None  # said once, on the way out (__main__.py)
        except (typer.Exit, BrokenPipeError):
            raise
        except UnicodeEncodeError as exc:
            _debug_trace()
            fail(
                f"standard output cannot show {exc.object[exc.start : exc.end]!r} in its encoding "
                f"({exc.encoding}); "
                "set PYTHONIOENCODING=utf-8, or write a file with -o"
            )
        except OSError as exc:
            _debug_trace()
            fail(f"cannot write output: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
            _debug_trace()
            fail(
                f"unexpected {type(exc).__name__}: {exc} (rerun with --debug for a traceback, and "
                f"please report it)"
            )

    return wrapper


def _debug_trace() -> None:
    if SETTINGS.debug:
        import traceback

        traceback.print_exc()


def fail(message: str, code: int = 2) -> NoReturn:
    from .output.textsafe import one_line

    _stderr(f"treatycmp: error: {one_line(message)}\n")
    raise typer.Exit(code)


def note(message: str) -> None:
    from .output.textsafe import one_line

    _stderr(f"treatycmp: {one_line(message)}\n")


def _stderr(text: str) -> None:
    """Write *text* to stderr in whatever encoding it has (what it cannot show is escaped)."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    sys.stderr.write(text.encode(encoding, "backslashreplace").decode(encoding))


def corpus() -> Corpus:
    from .api import load

    return load(SETTINGS.data or None, shipped=SETTINGS.shipped)


def search_index(data: Corpus | None = None) -> Index:
    """The look-up index of the data (cached by content, like the corpus; it holds the corpus it
    indexes)."""
    from .api import load_index

    return load_index(SETTINGS.data or None, shipped=SETTINGS.shipped, corpus=data)


def use_color(opts: OutputOptions) -> bool:
    """Colour for --color always; for auto, on a terminal that shows it (not TERM=dumb) unless
    NO_COLOR is set."""
    if SETTINGS.color is Color.always:
        return True
    if (
        SETTINGS.color is Color.never
        or os.environ.get("NO_COLOR")
        or os.environ.get("TERM") == "dumb"
    ):
        return False
    return opts.to_stdout and _stdout_is_terminal()


def _stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def terminal_width(width: Optional[int]) -> int:
    if width:
        return width
    if _stdout_is_terminal():
        import shutil

        return shutil.get_terminal_size((100, 24)).columns
    env = os.environ.get("COLUMNS", "")
    return int(env) if env.isascii() and env.isdigit() and 20 <= int(env) <= 1000 else 100


def output_report(report: Report, opts: OutputOptions) -> None:
    """Render *report* as *opts* ask and write it where asked (never over a file the command
    read)."""
    from .output.render import render
    from .output.views import column_keys, pick_columns
    from .output.writing import emit, refuse_inputs

    if opts.columns:
        unknown = [k for k in opts.columns if k not in column_keys(report)]
        if unknown:
            raise UsageError(
                f"unknown column {echo(unknown[0])} for {report.command}; choose from: "
                f"{', '.join(column_keys(report))}"
            )
        report = pick_columns(report, opts.columns)
    refuse_inputs(opts.output, data_files_read())
    if opts.fmt in (Format.PPTX, Format.XLSX) and opts.to_stdout and _stdout_is_terminal():
        raise UsageError(f"{opts.fmt.value} is a binary format: give -o FILE.{opts.fmt.value}")
    if opts.fmt is Format.SSSOM and report.mappings is None:
        raise UsageError(f"--format sssom is for diff, gaps and export, not {report.command}")
    width = opts.width or (120 if opts.fmt is Format.SVG else terminal_width(None))
    color = use_color(opts) if opts.fmt is Format.TABLE else True
    emit(render(report, opts.fmt, width=width, color=color), opts.output)
    said_written(opts.output)


def said_written(output: Optional[str]) -> None:
    """Say on stderr which file -o wrote (nothing for stdout)."""
    if output not in (None, "-"):
        note(f"wrote {output}")


def data_files_read() -> list[str]:
    """Every data file of every layer that a command reads (whether it comes from the cache or
    not)."""
    from .api import data_files

    return [str(file.path) for file in data_files(SETTINGS.data or None, shipped=SETTINGS.shipped)]


# ---------------------------------------------------------------- commands


@app.command("list")
@handle_errors
@output_options()
def list_cmd(*, opts: OutputOptions) -> None:
    """List the instruments and groups, with their aliases, article counts and unconfirmed titles.

    Example: treatycmp list --format json
    """
    from .output.present import instruments_report

    output_report(instruments_report(corpus()), opts)


@app.command()
@handle_errors
@output_options()
def articles(
    instrument: Annotated[
        str, typer.Argument(help="Instrument id or alias: budapest, bc, 'ETS 185', p1, p2, un ...")
    ],
    chapter: ChapterOpt = None,
    *,
    opts: OutputOptions,
) -> None:
    """List the articles of one instrument (or group) in treaty order.

    Examples: treatycmp articles un · treatycmp articles 'ETS 185' --chapter II --format json
    """
    from .api import articles as articles_in
    from .api import chapter_scope
    from .output.present import articles_report

    data = corpus()
    scope = chapter_scope(data, instrument, chapter)
    output_report(articles_report(data, scope, articles_in(data, scope.id, chapter=chapter)), opts)


@app.command("show")
@handle_errors
@output_options()
def show_cmd(
    ref: Annotated[
        str,
        typer.Argument(help="An article: 'budapest:2', 'Art. 32 BC', 'ETS 185 art 2', 'UN 41' ..."),
    ],
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """Show one article as a card: title, place, summary, keywords, its counterparts everywhere, the
    T-CY Guidance Notes that interpret it and its Explanatory Report paragraphs.

    A query that is not a citation shows the clear best search match (said on stderr); a Guidance
    Note citation ('GN 3') shows that note, as 'treatycmp notes 3' does. Examples: treatycmp show
    un:16 · treatycmp show 'Art. 32 BC' · treatycmp show grooming"""
    from .api import LazyIndex, counterparts, show
    from .output.present import article_card

    data = corpus()
    if _show_note(data, ref, status, basis, opts):
        return
    shown = show(data, ref, LazyIndex(lambda: search_index(data)))
    if shown.searched:
        note(f"{echo(ref)} is not a citation; showing the best match {shown.article.id}")
    card = counterparts(data, shown.article, status=status_value(status), basis=basis_value(basis))
    output_report(article_card(data, card, shown.pinpoint), opts)


@app.command()
@handle_errors
@output_options()
def diff(
    a: Annotated[
        str,
        typer.Argument(help="Instrument or group to compare from (budapest, p1, p2, coe, un ...)."),
    ],
    b: Annotated[str, typer.Argument(help="Instrument or group to compare with.")],
    chapter: ChapterOpt = None,
    relation: Annotated[
        Optional[RelationOpt],
        typer.Option("--relation", "-r", help="Only rows with this relation."),
    ] = None,
    only: Annotated[
        Optional[Only],
        typer.Option("--only", help="Only linked rows, or only rows with no counterpart."),
    ] = None,
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """Put each article of A beside its counterparts in B, then what has no counterpart either way.

    Examples: treatycmp diff budapest un · treatycmp diff coe un --only gaps --status reviewed ·
    treatycmp diff bc un --chapter II --format markdown -o offences.md
    """
    from .api import diff as run_diff
    from .output.present import diff_report

    data = corpus()
    result = run_diff(
        data,
        a,
        b,
        chapter=chapter,
        relation=relation.value if relation else None,
        only=only.value if only else None,
        status=status_value(status),
        basis=basis_value(basis),
    )
    _warn_undeclared(data, result.a.id, result.b.id)
    output_report(diff_report(result, data.meta), opts)


def _warn_undeclared(data: Corpus, a: str, b: str) -> None:
    """Say on stderr when no declared comparison covers A → B (its rows are then mostly 'not
    mapped')."""
    from .api import declared

    if not declared(data, a, b):
        note(
            f"warning: no comparison of {a} with {b} is declared in the mapping; "
            "rows may be marked 'not mapped'"
        )


@app.command()
@handle_errors
@output_options()
def gaps(
    a: Annotated[str, typer.Argument(help="Instrument or group whose gaps to list.")],
    b: Annotated[str, typer.Argument(help="Instrument or group to look for counterparts in.")],
    chapter: ChapterOpt = None,
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """List A's articles with no counterpart in B, with the reason.

    Examples: treatycmp gaps p2 un · treatycmp gaps un coe --format json
    """
    from .api import gaps as run_gaps
    from .api import scope
    from .output.present import gaps_report

    data = corpus()
    found = run_gaps(
        data, a, b, chapter=chapter, status=status_value(status), basis=basis_value(basis)
    )
    sa, sb = scope(data, a), scope(data, b)
    _warn_undeclared(data, sa.id, sb.id)
    output_report(gaps_report(sa, sb, found, data.meta), opts)


@app.command()
@handle_errors
@output_options()
def coverage(
    a: Annotated[str, typer.Argument(help="Instrument or group to count.")],
    b: Annotated[str, typer.Argument(help="Instrument or group to compare with.")],
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """Per chapter of A: how many articles are equal / subset / superset / intersects / absent in B.

    The bars shade the part that rests on draft rows. Examples: treatycmp coverage budapest un ·
    treatycmp coverage un coe --format svg -o coverage.svg"""
    from .api import coverage as run_coverage
    from .output.present import coverage_report

    output_report(
        coverage_report(
            run_coverage(corpus(), a, b, status=status_value(status), basis=basis_value(basis))
        ),
        opts,
    )


@app.command()
@handle_errors
@output_options()
def find(
    query: Annotated[
        str,
        typer.Argument(
            help="Words, jargon or a citation: 'grooming', 'transborder access', 'Art. 32 BC'."
        ),
    ],
    within: Annotated[
        Optional[str], typer.Option("--in", help="Only this instrument or group.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=500, help="At most N results.")
    ] = 10,
    *,
    opts: OutputOptions,
) -> None:
    """Find articles, and T-CY Guidance Notes, by title, keyword, jargon, citation or question, best
    first (exit 1 when nothing matches). An instrument named in the query ('the UN treaty',
    'Budapest') filters, as --in does.

    Examples: treatycmp find "revenge porn" · treatycmp find "transborder acess" --in budapest ·
    treatycmp find "what does the UN treaty say about extradition" · treatycmp find WHOIS --format
    json"""
    from .api import find as run_find
    from .api import find_notes, query_reading
    from .output.present import find_all_report

    if not query.strip():
        raise UsageError("the query is empty")
    index = search_index()
    result = run_find(index.corpus, query, within, limit, index)
    if result.read:
        note(query_reading(result))
    notes_found = find_notes(index.corpus, query, within, limit, result)
    if not result.hits and not notes_found:
        within = within or ",".join(dict.fromkeys(m.scope for m in result.read))
        note(
            f"no article matches {echo(query)}"
            + (f" in {within}" if within else "")
            + ", nor any Guidance Note"
        )
        raise typer.Exit(1)
    output_report(find_all_report(result, notes_found), opts)


@app.command()
@handle_errors
def check(
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", metavar="", help="Treat warnings (e.g. a link without a source) as errors."
        ),
    ] = False,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text, json, or github annotations.")
    ] = CheckFormat.TEXT,
) -> None:
    """Check the data: structure, identity, integrity, completeness of every declared comparison,
    consistency.

    Exit 0 when clean, 1 with findings, 2 when the data cannot be read.
    Examples: treatycmp check --strict · treatycmp --data ./mydata check --format github
    """
    from .api import check as check_data
    from .output.present import check_report
    from .output.render import render
    from .output.writing import emit

    findings = check_data(SETTINGS.data or None, shipped=SETTINGS.shipped, strict=strict)
    emit(render(check_report(findings), fmt), None)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


@app.command()
@handle_errors
@output_options()
def lineage(
    chapter: ChapterOpt = None,
    subject: Annotated[
        str, typer.Option("--of", help="The instrument whose articles are traced.")
    ] = "un",
    sources: Annotated[
        str, typer.Option("--from", help="Comma-separated instruments or groups to trace them to.")
    ] = "coe,untoc,uncac",
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """Where each UN article comes from: its counterparts in the Budapest framework, UNTOC and
    UNCAC, or 'new'.

    Examples: treatycmp lineage · treatycmp lineage --chapter V --format markdown ·
    treatycmp lineage --format json -o lineage.json
    """
    from .api import lineage as run_lineage
    from .output.present import lineage_report

    names = tuple(s.strip() for s in sources.split(",") if s.strip())
    result = run_lineage(
        corpus(),
        subject,
        names,
        chapter=chapter,
        status=status_value(status),
        basis=basis_value(basis),
    )
    output_report(lineage_report(result), opts)


@app.command()
@handle_errors
def report(
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", help="The HTML file to write ('-' for stdout).", metavar="FILE"
        ),
    ] = "treatycmp-report.html",
    status: StatusOption = None,
    basis: BasisOption = None,
) -> None:
    """Write one offline HTML page: every declared comparison, gaps both ways, coverage, a filter
    box.

    Examples: treatycmp report -o comparison.html · treatycmp report --status reviewed -o
    reviewed.html"""
    from .api import report_data
    from .output.render.report import build_report
    from .output.writing import emit, refuse_inputs

    OutputOptions.parse(None, output, None, None)
    refuse_inputs(output, data_files_read())
    emit(
        build_report(report_data(corpus(), status=status_value(status), basis=basis_value(basis))),
        output,
    )
    said_written(output)


@app.command("verify")
@handle_errors
def verify_cmd(
    instrument: Annotated[
        str, typer.Argument(help="The instrument the text is of: budapest, p2, un, 'ETS 185' ...")
    ],
    file: Annotated[
        str,
        typer.Argument(
            help="The official text: .txt, .md, .html or .pdf (pip install 'treatycmp[pdf]'), "
            "at most 20 MB.",
            metavar="FILE",
        ),
    ],
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text, json, or github annotations.")
    ] = CheckFormat.TEXT,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            metavar="",
            help="Mark confirmed titles 'verified: true' with the "
            "text as their source (the change is shown as a diff first).",
        ),
    ] = False,
    units: UnitsOpt = None,
) -> None:
    """Check the corpus against an official text: every article's number, title and place, and the
    own-words rule.

    Exit 0 when every article confirms, 1 on any difference or copied text, 2 when the text cannot
    be read. Examples: treatycmp verify budapest convention.pdf · treatycmp verify p2 cets224.html
    --write · treatycmp verify un A_RES_79_243.txt --format github"""
    from .api import verify
    from .output.present import verify_report
    from .output.render import render
    from .output.writing import emit

    data = corpus()
    result = verify(data, instrument, file, units=units.value if units else None)
    inst = data.instrument(result.instrument)
    target = _articles_to_edit(data, inst.id, file) if write else None
    emit(render(verify_report(result, data.file_of(inst), data.mapping_file), fmt), None)
    if target is not None:
        _write_confirmations(target, inst.id, result)
    if result.exit_code():
        raise typer.Exit(result.exit_code())


def _articles_to_edit(data: Corpus, inst_id: str, file: str) -> DataFile:
    """The articles.yaml that holds *inst_id*, which ``--write`` may edit only in a folder the user
    named with --data (the shipped data of a regular install lies in site-packages; a clone's own
    data/ can be named)."""
    from .api import articles_file
    from .output.writing import refuse_inputs

    target = articles_file(data, inst_id, SETTINGS.data or None, shipped=SETTINGS.shipped)
    folder = target.path.parent
    if target.shipped and not _same_folder(SETTINGS.data, folder):
        raise UsageError(
            "--write edits only a data folder you name with --data, "
            f"not the shipped data in {folder}: copy it (cp -r {folder} mydata), "
            "then run "
            f"treatycmp --data mydata --no-shipped verify {inst_id} {file} --write"
        )
    refuse_inputs(str(target.path), [file])
    return target


def _same_folder(named: Optional[str], folder: Path) -> bool:
    try:
        return named is not None and os.path.samefile(named, folder)
    except OSError:
        return False


def _write_confirmations(target: DataFile, inst_id: str, result: Verification) -> None:
    """Mark the confirmed, unconfirmed titles of *inst_id* verified in *target*, diff first."""
    from .api import confirm_titles
    from .output.writing import emit

    count = len(result.confirmations())
    if not count:
        note(f"nothing to write: no confirmed article of {inst_id} is still marked unconfirmed")
        return
    edit = confirm_titles(target, result)
    emit(edit.diff(), None)
    emit(edit.new, str(edit.path))
    titles = f"{count} title{'s' if count != 1 else ''}"
    note(f"marked {titles} of {inst_id} as verified in {edit.label}")


@app.command("new")
@handle_errors
def new_cmd(
    instrument_id: Annotated[
        str,
        typer.Argument(
            help="The new instrument's id: lower-case letters and digits, e.g. 'mylaw'.",
            metavar="ID",
        ),
    ],
    file: Annotated[
        str,
        typer.Argument(help="Its text: .txt, .md, .html or .pdf, at most 20 MB.", metavar="FILE"),
    ],
    name: Annotated[str, typer.Option("--name", help="Its official name.")],
    short: Annotated[
        Optional[str], typer.Option("--short", help="A short name for tables.")
    ] = None,
    number: Annotated[
        Optional[str],
        typer.Option(
            "--number", help="Its official number or citation, e.g. 'Act No. 12 of 2019'."
        ),
    ] = None,
    units: UnitsOpt = None,
) -> None:
    """Start an instrument (a national law, say) from its text: numbers, titles and hierarchy, empty
    summaries.

    With --data DIR the instrument is added to DIR/articles.yaml (made if missing), layered over the
    shipped data; otherwise its YAML is printed. Then map it: see docs/your-own-instrument.md.
    Examples: treatycmp new mylaw cybercrime-act.txt --name "Cybercrime Act 2019" · treatycmp --data
    mydata new mylaw act.pdf --name "Computer Misuse Act" --units sections"""
    from .api import data_to_join, instrument_edit, skeleton
    from .output.writing import emit

    joins = data_to_join(SETTINGS.data or None, shipped=SETTINGS.shipped)
    text = skeleton(
        instrument_id,
        file,
        name,
        short=short,
        number=number,
        units=units.value if units else None,
        joins=joins,
    )
    if SETTINGS.data is None:
        emit("instruments:\n" + text, None)
        return
    edit = instrument_edit(SETTINGS.data, instrument_id, text, text=file)
    emit(edit.new, str(edit.path))
    note(
        f"added {instrument_id} to {edit.path}; next: write its summaries, "
        f"then run 'treatycmp --data {SETTINGS.data} check'"
    )


def _show_note(
    data: Corpus,
    ref: str,
    status: Optional[StatusOpt],
    basis: Optional[BasisOpt],
    opts: OutputOptions,
) -> bool:
    """Show the note *ref* cites ('GN 3', 'Guidance Note #10'), if it cites one; True when it
    did."""
    from .api import note, note_cited
    from .output.present import note_report

    cited = note_cited(data, ref)
    if cited is None:
        return False
    shown = note(data, cited, status=status_value(status), basis=basis_value(basis))
    output_report(note_report(shown), opts)
    return True


ExportFormat = Annotated[
    Format,
    typer.Argument(
        help="sssom (the default), json, csv, xlsx, markdown, html or table.",
        show_default=False,
        metavar="FORMAT",
    ),
]


@app.command("export")
@handle_errors
@output_options(fmt=ExportFormat, default=Format.SSSOM)
def export_cmd(
    status: StatusOption = None, basis: BasisOption = None, *, opts: OutputOptions
) -> None:
    """Export the whole mapping as stored: every link and every declared absence, with status, basis
    and evidence.

    SSSOM/TSV carries the relations as SKOS predicates and the basis as a SEMAPV mapping
    justification. Examples: treatycmp export sssom -o treatycmp.sssom.tsv · treatycmp export xlsx
    -o mapping.xlsx · treatycmp export json --basis official-texts"""
    from .api import mapping_rows
    from .output.present import mapping_report

    output_report(
        mapping_report(
            mapping_rows(corpus(), status=status_value(status), basis=basis_value(basis))
        ),
        opts,
    )


@app.command("notes")
@handle_errors
@output_options()
def notes_cmd(
    number: Annotated[
        Optional[str],
        typer.Argument(
            help="A note: '3', 'GN 3', 'Guidance Note #10', 'ransomware'. Omit to list them all."
        ),
    ] = None,
    to: Annotated[
        str, typer.Option("--to", help="The instrument to read the note's articles against.")
    ] = "un",
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """List the T-CY Guidance Notes, or show one with its articles and their counterparts in the UN
    Convention.

    Facts no source states outright are marked †. Examples: treatycmp notes · treatycmp notes 3 ·
    treatycmp notes "T-CY GN ransomware" --format markdown · treatycmp notes "Guidance Note #10"
    --to un --format json"""
    from .api import note, notes
    from .output.present import note_report, notes_report

    data = corpus()
    if number is None:
        output_report(notes_report(notes(data)), opts)
        return
    output_report(
        note_report(
            note(data, number, to=to, status=status_value(status), basis=basis_value(basis))
        ),
        opts,
    )


@app.command("topic")
@handle_errors
@output_options()
def topic_cmd(
    name: Annotated[
        Optional[str],
        typer.Argument(
            help="A topic: 'safeguards', 'topic:emergencies', 'human rights'. Omit to list them."
        ),
    ] = None,
    status: StatusOption = None,
    basis: BasisOption = None,
    *,
    opts: OutputOptions,
) -> None:
    """List the topic views, or show one: the articles of every instrument on it, their
    counterparts, and what each framework lacks.

    Examples: treatycmp topic · treatycmp topic safeguards · treatycmp topic safeguards --format
    pptx -o safeguards.pptx · treatycmp topic "human rights" --status reviewed --format json"""
    from .api import topic, topics
    from .output.present import topic_report, topics_report

    data = corpus()
    if name is None:
        output_report(topics_report(topics(data)), opts)
        return
    output_report(
        topic_report(topic(data, name, status=status_value(status), basis=basis_value(basis))), opts
    )


@app.command("reach")
@handle_errors
@output_options()
def reach_cmd(
    instruments: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Instruments or groups: budapest, p1, p2, un, coe. "
            "Omit for every instrument with reach data.",
            show_default=False,
        ),
    ] = None,
    states: Annotated[
        bool,
        typer.Option(
            "--states",
            metavar="",
            help="List the States bound by both, either or only "
            "one of the instruments (from complete lists only; exit 1 when a list is partial).",
        ),
    ] = False,
    *,
    opts: OutputOptions,
) -> None:
    """Who is bound by each instrument: the latest counts (Parties, signatories, invited, observer
    States) with their date and source, and the timeline of the dated snapshots.

    Examples: treatycmp reach · treatycmp reach budapest un · treatycmp reach coe --format pptx -o
    reach.pptx · treatycmp reach budapest un --states"""
    from .api import reach, reach_states
    from .output.present_reach import reach_report, states_report

    names = tuple(instruments or ())
    if not states:
        output_report(reach_report(reach(corpus(), *names)), opts)
        return
    answer = reach_states(corpus(), *names)
    output_report(states_report(answer), opts)
    if not answer.computed:
        for gap in answer.gaps:
            note(f"cannot compare the States: {gap}")
        raise typer.Exit(1)
