"""The fluency checker: text that is broken as text (fused words, cut-off sentences, fragments).

Dictionary and token heuristics over the whole document; each analysis is its own
module, this one owns the rule codes and turns hits into findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mtqa.checkers.base import Checker
from mtqa.checkers.fluency.cutoff import find_fragments, find_openers, find_paragraph_cuts
from mtqa.checkers.fluency.fused import find_fused
from mtqa.gazetteers import load as load_gazetteer
from mtqa.model import Applicability, Document, Finding, RuleInfo, Severity

NAME = "fluency"

# code -> (name, category, severity, title, description)
RULES: dict[str, tuple[str, str, Severity, str, str]] = {
    "MTQA-FLU-001": (
        "fused-words", "fluency/spelling", Severity.MAJOR,
        "Two words fused together",
        "A lower-case token that is not an English word but splits into two or three frequent words.",
    ),
    "MTQA-FLU-002": (
        "fused-camel-case", "fluency/spelling", Severity.MAJOR,
        "A word fused to a capitalised word",
        "A lower-case word glued to a capitalised one ('beforeRussian'); brands are exempt.",
    ),
    "MTQA-FLU-003": (
        "missing-space-after-sentence", "fluency/punctuation", Severity.MINOR,
        "No space after the end of a sentence",
        "A sentence-final mark glued to the next capitalised word ('harbour.Photo').",
    ),
    "MTQA-FLU-004": (
        "cut-off-sentence", "fluency/grammar", Severity.MAJOR,
        "Sentence cut off and joined to the next one",
        "A sentence opener ('But', 'However', 'The' after 'where') capitalised mid-sentence.",
    ),
    "MTQA-FLU-005": (
        "paragraph-cut", "fluency/grammar", Severity.MAJOR,
        "Paragraph breaks off mid-sentence",
        "A paragraph ends on a function word ('where', 'the', 'is') and the next one continues in lower case.",
    ),
    "MTQA-FLU-006": (
        "dangling-paragraph-end", "fluency/grammar", Severity.MINOR,
        "Paragraph ends on an article or conjunction",
        "The last word of the paragraph is 'the', 'and', 'where'...: the sentence is incomplete.",
    ),
    "MTQA-FLU-008": (
        "lower-case-continuation", "fluency/grammar", Severity.MINOR,
        "Paragraph continues in lower case",
        "A punctuated paragraph ends without terminal punctuation and the next one starts in lower case.",
    ),
    "MTQA-FLU-007": (
        "verbless-fragment", "fluency/grammar", Severity.MINOR,
        "Verbless clause",
        "', although' + a noun phrase with no verb ends the sentence: a clause is missing.",
    ),
}

_FUSED_CODES = {"lower": "MTQA-FLU-001", "camel": "MTQA-FLU-002", "sentence": "MTQA-FLU-003"}
_CUT_CODES = {"opener": "MTQA-FLU-004", "paragraph": "MTQA-FLU-005", "dangling": "MTQA-FLU-006", "continued": "MTQA-FLU-008", "fragment": "MTQA-FLU-007"}


class FluencyChecker(Checker):
    name = NAME
    categories = tuple(sorted({rule[1] for rule in RULES.values()}))

    def __init__(self, settings) -> None:
        super().__init__(settings)
        options = settings.checker_options(NAME)
        self.accept = frozenset(settings.accept_words)
        self.min_zipf = float(options.get("fused_min_zipf", 3.0))
        self.min_paragraph_words = int(options.get("paragraph_min_words", 6))
        self.fragments = bool(options.get("fragments", True))
        self.camelcase = load_gazetteer().camelcase

    def rule_infos(self) -> Iterable[RuleInfo]:
        for code, (name, category, severity, title, description) in RULES.items():
            yield RuleInfo(code, name, NAME, category, severity, title, description)

    def _finding(self, document: Document, code: str, start: int, end: int, message: str, **extra) -> Finding:
        _, category, severity, _, _ = RULES[code]
        return document.finding(rule=code, checker=NAME, category=category, severity=severity,
                                message=message, start=start, end=end, **extra)

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.analysis_text
        for hit in find_fused(text, accept=self.accept, camelcase=self.camelcase, min_zipf=self.min_zipf):
            yield self._finding(
                document, _FUSED_CODES[hit.kind], hit.start, hit.end,
                f"'{hit.token}' looks like '{hit.split}' with the space missing",
                suggestions=(hit.split,), confidence=hit.confidence,
            )
        for cut in find_openers(text):
            if self._accepted(text, cut.start, cut.end):
                continue
            yield self._finding(document, "MTQA-FLU-004", cut.start, cut.end, cut.message,
                                suggestions=(cut.suggestion,) if cut.suggestion else (), confidence=0.8,
                                applicability=Applicability.DISPLAY_ONLY)
        for cut in find_paragraph_cuts(text, document.paragraphs, min_words=self.min_paragraph_words):
            yield self._finding(document, _CUT_CODES[cut.kind], cut.start, cut.end, cut.message, confidence=0.6)
        if self.fragments:
            for cut in find_fragments(text, document.sentences):
                yield self._finding(document, "MTQA-FLU-007", cut.start, cut.end, cut.message, confidence=0.4)

    def _accepted(self, text: str, start: int, end: int) -> bool:
        return any(word in self.accept for word in text[start:end].split())
