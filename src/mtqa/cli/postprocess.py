"""Run options applied to a finished Report (baselines, the gate), kept out of the check command."""

from __future__ import annotations

import click

from mtqa.config.settings import Settings
from mtqa.model import Report


def apply_run_options(report: Report, settings: Settings) -> Report:
    """Record the gate, write and/or apply a baseline, and say what the baseline did.

    ``--write-baseline`` records every finding of this run (before any ``--baseline``
    filtering), so the two options together refresh a baseline in one run.
    """
    # Reporters are pure functions of the Report: JUnit needs to know which findings
    # fail the gate, so the gate travels with the report.
    report.provenance["gate"] = {
        "fail_on": settings.fail_on.value if settings.fail_on else None,
        "max_mqm": settings.max_mqm or None,
    }
    if settings.write_baseline:
        from mtqa.baseline import write_baseline

        count = write_baseline(report, settings.write_baseline)
        click.echo(f"mtqa: wrote {count} finding(s) to baseline {settings.write_baseline}", err=True)
    if settings.baseline:
        from mtqa.baseline import apply_baseline

        report = apply_baseline(report, settings.baseline)
        b = report.baseline or {}
        click.echo(
            f"mtqa: baseline {settings.baseline}: {b['matched']} known finding(s) hidden, "
            f"{b['new']} new, {b['gone']} baseline entr{'y' if b['gone'] == 1 else 'ies'} gone"
            + (f", {b['not_checked']} in documents not checked" if b["not_checked"] else ""),
            err=True,
        )
    return report
