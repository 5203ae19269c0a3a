"""The project vocabulary's rejected words: house spellings and names the newsroom never uses.

Each ``[vocabulary] reject`` entry is a word or phrase, optionally with the preferred
form: ``"Kiev -> Kyiv"``. Matches are whole words and case-sensitive (names and house
spellings are); a preferred form is a ``safe`` fix because the project itself asked for
it. Accepted words are the other half of the vocabulary and are applied to every
checker's findings by ``mtqa.suppress``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from mtqa.checkers.base import Checker
from mtqa.model import Applicability, Document, Finding, Severity
from mtqa.report import RuleInfo

RULE = "MTQA-VOCAB-001"
_ARROW = re.compile(r"\s*(?:->|=>|→)\s*")


def parse_entry(entry: str) -> tuple[str, str | None]:
    """``"Kiev -> Kyiv"`` -> ("Kiev", "Kyiv"); ``"alright"`` -> ("alright", None)."""
    parts = _ARROW.split(entry.strip(), maxsplit=1)
    word = parts[0].strip()
    preferred = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return word, preferred


def entry_problem(entry: str) -> str | None:
    """Why a ``reject`` entry is malformed, or None. Checked when the config is read: an
    arrow with nothing on one side, or two arrows, is a typo, and read as it stands it
    would flag nothing (``"-> Kyiv"``) or suggest a chain (``"Kiev -> Kyiv -> Kiyv"``)."""
    parts = _ARROW.split(entry.strip())
    if len(parts) == 1:
        return None
    if len(parts) > 2:
        return "has more than one arrow; write one entry per word: 'word -> preferred'"
    if not parts[0].strip():
        return "has no word before the arrow; write 'word -> preferred'"
    if not parts[1].strip():
        return "has no preferred form after the arrow; write 'word -> preferred', or the word alone"
    return None


def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation of whole-word terms, longest first so phrases win over their words."""
    clean = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
    if not clean:
        return None
    body = "|".join(re.escape(t) for t in clean)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@lru_cache(maxsize=8)
def _compiled(entries: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str | None]]:
    preferred = dict(parse_entry(e) for e in entries if e.strip())
    return term_pattern(tuple(preferred)), preferred


class VocabularyChecker(Checker):
    name = "vocabulary"

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.severity = Severity.parse(self.options["severity"])
        self.pattern, self.preferred = _compiled(tuple(settings.reject_words))

    def rule_infos(self) -> list[RuleInfo]:
        return [replace(info, severity=self.severity) for info in super().rule_infos()]

    def check(self, document: Document) -> Iterator[Finding]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(document.analysis_text):
            word = match.group()
            preferred = self.preferred.get(word)
            message = f"'{word}' is not used in this project" + (f"; write '{preferred}'" if preferred else "")
            yield self.finding(
                document, RULE, match.start(), match.end(), message, severity=self.severity,
                suggestions=(preferred,) if preferred else (),
                applicability=Applicability.SAFE if preferred else Applicability.DISPLAY_ONLY,
            )
