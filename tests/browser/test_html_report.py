"""The HTML report of the seed article in a real headless Chromium: highlights, tooltips, filters.

Needs Debian's `chromium` (or $MTQA_CHROMIUM) and the `playwright` package; the browser
is never downloaded. Skips with the reason when either is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile

import pytest

pytestmark = pytest.mark.browser


def _screenshot_module(repo_root):
    spec = importlib.util.spec_from_file_location("screenshot_report", repo_root / "scripts" / "screenshot_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def browser_page(repo_root):
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    tools = _screenshot_module(repo_root)
    executable = tools.find_chromium()
    if executable is None:
        pytest.skip("headless Chromium not found: install Debian's `chromium` package or set MTQA_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mtqa-chromium-") as profile, sync_playwright() as p:
        context = tools.open_browser(p, executable, profile)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def seed_report(seed_article, tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for fmt, name in (("html", "report.html"), ("json", "report.json")):
        result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", str(seed_article),
                                 "--format", fmt, "-o", str(out / name)], capture_output=True, text=True, env=env)
        assert result.returncode in (0, 1), result.stderr
    findings = json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"][0]["findings"]
    assert findings, "the seed article has known artifacts; a report without findings tests nothing"
    return out / "report.html", findings


def test_seed_report_highlights_tooltips_and_filters(browser_page, seed_report):
    html_path, findings = seed_report
    page = browser_page.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    page.goto(html_path.as_uri())

    # Every finding's highlight is in the DOM and covers exactly the flagged text.
    texts = page.evaluate("""(count) => {
        const out = [];
        for (let i = 0; i < count; i++) {
            const marks = Array.from(document.querySelectorAll('mark.hl')).filter(
                m => m.dataset.f.split(' ').includes('d0f' + i));
            out.push(marks.length ? marks.map(m => m.firstChild.nodeType === 3 ? m.firstChild.data : '').join('')
                                  : null);
        }
        return out;
    }""", len(findings))
    assert texts == [f["text"] for f in findings]

    # Keyboard: the first highlight is a tab stop and shows its tooltip on focus.
    first = page.locator("mark.hl[data-anchor]").first
    tip = first.locator(".tip")
    assert not tip.is_visible()
    page.keyboard.press("Tab")  # the skip link
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hl[data-anchor]')"):
            break
    assert page.evaluate("document.activeElement.matches('mark.hl[data-anchor]')")
    assert page.locator("mark.hl:focus .tip").is_visible()

    # Filters: turning a severity off hides its rows and un-highlights pieces only it covered.
    severity = findings[0]["severity"]
    hidden = sum(1 for f in findings if f["severity"] == severity)
    shown = page.locator("#shown")
    assert shown.inner_text() == f"{len(findings)} of {len(findings)} findings shown"
    page.locator(f'#filters input[data-group="severity"][value="{severity}"]').click()
    assert shown.inner_text() == f"{len(findings) - hidden} of {len(findings)} findings shown"
    assert page.locator(f'tr[data-finding][data-severity="{severity}"]').evaluate_all(
        "rows => rows.every(r => r.hidden)")
    only_that = page.evaluate("""(sev) => Array.from(document.querySelectorAll('mark.hl')).filter(m =>
        m.dataset.f.split(' ').every(
            id => document.querySelector('tr[data-finding="' + id + '"]').dataset.severity === sev))
        .map(m => m.classList.contains('off'))""", severity)
    assert only_that and all(only_that)
    page.locator(f'#filters input[data-group="severity"][value="{severity}"]').press("Space")  # keyboard toggles back
    assert shown.inner_text() == f"{len(findings)} of {len(findings)} findings shown"

    assert problems == []
    assert requests == [html_path.as_uri()]  # self-contained: nothing else is fetched
    page.close()


def test_screenshot_script_writes_a_png(browser_page, repo_root, seed_report, tmp_path):
    html_path, _ = seed_report
    out = tmp_path / "report.png"
    result = subprocess.run([sys.executable, str(repo_root / "scripts" / "screenshot_report.py"), str(html_path),
                             str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
