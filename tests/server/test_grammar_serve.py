"""Acceptance with grammar: the real language-tool-python client, pointed at `mtqa serve`
whose grammar checker uses the real LanguageTool server, gets every mtqa finding —
LanguageTool's grammar matches included — with correct offsets."""

from __future__ import annotations

import language_tool_python
import pytest
import requests

from mtqa.server import ServerConfig
from tests.server.conftest import live_server

pytestmark = pytest.mark.languagetool


def test_client_gets_grammar_and_mtqa_findings_through_serve(grammar_settings, seed_text):
    settings = grammar_settings()
    config = ServerConfig.from_settings(settings.server)
    with live_server(settings, config) as url:
        health = requests.get(f"{url}/healthz", timeout=10).json()
        assert "grammar" in health["checkers"]
        text = "\U0001F4F0 " + seed_text + "\n\nHe go to the office yesterday and and said it were fine."
        findings = requests.post(f"{url}/api/check", json={"text": text}, timeout=300).json()
        findings = findings["documents"][0]["findings"]
        checkers = {f["checker"] for f in findings}
        assert "grammar" in checkers and len(checkers) > 1, checkers

        tool = language_tool_python.LanguageTool("en-US", remote_server=url + "/")
        try:
            matches = tool.check(text)
        finally:
            tool.close()
        got = sorted((m.offset, m.rule_id) for m in matches)
        assert got == sorted((f["start"], f["rule"]) for f in findings)
        by_key = {(f["start"], f["rule"]): f for f in findings}
        for m in matches:
            finding = by_key[(m.offset, m.rule_id)]
            # Offsets were UTF-16 on the wire (the emoji counts 2); the client converted back.
            assert text[m.offset:m.offset + m.error_length] == finding["text"]
            assert m.replacements == finding["suggestions"]
        # LanguageTool rule ids switch off the grammar rules they name, with or without "LT-".
        grammar_rule = next(f["rule"] for f in findings if f["checker"] == "grammar")
        raw = requests.post(f"{url}/v2/check", timeout=300, data={
            "text": text, "language": "en-US", "disabledRules": grammar_rule.removeprefix("LT-")}).json()
        assert grammar_rule not in {m["rule"]["id"] for m in raw["matches"]}
