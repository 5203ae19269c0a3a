"""Every reporter on one synthetic report, against golden files (MTQA_UPDATE_GOLDEN=1 rewrites
them). The report is built from hand-written findings, so a checker change never moves them."""

from __future__ import annotations

import pytest

from mtqa.reporters import render
from tests.reporters.conftest import FORMATS, check_golden, synthetic_report


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_synthetic_report_matches_golden(format_name):
    check_golden(f"synthetic.{FORMATS[format_name]}", render(synthetic_report(), format_name))


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_rendering_is_deterministic_and_pure(report_from_corpus, format_name):
    first = render(report_from_corpus, format_name)
    assert render(report_from_corpus, format_name) == first
