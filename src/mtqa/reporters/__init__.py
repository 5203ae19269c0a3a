"""Reporters: one module per format, each a pure function ``render(report, color=False) -> str``."""

from __future__ import annotations

import importlib

REPORTERS: dict[str, str] = {
    "text": "mtqa.reporters.text",
    "json": "mtqa.reporters.json_",
    "html": "mtqa.reporters.html",
    "sarif": "mtqa.reporters.sarif",
    "junit": "mtqa.reporters.junit",
    "markdown": "mtqa.reporters.markdown",
    "github": "mtqa.reporters.github",
}


def available_formats() -> list[str]:
    return list(REPORTERS)


def render(report, format_name: str, color: bool = False) -> str:
    """The report in ``format_name``. File names that are not UTF-8 are made printable here,
    once for every format; SARIF does it itself, to percent-encode the true bytes in URIs."""
    from mtqa.reporters.regions import printable_report

    module = importlib.import_module(REPORTERS[format_name])
    return module.render(report if format_name == "sarif" else printable_report(report), color=color)
