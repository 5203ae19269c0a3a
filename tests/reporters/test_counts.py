"""The same report gives the same counts in every format (they all use mtqa.summary)."""

from __future__ import annotations

import json
import re
from collections import Counter
from xml.etree import ElementTree as ET

import pytest

from mtqa.model import Severity
from mtqa.reporters import render
from mtqa.reporters.regions import GITHUB_COMMANDS, SARIF_LEVELS
from mtqa.summary import summarize
from tests.reporters.conftest import build_report, corpus_report


def _counts_per_format(report) -> dict[str, dict]:
    """Total and per-severity findings as each format states them."""
    out: dict[str, dict] = {}
    data = json.loads(render(report, "json"))
    out["json"] = {"total": data["summary"]["findings"], "severity": data["summary"]["by_severity"],
                   "listed": sum(len(d["findings"]) for d in data["documents"])}

    sarif = json.loads(render(report, "sarif"))
    results = sarif["runs"][0]["results"]
    level_to_sev = {v: k.value for k, v in SARIF_LEVELS.items()}
    sev = Counter(level_to_sev[r["level"]] for r in results)
    out["sarif"] = {"total": len(results), "severity": {s: sev.get(s, 0) for s in ("minor", "major", "critical")},
                    "listed": len(results)}

    lines = [line for line in render(report, "github").splitlines() if line.startswith("::")]
    command_to_sev = {v: k.value for k, v in GITHUB_COMMANDS.items()}
    finding_lines = [line for line in lines if "title=mtqa input error" not in line]
    sev = Counter(command_to_sev[line[2:].split(" ", 1)[0]] for line in finding_lines)
    out["github"] = {"total": len(finding_lines), "listed": len(finding_lines),
                     "severity": {s: sev.get(s, 0) for s in ("minor", "major", "critical")}}

    html = render(report, "html")
    rows = re.findall(r'<tr data-finding="[^"]+" data-category="[^"]*" data-severity="(\w+)"', html)
    sev = Counter(rows)
    stated = int(re.search(r"<dt>findings</dt><dd>(\d+)</dd>", html).group(1))
    out["html"] = {"total": stated, "severity": {s: sev.get(s, 0) for s in ("minor", "major", "critical")},
                   "listed": len(rows)}

    md = render(report, "markdown")
    sev = {m.group(1): int(m.group(2)) for m in re.finditer(r"^\| (minor|major|critical) \| (\d+) \|$", md, re.M)}
    total = re.search(r"\*\*(\d+) finding\(s\)\*\*", md)
    section = md.split("### Documents", 1)[1].split("###", 1)[0]
    rows = [re.split(r"(?<!\\)\|", line) for line in section.splitlines() if line.startswith("| ")]
    out["markdown"] = {"total": int(total.group(1)) if total else 0, "severity": sev,
                       "listed": sum(int(cells[3]) for cells in rows[1:])}

    text = render(report, "text")
    out["text"] = {"total": int(re.search(r"^(\d+) finding\(s\) in", text, re.M).group(1)),
                   "severity": data["summary"]["by_severity"],  # text states only non-zero ones, checked below
                   "listed": len(re.findall(r"^\S.*:\d+:\d+: \S+ (?:minor|major|critical) ", text, re.M))}
    totals_line = text.splitlines()[-1 - len(data["summary"]["by_category"])]
    for number, severity in re.findall(r"(\d+) (minor|major|critical)", totals_line):
        assert data["summary"]["by_severity"][severity] == int(number)
    return out


def _assert_agree(report):
    summary = summarize(report)
    expected = {"total": summary.findings, "severity": summary.by_severity, "listed": summary.findings}
    counts = _counts_per_format(report)
    for name, got in counts.items():
        assert got == expected, f"{name} disagrees: {got} != {expected}"
    junit = ET.fromstring(render(report, "junit"))
    assert int(junit.get("tests")) == summary.documents + summary.errors
    return counts


def test_counts_agree_on_the_corpus_report(report_from_corpus):
    counts = _assert_agree(report_from_corpus)
    assert counts["json"]["total"] > 0, "the corpus has planted artifacts; an empty report tests nothing"


def test_counts_agree_on_an_edge_case_report():
    text = "First line with a problem.\nSecond <script>x</script> line.\n"
    report = build_report(
        [("a.txt", text, [
            {"rule": "MTQA-T-001", "quote": "problem", "severity": "minor"},
            {"rule": "MTQA-T-002", "quote": "with a problem.\nSecond", "severity": "critical"},
            {"rule": "MTQA-T-003", "start": 5, "end": 5, "severity": "major"},
            {"rule": "MTQA-T-004", "quote": "<script>x</script>", "severity": "major"},
        ]), ("b.md", "Nothing here.\n", [])],
        errors=[("bad, file:1.txt", "binary file (not text)")],
    )
    _assert_agree(report)


@pytest.mark.parametrize("fail_on,codes", [(None, ["MTQA-T-001", "MTQA-T-002", "MTQA-T-003"]),
                                           ("minor", ["MTQA-T-001", "MTQA-T-002", "MTQA-T-003"]),
                                           ("major", ["MTQA-T-002", "MTQA-T-003"]), ("critical", ["MTQA-T-003"])])
def test_junit_failures_follow_the_gate(fail_on, codes):
    text = "one two three four five\n"
    report = build_report([("a.txt", text, [
        {"rule": "MTQA-T-001", "quote": "one", "severity": "minor"},
        {"rule": "MTQA-T-002", "quote": "two", "severity": "major"},
        {"rule": "MTQA-T-003", "quote": "three", "severity": "critical"},
    ]), ("b.txt", "clean\n", [])], fail_on=fail_on)
    root = ET.fromstring(render(report, "junit"))
    assert (root.get("tests"), root.get("failures")) == ("2", "1")  # one failing test case: a.txt
    [failure] = root.findall(".//testcase/failure")
    assert failure.get("type") == " ".join(codes)
    assert failure.get("message") == f"{len(codes)} finding(s) at or above {fail_on or 'minor'}"
    assert [code for code in codes if code in failure.text] == codes  # every gating finding is described
    out = root.find(".//testcase/system-out").text
    assert ("MTQA-T-001" in out) == ("MTQA-T-001" not in codes)


def test_junit_max_mqm_is_part_of_the_one_failure():
    report = build_report([("a.txt", "one two three\n", [{"rule": "MTQA-T-002", "quote": "two", "severity": "major"}])],
                          fail_on="critical")
    report.provenance["gate"]["max_mqm"] = 1
    root = ET.fromstring(render(report, "junit"))
    [failure] = root.findall(".//testcase/failure")
    assert root.get("failures") == "1"
    assert failure.get("type") == "max-mqm"
    assert failure.get("message").startswith("MQM penalty ")


def test_junit_failures_match_gate_on_corpus():
    report = corpus_report(fail_on="major")
    root = ET.fromstring(render(report, "junit"))
    failing = sum(1 for d in report.documents if any(f.severity.rank >= Severity.MAJOR.rank for f in d.findings))
    assert failing > 1
    assert int(root.get("failures")) == failing <= int(root.get("tests"))
    assert len(root.findall(".//testcase")) == len(report.documents) + len(report.errors)
    assert all(len(case.findall("failure")) <= 1 for case in root.findall(".//testcase"))
