"""Scores a translation against a human reference and flags its worst segments.

Per-segment chrF (sacrebleu) is the signal: it is robust on single sentences where BLEU
is not. A segment is flagged as a *possible* mistranslation only when it is both among the
worst of its document and below an absolute score, so a uniformly good translation gets no
findings and a uniformly bad one does not get a finding on every line. Corpus BLEU, chrF
and TER go to the run's metrics accumulator (the pipeline's), which reports them per
document and, from summed statistics, for the whole run.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from mtqa.checkers.base import Checker
from mtqa.model import Document, Finding

RULE = "MTQA-REF-001"


def _aligned(document: Document) -> list[tuple[int, int, str]]:
    """(start, end, reference) of every segment that has a reference."""
    if document.units:
        return [(u.start, u.end, u.reference) for u in document.units if u.reference is not None]
    from mtqa.readers.lines import line_spans, split_lines

    references = split_lines(document.reference_text or "")
    spans = line_spans(document.text)
    if len(spans) != len(references):
        return []
    return [(s, e, r) for (s, e), r in zip(spans, references)]


class ReferenceChecker(Checker):
    name = "reference"
    needs = frozenset({"reference"})

    def check(self, document: Document) -> Iterator[Finding]:
        aligned = _aligned(document)
        if not aligned:
            return
        hyps = [document.text[s:e].rstrip() for s, e, _ in aligned]
        refs = [r.rstrip() for _, _, r in aligned]
        if self.metrics is not None:
            self.metrics.add(self.options["metrics"], hyps, refs)
        from mtqa.metrics.scores import sentence_chrf  # sacrebleu only for runs with a reference

        scores, signature = sentence_chrf(hyps, refs)
        candidates = [i for i, h in enumerate(hyps) if len(h.split()) >= self.options["min_words"] and refs[i].strip()]
        if not candidates:
            return
        quota = max(1, math.ceil(len(candidates) * self.options["worst_fraction"]))
        worst = sorted(candidates, key=lambda i: (scores[i], i))[:quota]
        for i in sorted(worst):
            if scores[i] >= self.options["max_chrf"]:
                continue
            start, end, _ = aligned[i]
            text = document.text[start:end]
            start += len(text) - len(text.lstrip())
            end = start + len(text.strip())
            reference = refs[i] if len(refs[i]) <= 200 else refs[i][:199] + "…"
            yield self.finding(
                document, RULE, start, end,
                f"segment scores chrF {scores[i]:.1f} against the reference; possible mistranslation",
                confidence=round(min(0.9, 1 - scores[i] / 100), 3),
                evidence=f"chrF {scores[i]:.1f} ({signature}); reference: {reference}",
            )
