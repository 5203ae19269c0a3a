"""Where a translation dropped whole source sentences: at its start or at its end.

Machine translation of a multi-sentence segment often renders only some of its sentences,
and reviewers mark the loss as an omission at the point where the missing text belongs.
With fewer target than source sentences, the target's sentences are laid against each
contiguous run of as many source sentences; the run whose lengths fit best, at the
language's usual length ratio (``ratios.toml``, measured on human translations), tells
which end lost text. Lengths alone often cannot tell a lost first sentence from a lost last
one, so what a translation carries over decides first: a number, a Latin-script word or (from
Hebrew) a name of one source sentence that the target holds keeps that sentence. Nothing is
reported unless the target is also short for its source as a whole, so a sentence merely
joined to its neighbour is not an omission.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mtqa.checkers.bilingual.names import HebrewSource
from mtqa.checkers.bilingual.structure import sentence_spans
from mtqa.wordlists import zipf

# How far the target must fall short of the usual ratio before dropped text is believed (in
# spreads of the language's log ratio), and how much of the source (in characters) the
# dropped sentences must hold.
SHORT_SPREADS = 1.5
MIN_DROPPED_SHARE = 0.1
MIN_DROPPED_CHARS = 20
PAIR_SHORT = 0.4  # share of a kept sentence that must be lost for part of it to count as dropped
MAX_SENTENCES = 60  # beyond this the segment is a document, not a sentence group
# An anchor the target holds outweighs any difference in length fit.
ANCHOR_WEIGHT = 1.0
_ANCHOR = re.compile(r"\d+(?:[.,:]\d+)*|[A-Za-z]{3,}")
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
NAME_MAX_ZIPF = 3.5  # commoner capitalised words are English words, not transliterated names
MAX_NAMES = 20  # names read against each source sentence
# The target may not be longer than the kept sentences by more than this many spreads: then
# it holds the "dropped" ones too (a short sentence joined to a long one).
FIT_SPREADS = 3.0


@dataclass(frozen=True, slots=True)
class Omission:
    position: int  # offset in the target where the dropped text belongs
    dropped: str  # the source sentences with no counterpart


@lru_cache(maxsize=1)
def ratios() -> dict[str, tuple[float, float]]:
    """Source language -> (usual English/source length ratio, spread of its logarithm)."""
    text = resources.files("mtqa.checkers.bilingual").joinpath("ratios.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["english_per_source_char"]
    return {lang: (float(v["ratio"]), float(v["spread"])) for lang, v in table.items()}


# A run of printable ASCII in a source of a denser script (a URL, a brand, a model number)
# is as long in the translation as in the source.
_ASCII_RUN = re.compile(r"[\x21-\x7e]+")
DENSE_SCRIPT = 2.0  # usual ratios above this are scripts of fewer, fuller characters (zh, ja)


def source_length(text: str, expected: float) -> float:
    """A source sentence's length in characters of its own script: in Chinese or Japanese, a
    URL of 26 characters is 26 characters of English, not 100, so it counts 26 / ratio."""
    if expected <= DENSE_SCRIPT:
        return len(text)
    ascii_chars = sum(len(run) for run in _ASCII_RUN.findall(text))
    return len(text) - ascii_chars + ascii_chars / expected


def _cost(target_lengths: list[int], source_lengths: list[int], expected: float) -> float:
    ratio = sum(target_lengths) / max(1, sum(source_lengths))
    fit = sum(abs(math.log(t / (ratio * s))) for t, s in zip(target_lengths, source_lengths) if t and s)
    return fit / len(target_lengths) + abs(math.log(ratio / expected))


def _anchors(text: str) -> set[str]:
    """Numbers (separators dropped) and Latin-script words: what a translation keeps as written."""
    return {re.sub(r"[.,:]", "", a).lower() for a in _ANCHOR.findall(text)}


def _sentence_anchors(source: str, src: list[tuple[int, int]], target: str, source_lang: str) -> list[int]:
    """Per source sentence, how many of its own anchors (in no other source sentence) the
    target holds."""
    per_sentence = [_anchors(source[s:e]) for s, e in src]
    held = _anchors(target)
    if source_lang == "he":
        names = list(dict.fromkeys(n for n in _NAME.findall(target) if zipf(n.lower()) < NAME_MAX_ZIPF))[:MAX_NAMES]
        for anchors, (s, e) in zip(per_sentence, src):
            hebrew = HebrewSource(source[s:e])
            anchors.update(n.lower() for n in names if hebrew.has(n))
    counts = []
    for i, mine in enumerate(per_sentence):
        others = set().union(*(a for j, a in enumerate(per_sentence) if j != i))
        counts.append(len((mine - others) & held))
    return counts


def dropped_sentences(source: str, target: str, source_lang: str | None,
                      src: list[tuple[int, int]] | None = None,
                      tgt: list[tuple[int, int]] | None = None) -> list[Omission]:
    """Omissions at the start and/or end of ``target``, most likely placement only.
    ``src`` and ``tgt`` are the sentence spans, when the caller has them."""
    if (source_lang or "") not in ratios():
        return []
    expected, spread = ratios()[source_lang]
    src = sentence_spans(source) if src is None else src
    tgt = sentence_spans(target) if tgt is None else tgt
    n, m = len(src), len(tgt)
    if not m or m > n or n > MAX_SENTENCES:
        return []
    src_lengths = [source_length(source[s:e], expected) for s, e in src]
    src_chars = sum(src_lengths)
    tgt_chars = sum(e - s for s, e in tgt)
    if not tgt_chars or not src_chars or math.log(tgt_chars / (expected * src_chars)) > -SHORT_SPREADS * spread:
        return []
    tgt_lengths = [e - s for s, e in tgt]
    held = _sentence_anchors(source, src, target, source_lang) if n > m else [0] * n
    best = min(range(n - m + 1), key=lambda k: _cost(tgt_lengths, src_lengths[k:k + m], expected)
               + ANCHOR_WEIGHT * (sum(held) - sum(held[k:k + m])))
    if math.log(tgt_chars / (expected * sum(src_lengths[best:best + m]))) > FIT_SPREADS * spread:
        return []
    found = []
    for position, sentences, pair in ((0, slice(0, best), 0), (len(target), slice(best + m, n), m - 1)):
        chars = sum(src_lengths[sentences])
        sentences = src[sentences]
        # A kept sentence much shorter than its source lost part of itself.
        kept = src_lengths[best + pair]
        lost = kept - tgt_lengths[pair] / expected
        if lost >= PAIR_SHORT * kept and m > 1:
            chars += lost
            sentences = sentences + [src[best + pair]]
        if sentences and chars >= MIN_DROPPED_CHARS and chars >= MIN_DROPPED_SHARE * src_chars:
            found.append(Omission(position, " ".join(source[s:e] for s, e in sentences)))
    return found
