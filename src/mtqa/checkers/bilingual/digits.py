"""How a string of digits reads: grouped thousands, decimal separators, the unit of its last
digit, and the second year of a range written with two digits (1827-91).

A written number can mean several values ("1.000" is a thousand in German and one in
English, "2,5" is two and a half in Czech), so each reading is a set of values.
"""

from __future__ import annotations

import re

# Digits, grouped thousands (1,000 / 1.000 / 1 000 / 1'000) and a decimal part.
_GROUP = r"[,.'\u00a0\u202f\u2009 ]"
NUMBER = re.compile(rf"(?<!\d)(?<!\d[.,])(?:\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
_SEPARATORS = re.compile(_GROUP)
# The second year of a range written with two digits: "1827-91", "2022/23", "１８２７～９１年".
YEAR_RANGE = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)\s?[-–—/～〜~]\s?$")
# Source languages that write a decimal comma (2,5) and those that write a decimal point.
DECIMAL_COMMA = frozenset({"cs", "de", "ru", "uk", "liv", "pl", "fr", "es", "it", "pt", "nl", "tr"})
DECIMAL_POINT = frozenset({"en", "zh", "ja", "he", "ko", "ar"})


def digit_values(token: str, english: bool = False, lang: str | None = None) -> set[float]:
    """Every value a digit string with separators may denote.

    Where the convention is known (English targets, ``lang`` of the source) "2,626" is
    read one way only: 2626 in English, Chinese or Hebrew, 2.626 in Czech or Russian.
    Elsewhere both readings count.
    """
    seps = _SEPARATORS.findall(token)
    if not seps:
        return {float(token)}
    values: set[float] = set()
    groups = _SEPARATORS.split(token)
    point = english or lang in DECIMAL_POINT
    if len(seps) == 1 and seps[0] in ".," and (point or lang in DECIMAL_COMMA):
        decimal = "." if point else ","
        if seps[0] == decimal:
            return {float(groups[0] + "." + groups[1])}
        if len(groups[1]) == 3:
            return {float(groups[0] + groups[1])}
    if english and set(seps) == {","} and all(len(g) == 3 for g in groups[1:]):
        return {float("".join(groups))}
    if len(seps) == 1 and seps[0] in ".,":
        values.add(float(groups[0] + "." + groups[1]))  # decimal point or comma
    if all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        values.add(float("".join(groups)))  # thousands grouped one way throughout
    if len(seps) >= 2 and seps[-1] in ".," and len(set(seps[:-1])) == 1 and seps[-1] != seps[0]:
        values.add(float("".join(groups[:-1]) + "." + groups[-1]))  # 1.234,5 / 1,234.5 / 1 234,5
    if not values:
        values.add(float(groups[0]))
    return values


def last_place(token: str) -> float:
    """The unit of the last written digit: 0.1 for "1.2", 1 for "12"."""
    match = re.search(r"[.,](\d{1,2})$", token)
    return 10.0 ** -len(match.group(1)) if match and not re.search(r"[.,]\d{3}$", token) else 1.0


def completed_year(scan: str, start: int, token: str) -> float | None:
    """1891 for the "91" of "1827-91"; None when ``token`` does not end a year range."""
    if len(token) != 2 or not token.isdigit():
        return None
    match = YEAR_RANGE.search(scan, max(0, start - 8), start)
    if not match:
        return None
    first = int(match.group(1))
    year = first // 100 * 100 + int(token)
    return float(year + 100 if year <= first else year)


def groups(token: str) -> set[float]:
    """"2,3" (CJK, Russian) is often "2 or 3", "6666,8888" a list: the parts are readings too."""
    parts = token.split(",")
    if len(parts) == 2 and (len(parts[1]) < 3 and len(parts[0]) < 3 or len(parts[1]) > 3):
        return {float(parts[0]), float(parts[1])}
    return set()


def space_split(token: str) -> list[tuple[int, str]]:
    """(offset, digits) of "16 100" read as two numbers; nothing for "10 000", which is ten thousand."""
    if not re.fullmatch(r"\d+ [1-9]\d\d", token):
        return []
    first, second = token.split(" ")
    return [(0, first), (len(first) + 1, second)]
