"""JUnit XML for CI dashboards: one test case per document, failed by the gate.

A document's test fails when it has findings at or above the gate (``--fail-on``;
without it every finding counts, as a test of "is this clean?") or is over ``--max-mqm``:
one ``failure`` per failing test case (dashboards and the JUnit schema count failed tests,
so ``failures`` never exceeds ``tests``), whose text lists every gating finding. Findings
below the gate are listed in ``system-out`` so nothing is hidden. Unreadable inputs are
``error`` test cases.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from mtqa.report import Report
from mtqa.reporters.regions import gate_severity, location
from mtqa.summary import summarize


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (control characters other than tab and newlines)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                                          and ord(ch) not in (0xFFFE, 0xFFFF)))


def _describe(doc, f) -> str:
    lines = [f"{location(doc, f)}: {f.rule} {f.severity.value} ({f.category}, {f.checker})",
             f"text: {f.text}", f"message: {f.message}"]
    if f.suggestions:
        lines.append("suggestions: " + " | ".join(f.suggestions))
    return "\n".join(lines)


def render(report: Report, color: bool = False) -> str:
    summary = summarize(report)
    gate = gate_severity(report)
    max_mqm = (report.provenance.get("gate") or {}).get("max_mqm")
    suites = ET.Element("testsuites", name="mtqa")
    suite = ET.SubElement(suites, "testsuite", name="mtqa")
    for doc in report.documents:
        name = doc.label
        case = ET.SubElement(suite, "testcase", classname="mtqa", name=_clean(name))
        gating = [f for f in doc.findings if f.severity.rank >= gate.rank]
        below = [f for f in doc.findings if f.severity.rank < gate.rank]
        excess = doc.mqm_excess(max_mqm)
        over = excess is not None
        reasons = [f"{len(gating)} finding(s) at or above {gate.value}"] if gating else []
        reasons += [excess] if over else []
        if reasons:
            codes = list(dict.fromkeys(f.rule for f in gating)) + (["max-mqm"] if over else [])
            failure = ET.SubElement(case, "failure", type=" ".join(codes), message="; ".join(reasons))
            failure.text = _clean("\n\n".join(_describe(doc, f) for f in gating))
        out = ET.SubElement(case, "system-out")
        out.text = _clean(
            f"words {doc.words}, findings {len(doc.findings)}, penalty {doc.penalty:g}, "
            f"MQM per 1,000 words {doc.mqm_per_1000_words:g}, score {doc.score:g}"
            + "".join(f"\n\nbelow the gate ({gate.value}):\n{_describe(doc, f)}" for f in below)
        )
    for error in report.errors:
        case = ET.SubElement(suite, "testcase", classname="mtqa", name=_clean(error.path))
        ET.SubElement(case, "error", type="input", message=_clean(error.message))
    tests = len(report.documents) + len(report.errors)
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(len(suite.findall("testcase/failure"))))
        element.set("errors", str(len(report.errors)))
    suite.set("skipped", "0")
    props = ET.Element("properties")
    score = [] if summary.score is None else [("score", f"{summary.score:g}")]  # none when nothing was read
    for name, value in [("findings", summary.findings), ("words", summary.words),
                        ("penalty", f"{summary.penalty:g}"), *score, ("gate", gate.value)]:
        ET.SubElement(props, "property", name=name, value=str(value))
    suite.insert(0, props)
    ET.indent(suites, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
