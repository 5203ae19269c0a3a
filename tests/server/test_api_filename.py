"""/api/check's optional "filename": the text is that file (Markdown by its extension)."""

from __future__ import annotations

import requests

ARTICLE = ("---\nsource_lang: he\ntitle: Talks on Kraschatyk\n---\n\n"
           "The parties have not yet came down from the tree.\n\n```\nBy Editor\n```\n")


def _check(server_url, **fields):
    return requests.post(f"{server_url}/api/check", json={"text": ARTICLE, **fields}, timeout=60)


def test_a_markdown_filename_reads_front_matter_and_masks_code(server_url):
    response = _check(server_url, filename="news/talks.md")
    assert response.status_code == 200, response.text
    (document,) = response.json()["documents"]
    assert document["path"] == "news/talks.md"
    assert [(f["rule"], f["line"]) for f in document["findings"]] == [("MTQA-HE-012", 6)]


def test_without_a_filename_the_text_is_plain_text(server_url):
    (document,) = _check(server_url).json()["documents"]
    assert document["path"] == "<request>"
    assert sorted(f["rule"] for f in document["findings"]) == ["MTQA-CONS-004", "MTQA-WEB-001"]


def test_the_request_source_lang_wins_and_form_fields_work(server_url):
    response = requests.post(f"{server_url}/api/check", timeout=60, data={
        "text": ARTICLE.replace("source_lang: he", "source_lang: ru"), "filename": "a.md", "source_lang": "he"})
    assert [f["rule"] for f in response.json()["documents"][0]["findings"]] == ["MTQA-HE-012"]


def test_a_bad_filename_or_front_matter_is_a_bad_request(server_url):
    for fields, message in (({"filename": "page.html"}, "'filename': page.html: only plain text and Markdown"),
                            ({"filename": 3}, "'filename' must be a file name"),
                            ({"filename": "a.md", "text": "---\nsource_lang: xx\n---\nText.\n"},
                             "'filename': a.md: front matter line 2: source_lang: unknown language 'xx'"),
                            ({"filename": "a.md", "text": "---\na: &a [x, x]\nb: [*a, *a]\n---\nText.\n"},
                             "'filename': a.md: front matter line 3: YAML aliases (*a) are not accepted")):
        response = requests.post(f"{server_url}/api/check", json={"text": ARTICLE, **fields}, timeout=60)
        assert response.status_code == 400
        assert response.json()["error"]["message"].startswith(message)


def test_an_unknown_field_is_named_and_filename_listed_among_the_expected(server_url):
    for body in ({"text": "Text.", "file_name": "a.md"}, {"text": "Text.", "filename": "a.md", "nope": 1}):
        response = requests.post(f"{server_url}/api/check", json=body, timeout=60)
        assert response.status_code == 400
        assert response.json()["error"]["message"] == (
            f"unknown field(s) {next(k for k in body if k not in ('text', 'filename'))}; "
            "expected text, source, source_lang, reference, filename")
