"""Word scores -> findings: neighbouring flagged words of one sentence become one span.

Reviewers mark phrases, not words ("took a decision in the matter"), so a run of flagged
words is one finding with the run's highest confidence: one message per problem, and
the span covers the phrase a reviewer would mark.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mtqa.checkers.naturalness.features import Token


@dataclass(frozen=True, slots=True)
class Run:
    offset: int  # where the scored piece starts in the document
    start: int  # span in the piece
    end: int
    first: int  # word indices in the scored batch
    last: int
    confidence: float


def runs(owners: Sequence[int], tokens: Sequence[Token], confidence: Sequence[float], threshold: float) -> Iterator[Run]:
    """Maximal runs of consecutive words of one piece (same owner) at or above ``threshold``."""
    current: Run | None = None
    for i, (owner, token, score) in enumerate(zip(owners, tokens, confidence)):
        if score < threshold:
            continue
        if current and current.offset == owner and current.last == i - 1:
            current = Run(owner, current.start, token.end, current.first, i, max(current.confidence, score))
            continue
        if current:
            yield current
        current = Run(owner, token.start, token.end, i, i, score)
    if current:
        yield current
