"""Chinese and Japanese numerals: 三十, 2万4801, 4億5000万, 令和3年, 9割, 午後3時半.

Every reading feeds the lenient side of the number comparison (values that may explain a
target number); only numerals that are clearly quantities (五星, 十九条) must also appear
in the translation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtqa.checkers.bilingual.lexicon import lexicon

# Chinese and Japanese clock times: 午後3時半, 下午3点15分, 11時.
CJK_TIME = re.compile(r"(午前|午後|上午|下午|晚上|中午|凌晨)?(?<!\d)(\d{1,2})\s*[時时点點]\s*(?:(\d{1,2})\s*分|(半))?")


def cjk_value(chars: str) -> float:
    cjk = lexicon()["cjk"]
    digits, small, large = cjk["digits"], cjk["small_units"], cjk["large_units"]
    if not any(c in small or c in large for c in chars):
        return float("".join(str(digits[c]) for c in chars if c in digits) or 0)
    total = section = current = 0.0
    for c in chars:
        if c in digits:
            current = digits[c]
        elif c in small:
            section += (current or 1) * small[c]
            current = 0
        elif c in large:
            total += (section + current or 1) * large[c]
            section = current = 0
    return total + section + current


@lru_cache(maxsize=1)
def cjk_pattern() -> tuple[re.Pattern, re.Pattern]:
    cjk = lexicon()["cjk"]
    chars = "".join(list(cjk["digits"]) + list(cjk["small_units"]) + list(cjk["large_units"]))
    units = "".join(list(cjk["small_units"]) + list(cjk["large_units"]))
    return re.compile(f"[{re.escape(chars)}]+"), re.compile(f"\\s*[余多几来]?\\s*([{re.escape(units)}]+)")


def cjk_multiplier(units: str) -> float:
    cjk = lexicon()["cjk"]
    factor = 1.0
    for c in units:
        factor *= cjk["small_units"].get(c) or cjk["large_units"].get(c) or 1
    return factor


def cjk_values(chars: str) -> set[float]:
    """Readings of a CJK numeral run: the whole, every short part ("十四五" has 14), and
    tens of each digit (六七十年代 = the sixties and seventies, 四成 = 40%)."""
    digits = lexicon()["cjk"]["digits"]
    found = {cjk_value(chars)} | {float(digits[c] * 10) for c in chars if c in digits}
    for size in range(1, min(4, len(chars)) + 1):
        for i in range(len(chars) - size + 1):
            found.add(cjk_value(chars[i:i + size]))
    return found


# 9割 = 90%, 四成 = 40%, 1分半 = 1.5, 令和3年 = 2021 (Japanese eras), ① = 1.
CJK_EXTRA = re.compile(r"(?:(令和|平成|昭和|大正|明治)\s*(\d{1,2}|元)|(?<!\d)(\d{1,3})\s*([割成])|(?<!\d)(\d{1,3})[^\d\s]{0,2}半)")


ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867, "R": 2018, "H": 1988, "S": 1925}


# An era year before 年, with its Western year in brackets either side (明治２３（１８９０）年,
# １９０３（明治３６）年, ２７（昭和２）年) and the one-letter forms (H11年 = 1999): one number.
ERA = re.compile(r"(?:(\d{4}|\d{2})\s*[（(]\s*)?(令和|平成|昭和|大正|明治|(?<![A-Za-z])[RHS](?=\s?\d))\s*(\d{1,2}|元)"
                 r"(?:\s*[（(]\s*(\d{4})\s*[)）])?(?(1)\s*[)）])(?=\s*年)")


def era_year(text: str) -> int:
    return 1 if text == "元" else int(text)


CIRCLED = re.compile(r"[\u2460-\u2473]")


def cjk_extra(match: re.Match) -> float:
    if match.group(1):
        return float(ERAS[match.group(1)] + (1 if match.group(2) == "元" else int(match.group(2))))
    if match.group(3):
        return float(int(match.group(3)) * 10)
    return int(match.group(5)) + 0.5


# Counters after a CJK numeral that make it a quantity (三个, 五星), not part of a word.
COUNTED = re.compile(r"[个個年人名星级級天所家位件种種条條岁歳倍项項号號枚本台]")


@lru_cache(maxsize=32)
def cjk_stems(source_lang: str | None) -> tuple[tuple[str, float], ...]:
    """Number words of Chinese and Japanese, found anywhere (CJK text has no spaces)."""
    section = lexicon()["source"]["words"]
    langs = (source_lang,) if source_lang in ("ja", "zh") else (("ja", "zh") if source_lang is None else ())
    return tuple((stem, float(v)) for lang in langs for stem, v in section.get(lang, {}).items())
