"""Writing results: to stdout, to a device or FIFO as it is, or atomically to a file (temporary file
beside it, renamed).

``-o PATH`` behaves like the shell's ``>`` where that is safe and refuses where it is not: a symlink
is followed to its target (the link stays), a regular file is replaced atomically and keeps its mode
and owner, a character device or FIFO is written directly; a read-only file, a folder, a block
device or an empty name is refused, and so is a file the command reads (:func:`refuse_inputs`)."""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Iterable, TextIO

from ..errors import UsageError


def emit(content: str | bytes, output: str | None) -> None:
    """Send *content* to the file *output*, or to stdout when it is None or '-'; failures raise
    :class:`UsageError`."""
    if output is None or output == "-":
        _to_stdout(content)
        return
    if not output.strip():
        raise UsageError(
            "cannot write to an empty file name (give a file, or '-' for standard output)"
        )
    info = _stat(output)
    if info is None and output.endswith(("/", os.sep)):
        raise UsageError(f"cannot write {output}: no such directory")
    if info is None:
        write_atomic(_final_path(output), content)
    elif stat.S_ISDIR(info.st_mode):
        raise UsageError(f"cannot write {output}: it is a directory")
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        write_stream(output, content)
    elif not stat.S_ISREG(info.st_mode):
        raise UsageError(f"cannot write {output}: not a regular file, character device or FIFO")
    elif _read_only(output, info):
        raise UsageError(f"cannot write {output}: the file is read-only (permission denied)")
    else:
        write_atomic(_final_path(output), content)


def refuse_inputs(output: str | None, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse to write *output* when it is one of *inputs* (the data files and input files of the
    command): the same file by device and inode, so a symlink, a hard link or another spelling of
    the path is caught too."""
    if output is None or output == "-":
        return
    try:
        target = os.stat(output)
    except OSError:
        return  # nothing there yet, or nothing that can be read: emit() says what is wrong with it
    for path in inputs:
        try:
            same = os.path.samestat(target, os.stat(path))
        except OSError:
            continue
        if same:
            named = (
                ""
                if os.path.abspath(output) == os.path.abspath(path)
                else f" (that is {os.fspath(path)})"
            )
            raise UsageError(
                f"will not write {output}{named}: this command reads it; choose another output file"
            )


def _to_stdout(content: str | bytes) -> None:
    """Write *content* to standard output and flush it."""
    if sys.stdout is None:
        raise UsageError("standard output is closed; write a file with -o FILE")
    if isinstance(content, bytes):
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.write(encodable(content, sys.stdout))
    sys.stdout.flush()


def encodable(text: str, stream: TextIO) -> str:
    """*text* as *stream* can carry it: the byte-order mark (of CSV) only in a UTF encoding, and
    each character the encoding lacks written as '?', said once on stderr. A stream with its own
    error handler gets the text as it is."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        if codecs.lookup(encoding).name.startswith("utf"):
            return text
    except LookupError:
        return text
    text = text.removeprefix("\ufeff")
    if getattr(stream, "errors", "strict") != "strict":
        return text
    missing = sorted({c for c in set(text) if not _can_encode(c, encoding)})
    if not missing:
        return text
    shown = ", ".join(ascii(c) for c in missing[:3]) + (
        f" and {len(missing) - 3} more" if len(missing) > 3 else ""
    )
    they = "they are" if len(missing) > 1 else "it is"
    sys.stderr.write(
        f"treatycmp: standard output ({encoding}) cannot show {shown}; {they} written as '?' "
        "(set PYTHONIOENCODING=utf-8, or write a file with -o)\n"
    )
    return text.encode(encoding, "replace").decode(encoding)


def _can_encode(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _stat(output: str) -> os.stat_result | None:
    """What *output* names, symlinks followed; None when nothing is there yet (or a link points at
    nothing)."""
    try:
        return os.stat(output)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def _read_only(output: str, info: os.stat_result) -> bool:
    """True when the file may not be written: no write permission, or no write bit at all (checked
    for root too)."""
    return not os.access(output, os.W_OK) or not info.st_mode & (
        stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    )


def _final_path(output: str) -> Path:
    """The path a shell's '>' would write: symlinks resolved, so that the link survives and its
    target changes."""
    path = Path(output)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_stream(output: str, content: str | bytes) -> None:
    """Write *content* straight to a character device or FIFO (no temporary file, no truncation, no
    creation)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd = os.open(output, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write *content* to *path* so that a failure never leaves a half-written file; an existing
    file keeps its mode."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: folder {folder} does not exist")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        _take_over(tmp, path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise
    _sync_folder(folder)


def _take_over(tmp: str, path: Path) -> None:
    """Give the temporary file the mode (and, as root, the owner) of the file it replaces, or the
    default mode."""
    try:
        old = os.stat(path)
    except OSError:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and (old.st_uid, old.st_gid) != (0, 0):
        os.chown(tmp, old.st_uid, old.st_gid)
    os.chmod(tmp, stat.S_IMODE(old.st_mode))


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process's file mode creation mask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(tmp: str) -> None:
    """Delete a temporary file if it is still there."""
    try:
        os.unlink(tmp)
    except OSError:
        pass
