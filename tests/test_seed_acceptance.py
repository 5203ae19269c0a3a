"""The founding article, every checker on (grammar on a real LanguageTool server).

Every `must` item of the seed list is covered by a finding, no `not` item is, and the
findings stay exact; `should` items are counted so a regression in them shows up too.
"""

from __future__ import annotations

import pytest

from mtqa.model import Document
from mtqa.pipeline import Pipeline
from tests.conftest import overlaps

pytestmark = pytest.mark.languagetool


@pytest.fixture(scope="module")
def seed_findings(seed_article, languagetool_server):
    from mtqa.config import load_settings

    settings = load_settings(None, {"checkers.grammar.url": languagetool_server, "source_lang": "he"})
    text = seed_article.read_text(encoding="utf-8")
    document = Document(id="seed", path=str(seed_article), text=text, source_lang="he")
    with Pipeline(settings) as pipeline:
        assert "grammar" in [c.name for c in pipeline.checkers]
        result = pipeline.check_document(document)
    return text, result.findings


def _covering(findings, item):
    return [f.rule for f in findings if overlaps(f.start, f.end, item["start"], item["end"])]


def test_every_must_item_is_flagged(seed_findings, seed_expected):
    text, findings = seed_findings
    missed = [item["quote"] for item in seed_expected if item["level"] == "must" and not _covering(findings, item)]
    assert missed == []


def test_no_not_item_is_flagged(seed_findings, seed_expected):
    text, findings = seed_findings
    wrong = {item["quote"]: _covering(findings, item) for item in seed_expected if item["level"] == "not"}
    assert all(not rules for rules in wrong.values()), wrong


def test_most_should_items_are_flagged_and_findings_are_exact(seed_findings, seed_expected):
    text, findings = seed_findings
    should = [item for item in seed_expected if item["level"] == "should"]
    caught = [item for item in should if _covering(findings, item)]
    assert len(caught) >= len(should) // 2, [i["quote"] for i in should if i not in caught]
    assert any(f.checker == "grammar" for f in findings)
    for f in findings:
        assert text[f.start:f.end] == f.text
