"""The JSON report: the stable shape of docs/report-schema.md, versioned by ``schema_version``.

Keys are written in a fixed order and floats rounded, so two runs on the same input give
byte-identical output.
"""

from __future__ import annotations

import json

from mtqa.report import Report
from mtqa.summary import rounded_penalty, summarize

SCHEMA_VERSION = "1.0"


def report_to_dict(report: Report) -> dict:
    summary = summarize(report)
    documents = []
    for doc in report.documents:
        entry = {
            "path": doc.path,
            "id": doc.id,
            "words": doc.words,
            "penalty": rounded_penalty(doc.penalty),
            "score": doc.score,
            "mqm_per_1000_words": doc.mqm_per_1000_words,
            "findings": [f.to_dict() for f in doc.findings],
        }
        if doc.encoding:
            entry["encoding"] = doc.encoding
            entry["encoding_guessed"] = doc.encoding_guessed
        if doc.metrics:
            entry["metrics"] = doc.metrics
        documents.append(entry)
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": report.tool,
        "provenance": report.provenance,
        "documents": documents,
        "summary": summary.to_dict(),
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
    }
    if report.metrics:
        data["metrics"] = report.metrics
    if report.baseline is not None:
        data["baseline"] = report.baseline
    return data


def render(report: Report, color: bool = False) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
