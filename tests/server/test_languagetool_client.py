"""The real language-tool-python client, pointed at `mtqa serve`, gets mtqa's findings."""

from __future__ import annotations

import language_tool_python
import pytest
import requests


def native_findings(url: str, text: str) -> list[dict]:
    response = requests.post(f"{url}/api/check", json={"text": text}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()["documents"][0]["findings"]


@pytest.fixture(scope="module")
def tool(server_url):
    # The client appends "v2/" to remote_server and validates the language with GET /v2/languages.
    client = language_tool_python.LanguageTool("en-US", remote_server=server_url + "/")
    yield client
    client.close()


def test_client_returns_every_mtqa_finding_with_its_offsets(tool, server_url, seed_text):
    findings = native_findings(server_url, seed_text)
    assert findings, "the seed article should get at least one mtqa finding"
    matches = tool.check(seed_text)
    assert len(matches) == len(findings)
    got = sorted((m.offset, m.offset + m.error_length, m.rule_id) for m in matches)
    want = sorted((f["start"], f["end"], f["rule"]) for f in findings)
    assert got == want
    by_key = {(f["start"], f["end"], f["rule"]): f for f in findings}
    for m in matches:
        finding = by_key[(m.offset, m.offset + m.error_length, m.rule_id)]
        assert seed_text[m.offset:m.offset + m.error_length] == finding["text"]
        assert m.replacements == finding["suggestions"]
        assert m.message  # LanguageTool clients show this
        # The context window shows the flagged text at offset_in_context.
        assert m.context[m.offset_in_context:m.offset_in_context + m.error_length] == \
            finding["text"].replace("\n", " ")


def test_offsets_are_utf16_units_after_astral_characters(tool, server_url, seed_text):
    """Emoji take two UTF-16 units: the server counts units, the client converts back."""
    text = "\U0001F600\U0001F30D Breaking \U0001F4F0\n" + seed_text
    findings = native_findings(server_url, text)
    assert findings
    matches = tool.check(text)
    got = sorted((m.offset, m.rule_id) for m in matches)
    assert got == sorted((f["start"], f["rule"]) for f in findings)
    raw = requests.post(f"{server_url}/v2/check", data={"text": text, "language": "en-US"}, timeout=60).json()
    for match, finding in zip(sorted(raw["matches"], key=lambda m: (m["offset"], m["rule"]["id"])),
                              sorted(findings, key=lambda f: (f["start"], f["rule"]))):
        # Three astral characters precede every finding: three extra UTF-16 units.
        assert match["offset"] == finding["start"] + 3
        assert match["length"] == len(finding["text"].encode("utf-16-le")) // 2


def test_disabled_rules_and_enabled_only_are_honoured(tool, server_url, seed_text):
    findings = native_findings(server_url, seed_text)
    assert findings
    rule = findings[0]["rule"]
    tool.disabled_rules = {rule}
    try:
        assert rule not in {m.rule_id for m in tool.check(seed_text)}
    finally:
        tool.disabled_rules = set()
    tool.enabled_rules = {rule}
    tool.enabled_rules_only = True
    try:
        assert {m.rule_id for m in tool.check(seed_text)} == {rule}
    finally:
        tool.enabled_rules = set()
        tool.enabled_rules_only = False


@pytest.mark.parametrize("suffix", ["/v2", "/v2/", "/"])
def test_check_accepts_the_server_url_as_the_api_url_ending_in_v2(server_url, tmp_path, suffix):
    """`--languagetool-url …/v2` (the form LanguageTool's browser extension takes) reaches
    the same server as the bare URL, instead of sending every check to …/v2/v2/check."""
    from tests.conftest import run_mtqa

    article = tmp_path / "a.txt"
    article.write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", str(article), "--languagetool-url", server_url + suffix, "--select", "grammar")
    assert result.returncode == 0, result.stderr
    assert "LT-MTQA-CORE-001" in result.stdout and result.stderr == ""
