"""US/UK variant spellings: "centre" flagged under en-US is English, not a typo.

Either spelling is English, so neither is reported (mtqa.checkers.grammar); not even a
document that writes both, which reviewers of the labelled MT sets never marked.

The rewrite patterns are data (`[spelling_variants]` in mapping.toml); two words are
variants when both rewrite to the same American form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class VariantSpelling:
    def __init__(self, table: dict) -> None:
        self._rewrites = [(re.compile(pattern), replacement) for pattern, replacement in table.get("rewrites", ())]

    def american(self, word: str) -> str:
        word = word.casefold()
        for pattern, replacement in self._rewrites:
            word = pattern.sub(replacement, word)
        return word

    def others(self, word: str, suggestions: Iterable[str]) -> list[str]:
        """The suggestions that are ``word`` in the other English variant."""
        if not word or " " in word.strip():
            return []
        target = self.american(word)
        return [s for s in suggestions if s.casefold() != word.casefold() and self.american(s) == target]
