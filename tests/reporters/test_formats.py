"""JUnit, Markdown and GitHub annotations: structure and escaping."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from mtqa.reporters import render
from mtqa.reporters.markdown import MAX_FINDINGS
from tests.reporters.conftest import build_report


def test_junit_one_case_per_document_and_errors():
    report = build_report(
        [("a.txt", "one two\x0b three\n", [{"rule": "MTQA-T-001", "quote": "two\x0b three"}]),
         ("b.txt", "clean\n", [])],
        errors=[("c.txt", "file is empty")], fail_on="major",
    )
    root = ET.fromstring(render(report, "junit"))
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == ["a.txt", "b.txt", "c.txt"]
    assert cases[0].find("failure").get("type") == "MTQA-T-001"
    assert cases[1].find("failure") is None
    assert cases[2].find("error") is not None
    assert root.get("errors") == "1" and root.get("tests") == "3"


def test_junit_below_gate_findings_are_listed_not_failed():
    report = build_report([("a.txt", "one two\n", [{"rule": "MTQA-T-001", "quote": "two", "severity": "minor"}])],
                          fail_on="major")
    root = ET.fromstring(render(report, "junit"))
    case = root.find(".//testcase")
    assert case.find("failure") is None
    assert "MTQA-T-001" in case.find("system-out").text


def test_markdown_escapes_table_cells_and_is_bounded():
    text = "a | b `c` <script>x</script> *y*\n" + "word " * 60 + "\n"
    specs = [{"rule": "MTQA-T-001", "quote": "a | b `c` <script>x</script> *y*"}]
    specs += [{"rule": f"MTQA-T-{i:03d}", "quote": "word", "nth": i, "severity": "minor"} for i in range(40)]
    md = render(build_report([("doc|1.md", text, specs)]), "markdown")
    assert "<script>" not in md
    row = next(line for line in md.splitlines() if "MTQA-T-001" in line)
    cells = re.split(r"(?<!\\)\|", row)
    assert len(cells) == 8  # six columns: no pipe from the data split the row
    listed = [line for line in md.splitlines() if re.match(r"\| (minor|major|critical) \| MTQA", line)]
    assert len(listed) == MAX_FINDINGS
    assert f"{41 - MAX_FINDINGS} more finding(s)" in md
    assert md.index("| major | MTQA-T-001") < md.index("| minor | MTQA")  # worst first


def test_github_annotations_escape_properties_and_data():
    text = "50% off: now\nnext line\n"
    report = build_report([("dir,x/a:b.txt", text, [
        {"rule": "MTQA-T-001", "quote": "50% off", "message": "bad: 100%\nreally", "severity": "critical",
         "suggestions": ["half price"]},
        {"rule": "MTQA-T-002", "quote": "now\nnext", "severity": "minor"},
    ])])
    lines = render(report, "github").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=dir%2Cx/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=8,title=MTQA-T-001::")
    assert "bad: 100%25%0Areally" in lines[0] and "half price" in lines[0]
    assert lines[1].startswith("::notice file=dir%2Cx/a%3Ab.txt,line=1,col=10,endLine=2,title=MTQA-T-002::")
