"""Word scores -> findings: flagged words, widened by one word each side, become one span per run.

Reviewers mark phrases, not words ("took a decision in the matter"), so a run of flagged
words is one finding with the run's highest confidence: one message per problem. The run
takes in the word before and after it (within the sentence): gold spans are longer than
the flagged words (10.5 characters against 8.4 on he-en dev), and on held-back he-en
folds the wider span raised this checker's character F1 at the default threshold from
0.037 to 0.051 and its finding precision from 0.76 to 0.80 (docs/naturalness.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

WIDEN = 1  # words added on each side of a flagged run


class Run(NamedTuple):  # a tuple class is made at import in a tenth of a dataclass's time
    piece: int  # index of the scored piece
    start: int  # span in the piece
    end: int
    first: int  # word indices in the scored batch
    last: int
    confidence: float


def runs(piece, start: Sequence[int], end: Sequence[int], confidence, threshold: float) -> Iterator[Run]:
    """Maximal runs of consecutive words of one piece at or above ``threshold``, widened by ``WIDEN``.

    ``piece``, ``start`` and ``end`` give each word's piece and offsets in it, in reading order;
    ``confidence`` each word's (arrays, as the build script has them).
    """
    import numpy as np

    confidence = np.asarray(confidence)
    hit = np.flatnonzero(confidence >= threshold).tolist()
    return runs_of(dict(zip(hit, confidence[hit].tolist())), np.asarray(piece).tolist(), start, end)


def runs_of(hits: Mapping[int, float], piece: Sequence[int], start: Sequence[int], end: Sequence[int]) -> Iterator[Run]:
    """``runs`` from the flagged words alone: ``hits`` maps each one's index to its confidence
    (a run's confidence is its highest; the words it is widened by are below the threshold)."""
    kept = set()
    for i in hits:
        kept.update(j for j in range(max(0, i - WIDEN), min(len(piece), i + WIDEN + 1)) if piece[j] == piece[i])
    # A run breaks where the next kept word is not the next word, or is in another piece.
    group: list[int] = []
    for i in sorted(kept):
        if group and (i != group[-1] + 1 or piece[i] != piece[group[-1]]):
            yield _run(group, hits, piece, start, end)
            group = []
        group.append(i)
    if group:
        yield _run(group, hits, piece, start, end)


def _run(group: list[int], hits: Mapping[int, float], piece, start, end) -> Run:
    first, last = group[0], group[-1]
    return Run(int(piece[first]), int(start[first]), int(end[last]), first, last,
               float(max(hits[i] for i in group if i in hits)))
