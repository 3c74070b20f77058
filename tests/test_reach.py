"""Reach: reach.yaml's schema and rules (at line and column), States resolved through ISO 3166-1,
the latest counts and timeline, the States bound by several instruments from complete lists only,
every format, and the real data."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import REAL_DATA, write_data
from rulecase import RuleCase
from typer.testing import CliRunner

from treatycmp import api
from treatycmp.cli import app
from treatycmp.errors import DataError, UnknownName
from treatycmp.loading import load
from treatycmp.models import Corpus
from treatycmp.names.states import resolve
from treatycmp.output.present_reach import reach_report, states_report
from treatycmp.output.render import Format, render

E, W = "error", "warning"
SOURCE = 'source: {document: "Depositary", url: "https://example.org/a"}'
TURKIYE = (
    '{state: "Türkiye", status: party, signed: "2024-01-10", bound: "2024-05-01", '
    "how: ratification}"
)
MINI_REACH = f"""\
snapshots:
  - instrument: a
    date: "2024-06-20"
    parties: 2
    signatories: 1
    {SOURCE}
    states:
      complete: true
      list:
        - {TURKIYE}
        - {{state: "Japan", status: party}}
        - {{state: "Korea, Republic of", status: signatory, signed: "2024-02"}}
  - instrument: a
    date: "2023-12"
    parties: 1
    invited: 4
    source: {{document: "Slides", locator: "slide 3"}}
  - instrument: c
    date: "2024-07-01"
    parties: 2
    source: {{document: "News", locator: "para. 2"}}
    states:
      complete: true
      list:
        - {{state: "TUR", status: party}}
        - {{state: "Republic of Korea", status: party, bound: "2024-06"}}
"""
PARTIAL = MINI_REACH.replace(
    """      complete: true
      list:
        - {state: "TUR\"""",
    """      complete: false
      known: 2
      of: 5
      list:
        - {state: "TUR\"""",
)


def reach_case(tmp_path: Path, reach: str, strict: bool = False) -> RuleCase:
    return RuleCase(tmp_path / "d", files={"reach.yaml": reach}, strict=strict)


@pytest.fixture()
def mini_corpus(tmp_path: Path) -> Corpus:
    folder = write_data(tmp_path / "m")
    (folder / "reach.yaml").write_text(MINI_REACH, encoding="utf-8")
    return load(folder)


# States


@pytest.mark.parametrize(
    "written", ["Türkiye", "Turkey", "TR", "TUR", "Republic of Türkiye", "turkey"]
)
def test_every_spelling_of_turkiye_is_one_state(written: str) -> None:
    state = resolve(written)
    assert (state.alpha2, state.alpha3, state.name) == ("TR", "TUR", "Türkiye")


@pytest.mark.parametrize(
    "written", ["Korea, Republic of", "Republic of Korea", "KR", "KOR", "South Korea"]
)
def test_the_depositaries_word_orders_name_one_state(written: str) -> None:
    assert resolve(written).alpha3 == "KOR"


@pytest.mark.parametrize(
    ("written", "alpha3"), [("Cote d'Ivoire", "CIV"), ("Curacao", "CUW"), ("Reunion", "REU")]
)
def test_a_name_written_without_its_accents_is_the_state(written: str, alpha3: str) -> None:
    assert resolve(written).alpha3 == alpha3


def test_names_of_the_depositaries_resolve() -> None:
    assert resolve("Iran (Islamic Republic of)").alpha2 == "IR"
    assert resolve("Netherlands, the Kingdom of the").alpha2 == "NL"
    assert resolve("Democratic Republic of the Congo").alpha2 == "CD"
    assert resolve("Congo").alpha2 == "CG"
    assert resolve("Democratic People's Republic of Korea").alpha2 == "KP"
    assert resolve("United States of America") == resolve("USA")
    assert resolve("European Union").organisation


def test_an_unknown_state_suggests_near_spellings() -> None:
    with pytest.raises(UnknownName) as exc:
        resolve("Turkei")
    assert "did you mean" in str(exc.value) and "'Turkey'" in str(exc.value)
    with pytest.raises(UnknownName):
        resolve("Korea")  # two States: no guess


# schema


def test_clean_reach_has_no_findings_even_when_strict(tmp_path: Path) -> None:
    assert reach_case(tmp_path, MINI_REACH, strict=True).rows == []


def test_schema_findings_are_at_the_value(tmp_path: Path) -> None:
    text = (
        MINI_REACH.replace('date: "2023-12"', 'date: "Dec 2023"')
        .replace('status: signatory, signed: "2024-02"', 'status: signed, signed: "2024-02"')
        .replace("parties: 1\n", "parties: one\n")
        .replace('source: {document: "News", locator: "para. 2"}', 'source: {document: "News"}')
        .replace("    invited: 4\n", "    invitd: 4\n")
    )
    case = reach_case(tmp_path, text)
    assert case.rows == [
        ("reach", 12, 49, E, "bad-value"),
        ("reach", 14, 11, E, "bad-date"),
        ("reach", 15, 14, E, "wrong-type"),
        ("reach", 16, 5, E, "unknown-field"),
        ("reach", 21, 13, E, "missing-field"),
        (
            "reach",
            5,
            18,
            E,
            "list-count",
        ),  # the entry with a bad status is left out: a consequence, printed after
    ]
    assert case.messages("missing-field") == [
        "source of the snapshot of c has no 'locator' or 'url'"
    ]


def test_a_month_is_a_date_but_the_thirteenth_month_is_not(tmp_path: Path) -> None:
    case = reach_case(tmp_path, MINI_REACH.replace('signed: "2024-02"', 'signed: "2024-13"'))
    assert case.rows == [("reach", 12, 68, E, "bad-date")]


# rules


def test_unknown_instrument_and_duplicate_snapshot(tmp_path: Path) -> None:
    text = MINI_REACH.replace("instrument: c", "instrument: cc").replace(
        'date: "2023-12"', 'date: "2024-06-20"'
    )
    case = reach_case(tmp_path, text)
    assert case.rows == [
        ("reach", 14, 11, E, "duplicate-snapshot"),
        ("reach", 18, 17, E, "unknown-instrument"),
    ]
    assert "did you mean 'c'" in case.messages("unknown-instrument")[0]


def test_unknown_state_is_at_the_name_with_a_suggestion(tmp_path: Path) -> None:
    case = reach_case(tmp_path, MINI_REACH.replace('{state: "Japan"', '{state: "Japon"'))
    assert case.rows == [("reach", 11, 19, E, "unknown-state")]
    assert "did you mean 'Japan'" in case.messages("unknown-state")[0]


def test_turkiye_and_turkey_in_one_list_are_a_duplicate(tmp_path: Path) -> None:
    case = reach_case(tmp_path, MINI_REACH.replace('{state: "Japan"', '{state: "Turkey"'))
    assert case.rows == [("reach", 11, 19, E, "duplicate-state")]
    assert case.messages("duplicate-state") == [
        "'Turkey' is Türkiye (TUR), already listed as 'Türkiye'"
    ]


def test_list_counts_must_agree(tmp_path: Path) -> None:
    case = reach_case(
        tmp_path,
        MINI_REACH.replace(
            "    parties: 2\n    signatories: 1\n", "    parties: 3\n    signatories: 1\n"
        ),
    )
    assert case.rows == [("reach", 4, 14, E, "list-count")]
    assert case.messages("list-count") == [
        "the snapshot counts 3 Parties of a, but its complete list names 2"
    ]
    partial = reach_case(
        tmp_path / "p", PARTIAL.replace("known: 2", "known: 3").replace("of: 5", "of: 1")
    )
    assert partial.rows == [("reach", 24, 14, E, "list-count"), ("reach", 25, 11, E, "list-count")]
    unsaid = reach_case(tmp_path / "u", PARTIAL.replace("      known: 2\n", ""))
    assert unsaid.rows == [("reach", 23, 7, E, "list-count")]


def test_dates_after_the_snapshot_and_a_bound_signatory(tmp_path: Path) -> None:
    text = MINI_REACH.replace('bound: "2024-05-01"', 'bound: "2024-07-01"').replace(
        'status: signatory, signed: "2024-02"',
        'status: signatory, signed: "2024-02", bound: "2024-03-01"',
    )
    case = reach_case(tmp_path, text)
    assert case.rows == [
        ("reach", 10, 74, E, "date-after-snapshot"),
        ("reach", 12, 86, E, "signatory-bound"),
    ]


def test_a_lower_bound_must_say_so_and_be_the_latest_entry(tmp_path: Path) -> None:
    text = MINI_REACH.replace(
        '    date: "2024-06-20"\n', '    date: "2024-06-20"\n    lower_bound: true\n', 1
    )
    case = reach_case(tmp_path, text)
    assert case.rows == [("reach", 3, 11, E, "lower-bound"), ("reach", 3, 11, E, "lower-bound")]
    said = text.replace(
        'url: "https://example.org/a"}', 'url: "https://example.org/a", note: "undated page"}', 1
    )
    assert reach_case(tmp_path / "s", said.replace('"2024-06-20"', '"2024-05-01"', 1)).rows == []


def test_reach_schema_errors_stop_loading_with_file_line_and_column(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "m")
    (folder / "reach.yaml").write_text(
        MINI_REACH.replace('date: "2023-12"', 'date: "2023-14"'), encoding="utf-8"
    )
    with pytest.raises(DataError) as exc:
        load(folder)
    assert str(exc.value).endswith(
        "reach.yaml:14:11: snapshot of a field 'date': '2023-14' is not a date in the calendar "
        "[bad-date]"
    )


# engine


def test_latest_counts_and_timeline(mini_corpus: Corpus) -> None:
    result = api.reach(mini_corpus, "a")
    (a,) = result.instruments
    assert [s.date for s in a.timeline] == ["2023-12", "2024-06-20"]
    assert a.latest is not None and (a.latest.parties, a.latest.signatories, a.latest.invited) == (
        2,
        1,
        None,
    )
    assert [r.instrument.id for r in api.reach(mini_corpus).instruments] == ["a", "c"]
    assert [r.instrument.id for r in api.reach(mini_corpus, "grp", "c").instruments] == [
        "a",
        "b",
        "c",
    ]


def test_states_bound_by_both_either_or_one_only(mini_corpus: Corpus) -> None:
    answer = api.reach_states(mini_corpus, "a", "c")
    assert answer.computed
    assert [s.alpha3 for s in answer.in_all()] == ["TUR"]
    assert sorted(s.alpha3 for s in answer.in_any()) == ["JPN", "KOR", "TUR"]
    assert [s.alpha3 for s in answer.only_in(0)] == ["JPN"]
    assert [s.alpha3 for s in answer.only_in(1)] == ["KOR"]  # a signatory of a, a Party of c


def test_states_are_not_computed_from_a_partial_list(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "m")
    (folder / "reach.yaml").write_text(PARTIAL, encoding="utf-8")
    answer = api.reach_states(load(folder), "a", "c")
    assert not answer.computed and answer.bound == ()
    assert [str(g) for g in answer.gaps] == [
        "c: its latest list (2024-07-01) is partial: 2 of 5 States named; 2 of 2 Parties"
    ]
    missing = api.reach_states(load(folder), "a", "b")
    assert [str(g) for g in missing.gaps] == ["b: no source in the data lists its States"]


def test_an_unknown_state_in_a_complete_list_is_a_data_error_at_its_place(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "m")
    (folder / "reach.yaml").write_text(
        MINI_REACH.replace('{state: "Japan"', '{state: "Japon"'), encoding="utf-8"
    )
    with pytest.raises(DataError) as exc:
        api.reach_states(load(folder), "a", "c")
    assert ":11:19: " in str(exc.value) and "unknown State 'Japon'" in str(exc.value)


# formats


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.SSSOM])
def test_every_format_renders_reach_and_states(mini_corpus: Corpus, fmt: Format) -> None:
    pytest.importorskip("pptx") if fmt is Format.PPTX else None
    pytest.importorskip("openpyxl") if fmt is Format.XLSX else None
    for report in (
        reach_report(api.reach(mini_corpus)),
        states_report(api.reach_states(mini_corpus, "a", "c")),
    ):
        out = render(report, fmt, width=120, color=fmt is not Format.TABLE)
        assert out
        if fmt is Format.JSON:
            json.loads(out)


def test_reach_json_keeps_unstated_counts_null_and_every_source(mini_corpus: Corpus) -> None:
    data = reach_report(api.reach(mini_corpus, "a")).data
    (a,) = data["instruments"]  # type: ignore[index]
    assert a["latest"]["invited"] is None and a["latest"]["parties"] == 2
    assert a["latest"]["source"] == {
        "document": "Depositary",
        "locator": "",
        "url": "https://example.org/a",
        "note": "",
    }
    assert a["latest"]["states"]["list"][0] == {
        "state": "Türkiye",
        "alpha2": "TR",
        "alpha3": "TUR",
        "name": "Türkiye",
        "status": "party",
        "signed": "2024-01-10",
        "bound": "2024-05-01",
        "how": "ratification",
    }


def test_plain_table_shows_unstated_counts_as_a_dash_and_a_bar(mini_corpus: Corpus) -> None:
    out = render(reach_report(api.reach(mini_corpus, "a")), Format.TABLE, width=120)
    assert isinstance(out, str)
    row = next(line for line in out.splitlines() if line.startswith("a ") and "2023-12" in line)
    assert row.split()[:6] == ["a", "2023-12", "1", "—", "4", "—"] and "#" in row and "...." in row


def test_states_report_lists_both_either_and_each_only(mini_corpus: Corpus) -> None:
    report = states_report(api.reach_states(mini_corpus, "a", "c"))
    assert [s.title for s in report.view.sections] == [
        "Bound by both (1)",
        "Bound by either (3)",
        "Bound by a only (1)",
        "Bound by c only (1)",
        "Lists used",
    ]
    assert report.view.sections[0].rows == (("Türkiye", "TUR", "2024-05-01", "bound"),)
    assert report.data["only_c"] == [
        {
            "name": "Korea, Republic of",
            "alpha2": "KR",
            "alpha3": "KOR",  # type: ignore[index]
            "bound": {"a": None, "c": "2024-06"},
        }
    ]


def test_pptx_has_a_reach_slide_with_big_counts_date_and_source(mini_corpus: Corpus) -> None:
    pptx = pytest.importorskip("pptx")
    deck = pptx.Presentation(
        io.BytesIO(render(reach_report(api.reach(mini_corpus, "a")), Format.PPTX))
    )
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in deck.slides]
    assert texts[1] == [
        "A: reach",
        "Status 2024-06-20",
        "2",
        "Parties",
        "1",
        "Signatories",
        "Source: Depositary (https://example.org/a)",
    ]
    big = next(s for s in deck.slides[1].shapes if s.has_text_frame and s.text_frame.text == "2")
    assert big.text_frame.paragraphs[0].runs[0].font.size.pt >= 60


def test_report_has_a_who_is_bound_section(mini_corpus: Corpus) -> None:
    from treatycmp.output.render.report import build_report

    html = build_report(api.report_data(mini_corpus))
    assert (
        '<a href="#reach">Who is bound</a>' in html
        and '<section id="reach"><h2>Who is bound</h2>' in html
    )
    assert '<div class="bar" role="img" aria-label="parties 2, signatories 1">' in html


# command line


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env or {})


def test_cli_reach_states_computes_from_complete_lists(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "m")
    (folder / "reach.yaml").write_text(MINI_REACH, encoding="utf-8")
    result = run("--data", str(folder), "reach", "a", "c", "--states", "--format", "csv")
    assert result.exit_code == 0
    assert "Bound by both (1),Türkiye,TUR,2024-05-01,bound" in result.stdout


def test_cli_reach_states_refuses_a_partial_list_with_exit_1(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "m")
    (folder / "reach.yaml").write_text(PARTIAL, encoding="utf-8")
    result = run("--data", str(folder), "reach", "a", "c", "--states")
    assert result.exit_code == 1
    assert "computed: nothing" in result.stdout and "Bound by" not in result.stdout
    assert (
        "cannot compare the States: c: its latest list (2024-07-01) is partial: 2 of 5 States named"
        in result.stderr
    )


def test_cli_unknown_instrument_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--data", str(REAL_DATA), "reach", "budapset")
    assert result.exit_code == 2 and "did you mean 'budapest'" in result.stderr


def test_a_data_folder_adds_its_own_reach_yaml_over_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "reach.yaml").write_text(
        'snapshots:\n  - {instrument: p1, date: "2030-01-01", parties: 99, source: {document: '
        '"Mine", locator: "p. 1"}}\n',
        encoding="utf-8",
    )
    result = run(
        "--data",
        str(folder),
        "reach",
        "p1",
        "budapest",
        "--format",
        "json",
        env={"TREATYCMP_NO_SHIPPED": "0"},
    )
    assert result.exit_code == 0, result.stderr
    p1, budapest = json.loads(result.stdout)["instruments"]
    assert p1["latest"]["parties"] == 99 and p1["latest"]["source"]["document"] == "Mine"
    assert budapest["latest"]["parties"] == 78


# the real data


def test_real_latest_counts_are_those_the_sources_state(corpus: Corpus) -> None:
    latest = {r.instrument.id: r.latest for r in api.reach(corpus).instruments}
    counts = {
        i: (s.date, s.lower_bound, s.parties, s.signatories, s.invited, s.observers)
        for i, s in latest.items()
        if s
    }
    assert counts == {
        "budapest": (
            "2025-02",
            False,
            78,
            2,
            15,
            17,
        ),  # seed slides 2-3: 'By February 2025: 78 Parties and 17 Observer States'
        "p1": (
            "2024-06-20",
            False,
            36,
            None,
            None,
            None,
        ),  # Council of Europe news, 20 June 2024: 'now has 36 Parties'
        "p2": (
            "2025-11-14",
            True,
            2,
            50,
            None,
            None,
        ),  # Dutch treaty database 013833: 52 States, Japan and Serbia ratified
        "un": (
            "2025-10-25",
            True,
            None,
            72,
            None,
            None,
        ),  # UN depositary, MTDSG XVIII-16: 'Signatories 72'
    }
    assert all(s.source.document and (s.source.locator or s.source.url) for s in corpus.reach)


def test_real_complete_list_agrees_with_the_council_of_europes_counts(corpus: Corpus) -> None:
    (p2,) = api.reach(corpus, "p2").instruments
    complete = next(s for s in p2.timeline if s.states and s.states.complete)
    for snap in (
        s
        for s in p2.timeline
        if s.parties is not None and s.signatories is not None and s.date[:4] < "2025"
    ):
        day = snap.date if len(snap.date) == 10 else snap.date + "-31"
        signed = sum(1 for e in complete.states.entries if e.signed and e.signed <= day)  # type: ignore[union-attr]
        bound = sum(1 for e in complete.states.entries if e.bound and e.bound <= day)  # type: ignore[union-attr]
        assert (bound, signed - bound) == (snap.parties, snap.signatories), snap.date


def test_real_states_of_budapest_and_un_are_not_computed(corpus: Corpus) -> None:
    answer = api.reach_states(corpus, "budapest", "un")
    assert not answer.computed
    assert [str(g) for g in answer.gaps] == [
        "budapest: its latest list (2024-12-12) is partial: 1 of 79 States named; 1 of 77 Parties",
        "un: its latest list (2025-11-19 or later) is partial: 65 States named, of a total the "
        "source does not state",
    ]


def test_real_reach_data_passes_its_rules(corpus: Corpus) -> None:
    from treatycmp.checks import reach

    assert list(reach.check(corpus)) == []


def test_the_package_names_reach_and_reach_states_the_api_functions_in_a_fresh_interpreter() -> (
    None
):
    import pkgutil
    import subprocess
    import sys

    import treatycmp

    code = (
        "import treatycmp as tc; c = tc.load(); print(tc.reach(c, "
        "'budapest').instruments[0].latest.parties, "
        "tc.reach_states(c, 'budapest', 'un').computed)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "TREATYCMP_NO_SHIPPED": "0"},
    )
    assert done.stdout.split() == ["78", "False"], done.stderr
    for module in pkgutil.walk_packages(treatycmp.__path__, "treatycmp."):
        if not module.name.endswith("__main__"):
            __import__(module.name)
    assert callable(treatycmp.reach) and callable(treatycmp.reach_states)
