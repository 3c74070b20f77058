"""The ``treatycmp`` console entry point (also ``python -m treatycmp``).

Ctrl-C and a reader that goes away are handled before anything heavy is imported, so neither ever
ends in a traceback: Ctrl-C exits 130, a closed pipe (``treatycmp diff budapest un | head``) exits
quietly."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


def main() -> None:
    """Run the command line."""
    import gc

    try:
        signal.signal(signal.SIGINT, _on_ctrl_c)
    except ValueError:  # not the main thread: Python's own handler stays
        pass
    # One command runs for a moment: no collection pass walks the objects its imports create. Data
    # are read with the collector paused anyway (loading.cache), so memory at scale is unchanged.
    gc.disable()
    try:
        from .cli import app, keep_only_invoked

        keep_only_invoked(sys.argv[1:])
        app(prog_name="treatycmp")
    except KeyboardInterrupt:
        _interrupted()
    except SystemExit as done:
        if done.code == 130:  # Ctrl-C seen by a command or by Typer while it parsed
            _interrupted()
        raise
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)


def _on_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C: a KeyboardInterrupt, as usual, unless it lands inside Python's import machinery.

    There it could be raised in a callback that Python runs for its module locks, which prints the
    traceback and carries on. Nothing is being written during an import, so exit at once."""
    if frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        os.write(2, b"treatycmp: interrupted\n")
        os._exit(130)
    raise KeyboardInterrupt


def _interrupted() -> None:
    _quiet_stdout()
    sys.stderr.write("treatycmp: interrupted\n")
    sys.exit(130)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


if __name__ == "__main__":
    main()
