"""False alarms of the fluency checker on human WMT references (a sample per pair)."""

from __future__ import annotations

from mtqa.checkers.fluency import FluencyChecker
from mtqa.config.settings import load_settings
from tests.checkers.test_consistency_wmt import MAX_MAJOR_PER_1000_WORDS, major_rate, sample  # noqa: F401


def test_references_major_rate(sample):  # noqa: F811
    rate, major = major_rate(FluencyChecker(load_settings()), sample)
    assert rate <= MAX_MAJOR_PER_1000_WORDS, major
