"""A small on-disk cache of loaded corpora, keyed by the content of the data files.

Loading and validating the YAML takes tens of milliseconds; a cached corpus loads in a few. The
cache lives in ``$TREATYCMP_CACHE_DIR``, else ``$XDG_CACHE_HOME/treatycmp``, else
``~/.cache/treatycmp`` (no cache when the home folder does not exist: it is never created); set
``TREATYCMP_NO_CACHE=1`` to turn it off. Entries are only read from a folder and files that belong
to the current user and that no one else can write; anything unreadable is ignored and rebuilt."""

from __future__ import annotations

import functools
import gc
import os
import stat
from pathlib import Path
from typing import Any, Callable, TypeVar

from .._version import __version__
from .datafiles import DATA_FILES, DataFiles

try:  # the C pickler alone: pickle.py on top of it is a millisecond of every start
    from _pickle import dump, load
except ImportError:  # pragma: no cover - Pythons without it
    from pickle import dump, load

T = TypeVar("T")

KEEP = 8


def cache_dir() -> Path | None:
    if os.environ.get("TREATYCMP_NO_CACHE"):
        return None
    base = os.environ.get("TREATYCMP_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = _home()
        return home / ".cache" / "treatycmp" if home else None
    root = Path(base)
    return root if os.environ.get("TREATYCMP_CACHE_DIR") else root / "treatycmp"


def _home() -> Path | None:
    """The user's home folder when it exists: a HOME that names nothing is never created, and there
    is no cache."""
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no user entry
        return None
    return home if home.is_dir() else None


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """Size and modification time of every module of the package: a changed program never reads old
    entries."""
    stamps: list[str] = []
    folders = [str(Path(__file__).resolve().parents[1])]  # the whole package
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and not entry.name.startswith(("_", ".")):
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    stamps.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(sorted(stamps))


def fingerprint(files: DataFiles) -> str:
    """A key that changes whenever either file, its label or the program changes."""
    # the BLAKE2 module alone: hashlib would load OpenSSL too, a few milliseconds of every start
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - Pythons without the built-in module
        from hashlib import blake2b
    digest = blake2b(digest_size=16)
    for part in (__version__, code_stamp()):
        digest.update(part.encode() + b"\0")
    for layer in files.layers:
        for name in DATA_FILES:
            if not layer.has(name):
                continue
            digest.update(f"{layer.shipped}:{layer.label(name)}".encode() + b"\0")
            try:
                digest.update(layer.path(name).read_bytes())
            except OSError:
                return ""
    return digest.hexdigest()


def cached(
    files: DataFiles, build: Callable[[], T], kind: str = "corpus", expect: type | None = None
) -> T:
    """What *build* makes from *files* (a corpus, an index, check findings): from the cache when it
    holds this exact content, else built and stored."""
    paused = gc.isenabled()
    # what is built or read is a large tree without cycles: the collector would only scan it again
    # and again
    gc.disable()
    try:
        return _cached(files, build, kind, expect)
    finally:
        if paused:
            gc.enable()


def _cached(files: DataFiles, build: Callable[[], T], kind: str, expect: type | None) -> T:
    folder = cache_dir()
    key = fingerprint(files) if folder else ""
    if not folder or not key:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    value = _read(path)
    if value is None or (expect is not None and not isinstance(value, expect)):
        value = build()
        _write(folder, path, value, kind)
    return value


def _safe(path: Path) -> bool:
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path) -> Any:
    try:
        if not (_safe(path.parent) and _safe(path)):
            return None
        with path.open("rb") as handle:
            return load(handle)
    except Exception:  # noqa: BLE001 - a bad cache entry is rebuilt, never fatal
        return None


def _write(folder: Path, path: Path, value: object, kind: str) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            dump(value, handle, protocol=5)  # pickle.HIGHEST_PROTOCOL on 3.10 and later
        os.replace(tmp, path)
        old = sorted(
            folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )[KEEP:]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError:
        return
