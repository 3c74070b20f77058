"""The fast subset reader must agree with libyaml exactly, or step aside (raise Unsupported).

Agreement means the same values and the same lines and columns of every mapping, key, sequence and item.
The properties render random trees in random YAML styles, and mutate real data line by line: whatever the
text, the fast reader either gives libyaml's tree or gives up; it never accepts what libyaml refuses.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from treatycmp import fastyaml
from treatycmp.errors import DataError
from treatycmp.resources import packaged_data_dir
from treatycmp.yamlevents import read_with_libyaml
from treatycmp.yamlio import YList, YMap


def differences(a: object, b: object, path: str = "$") -> str | None:
    """Where two trees differ (type, value, position, key or item lines), or None."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, (YMap, YList)) and (a.line, a.column) != (b.line, b.column):
        return f"{path}: at {(a.line, a.column)} != {(b.line, b.column)}"
    if isinstance(a, YMap):
        if list(a) != list(b) or a.key_lines != b.key_lines:
            return f"{path}: keys {a.key_lines} != {b.key_lines}"
        pairs = [(a[k], b[k], f"{path}.{k}") for k in a]
    elif isinstance(a, YList):
        if len(a) != len(b) or a.item_lines != b.item_lines:
            return f"{path}: items {a.item_lines} != {b.item_lines}"
        pairs = [(x, y, f"{path}[{n}]") for n, (x, y) in enumerate(zip(a, b))]
    else:
        return None if a == b else f"{path}: {a!r} != {b!r}"
    return next((d for x, y, p in pairs if (d := differences(x, y, p))), None)


def agree(text: str) -> bool:
    """Assert the fast reader gives libyaml's tree or steps aside; True if it read the text itself."""
    try:
        fast = fastyaml.read(text)
    except fastyaml.Unsupported:
        return False
    try:
        full = read_with_libyaml(text, "t.yaml")
    except DataError as exc:
        raise AssertionError(f"fast reader accepted what libyaml refuses ({exc}):\n{text}") from None
    assert differences(full, fast) is None, f"{differences(full, fast)}\n{text}"
    return True


@pytest.mark.parametrize("name", ["articles.yaml", "mapping.yaml"])
def test_shipped_data_is_read_by_the_fast_reader_exactly_as_libyaml_reads_it(name: str) -> None:
    assert agree((packaged_data_dir() / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1.10\nb: 014\nc: no\nd: ~\ne:\nf: 'null'\ng: \"\"\n",
        "top:\n  - x: 1\n    y: [a, 'b''c', \"d\"]\n  - {k: v, n: null}\n  - plain # comment\n",
        "key:\n- a\n- b\nnext: c\n",
        "s: >-\n  one\n  two\n\n  three\nt: |\n  line\n  more\n\nu: x\n",
        "note: a plain scalar\n  continued here\n  and here\nnext: 'quoted\n  over lines'\n",
        "a:\n  b:\n    c: [ ]\n  d: { }\n# end\n",
        "- - nested\n",
        "list:\n  -   spaced: item\n      more: x\n",
    ],
)
def test_examples_agree(text: str) -> None:
    agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!python/object/apply:os.system ['true']\n",
        "a: \"esc\\n\"\n",
        "a: 1\na: 2\n",
        "a: [1,\n  2]\n",
        "a:\tb\n",
        "a: b\rc: d\r\n",
        "--- \na: b\n",
        "a: >+\n  keep\n",
        "? complex\n: key\n",
        "a: b: c\n",
        "- a\nb: c\n",
        "a: 1\n b: 2\n",
        "just a scalar\n",
        "# only a comment\n",
        "a: {k: 1, k: 2}\n",
        "a: {k: 1, null: 2}\n",
        "a: [x, y] z\n",
        "a: {k: v}z\n",
    ],
)
def test_outside_the_subset_the_fast_reader_steps_aside(text: str) -> None:
    with pytest.raises(fastyaml.Unsupported):
        fastyaml.read(text)


# ---------------------------------------------------------------- properties

WORDS = st.sampled_from(
    ["a", "b", "key", "null", "~", "Null", "no", "1.10", "014", "x y", "a#b", "a #b", "a:b", "a: b", "-x", "- x",
     "[x]", "x]", "{y}", "x,y", "é—ü", "'q'", '"q"', "it's", "", " lead", "trail ", "%p", "@a", "`t", "!t", "&a",
     "*a", "?x", ":x", "|", ">", "#", "a-b", "2024-12-24", "k_1"]
)
KEYS = st.sampled_from(["a", "b", "key", "k_1", "a-b", "null", "on", "x y", "_u", "Z9"])
SCALARS = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=4),
    ),
    max_leaves=12,
)


def scalar(value: str, style: int, indent: int) -> str:
    pad = " " * (indent + 2)
    if style == 0:
        return f'"{value}"'
    if style == 1:
        return "'" + value.replace("'", "''") + "'"
    if style == 2:
        return ">-\n" + pad + value.replace(" ", "\n" + pad, 1)
    if style == 3:
        return "|\n" + pad + value
    if style == 4 and " " in value:
        return value.replace(" ", "\n" + pad, 1)  # a plain or quoted scalar continued on the next line
    return value


def render(tree: object, indent: int, styles: list[int], top: bool = True) -> str:
    """Block YAML for *tree*, the style of each node drawn from *styles* (cycled)."""
    style = styles[0] if styles else 0
    styles[:] = styles[1:] + styles[:1]
    pad = " " * indent
    if isinstance(tree, str):
        return scalar(tree, style % 6, indent)
    if isinstance(tree, list):
        if style % 4 == 0 and not top and all(isinstance(v, str) for v in tree):
            return "[" + ", ".join(scalar(v, style % 2, indent) if style % 3 else v for v in tree) + "]"
        if not tree:
            return "[]"
        body = (f"{pad}- " + render(v, indent + 2, styles, False).lstrip(" ") for v in tree)
        return ("" if top else "\n") + "\n".join(body)
    if style % 4 == 0 and not top and all(isinstance(v, str) for v in tree.values()):
        return "{" + ", ".join(f"{k}: {scalar(v, style % 2, indent) if style % 3 else v}" for k, v in tree.items()) + "}"
    if not tree:
        return "{}"
    lines = []
    for k, v in tree.items():
        inner = render(v, indent + 2, styles, False)
        if style % 5 == 1 and isinstance(v, list) and inner.startswith("\n"):
            inner = "\n" + "\n".join(line[2:] for line in inner[1:].split("\n"))  # sequence under its key
        if style % 7 == 2:
            inner = inner + "  # note"
        lines.append(f"{pad}{k}:" + ("" if inner.startswith("\n") else " ") + inner)
    return ("" if top else "\n") + "\n".join(lines)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES, st.lists(st.integers(0, 41), min_size=1, max_size=8), st.booleans())
@example({"a": ["x y", "z"], "b": {"c": "1"}}, [0, 1, 2, 3, 4, 5], False)
@example({"a": ["x y", "z"], "b": {"c": "1"}}, [2, 3, 4, 5], True)
def test_random_documents_agree_or_step_aside(tree: object, styles: list[int], crlf: bool) -> None:
    if not isinstance(tree, (list, dict)) or not tree:
        tree = {"a": tree}
    text = render(tree, 0, styles) + "\n"
    agree(text.replace("\n", "\r\n") if crlf else text)


SNIPPETS = {name: (packaged_data_dir() / name).read_text(encoding="utf-8").split("\n")[:150]
            for name in ("articles.yaml", "mapping.yaml")}
EDITS = st.tuples(st.integers(0, 149), st.integers(0, 200),
                  st.sampled_from(["", " ", "  ", "-", "- ", "#", " #", ":", ": ", "'", '"', "[", "]", "{", "}", ",",
                                   "|", ">", "\n", "\n  ", "\n\n", "~", "é", "\\", "&a ", "*a", "!t ", "\t", "\r",
                                   "\x85", "\u2028", "\ufeff", "\x01", "\x7f", "\xa0", "a: b", "- x: y", "k:"]),
                  st.integers(0, 3))


@pytest.mark.parametrize("name", sorted(SNIPPETS))
@settings(max_examples=400, deadline=None)
@given(edits=st.lists(EDITS, min_size=1, max_size=4))
def test_mutated_real_data_agrees_or_steps_aside(name: str, edits: list[tuple[int, int, str, int]]) -> None:
    lines = list(SNIPPETS[name])
    for row, col, text, cut in edits:
        line = lines[row]
        col = min(col, len(line))
        lines[row] = line[:col] + text + line[col + cut:]
    agree("\n".join(lines) + "\n")
