"""Grammar, spelling, agreement and punctuation from a real LanguageTool server.

The document's analysis text is cut into batches (mtqa.languagetool.batching), each batch
is looked up in the SQLite result cache and otherwise sent to the server, and every match
becomes a finding with code `LT-<RULE_ID>`, an MQM category and severity from
mapping.toml, and exact code-point offsets. Spelling matches on names the document uses
consistently, on names its segment's source also holds (romanised), on pinyin names in a
translation from Chinese (the bilingual checker compares them with the source) and on the
project's accepted words, are dropped; so is the other English variant ("centre" under
en-US), even in a document that also writes "center": reviewers of both labelled sets
marked none of 32 such mixes. A misspelt name is flagged whole.
The source language goes to LanguageTool as `motherTongue` where its module is
installed, so the false-friend rules run.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from mtqa.checkers.base import Checker, CheckerUnavailable
from mtqa.categories import CATEGORIES
from mtqa.checkers.bilingual.chinese_names import is_pinyin_name
from mtqa.languagetool.batching import make_batches
from mtqa.languagetool.cache import ResultCache, cache_key
from mtqa.languagetool.client import RawMatch
from mtqa.languagetool.install import LanguageToolMissing, cache_root, installed_languages
from mtqa.languagetool.mapping import default_mapping
from mtqa.languagetool.names import SpellingFilter
from mtqa.model import Applicability, Document, Finding
from mtqa.report import RuleInfo
from mtqa.offsets import Utf16Index
from mtqa.wordlists import zipf

RULE_PREFIX = "LT-"
WORD_REPEAT_RULE = "ENGLISH_WORD_REPEAT_RULE"
_BEFORE = re.compile(r"([^\W\d_][\w'’-]*) +$")  # the word right before a name (kept if capitalised)
_AFTER = re.compile(r" +([^\W\d_][\w'’-]*)")
_POSSESSIVE = re.compile(r"['’]s$")  # "Qiu Daqiang's": the neighbour is "Daqiang"
# LanguageTool splits a word at an apostrophe, so the pinyin "Yu'ebao" and "Yan'an" reach
# the name checks as "Yu" and "ebao"; the whole word is what the source and the document
# hold. A possessive or contraction ("Gantz's", "don't") is not joined.
_JOINED_LEFT = re.compile(r"[^\W\d_]+['’]$")
_JOINED_RIGHT = re.compile(r"['’](?![st]\b|ll\b|re\b|ve\b|d\b|m\b)[^\W\d_]+")
# Capitalised words joined by single spaces or hyphens: a name ("Lei Yue Mun", "Anshan-Beilong").
_NAME_WORD = re.compile(r"[A-Z](?:[\w'’.-]*\w)?")
_NAME_RUN = re.compile(rf"{_NAME_WORD.pattern}(?:(?<!['’]s)[ -]{_NAME_WORD.pattern})*")  # "Qiu's" ends one
MAX_NAME_WORDS = 6
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
# A name's word this common in English is a title or a noun ("Professor", "House"), not a transliteration.
COMMON_ZIPF = 3.0
COMMON_WORD_ZIPF = 5.0  # "the", "later", "according": a sentence's first word, not a name's
_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;\"“”'‘’(]\s*)$")
LT_RULE_URL = "https://community.languagetool.org/rule/show/{rule}?lang=en"


class GrammarChecker(Checker):
    name = "grammar"
    generic = True
    categories = tuple(c for c in CATEGORIES if c.split("/")[0] in ("fluency", "style", "locale")) + (
        "accuracy/mistranslation",
    )

    def __init__(self, settings) -> None:
        super().__init__(settings)
        options = settings.checker_options("grammar")
        self.options = options
        self.mapping = default_mapping()
        self.language = str(options["language"])
        if self.language not in ("en-US", "en-GB", "en-CA", "en-AU", "en-NZ", "en-ZA"):
            raise CheckerUnavailable(
                f"grammar: unsupported language {self.language!r}; use en-US, en-GB, en-AU, en-CA, en-NZ or en-ZA")
        self.batch_chars = int(options["batch_chars"])
        self.name_min_count = int(options["name_min_count"])
        self.disabled_rules = tuple(sorted(set(self.mapping.disabled_rules) | set(options["disable_rules"])))
        self.disabled_categories = tuple(sorted(self.mapping.disabled_categories))
        self.enabled_rules = tuple(sorted(set(options["enable_rules"])))  # off-by-default rules
        settings_sent = [self.language, self.disabled_rules, self.disabled_categories,
                         bool(options["picky"]), int(options["max_suggestions"])]
        self.fingerprint = json.dumps(settings_sent + ([self.enabled_rules] if self.enabled_rules else []))
        self.stats = {"batches": 0, "cached": 0, "sent": 0}
        from mtqa.languagetool.session import Connection

        try:
            self.connection = Connection({**options, "enable_rules": self.enabled_rules}, self.disabled_rules,
                                         self.disabled_categories)
        except LanguageToolMissing as exc:
            raise CheckerUnavailable(f"grammar: {exc}") from None
        # The source language as LanguageTool's `motherTongue` turns on its false-friend
        # rules; the server refuses a language whose module is not installed.
        self.mother_tongues = frozenset() if self.connection.mode == "remote" else installed_languages()
        self.cache: ResultCache | None = None
        self._lock = threading.Lock()  # `mtqa serve` may check from several threads
        if options["cache"]:
            path = str(options["cache_path"] or "")
            try:
                self.cache = ResultCache(Path(path) if path else cache_root() / "languagetool" / "results.sqlite3")
            except (OSError, sqlite3.Error):
                self.cache = None  # an unusable cache only costs speed

    def start(self) -> None:
        """Reach or start LanguageTool now, not in the first check (`mtqa serve` calls this)."""
        try:
            self.connection.start()
        except LanguageToolMissing as exc:
            raise CheckerUnavailable(f"grammar: {exc}") from None

    def status(self) -> str:
        return self.connection.status()

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.analysis_text
        batches = make_batches(text, ((p.start, p.end) for p in document.paragraphs), self.batch_chars)
        if not batches:
            return
        mother = document.source_lang if document.source_lang in self.mother_tongues else None
        try:
            results = self._matches(batches, mother)
        except LanguageToolMissing as exc:
            raise CheckerUnavailable(f"grammar: {exc}") from None
        spelling = SpellingFilter(text, self.settings.accept_words, self.name_min_count)
        for batch, matches in zip(batches, results):
            index = Utf16Index(batch.text)
            for match in matches:
                span = batch.to_document(match.offset, match.length, index)
                if span is None or span[0] == span[1]:
                    continue
                finding = self._finding(document, match, *span, spelling)
                if finding is not None:
                    yield finding

    def _matches(self, batches, mother_tongue: str | None) -> list[list[RawMatch]]:
        with self._lock:
            return self._matches_locked(batches, mother_tongue)

    def _matches_locked(self, batches, mother_tongue: str | None) -> list[list[RawMatch]]:
        self.stats["batches"] += len(batches)
        fingerprint = self.fingerprint + (f"/{mother_tongue}" if mother_tongue else "")
        keys = [cache_key(b.text, self.connection.version(), fingerprint) for b in batches]
        found = self.cache.get_many(keys) if self.cache else {}
        fresh: list[tuple[str, list[RawMatch]]] = []
        results = []
        for key, batch in zip(keys, batches):
            matches = found.get(key)
            if matches is None:
                matches = self.connection.check(batch.text, mother_tongue)
                fresh.append((key, matches))
            results.append(matches)
        self.stats["cached"] += len(batches) - len(fresh)
        self.stats["sent"] += len(fresh)
        if self.cache and fresh:
            self.cache.put_many(fresh)
        return results

    def _finding(self, document: Document, match: RawMatch, start: int, end: int,
                 spelling: SpellingFilter) -> Finding | None:
        mapped = self.mapping.lookup(match.rule_id, match.category_id, match.issue_type)
        flagged = document.text[start:end]
        if match.rule_id == WORD_REPEAT_RULE and _name_in_source(document, start, end):
            return None  # "Ni Ni" for 倪妮, "Han Han" for 韩寒: a name, said once
        if mapped.category == "fluency/spelling" and match.issue_type == "misspelling":
            word_start, word_end = _whole_word(document.text, start, end)
            word = document.text[word_start:word_end]
            if (spelling.suppressed(word) or _name_in_source(document, word_start, word_end)
                    or (word[:1].isupper() and _hebrew_name_as_spelt(document, word_start, word_end))):
                return None
            if document.source_lang == "zh" and is_pinyin_name(word):
                return None  # a Chinese name, not a typo; MTQA-BI-071 compares it with the source
            if self.mapping.variants.others(flagged, match.replacements):
                return None  # "centre" under en-US: English, and a house style
        confidence = mapped.confidence
        message, suggestions = match.message, match.replacements
        if mapped.category == "fluency/spelling" and flagged[:1].isupper():
            confidence = min(confidence, 0.5)  # probably a name the dictionary lacks
            name_start, name_end = _name_span(document.text, start, end)
            if (name_start, name_end) != (start, end):
                name = document.text[name_start:name_end]
                message = f"{message.rstrip('.')}: '{flagged}' in the name '{name}'"
                before, after = document.text[name_start:start], document.text[end:name_end]
                suggestions = [before + s + after for s in suggestions]
                start, end = name_start, name_end
        return document.finding(
            rule=RULE_PREFIX + match.rule_id,
            checker=self.name,
            category=mapped.category,
            severity=mapped.severity,
            message=message,
            start=start,
            end=end,
            suggestions=suggestions,
            confidence=confidence,
            applicability=Applicability.UNSAFE if match.replacements else Applicability.DISPLAY_ONLY,
        )

    def rule_infos(self):
        for rule_id, entry in sorted(self.mapping.rules.items()):
            mapped = self.mapping.lookup(rule_id, "", "")
            yield RuleInfo(
                code=RULE_PREFIX + rule_id, name=rule_id.lower().replace("_", "-"), checker=self.name,
                category=entry.get("category", mapped.category), severity=mapped.severity,
                title=f"LanguageTool rule {rule_id}", link=LT_RULE_URL.format(rule=rule_id),
            )

    def describe(self) -> dict:
        # Only what shapes the findings: the server mode, restarts and cache hits vary from
        # run to run and would make identical checks produce different reports.
        return {
            "languagetool": self.connection.known_version(),
            "language": self.language,
            "disabled_rules": list(self.disabled_rules),
            **({"enabled_rules": list(self.enabled_rules)} if self.enabled_rules else {}),
        }

    def close(self) -> None:
        self.connection.close()
        if self.cache is not None:
            self.cache.close()


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the apostrophe-joined word around a flagged piece of it."""
    left = _JOINED_LEFT.search(text, max(0, start - 30), start)
    if left and left.end() == start:
        start = left.start()
    right = _JOINED_RIGHT.match(text, end)
    return start, right.end() if right else end


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole name around a flagged capitalised word: "Lei Yue Mun Park" for "Yue".

    Reviewers mark a misspelt name, not one of its words, and a wrong surname beside a
    given name the dictionary also lacks is one error of the name. A common word that
    opens the sentence ("The", "Later") is not part of the name, and a longer run of
    capitals is a headline in title case."""
    for run in _NAME_RUN.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if run.start() <= start and end <= run.end():
            words = list(_NAME_WORD.finditer(run.group()))
            if len(words) > MAX_NAME_WORDS:
                return start, end
            first = run.start()
            if _SENTENCE_START.search(text, max(0, first - 4), first) and first + words[0].end() <= start \
                    and zipf(words[0].group().lower()) >= COMMON_WORD_ZIPF:
                first += words[1].start()
            return first, run.end()
        if run.start() > start:
            break
    return start, end


def _name_in_source(document: Document, start: int, end: int) -> bool:
    """A capitalised word the segment's source also holds (romanised): a name, not a typo.
    A lower-case word counts when a source in another script quotes it in Latin letters
    ("ahamo", "dpa"), or when it joins two words of a name the source spells ("nad" in
    "Žďár nad Sázavou"); otherwise, in a Latin-script source, it may be a word left
    untranslated ("liebes", "brambor")."""
    flagged = document.text[start:end]
    index = document.unit_index(start)
    if index is None or not document.units[index].source:
        return False
    from mtqa.checkers.bilingual.transliteration import source_names

    names = source_names(document.units[index].source, document.source_lang)
    before = _BEFORE.search(document.text, max(0, start - 40), start)
    after = _AFTER.match(document.text, end, end + 40)
    neighbours = tuple(_POSSESSIVE.sub("", m.group(1)) for m in (before, after) if m and m.group(1)[0].isupper())
    if not flagged[:1].isupper():
        # "Žďár nad Sázavou": a small word inside a name the source spells, words on both sides
        return names.quotes(flagged) or (len(neighbours) == 2 and all(map(names.contains, (flagged, *neighbours))))
    return names.contains(flagged, neighbours)


def _hebrew_name_as_spelt(document: Document, start: int, end: int) -> bool:
    """A name whose every word is a common English word or a spelling that names of a word of
    the Hebrew source share (Hebrew is not romanised: it writes no vowels). One unattested
    word keeps the finding, which covers the whole name (reviewers mark the name)."""
    index = document.unit_index(start)
    if index is None or not document.units[index].source:
        return False
    from mtqa.checkers.bilingual import hebrew_spellings

    source = document.units[index].source
    name_start, name_end = _name_span(document.text, start, end)
    words = _CAPITALISED_WORD.findall(document.text, name_start, name_end)
    names = [w for w in words if zipf(w.lower()) < COMMON_ZIPF]
    return bool(names) and all(hebrew_spellings.attested(source, w) for w in names)
