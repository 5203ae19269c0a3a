"""Build `checkers/bilingual/hebrew_spellings.tsv`: how English writes the Hebrew words of names.

Why: machine translation from Hebrew guesses the vowels of a name the source writes
without them ("Malika" for מלכה, Malka; "Dackel" for דקל, Dekel), and the guess is
often a spelling no one uses. Wikidata holds tens of thousands of people with both a
Hebrew and an English label; their words, paired in order, say which English spellings
each Hebrew word of a name takes. MTQA-BI-073 flags a name in the translation that
spells a source word letter by letter but none of its attested spellings, when one
spelling clearly dominates.

Input: the `wd_hebrew` file of the CC0 dataset of Wikidata person-name pairs published
with Benites et al. (COLING 2018), repository `steveash/NETransliteration-COLING2018`,
file `data/wd_hebrew` (one `English<TAB>Hebrew` label pair a line). Only pairs with as
many words on both sides are used, and only capitalised English words.

Output rows: Hebrew word, then its English spellings by frequency as `spelling:count`.
Kept: Hebrew words seen in at least MIN_NAMES names and not among Hebrew's commonest
words. The checker decides which words have a usual spelling (hebrew_spellings.py); the
grammar checker takes a spelling two names share as attested, not a typo.

Usage: python scripts/build_hebrew_spellings.py wd_hebrew [--out PATH]
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

MIN_NAMES = 2
# From this many names on, every spelling is kept: the checker needs them all to know a
# word's usual spelling and its accepted variants (hebrew_spellings.MIN_NAMES).
FULL_FROM = 5
# Hebrew words this common are words first (אשר "which", בני "sons of"): the name reading
# of their letters is the exception. wordfreq's Hebrew Zipf values.
MAX_HEBREW_ZIPF = 5.0
OUT = Path(__file__).resolve().parents[1] / "src" / "mtqa" / "checkers" / "bilingual" / "hebrew_spellings.tsv"


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def spellings(lines) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2:
            continue
        english, hebrew = (p.split() for p in parts)
        if len(english) != len(hebrew):
            continue
        for en, he in zip(english, hebrew):
            en = _fold(en).strip(".,")
            if len(en) >= 2 and en[0].isupper() and en.replace("-", "").replace("'", "").isalpha():
                table[he.replace("׳", "'")][en.lower()] += 1
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path, help="the wd_hebrew file (English<TAB>Hebrew)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    from wordfreq import zipf_frequency

    table = spellings(args.pairs.open(encoding="utf-8"))
    rows = []
    for hebrew, counts in sorted(table.items()):
        total = sum(counts.values())
        if total < MIN_NAMES or zipf_frequency(hebrew, "he") >= MAX_HEBREW_ZIPF:
            continue
        # Below FULL_FROM names a word serves only to attest spellings two names share.
        kept = [(en, n) for en, n in counts.most_common() if total >= FULL_FROM or n >= MIN_NAMES]
        if kept:
            rows.append(hebrew + "\t" + " ".join(f"{en}:{n}" for en, n in kept))
    header = ("# Hebrew word of a name<TAB>its English spellings with counts, commonest first.\n"
              "# Built by scripts/build_hebrew_spellings.py from Wikidata person labels (CC0).\n")
    args.out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} Hebrew words -> {args.out}")


if __name__ == "__main__":
    main()
