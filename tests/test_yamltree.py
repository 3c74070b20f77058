"""The safe YAML reader: line numbers, strings kept as written, unsafe input refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatycmp.errors import DataError
from treatycmp.loading.yamltree import YList, YMap, read_yaml


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "f.yaml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_scalars_stay_exactly_as_written(tmp_path: Path) -> None:
    doc = read_yaml(
        write(tmp_path, "a: 1.10\nb: 014\nc: no\nd: 2024-12-24\ne: ~\nf: 'null'\ng: 0x1F\n")
    )
    assert doc == {
        "a": "1.10",
        "b": "014",
        "c": "no",
        "d": "2024-12-24",
        "e": None,
        "f": "null",
        "g": "0x1F",
    }


def test_mappings_remember_key_lines(tmp_path: Path) -> None:
    doc = read_yaml(write(tmp_path, "top:\n  - x: 1\n    y: 2\n  - x: 3\n"))
    assert isinstance(doc, YMap) and isinstance(doc["top"], YList)
    assert doc["top"].item_lines == [2, 4]
    assert doc["top"][0].line_of("y") == 3


def test_positions_of_keys_values_and_items(tmp_path: Path) -> None:
    doc = read_yaml(write(tmp_path, "top:\n  - x:   1\n    why: [a,  b]\n  - {x: 3}\n"))
    first = doc["top"][0]
    assert first.pos_of("x") == (2, 5) and first.value_at("x") == (2, 10)
    assert first.value_at("why") == (3, 10) and first["why"].item_pos == [(3, 11), (3, 15)]
    assert doc["top"].item_pos == [(2, 5), (4, 5)]
    assert first.pos_of("missing") == (2, 5)


def test_tab_in_indentation_says_tab(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"f.yaml:2:1: a tab in indentation"):
        read_yaml(write(tmp_path, "a:\n\tb: 1\n"), "f.yaml")


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        read_yaml(write(tmp_path, "a: 1\nb: [1, 2\nc: 3\n"), "data/articles.yaml")
    assert str(info.value).startswith("data/articles.yaml:3:")
    assert "YAML syntax error" in str(info.value)


def test_duplicate_key_is_refused_with_both_lines(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"f.yaml:3:1: duplicate key 'a' \(first at line 1\)"):
        read_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"), "f.yaml")


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(DataError, match="unsupported YAML tag"):
        read_yaml(write(tmp_path, text))
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(DataError, match="aliases"):
        read_yaml(write(tmp_path, "\n".join(lines) + "\n"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file is empty"),
        ("   \n\n", "file is empty"),
        (b"a: 1\n\x00\x01\x02", "binary content"),
        (b"a: caf\xe9\n", "not valid UTF-8"),
    ],
)
def test_unreadable_content_is_one_clear_error(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    with pytest.raises(DataError, match=message):
        read_yaml(write(tmp_path, content))


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    doc = read_yaml(write(tmp_path, "\ufeffa: x\r\nb: y\r\n".encode("utf-8")))
    assert doc == {"a": "x", "b": "y"}


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        read_yaml(tmp_path / "nope.yaml")
    with pytest.raises(DataError, match="is a folder"):
        read_yaml(tmp_path)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'links:\n  - {from: "a:1", to: "c:1"\n  - {from: "a:2"}\n',
            "f.yaml:3:3: YAML syntax error: did not find expected ',' or '}' (the flow mapping "
            "opened at 2:5)",
        ),
        (
            "a: [1, 2\nb: 3\n",
            "f.yaml:2:2: YAML syntax error: did not find expected ',' or ']' (the flow sequence "
            "opened at 1:4)",
        ),
    ],
)
def test_an_unclosed_flow_collection_says_where_it_opened(
    tmp_path: Path, text: str, said: str
) -> None:
    with pytest.raises(DataError) as info:
        read_yaml(write(tmp_path, text), "f.yaml")
    assert str(info.value) == said
