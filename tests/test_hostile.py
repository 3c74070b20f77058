"""Hostile and broken input: every case gives one clear line, the right exit code, and no
traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import MINI_ARTICLES, MINI_MAPPING, write_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from treatycmp.cli import app
from treatycmp.errors import DataError
from treatycmp.loading import load, load_with_findings
from treatycmp.loading import yamltree as yamlio


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env or {})


def assert_clean_failure(result, needle: str) -> None:
    assert result.exit_code == 2, result.stdout + result.stderr
    assert needle in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"instruments: [\n", "articles.yaml:2:1: YAML syntax error"),
        (b"instruments: !!python/object/apply:os.system ['echo pwned']\n", "unsupported YAML tag"),
        (b"", "articles.yaml: file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary content"),
        (b"meta:\n  data_version: caf\xe9\n", "articles.yaml:2: not valid UTF-8"),
        (b"meta: {}\nmeta: {}\n", "articles.yaml:2:1: duplicate key 'meta'"),
        (b"- just\n- a list\n", "the top level must be a mapping"),
    ],
)
def test_broken_articles_file(tmp_path: Path, content: bytes, needle: str) -> None:
    folder = write_data(tmp_path / "d")
    (folder / "articles.yaml").write_bytes(content)
    assert_clean_failure(run("--data", str(folder), "list"), needle)


def test_alias_bomb_is_refused_in_bounded_time(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    names = "abcdefghijklmnop"
    lines += [f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]" for p, n in zip(names, names[1:])]
    folder = write_data(tmp_path / "d")
    (folder / "mapping.yaml").write_text("\n".join(lines) + "\n")
    assert_clean_failure(run("--data", str(folder), "list"), "aliases")


def test_bom_and_crlf_data_loads(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "d")
    for name in ("articles.yaml", "mapping.yaml"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert [i.id for i in load(folder).instruments] == ["a", "b", "c"]


def test_identifiers_that_yaml_would_mangle_stay_strings(tmp_path: Path) -> None:
    articles = MINI_ARTICLES.replace('    number: "A-1"', "    number: 1.10").replace(
        'title: "One"', "title: no"
    )
    corpus = load(write_data(tmp_path / "d", articles))
    assert corpus.instrument("a").number == "1.10"
    assert corpus.article("a:1").title == "no"


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_data(tmp_path / "d")
    monkeypatch.setattr(yamlio, "MAX_BYTES", 100)
    with pytest.raises(DataError, match="file is too large"):
        load(folder)


def test_missing_file_in_data_folder(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "d")
    (folder / "mapping.yaml").unlink()
    assert_clean_failure(
        run("--data", str(folder), "diff", "a", "c"), "mapping.yaml: file not found"
    )


@pytest.mark.parametrize("shipped", ["0", "1"])
@pytest.mark.parametrize("command", ["check", "list"])
def test_an_empty_data_folder_says_it_holds_no_data_file(
    tmp_path: Path, command: str, shipped: str
) -> None:
    result = run("--data", str(tmp_path), command, env={"TREATYCMP_NO_SHIPPED": shipped})
    assert_clean_failure(
        result, "holds none of articles.yaml, mapping.yaml, guidance.yaml, topics.yaml"
    )


def _odd_data_file(folder: Path, kind: str, name: str) -> None:
    """Put a folder, a FIFO or a dangling symlink where the data file *name* is expected."""
    if kind == "folder":
        (folder / name).mkdir()
    elif kind == "fifo":
        os.mkfifo(folder / name)
    else:
        (folder / name).symlink_to(folder / "nowhere.yaml")


@pytest.mark.parametrize(
    ("name", "shipped"), [("articles.yaml", "1"), ("articles.yaml", "0"), ("guidance.yaml", "0")]
)
@pytest.mark.parametrize("kind", ["folder", "fifo", "symlink"])
def test_a_data_file_that_is_no_regular_file_is_named_never_opened(
    tmp_path: Path, kind: str, name: str, shipped: str
) -> None:
    folder = write_data(tmp_path / "d")
    (folder / name).unlink(missing_ok=True)
    _odd_data_file(folder, kind, name)
    what = {
        "folder": "is not a regular file (it is a folder)",
        "fifo": "is not a regular file (it is a FIFO)",
        "symlink": "is a symbolic link to nothing",
    }[kind]
    env = {"TREATYCMP_NO_SHIPPED": shipped}
    for command in ("check", "list"):
        if (
            kind == "fifo"
        ):  # in a subprocess, so that opening the FIFO would fail by the timeout instead of hanging
            proc = subprocess.run(
                [sys.executable, "-m", "treatycmp", "--data", str(folder), command],
                capture_output=True,
                text=True,
                timeout=60,
                env={**os.environ, **env},
            )
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        else:
            result = run("--data", str(folder), command, env=env)
            code, out, err = result.exit_code, result.stdout, result.stderr
        assert (code, out, err) == (2, "", f"treatycmp: error: {folder / name}: {what}\n"), command


def test_new_never_waits_on_a_fifo_named_articles_yaml(tmp_path: Path) -> None:
    text = tmp_path / "law.txt"
    text.write_text("Article 1 - Scope\nText.\n\nArticle 2 - Terms\nMore.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "articles.yaml")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "treatycmp",
            "--data",
            str(tmp_path),
            "new",
            "mylaw",
            str(text),
            "--name",
            "My law",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert proc.stderr.endswith("articles.yaml: is not a regular file (it is a FIFO)\n"), (
        proc.stderr
    )


def test_output_to_a_folder_fails_cleanly(tmp_path: Path) -> None:
    assert_clean_failure(run("list", "-o", str(tmp_path)), "cannot write")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_output_to_a_read_only_folder_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    assert_clean_failure(run("list", "-o", str(folder / "x.txt")), "cannot write")
    assert list(folder.iterdir()) == []


def test_piping_into_head_does_not_crash() -> None:
    cmd = f"{sys.executable} -m treatycmp diff coe un | head -n 2"
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
    assert len(proc.stdout.splitlines()) == 2


@pytest.mark.parametrize("width", ["20", "37"])
def test_narrow_terminal(width: str) -> None:
    result = run("diff", "budapest", "un", "--only", "gaps", "--width", width)
    assert result.exit_code == 0 and "(budapest)" in result.stdout.replace("\n", " ")
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)


def test_no_color_and_color_always() -> None:
    plain = run("--color", "auto", "show", "un:16", env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    coloured = run("--color", "always", "show", "un:16")
    assert "\x1b[" in coloured.stdout


COLOURED_COMMANDS = [
    ("list",),
    ("show", "un:16"),
    ("diff", "budapest", "un"),
    ("gaps", "p2", "un"),
    ("coverage", "budapest", "un"),
    ("find", "grooming"),
    ("lineage",),
    ("notes",),
    ("notes", "3"),
    ("topic", "safeguards"),
    ("reach",),
    ("articles", "p1"),
    ("export", "table"),
]


@pytest.mark.parametrize("args", COLOURED_COMMANDS, ids=" ".join)
def test_a_dumb_terminal_gets_no_escape_codes(
    monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    import treatycmp.cli

    monkeypatch.setattr(treatycmp.cli, "_stdout_is_terminal", lambda: True)
    coloured = run(*args, env={"TERM": "xterm-256color"})
    assert (
        coloured.exit_code == 0 and "\x1b[" in coloured.stdout
    )  # a terminal that can show colour gets it
    dumb = run(*args, env={"TERM": "dumb"})
    assert dumb.exit_code == 0 and "\x1b" not in dumb.stdout + dumb.stderr
    assert (
        "\x1b[" in run("--color", "always", *args, env={"TERM": "dumb"}).stdout
    )  # as with NO_COLOR, --color always wins


def test_rich_markup_in_data_is_shown_literally(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path / "d", MINI_ARTICLES.replace('title: "One"', 'title: "One [/x] [bold]two[/bold]"')
    )
    for color in ("always", "never"):
        result = run("--data", str(folder), "--color", color, "articles", "a", "--width", "200")
        assert result.exit_code == 0
        assert "[/x] [bold]two[/bold]" in result.stdout


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run("--debug", "--data", str(tmp_path / "missing"), "list")
    assert result.exit_code == 2  # a data error keeps its exit code with --debug
    assert "Traceback" in result.stderr and "DataError" in result.stderr
    assert result.stderr.rstrip().endswith("data folder not found")
    after = run("--data", str(tmp_path / "missing"), "list", "--debug")
    assert after.exit_code == 2 and "Traceback" in after.stderr


SCALARS = st.one_of(
    st.text(max_size=12), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False)
)
LEAVES = st.recursive(
    SCALARS,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
    max_leaves=12,
)
ARTICLE = st.fixed_dictionaries(
    {"num": SCALARS, "title": SCALARS},
    optional={"chapter": SCALARS, "keywords": LEAVES, "x": LEAVES},
)
INSTRUMENT = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["a", "b", "A", "1", ""]),
        "name": SCALARS,
        "short": SCALARS,
        "number": SCALARS,
        "article_count": SCALARS,
        "articles": st.lists(ARTICLE, max_size=3) | LEAVES,
    },
)
LINK = st.fixed_dictionaries(
    {"from": st.sampled_from(["a:1", "b:1", "a:9", "x", ""]), "to": SCALARS, "relation": SCALARS}
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    articles=st.fixed_dictionaries(
        {"instruments": st.lists(INSTRUMENT, max_size=3)}, optional={"meta": LEAVES}
    ),
    mapping=st.fixed_dictionaries(
        {"links": st.lists(LINK, max_size=3)}, optional={"absences": LEAVES, "comparisons": LEAVES}
    ),
)
def test_random_documents_give_a_result_or_a_clean_error(
    tmp_path: Path, articles: dict, mapping: dict
) -> None:
    folder = write_data(tmp_path / "fuzz", yaml.safe_dump(articles), yaml.safe_dump(mapping))
    try:
        load_with_findings(folder)
        load(folder)
    except DataError as exc:
        assert str(exc).count("\n") == 0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_result_or_a_clean_error(tmp_path: Path, data: bytes) -> None:
    folder = write_data(tmp_path / "bytes", MINI_ARTICLES, MINI_MAPPING)
    (folder / "mapping.yaml").write_bytes(data)
    try:
        load(folder)
    except DataError as exc:
        assert "mapping.yaml" in str(exc)


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "treatycmp", *args], capture_output=True, timeout=60, **kwargs
    )  # type: ignore[call-overload, no-any-return]


def test_ctrl_c_at_any_moment_of_start_up_exits_130_without_a_traceback() -> None:
    import random
    import signal
    import time

    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-m", "treatycmp", "diff", "budapest", "un"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(random.uniform(0.03, 0.25))  # past the interpreter's own start-up
        proc.send_signal(signal.SIGINT)
        err = proc.communicate(timeout=60)[1].decode()
        assert "Traceback" not in err and proc.returncode in (0, 130, -signal.SIGINT), err
        if proc.returncode == 130:
            assert err == "treatycmp: interrupted\n"


def test_ctrl_c_inside_the_import_machinery_exits_at_once() -> None:
    """Python would print a KeyboardInterrupt raised in its module-lock callback and carry on."""
    code = (
        "import sys\nfrom treatycmp.__main__ import _on_ctrl_c\n"
        "ns = {}\nexec(compile('import sys; f = sys._getframe()', '{file}', 'exec'), ns)\n"
        "_on_ctrl_c(2, ns['f'])\nprint('carried on')\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code.replace("{file}", file)], capture_output=True, text=True
        )
        for file in ("<frozen importlib._bootstrap>", "treatycmp/cli.py")
    ]
    assert (runs[0].returncode, runs[0].stdout, runs[0].stderr) == (
        130,
        "",
        "treatycmp: interrupted\n",
    )
    assert runs[1].stderr.rstrip().endswith("KeyboardInterrupt")  # raised, as usual


def test_the_entry_point_runs_outside_the_main_thread() -> None:
    """Only the main thread may set a signal handler: elsewhere Python's own stays."""
    code = (
        "import sys, threading\nfrom treatycmp.__main__ import main\n"
        "sys.argv = ['treatycmp', 'list']\n"
        "def run():\n    try:\n        main()\n    except SystemExit as done:\n"
        "        print('exit', done.code, file=sys.stderr)\n"
        "t = threading.Thread(target=run)\nt.start()\nt.join()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stderr == "exit 0\n" and "budapest" in run.stdout


def test_closed_stdout_full_disk_and_narrow_encoding_are_one_line_each() -> None:
    closed = subprocess.run(
        [sys.executable, "-m", "treatycmp", "list"],
        stderr=subprocess.PIPE,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert (
        closed.returncode == 2
        and closed.stderr.decode()
        == "treatycmp: error: standard output is closed; write a file with -o FILE\n"
    )
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "treatycmp", "list"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert (
        result.returncode == 2
        and result.stderr.decode().count("\n") == 1
        and "No space left" in result.stderr.decode()
    )
    ascii_only = _cli("show", "un:16", env={**os.environ, "PYTHONIOENCODING": "ascii"})
    message = ascii_only.stderr.decode()
    assert (
        ascii_only.returncode == 0
        and message.count("\n") == 1
        and "PYTHONIOENCODING=utf-8" in message
    )
    assert b"un:16 ? Non-consensual" in ascii_only.stdout  # written, what ASCII lacks as '?'


def test_a_5000_digit_article_number_is_an_unknown_article() -> None:
    result = run("show", "budapest:" + "9" * 5000)
    assert_clean_failure(result, "unknown article")


@pytest.mark.parametrize(
    "args", [("verify", "budapest", "/dev/zero"), ("new", "z", "/dev/zero", "--name", "Z")]
)
def test_an_endless_text_is_refused_within_a_second(args: tuple[str, ...]) -> None:
    import resource
    import time

    def cap_memory() -> None:  # without the size limit the read would grow until the machine swaps
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    start = time.monotonic()
    proc = _cli(*args, preexec_fn=cap_memory)
    assert proc.returncode == 2 and time.monotonic() - start < 5
    assert proc.stderr.decode() == (
        "treatycmp: error: /dev/zero: the document is larger than 20 MB, the limit for an official "
        "text\n"
    )


def test_a_damaged_pdf_gives_our_one_line_and_nothing_of_pypdf(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")
    proc = _cli("verify", "budapest", str(broken))
    assert proc.returncode == 2
    assert (
        proc.stderr.decode()
        == f"treatycmp: error: {broken}: cannot read the PDF: Stream has ended unexpectedly\n"
    )
