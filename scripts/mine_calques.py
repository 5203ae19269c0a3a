"""Mine calque candidates: word n-grams that machine translation writes much more often than
human translators of the same source sentences.

Why this statistic: MT output and the human reference translate the *same* sentences, so
topic and vocabulary cancel out and what remains is how each side writes. A plain frequency
ratio ranks one-off rare words first; the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi and Quinn 2008, "Fightin' Words") shrinks rare n-grams towards the
background rate and divides by its standard error, so a z-score of 3 means the same
evidence for a common and a rare n-gram. The background is every English text of the
corpus (all pairs, MT and human), so the prior says what English news usually writes.

Evidence that one article or one system cannot fake: a candidate must occur in at least
``--min-segments`` different source segments, ``--min-docs`` documents and in at least
``--min-systems`` MT systems,
and reference counts are scaled by the number of systems (each system translated the
same sentences once; the reference once).

Output (outside the repository; one TSV per source language):
    ngram  z  mt  ref  mt_per_system  segments  docs  systems  ratio  [in_error_spans]
``in_error_spans`` (zh only, with --qe) is the share of the n-gram's occurrences in the
labelled zh-en newstest2021 MT output that fall inside a human-marked error span — a
precision check for review, not a filter.

Usage:
    python scripts/mine_calques.py [--wmt DIR] [--out DIR] [--langs he,ru] [--qe FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
# N-grams made only of these say nothing about a calque on their own ("of the", ", and").
PSEUDO_DOC = 20
STOP = set("""a an the of to in on at by for with from and or but as is are was were be been
being it its this that these those he she they we you i his her their our your him them us
me not no so if than then there here which who whom whose what when where how do does did
has have had will would can could should may might must shall , . ; : ! ? " ' ( ) - – — “ ” ‘ ’""".split())


def tokens(line: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in TOKEN.findall(line)]


def ngrams(toks: list[str], n_max: int):
    for n in range(1, n_max + 1):
        for i in range(len(toks) - n + 1):
            gram = toks[i:i + n]
            if all(t in STOP for t in gram) or not any(t[0].isalpha() for t in gram):
                continue
            yield " ".join(gram)


class Side:
    """Counts of one side (MT or human) of one source language."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.segments: dict[str, set] = defaultdict(set)
        self.systems: dict[str, set] = defaultdict(set)
        self.docs: dict[str, set] = defaultdict(set)
        self.total = 0

    def add(self, line: str, segment: str, doc: str, system: str, n_max: int) -> None:
        toks = tokens(line)
        self.total += len(toks)
        for gram in ngrams(toks, n_max):
            self.counts[gram] += 1
            self.segments[gram].add(segment)
            self.docs[gram].add(doc)
            self.systems[gram].add(system)


def read_pairs(wmt: Path, langs: set[str] | None):
    """(lang, folder) for every pair into English that has a reference and systems."""
    for folder in sorted(p for p in wmt.glob("*/*") if (p / "reference.txt").is_file()):
        lang = folder.name.split("-")[0]
        if folder.name.endswith("-en") and (not langs or lang in langs):
            yield lang, folder


def doc_ids(folder: Path, lines: int) -> list[str]:
    """Document of each line: docids.txt where the corpus has it, else blocks of
    ``PSEUDO_DOC`` lines (articles are contiguous, so a block rarely spans two)."""
    path = folder / "docids.txt"
    if path.is_file():
        return [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()]
    return [f"block{i // PSEUDO_DOC}" for i in range(lines)]


def collect(wmt: Path, langs: set[str] | None, n_max: int):
    mt: dict[str, Side] = defaultdict(Side)
    ref: dict[str, Side] = defaultdict(Side)
    n_systems: Counter = Counter()
    for lang, folder in read_pairs(wmt, langs):
        tag = f"{folder.parent.name}/{folder.name}"
        reference = (folder / "reference.txt").read_text(encoding="utf-8").splitlines()
        docs = doc_ids(folder, len(reference))
        for i, line in enumerate(reference):
            ref[lang].add(line, f"{tag}:{i}", f"{tag}:{docs[i]}", "reference", n_max)
        systems = sorted((folder / "systems").glob("*.txt"))
        n_systems[lang] = max(n_systems[lang], len(systems))
        for path in systems:
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                mt[lang].add(line, f"{tag}:{i}", f"{tag}:{docs[i]}", path.stem, n_max)
    return mt, ref, n_systems


def log_odds(mt: Side, ref: Side, scale: float, prior: Counter, prior_total: int, alpha0: float):
    """z-scores of the log-odds ratio (MT vs scaled reference) with a Dirichlet prior whose
    total pseudo-count is ``alpha0``, spread in proportion to the background counts."""
    n1, n2 = mt.total, ref.total * scale
    for gram, y1 in mt.counts.items():
        y2 = ref.counts.get(gram, 0) * scale
        a = alpha0 * prior[gram] / prior_total
        if a <= 0:
            continue
        d = math.log((y1 + a) / (n1 + alpha0 - y1 - a)) - math.log((y2 + a) / (n2 + alpha0 - y2 - a))
        var = 1 / (y1 + a) + 1 / (y2 + a)
        yield gram, d / math.sqrt(var)


def labelled_ngrams(path: Path, n_max: int):
    """(gram, record, inside an error span?) for every n-gram of the labelled MT output."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            if rec.get("is_human_reference"):
                continue
            spans = [(e["start"], e["end"]) for e in rec.get("errors") or [] if e.get("side", "target") == "target"]
            words = [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in TOKEN.finditer(rec["target"])]
            for n in range(1, n_max + 1):
                for i in range(len(words) - n + 1):
                    start, end = words[i][1], words[i + n - 1][2]
                    yield " ".join(w for w, _, _ in words[i:i + n]), rec, any(s < end and start < e for s, e in spans)


def qe_coverage(path: Path, grams: set[str]) -> dict[str, tuple[int, int]]:
    """gram -> (occurrences inside a labelled error span, all occurrences) in the MT output."""
    found: dict[str, list[int]] = {g: [0, 0] for g in grams}
    for gram, _, inside in labelled_ngrams(path, max((len(g.split()) for g in grams), default=0)):
        if gram in found:
            found[gram][1] += 1
            found[gram][0] += inside
    return {g: (a, b) for g, (a, b) in found.items() if b}


def labelled_candidates(path: Path, references: Counter, n_max: int, min_count: int, min_share: float):
    """Second source, for zh: n-grams of the labelled zh-en MT output that mostly lie inside
    a human-marked error span, occur in at least three systems and two documents (one
    article's mistranslated title is not a calque) and at most once in all WMT
    human references. Rows: (ngram, occurrences, share inside spans, systems, reference count).
    Candidates found here are measured on the same set, so the docs quote them as in-sample."""
    total: Counter = Counter()
    inside: Counter = Counter()
    systems: dict[str, set] = defaultdict(set)
    docs: dict[str, set] = defaultdict(set)
    for gram, rec, hit in labelled_ngrams(path, n_max):
        total[gram] += 1
        inside[gram] += hit
        systems[gram].add(rec["system"])
        docs[gram].add(rec["doc"])
    rows = [(g, c, inside[g] / c, len(systems[g]), references.get(g, 0)) for g, c in total.items()
            if c >= min_count and inside[g] / c >= min_share and len(systems[g]) >= 3 and len(docs[g]) >= 2 and references.get(g, 0) <= 1
            and any(t[0].isalpha() for t in g.split()) and not all(t in STOP for t in g.split())]
    return sorted(rows, key=lambda row: -row[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=SHARED / "corpus" / "wmt")
    parser.add_argument("--out", type=Path, default=REPO.parent / "calque-candidates",
                        help="folder for <lang>.tsv (default: beside the repository)")
    parser.add_argument("--langs", help="comma-separated source languages (default: all)")
    parser.add_argument("--max-n", type=int, default=5)
    parser.add_argument("--min-z", type=float, default=3.0)
    parser.add_argument("--min-segments", type=int, default=3)
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--min-systems", type=int, default=2)
    parser.add_argument("--alpha", type=float, default=1000.0, help="total prior pseudo-count")
    parser.add_argument("--top", type=int, default=400)
    parser.add_argument("--qe", type=Path, default=SHARED / "qe" / "zh-en-newstest2021.jsonl")
    args = parser.parse_args()
    if not args.wmt.is_dir():
        print(f"mine_calques: error: {args.wmt}: no WMT corpus here", file=sys.stderr)
        return 2
    langs = set(args.langs.split(",")) if args.langs else None
    mt, ref, n_systems = collect(args.wmt, langs, args.max_n)
    prior: Counter = Counter()
    for side in (*mt.values(), *ref.values()):
        prior.update(side.counts)
    prior_total = sum(prior.values())
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in sorted(mt):
        m, r, k = mt[lang], ref[lang], n_systems[lang]
        rows = []
        for gram, z in log_odds(m, r, k, prior, prior_total, args.alpha):
            if (z < args.min_z or len(m.segments[gram]) < args.min_segments
                    or len(m.docs[gram]) < args.min_docs or len(m.systems[gram]) < args.min_systems):
                continue
            ref_count = r.counts.get(gram, 0)
            ratio = (m.counts[gram] / k + 0.5) / (ref_count + 0.5)
            rows.append((gram, z, m.counts[gram], ref_count, len(m.segments[gram]), len(m.docs[gram]),
                         len(m.systems[gram]), ratio))
        rows.sort(key=lambda row: -row[1])
        rows = rows[:args.top]
        coverage = qe_coverage(args.qe, {row[0] for row in rows}) if lang == "zh" and args.qe.is_file() else {}
        with open(args.out / f"{lang}.tsv", "w", encoding="utf-8") as out:
            out.write("ngram\tz\tmt\tref\tmt_per_system\tsegments\tdocs\tsystems\tratio\tin_error_spans\n")
            for gram, z, y1, y2, segs, docs, systems, ratio in rows:
                cov = coverage.get(gram)
                share = f"{cov[0]}/{cov[1]}" if cov else ""
                out.write(f"{gram}\t{z:.2f}\t{y1}\t{y2}\t{y1 / k:.1f}\t{segs}\t{docs}\t{systems}\t{ratio:.1f}\t{share}\n")
        print(f"{lang}: {len(rows)} candidates ({k} systems, {m.total:,} MT tokens, {r.total:,} reference tokens)")
    if args.qe.is_file():
        references: Counter = Counter()
        for side in ref.values():
            references.update(side.counts)
        rows = labelled_candidates(args.qe, references, args.max_n, min_count=10, min_share=0.7)
        with open(args.out / "zh-labelled.tsv", "w", encoding="utf-8") as out:
            out.write("ngram\toccurrences\tinside_error_spans\tsystems\treference_count\n")
            for gram, count, share, n_sys, ref_count in rows[:args.top]:
                out.write(f"{gram}\t{count}\t{share:.2f}\t{n_sys}\t{ref_count}\n")
        print(f"zh-labelled: {len(rows)} candidates from {args.qe.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
