"""Build `checkers/bilingual/japanese_readings.tsv.gz`: the readings of Japanese proper nouns.

Why: a Japanese source writes names in kanji (市川, 松本美佐子) that say nothing of their
sound, and the translation writes them in romaji (Ichikawa, Misako Matsumoto), which
LanguageTool's English dictionary lacks. The readings a dictionary gives these names let
the grammar checker see that the translation spells a name the source holds
(`transliteration.SourceNames`, japanese.py), exactly and without guessing a reading
character by character.

Input: the proper-noun CSV files of IPAdic (mecab-ipadic 2.7.0-20070801, EUC-JP):
Noun.name.csv (people), Noun.place.csv (places), Noun.org.csv (organisations),
Noun.proper.csv (other proper nouns); the Debian package mecab-ipadic ships them in
its dictionary folder. Rows are `surface,left,right,cost,名詞,固有名詞,kind,sub,*,*,base,
reading,pronunciation`; the reading is in katakana. The general nouns (Noun.csv) are
not read: a romanised common word in a translation ("kouho" for 候補, candidate) is an
untranslated word, not a name. Dropping the proper nouns that are also common words
(台所, a place and "kitchen") would drop names the news uses too (恵比寿 Ebisu, 日光
Nikko), so they stay.

Kept: surfaces with at least one kanji, of two characters or more, or of one for a
surname (林, 森); surfaces all in katakana, of two or more (エミコ, アピタ): the checker
romanises no other katakana word, since most are loanwords and common words
(ウサギ, "Usagi", is a rabbit left untranslated); not hiragana alone (they would match
inside running text); not country names (米国 is the United States in English, not
Beikoku). Licence: IPAdic's (NAIST and ICOT), which permits redistribution with its
notice: JAPANESE_READINGS_LICENSE beside the data.

Output rows: surface<TAB>readings in katakana, space-separated<TAB>what the surface names,
one letter each: f a family name, g a given name, p a place, o an organisation, x another
proper noun (the checker takes a surname of one kanji for a name before a given name,
林芳正, but not before a place: 東 in 東京都 is no Higashi). Gzip'd, without a timestamp,
so that a rebuild from the same input gives the same bytes.

Usage: python scripts/build_japanese_readings.py Noun.name.csv Noun.place.csv Noun.org.csv
           Noun.proper.csv [--out PATH] [--encoding euc-jp]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "mtqa" / "checkers" / "bilingual" / "japanese_readings.tsv.gz"
KINDS = frozenset({"人名", "地域", "組織", "一般"})
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々〆ヶ]")
_READING = re.compile(r"[\u30a1-\u30fa\u30fc]+")  # katakana and the long-vowel mark


def rows(path: Path, encoding: str):
    """The rows of one dictionary file; a file that is not one says so and gives none."""
    try:
        with path.open(encoding=encoding, newline="") as handle:
            yield from csv.reader(handle)
    except (OSError, UnicodeDecodeError) as error:
        print(f"{path}: cannot read as {encoding} CSV: {error}", file=sys.stderr)


# IPAdic's kind and subkind of a proper noun -> the letter of the output.
KIND_LETTERS = {("人名", "姓"): "f", ("人名", "名"): "g", "人名": "x", "地域": "p", "組織": "o", "一般": "x"}


def readings(paths: list[Path], encoding: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Surface -> readings, and surface -> the letters of what it names."""
    table: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        for row in rows(path, encoding):
            if len(row) < 12 or row[4] != "名詞" or row[5] != "固有名詞" or row[6] not in KINDS:
                continue
            surface, kind, sub, reading = row[0], row[6], row[7], row[11]
            if sub == "国" or not (_KANJI.search(surface) or _READING.fullmatch(surface)) \
                    or not _READING.fullmatch(reading):
                continue
            if len(surface) < 2 and not (kind == "人名" and sub == "姓"):
                continue
            table[surface].add(reading)
            kinds[surface].add(KIND_LETTERS.get((kind, sub)) or KIND_LETTERS[kind])
    return table, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+", help="IPAdic proper-noun CSV files")
    parser.add_argument("--encoding", default="euc-jp")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table, kinds = readings(args.files, args.encoding)
    text = "".join(f"{surface}\t{' '.join(sorted(table[surface]))}\t{''.join(sorted(kinds[surface]))}\n"
                   for surface in sorted(table))
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(text.encode("utf-8"))
    print(f"{len(table)} surfaces, {args.out.stat().st_size} bytes -> {args.out}")


if __name__ == "__main__":
    main()
