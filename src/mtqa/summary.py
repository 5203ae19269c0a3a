"""Totals over a Report that every reporter shares, so counts agree across formats."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from mtqa.model import Severity
from mtqa.report import Report
from mtqa.scoring import per_1000_words, score


@dataclass(frozen=True)
class Summary:
    documents: int
    words: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    penalty: float
    # None when no document was read: a score of 100 over nothing would read as "clean".
    score: float | None
    mqm_per_1000_words: float | None
    errors: int  # unreadable inputs: said by the text report, not a total of the JSON summary

    def to_dict(self) -> dict:
        data = {k: v for k, v in dataclasses.asdict(self).items() if k != "errors"}
        data["penalty"] = rounded_penalty(self.penalty)
        return data


METRIC_NAMES = {"bleu": "BLEU", "chrf": "chrF", "ter": "TER"}


def metrics_line(report: Report) -> str | None:
    """The run's corpus scores against the reference ("BLEU 38.70, chrF 69.62, TER 60.61"),
    for the reports read by people; None without a reference. The JSON report has them with
    their signatures."""
    parts = [f"{METRIC_NAMES.get(name, name)} {value['score']:.2f}" for name, value in (report.metrics or {}).items()
             if isinstance(value, dict) and isinstance(value.get("score"), (int, float))]
    return ", ".join(parts) + " against the reference" if parts else None


def rounded_penalty(value: float) -> float:
    """A penalty as the machine-readable reports write it: a sum of weights such as 0.1 three
    times is 0.30000000000000004 in floating point, which no weight asked for."""
    return round(value, 6)


def summarize(report: Report) -> Summary:
    findings = [f for _, f in report.iter_findings()]
    severities = Counter(f.severity.value for f in findings)
    categories = Counter(f.category for f in findings)
    words = sum(d.words for d in report.documents)
    pen = sum(d.penalty for d in report.documents)
    read = bool(report.documents)
    return Summary(
        documents=len(report.documents),
        words=words,
        findings=sum(severities.values()),
        by_severity={s.value: severities.get(s.value, 0) for s in Severity},
        by_category=dict(sorted(categories.items())),
        penalty=pen,
        score=score(pen, words) if read else None,
        mqm_per_1000_words=per_1000_words(pen, words) if read else None,
        errors=len(report.errors),
    )
