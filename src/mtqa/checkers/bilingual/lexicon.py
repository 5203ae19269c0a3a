"""Number words, scale words and month names of English and the source languages.

The data is ``numbers.toml`` (rules are data); this module compiles it once and looks
words up by prefix ("stem"), which is how inflected Czech, Russian, Ukrainian and Hebrew
forms (with their one-letter prefixes) are matched.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?")
# Full-width digits and punctuation of CJK text to ASCII, one character for one.
FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)}
                           | {"，": ",", "．": ".", "：": ":", "％": "%", "／": "/", "\u3000": " ", "－": "-"})
# Hebrew attaches and, in, to, the, from, that, as to the next word (ו ב ל ה מ ש כ).
HEBREW_PREFIXES = "ובלהמשכ"
# Arabic attaches and, then, in, to, as (و ف ب ل ك) and the article (ال) to the next word.
_ARABIC_PREFIX = re.compile(r"^[وف]?(?:[بلك]|ال|بال|لل|كال)?")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    text = resources.files("mtqa.checkers.bilingual").joinpath("numbers.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    english = data["english"]
    scale_names = sorted(english["scales"], key=len, reverse=True)
    data["_target_scale"] = re.compile(
        r"(?:[\s\u00a0-]{0,2})(" + "|".join(re.escape(s) for s in scale_names) + r")\b", re.IGNORECASE)
    words = sorted(english["words"], key=len, reverse=True)
    data["_target_words"] = re.compile(
        r"\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)"
        r"|(" + "|".join(re.escape(w) for w in words if w != "%") + r"))\b", re.IGNORECASE)
    data["_months"] = re.compile(r"\b(" + "|".join(english["months"]) + r")\b\.?", re.IGNORECASE)
    return data


def value_key(value: float) -> float:
    return round(value, 6)


def stem_table(section: dict, languages: tuple[str, ...]) -> dict[str, list[tuple[str, float]]]:
    table: dict[str, list[tuple[str, float]]] = {}
    for lang in languages:
        for stem, value in section.get(lang, {}).items():
            table.setdefault(stem[:2].lower(), []).append((stem.lower(), float(value)))
    return table


def _compound_words(compounds: dict) -> dict[str, float]:
    """Every unit-joiner-tens word of one language: "sedm" + "a" + "dvacet" = 27."""
    return {unit + compounds["joiner"] + tens: u + t
            for unit, u in compounds["units"].items() for tens, t in compounds["tens"].items()}


def _languages(source_lang: str | None) -> tuple[str, ...]:
    sections = lexicon()["source"]
    if source_lang in sections["scales"]:
        return (source_lang,)
    return tuple(sorted(set(sections["scales"]) | set(sections["words"]) | set(sections["months"])))


@lru_cache(maxsize=32)
def tables(source_lang: str | None) -> tuple[dict, dict, dict]:
    sections = lexicon()["source"]
    languages = _languages(source_lang)
    words = {lang: dict(sections["words"].get(lang, {})) for lang in languages}
    for lang, compounds in sections.get("compounds", {}).items():
        if lang in words:
            words[lang].update(_compound_words(compounds))
    return (stem_table(sections["scales"], languages + ("en",)),
            stem_table(words, languages),
            stem_table(sections["months"], languages))


@lru_cache(maxsize=32)
def halves(source_lang: str | None) -> re.Pattern | None:
    """"and a half" written after a number in the source language(s): "16 וחצי", "2 с половиной"."""
    words = [w for lang in _languages(source_lang) for w in lexicon()["source"]["halves"].get(lang, ())]
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE) if words else None


@lru_cache(maxsize=1)
def renderings() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """(source, target) patterns of set renderings: 1位 "top", 単3 "AA", 0円 "free"."""
    return tuple((re.compile(r["source"]), re.compile(r["target"], re.IGNORECASE)) for r in lexicon()["renderings"])


def stem_matches(word: str, table: dict) -> Iterator[tuple[str, str, float]]:
    """(word without its prefix letters, stem, value) of each stem ``word`` starts with."""
    candidates = [word]
    if word and word[0] in HEBREW_PREFIXES:
        candidates += [word[1:], word[2:]] if len(word) > 2 and word[1] in HEBREW_PREFIXES else [word[1:]]
    elif word and "\u0600" <= word[0] <= "\u06ff":
        prefix = _ARABIC_PREFIX.match(word).end()
        candidates += [word[prefix:]] if 0 < prefix < len(word) - 1 else []
    for candidate in candidates:
        for stem, value in table.get(candidate[:2], ()):
            if candidate == stem[:-1] if stem.endswith("$") else candidate.startswith(stem):
                yield candidate, stem, value


def stem_values(word: str, table: dict) -> list[float]:
    return [value for _, _, value in stem_matches(word, table)]


# A vowel that may join a number to a scale word inside one word: "pětitisícový", "пятитысячный".
_LINK = re.compile("[aeiouyíéůиоуеіы]?")


def scaled_word_values(word: str, words: dict, scales: dict) -> list[float]:
    """Values of one word made of a number and a scale word: "čtyřtisícovka" (4,000),
    "двухтысячный" (2,000)."""
    found = []
    for candidate, stem, value in stem_matches(word, words):
        rest = candidate[len(stem):]
        rest = rest[_LINK.match(rest).end():] if rest else rest
        found += [value * factor for factor in stem_values(rest, scales) if len(rest) > 2]
    return found


_MAY = re.compile(r"\d[\s,]*(?:th|st|nd|rd)?\s*(?:of\s+)?$|^\.?\s*\d")


def target_months(text: str) -> list[tuple[int, int, int]]:
    """(start, end, month) of capitalised English month names; "May" only beside a number."""
    lex = lexicon()
    found = []
    for match in lex["_months"].finditer(text):
        name = match.group(1)
        if not name[0].isupper() or len(name) == 3 and name != "May" and not match.group().endswith("."):
            continue  # "march" the verb; "Jan" without a dot is too often a name
        if name == "May" and not (_MAY.search(text[max(0, match.start() - 8):match.start()])
                                  or _MAY.search(text[match.end(1):match.end(1) + 6])):
            continue
        found.append((match.start(1), match.end(1), lex["english"]["months"][name.lower()]))
    return found


@lru_cache(maxsize=65536)
def month_values(word: str, source_lang: str | None) -> tuple[int, ...]:
    """Months one lower-case source word names; cached, since a source repeats its words."""
    return tuple(int(v) for v in stem_values(word, tables(source_lang)[2]))


_MONTH = r"(?<!\d)(1[0-2]|0?[1-9])"
_MONTH_DAY = re.compile(_MONTH + r"\s*月")
# Chinese and Japanese write a range or list of months with one 月 after the last: 3至6月
# (March to June), 7～9月, 3、4月 (March and April).
_MONTH_RANGE = re.compile(_MONTH + r"\s*(?:(至|到|-|~|～|〜|—|–)|(、|和|或|与|及))\s*(1[0-2]|0?[1-9])\s*月")


def source_months(text: str, source_lang: str | None = None) -> set[int]:
    """Months a source segment names (month words, and N月 in Chinese and Japanese, with
    the months of a range or list before it: 3至6月 names March to June)."""
    scan = text.translate(FULLWIDTH)
    found = {v for m in WORD.finditer(scan) for v in month_values(m.group().lower(), source_lang)}
    found |= {int(m.group(1)) for m in _MONTH_DAY.finditer(scan)}
    for m in _MONTH_RANGE.finditer(scan):
        first, last = int(m.group(1)), int(m.group(4))
        if m.group(2) and first < last:
            found.update(range(first, last + 1))
        else:
            found.update((first, last))
    return found
