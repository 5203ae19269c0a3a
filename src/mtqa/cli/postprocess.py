"""Run options applied to a finished Report (baselines, the gate, the minimum severity shown),
kept out of the check command."""

from __future__ import annotations

import click

from mtqa.config.settings import Settings
from mtqa.model import Severity
from mtqa.report import Report, rescored


def apply_run_options(report: Report, settings: Settings, quiet: bool = False,
                      min_severity: str | None = None) -> Report:
    """Record the gate, write and/or apply a baseline, say what the baseline did (unless
    quiet), and hide findings below ``min_severity``.

    ``--write-baseline`` records every finding of this run (before any ``--baseline`` or
    ``--min-severity`` filtering), so the two baseline options together refresh a
    baseline in one run.
    """
    # Reporters are pure functions of the Report: JUnit needs to know which findings
    # fail the gate, so the gate travels with the report.
    report.provenance["gate"] = {
        "fail_on": settings.fail_on.value if settings.fail_on else None,
        "max_mqm": settings.max_mqm or None,
    }
    if settings.write_baseline:
        from mtqa.baseline import write_baseline

        count, kept = write_baseline(report, settings.write_baseline)
        if not quiet:
            click.echo(f"mtqa: wrote {count} finding(s) to baseline {settings.write_baseline}"
                       + (f", kept {kept} of documents not checked in this run" if kept else ""), err=True)
    if settings.baseline:
        from mtqa.baseline import apply_baseline

        report = apply_baseline(report, settings.baseline)
        b = report.baseline or {}
        if not quiet:
            click.echo(
                f"mtqa: baseline {settings.baseline}: {b['matched']} known finding(s) hidden, "
                f"{b['new']} new, {b['gone']} baseline entr{'y' if b['gone'] == 1 else 'ies'} gone"
                + (f", {b['not_checked']} in documents not checked" if b["not_checked"] else ""),
                err=True,
            )
    if min_severity:  # rescored, so the summary, score and gate agree with what is shown
        severity = Severity.parse(min_severity)
        report.documents = [rescored(doc, [f for f in doc.findings if f.severity.rank >= severity.rank],
                                     report.severity_weights) for doc in report.documents]
        report.provenance["min_severity"] = severity.value
    return report
