"""Exit codes: 0 clean, 1 when the gate fails (--fail-on, --max-mqm), 2 on input errors."""

from __future__ import annotations

from mtqa.config.settings import Settings
from mtqa.report import Report

EXIT_OK = 0
EXIT_GATE = 1
EXIT_ERROR = 2


def gate_failures(report: Report, settings: Settings) -> list[str]:
    """Reasons the gate fails, one per document and threshold (empty when it passes)."""
    reasons: list[str] = []
    for doc in report.documents:
        if settings.fail_on is not None:
            worst = [f for f in doc.findings if f.severity.rank >= settings.fail_on.rank]
            if worst:
                reasons.append(f"{doc.label}: {len(worst)} finding(s) at or above {settings.fail_on.value}")
        if excess := doc.mqm_excess(settings.max_mqm):
            reasons.append(f"{doc.label}: {excess}")
    return reasons


def exit_code(report: Report, settings: Settings) -> int:
    if report.errors or report.provenance.get("failed"):  # unread inputs or a checker that broke
        return EXIT_ERROR
    return EXIT_GATE if gate_failures(report, settings) else EXIT_OK
