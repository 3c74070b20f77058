"""The corpus cache: hits give the same corpus, any change of content rebuilds, bad entries are
ignored."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import LINK_PROV, MINI_MAPPING, write_data

from treatycmp.findings import Finding
from treatycmp.loading import check_findings, load, load_with_findings
from treatycmp.loading.cache import cache_dir, cached, fingerprint
from treatycmp.loading.datafiles import locate


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TREATYCMP_CACHE_DIR", str(folder))
    return folder


def test_second_load_comes_from_the_cache_and_is_equal(cache: Path, mini: Path) -> None:
    first = load(mini)
    assert len(list(cache.glob("corpus-*.pickle"))) == 1
    assert load(mini) == first


def test_changed_content_is_reloaded(cache: Path, mini: Path) -> None:
    load(mini)
    path = mini / "articles.yaml"
    path.write_text(path.read_text().replace('title: "One"', 'title: "Uno"'))
    assert load(mini).article("a:1").title == "Uno"


def test_corrupt_entry_is_rebuilt(cache: Path, mini: Path) -> None:
    load(mini)
    entry = next(cache.glob("corpus-*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert load(mini).article("a:1").title == "One"


def test_entry_writable_by_others_is_not_trusted(cache: Path, mini: Path) -> None:
    load(mini)
    entry = next(cache.glob("corpus-*.pickle"))
    os.chmod(entry, 0o666)
    calls: list[int] = []
    assert cached(
        locate(mini), lambda: calls.append(1) or "rebuilt", "corpus"
    ) == "rebuilt" and calls == [1]


def test_entry_of_the_wrong_type_is_rebuilt(cache: Path, mini: Path) -> None:
    cached(locate(mini), lambda: "not a corpus")
    assert load(mini).article("a:1").title == "One"


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, mini: Path) -> None:
    monkeypatch.setenv("TREATYCMP_NO_CACHE", "1")
    assert cache_dir() is None
    assert fingerprint(locate(mini))


def test_a_home_that_does_not_exist_is_never_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini: Path
) -> None:
    from typer.testing import CliRunner

    from treatycmp.cli import app

    for name in ("TREATYCMP_CACHE_DIR", "XDG_CACHE_HOME", "TREATYCMP_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "nonexistent" / "x"))
    assert cache_dir() is None
    assert load(mini).article("a:1").title == "One"  # loads without a cache, silently
    result = CliRunner().invoke(app, ["list"], env={"TREATYCMP_NO_SHIPPED": "0"})
    assert result.exit_code == 0 and result.stderr == ""
    assert not (tmp_path / "nonexistent").exists()
    monkeypatch.setenv("HOME", str(tmp_path))  # a home that exists gets its ~/.cache/treatycmp
    assert cache_dir() == tmp_path / ".cache" / "treatycmp"


def test_check_caches_its_findings_alone_and_a_second_run_reads_only_them(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_data(tmp_path / "d", mapping=MINI_MAPPING.replace(f", {LINK_PROV}", "", 1))
    first = check_findings(folder)
    assert [f.code for f in first] == ["missing-basis"]
    (entry,) = cache.glob("check-*.pickle")
    assert not list(cache.glob("corpus-*.pickle")) and not list(cache.glob("findings-*.pickle"))
    assert pickle.loads(entry.read_bytes()) == first  # the findings, and no corpus

    def no_loading(*args: object) -> None:
        raise AssertionError("the data were read again")

    monkeypatch.setattr("treatycmp.loading.stages.to_records", no_loading)
    assert check_findings(folder) == first


def test_check_findings_are_every_finding_root_cause_first(tmp_path: Path) -> None:
    mapping = MINI_MAPPING.replace(f", {LINK_PROV}", "", 2).replace(
        "source: analysis", 'source: ""', 1
    )
    folder = write_data(tmp_path / "d", mapping=mapping)
    _, found = load_with_findings(folder)
    assert len(found) > 2 and check_findings(folder) == sorted(found, key=Finding.order)
