"""What a run hands its reporters: one Report of DocumentResults (no Document kept) and unreadable inputs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from mtqa.model import Finding, Severity
from mtqa.scoring import penalty, per_1000_words, score


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
    warnings: list[str] = field(default_factory=list)  # "line: problem" (suppression comments that do nothing)
    # Checkers that could not run on this document for want of a source or reference: the
    # report asks them, not the pipeline's history, so a server reports each request alone.
    unchecked: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """`path`, or `path[document]` for one of several documents in a file; an id that starts
        with the path (``a.txt#2``, ``m.xlf#one.txt``) is shown without it (``a.txt[#2]``). Reports
        and gate messages use it alike, so a CI log names the same document the report does."""
        if self.id == self.path:
            return self.path
        own = self.id[len(self.path):] if self.id.startswith(self.path + "#") else self.id
        return f"{self.path}[{own}]"

    def mqm_excess(self, max_mqm: float | None) -> str | None:
        """Why the document is over ``--max-mqm``, or None. A penalty on a document without a
        translated word (every target empty) is over any limit: its rate per 1,000 words is
        not zero but undefined, and a file handed back untranslated must not pass the gate."""
        if not max_mqm or self.penalty <= 0:
            return None
        if not self.words:
            return f"MQM penalty {self.penalty:g} with no translated words (over any --max-mqm)"
        if self.mqm_per_1000_words > max_mqm:
            return f"MQM penalty {self.mqm_per_1000_words:g} per 1,000 words exceeds {max_mqm:g}"
        return None


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
    severity_weights: dict[str, float]  # the run's, to rescore documents whose findings are hidden
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] | None = None

    def iter_findings(self):
        """Every (document, finding) pair in report order."""
        for doc in self.documents:
            for finding in doc.findings:
                yield doc, finding


def rescored(doc: DocumentResult, findings: list[Finding], weights: dict[str, float]) -> DocumentResult:
    """``doc`` with only ``findings``, rescored, so the summary, score and gate agree with what is shown."""
    pen = penalty(findings, weights)
    return dataclasses.replace(doc, findings=findings, penalty=pen, score=score(pen, doc.words),
                               mqm_per_1000_words=per_1000_words(pen, doc.words))
