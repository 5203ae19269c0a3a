"""What several reporters derive the same way: end positions, levels, the gate, paths and URIs."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from mtqa.model import Finding, Severity
from mtqa.offsets import LONE_SURROGATE
from mtqa.report import DocumentResult, InputProblem, Report, RuleInfo


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


# Readers whose document text is the file's whole text: a finding's line is a line of the
# file. The others build the text: JSON Lines, TSV, XLIFF and TMX record where each unit's
# target starts in the file (``Finding.origin``); HTML's extracted article records nothing.
_FILE_TEXT_READERS = frozenset({"mtqa.readers.text", "mtqa.readers.markdown"})


def file_lines(path: str) -> bool:
    """Whether the lines of ``path``'s findings are lines of the file (plain text, Markdown)."""
    from mtqa.readers import DEFAULT_READER, READERS

    return READERS.get(PurePath(path).suffix.lower(), DEFAULT_READER) in _FILE_TEXT_READERS


@dataclasses.dataclass(frozen=True, slots=True)
class Place:
    """Where a finding is in its file, 1-based; a column or end only where it is the file's."""

    line: int
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


def file_place(finding: Finding, whole_file: bool) -> Place | None:
    """Where ``finding`` is in the file, for the formats that point into it (SARIF regions,
    GitHub annotations): its own line and column when the document text is the file's
    (``whole_file``), its unit's place in the file when the reader recorded one, else None
    (HTML), since a wrong line (a TSV header, the markup around an article) misleads."""
    if finding.origin is not None:
        line, column = finding.origin
        if column is None:  # an escape, an entity or markup: the unit's line only
            return Place(line)
        if "\n" in finding.text:  # runs past its unit, whose end is all the file shows
            return Place(line, column)
        return Place(line, column, line, column + len(finding.text))
    if whole_file:
        return Place(finding.line, finding.column, *end_position(finding))
    return None


def location(doc: DocumentResult, finding: Finding) -> str:
    """`path[document]:line:column`, and the segment id when it says more than the line does
    (a JSONL `id`, an XLIFF unit, the file line of a TSV row)."""
    return f"{doc.label}:{finding.line}:{finding.column}" + segment_note(finding)


def segment_note(finding: Finding, line: int | None = None) -> str:
    """`` (segment ID)`` unless the id is the line shown (``line``, else the finding's)."""
    if finding.segment is None or finding.segment == str(finding.line if line is None else line):
        return ""
    return f" (segment {finding.segment})"


def rule_info(report: Report, finding: Finding) -> RuleInfo:
    """How to describe ``finding``'s rule: as its checker declared it, else, for a
    LanguageTool rule the mapping does not list (most of them: THEIR_IS, MORFOLOGIK_…), the
    descriptor the listed ones get (title "LanguageTool rule ID", a link to its page), else
    a minimal entry named by the code."""
    info = report.rules.get(finding.rule)
    if info is not None:
        return info
    from mtqa.checkers.grammar import LT_RULE_URL, RULE_PREFIX

    if finding.checker == "grammar" and finding.rule.startswith(RULE_PREFIX):
        rule_id = finding.rule[len(RULE_PREFIX):]
        return RuleInfo(code=finding.rule, name=rule_id.lower().replace("_", "-"), checker=finding.checker,
                        category=finding.category, severity=finding.severity,
                        title=f"LanguageTool rule {rule_id}", link=LT_RULE_URL.format(rule=quote(rule_id)))
    return RuleInfo(finding.rule, finding.rule, finding.checker, finding.category, finding.severity, "")


def gate_severity(report: Report) -> Severity:
    """The lowest severity that fails the gate; without ``--fail-on`` every finding does."""
    gate = report.provenance.get("gate") or {}
    value = gate.get("fail_on")
    return Severity.parse(value) if value else Severity.MINOR


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


def file_uri(path: str) -> str:
    """A relative (or ``file:``) URI for ``path``, percent-encoding its bytes as the OS has them."""
    uri = relative_uri(path)
    return uri if uri.startswith("file:") else quote(os.fsencode(uri), safe="/")


def printable(value: Any) -> Any:
    """``value`` (a string, or lists and dicts of them) with every lone surrogate shown as U+FFFD.

    Such strings cannot be written as UTF-8 at all (JSON, HTML and Markdown would hold raw
    bytes, and writing a file raises); U+FFFD is what a UTF-8 decoder shows for a bad byte.
    """
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value) if LONE_SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {printable(k): printable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(printable(v) for v in value)
    return value


def printable_report(report: Report) -> Report:
    """``report`` with file names and other run details safe to write in any format."""
    return dataclasses.replace(
        report,
        documents=[dataclasses.replace(d, path=printable(d.path), id=printable(d.id)) for d in report.documents],
        errors=[InputProblem(printable(e.path), printable(e.message)) for e in report.errors],
        provenance=printable(report.provenance),
        baseline=printable(report.baseline),
    )
