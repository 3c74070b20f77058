"""Start-up budget: each treatycmp command against an empty Typer app given the same arguments.

Runs the commands interleaved (empty app, then treatycmp, N rounds), takes the median wall time of
each, and prints the ratio. The target is at most 1.25 for diff, find, show and check, on a regular
(non-editable) install: ``--regular`` builds one in a temporary virtual environment (``pip install
.``) and measures that. ``--miss`` adds the first run after a data change, in the same rounds: that
run gets a new empty cache folder (``TREATYCMP_CACHE_DIR``), so it reads, validates and caches the
shipped data (target at most 1.4). ``--floor`` adds, in the same rounds, the empty app that also
reads the six data files with libyaml's event parse and nothing else: the least that any first run
after a data change can take while it reads the data through PyYAML. Beside the wall times, the
ratios of the median CPU times (user + system), which a busy machine disturbs less.

Usage: python bench/startup.py [--runs N] [--no-cache] [--miss] [--floor] [--regular]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EMPTY_APP = '''
import os
import typer
app = typer.Typer()

@app.callback()
def main(data: str = typer.Option(None, "--data")) -> None:
    """Empty app."""
    floor = os.environ.get("STARTUP_FLOOR_FILES")
    if floor:  # --floor: reading the data files with libyaml, and nothing else
        import yaml
        for name in floor.split(os.pathsep):
            with open(name, encoding="utf-8") as handle:
                for _ in yaml.parse(handle, Loader=yaml.CSafeLoader):
                    pass

@app.command()
def diff(a: str, b: str, fmt: str = typer.Option("table", "--format")) -> None:
    pass

@app.command()
def find(query: str, within: str = typer.Option(None, "--in")) -> None:
    pass

@app.command()
def show(ref: str) -> None:
    pass

@app.command()
def check(strict: bool = typer.Option(False, "--strict")) -> None:
    pass

app()
'''

COMMANDS = {
    "diff": ["diff", "budapest", "un"],
    "find": ["find", "transborder acess"],
    "show": ["show", "Art. 16 UN"],
    "check": ["check", "--strict"],
}


def timed(argv: list[str], env: dict[str, str], miss: bool = False) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run; *miss*: in a new empty cache folder,
    made and removed outside the timing. A failed run (exit status not 0 or 1) stops the bench."""
    if miss:
        with tempfile.TemporaryDirectory(prefix="treatycmp-miss-") as cache:
            return timed(argv, dict(env, TREATYCMP_CACHE_DIR=cache))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{argv} failed:\n{err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def editable_python() -> str:
    """This interpreter, with the package byte-compiled as a normal install does (an editable
    checkout may not be)."""
    import compileall

    import treatycmp

    compileall.compile_dir(str(Path(treatycmp.__file__).parent), quiet=1)
    return sys.executable


def regular_install(folder: Path) -> str:
    """The python of a new virtual environment where the project is installed with ``pip install
    .``."""
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(root)], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-cache", action="store_true", help="measure without the corpus cache")
    parser.add_argument(
        "--miss", action="store_true", help="also each command in a new empty cache folder"
    )
    parser.add_argument(
        "--floor", action="store_true", help="also the empty app that event-parses the data files"
    )
    parser.add_argument(
        "--regular", action="store_true", help="measure a regular install made in a temporary venv"
    )
    args = parser.parse_args()
    data = sorted((Path(__file__).resolve().parents[1] / "data").glob("*.yaml"))
    floor_env = dict(os.environ, STARTUP_FLOOR_FILES=os.pathsep.join(map(str, data)))
    env = dict(os.environ)
    if args.no_cache:
        env["TREATYCMP_NO_CACHE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        python = regular_install(Path(tmp)) if args.regular else editable_python()
        empty = Path(tmp) / "empty_app.py"
        empty.write_text(EMPTY_APP)
        script = Path(python).with_name("treatycmp")
        tool = (
            [str(script)] if script.exists() else [python, "-m", "treatycmp"]
        )  # the command users type
        for argv in COMMANDS.values():  # warm the cache and the OS file cache
            timed(tool + argv, env)
        modes = [False, True] if args.miss else [False]
        labels = [("miss" if m else "treatycmp") for m in modes] + ["floor"] * args.floor
        head = "".join(f" {label:>10} {'ratio':>6}" for label in labels)
        print(f"{'command':8} {'empty app':>10}{head}   (CPU ratios)")
        for name, argv in COMMANDS.items():
            base, ours = [], [[] for _ in labels]
            for _ in range(args.runs):
                base.append(timed([python, str(empty)] + argv, env))
                for runs, miss in zip(ours, modes):
                    runs.append(timed(tool + argv, env, miss))
                if args.floor:
                    ours[-1].append(timed([python, str(empty)] + argv, floor_env))
            b, bc = (statistics.median(x) for x in zip(*base))
            walls = [statistics.median(w for w, _ in runs) for runs in ours]
            cpus = [statistics.median(c for _, c in runs) for runs in ours]
            cols = "".join(f" {1000 * w:7.0f} ms {w / b:6.2f}" for w in walls)
            cpu = ", ".join(f"{c / bc:.2f}" for c in cpus)
            print(f"{name:8} {1000 * b:7.0f} ms{cols}   ({cpu})")


if __name__ == "__main__":
    main()
