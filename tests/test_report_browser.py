"""The offline HTML report in a real browser: Debian's headless Chromium, driven by Playwright.

Skipped (with the reason) on a machine without Chromium or Playwright; in CI (CI=true) it must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from treatycmp.api import report_data
from treatycmp.loading import load
from treatycmp.output.render.report import build_report

CHROMIUM = (
    os.environ.get("TREATYCMP_CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need_browser():  # type: ignore[no-untyped-def]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install -e '.[test]')"
    else:
        if CHROMIUM:
            return sync_playwright
        reason = "no Chromium found (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"the browser test must run in CI: {reason}")
    pytest.skip(reason)


def test_report_filters_rows_offline_in_chromium(tmp_path: Path) -> None:
    sync_playwright = _need_browser()
    page_path = tmp_path / "comparison.html"
    page_path.write_text(build_report(report_data(load())), encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri())
        total = page.locator("[data-row]").count()
        rows = page.locator("tr[data-row]").count()
        assert rows > 200 and total > rows
        page.fill("#filter", "grooming")
        texts = page.locator("tr[data-row]:visible").all_inner_texts()
        assert 0 < len(texts) < 20
        assert all("groom" in t.lower() for t in texts)
        assert any("un:15" in t for t in texts)
        shown = page.locator("[data-row]:visible").count()
        assert page.inner_text("#count") == f"{shown} of {total} rows and articles"
        shot = Path(os.environ.get("TREATYCMP_SCREENSHOT", tmp_path / "report.png"))
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 10_000
        page.fill("#filter", "p2:6")
        assert any("p2:6" in t for t in page.locator("tr[data-row]:visible").all_inner_texts())
        page.fill("#filter", "")
        assert page.locator("[data-row]:visible").count() == total
        page.click("a[href='#art-un-16']")
        assert page.locator("#art-un-16").is_visible()
        bar_bottom = page.eval_on_selector("#filterbar", "e => e.getBoundingClientRect().bottom")
        card_top = page.eval_on_selector("#art-un-16", "e => e.getBoundingClientRect().top")
        assert card_top >= bar_bottom, "the anchor's target lies under the sticky filter bar"
        page.fill("#filter", "grooming")
        for head in page.locator("[data-count]").all():
            table = head.get_attribute("data-count")
            visible = page.locator(f"#{table} tr[data-row]:visible").count()
            assert head.locator(".n").inner_text() == str(visible)
        page.fill("#filter", "")
        page.select_option("#status", "reviewed")
        statuses = page.locator("tr[data-row][data-status]:visible").evaluate_all(
            "rs => rs.map(r => r.dataset.status)"
        )
        assert statuses and set(statuses) == {"reviewed"}
        unrated = page.locator("[data-row]:not([data-status])")
        assert (
            unrated.count() == 0 or unrated.first.is_visible()
        )  # notes and topics carry no status: kept
        page.select_option("#status", "")
        page.select_option("#basis", "official-texts")
        bases = page.locator("tr[data-row][data-basis]:visible").evaluate_all(
            "rs => rs.map(r => r.dataset.basis)"
        )
        assert bases and set(bases) == {"official-texts"}
        cards = page.locator(".card[data-basis]:visible").evaluate_all(
            "cs => cs.map(c => c.dataset.basis)"
        )
        assert cards and all("official-texts" in c.split() for c in cards)
        page.select_option("#basis", "")
        assert page.locator("[data-row]:visible").count() == total
        browser.close()
    assert all(url.startswith("file://") for url in requests)
