"""The consistency checker: document-level artifacts no sentence-level tool can see.

Country and institution pronoun gender, person shift, one name spelt two ways (or spelt
as the gazetteer knows it is wrong), tense clashes and mixed quotation styles. Each
analysis is its own module; this one turns their hits into findings and owns the codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from mtqa.checkers.base import Checker
from mtqa.checkers.consistency.mentions import MentionFinder
from mtqa.checkers.consistency.names import find_known_misspellings, find_name_variants, spelling_pattern
from mtqa.checkers.consistency.person import find_person_shifts
from mtqa.checkers.consistency.pronouns import find_country_pronouns
from mtqa.checkers.consistency.quotestyle import find_mixed_quotes
from mtqa.checkers.consistency.tense import find_tense_clashes
from mtqa.checkers.consistency.text import QuoteIndex, sentence_views
from mtqa.gazetteers import load as load_gazetteer
from mtqa.model import Applicability, Document, Finding, RuleInfo, Severity

NAME = "consistency"

# code -> (name, category, severity, title, description)
RULES: dict[str, tuple[str, str, Severity, str, str]] = {
    "MTQA-CONS-001": (
        "country-pronoun-gender", "fluency/grammar", Severity.MAJOR,
        "Country or institution called 'she'/'he'",
        "A gendered pronoun whose nearest antecedent is a country, city, party or institution; "
        "source-language grammatical gender leaked into English. English uses 'it'.",
    ),
    "MTQA-CONS-002": (
        "person-shift", "fluency/grammar", Severity.MAJOR,
        "First-person reflexive in third-person narration",
        "'myself'/'ourselves' in a sentence whose subject is third person, outside quotations.",
    ),
    "MTQA-CONS-003": (
        "name-spelt-two-ways", "fluency/inconsistency", Severity.MAJOR,
        "One name spelt two ways in the document",
        "Two capitalised forms that differ by transliteration; the rarer one is flagged.",
    ),
    "MTQA-CONS-004": (
        "known-misspelling", "fluency/spelling", Severity.MAJOR,
        "Misspelt name of a place or person in the news",
        "The gazetteer of canonical spellings lists this form as a misspelling.",
    ),
    "MTQA-CONS-005": (
        "variant-transliteration", "locale/convention", Severity.MINOR,
        "Non-preferred transliteration of a place or person name",
        "A dated, Russian-based or other-language spelling that style guides have replaced (Kiev -> Kyiv).",
    ),
    "MTQA-CONS-006": (
        "tense-clash", "fluency/grammar", Severity.MINOR,
        "Future tense for an event the neighbouring sentences put in the past",
        "'will be' + participle between a sentence naming a past time and a past passive.",
    ),
    "MTQA-CONS-007": (
        "mixed-quote-styles", "fluency/punctuation", Severity.MINOR,
        "Single and double quotation marks used for the same purpose",
        "Short top-level quotations use both styles in one document; the rarer style is flagged.",
    ),
}


@lru_cache(maxsize=1)
def _common_words():
    from wordfreq import zipf_frequency

    @lru_cache(maxsize=100_000)
    def zipf(word: str) -> float:
        return zipf_frequency(word.lower(), "en")

    return zipf


class ConsistencyChecker(Checker):
    name = NAME
    categories = tuple(sorted({rule[1] for rule in RULES.values()}))

    def __init__(self, settings) -> None:
        super().__init__(settings)
        options = settings.checker_options(NAME)
        self.gazetteer = load_gazetteer()
        self.finder = MentionFinder(self.gazetteer)
        self.accept = frozenset(settings.accept_words)
        self.window = int(options.get("pronoun_window", 2))
        self.male_pronouns = bool(options.get("male_pronouns", True))
        self.variants = bool(options.get("variant_spellings", True))
        self.max_first_person = int(options.get("max_first_person", 2))
        self.min_name_length = int(options.get("min_name_length", 5))
        self.stretch = bool(options.get("tense_and_quotes", True))
        self._spelling_re = spelling_pattern(self.gazetteer)

    def rule_infos(self) -> Iterable[RuleInfo]:
        for code, (name, category, severity, title, description) in RULES.items():
            yield RuleInfo(code, name, NAME, category, severity, title, description)

    def describe(self) -> dict:
        return {"gazetteer_spellings": len(self.gazetteer.spellings), "places": len(self.gazetteer.places)}

    def _finding(self, document: Document, code: str, start: int, end: int, message: str, **extra) -> Finding:
        _, category, severity, _, _ = RULES[code]
        return document.finding(
            rule=code, checker=NAME, category=category, severity=extra.pop("severity", severity),
            message=message, start=start, end=end, **extra,
        )

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.analysis_text
        views = sentence_views(document)
        quotes = QuoteIndex(document)
        accept = self.accept
        for hit in find_country_pronouns(text, views, quotes, self.finder, window=self.window, check_male=self.male_pronouns):
            yield self._finding(
                document, "MTQA-CONS-001", hit.start, hit.end,
                f"'{hit.pronoun}' refers to {hit.antecedent}, which English calls 'it'",
                suggestions=(hit.suggestion,), confidence=hit.confidence, evidence=hit.antecedent,
            )
        for hit in find_person_shifts(text, views, quotes, max_first_person=self.max_first_person):
            yield self._finding(
                document, "MTQA-CONS-002", hit.start, hit.end,
                f"'{hit.word}' does not agree with the third-person subject '{hit.subject}'",
                suggestions=hit.suggestions, confidence=0.8, evidence=hit.subject,
            )
        for hit in find_name_variants(views, self.gazetteer, common_word=_common_words(), accept=accept,
                                      min_length=self.min_name_length):
            yield self._finding(
                document, "MTQA-CONS-003", hit.start, hit.end,
                f"'{hit.form}' ({hit.count}x) is spelt '{hit.preferred}' ({hit.preferred_count}x) elsewhere in the document",
                suggestions=(hit.preferred,), confidence=0.7, evidence=hit.preferred,
            )
        for hit in find_known_misspellings(text, self._spelling_re, self.gazetteer, accept=accept, variants=self.variants):
            code = "MTQA-CONS-004" if hit.kind == "misspelling" else "MTQA-CONS-005"
            yield self._finding(
                document, code, hit.start, hit.end,
                f"'{hit.variant}' is usually spelt '{hit.canonical}'",
                suggestions=(hit.canonical,), confidence=0.9 if hit.kind == "misspelling" else 0.6,
                applicability=Applicability.SAFE if hit.kind == "misspelling" else Applicability.UNSAFE,
            )
        if not self.stretch:
            return
        for start, end in find_tense_clashes(text, views, quotes):
            yield self._finding(
                document, "MTQA-CONS-006", start, end,
                "future tense for an event the sentences around it put in the past",
                confidence=0.5,
            )
        for start, end, style, majority in find_mixed_quotes(text, quotes):
            yield self._finding(
                document, "MTQA-CONS-007", start, end,
                f"{style} quotation marks here; the document mostly uses {majority} ones for the same purpose",
                confidence=0.5,
            )
