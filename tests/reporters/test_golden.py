"""Every reporter on the same corpus report, against golden files (MTQA_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import pytest

from mtqa.reporters import render
from tests.reporters.conftest import FORMATS, check_golden


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_corpus_report_matches_golden(report_from_corpus, format_name):
    check_golden(f"corpus.{FORMATS[format_name]}", render(report_from_corpus, format_name))


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_rendering_is_deterministic_and_pure(report_from_corpus, format_name):
    first = render(report_from_corpus, format_name)
    assert render(report_from_corpus, format_name) == first
