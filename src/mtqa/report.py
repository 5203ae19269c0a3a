"""What a run hands its reporters: one Report of DocumentResults (no Document kept) and unreadable inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mtqa.model import Finding, Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter needs to describe a rule (SARIF `rules`, docs, `mtqa rules show`)."""

    code: str
    name: str
    checker: str
    category: str
    severity: Severity
    title: str
    description: str = ""
    link: str | None = None
    pack: str | None = None


@dataclass(slots=True)
class DocumentResult:
    """The findings and scores of one document; keeps only the lines reporters quote."""

    path: str
    id: str
    words: int
    findings: list[Finding]
    penalty: float
    score: float
    mqm_per_1000_words: float
    lines: dict[int, str] = field(default_factory=dict)
    text: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    suppressed: int = 0
    encoding: str | None = None  # set when the file was not plain UTF-8
    encoding_guessed: bool = False


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file mtqa could not read; reported in one line, never as a traceback."""

    path: str
    message: str


@dataclass(slots=True)
class Report:
    documents: list[DocumentResult]
    errors: list[InputProblem]
    tool: dict[str, Any]
    provenance: dict[str, Any]
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] | None = None
    severity_weights: dict[str, float] = field(default_factory=dict)

    def iter_findings(self):
        """Every (document, finding) pair in report order."""
        for doc in self.documents:
            for finding in doc.findings:
                yield doc, finding
