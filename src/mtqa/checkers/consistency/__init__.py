"""The consistency checker: document-level artifacts no sentence-level tool can see.

Country and institution pronoun gender, person shift, one name spelt two ways (or spelt
as the gazetteer knows it is wrong), tense clashes and mixed quotation styles. Each
analysis is its own module; this one turns their hits into findings (codes and their
metadata: checkers/codes/consistency.yml).
"""

from __future__ import annotations

from collections.abc import Iterator
from mtqa import wordlists
from mtqa.checkers.base import Checker
from mtqa.checkers.consistency.mentions import MentionFinder
from mtqa.checkers.consistency.names import find_known_misspellings, find_name_variants, spelling_pattern
from mtqa.checkers.consistency.person import find_person_shifts
from mtqa.checkers.consistency.pronouns import find_country_pronouns
from mtqa.checkers.consistency.quotestyle import find_mixed_quotes
from mtqa.checkers.consistency.sources import HebrewSources
from mtqa.checkers.consistency.tense import find_tense_clashes
from mtqa.checkers.consistency.text import QuoteIndex, sentence_views
from mtqa.gazetteers import load as load_gazetteer
from mtqa.model import Applicability, Document, Finding

NAME = "consistency"


class ConsistencyChecker(Checker):
    name = NAME

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.gazetteer = load_gazetteer()
        self.finder = MentionFinder(self.gazetteer)
        self.accept = frozenset(settings.accept_words)
        self._spelling_re = spelling_pattern(self.gazetteer)

    def describe(self) -> dict:
        return {"gazetteer_spellings": len(self.gazetteer.spellings), "places": len(self.gazetteer.places)}

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.analysis_text
        views = sentence_views(document)
        quotes = QuoteIndex(document)
        accept, options = self.accept, self.options
        for hit in find_country_pronouns(text, views, quotes, self.finder, window=options["pronoun_window"],
                                         check_male=options["male_pronouns"]):
            yield self.finding(
                document, "MTQA-CONS-001", hit.start, hit.end,
                f"'{hit.pronoun}' refers to {hit.antecedent}, which English calls 'it'",
                suggestions=(hit.suggestion,), confidence=hit.confidence, evidence=hit.antecedent,
            )
        for hit in find_person_shifts(text, views, quotes, max_first_person=options["max_first_person"]):
            yield self.finding(
                document, "MTQA-CONS-002", hit.start, hit.end,
                f"'{hit.word}' does not agree with the third-person subject '{hit.subject}'",
                suggestions=hit.suggestions, confidence=0.8, evidence=hit.subject,
            )
        sources = HebrewSources.of(document)
        for hit in find_name_variants(text, views, self.gazetteer, accept=accept, min_length=options["min_name_length"],
                                      common_word=lambda word: wordlists.zipf(word.lower()),
                                      two_names=sources.two_names if sources else None):
            yield self.finding(
                document, "MTQA-CONS-003", hit.start, hit.end,
                f"'{hit.form}' ({hit.count}x) is spelt '{hit.preferred}' ({hit.preferred_count}x) elsewhere in the document",
                suggestions=(hit.preferred,), confidence=0.7, evidence=hit.preferred,
            )
        for hit in find_known_misspellings(text, self._spelling_re, self.gazetteer, accept=accept,
                                           variants=options["variant_spellings"]):
            code = "MTQA-CONS-004" if hit.kind == "misspelling" else "MTQA-CONS-005"
            yield self.finding(
                document, code, hit.start, hit.end,
                f"'{hit.variant}' is usually spelt '{hit.canonical}'",
                suggestions=(hit.canonical,), confidence=0.9 if hit.kind == "misspelling" else 0.6,
                applicability=Applicability.SAFE if hit.kind == "misspelling" else Applicability.UNSAFE,
            )
        if not options["tense_and_quotes"]:
            return
        for start, end in find_tense_clashes(text, views, quotes):
            yield self.finding(
                document, "MTQA-CONS-006", start, end,
                "future tense for an event the sentences around it put in the past",
                confidence=0.5,
            )
        for start, end, style, majority in find_mixed_quotes(text, quotes):
            yield self.finding(
                document, "MTQA-CONS-007", start, end,
                f"{style} quotation marks here; the document mostly uses {majority} ones for the same purpose",
                confidence=0.5,
            )
