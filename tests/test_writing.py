"""Writing output with -o: never harms what the path names (devices, links, read-only files,
folders)."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from treatycmp.errors import TreatyError, UsageError
from treatycmp.output.writing import emit, write_atomic

CONTENT = "Article  Title\np2:6     Request for domain name registration information\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_new_file_is_written_with_the_default_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    emit(CONTENT, str(target))
    mask = os.umask(0)
    os.umask(mask)
    assert target.read_text(encoding="utf-8") == CONTENT
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert leftovers(tmp_path) == []


def test_bytes_are_written_as_they_are(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    emit(b"\x00PK\xff", str(target))
    assert target.read_bytes() == b"\x00PK\xff"


def test_an_existing_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    emit(CONTENT, str(target))
    assert target.read_text(encoding="utf-8") == CONTENT
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away"
)
def test_an_existing_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "theirs.md"
    target.write_text("old")
    os.chown(target, 1234, 1234)
    emit(CONTENT, str(target))
    assert (target.stat().st_uid, target.stat().st_gid) == (1234, 1234)


@pytest.fixture(autouse=True)
def devices_survive() -> Iterator[None]:
    """Fail a test that turned /dev/null or /dev/full into something else, and put the device back
    (as root)."""
    yield
    broken = [name for name in DEVICES if not stat.S_ISCHR(os.lstat(name).st_mode)]
    for name in broken:
        if os.geteuid() == 0:
            os.replace(_mknod(name), name)
    assert broken == [], f"{broken} no longer character devices"


DEVICES = {"/dev/null": (1, 3), "/dev/full": (1, 7)}


def _mknod(name: str) -> str:
    fresh = name + ".restored"
    os.mknod(fresh, stat.S_IFCHR | 0o666, os.makedev(*DEVICES[name]))
    os.chmod(fresh, 0o666)
    return fresh


def test_dev_null_stays_a_device() -> None:
    emit(CONTENT, "/dev/null")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert not [name for name in os.listdir("/dev") if name.startswith(".null")]


def test_dev_full_reports_no_space_as_a_usage_error() -> None:
    with pytest.raises(
        UsageError, match=r"^cannot write /dev/full: No space left on device$"
    ) as info:
        emit(CONTENT, "/dev/full")
    assert info.value.exit_code == 2
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_to_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    emit(CONTENT * 2000, str(fifo))  # larger than a pipe buffer
    reader.join(timeout=10)
    assert received == [(CONTENT * 2000).encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    emit(CONTENT, str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == CONTENT
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_a_relative_symlink_into_another_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "out").mkdir()
    target = tmp_path / "data" / "real.md"
    target.write_text("old")
    link = tmp_path / "out" / "link.md"
    link.symlink_to(Path("..") / "data" / "real.md")
    emit(CONTENT, str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == CONTENT
    assert leftovers(tmp_path / "out") == leftovers(tmp_path / "data") == []


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "new.md")
    emit(CONTENT, str(link))
    assert link.is_symlink() and (tmp_path / "new.md").read_text(encoding="utf-8") == CONTENT


def test_a_symlink_to_a_device_writes_the_device(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    emit(CONTENT, str(link))
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "frozen.md"
    target.write_text("old")
    target.chmod(0o444)
    with pytest.raises(UsageError, match=r"cannot write .*frozen\.md: the file is read-only"):
        emit(CONTENT, str(target))
    assert target.read_text() == "old" and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []


def test_a_read_only_file_behind_a_symlink_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "frozen.md"
    target.write_text("old")
    target.chmod(0o444)
    (tmp_path / "link.md").symlink_to(target)
    with pytest.raises(UsageError, match="read-only"):
        emit(CONTENT, str(tmp_path / "link.md"))
    assert target.read_text() == "old"


@pytest.mark.parametrize("name", ["", " "])
def test_an_empty_path_is_refused(name: str) -> None:
    with pytest.raises(UsageError, match="empty file name"):
        emit(CONTENT, name)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"cannot write .*: it is a directory"):
        emit(CONTENT, str(tmp_path))
    with pytest.raises(UsageError, match="it is a directory"):
        emit(CONTENT, str(tmp_path) + "/")
    with pytest.raises(UsageError, match="no such directory"):
        emit(CONTENT, str(tmp_path / "new") + "/")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="folder .* does not exist"):
        emit(CONTENT, str(tmp_path / "nowhere" / "out.md"))


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(TreatyError, match="cannot write"):
        emit(CONTENT, str(tmp_path / "a"))


def test_a_block_device_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "disk"
    target.write_text("old")
    real_stat = os.stat

    def as_block_device(path: object, *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(path)) == target:
            fields = list(result)
            fields[0] = stat.S_IFBLK | 0o660
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(os, "stat", as_block_device)
    with pytest.raises(UsageError, match="not a regular file"):
        emit(CONTENT, str(target))
    assert target.read_text() == "old"


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(UsageError, match=r"^cannot write .*out\.md: No space left on device$"):
        emit(CONTENT, str(target))
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_an_interrupted_write_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.md", CONTENT)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output", [None, "-"])
def test_stdout(output: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    emit(CONTENT, output)
    assert capsys.readouterr().out == CONTENT


def test_a_file_the_command_reads_is_never_the_output(tmp_path: Path) -> None:
    from treatycmp.output.writing import refuse_inputs

    text = tmp_path / "convention.txt"  # e.g. the FILE of verify or new
    text.write_text("Article 1 – Purpose\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(text)
    os.link(text, tmp_path / "hard.txt")
    for output in (
        str(text),
        str(tmp_path / "link.txt"),
        str(tmp_path / "hard.txt"),
        f"{tmp_path}/./convention.txt",
    ):
        with pytest.raises(UsageError, match="will not write .*: this command reads it"):
            refuse_inputs(output, [str(tmp_path / "other.txt"), text])
    assert text.read_text(encoding="utf-8") == "Article 1 – Purpose\n"
    for output in (None, "-", str(tmp_path / "new.md"), "/dev/null"):
        refuse_inputs(output, [text])  # nothing there yet, stdout, or another file: no objection


def _treatycmp(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "TREATYCMP_NO_SHIPPED": "0"}
    return subprocess.run(
        [sys.executable, "-m", "treatycmp", *args], capture_output=True, env=env, timeout=60
    )


def test_csv_to_a_latin_1_stdout_drops_the_byte_order_mark() -> None:
    proc = _treatycmp("list", "-f", "csv", encoding="latin-1")
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    text = proc.stdout.decode("latin-1")
    assert text.startswith("part,id,name,") and "mérida convention" in text
    assert _treatycmp("list", "-f", "csv", encoding="utf-8").stdout.startswith(
        codecs.BOM_UTF8
    )  # UTF-8 keeps it


def test_characters_stdout_cannot_encode_are_replaced_and_said_once() -> None:
    proc = _treatycmp("diff", "budapest", "un", "--chapter", "II", encoding="ascii")
    text = proc.stdout.decode("ascii")
    assert proc.returncode == 0 and "Budapest Convention ? UN Convention against Cybercrime" in text
    assert "= equal" in text and "Traceback" not in proc.stderr.decode()
    assert (
        proc.stderr.decode().startswith("treatycmp: standard output (ascii) cannot show ")
        and proc.stderr.count(b"\n") == 1
    )
    assert "written as '?'" in proc.stderr.decode()
