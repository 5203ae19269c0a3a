"""Is a segment already English? Then a target equal to it is no untranslated copy.

A news source quotes English (a Reddit line, a product name such as "Video Board CMOS RAM",
a band on stage), and the translation rightly keeps it. Such a segment has every lower-case
word in common English use (wordfreq Zipf >= ``MIN_ZIPF``) and capitalised words are free
(names, titles, acronyms); a German or Czech sentence has a lower-case word English lacks
("heute", "beschlossen"). wordfreq's English counts German and Czech function words that
English text quotes ("und" 3.9, "das" 3.7, "ist" 3.4), so those never count as English.
"""

from __future__ import annotations

import re

from mtqa.wordlists import zipf

MIN_ZIPF = 3.0
MIN_WORDS = 2
_FOREIGN = frozenset(
    "und das ist der den dem des ein eine einen nicht mit auf für sich auch von zu im bei wie noch nach aus "
    "wir sie ich wird sind oder aber ja je se na že jsou byl byla pro ale jak ve ze si jen už tak co jsem".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def is_english(text: str) -> bool:
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS or not all(w.isascii() or not w.islower() for w in words):
        return False
    return all(zipf(w) >= MIN_ZIPF and w not in _FOREIGN for w in words if w.islower())
