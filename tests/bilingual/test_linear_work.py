"""The bilingual checker's work grows linearly with a segment, whatever the segment holds.

A segment of thousands of repeated numbers, dates, clock times, addresses or sentence ends
("A. A. A. ...") once cost thousands squared comparisons. Work is counted, not timed: the
Python lines the checker executes for a segment of n and of 2n repetitions. Linear work
doubles; the quadratic versions grew about fourfold.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import mtqa.checkers.bilingual as bilingual_package
from mtqa.checkers.bilingual import BilingualChecker
from mtqa.config.settings import load_settings
from mtqa.readers.segments import Unit, document_from_units

PACKAGE = str(Path(bilingual_package.__file__).parent)
N = 400


def _checker() -> BilingualChecker:
    return BilingualChecker(load_settings(overrides={"checkers.bilingual.language_id": False}))


def _work(checker: BilingualChecker, source: str, target: str) -> tuple[int, list[str]]:
    """(lines of the bilingual package executed, rules found) for one aligned unit."""
    document = document_from_units("t", "t", [Unit(target, id="1", source=source)], "he")
    lines = 0

    def local(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def trace(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(trace)
    try:
        rules = [f.rule for f in checker.check(document)]
    finally:
        sys.settrace(None)
    return lines, rules


@pytest.mark.parametrize(("source", "target"), [
    ("A. ", "A. "),
    ("1 ", "1 "),
    ("1 ", "2 "),
    ("18:30 ", "18:30 "),
    ("1.1. ", "1.1. "),
    ("2,5 ", "2.6 "),
    ("www.a.co ", "www.b.co "),
    ("@abc ", "@abc "),
    ("שלום עולם ", "Xyzzy Qwrtz "),
    ("שלום עולם ", "Xyzzy. Qwrtz. "),
])
def test_work_doubles_when_the_segment_doubles(source, target):
    checker = _checker()
    small, small_rules = _work(checker, source * N, target * N)
    large, large_rules = _work(checker, source * 2 * N, target * 2 * N)
    assert large <= 2.4 * small, f"{source!r}: {small} lines for {N}, {large} for {2 * N}"
    assert set(large_rules) == set(small_rules)  # the same findings, only more of them


def test_repeated_numbers_are_still_compared_one_for_one():
    checker = _checker()
    _, same = _work(checker, "1 " * N, "1 " * N)
    _, changed = _work(checker, "1 " * N, "2 " * N)
    _, fewer = _work(checker, "1 " * N, "1 " * (N - 3))
    assert same == []
    assert changed.count("MTQA-BI-010") == N and changed.count("MTQA-BI-011") == N
    assert fewer.count("MTQA-BI-011") == 3


def _distinct(n: int, letters: str, lead: str) -> list[str]:
    """n different words of three letters after ``lead``."""
    k = len(letters)
    return [lead + letters[i // (k * k) % k] + letters[i // k % k] + letters[i % k] for i in range(n)]


def test_work_doubles_with_distinct_names_and_source_words():
    """Every English name is read against every Hebrew word: distinct ones on both sides must
    not multiply."""
    checker = _checker()

    def pair(n):
        source = " ".join(_distinct(n, "בגדלמנסקרת", "ז"))
        target = " ".join(w.capitalize() for w in _distinct(n, "bcdfgjklmnpqrstvwxz", "zq"))
        return source, target

    n = N // 2
    small, _ = _work(checker, *pair(n))
    large, _ = _work(checker, *pair(2 * n))
    assert large <= 2.4 * small, f"{small} lines for {n}, {large} for {2 * n}"
