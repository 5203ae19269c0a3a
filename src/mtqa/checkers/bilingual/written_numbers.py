"""Numbers as written in a source segment or its English translation, each with every value it may stand for.

A written number can mean several values ("1.000" is a thousand in German and one in
English, "2,5" is two and a half in Czech, "5m" is five million or five metres), so each
number carries them all, and `numbers.compare` lets two numbers agree when their value
sets meet. Reading is kept apart from comparing because each source language, script and
date or time format adds a reading here, while what counts as a mismatch does not change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mtqa.checkers.bilingual.cjk import (CIRCLED, CJK_EXTRA, CJK_TIME, COUNTED, ERA, ERAS, cjk_extra, cjk_multiplier,
                                         cjk_pattern, cjk_stems, cjk_value, cjk_values, era_year)
from mtqa.checkers.bilingual.digits import NUMBER, completed_year, digit_values, groups, last_place, space_split
from mtqa.checkers.bilingual.index import Covered
from mtqa.checkers.bilingual.lexicon import (FULLWIDTH, WORD, halves, lexicon, month_values, scaled_word_values,
                                             stem_matches, stem_values, tables, value_key)
from mtqa.checkers.bilingual.readings import cyrillic_values, hebrew_letter_values

# Dates written with dots, slashes or hyphens: 10.8.2022, 10/08/22, 2021.6.11, 2022-03-01,
# and a day and month with a final dot ("10.8.").
DATE = re.compile(r"(?<![\d.,])(?:(\d{4})([./-])(\d{1,2})\2(\d{1,2})|(\d{1,2})([./])(\d{1,2})(?:\6(\d{2,4})|\.))(?![\d])")
# Clock times: 18:30, 6.30 pm, 10-00 (a Russian way of writing 10:00), 08H00, and "14: 40" as MT
# output spaces it.
TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-4])(:\s?|[.hH]|-(?=00))([0-5]\d)(?![\d])(?:\s?([apAP])\.?\s?[mM]\b\.?)?")
# Placeholders such as #Product1# (anonymised names), which MT may space out ("# Product1 #"):
# their digits are not numbers.
_PLACEHOLDER = re.compile(r"#\s?[A-Za-z][A-Za-z0-9_]*(?:\s?#)?")
_AMPM = re.compile(r"\s?([apAP])\.?\s?[mM](?![a-zA-Z])")
# Names that contain digits the source writes differently (新冠 -> COVID-19) or idioms.
_TARGET_IGNORE = re.compile(r"\b(?:covid-19s?|sars-cov-2|24\s?/\s?7|7-eleven|g7|g20|4k|5g|3d)\b", re.IGNORECASE)
# Square and cubic units after a number: "116 g/m2", "50 km2" (the source writes m² or кв. м).
_UNIT_POWER = re.compile(r"(?:(?<=\d)|(?<=\d )|(?<=/))[kcdm]?m[23]\b")
# Wire copy ends with "-0-"; it is no number.
_END_MARK = re.compile(r"(?<![\w-])-0-(?!\S)")
# A clock range that writes "pm" once: "from 1 to 2 pm", "9-11 a.m.".
_RANGE_MERIDIEM = re.compile(r"\s?(?:-|–|to|and)\s?\d{1,2}(?::\d\d)?\s?([apAP])\.?\s?[mM](?![a-zA-Z])")
_ROMAN = re.compile(r"\b(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_ROMAN_SIGNS = re.compile("[\u2160-\u216b]")
# What joins the two ends of a range whose scale word is written once: "20 to 30 thousand",
# in the source languages' words (Hebrew עד/ל, Arabic إلى, Russian до, German bis, Czech až).
_RANGE = re.compile(r"\s*(?:[-–—־]|(?:עד|בין|ל|או|إلى|الى|و|أو|до|или|и|bis|oder|und|až|nebo|a|to|or|and)[\s־-]*)\s*")
# Phone numbers written with nakaguro: ０１９８・６２・１３３３ (one ・ is a decimal point: ２・５).
_PHONE_DOTS = re.compile(r"\d+(?:・\d+){2,}")
# "and a half" after a number and its counter: 1分半, 6年半 (a clock time 3時半 is read apart).
_HALF_AFTER = re.compile(r"[^\d\s半]{0,2}半")
_WORD_BEFORE = re.compile(r"([^\W\d_]{3,})\s+$")
# Fractions of Japanese and Chinese: ２分の１, 3分之1 (denominator first).
_FRACTION = re.compile(r"(?<![\d.])(\d+)\s*分\s*の\s*(\d+)(?![\d.])|(?<![\d.])(\d+)\s*分之\s*(\d+)(?![\d.])")
# Words for "o'clock" after an hour in the source languages: "19 Uhr", "17 години", "15h", "8 hod.".
_HOUR_WORD = re.compile(r"\s?(?:uhr\b|h\b|год|час|hod|godz)", re.IGNORECASE)
# Approximate CJK tens and hundreds (几十, 数百, 十几, 上千): "dozens", "hundreds", not a number.
_APPROXIMATE = re.compile(r"[几数上][十百千万]|[十百千万][几多余来]")
# Values of clock times live in their own range so 18:30 never equals the number 1110.
TIME_BASE = -1_000_000.0


def time_key(hour: int, minute: int) -> float:
    return TIME_BASE - ((hour % 24) * 60 + minute)


def _clock(hour: int, minute: int, meridiem: str | None) -> set[float]:
    if meridiem:
        pm = meridiem.lower() == "p"
        return {time_key((hour % 12) + (12 if pm else 0), minute)}
    return {time_key(hour, minute), time_key(hour + 12, minute)} if hour < 12 else {time_key(hour, minute)}


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
    parts: tuple["Number", ...] = ()  # "3 410" may be two numbers, "3" and "410"


def _space_parts(token: str, start: int) -> tuple[Number, ...]:
    """The numbers of "16 100" read as two ("16", "100"), with their places in the text."""
    return tuple(Number(piece, {float(piece)}, start + offset, start + offset + len(piece), bare=float(piece))
                 for offset, piece in space_split(token))


def _numbers(scan: str, source: bool):
    """(start, end, token, extra values, drop bare) of each number, in text order.

    A date gives one number per part; a clock time is one number whose values are times
    (and, for "18.00", also the decimal).
    """
    taken = Covered(len(scan), ((m.start(), m.end()) for m in _PLACEHOLDER.finditer(scan)))
    found = []
    for m in ERA.finditer(scan) if source else ():  # 令和3年 = 2021, H11年 = 1999: one number, not "3"
        year = ERAS[m.group(2)] + era_year(m.group(3))
        written = {float(m.group(g)) for g in (1, 4) if m.group(g)}  # the Western year beside it
        found.append((m.start(), m.end(), m.group(), tuple({float(year), float(era_year(m.group(3))),
                                                            float(year % 100)} | written), True))
        taken.add(m.start(), m.end())
    for m in _FRACTION.finditer(scan) if source else ():  # ２分の１ = a half
        denominator, numerator = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        if denominator:
            found.append((m.start(), m.end(), m.group(), (numerator / denominator, float(denominator),
                                                          float(numerator)), True))
            taken.add(m.start(), m.end())
    for m in CJK_TIME.finditer(scan) if source else ():
        if m.start() in taken:
            continue
        hour, minute = int(m.group(2)), int(m.group(3) or (30 if m.group(4) else 0))
        pm = m.group(1) in ("午後", "下午", "晚上")
        values = {time_key(hour % 12 + 12, minute)} if pm else _clock(hour, minute, None)
        values.add(float(hour))  # 7点 = seven o'clock
        if m.group(3):
            values.add(float(minute))
        found.append((m.start(2), m.end(), m.group(), tuple(values), True))
        taken.add(m.start(), m.end())
    for m in DATE.finditer(scan):
        if m.start() in taken:
            continue
        if not (m.group(1) or m.group(8) or 1 <= int(m.group(7)) <= 12):
            continue  # "15.00." ends a sentence with a clock time, not a day and month
        taken.add(m.start(), m.end())
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
        if m.start() in taken:
            continue
        separator = m.group(2).strip()
        if separator == "-" and not source or separator == "." and not (source or m.group(4)):
            continue
        hour, minute = int(m.group(1)), int(m.group(3))
        values = _clock(hour, minute, m.group(4))
        if not m.group(4):
            values |= _clock(hour, minute, None)
        if source and separator in ":hH-":
            values |= {float(hour), float(minute)}  # a score: 16:32 is "16-32"; 10-00 is "10"
        if separator == ".":
            values.add(float(f"{m.group(1)}.{m.group(3)}"))  # 18.00 may be a decimal after all
        found.append((m.start(), m.end(), m.group(), tuple(values), True))
        taken.add(m.start(), m.end())
    for m in NUMBER.finditer(scan):
        if m.start() not in taken:
            found.append((m.start(), m.end(), m.group(), (), False))
    return sorted(found)


def target_numbers(text: str, skip: list[tuple[int, int]] = ()) -> tuple[list[Number], list[set[float]]]:
    """Digit numbers of an English segment (checked), and the values of each number form
    (digits, words, months, Roman numerals), one set per occurrence."""
    lex = lexicon()
    english = lex["english"]
    scan = text.translate(FULLWIDTH)
    names = Covered(len(scan), ((m.start(), m.end()) for m in _TARGET_IGNORE.finditer(scan)))
    for match in (*_UNIT_POWER.finditer(scan), *_END_MARK.finditer(scan)):  # g/m2, "-0-"
        names.add(match.start(), match.end())
    skip = Covered(len(scan), skip)
    numbers: list[Number] = []
    explainers: list[set[float]] = []  # one per number form in the text
    for start, end, token, extra, time_only in _numbers(scan, source=False):
        if start in skip:
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
            number.places = last_place(token) * factor
            number.scaled = True
            if scale.group(1).lower() in english["ambiguous_scales"]:
                number.values |= bare
            number.end = end + scale.end()
            number.text = scan[number.start:number.end]
        elif meridiem and all(v.is_integer() and 1 <= v <= 12 for v in bare):
            number.values |= {k for v in bare for k in _clock(int(v), 0, meridiem.group(1))}
        elif (shared := _RANGE_MERIDIEM.match(scan, end)) and all(v.is_integer() and 1 <= v <= 12 for v in bare):
            number.values |= {k for v in bare for k in _clock(int(v), 0, shared.group(1))}  # 1 to 2 pm
        elif re.match(r"\s?(?:%|percent|per cent)", after) and last_place(token) < 1:
            number.places = last_place(token)
        elif re.match(r"'?s\b", after) and all(v.is_integer() and v % 10 == 0 for v in bare):
            number.values |= {v % 100 for v in bare}  # the 1970s, the 70s
            explainers.append({value_key(v // 100 + 1) for v in bare if v >= 1000})  # (20世纪)80年代
        if (year := completed_year(scan, start, token)) is not None:
            number.values.add(year)  # 2022/23
        if not time_only and not number.scaled:
            number.parts = _space_parts(token, start)
        if start not in names:  # COVID-19 from 新冠: values, not checked
            numbers.append(number)
        explainers.append({value_key(v) for v in number.values} | {value_key(v) for v in bare})
        explainers += [{value_key(part.bare)} for part in number.parts]  # "April 3 410 bodies"
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


def _roman(numeral: str) -> int:
    digits = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        total += -digits[a] if digits.get(b, 0) > digits[a] else digits[a]
    return total


@lru_cache(maxsize=65536)
def _word_reading(word: str, source_lang: str | None) -> tuple[tuple[float, ...], tuple[float, ...], frozenset]:
    """(number values, scale factors, value keys) of one lower-case source word. Cached:
    a source repeats its words, and the stem tables are searched four ways per word."""
    scales, words, _ = tables(source_lang)
    found, factors = tuple(stem_values(word, words)), tuple(stem_values(word, scales))
    keys = {value_key(v) for v in found} | {value_key(float(v)) for v in month_values(word, source_lang)}
    # A scale word on its own is one of it: "כמיליארד" (about a billion), "مليار", "тысяча".
    keys |= {value_key(f) for f in factors}
    keys |= {value_key(v) for v in scaled_word_values(word, words, scales)}  # čtyřtisícovka
    return found, factors, frozenset(keys)


def source_numbers(text: str, source_lang: str | None = None,
                   skip_spans: list[tuple[int, int]] = ()) -> tuple[list[Number], set[float]]:
    """Digit numbers of a source segment (checked) and the values of every number form."""
    scan = _PHONE_DOTS.sub(lambda m: m.group().replace("・", "-"), text.translate(FULLWIDTH))  # ０１９８・６２・１３３３
    scan = re.sub(r"(?<=\d)・(?=\d)", ".", scan)  # ２・５ = 2.5
    scales = tables(source_lang)[0]
    numbers: list[Number] = []
    values: set[float] = set()
    cjk_chars, cjk_units = cjk_pattern()
    absorbed: set[int] = set()
    skip = Covered(len(scan), skip_spans)
    for match in _END_MARK.finditer(scan):
        skip.add(match.start(), match.end())
    half = halves(source_lang)
    previous_end, previous = -10, None
    for start, end, token, extra, time_only in _numbers(scan, source=True):
        if start in absorbed or start in skip:
            continue
        primary = set(extra) if time_only else digit_values(token, lang=source_lang)
        bare = primary | set(extra) | (set() if time_only else groups(token))
        number = Number(token, set(bare), start, end, bare=min(primary), places=last_place(token))
        if (year := completed_year(scan, start, token)) is not None:
            number.values.add(year)  # （１８２７～９１年）
        elif not time_only and re.fullmatch(r"\d{2}", token):
            number.values |= {2000.0 + int(token), 1900.0 + int(token)}  # 22年度 = fiscal 2022
        elif not time_only and re.fullmatch(r"(?:19|20)\d{2}", token):
            number.aliases.add(float(int(token) % 100))  # 2021 -> FW21 (explains, is not required)
        after = scan[end:end + 16]
        units = cjk_units.match(after)
        # "1.34亿", "1.25 מיליון" also read as the clock time 1:34; the scale belongs to the decimal.
        scalable = {float(token)} if time_only and "." in token else set() if time_only else bare
        if not scalable:
            pass
        elif after[:1] in ("割", "成"):
            number.values |= {v * 10 for v in scalable} | {v / 10 for v in scalable}  # 9割 = 90%, 5割 = half
        elif units:
            factor = cjk_multiplier(units.group(1))
            number.values |= {v * factor for v in scalable}
            number.scaled = True
            tail = re.match(r"\d{1,4}(?!\d)", after[units.end():])
            if tail:  # 2万4801 = 24,801; 4億5000万 = 450,000,000
                more = cjk_units.match(after[units.end() + tail.end():])
                small = cjk_multiplier(more.group(1)) if more else 1.0
                number.values |= {v * factor + float(tail.group()) * small for v in scalable}
                absorbed.add(end + units.end())
        else:
            word = WORD.match(after.lstrip(" \u00a0\u202f-"))
            for factor in stem_values(word.group().lower(), scales) if word else ():
                number.values |= {v * factor for v in scalable}
                number.scaled = True
            if _HOUR_WORD.match(after) and all(v.is_integer() and 0 <= v <= 24 for v in primary):
                number.values |= {k for v in primary for k in _clock(int(v), 0, None)}  # 19 Uhr = 7 pm
        if number.scaled and time_only:
            number.bare = min(scalable)
        if not time_only and (_HALF_AFTER.match(after) or half and half.match(after)):
            number.values |= {v + 0.5 for v in primary}  # 1分半, 6年半, 16 וחצי
        if not time_only:
            number.values |= {v * f for v in primary for f in _scale_before(scan, start, scales)}  # тисяч 100
            number.parts = _space_parts(token, start)  # "16 100x185 см" may be 16 and 100
            number.values |= {part.bare for part in number.parts}
        if previous is not None and re.fullmatch(r"[ -]", scan[previous_end:start]) and not time_only:
            joined = previous.text + token  # phone numbers: 229 62 01 -> 229-6201
            values |= {value_key(float(re.sub(r"\D", "", joined)))}
        if number.scaled and previous is not None and not previous.scaled and _RANGE.fullmatch(scan[previous_end:start]):
            # "20 עד 30 אלף", "5-7 млн": the scale word belongs to both ends of the range.
            factors = {v / b for v in number.values for b in bare if b and v != b}
            previous.values |= {v * f for v in set(previous.values) for f in factors}
            values |= {value_key(v) for v in previous.values}
        numbers.append(number)
        values |= {value_key(v) for v in number.values | number.aliases}
        previous_end, previous = end, number
    word_values: list[tuple[int, list[float]]] = []
    for match in WORD.finditer(scan):
        found, factors, keys = _word_reading(match.group().lower(), source_lang)
        values |= keys
        if factors and word_values and word_values[-1][0] == match.start():  # "три тысячи" = 3000
            values |= {value_key(v * f) for v in word_values[-1][1] for f in factors}
        if found:
            word_values.append((match.end() + 1, found))
            if _HOUR_WORD.match(scan, match.end()):  # "o šesti hodinách", "шостої години"
                values |= {value_key(k) for v in found if v.is_integer() and 0 <= v <= 24
                           for k in _clock(int(v), 0, None)}
    values |= {value_key(v) for v in hebrew_letter_values(scan) | cyrillic_values(scan, _roman)}
    idioms = None  # found only when a numeral character is
    for stem, value in cjk_stems(source_lang):
        if stem in scan:
            values.add(value_key(value))
    for match in cjk_chars.finditer(scan):
        values |= {value_key(v) for v in cjk_values(match.group())}
        if scan[match.end():match.end() + 1] in ("点", "點", "時", "时"):  # 四点半, 零点: a clock time
            half = 30 if scan[match.end() + 1:match.end() + 2] == "半" else 0
            values |= {value_key(v) for v in _clock(int(cjk_value(match.group())) % 24, half, None)}
        if _APPROXIMATE.search(scan, max(0, match.start() - 1), match.end() + 1):
            continue  # 几十项 = dozens of items
        if idioms is None:
            idioms = [(m.start(), m.end()) for idiom in lexicon()["cjk"]["idioms"] for m in re.finditer(idiom, scan)]
        if any(s <= match.start() < e for s, e in idioms):
            continue  # 货比三家: an idiom, not three shops
        if COUNTED.match(scan, match.end()) and re.fullmatch(r"[三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?", match.group()):
            value = cjk_value(match.group())  # 五星, 二级, 十九条: a number that must be translated
            numbers.append(Number(match.group(), {value}, match.start(), match.end(), bare=value))
    for match in re.finditer(r"(\d+)\s*月", scan):
        values.add(value_key(float(match.group(1))))
    for match in CJK_EXTRA.finditer(scan):
        values.add(value_key(cjk_extra(match)))
    values |= {value_key(float(ord(c) - 0x245F)) for c in CIRCLED.findall(scan)}
    values |= {value_key(float(ord(c) - 0x215F)) for c in _ROMAN_SIGNS.findall(scan)}  # GⅠ, Ⅱ级
    for match in _ROMAN.finditer(scan):
        if match.group():
            values.add(value_key(_roman(match.group())))
    return numbers, values


def _scale_before(scan: str, start: int, scales: dict) -> list[float]:
    """Factors of a scale word written before a number, as Russian and Ukrainian do for an
    estimate: "тисяч 100" (about 100,000)."""
    match = _WORD_BEFORE.search(scan, max(0, start - 24), start)
    if not match:
        return []
    # The whole word is a scale word (тисяч, миллионов), not one that starts like it (сотрудник, Milan).
    return [value for word, stem, value in stem_matches(match.group(1).lower(), scales)
            if len(stem) >= 4 and len(word) - len(stem) <= 3]
