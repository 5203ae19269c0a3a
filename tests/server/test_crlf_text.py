"""Text with Windows line ends (CRLF), as office add-ins and CMS back ends send it, gets the
findings the same text gets with LF ones, at offsets into the text as sent: through
`/v2/check`, `/api/check` and the Python API, as for files."""

from __future__ import annotations

import requests

import mtqa

LF = "First line here.\n\nHe said the the thing.\nBy Editor\n"
CRLF = LF.replace("\n", "\r\n")
# The doubled word and the byline (a rule anchored at the line's end), in the text as sent.
EXPECTED = {text: [("MTQA-CORE-001", text.index("the the")), ("MTQA-WEB-001", text.index("By Editor"))]
            for text in (LF, CRLF)}


def test_v2_check_finds_line_anchored_rules_in_crlf_text(server_url):
    for text in (LF, CRLF):
        response = requests.post(f"{server_url}/v2/check", data={"text": text, "language": "en-US"}, timeout=60)
        assert [(m["rule"]["id"], m["offset"]) for m in response.json()["matches"]] == EXPECTED[text]


def test_api_check_finds_line_anchored_rules_in_crlf_text(server_url):
    for text in (LF, CRLF):
        response = requests.post(f"{server_url}/api/check", json={"text": text}, timeout=60)
        findings = response.json()["documents"][0]["findings"]
        assert [(f["rule"], f["start"]) for f in findings] == EXPECTED[text]
        assert [f["line"] for f in findings] == [3, 4]


def test_api_check_aligned_with_a_crlf_source_keeps_line_anchored_findings(server_url):
    source = "Erste Zeile hier.\r\nZweite Zeile.\r\nEr sagte es.\r\nVon Redakteur\r\n"
    response = requests.post(f"{server_url}/api/check", json={"text": CRLF, "source": source}, timeout=60)
    rules = {(f["rule"], f["start"]) for f in response.json()["documents"][0]["findings"]}
    assert set(EXPECTED[CRLF]) <= rules


def test_check_text_finds_line_anchored_rules_in_crlf_text():
    for text in (LF, CRLF):
        (document,) = mtqa.check_text(text).documents
        assert [(f.rule, f.start) for f in document.findings] == EXPECTED[text]
