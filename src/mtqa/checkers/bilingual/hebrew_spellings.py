"""Names transliterated from the Hebrew source in a spelling English does not use.

Hebrew writes names without most vowels, so machine translation guesses them: "Malika"
for מלכה (Malka), "Dackel" for דקל (Dekel), "Kalpon" for כלפון (Kalfon). The guess spells
the source word letter by letter, so the check for names with no counterpart in the
source (``names.py``) rightly lets it pass. What tells it apart is usage: Wikidata's people
with both a Hebrew and an English label show how English writes each Hebrew word of a
name (``hebrew_spellings.tsv``, built by ``scripts/build_hebrew_spellings.py``). A
capitalised word that spells a source word, where that word has one dominant English
spelling and this is none of its attested spellings, is reported with the usual one.

An h is a spelling choice, not a vowel guess (Shaul and Saul, Chaim and Haim), so spellings
are also compared without it; places the gazetteer knows are left to it.
Words that begin a Hebrew place or institution name in construct form (Bnei, Sde, Beit)
and names carrying the article (Hasharon, Hacarmel) are read as they are written: their
Hebrew word is a common noun, not the name the table knows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from mtqa.checkers.bilingual.names import could_spell, letter_form, prefixed_forms
from mtqa.gazetteers import load as gazetteer
from mtqa.wordlists import zipf

# A common English word is a translation, not a transliteration.
MAX_ZIPF = 3.0
# A Hebrew word has a usual spelling when it is seen in this many names and its commonest
# spelling in this share of them (יצחק is Yitzhak, Isaac, Itzhak: no usual spelling).
MIN_NAMES = 5
MIN_SHARE = 0.5
# A spelling this many names use is attested: not a spelling error.
MIN_ATTESTED = 2
_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?![-\w])")
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea'׳]*")
# The Hebrew article and the first words of construct-form place names.
_ARTICLE = ("ha", "ha-", "ha'")
_CONSTRUCT = frozenset(
    "bnei bney beit bet beth sde sdeh kfar kefar givat ramat kiryat kiryat ein en tel neve nahal har "
    "maale ma'ale mitzpe gan ganei kibbutz moshav mevo rosh beer be'er bat ben bar abu al el umm "
    "nir nof migdal yad shaar sha'ar tirat kafr deir beit".split())


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[tuple[str, int], ...]]:
    """Hebrew word -> (English spelling, names spelt so), the commonest first."""
    text = resources.files("mtqa.checkers.bilingual").joinpath("hebrew_spellings.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            hebrew, spellings = line.split("\t")
            out[hebrew] = tuple((s, int(n)) for s, n in (pair.rsplit(":", 1) for pair in spellings.split()))
    return out


@lru_cache(maxsize=1)
def usual() -> dict[str, tuple[str, frozenset[str]]]:
    """Hebrew word -> (its dominant spelling, every spelling seen), for the words that have one:
    seen in MIN_NAMES names or more, the commonest spelling in MIN_SHARE of them."""
    out = {}
    for hebrew, spellings in table().items():
        total = sum(n for _, n in spellings)
        if total >= MIN_NAMES and spellings[0][1] >= MIN_SHARE * total:
            out[hebrew] = (spellings[0][0], frozenset(s for s, _ in spellings))
    return out


def attested(source: str, name: str) -> bool:
    """Is ``name`` the spelling of a source word it spells in at least MIN_ATTESTED names?
    Such a name is spelt as English spells it, whatever a spelling dictionary says."""
    lower = name.lower()
    return any(any(s == lower and n >= MIN_ATTESTED for s, n in table()[word])
               and could_spell(name, letter_form(word))
               for word in _source_words(source) if word in table())


def _source_words(source: str) -> list[str]:
    """Every source word, and each with one or two prefix letters taken off."""
    words = _HEBREW_WORD.findall(source.replace("׳", "'"))
    return list(dict.fromkeys(form for word in words for form in prefixed_forms(word)))


def unusual_spellings(source: str, target: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, usual spelling) of names the source spells in a spelling no one uses."""
    known = usual()
    words = _source_words(source)
    listed = [w for w in words if w in known]
    if not listed:
        return []
    attested_spellings = {s for w in listed for s in known[w][1]}
    attested_spellings |= {s.replace("h", "") for s in attested_spellings}
    found = []
    for match in _NAME.finditer(target):
        name = match.group()
        lower = name.lower()
        if (lower in attested_spellings or lower.replace("h", "") in attested_spellings or lower in _CONSTRUCT
                or zipf(lower) >= MAX_ZIPF or (name,) in gazetteer().places
                or any(lower.startswith(a) and lower[len(a):] in attested_spellings for a in _ARTICLE)):
            continue
        spelt = next((w for w in listed if could_spell(name, letter_form(w))), None)
        # A name that also spells a source word the table does not know may be that name.
        if spelt and not any(could_spell(name, letter_form(w)) for w in words if w not in known):
            found.append((match.start(), match.end(), name, known[spelt][0].capitalize()))
    return found
