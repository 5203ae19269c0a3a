"""Numbers of a source segment and its English translation, as sets of possible values.

A written number can mean several values ("1.000" is a thousand in German and one in
English, "2,5" is two and a half in Czech, "5m" is five million or five metres), so each
number carries every value it may stand for, and two numbers agree when their value sets
meet. That keeps real-world formats (decimal commas, space- and dot-grouped thousands,
万/億 multipliers, Hebrew and Cyrillic scale words) from being flagged while a changed
digit, a million that became a billion, or a dropped number still is.

The two directions are deliberately asymmetric. A target number must be explained by
anything in the source (digits, number words, CJK numerals, month names); a source number
must be found in the target, but only source *digits* are checked that way, since a
source number word may legitimately become a phrase ("zwei" -> "a couple").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Digits, grouped thousands (1,000 / 1.000 / 1 000 / 1'000) and a decimal part.
_GROUP = r"[,.'\u00a0\u202f\u2009 ]"
NUMBER = re.compile(rf"(?<!\d)(?<!\d[.,])(?:\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
# Dates written with dots, slashes or hyphens: 10.8.2022, 10/08/22, 2021.6.11, 2022-03-01,
# and a day and month with a final dot ("10.8.").
DATE = re.compile(r"(?<![\d.,])(?:(\d{4})([./-])(\d{1,2})\2(\d{1,2})|(\d{1,2})([./])(\d{1,2})(?:\6(\d{2,4})|\.))(?![\d])")
# Clock times: 18:30, 6.30 pm, 10-00 (a Russian way of writing 10:00).
TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-4])([:.]|-(?=00))([0-5]\d)(?![\d])(?:\s?([apAP])\.?\s?[mM]\b\.?)?")
# Chinese and Japanese clock times: 午後3時半, 下午3点15分, 11時.
CJK_TIME = re.compile(r"(午前|午後|上午|下午|晚上|中午|凌晨)?(?<!\d)(\d{1,2})\s*[時时点點](?:(\d{1,2})\s*分|(半))?")
# Placeholders such as #Product1# (anonymised names): their digits are not numbers.
_PLACEHOLDER = re.compile(r"#[A-Za-z][A-Za-z0-9_]*#?")
_AMPM = re.compile(r"\s?([apAP])\.?\s?[mM](?![a-zA-Z])")
# Names that contain digits the source writes differently (新冠 -> COVID-19) or idioms.
_TARGET_IGNORE = re.compile(r"\b(?:covid-19|sars-cov-2|24/7|g7|g20|4k|5g|3d)\b", re.IGNORECASE)
_ROMAN = re.compile(r"\b(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_SEPARATORS = re.compile(_GROUP)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?")
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)}
                           | {"，": ",", "．": ".", "：": ":", "％": "%", "／": "/", "\u3000": " ", "－": "-"})
_HEBREW_PREFIXES = "ובלהמשכ"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Values of clock times live in their own range so 18:30 never equals the number 1110.
TIME_BASE = -1_000_000.0


def time_key(hour: int, minute: int) -> float:
    return TIME_BASE - ((hour % 24) * 60 + minute)


def _clock(hour: int, minute: int, meridiem: str | None) -> set[float]:
    if meridiem:
        pm = meridiem.lower() == "p"
        return {time_key((hour % 12) + (12 if pm else 0), minute)}
    return {time_key(hour, minute), time_key(hour + 12, minute)} if hour < 12 else {time_key(hour, minute)}


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


@dataclass(slots=True)
class Number:
    """One written number: where it is (target only), how it reads, what it may mean."""

    text: str
    values: set[float]
    start: int = 0
    end: int = 0
    kind: str = "digits"  # digits | word | month
    bare: float | None = None  # the value without its scale word
    places: float | None = None  # unit of the last written digit, when the writer rounded
    scaled: bool = False
    aliases: set[float] = field(default_factory=set)  # readings that explain a target number only


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


def _last_place(token: str) -> float:
    """The unit of the last written digit: 0.1 for "1.2", 1 for "12"."""
    match = re.search(r"[.,](\d{1,2})$", token)
    return 10.0 ** -len(match.group(1)) if match and not re.search(r"[.,]\d{3}$", token) else 1.0


def _numbers(scan: str, source: bool):
    """(start, end, token, extra values, drop bare) of each number, in text order.

    A date gives one number per part; a clock time is one number whose values are times
    (and, for "18.00", also the decimal).
    """
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(scan)]
    found = []
    for m in _ERA.finditer(scan) if source else ():  # 令和3年 = 2021: one number, not "3"
        found.append((m.start(), m.end(), m.group(), (float(_ERAS[m.group(1)] + _era_year(m.group(2))),
                                                       float(_era_year(m.group(2)))), True))
        taken.append((m.start(), m.end()))
    for m in CJK_TIME.finditer(scan) if source else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        hour, minute = int(m.group(2)), int(m.group(3) or (30 if m.group(4) else 0))
        pm = m.group(1) in ("午後", "下午", "晚上")
        values = {time_key(hour % 12 + 12, minute)} if pm else _clock(hour, minute, None)
        if not m.group(3) and not m.group(4):
            values.add(float(hour))  # 7点 = seven o'clock
        found.append((m.start(2), m.end(), m.group(), tuple(values), True))
        taken.append((m.start(), m.end()))
    for m in DATE.finditer(scan):
        if any(s <= m.start() < e for s, e in taken):
            continue
        taken.append((m.start(), m.end()))
        if m.group(1):
            parts = (1, 3, 4)
        elif m.group(8):
            parts = (5, 7, 8)
        else:  # "10.8." is a day and month, or a decimal at the end of a sentence
            found.append((m.start(), m.end() - 1, m.group(5),
                          (float(m.group(5) + "." + m.group(7)), float(m.group(7))), False))
            continue
        found.extend((m.start(g), m.end(g), m.group(g), (), False) for g in parts)
    for m in TIME.finditer(scan):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group(2) == "-" and not source or m.group(2) == "." and not (source or m.group(4)):
            continue
        hour, minute = int(m.group(1)), int(m.group(3))
        values = _clock(hour, minute, m.group(4))
        if not m.group(4):
            values |= _clock(hour, minute, None)
        if m.group(2) == ".":
            values.add(float(f"{m.group(1)}.{m.group(3)}"))  # 18.00 may be a decimal after all
        found.append((m.start(), m.end(), m.group(), tuple(values), True))
        taken.append((m.start(), m.end()))
    for m in NUMBER.finditer(scan):
        if not any(s <= m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), m.group(), (), False))
    return sorted(found)


def target_numbers(text: str, skip: list[tuple[int, int]] = ()) -> tuple[list[Number], list[set[float]]]:
    """Digit numbers of an English segment (checked), and the values of each number form
    (digits, words, months, Roman numerals), one set per occurrence."""
    lex = lexicon()
    english = lex["english"]
    scan = text.translate(_FULLWIDTH)
    names = [(m.start(), m.end()) for m in _TARGET_IGNORE.finditer(scan)]
    numbers: list[Number] = []
    explainers: list[set[float]] = []  # one per number form in the text
    for start, end, token, extra, time_only in _numbers(scan, source=False):
        if any(s <= start < e for s, e in skip):
            continue
        bare = set(extra) if time_only else digit_values(token, english=True) | set(extra)
        number = Number(token, set(bare), start, end, bare=min(bare))
        after = scan[end:end + 14]
        scale = lex["_target_scale"].match(after)
        meridiem = _AMPM.match(after)
        if time_only:
            pass
        elif scale and not (scale.group(1).lower() in english["ambiguous_scales"] and scale.start(1) > 0):
            factor = english["scales"][scale.group(1).lower()]
            number.values = {v * factor for v in bare}
            number.places = _last_place(token) * factor
            number.scaled = True
            if scale.group(1).lower() in english["ambiguous_scales"]:
                number.values |= bare
            number.end = end + scale.end()
            number.text = scan[number.start:number.end]
        elif meridiem and all(v.is_integer() and 1 <= v <= 12 for v in bare):
            number.values |= {k for v in bare for k in _clock(int(v), 0, meridiem.group(1))}
        elif re.match(r"\s?(?:%|percent|per cent)", after) and _last_place(token) < 1:
            number.places = _last_place(token)
        elif re.match(r"'?s\b", after) and all(v.is_integer() and v % 10 == 0 for v in bare):
            number.values |= {v % 100 for v in bare}  # the 1970s, the 70s
            explainers.append({value_key(v // 100 + 1) for v in bare if v >= 1000})  # (20世纪)80年代
        if not any(s <= start < e for s, e in names):  # COVID-19 from 新冠: values, not checked
            numbers.append(number)
        explainers.append({value_key(v) for v in number.values} | {value_key(v) for v in bare})
    for match in lex["_target_words"].finditer(scan):
        if match.group(1):
            value = english["words"][match.group(1).lower()] + english["words"][match.group(2).lower()]
        else:
            value = english["words"][match.group(3).lower()]
        explainer = {value_key(value)}
        scale = lex["_target_scale"].match(scan, match.end())
        if scale and scale.group(1).lower() not in english["ambiguous_scales"]:
            explainer.add(value_key(value * english["scales"][scale.group(1).lower()]))
        explainers.append(explainer)
    for match in lex["_months"].finditer(scan):
        explainers.append({value_key(english["months"][match.group(1).lower()])})
    for match in _ROMAN.finditer(scan):
        if len(match.group()) > 1:  # Final Fantasy VI; not the pronoun I
            explainers.append({value_key(_roman(match.group()))})
    return numbers, explainers


def _stem_table(section: dict, languages: tuple[str, ...]) -> dict[str, list[tuple[str, float]]]:
    table: dict[str, list[tuple[str, float]]] = {}
    for lang in languages:
        for stem, value in section.get(lang, {}).items():
            table.setdefault(stem[:2].lower(), []).append((stem.lower(), float(value)))
    return table


@lru_cache(maxsize=32)
def _tables(source_lang: str | None) -> tuple[dict, dict, dict]:
    lex = lexicon()
    sections = lex["source"]
    known = tuple(sections["scales"])
    languages = (source_lang,) if source_lang in known else tuple(
        sorted(set(sections["scales"]) | set(sections["words"]) | set(sections["months"])))
    return (_stem_table(sections["scales"], languages + ("en",)),
            _stem_table(sections["words"], languages),
            _stem_table(sections["months"], languages))


def _stem_values(word: str, table: dict) -> list[float]:
    found = []
    candidates = [word]
    if word and word[0] in _HEBREW_PREFIXES:
        candidates += [word[1:], word[2:]] if len(word) > 2 and word[1] in _HEBREW_PREFIXES else [word[1:]]
    for candidate in candidates:
        for stem, value in table.get(candidate[:2], ()):
            if candidate == stem[:-1] if stem.endswith("$") else candidate.startswith(stem):
                found.append(value)
    return found


def _cjk_value(chars: str) -> float:
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
def _cjk_pattern() -> tuple[re.Pattern, re.Pattern]:
    cjk = lexicon()["cjk"]
    chars = "".join(list(cjk["digits"]) + list(cjk["small_units"]) + list(cjk["large_units"]))
    units = "".join(list(cjk["small_units"]) + list(cjk["large_units"]))
    return re.compile(f"[{re.escape(chars)}]+"), re.compile(f"\\s*[余多几来]?\\s*([{re.escape(units)}]+)")


def _cjk_multiplier(units: str) -> float:
    cjk = lexicon()["cjk"]
    factor = 1.0
    for c in units:
        factor *= cjk["small_units"].get(c) or cjk["large_units"].get(c) or 1
    return factor


def _roman(numeral: str) -> int:
    digits = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        total += -digits[a] if digits.get(b, 0) > digits[a] else digits[a]
    return total


def _cjk_values(chars: str) -> set[float]:
    """Readings of a CJK numeral run: the whole, every short part ("十四五" has 14), and
    tens of each digit (六七十年代 = the sixties and seventies, 四成 = 40%)."""
    digits = lexicon()["cjk"]["digits"]
    found = {_cjk_value(chars)} | {float(digits[c] * 10) for c in chars if c in digits}
    for size in range(1, min(4, len(chars)) + 1):
        for i in range(len(chars) - size + 1):
            found.add(_cjk_value(chars[i:i + size]))
    return found


def source_numbers(text: str, source_lang: str | None = None,
                   skip_spans: list[tuple[int, int]] = ()) -> tuple[list[Number], set[float]]:
    """Digit numbers of a source segment (checked) and the values of every number form."""
    scan = re.sub(r"(?<=\d)・(?=\d)", ".", text.translate(_FULLWIDTH))  # ２・５ = 2.5
    scales, words, months = _tables(source_lang)
    numbers: list[Number] = []
    values: set[float] = set()
    cjk_chars, cjk_units = _cjk_pattern()
    absorbed: set[int] = set()
    previous_end, previous = -10, None
    for start, end, token, extra, time_only in _numbers(scan, source=True):
        if start in absorbed or any(s <= start < e for s, e in skip_spans):
            continue
        primary = set(extra) if time_only else digit_values(token, lang=source_lang)
        bare = primary | set(extra) | (set() if time_only else _groups(token))
        number = Number(token, set(bare), bare=min(primary), places=_last_place(token))
        if not time_only and re.fullmatch(r"\d{2}", token):
            number.values |= {2000.0 + int(token), 1900.0 + int(token)}  # 22年度 = fiscal 2022
        elif not time_only and re.fullmatch(r"(?:19|20)\d{2}", token):
            number.aliases.add(float(int(token) % 100))  # 2021 -> FW21 (explains, is not required)
        after = scan[end:end + 16]
        units = cjk_units.match(after)
        if time_only:
            pass
        elif units:
            factor = _cjk_multiplier(units.group(1))
            number.values |= {v * factor for v in bare}
            number.scaled = True
            tail = re.match(r"\d{1,4}(?!\d)", after[units.end():])
            if tail:  # 2万4801 = 24,801; 4億5000万 = 450,000,000
                more = cjk_units.match(after[units.end() + tail.end():])
                small = _cjk_multiplier(more.group(1)) if more else 1.0
                number.values |= {v * factor + float(tail.group()) * small for v in bare}
                absorbed.add(end + units.end())
        else:
            word = _WORD.match(after.lstrip(" \u00a0\u202f-"))
            for factor in _stem_values(word.group().lower(), scales) if word else ():
                number.values |= {v * factor for v in bare}
                number.scaled = True
        if previous is not None and re.fullmatch(r"[ -]", scan[previous_end:start]) and not time_only:
            joined = previous.text + token  # phone numbers: 229 62 01 -> 229-6201
            values |= {value_key(float(re.sub(r"\D", "", joined)))}
        numbers.append(number)
        values |= {value_key(v) for v in number.values | number.aliases}
        previous_end, previous = end, number
    word_values: list[tuple[int, list[float]]] = []
    for match in _WORD.finditer(scan):
        word = match.group().lower()
        found = _stem_values(word, words)
        values |= {value_key(v) for v in found}
        values |= {value_key(v) for v in _stem_values(word, months)}
        factors = _stem_values(word, scales)
        if factors and word_values and word_values[-1][0] == match.start():  # "три тысячи" = 3000
            values |= {value_key(v * f) for v in word_values[-1][1] for f in factors}
        if found:
            word_values.append((match.end() + 1, found))
    for stem, value in _cjk_stems(source_lang):
        if stem in scan:
            values.add(value_key(value))
    for match in cjk_chars.finditer(scan):
        values |= {value_key(v) for v in _cjk_values(match.group())}
        if _COUNTED.match(scan, match.end()) and re.fullmatch(r"[三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?", match.group()):
            value = _cjk_value(match.group())  # 五星, 二级, 十九条: a number that must be translated
            numbers.append(Number(match.group(), {value}, bare=value))
    for match in re.finditer(r"(\d+)\s*月", scan):
        values.add(value_key(float(match.group(1))))
    for match in _CJK_EXTRA.finditer(scan):
        values.add(value_key(_cjk_extra(match)))
    values |= {value_key(float(ord(c) - 0x245F)) for c in _CIRCLED.findall(scan)}
    for match in _ROMAN.finditer(scan):
        if match.group():
            values.add(value_key(_roman(match.group())))
    return numbers, values


# 9割 = 90%, 四成 = 40%, 1分半 = 1.5, 令和3年 = 2021 (Japanese eras), ① = 1.
_CJK_EXTRA = re.compile(r"(?:(令和|平成|昭和|大正|明治)\s*(\d{1,2}|元)|(?<!\d)(\d{1,3})\s*([割成])|(?<!\d)(\d{1,3})[^\d\s]{0,2}半)")
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_ERA = re.compile(r"(令和|平成|昭和|大正|明治)\s*(\d{1,2}|元)(?=\s*年)")


def _era_year(text: str) -> int:
    return 1 if text == "元" else int(text)
_CIRCLED = re.compile(r"[\u2460-\u2473]")


def _cjk_extra(match: re.Match) -> float:
    if match.group(1):
        return float(_ERAS[match.group(1)] + (1 if match.group(2) == "元" else int(match.group(2))))
    if match.group(3):
        return float(int(match.group(3)) * 10)
    return int(match.group(5)) + 0.5


# Counters after a CJK numeral that make it a quantity (三个, 五星), not part of a word.
_COUNTED = re.compile(r"[个個年人名星级級天所家位件种種条條岁歳倍项項号號枚本台]")


def _groups(token: str) -> set[float]:
    """"2,3" (CJK, Russian) is often "2 or 3", "6666,8888" a list: the parts are readings too."""
    parts = token.split(",")
    if len(parts) == 2 and (len(parts[1]) < 3 and len(parts[0]) < 3 or len(parts[1]) > 3):
        return {float(parts[0]), float(parts[1])}
    return set()


@lru_cache(maxsize=32)
def _cjk_stems(source_lang: str | None) -> tuple[tuple[str, float], ...]:
    """Number words of Chinese and Japanese, found anywhere (CJK text has no spaces)."""
    section = lexicon()["source"]["words"]
    langs = (source_lang,) if source_lang in ("ja", "zh") else (("ja", "zh") if source_lang is None else ())
    return tuple((stem, float(v)) for lang in langs for stem, v in section.get(lang, {}).items())


def explained(number: Number, values: set[float], others: list[Number]) -> bool:
    """Does ``number`` agree with one of ``values`` (or, if it was rounded, with one of ``others``)?"""
    if any(value_key(v) in values for v in number.values):
        return True
    if number.places is not None and number.scaled or (number.places is not None and number.places < 1):
        tolerance = number.places / 2 + 1e-9
        return any(abs(v - w) <= tolerance for v in number.values for other in others for w in other.values)
    return False


@dataclass(slots=True)
class Comparison:
    """The numbers of one aligned segment that do not agree."""

    unexplained_target: list[Number] = field(default_factory=list)
    missing_source: list[Number] = field(default_factory=list)
    source: list[Number] = field(default_factory=list)


def compare(source: str, target: str, source_lang: str | None = None,
            target_skip: list[tuple[int, int]] = (), source_skip: list[tuple[int, int]] = ()) -> Comparison:
    """Target numbers the source does not explain, and source numbers the target lacks.

    Each number form of the target accounts for one source number, so a number the
    source gives twice must appear twice (in digits or words) in the translation.
    """
    src_numbers, src_values = source_numbers(source, source_lang, source_skip)
    tgt_numbers, explainers = target_numbers(target, target_skip)
    result = Comparison(source=src_numbers)
    for number in tgt_numbers:
        if not explained(number, src_values, src_numbers):
            result.unexplained_target.append(number)
    keys = [{value_key(v) for v in n.values} for n in src_numbers]
    used = [False] * len(explainers)
    order = sorted(range(len(src_numbers)), key=lambda i: sum(1 for e in explainers if keys[i] & e))
    missing = set()
    for i in order:
        match = next((k for k, e in enumerate(explainers) if not used[k] and keys[i] & e), None)
        if match is not None:
            used[match] = True
        elif any(keys[i] & e for e in explainers):
            missing.add(i)  # given twice in the source, once in the translation
        elif not any(explained(t, keys[i], [src_numbers[i]]) for t in tgt_numbers):
            missing.add(i)
    result.missing_source = [n for i, n in enumerate(src_numbers) if i in missing]
    return result


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
    _, _, months = _tables(source_lang)
    scan = text.translate(_FULLWIDTH)
    found = {int(v) for m in _WORD.finditer(scan) for v in _stem_values(m.group().lower(), months)}
    found |= {int(m.group(1)) for m in re.finditer(r"(?<!\d)(1[0-2]|0?[1-9])\s*月", scan)}
    return found
