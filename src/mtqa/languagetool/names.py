"""Which spelling matches to drop: names the document uses consistently, known names, accepted words.

LanguageTool's dictionary does not know most people and places in the news. A
capitalised token the article itself writes the same way several times is almost always
a name spelt as intended (a misspelt name is more often spelt two ways, which the
consistency checker reports). Names in mtqa's gazetteers (places, people, institutions,
demonyms, camel-case brands, the English forms of the Hebrew names gazetteer), acronyms, names after the Arabic article ("al-Din") and
words the project accepts (`[vocabulary] accept`) are never spelling errors either; the
gazetteer's known misspellings ("Kraschatyk") are not in that list, so they stay flagged.
Nor are the Japanese loanwords English dictionaries list ("soba", "ryokan";
gazetteers/loanwords.tsv, each with the dictionaries that list it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
# The Arabic article before a name ("al-Din", "as-Sayed", "el-Sisi"): the capital after the
# hyphen makes it a name, as in "Khir al-Din", never a misspelt English word.
_ARTICLE_NAME = re.compile(r"(?:a[lnrstdz]|ash|ath|el|ul)-[A-Z][\w'’]*")


class SpellingFilter:
    def __init__(self, text: str, accept_words: Iterable[str], min_count: int) -> None:
        self.accepted = {w.casefold() for w in accept_words if w.strip()} | loanwords()
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        counts = Counter(t for t in tokens if t[0].isupper())
        self.names = {token for token, n in counts.items() if n >= min_count} if min_count > 0 else set()
        self.names |= gazetteer_words()

    def suppressed(self, flagged: str) -> bool:
        """True when every word of the flagged text is an accepted word or a consistent name."""
        flagged = flagged.strip()
        if not flagged:
            return False
        if flagged.casefold() in self.accepted or _ARTICLE_NAME.fullmatch(flagged):
            return True
        tokens = _TOKEN.findall(flagged)
        if not tokens:
            return False
        return all(t.casefold() in self.accepted or (t[0].isupper() and t in self.names) or _acronym(t)
                   for t in tokens)


def _acronym(token: str) -> bool:
    """"CSCEC", "MGTO", "NIS": an abbreviation no dictionary lists, almost never a typo."""
    return len(token) > 1 and token.isupper() and token.isalpha()


@lru_cache(maxsize=1)
def loanwords() -> frozenset[str]:
    """Words English dictionaries list though LanguageTool's lacks them (gazetteers/loanwords.tsv)."""
    from importlib import resources

    text = resources.files("mtqa.gazetteers").joinpath("loanwords.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0].strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def gazetteer_words() -> frozenset[str]:
    """Every word of a gazetteer name, minus the known misspellings."""
    try:
        from mtqa.gazetteers import load

        gazetteer = load()
    except (ImportError, OSError, ValueError):
        return frozenset()
    words: set[str] = set()
    for table in (gazetteer.places, gazetteer.institutions, gazetteer.people):
        for name in table:
            words.update(w for w in name if w[:1].isupper())
    words.update(gazetteer.demonyms)
    words.update(gazetteer.camelcase)
    words.update(gazetteer.demonyms.values())
    words.update(_hebrew_name_words())
    return frozenset(words - set(gazetteer.spellings))


def _hebrew_name_words() -> set[str]:
    """Capitalised words of the English forms in use for Israeli places, clubs, media, parties,
    institutions and people ("Hadassah", "Givatayim", "Maccabi"): a dictionary that lacks them
    is no evidence of a misspelling."""
    from mtqa.checkers.bilingual.hebrew_names import gazetteer as hebrew_names

    return {word for names in hebrew_names().values() for name in names for english in name.english
            for word in _TOKEN.findall(english) if word[:1].isupper() and not word.isupper()}
