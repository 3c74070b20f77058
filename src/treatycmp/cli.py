"""The treatycmp command line: parse arguments, call the core, pick a renderer."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Callable, Optional, TypeVar

import typer

from ._version import __version__
from .errors import TreatyError, UsageError
from .render import Format

if TYPE_CHECKING:
    from .models import Corpus
    from .views import Report

F = TypeVar("F", bound=Callable[..., object])


class Only(str, Enum):
    matched = "matched"
    gaps = "gaps"


class RelationOpt(str, Enum):
    equal = "equal"
    subset = "subset"
    superset = "superset"
    intersects = "intersects"
    none = "none"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class CheckFmt(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@dataclass
class Settings:
    """Global options given before the command."""

    data: Optional[str] = None
    debug: bool = False
    color: Color = Color.auto


SETTINGS = Settings()
SHOW_MIN_SCORE = 70.0
"""A search hit must score this much, and lead the next by 3 points, for `show` to take it for a citation."""

app = typer.Typer(
    name="treatycmp",
    help="Compare international cybercrime treaties article by article: the Budapest Convention (ETS 185), "
    "its First (ETS 189) and Second (CETS 224) Protocols, and the UN Convention against Cybercrime.",
    epilog="Examples:  treatycmp diff budapest un  ·  treatycmp gaps p2 un  ·  treatycmp show 'Art. 32 BC'  ·  "
    "treatycmp find grooming  ·  treatycmp check --strict",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FormatOpt = Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format [default: table].", show_default=False)]
OutputOpt = Annotated[Optional[str], typer.Option("--output", "-o", help="Write to FILE (atomically); '-' is stdout.", metavar="FILE")]
WidthOpt = Annotated[Optional[int], typer.Option("--width", min=20, max=1000, help="Width for table and svg output.")]
ColumnsOpt = Annotated[Optional[str], typer.Option("--columns", help="Comma-separated column keys to keep, e.g. 'from,to,relation'.")]
ChapterOpt = Annotated[Optional[str], typer.Option("--chapter", "-c", help="Only this chapter of A: 'II', '2' or part of its name.")]


def _version(ctx: typer.Context, value: bool) -> None:
    """Print the program and data versions without loading the corpus."""
    if not value:
        return
    from .resources import locate

    try:
        version = _data_version(locate(ctx.params.get("data") or None).articles)
    except TreatyError as exc:
        version = f"unavailable: {exc}"
    typer.echo(f"treatycmp {__version__} (data {version})")
    raise typer.Exit()


def _data_version(path: object) -> str:
    """Read meta.data_version from the top of articles.yaml without loading the corpus."""
    try:
        with open(path, encoding="utf-8-sig") as handle:  # type: ignore[call-overload]
            for _, line in zip(range(40), handle):
                if line.strip().startswith("data_version:"):
                    return line.split(":", 1)[1].strip().strip("\"'")
    except OSError:
        return "unavailable"
    return "unversioned"


@app.callback()
def main_callback(
    data: Annotated[Optional[str], typer.Option("--data", envvar="TREATYCMP_DATA", metavar="DIR", is_eager=True,
                                                help="Folder holding articles.yaml and mapping.yaml.")] = None,
    color: Annotated[Color, typer.Option("--color", help="Colour output: auto (terminal, no NO_COLOR), always, never.")] = Color.auto,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Show the program and data versions and exit.")] = False,
) -> None:
    """Compare international cybercrime treaties article by article."""
    SETTINGS.data, SETTINGS.debug, SETTINGS.color = data, debug, color


def handle_errors(func: F) -> F:
    """Report domain errors as one line on stderr with exit code 2 (a traceback only with --debug)."""

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return func(*args, **kwargs)
        except TreatyError as exc:
            if SETTINGS.debug:
                raise
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except (typer.Exit, BrokenPipeError):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
            if SETTINGS.debug:
                raise
            fail(f"unexpected {type(exc).__name__}: {exc} (rerun with --debug for a traceback, and please report it)")

    return wrapper  # type: ignore[return-value]


def fail(message: str, code: int = 2) -> None:
    sys.stderr.write(f"treatycmp: error: {message}\n")
    raise typer.Exit(code)


def note(message: str) -> None:
    sys.stderr.write(f"treatycmp: {message}\n")


def corpus() -> Corpus:
    from .loader import load
    return load(SETTINGS.data or None)


def search_index():  # type: ignore[no-untyped-def]
    """The look-up index of the data (cached by content, like the corpus)."""
    from .cache import cached
    from .lookup import Index
    from .resources import locate

    return cached(locate(SETTINGS.data or None), lambda: Index(corpus()), "index", Index)


def use_color(output: Optional[str]) -> bool:
    if SETTINGS.color is Color.always:
        return True
    if SETTINGS.color is Color.never or os.environ.get("NO_COLOR"):
        return False
    return output in (None, "-") and sys.stdout.isatty()


def terminal_width(width: Optional[int]) -> int:
    if width:
        return width
    if sys.stdout.isatty():
        import shutil
        return shutil.get_terminal_size((100, 24)).columns
    env = os.environ.get("COLUMNS", "")
    return int(env) if env.isascii() and env.isdigit() and int(env) >= 20 else 100


def output_report(report: Report, fmt: Optional[Format], output: Optional[str], width: Optional[int], columns: Optional[str]) -> None:
    """Render *report* in the chosen format and write it where asked."""
    from .render import render
    from .views import column_keys, pick_columns

    if columns:
        keys = tuple(k.strip() for k in columns.split(",") if k.strip())
        unknown = [k for k in keys if k not in column_keys(report)]
        if unknown:
            raise UsageError(f"unknown column {unknown[0]!r} for {report.command}; choose from: {', '.join(column_keys(report))}")
        report = pick_columns(report, keys)
    chosen = fmt or Format.TABLE
    if chosen is Format.PPTX and output in (None, "-") and sys.stdout.isatty():
        raise UsageError("pptx is a binary format: give -o FILE.pptx")
    default_width = 120 if chosen is Format.SVG else terminal_width(width)
    content = render(report, chosen, width=width or default_width, color=use_color(output) if chosen is Format.TABLE else True)
    from .output import emit
    emit(content, output)


# ---------------------------------------------------------------- commands


@app.command("list")
@handle_errors
def list_cmd(fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None) -> None:
    """List the instruments and groups, with their aliases and article counts.

    Example: treatycmp list --format json
    """
    from .present import instruments_report
    output_report(instruments_report(corpus()), fmt, output, width, columns)


@app.command()
@handle_errors
def articles(
    instrument: Annotated[str, typer.Argument(help="Instrument id or alias: budapest, bc, 'ETS 185', p1, p2, un ...")],
    chapter: ChapterOpt = None,
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """List the articles of one instrument (or group) in treaty order.

    Examples: treatycmp articles un · treatycmp articles 'ETS 185' --chapter II --format json
    """
    from .compare import articles_of, in_chapter
    from .present import articles_report
    from .refs import Resolver

    data = corpus()
    scope = Resolver(data).scope(instrument)
    arts = in_chapter(articles_of(data, scope), chapter)
    if chapter and not arts:
        raise UsageError(f"no chapter {chapter!r} in {scope.id}; see 'treatycmp articles {scope.id}'")
    output_report(articles_report(data, scope, arts), fmt, output, width, columns)


@app.command("show")
@handle_errors
def show_cmd(
    ref: Annotated[str, typer.Argument(help="An article: 'budapest:2', 'Art. 32 BC', 'ETS 185 art 2', 'UN 41' ...")],
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """Show one article as a card: title, place, summary, keywords and its counterparts everywhere.

    Examples: treatycmp show un:16 · treatycmp show 'Art. 32 BC' · treatycmp show grooming
    """
    from .compare import counterparts
    from .present import card_report

    data = corpus()
    art = resolve_article(data, ref)
    output_report(card_report(data, counterparts(data, art)), fmt, output, width, columns)


def resolve_article(data: Corpus, ref: str):  # type: ignore[no-untyped-def]
    """A citation, or else the clear best match of a search (said on stderr)."""
    from .errors import UnknownName
    from .refs import Resolver

    resolver = Resolver(data)
    try:
        return resolver.article(ref)
    except UnknownName as exc:
        if resolver.parse(ref) is not None or not ref.strip():
            raise
        hits = search_index().find(ref, limit=3).hits
        if hits and hits[0].score >= SHOW_MIN_SCORE and (len(hits) == 1 or hits[0].score - hits[1].score >= 3):
            note(f"{ref!r} is not a citation; showing the best match {hits[0].article.id}")
            return hits[0].article
        raise UnknownName("article", ref, tuple(h.article.id for h in hits), exc.hint) from None


@app.command()
@handle_errors
def diff(
    a: Annotated[str, typer.Argument(help="Instrument or group to compare from (budapest, p1, p2, coe, un ...).")],
    b: Annotated[str, typer.Argument(help="Instrument or group to compare with.")],
    chapter: ChapterOpt = None,
    relation: Annotated[Optional[RelationOpt], typer.Option("--relation", "-r", help="Only rows with this relation.")] = None,
    only: Annotated[Optional[Only], typer.Option("--only", help="Only linked rows, or only rows with no counterpart.")] = None,
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """Put each article of A beside its counterparts in B, then what has no counterpart either way.

    Examples: treatycmp diff budapest un · treatycmp diff coe un --only gaps ·
    treatycmp diff bc un --chapter II --format markdown -o offences.md
    """
    from .compare import diff as run_diff
    from .present import diff_report

    data, sa, sb = two_scopes(a, b, chapter)
    result = run_diff(data, sa, sb, chapter=chapter, relation=relation.value if relation else None,
                      only=only.value if only else None)
    output_report(diff_report(result), fmt, output, width, columns)


def two_scopes(a: str, b: str, chapter: Optional[str] = None):  # type: ignore[no-untyped-def]
    """The loaded data and the two named scopes, with A's chapter checked when one is given."""
    from .refs import Resolver

    data = corpus()
    resolver = Resolver(data)
    sa, sb = resolver.scope(a), resolver.scope(b)
    check_chapter(data, sa, chapter)
    return data, sa, sb


def check_chapter(data: Corpus, scope, chapter: Optional[str]) -> None:  # type: ignore[no-untyped-def]
    """Refuse a chapter that the scope does not have, listing the ones it has."""
    if chapter is None:
        return
    from .compare import articles_of, in_chapter
    if not in_chapter(articles_of(data, scope), chapter):
        names = sorted({str(a.chapter) for a in articles_of(data, scope) if a.chapter})
        raise UsageError(f"no chapter {chapter!r} in {scope.id}; chapters: {'; '.join(names)}")


@app.command()
@handle_errors
def gaps(
    a: Annotated[str, typer.Argument(help="Instrument or group whose gaps to list.")],
    b: Annotated[str, typer.Argument(help="Instrument or group to look for counterparts in.")],
    chapter: ChapterOpt = None,
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """List A's articles with no counterpart in B, with the reason.

    Examples: treatycmp gaps p2 un · treatycmp gaps un coe --format json
    """
    from .compare import gaps as run_gaps
    from .present import gaps_report

    data, sa, sb = two_scopes(a, b, chapter)
    output_report(gaps_report(sa, sb, run_gaps(data, sa, sb, chapter=chapter)), fmt, output, width, columns)


@app.command()
@handle_errors
def coverage(
    a: Annotated[str, typer.Argument(help="Instrument or group to count.")],
    b: Annotated[str, typer.Argument(help="Instrument or group to compare with.")],
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """Per chapter of A: how many articles are equal / subset / superset / intersects / absent in B.

    Examples: treatycmp coverage budapest un · treatycmp coverage un coe --format svg -o coverage.svg
    """
    from .coverage import coverage as run_coverage
    from .present import coverage_report

    data, sa, sb = two_scopes(a, b)
    output_report(coverage_report(run_coverage(data, sa, sb)), fmt, output, width, columns)


@app.command()
@handle_errors
def find(
    query: Annotated[str, typer.Argument(help="Words, jargon or a citation: 'grooming', 'transborder access', 'Art. 32 BC'.")],
    within: Annotated[Optional[str], typer.Option("--in", help="Only this instrument or group.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="At most N results.")] = 10,
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """Find articles by title, keyword, jargon or citation, best first (exit 1 when nothing matches).

    Examples: treatycmp find "revenge porn" · treatycmp find "transborder acess" --in budapest ·
    treatycmp find WHOIS --format json
    """
    if not query.strip():
        raise UsageError("the query is empty")
    from .present import find_report

    index = search_index()
    members = index.resolver.scope(within).members if within else None
    result = index.find(query, within=members, limit=limit)
    if not result.hits:
        note(f"no article matches {query!r}" + (f" in {within}" if within else ""))
        raise typer.Exit(1)
    output_report(find_report(result), fmt, output, width, columns)


@app.command()
@handle_errors
def check(
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings (e.g. a link without a source) as errors.")] = False,
    fmt: Annotated[CheckFmt, typer.Option("--format", "-f", help="text, json, or github annotations.")] = CheckFmt.text,
) -> None:
    """Check the data: structure, identity, integrity, completeness of every declared comparison, consistency.

    Exit 0 when clean, 1 with findings, 2 when the data cannot be read.
    Examples: treatycmp check --strict · treatycmp --data ./mydata check --format github
    """
    from .checkfmt import format_findings
    from .checks import apply_strict
    from .loader import load_with_findings

    _, findings = load_with_findings(SETTINGS.data or None)
    findings = sorted(apply_strict(findings) if strict else findings, key=lambda f: f.order())
    sys.stdout.write(format_findings(findings, fmt.value))
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


@app.command()
@handle_errors
def lineage(
    chapter: ChapterOpt = None,
    subject: Annotated[str, typer.Option("--of", help="The instrument whose articles are traced.")] = "un",
    sources: Annotated[str, typer.Option("--from", help="Comma-separated instruments or groups to trace them to.")] = "coe,untoc,uncac",
    fmt: FormatOpt = None, output: OutputOpt = None, width: WidthOpt = None, columns: ColumnsOpt = None,
) -> None:
    """Where each UN article comes from: its counterparts in the Budapest framework, UNTOC and UNCAC, or 'new'.

    Examples: treatycmp lineage · treatycmp lineage --chapter V --format markdown ·
    treatycmp lineage --format json -o lineage.json
    """
    from .lineage import lineage as run_lineage
    from .present import lineage_report
    from .refs import Resolver

    data = corpus()
    resolver = Resolver(data)
    scope = resolver.scope(subject)
    check_chapter(data, scope, chapter)
    source_scopes = tuple(resolver.scope(s.strip()) for s in sources.split(",") if s.strip())
    output_report(lineage_report(run_lineage(data, scope, source_scopes, chapter=chapter)), fmt, output, width, columns)


@app.command()
@handle_errors
def report(
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write ('-' for stdout).", metavar="FILE")] = "treatycmp-report.html",
) -> None:
    """Write one offline HTML page: every declared comparison, gaps both ways, coverage, a filter box.

    Example: treatycmp report -o comparison.html
    """
    from .output import emit
    from .render.report import build_report

    emit(build_report(corpus()), output)
    if output not in (None, "-"):
        note(f"wrote {output}")


def main() -> None:
    """Console entry point: run the app; exit quietly when the reader of our output goes away."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
