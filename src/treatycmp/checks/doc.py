"""``docs/rules.md`` generated from the rule modules: every code, its severity and its
documentation.

Run ``python -m treatycmp.checks.doc docs/rules.md`` to write it (without a path it prints); a test
fails when the file is out of date."""

from __future__ import annotations

import inspect
import re
import sys
from types import ModuleType
from typing import Iterator

from ..loading import schema
from . import RULES

HEADER = """\
# Rules of `treatycmp check`

<!-- Generated from the code by `python -m treatycmp.checks.doc docs/rules.md`: edit the rule
modules, not this file. -->

Findings read `FILE:LINE:COLUMN: SEVERITY CODE message`. They point at the offending value (a bad
value, a name that does not exist), at the key (an unknown field) or at the entry (a missing field,
an entry declared twice).

**Order: root cause first.** Findings are sorted by stage, then file, line, column, code (an unknown
field before the field its misspelling leaves missing) and article (by number: `budapest:3` before
`budapest:29`, `2` before `2a`). Stage 0 is the schema of every file; the rules follow in the order
below. A malformed article number (stage 0) is therefore printed before the links that name it
(stage 2) and the article count it upsets (stage 6).

**Severity.** An error fails `treatycmp check`; a warning fails it only with `--strict`. Errors of
stages 0–3 also stop every other command from loading the data.
"""


def modules() -> list[tuple[int, str, ModuleType, bool]]:
    """(stage, name, module, blocks loading) of the schema and every rule, in stage order."""
    return [(0, "schema", schema, True)] + [
        (n, r.name, r.module, r.blocking) for n, r in enumerate(RULES, 1)
    ]


def codes() -> dict[str, str]:
    """Every code of every stage, with its severity."""
    return {
        code: severity for _, _, module, _ in modules() for code, severity in module.CODES.items()
    }


def sections(module: ModuleType) -> dict[str, str]:
    """The documentation of each code in *module*'s docstring (the text under its '### code'
    heading)."""
    parts = re.split(r"^### (\S+)\n", inspect.getdoc(module) or "", flags=re.MULTILINE)
    return dict(zip(parts[1::2], (p.strip() for p in parts[2::2])))


def render() -> str:
    """The whole of ``docs/rules.md``."""
    return (
        "\n".join(
            [HEADER, *_summary(), *(line for entry in modules() for line in _stage(*entry))]
        ).rstrip()
        + "\n"
    )


def _summary() -> Iterator[str]:
    yield "| Stage | Rule | Code | Severity |"
    yield "|---|---|---|---|"
    for stage, name, module, blocking in modules():
        for code, severity in module.CODES.items():
            stops = " (blocking)" if blocking else ""
            yield f"| {stage} | {name}{stops} | [`{code}`](#{code}) | {severity} |"
    yield ""


def _stage(stage: int, name: str, module: ModuleType, blocking: bool) -> Iterator[str]:
    doc = inspect.getdoc(module) or ""
    intro = re.split(r"^### ", doc, maxsplit=1, flags=re.MULTILINE)[0].strip()
    yield f"## Stage {stage}: {name}"
    yield ""
    stops = "; its errors stop every command from loading" if blocking else ""
    yield f"{intro}\n\n*Module `{module.__name__}`{stops}.*"
    yield ""
    documented = sections(module)
    for code, severity in module.CODES.items():
        yield f"### {code}\n\n**{severity}**\n\n{documented.get(code, '(undocumented)')}\n"


def main(argv: list[str]) -> int:
    """Write the rules to the path in *argv*, or print them."""
    text = render()
    if argv:
        with open(argv[0], "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
