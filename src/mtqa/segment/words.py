"""Whole-word occurrence of a literal in a long text, without a regex scan.

``re.search(r"(?<!\\w)word(?!\\w)", text)`` cannot use the engine's literal search (the
pattern starts with a look-behind), so on a 300,000-character document each call took
tens of milliseconds; ``str.find`` jumps from occurrence to occurrence. A word character
is what ``\\w`` matches in a str pattern: alphanumeric or the underscore.
"""

from __future__ import annotations


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def occurs_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no word character on either side
    (``re.search(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)``)."""
    if not word:
        return not text or any(not _word_char(text, i - 1) and not _word_char(text, i) for i in range(len(text) + 1))
    at = text.find(word)
    while at != -1:
        if not _word_char(text, at - 1) and not _word_char(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False
