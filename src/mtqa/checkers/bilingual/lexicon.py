"""Number words, scale words and month names of English and the source languages.

The data is ``numbers.toml`` (rules are data); this module compiles it once and looks
words up by prefix ("stem"), which is how inflected Czech, Russian, Ukrainian and Hebrew
forms (with their one-letter prefixes) are matched.
"""

from __future__ import annotations

import re
import tomllib
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


@lru_cache(maxsize=32)
def tables(source_lang: str | None) -> tuple[dict, dict, dict]:
    lex = lexicon()
    sections = lex["source"]
    known = tuple(sections["scales"])
    languages = (source_lang,) if source_lang in known else tuple(
        sorted(set(sections["scales"]) | set(sections["words"]) | set(sections["months"])))
    return (stem_table(sections["scales"], languages + ("en",)),
            stem_table(sections["words"], languages),
            stem_table(sections["months"], languages))


def stem_values(word: str, table: dict) -> list[float]:
    found = []
    candidates = [word]
    if word and word[0] in HEBREW_PREFIXES:
        candidates += [word[1:], word[2:]] if len(word) > 2 and word[1] in HEBREW_PREFIXES else [word[1:]]
    elif word and "\u0600" <= word[0] <= "\u06ff":
        prefix = _ARABIC_PREFIX.match(word).end()
        candidates += [word[prefix:]] if 0 < prefix < len(word) - 1 else []
    for candidate in candidates:
        for stem, value in table.get(candidate[:2], ()):
            if candidate == stem[:-1] if stem.endswith("$") else candidate.startswith(stem):
                found.append(value)
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


def source_months(text: str, source_lang: str | None = None) -> set[int]:
    """Months a source segment names (month words, and N月 in Chinese and Japanese)."""
    _, _, months = tables(source_lang)
    scan = text.translate(FULLWIDTH)
    found = {int(v) for m in WORD.finditer(scan) for v in stem_values(m.group().lower(), months)}
    found |= {int(m.group(1)) for m in re.finditer(r"(?<!\d)(1[0-2]|0?[1-9])\s*月", scan)}
    return found
