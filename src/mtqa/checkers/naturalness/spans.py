"""Word scores -> findings: flagged words, widened by one word each side, become one span per run.

Reviewers mark phrases, not words ("took a decision in the matter"), so a run of flagged
words is one finding with the run's highest confidence: one message per problem. The run
takes in the word before and after it (within the sentence): gold spans are longer than
the flagged words (10.5 characters against 8.4 on he-en dev), and on held-back he-en
folds the wider span raised this checker's character F1 at the default threshold from
0.037 to 0.051 and its finding precision from 0.76 to 0.80 (docs/naturalness.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np

WIDEN = 1  # words added on each side of a flagged run


class Run(NamedTuple):  # a tuple class is made at import in a tenth of a dataclass's time
    piece: int  # index of the scored piece
    start: int  # span in the piece
    end: int
    first: int  # word indices in the scored batch
    last: int
    confidence: float


def runs(piece: np.ndarray, start: Sequence[int], end: Sequence[int], confidence: np.ndarray,
         threshold: float) -> Iterator[Run]:
    """Maximal runs of consecutive words of one piece at or above ``threshold``, widened by ``WIDEN``.

    ``piece``, ``start`` and ``end`` give each word's piece and offsets in it, in reading order.
    """
    hit = np.asarray(confidence) >= threshold
    if not hit.any():
        return
    piece = np.asarray(piece)
    keep = hit.copy()
    for by in range(1, WIDEN + 1):
        keep[by:] |= hit[:-by] & (piece[by:] == piece[:-by])
        keep[:-by] |= hit[by:] & (piece[:-by] == piece[by:])
    flagged = np.flatnonzero(keep)
    # A run breaks where the next kept word is not the next word, or is in another piece.
    breaks = np.flatnonzero((np.diff(flagged) != 1) | (np.diff(piece[flagged]) != 0)) + 1
    for group in np.split(flagged, breaks):
        first, last = int(group[0]), int(group[-1])
        yield Run(int(piece[first]), int(start[first]), int(end[last]), first, last,
                  float(np.max(confidence[first : last + 1])))
