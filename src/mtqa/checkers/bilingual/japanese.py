"""The romaji spellings of the names a Japanese source writes in kanji or katakana.

Kanji do not spell their sound, and the sound of a name's kanji is the name's own
(市川 is Ichikawa, 市 alone is shi or ichi), so the readings come from a dictionary of
proper nouns (IPAdic people, places, organisations; japanese_readings.tsv.gz, built by
scripts/build_japanese_readings.py), looked up for every run of source characters that
is one of its surfaces; a surface all in katakana (エミコ, アピタ) only as a whole
katakana word, and a surname of one kanji (林, 森) only before a title or a given name
(林外相, 林芳正): alone, 仲 is a relationship and 沼 a swamp, not Naka and Numa. Other
katakana words are not romanised: most are loanwords and common words, and their romaji
in a translation is a word left untranslated (ヨメ "Yome", wife; キキョウ "Kikyo",
bellflower), not a name; on WMT ja-en outputs many of the findings that romanising every
katakana word would drop were such words (docs/languagetool.md).

A reading is spelt the ways English news spells it: Hepburn (shi, chi, tsu, fu, ji), a
long vowel as the plain vowel or doubled, and a long o also as "ou" and "oh" (Tōkyō:
Tokyo, Toukyou; 大野 Ono, Ohno; a macron is dropped before the comparison), ん before
b, m, p as n or m (Shinbun, Shimbun) and っ as a doubled consonant (Hatchobori, Hacchobori);
a place name also with its suffix (福岡町 Fukuoka-cho, 港区 Minato-ku). The tables are
data (japanese_romaji.toml). No spelling near these counts: a near miss is the wrong name
reviewers mark.
"""

from __future__ import annotations

import gzip
import re
import tomllib
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import NamedTuple

_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA = frozenset(chr(c) for c in range(0x30a1, 0x30fb)) | {"ー"}
# ノ and ヶ between kanji are the particle の and the small ケ of place names, written
# either way (竹ノ塚, 竹の塚; 関ヶ原, 関ケ原): surfaces and sources are compared with one.
_VARIANTS = re.compile(r"(?<=[\u3400-\u9fff])[ノヶ](?=[\u3400-\u9fff])")
_ONE = {"ノ": "の", "ヶ": "ケ"}
MAX_SPELLINGS = 256  # of one reading: a reading with four long o has 4**4 spellings


def is_japanese(source: str, lang: str | None) -> bool:
    """Kana are Japanese whatever the language given; kanji alone are when the source language is."""
    return bool(_KANA.search(source)) or ((lang or "").lower().split("-")[0] == "ja" and bool(_HAN.search(source)))


def spellings(source: str) -> set[str]:
    """The romaji spellings (lower-case letters) of the dictionary's names in `source`."""
    found: set[str] = set()
    readings: set[str] = set()
    _find(_canonical(source), readings, found)
    for reading in readings:
        found |= romaji(reading)
    return found


def _find(source: str, readings: set[str], joined: set[str]) -> None:
    """Add the readings of the dictionary's surfaces in `source`, and to `joined` the
    spellings of a place name with its suffix (福岡町: fukuokacho, fukuokamachi)."""
    table, lengths, given = _table()
    rules = _rules()
    for i, ch in enumerate(source):
        for n in lengths.get(ch, ()):
            if i + n > len(source):
                break
            if (got := table.get(source[i:i + n])) is None:
                continue
            if ch in _KATAKANA and all(c in _KATAKANA for c in source[i:i + n]) and (
                    source[i - 1:i] in _KATAKANA or source[i + n:i + n + 1] in _KATAKANA):
                continue  # a katakana name only as a whole word: not エミコ in エミコット
            if n == 1 and not (source.startswith(rules.titles, i + 1) or any(
                    source[i + 1:i + 1 + m] in given for m in lengths.get(source[i + 1:i + 2], ())
                    if i + 1 + m <= len(source))):
                continue  # 林 and 森 are names before a title or a given name (林芳正), not before 京都
            got_readings = got.split()
            readings.update(got_readings)
            if n > 1 and (suffix := rules.suffixes.get(source[i + n:i + n + 1])) and source[i:i + n + 1] not in table:
                # not when the dictionary reads the name with its suffix: 河原町 is Kawaramachi, not Kawaracho
                joined.update(name + end for reading in got_readings for name in romaji(reading) for end in suffix)


def _canonical(text: str) -> str:
    return _VARIANTS.sub(lambda m: _ONE[m.group()], text)


@lru_cache(maxsize=65536)
def romaji(reading: str) -> frozenset[str]:
    """Every spelling English news gives the kana `reading` (see the module's docstring)."""
    rules = _rules()
    syllables = _syllables(reading.translate(_TO_KATAKANA))
    if not syllables:
        return frozenset()
    parts: list[tuple[str, ...]] = []
    vowel = ""  # the vowel the spelling so far ends in
    for k, unit in enumerate(syllables):
        after = next((u for u in syllables[k + 1:] if u not in ("ッ", "ー")), "")
        if unit == "ッ":
            parts.append(("",) if not after[:1].isascii() or not after[:1].isalpha() or after[0] in "aeiou"
                         else ("t", "c") if after.startswith("ch") else (after[0],))
            vowel = ""
            continue
        if unit == "ン":
            parts.append(("n", "m") if after[:1] in ("b", "m", "p") else ("n",))
            vowel = ""
            continue
        if unit == "ー":
            parts.append(rules.long.get(vowel, ("",)))
            vowel = ""
            continue
        if unit == vowel and vowel in "ou" or unit == "u" and vowel == "o":
            parts.append(rules.long[vowel] if unit == "u" or vowel == "u" else rules.long["oo"])
            vowel = ""
            continue
        parts.append((unit,))
        vowel = unit[-1]
    total = 1
    for options in parts:
        total *= len(options)
    if total > MAX_SPELLINGS:  # keep the plain and the doubled vowels only
        parts = [options[:2] for options in parts]
    return frozenset("".join(p) for p in product(*parts))


_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}


def _syllables(kana: str) -> list[str]:
    """Katakana as romaji syllables, with ッ, ン and ー left as they are; [] for anything else."""
    rules = _rules()
    mono, small = rules.kana, rules.small
    out: list[str] = []
    i = 0
    while i < len(kana):
        pair = kana[i:i + 2]
        if pair in rules.digraphs:
            out.append(rules.digraphs[pair])
            i += 2
            continue
        ch = kana[i]
        if ch in "ッンー":
            out.append(ch)
        elif i + 1 < len(kana) and kana[i + 1] in small and ch in mono and mono[ch].endswith("i") \
                and len(mono[ch]) > 1:
            base = mono[ch][:-1]  # キャ kya, シャ sha, チャ cha, ジャ ja
            out.append(base + ("" if base in ("sh", "ch", "j") else "y") + small[kana[i + 1]])
            i += 2
            continue
        elif ch in mono:
            out.append(mono[ch])
        else:
            return []
        i += 1
    return out


class Rules(NamedTuple):
    kana: dict[str, str]
    small: dict[str, str]
    digraphs: dict[str, str]
    long: dict[str, tuple[str, ...]]
    suffixes: dict[str, tuple[str, ...]]
    titles: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> Rules:
    text = resources.files("mtqa.checkers.bilingual").joinpath("japanese_romaji.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    pairs = lambda text: dict(item.split("=", 1) for item in text.split())  # noqa: E731
    hepburn = data["hepburn"]
    return Rules(pairs(hepburn["kana"]), pairs(hepburn["small"]), pairs(hepburn["digraphs"]),
                 {k: tuple(v) for k, v in data["long_vowels"].items()},
                 {k: tuple(v) for k, v in data["suffixes"].items()}, tuple(data["titles"]["after_surname"]))


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, tuple[int, ...]], frozenset[str]]:
    """The dictionary's surfaces with their readings (space-separated), the surface lengths
    each first character starts, and the surfaces that are given names."""
    raw = resources.files("mtqa.checkers.bilingual").joinpath("japanese_readings.tsv.gz").read_bytes()
    table: dict[str, str] = {}
    given: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        surface, readings, kinds = line.split("\t")
        if "ノ" in surface or "ヶ" in surface:
            surface = _canonical(surface)
            if surface in table:
                readings = table[surface] + " " + readings
        table[surface] = readings
        if "g" in kinds:
            given.add(surface)
    lengths: dict[str, set[int]] = {}
    for surface in table:
        lengths.setdefault(surface[0], set()).add(len(surface))
    return table, {ch: tuple(sorted(ns)) for ch, ns in lengths.items()}, frozenset(given)
