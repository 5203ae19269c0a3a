"""SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, IDE viewers).

Rules are described from the rule metadata of the run, one entry per code the results
use (for a code no checker described, a LanguageTool rule's generic entry or a minimal one). Regions count columns in Unicode code points,
as the run declares with ``columnKind``; ``partialFingerprints`` are the baseline
fingerprints (rule, text, context) so a finding keeps its identity when lines shift.
Suggestions become ``fixes``. Where the document text is not the file's (HTML, JSON
Lines, TSV, XLIFF, TMX: see ``regions.file_place``) the region is where the reader found
the segment: its line, and the column and end only where the segment's characters are
the file's (a TSV cell, a JSON string without escapes, XML character data alone on its
line); HTML has no region. Such a result's message names the segment, and its
suggestions stay in its properties (the file would need escaping that a fix cannot say).
"""

from __future__ import annotations

import json

from mtqa.baseline import fingerprint
from mtqa.model import Finding
from mtqa.report import Report, RuleInfo
from mtqa.reporters.regions import (SARIF_LEVELS, Place, file_lines, file_place, file_uri, printable, rule_info,
                                    segment_note)
from mtqa.summary import summarize

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "mtqaFingerprint/v1"


def _rule_descriptor(info: RuleInfo) -> dict:
    rule: dict = {
        "id": info.code,
        "name": info.name or info.code,
        "shortDescription": {"text": info.title or info.code},
        "defaultConfiguration": {"level": SARIF_LEVELS[info.severity]},
        "properties": {"tags": [info.category, info.checker] + ([info.pack] if info.pack else []),
                       "category": info.category, "checker": info.checker},
    }
    help_text = info.description or info.title or info.code
    rule["fullDescription"] = {"text": help_text}
    rule["help"] = {"text": help_text + (f"\n\nSee {info.link}" if info.link else "")}
    if info.link:
        rule["helpUri"] = info.link
    return rule


def _region(place: Place) -> dict:
    region = {"startLine": place.line}
    if place.column is not None:
        region["startColumn"] = place.column
    if place.end_line is not None:
        region.update(endLine=place.end_line, endColumn=place.end_column)
    return region


def _fixes(finding: Finding, place: Place, uri: str) -> list[dict]:
    deleted = _region(place)
    return [
        {
            "description": {"text": f"Replace {finding.text!r} with {suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": suggestion}}],
            }],
            "properties": {"applicability": finding.applicability.value},
        }
        for suggestion in finding.suggestions
    ]


def report_to_sarif(report: Report) -> dict:
    # Like ruff, describe the rules the results use (a run may load hundreds).
    infos: dict[str, RuleInfo] = {}
    for _, f in report.iter_findings():  # a code no checker described gets a generic entry
        if f.rule not in infos:
            infos[f.rule] = rule_info(report, f)
    codes = sorted(infos)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    artifacts: list[str] = []
    for doc in report.documents:
        uri = file_uri(doc.path)
        known = file_lines(doc.path)
        if doc.findings and uri not in artifacts:
            artifacts.append(uri)
        for f in doc.findings:
            line = doc.lines.get(f.line)
            where: dict = {"artifactLocation": {"uri": uri}}
            place = file_place(f, known)
            if place is not None:  # the snippet only where the region is exactly the flagged text
                where["region"] = _region(place) | ({"snippet": {"text": f.text}}
                                                    if f.text and place.end_line is not None else {})
            result: dict = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": SARIF_LEVELS[f.severity],
                "message": {"text": f.message if known else f.message + segment_note(f, place and place.line)},
                "locations": [{"physicalLocation": where}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, line)},
                "properties": {
                    "category": f.category,
                    "checker": f.checker,
                    "severity": f.severity.value,
                    "confidence": round(f.confidence, 3),
                },
            }
            if doc.id != doc.path:
                result["properties"]["document"] = doc.id
            if f.segment is not None:
                result["properties"]["segment"] = f.segment
            if f.evidence is not None:
                result["properties"]["evidence"] = f.evidence
            if f.suggestions and known:
                result["fixes"] = _fixes(f, place, uri)
            elif f.suggestions:  # a fix needs a region of the file
                result["properties"]["suggestions"] = list(f.suggestions)
            if report.baseline is not None:
                result["baselineState"] = "new"
            results.append(result)
    summary = summarize(report)
    invocation: dict = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": e.message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": file_uri(e.path)}}}]}
            for e in report.errors
        ]
    run: dict = {
        "tool": {"driver": {
            "name": "mtqa",
            "version": str(report.tool.get("version", "")),
            "rules": [_rule_descriptor(infos[c]) for c in codes],
        }},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": u}} for u in artifacts],
        "results": results,
        "properties": {
            "summary": summary.to_dict(),
            "provenance": report.provenance,
        },
    }
    if report.tool.get("languagetool"):
        run["properties"]["languagetool"] = report.tool["languagetool"]
    if report.baseline is not None:
        run["properties"]["baseline"] = report.baseline
    # URIs above carry a non-UTF-8 file name's bytes percent-encoded; everywhere else
    # (document ids, messages, provenance) such a name is shown with U+FFFD.
    return printable({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]})


def render(report: Report, color: bool = False) -> str:
    return json.dumps(report_to_sarif(report), ensure_ascii=False, indent=2) + "\n"
