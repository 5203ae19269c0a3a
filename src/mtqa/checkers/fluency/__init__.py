"""The fluency checker: text that is broken as text (fused words, cut-off sentences, fragments).

Dictionary and token heuristics over the whole document; each analysis is its own
module, this one turns hits into findings (codes: checkers/codes/fluency.yml).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.checkers.base import Checker
from mtqa.checkers.fluency.cutoff import find_fragments, find_openers, find_paragraph_cuts
from mtqa.checkers.fluency.fused import find_fused
from mtqa.checkers.fluency.loops import (MIN_REPEATS, MIN_REPEATS_WITHOUT_SOURCE, SOURCE_FACTOR, loops,
                                         longest_repetition)
from mtqa.gazetteers import load as load_gazetteer
from mtqa.model import Applicability, Document, Finding

NAME = "fluency"

_FUSED_CODES = {"lower": "MTQA-FLU-001", "camel": "MTQA-FLU-002", "sentence": "MTQA-FLU-003"}
_CUT_CODES = {"opener": "MTQA-FLU-004", "paragraph": "MTQA-FLU-005", "dangling": "MTQA-FLU-006", "continued": "MTQA-FLU-008", "fragment": "MTQA-FLU-007"}


_SOURCE_END = frozenset(".!?…。！？؟:;\"'”’»)]」』）")


def _source_continues(document: Document, offset: int) -> bool:
    """Whether the aligned source of the unit at ``offset`` also ends without terminal
    punctuation: a list item, a heading, a dateline, or a segment the source itself runs on
    into the next. The translation copied the layout; nothing was cut."""
    index = document.unit_index(offset)
    if index is None:
        return False
    source = (document.units[index].source or "").rstrip()
    return bool(source) and source[-1] not in _SOURCE_END


class FluencyChecker(Checker):
    name = NAME

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.accept = frozenset(settings.accept_words)
        self.camelcase = load_gazetteer().camelcase

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.analysis_text
        for hit in find_fused(text, accept=self.accept, camelcase=self.camelcase, min_zipf=self.options["fused_min_zipf"]):
            yield self.finding(
                document, _FUSED_CODES[hit.kind], hit.start, hit.end,
                f"'{hit.token}' looks like '{hit.split}' with the space missing",
                suggestions=(hit.split,), confidence=hit.confidence,
            )
        for cut in find_openers(text):
            if any(word in self.accept for word in text[cut.start:cut.end].split()):
                continue
            yield self.finding(document, "MTQA-FLU-004", cut.start, cut.end, cut.message,
                                suggestions=(cut.suggestion,) if cut.suggestion else (), confidence=0.8,
                                applicability=Applicability.DISPLAY_ONLY)
        for cut in find_paragraph_cuts(text, document.paragraphs, min_words=self.options["paragraph_min_words"]):
            if cut.kind == "continued" and _source_continues(document, cut.start):
                continue
            yield self.finding(document, _CUT_CODES[cut.kind], cut.start, cut.end, cut.message, confidence=0.6)
        yield from self._loops(document, text)
        if self.options["fragments"]:
            for cut in find_fragments(text, document.sentences):
                yield self.finding(document, "MTQA-FLU-007", cut.start, cut.end, cut.message, confidence=0.4)

    def _loops(self, document: Document, text: str) -> Iterator[Finding]:
        """Repetition loops, per aligned unit against that unit's source when there is one."""
        pieces = [(u.start, u.end, u.source) for u in document.units] or [(0, len(text), document.source_text)]
        for start, end, source in pieces:
            for loop in loops(text, start, end, MIN_REPEATS if source else MIN_REPEATS_WITHOUT_SOURCE):
                in_source = longest_repetition(source) if source else 0
                if loop.repeats <= SOURCE_FACTOR * in_source:
                    continue  # the source repeats itself too: a song, a chant, a sound
                yield self.finding(document, "MTQA-FLU-009", loop.start, loop.end,
                                   f"'{loop.unit}' is repeated {loop.repeats} times in a row: the translation "
                                   "loops and the sentence is lost", confidence=0.9)
