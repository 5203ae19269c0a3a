"""Untranslated text and source-script residue in English news (``accuracy/untranslated``).

Each sentence is judged once, cheapest test first:

1. Letters of a non-Latin script (Hebrew, Arabic, Cyrillic, Greek, Devanagari, CJK) are
   found by Unicode range. If they make up at least half of the sentence's letters the
   sentence is untranslated (MTQA-LANG-001); otherwise each run of them is residue left
   inside an English sentence (MTQA-LANG-002).
2. A Latin-script sentence is English without further ado if it is short (fewer than
   ``min_letters`` letters), has two English function words, or is mostly capitalised
   words (names, bylines, headlines: proper names are not "untranslated").
3. Only what remains goes to the language detector (``backend``); a confident non-English
   verdict is MTQA-LANG-001.

Consecutive untranslated sentences of one paragraph in one language become one finding,
so a planted foreign paragraph is reported once, with the paragraph's span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from mtqa.checkers.base import Checker
from mtqa.langid.backends import LanguageIdentifier, make_backend
from mtqa.langid.cues import cues, english_at_least
from mtqa.langid.scripts import has_foreign_letters, lookalikes, script_runs
from mtqa.model import Applicability, Document, Finding

NAME = "language"
UNTRANSLATED = "MTQA-LANG-001"
RESIDUE = "MTQA-LANG-002"
# Detectors see at most this much of a sentence: plenty to tell a language, and a
# 50 MB line without a full stop costs no more than a long paragraph.
DETECTOR_CHARS = 2000
# English function words that make a Latin-script sentence English without a detector.
ENGLISH_CUES = 2
_UNSEEN = object()
_MAX_VERDICTS = 50_000  # sentences remembered; a bound for huge corpora


@dataclass(slots=True)
class _Untranslated:
    start: int
    end: int
    language: str  # ISO code or script name
    confidence: float
    how: str
    group: str  # sentences merge only within one group (script, or detected language)


@dataclass(frozen=True, slots=True)
class _Residue:
    start: int
    end: int
    script: str
    fix: str | None = None  # the Latin look-alike of a single letter inside a word


class LanguageChecker(Checker):
    name = NAME

    def __init__(self, settings) -> None:
        super().__init__(settings)
        # Built now so an unknown or missing backend fails at start-up, in one line.
        self.backend: LanguageIdentifier = make_backend(self.options["backend"])
        self._verdicts: dict[str, list[tuple[str, float]] | None] = {}

    def describe(self) -> dict:
        return {**self.backend.describe(), "min_letters": self.options["min_letters"],
                "min_confidence": self.options["min_confidence"]}

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.analysis_text
        plain = text.isascii()  # no letter of any other script anywhere: skip the script scan
        source = document.source_lang or self.settings.source_lang or ""  # both already codes
        pending: _Untranslated | None = None
        for sentence in document.sentences:
            verdict = self._judge(text, sentence.start, sentence.end, plain, source)
            untranslated = isinstance(verdict, _Untranslated)
            if (untranslated and pending and pending.group == verdict.group
                    and "\n" not in text[pending.end : verdict.start]):
                pending.end = verdict.end
                pending.confidence = min(pending.confidence, verdict.confidence)
                continue
            if pending:
                yield self._untranslated(document, pending)
            pending = verdict if untranslated else None
            if not untranslated:
                for residue in verdict:
                    yield self._residue(document, residue)
        if pending:
            yield self._untranslated(document, pending)

    def _judge(self, text: str, start: int, end: int, plain: bool, source: str) -> _Untranslated | list[_Residue]:
        """An untranslated verdict for the sentence, or the residue inside it.

        A verdict naming the document's source language (``--source-lang``) is what an
        untranslated segment looks like, so it needs only half of ``min_confidence``.
        """
        if not plain and has_foreign_letters(text, start, end):
            return self._judge_scripts(text, start, end)
        sentence = text[start:end]
        found = self._verdicts.get(sentence, _UNSEEN)
        if found is _UNSEEN:
            if len(self._verdicts) >= _MAX_VERDICTS:
                self._verdicts.clear()
            found = self._verdicts[sentence] = self._detect(sentence)
        if not found:
            return []
        needed = self.options["min_confidence"] / (2 if found[0][0] == source else 1)
        if found[0][0] != "en" and found[0][1] >= needed:
            return _Untranslated(start, end, found[0][0], found[0][1], self.options["backend"], found[0][0])
        return []

    def _detect(self, sentence: str) -> list[tuple[str, float]] | None:
        """The detector's top language for a Latin-script sentence, or None when cues make
        it English. Remembered per sentence: systems translating one source share many
        sentences (a third of 8,000 WMT segments)."""
        if english_at_least(sentence, ENGLISH_CUES):
            return None  # the common case, decided a few words in
        c = cues(sentence)
        options = self.options
        if (c.letters < options["min_letters"] or c.english >= ENGLISH_CUES
                or c.capitalised_share >= options["max_capitalised"]):
            return None
        return self.backend.identify(sentence[:DETECTOR_CHARS], k=1)

    def _judge_scripts(self, text: str, start: int, end: int) -> _Untranslated | list[_Residue]:
        runs = script_runs(text, start, end)
        foreign = sum(r.letters for r in runs)
        letters = sum(1 for ch in text[start:end] if ch.isalpha())
        if foreign * 2 >= letters:
            main = max(runs, key=lambda r: r.letters).script
            language = main.name
            found = self.backend.identify(text[start : min(end, start + DETECTOR_CHARS)], k=1)
            if found and found[0][0] in main.languages:
                language = found[0][0]
            return _Untranslated(start, end, language, 0.95, f"{main.name} script", main.name)
        residues = []
        for run in runs:
            if run.letters < run.script.min_run or _in_link(text, run.start, run.end):
                continue
            if run.letters == 1 and _beside_number(text, run.start, run.end):
                continue  # "105х195", "50°С": a look-alike used as a symbol, not words left untranslated
            fix = None
            if run.end - run.start == 1 and _inside_latin_word(text, run.start, run.end):
                fix = lookalikes().get(text[run.start])
            residues.append(_Residue(run.start, run.end, run.script.name, fix))
        return residues

    def _untranslated(self, document: Document, u: _Untranslated) -> Finding:
        name = language_name(u.language)
        return self.finding(document, UNTRANSLATED, u.start, u.end, f"Untranslated text: this is {name}, not English",
                            confidence=u.confidence, evidence=f"{u.how}: {u.language}")

    def _residue(self, document: Document, r: _Residue) -> Finding:
        if r.fix is not None:
            return self.finding(document, RESIDUE, r.start, r.end,
                                f"{r.script} look-alike of '{r.fix}' inside a Latin-script word",
                                confidence=0.95, evidence=r.script, suggestions=(r.fix,),
                                applicability=Applicability.SAFE)
        return self.finding(document, RESIDUE, r.start, r.end,
                            f"{r.script} letters left in an English sentence (source-text residue)",
                            confidence=0.9, evidence=r.script)


def _token(text: str, start: int, end: int) -> str:
    """The whitespace-delimited token around ``text[start:end]`` (bounded, for long lines)."""
    left = start
    while left > 0 and start - left < 200 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < 200 and not text[right].isspace():
        right += 1
    return text[left:right]


def _in_link(text: str, start: int, end: int) -> bool:
    """Inside a URL, e-mail address or domain name (IDNs such as премия.рф are legitimate)."""
    token = _token(text, start, end)
    return "://" in token or token.lower().startswith("www.") or ("@" in token and "." in token)


def _beside_number(text: str, start: int, end: int) -> bool:
    """Is the nearest non-space character on either side a digit or a degree sign?"""
    before = text[max(0, start - 8) : start].rstrip()[-1:]
    after = text[end : end + 8].lstrip()[:1]
    return any(ch.isdigit() or ch == "°" for ch in before + after)


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    def latin(ch: str) -> bool:
        return ch.isalpha() and ch < "\u0250"

    return (start > 0 and latin(text[start - 1])) or (end < len(text) and latin(text[end]))


@cache
def language_name(code: str) -> str:
    """English name of an ISO 639-1 code ("de" -> "German"); script names pass through."""
    if len(code) != 2:
        return f"{code}-script text"
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return found.name if found is not None else code
