"""Where the data files live: ``--data DIR``, ``TREATYCMP_DATA``, or the copy shipped with the package."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from .errors import DataError

ARTICLES = "articles.yaml"
MAPPING = "mapping.yaml"
ENV_VAR = "TREATYCMP_DATA"


class DataFiles(NamedTuple):
    """The two data files, with the labels used in messages."""

    articles: Path
    mapping: Path
    articles_label: str
    mapping_label: str


def packaged_data_dir() -> Path:
    """The data folder shipped in the wheel, or the repository's ``data/`` in an editable install."""
    here = Path(__file__).resolve().parent
    for folder in (here / "data", here.parents[1] / "data"):
        if (folder / ARTICLES).is_file():
            return folder
    from importlib import resources  # zipped or unusual installs

    return Path(str(resources.files("treatycmp").joinpath("data")))


def locate(data_dir: str | os.PathLike[str] | None = None) -> DataFiles:
    """Resolve the data folder from the argument, the environment, or the shipped copy."""
    chosen = data_dir if data_dir is not None else os.environ.get(ENV_VAR) or None
    folder = Path(chosen) if chosen is not None else packaged_data_dir()
    if not folder.exists():
        raise DataError(str(folder), None, "data folder not found")
    if not folder.is_dir():
        raise DataError(str(folder), None, "data path is not a folder")
    return DataFiles(folder / ARTICLES, folder / MAPPING, _label(folder / ARTICLES), _label(folder / MAPPING))


def _label(path: Path) -> str:
    """A short name for *path*: relative to the working folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
