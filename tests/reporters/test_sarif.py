"""SARIF: valid against the OASIS schema, code-point columns, fingerprints that survive line shifts."""

from __future__ import annotations

import json

import jsonschema
import pytest

from mtqa.model import Severity
from mtqa.report import RuleInfo
from mtqa.reporters import render
from tests.reporters.conftest import build_report

EMOJI_TEXT = "Intro 😀 line.\nThe 😀😀 dictatormost on earth.\n"


def _validate(doc: dict, schema: dict) -> None:
    jsonschema.Draft4Validator(schema).validate(doc)


def _edge_report(prefix: str = "", baseline: bool = False):
    text = prefix + EMOJI_TEXT
    rules = {"MTQA-FLU-001": RuleInfo("MTQA-FLU-001", "fused-words", "fluency", "fluency/spelling",
                                      Severity.MAJOR, "Fused words", "What it flags: two words fused.",
                                      "https://example.org/rules/MTQA-FLU-001", "core")}
    report = build_report(
        [("dir with space/a.txt", text, [
            {"rule": "MTQA-FLU-001", "checker": "fluency", "category": "fluency/spelling",
             "quote": "dictatormost", "suggestions": ["most dictator", "dictator most"], "applicability": "unsafe"},
            {"rule": "MTQA-VOCAB-001", "checker": "vocabulary", "category": "terminology/inconsistent",
             "severity": "minor", "quote": "line.\nThe"},
            {"rule": "MTQA-P-001", "severity": "critical", "start": len(prefix) + 5, "end": len(prefix) + 5},
        ])],
        errors=[("broken.txt", "binary file (not text)")],
        rules=rules,
    )
    if baseline:
        report.baseline = {"path": "b.json", "entries": 1, "matched": 0, "new": 3, "gone": 1, "not_checked": 0}
    return report


def test_corpus_sarif_validates(report_from_corpus, sarif_schema):
    doc = json.loads(render(report_from_corpus, "sarif"))
    _validate(doc, sarif_schema)
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == sum(len(d.findings) for d in report_from_corpus.documents)
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(set(ids))
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize("baseline", [False, True])
def test_edge_case_sarif_validates(sarif_schema, baseline):
    _validate(json.loads(render(_edge_report(baseline=baseline), "sarif")), sarif_schema)


def test_regions_count_code_points_and_rules_come_from_metadata():
    run = json.loads(render(_edge_report(), "sarif"))["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    fused = by_rule["MTQA-FLU-001"]["locations"][0]["physicalLocation"]
    # "The 😀😀 " is 7 code points (9 UTF-16 units): the match starts in column 8.
    assert fused["region"] == {"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 20,
                               "snippet": {"text": "dictatormost"}}
    assert fused["artifactLocation"]["uri"] == "dir%20with%20space/a.txt"
    multi = by_rule["MTQA-VOCAB-001"]["locations"][0]["physicalLocation"]["region"]
    assert (multi["startLine"], multi["startColumn"], multi["endLine"], multi["endColumn"]) == (1, 9, 2, 4)
    empty = by_rule["MTQA-P-001"]["locations"][0]["physicalLocation"]["region"]
    assert empty["startColumn"] == empty["endColumn"] == 6
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["MTQA-FLU-001"]["name"] == "fused-words"
    assert rules["MTQA-FLU-001"]["helpUri"] == "https://example.org/rules/MTQA-FLU-001"
    assert rules["MTQA-FLU-001"]["defaultConfiguration"]["level"] == "warning"
    assert "fluency/spelling" in rules["MTQA-FLU-001"]["properties"]["tags"]
    # A code no checker described still gets a rule entry.
    assert rules["MTQA-VOCAB-001"]["properties"]["category"] == "terminology/inconsistent"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_suggestions_become_fixes():
    run = json.loads(render(_edge_report(), "sarif"))["runs"][0]
    fused = next(r for r in run["results"] if r["ruleId"] == "MTQA-FLU-001")
    replacements = [f["artifactChanges"][0]["replacements"][0] for f in fused["fixes"]]
    assert [r["insertedContent"]["text"] for r in replacements] == ["most dictator", "dictator most"]
    assert replacements[0]["deletedRegion"]["startColumn"] == 8
    assert replacements[0]["deletedRegion"]["endColumn"] == 20
    assert fused["fixes"][0]["properties"]["applicability"] == "unsafe"


def test_partial_fingerprints_survive_line_shifts():
    before = json.loads(render(_edge_report(), "sarif"))["runs"][0]["results"]
    after = json.loads(render(_edge_report(prefix="A new first paragraph.\n\nAnd another.\n"), "sarif"))
    after = after["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] != \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({r["partialFingerprints"]["mtqaFingerprint/v1"] for r in before}) == len(before)


def test_baseline_marks_results_new():
    run = json.loads(render(_edge_report(baseline=True), "sarif"))["runs"][0]
    assert {r["baselineState"] for r in run["results"]} == {"new"}
    assert run["properties"]["baseline"]["gone"] == 1
