"""What several reporters derive the same way: end positions, levels, the gate, relative paths."""

from __future__ import annotations

import os
from pathlib import Path

from mtqa.model import Finding, Report, Severity

# SARIF levels and GitHub annotation commands: critical stops a release, major needs an
# editor, minor is advice.
SARIF_LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "note"}
GITHUB_COMMANDS = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "notice"}


def end_position(finding: Finding) -> tuple[int, int]:
    """1-based (line, column) just past the flagged text; columns count code points."""
    newlines = finding.text.count("\n")
    if not newlines:
        return finding.line, finding.column + len(finding.text)
    return finding.line + newlines, len(finding.text) - finding.text.rfind("\n")


def gate_severity(report: Report) -> Severity:
    """The lowest severity that fails the gate; without ``--fail-on`` every finding does."""
    gate = report.provenance.get("gate") or {}
    value = gate.get("fail_on")
    return Severity.parse(value) if value else Severity.MINOR


def fails_gate(finding: Finding, report: Report) -> bool:
    return finding.severity.rank >= gate_severity(report).rank


def relative_uri(path: str) -> str:
    """A path as a forward-slash URI relative to the working directory when possible."""
    if path.startswith("<"):
        return path
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            return Path(path).as_uri()
        if rel.startswith(".."):
            return Path(path).as_uri()
        path = rel
    return Path(path).as_posix()
