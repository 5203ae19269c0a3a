"""MQM scoring: penalty = sum of severity weights; per 1,000 words; score out of 100.

As in the MQM scheme of the WMT human evaluations (Freitag et al., "Experts, Errors, and
Context", TACL 2021), a minor punctuation error weighs a tenth of other minor errors: a
stray space or a misplaced quotation mark costs the reader far less than a wrong word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from mtqa.model import Finding

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


MINOR_PUNCTUATION_FACTOR = 0.1


def penalty(findings: Iterable[Finding], weights: Mapping[str, float]) -> float:
    return float(sum(weight(f, weights) for f in findings))


def weight(finding: Finding, weights: Mapping[str, float]) -> float:
    value = weights.get(finding.severity.value, 0)
    if finding.severity.value == "minor" and finding.category == "fluency/punctuation":
        return value * MINOR_PUNCTUATION_FACTOR
    return value


def per_1000_words(penalty_value: float, words: int) -> float:
    return round(penalty_value * 1000 / words, 2) if words else 0.0


def score(penalty_value: float, words: int) -> float:
    if not words:
        return 100.0 if not penalty_value else 0.0
    return round(max(0.0, 100.0 - penalty_value * 100.0 / words), 2)
