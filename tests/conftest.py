"""Shared fixtures: the real shipped corpus, a CLI runner, and small data folders written on the
fly."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treatycmp.loading import load
from treatycmp.loading.datafiles import packaged_data_dir
from treatycmp.models import Corpus

# Tests never touch the user's cache: each run gets its own.
os.environ["TREATYCMP_CACHE_DIR"] = tempfile.mkdtemp(prefix="treatycmp-cache-")
os.environ.pop("TREATYCMP_DATA", None)
# Folders written by the tests are whole corpora that replace the shipped data unless a test says
# otherwise.
os.environ["TREATYCMP_NO_SHIPPED"] = "1"
os.environ.pop("NO_COLOR", None)

REAL_DATA = packaged_data_dir()

MINI_ARTICLES = """\
meta:
  data_version: "test"
groups:
  - id: grp
    name: "Group of a and b"
    members: ["a", "b"]
instruments:
  - id: a
    name: "Instrument A"
    short: "A"
    number: "A-1"
    aliases: ["alpha"]
    article_count: 3
    sources: ["test"]
    articles:
      - {num: "1", title: "One", chapter: "I — First", summary: "s", source: "t"}
      - {num: "2", title: "Two", chapter: "I — First", summary: "s", source: "t"}
      - {num: "3", title: "Three", chapter: "II — Second", summary: "s", source: "t"}
  - id: b
    name: "Instrument B"
    short: "B"
    number: "B-1"
    article_count: 1
    sources: ["test"]
    articles:
      - {num: "1", title: "Uno", summary: "s", source: "t"}
  - id: c
    name: "Instrument C"
    short: "C"
    number: "C-1"
    article_count: 2
    sources: ["test"]
    articles:
      - {num: "1", title: "Eins", summary: "s", source: "t"}
      - {num: "2", title: "Zwei", summary: "s", source: "t"}
"""

LINK_PROV = 'basis: analysis, evidence: {from: "summary", to: "summary"}'
ABSENCE_PROV = 'basis: analysis, evidence: {article: "summary", absent_in: "summaries"}'
"""What a test row says it rests on, so that only the finding a test is about is reported."""

MINI_MAPPING = f"""\
comparisons:
  - {{from: a, to: c}}
links:
  - {{from: "a:1", to: "c:1", relation: equal, source: analysis, {LINK_PROV}}}
  - {{from: "a:2", to: "c:2", relation: subset, note: "narrower", source: analysis, {LINK_PROV}}}
absences:
  - {{article: "a:3", absent_in: c, reason: "nothing", source: analysis, {ABSENCE_PROV}}}
"""


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load(REAL_DATA)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def write_data(folder: Path, articles: str = MINI_ARTICLES, mapping: str = MINI_MAPPING) -> Path:
    """Write a data folder with the two files (dedented) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles.yaml").write_text(textwrap.dedent(articles), encoding="utf-8")
    (folder / "mapping.yaml").write_text(textwrap.dedent(mapping), encoding="utf-8")
    return folder


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    return write_data(tmp_path / "mini")


@pytest.fixture()
def real_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data."""
    target = tmp_path / "data"
    target.mkdir()
    for name in ("articles.yaml", "mapping.yaml"):
        shutil.copy(REAL_DATA / name, target / name)
    return target
