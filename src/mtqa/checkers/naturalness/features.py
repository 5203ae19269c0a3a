"""Per-word features of an English sentence, the same at build time and at run time.

Every feature is a cheap lookup: the word's and its neighbours' frequency in English
(wordfreq), whether the two word pairs it belongs to are common English bigrams (the
model's bigram table), its shape, and a few sentence-level cues (how rare the sentence
is as a whole, numbers the source does not have). No tagger, no network: a sentence of
25 words costs a few hundred dictionary look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
DIGIT = re.compile(r"\d")
SUFFIXES = ("ing", "ed", "ly", "s", "tion", "er", "al", "ive")

NAMES = (
    "zipf", "zipf_prev", "zipf_next", "zipf_prev2", "zipf_next2",
    "bigram_prev", "bigram_next", "pair_prev_known", "pair_next_known",
    "capitalised", "all_caps", "sentence_initial", "has_digit", "length", "position",
    "suffix", "repeated", "punct_before", "punct_after", "non_ascii",
    "sent_words", "sent_mean_zipf", "sent_unknown_pairs", "sent_rare_words",
    "number_not_in_source", "source_numbers_missing", "has_source",
)
N_FEATURES = len(NAMES)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def english_zipf() -> dict[str, float]:
    """wordfreq's English list as word -> Zipf value (mtqa.wordlists, shared with the other checkers)."""
    from mtqa import wordlists

    return wordlists.english_zipf()


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _suffix(word: str) -> int:
    for i, suffix in enumerate(SUFFIXES):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return i + 1
    return 0


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


def sentence_features(text: str, source: str | None, zipf: dict[str, float], bigrams: dict[str, float]) -> tuple[list[Token], list[list[float]]]:
    """The words of ``text`` and one feature row per word (``NAMES`` order).

    ``bigrams`` maps "w1 w2" (lower case) to log10 of its count; a pair missing from it
    with two frequent words is the classic symptom of a calque.
    """
    toks = tokens(text)
    n = len(toks)
    if not n:
        return toks, []
    lows = [_normal(t.text) for t in toks]
    z = [zipf.get(w, 0.0) for w in lows]
    pair = [bigrams.get(f"{lows[i]} {lows[i + 1]}", 0.0) for i in range(n - 1)]
    # A pair "should" be in the table when both words are common; only those count as unknown.
    expected = [z[i] >= 4.0 and z[i + 1] >= 4.0 for i in range(n - 1)]
    unknown = sum(1 for i in range(n - 1) if expected[i] and pair[i] == 0.0)
    rare = sum(1 for v in z if v < 3.0)
    mean_z = sum(z) / n
    src_numbers = set(DIGITS.findall(source)) if source else set()
    tgt_numbers = set(DIGITS.findall(text))
    missing = len(src_numbers - tgt_numbers) if source else 0
    sent = [float(n), mean_z, unknown / max(1, n - 1), rare / n]
    rows = []
    seen: set[str] = set()
    for i, tok in enumerate(toks):
        word = tok.text
        low = lows[i]
        before = text[toks[i - 1].end : tok.start] if i else text[: tok.start]
        after = text[tok.end : toks[i + 1].start] if i + 1 < n else text[tok.end :]
        has_digit = not word.isalpha() and DIGIT.search(word) is not None
        rows.append([
            z[i],
            z[i - 1] if i else -1.0,
            z[i + 1] if i + 1 < n else -1.0,
            z[i - 2] if i > 1 else -1.0,
            z[i + 2] if i + 2 < n else -1.0,
            pair[i - 1] if i else -1.0,
            pair[i] if i + 1 < n else -1.0,
            (1.0 if pair[i - 1] else (0.0 if expected[i - 1] else 0.5)) if i else -1.0,
            (1.0 if pair[i] else (0.0 if expected[i] else 0.5)) if i + 1 < n else -1.0,
            float(word[:1].isupper()),
            float(word.isupper() and len(word) > 1),
            float(i == 0 or before.strip()[-1:] in {".", "!", "?", '"', "“", ":"}),
            float(has_digit),
            float(len(word)),
            i / n,
            float(_suffix(low)),
            float(low in seen and z[i] < 5.0),
            float(bool(before.strip())),
            float(bool(after.strip())),
            float(not word.isascii()),
            *sent,
            float(has_digit and bool(source) and not any(num in src_numbers for num in DIGITS.findall(word))),
            float(missing),
            float(bool(source)),
        ])
        seen.add(low)
    return toks, rows
