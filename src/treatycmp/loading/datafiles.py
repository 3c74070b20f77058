"""Where the data files live: the copy shipped with the package, with a user's folder layered over
it.

``--data DIR`` (or ``TREATYCMP_DATA``) names a folder whose files add to the shipped ones: the
user's own instruments in its ``articles.yaml``, the user's own links in its ``mapping.yaml``
(either may be missing), and optionally notes, topics and Explanatory Report ranges in
``guidance.yaml``, ``topics.yaml`` and ``explanatory.yaml``, and dated snapshots of each
instrument's reach in ``reach.yaml``. With ``--no-shipped`` (or ``TREATYCMP_NO_SHIPPED=1``, or
``shipped=False`` in Python) the folder replaces the shipped data instead and must hold both files.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError

ARTICLES = "articles.yaml"
MAPPING = "mapping.yaml"
GUIDANCE = "guidance.yaml"
TOPICS = "topics.yaml"
EXPLANATORY = "explanatory.yaml"
COMMENTARY_FILES = (GUIDANCE, TOPICS, EXPLANATORY)
"""Optional in every layer: T-CY Guidance Notes, topic views, Explanatory Report paragraph
ranges."""
REACH = "reach.yaml"
"""Optional in every layer: who is bound by each instrument, in dated snapshots."""
DATA_FILES = (ARTICLES, MAPPING, *COMMENTARY_FILES, REACH)
"""Every file a data folder may hold (what the cache key covers)."""
ENV_VAR = "TREATYCMP_DATA"
NO_SHIPPED_VAR = "TREATYCMP_NO_SHIPPED"


class Layer(NamedTuple):
    """One data folder: the shipped one, or a user's."""

    folder: Path
    shipped: bool

    def path(self, name: str) -> Path:
        return self.folder / name

    def has(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def label(self, name: str) -> str:
        """A short name for a file of this layer: relative to the working folder when it lies below
        it."""
        return _label(self.folder / name)


class DataFiles(NamedTuple):
    """The data folders to read, the shipped one (if any) first."""

    layers: tuple[Layer, ...]

    def files(self, name: str) -> tuple[tuple[Path, str], ...]:
        """(path, label) of every layer's file *name* that exists."""
        return tuple(
            (layer.path(name), layer.label(name)) for layer in self.layers if layer.has(name)
        )

    @property
    def articles_label(self) -> str:
        return self.layers[0].label(ARTICLES)

    @property
    def mapping_label(self) -> str:
        return self.layers[0].label(MAPPING)


def packaged_data_dir() -> Path:
    """The data folder shipped in the wheel, or the repository's ``data/`` in an editable
    install."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "data", package.parents[1] / "data"):
        if (folder / ARTICLES).is_file():
            return folder
    from importlib import resources  # zipped or unusual installs

    return Path(str(resources.files("treatycmp").joinpath("data")))


def locate(
    data_dir: str | os.PathLike[str] | None = None, *, shipped: bool | None = None
) -> DataFiles:
    """The layers to read: the shipped data, then the folder from the argument or the environment.

    *shipped* None means: unless ``TREATYCMP_NO_SHIPPED`` is set.
    """
    chosen = data_dir if data_dir is not None else os.environ.get(ENV_VAR) or None
    if shipped is None:
        shipped = os.environ.get(NO_SHIPPED_VAR, "") in ("", "0")
    packaged = packaged_data_dir()
    if chosen is None:
        return DataFiles((Layer(packaged, True),))
    folder = _user_folder(Path(chosen))
    if not shipped:
        _require(folder, (ARTICLES, MAPPING))
        return DataFiles((Layer(folder, False),))
    if folder.resolve() == packaged.resolve():
        return DataFiles((Layer(packaged, True),))
    _require(folder, ())
    return DataFiles((Layer(packaged, True), Layer(folder, False)))


def _user_folder(folder: Path) -> Path:
    if not folder.exists():
        raise DataError(str(folder), None, "data folder not found")
    if not folder.is_dir():
        raise DataError(str(folder), None, "data path is not a folder")
    return folder


def _require(folder: Path, names: tuple[str, ...]) -> None:
    """Refuse a folder where something other than a regular file bears a data file's name, one that
    holds no data file at all, or one that lacks a file it must hold (*names*)."""
    for name in DATA_FILES:
        _refuse_irregular(folder, name)
    if not any((folder / name).is_file() for name in DATA_FILES):
        raise DataError(
            _label(folder), None, f"the data folder holds none of {', '.join(DATA_FILES)}"
        )
    missing = [n for n in names if not (folder / n).is_file()]
    if missing:
        raise DataError(_label(folder / missing[0]), None, "file not found")


def _refuse_irregular(folder: Path, name: str) -> None:
    """Refuse a folder, FIFO, socket, device or dangling symlink named *name*: it is told apart
    without being opened (opening a FIFO would wait for a writer)."""
    path = folder / name
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            raise DataError(
                os.path.join(_label(folder), name), None, "is a symbolic link to nothing"
            ) from None
        return
    except OSError:
        return  # unreadable: the reader says so, naming the file
    if not stat.S_ISREG(mode):
        raise DataError(
            os.path.join(_label(folder), name),
            None,
            f"is not a regular file (it is {kind_of(mode)})",
        )


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
