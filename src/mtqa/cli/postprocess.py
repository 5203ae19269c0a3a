"""Run options applied to a finished Report (baselines), kept out of the check command."""

from __future__ import annotations

from mtqa.config.settings import Settings
from mtqa.model import Report


def apply_run_options(report: Report, settings: Settings) -> Report:
    return report
