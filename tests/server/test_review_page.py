"""The review page in headless Chromium: load the seed article, see the highlights, accept
one suggestion, check the text changed accordingly; the screenshot goes to docs/images/.

Chromium is the system one (never a downloaded browser), driven by Playwright. Set
MTQA_UPDATE_SCREENSHOTS=1 to rewrite docs/images/serve-review.png.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
import requests

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("MTQA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM:
        pytest.skip("Chromium not installed (Debian: apt-get install -y chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (test extra)")
    profile = tempfile.mkdtemp(prefix="mtqa-chromium-")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1360, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        try:
            yield context.new_page()
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


def test_review_page_highlights_and_accepts_a_suggestion(page, server_url, seed_article, seed_text, repo_root,
                                                         tmp_path):
    expected = requests.post(f"{server_url}/api/check", json={"text": seed_text}, timeout=60).json()
    findings = expected["documents"][0]["findings"]
    assert findings, "the seed article should get findings"

    page.goto(server_url + "/")
    # Load the article through the page's own file picker, as an editor would.
    page.set_input_files("#article-file", str(seed_article))
    page.wait_for_function("() => document.getElementById('article').value.length > 1000")
    assert page.input_value("#article") == seed_text.replace("\r\n", "\n")
    page.click("#check")
    page.wait_for_selector("#findings li.finding")

    items = page.locator("#findings li.finding")
    assert items.count() == len(findings)
    assert page.locator("#findings li.finding").evaluate_all("els => els.map(e => e.dataset.rule)") == \
        [f["rule"] for f in findings]
    # Every finding is highlighted: each one's id appears on some <mark>.
    marked = page.locator("#view mark").evaluate_all(
        "els => [...new Set(els.flatMap(e => e.dataset.ids.split(',').map(Number)))]")
    assert sorted(marked) == list(range(len(findings)))
    # The view shows the article text unchanged.
    assert page.locator("#view").text_content() == seed_text

    # Screenshot of the results, first finding selected; MTQA_UPDATE_SCREENSHOTS=1 refreshes the docs copy.
    page.locator("#view mark").first.click()
    folder = repo_root / "docs" / "images" if os.environ.get("MTQA_UPDATE_SCREENSHOTS") else tmp_path
    shot = folder / "serve-review.png"
    page.locator("#results").screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    # Accept the first suggestion of the first finding that has one.
    index = next(i for i, f in enumerate(findings) if f["suggestions"])
    target = findings[index]
    page.locator(f"#finding-{index} button.accept").first.click()
    corrected = seed_text[:target["start"]] + target["suggestions"][0] + seed_text[target["end"]:]
    assert page.input_value("#article") == corrected
    assert page.locator("#view").text_content() == corrected
    assert "Accepted 1 suggestion" in page.text_content("#status")
    assert page.locator("#findings li.finding").count() < len(findings)

    # Copy the corrected text to the clipboard.
    page.click("#copy")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('copied')")
    assert page.evaluate("navigator.clipboard.readText()") == corrected


def test_review_page_keeps_the_users_own_edits(page, server_url):
    """Text typed after a check is never overwritten by an accepted suggestion, and Copy
    copies what the box shows."""
    page.goto(server_url + "/")
    checked = "He said the the thing. Russia said she would come."
    page.fill("#article", checked)
    page.click("#check")
    page.wait_for_selector("#findings li.finding button.accept")
    edited = checked + " I also fixed this sentence by hand."
    page.fill("#article", edited)
    page.locator("#findings li.finding button.accept").first.click()
    assert page.input_value("#article") == edited
    assert "changed since the check" in page.text_content("#status")
    assert page.get_attribute("#status", "class") == "error"

    # Checked again, the suggestion applies to the text as it now is.
    page.click("#check")
    page.wait_for_function("() => !document.getElementById('status').textContent.includes('changed')")
    page.wait_for_selector("#findings li.finding button.accept")
    page.locator("#findings li.finding button.accept").first.click()
    assert page.input_value("#article") == edited.replace("the the", "the", 1)

    page.fill("#article", "My own final text.")
    page.click("#copy")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('copied')")
    assert page.evaluate("navigator.clipboard.readText()") == "My own final text."


def _check_file(page, server_url, path) -> list[str]:
    page.goto(server_url + "/")
    page.set_input_files("#article-file", str(path))
    page.wait_for_function("() => document.getElementById('article').value.length > 0")
    page.click("#check")
    page.wait_for_function("() => /finding|Error/.test(document.getElementById('status').textContent)")
    return page.locator("#findings li.finding").evaluate_all("els => els.map(e => e.dataset.rule)")


def test_review_page_reads_a_loaded_markdown_file_as_markdown(page, server_url, tmp_path):
    """The file's name goes with the text: front matter and code are not prose, and the
    front matter's source language selects its rule pack, as in `mtqa check fm.md`."""
    article = tmp_path / "fm.md"
    article.write_text("---\nsource_lang: he\ntitle: Talks on Kraschatyk\nauthor: By Editor\n---\n\n"
                       "The parties have not yet came down from the tree.\n\n```\nBy Editor\n```\n", encoding="utf-8")
    expected = requests.post(f"{server_url}/api/check", timeout=60,
                             json={"text": article.read_text(encoding="utf-8"), "filename": "fm.md"}).json()
    rules = [f["rule"] for f in expected["documents"][0]["findings"]]
    assert "MTQA-HE-012" in rules and "MTQA-WEB-001" not in rules and "MTQA-CONS-004" not in rules
    assert _check_file(page, server_url, article) == rules
    assert page.text_content("#article-name") == "read as fm.md"
    # Text pasted into an emptied box is not that file any more.
    page.fill("#article", "")
    page.locator("#article").press_sequentially("x")
    assert page.text_content("#article-name") == ""
    # The picker offers the formats the server can read from text (HTML would be checked
    # tag by tag); a .html chosen anyway is refused with the server's reason.
    accept = page.get_attribute("#article-file", "accept")
    assert ".md" in accept and ".html" not in accept and ".htm" not in accept
    html = tmp_path / "a.html"
    html.write_text("<html><body><article><p>The minister said the the talks would continue.</p>"
                    "</article></body></html>\n", encoding="utf-8")
    assert _check_file(page, server_url, html) == []
    status = page.text_content("#status")
    assert status.startswith("Error 400") and ".html" in status
