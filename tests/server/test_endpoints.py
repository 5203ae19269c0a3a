"""/api/check (mtqa's JSON), /v2/check's LanguageTool shape, /v2/languages, /healthz, /."""

from __future__ import annotations

import json

import requests

from mtqa.model import Document

from mtqa.report import DocumentResult
from mtqa.reporters import languagetool
from mtqa.reporters.languagetool import LANGUAGES
from mtqa.server.ltapi import CheckRequest, parse_annotated_data


def test_api_check_returns_the_native_report(server_url, seed_text):
    response = requests.post(f"{server_url}/api/check", json={"text": seed_text, "source_lang": "he"}, timeout=60)
    assert response.status_code == 200
    report = response.json()
    assert report["schema_version"] and report["tool"]["name"] == "mtqa"
    (doc,) = report["documents"]
    assert doc["words"] > 1000
    assert report["provenance"]["source_lang"] is None or isinstance(report["provenance"]["source_lang"], str)
    for finding in doc["findings"]:
        assert seed_text[finding["start"]:finding["end"]] == finding["text"]
    assert report["summary"]


def test_api_check_aligns_a_line_aligned_source(server_url):
    text = "The minister said it.\nShe will come tomorrow."
    source = "השר אמר את זה.\nהיא תבוא מחר."
    response = requests.post(f"{server_url}/api/check", json={"text": text, "source": source, "source_lang": "he"},
                             timeout=60)
    assert response.status_code == 200
    for finding in response.json()["documents"][0]["findings"]:
        assert finding["segment"] in ("1", "2")


def test_api_check_accepts_form_fields(server_url):
    response = requests.post(f"{server_url}/api/check", data={"text": "A short text."}, timeout=60)
    assert response.status_code == 200 and response.json()["documents"][0]["words"] == 3


def test_lt_shape_of_v2_check(server_url, seed_text):
    body = requests.post(f"{server_url}/v2/check", data={"text": seed_text, "language": "auto"}, timeout=60).json()
    assert body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US"
    assert body["sentenceRanges"] and all(a < b for a, b in body["sentenceRanges"])
    for match in body["matches"]:
        assert set(match) >= {"message", "replacements", "offset", "length", "context", "sentence", "type", "rule"}
        assert set(match["rule"]) >= {"id", "description", "issueType", "category"}
        assert set(match["rule"]["category"]) == {"id", "name"}
        ctx = match["context"]
        assert ctx["text"][ctx["offset"]:ctx["offset"] + ctx["length"]] == \
            seed_text[match["offset"]:match["offset"] + match["length"]].replace("\n", " ")
        assert seed_text[match["offset"]:match["offset"] + match["length"]] in match["sentence"] or "\n" in \
            seed_text[match["offset"]:match["offset"] + match["length"]]


def test_languages_and_health(server_url):
    languages = requests.get(f"{server_url}/v2/languages", timeout=10).json()
    assert {"en-US", "en-GB"} <= {lang["longCode"] for lang in languages}
    assert requests.get(f"{server_url}/v2/healthcheck", timeout=10).text == "OK"
    health = requests.get(f"{server_url}/healthz", timeout=10).json()
    assert health["status"] == "ok" and "grammar" not in health["checkers"]


def test_review_page_is_self_contained(server_url):
    response = requests.get(f"{server_url}/", timeout=10)
    assert response.status_code == 200
    html = response.text
    assert "<script>" in html and "/*JS*/" not in html and "/*CSS*/" not in html
    assert "src=" not in html and "<link" not in html  # no external resources
    assert "connect-src 'self'" in response.headers["content-security-policy"]


def _result(document: Document, findings) -> DocumentResult:
    return DocumentResult(path="p", id="p", words=1, findings=list(findings), penalty=0, score=100,
                          mqm_per_1000_words=0)


def test_offsets_are_converted_to_utf16_units():
    text = "😀 Hello 🌍 wrold and more."
    document = Document(id="t", path="t", text=text)
    start = text.index("wrold")
    finding = document.finding(rule="X-1", checker="fluency", category="fluency/spelling", severity="minor",
                               message="typo", start=start, end=start + 5, suggestions=("world",))
    match, = languagetool.render(document, _result(document, [finding]), LANGUAGES[1], {}, ["fluency"])["matches"]
    encoded = text.encode("utf-16-le")
    assert match["offset"] == start + 2  # two astral characters before it
    assert encoded[2 * match["offset"]:2 * (match["offset"] + match["length"])].decode("utf-16-le") == "wrold"
    assert match["rule"]["category"]["id"] == "TYPOS" and match["rule"]["issueType"] == "misspelling"
    assert match["replacements"] == [{"value": "world"}]
    context = match["context"]["text"].encode("utf-16-le")  # context offsets are UTF-16 too
    offset = match["context"]["offset"]
    assert context[2 * offset:2 * (offset + match["context"]["length"])].decode("utf-16-le") == "wrold"


def test_annotated_data_keeps_original_offsets_and_masks_markup():
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": "Hello world."}, {"markup": "</p>"}]})
    text, masked, breaks = parse_annotated_data(data)
    assert text == "<p>Hello world.</p>"
    assert masked == ((0, 3), (15, 19)) and breaks == ()
    document = CheckRequest(text=text, language=LANGUAGES[0], masked=masked).document()
    assert document.analysis_text == "   Hello world.    "


ARTICLE = ["The minister spoke.", "By Editor", "Read also: Talks resume"]


def _lt_findings(server_url, **fields):
    body = requests.post(f"{server_url}/v2/check", data={"language": "en-US", **fields}, timeout=60).json()
    return [(m["rule"]["id"], m["offset"], m["length"]) for m in body["matches"]], body["sentenceRanges"]


def test_annotated_markup_is_read_as_its_interpret_as_line_breaks(server_url):
    """Editors send paragraph tags without a newline (`</p><p>`) and say what they stand
    for in interpretAs, as LanguageTool's add-ons do: the paragraphs are checked as the
    same article sent as plain text is, offsets still into the string as sent."""
    plain, plain_sentences = _lt_findings(server_url, text="\n\n".join(ARTICLE))
    assert [rule for rule, _, _ in plain] == ["MTQA-WEB-001", "MTQA-WEB-007"] and len(plain_sentences) == 3
    annotation = [{"markup": "<p>"}, {"text": ARTICLE[0]}, {"markup": "</p><p>", "interpretAs": "\n\n"},
                  {"text": ARTICLE[1]}, {"markup": "</p><p>", "interpretAs": "\n\n"}, {"text": ARTICLE[2]},
                  {"markup": "</p>"}]
    sent = "".join(part.get("text", part.get("markup")) for part in annotation)
    found, sentences = _lt_findings(server_url, data=json.dumps({"annotation": annotation}))
    assert [rule for rule, _, _ in found] == [rule for rule, _, _ in plain]
    assert [sent[offset:offset + length] for _, offset, length in found] == \
        ["\n\n".join(ARTICLE)[offset:offset + length] for _, offset, length in plain]
    assert [sent[a:b] for a, b in sentences] == ARTICLE


def test_interpret_as_marks_at_most_the_markup_s_own_characters():
    data = json.dumps({"annotation": [{"text": "One."}, {"markup": "<br>", "interpretAs": "\r\n"},
                                      {"text": "Two."}, {"markup": "|", "interpretAs": "\n\n\n"},
                                      {"markup": "&amp;", "interpretAs": "&"}]})
    text, masked, breaks = parse_annotated_data(data)
    assert breaks == (7, 12)
    document = CheckRequest(text=text, language=LANGUAGES[0], masked=masked, line_breaks=breaks).document()
    assert document.text == text == "One.<br>Two.|&amp;"
    assert document.analysis_text == "One.   \nTwo.\n     "
    assert document.line_index.line_col(8) == (2, 1)
