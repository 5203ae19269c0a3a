"""Benchmark sentence splitters on news text: split quality, offset exactness and speed.

Candidates: mtqa's own rule-based splitter (``mtqa.segment.splitter``), pysbd, the
SRX-based choppa-srx (LanguageTool's segmentation rules) and blingfire (if installed).

* Quality: the hand-labelled tricky news sentences in ``tests/segment/news_sentences.jsonl``
  (abbreviations, U.S., initials, decimals, ellipses, quotes, brackets); boundary
  precision / recall / F1 and the share of paragraphs split exactly right. mtqa's splitter
  was tuned on that set, so ``news_sentences_heldout.jsonl``, written afterwards and not
  tuned on, is scored separately.
* Offsets: every sentence a library returns must be found at the offsets we derive
  (and pysbd's own ``char_span`` offsets are checked against its sentence text).
* Speed: characters per second over the WMT reference files (one paragraph a line).
* Agreement: on how many WMT reference lines each splitter gives the same boundaries as
  choppa-srx (LanguageTool's rules, which our grammar checker also uses).

Usage: python benchmarks/bench_segmenters.py [--wmt DIR] [--limit-chars N]
Writes benchmarks/results/segmenters.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mtqa.segment.splitter import split_spans, trim_span  # noqa: E402

Spans = list[tuple[int, int]]


def _locate(text: str, pieces: list[str]) -> tuple[Spans, int]:
    """Offsets of each returned sentence found left to right; counts pieces not found."""
    spans: Spans = []
    cursor = 0
    missing = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:
            missing += 1
            continue
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans, missing


def make_regex() -> Callable[[str], tuple[Spans, int]]:
    return lambda text: (split_spans(text), 0)


def make_pysbd() -> Callable[[str], tuple[Spans, int]]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(text: str) -> tuple[Spans, int]:
        spans: Spans = []
        bad = 0
        for item in seg.segment(text):
            # pysbd computes char_span by searching for the sentence; check it agrees.
            if text[item.start : item.end] != item.sent:
                bad += 1
            trimmed = trim_span(text, item.start, item.end)
            if trimmed:
                spans.append(trimmed)
        return spans, bad

    return run


def make_choppa() -> Callable[[str], tuple[Spans, int]]:
    import choppa
    from choppa.iterators import SrxTextIterator
    from choppa.srx_parser import SrxDocument

    document = SrxDocument(ruleset=str(Path(choppa.__file__).parent / "data/srx/languagetool_segment.srx"))

    def run(text: str) -> tuple[Spans, int]:
        spans: Spans = []
        pos = 0
        bad = 0
        for piece in SrxTextIterator(document, "en_two", text):
            # choppa returns consecutive slices of the input: offsets are cumulative lengths.
            if text[pos : pos + len(piece)] != piece:
                bad += 1
            trimmed = trim_span(text, pos, pos + len(piece))
            if trimmed:
                spans.append(trimmed)
            pos += len(piece)
        if pos != len(text):
            bad += 1
        return spans, bad

    return run


def make_blingfire() -> Callable[[str], tuple[Spans, int]]:
    import blingfire

    def run(text: str) -> tuple[Spans, int]:
        if not text.strip():
            return [], 0
        joined, offsets = blingfire.text_to_sentences_and_offsets(text)
        spans: Spans = []
        bad = 0
        for (start, end), sent in zip(offsets, joined.split("\n"), strict=False):
            if text[start:end].strip() != sent.strip():
                bad += 1
            trimmed = trim_span(text, start, end)
            if trimmed:
                spans.append(trimmed)
        return spans, bad

    return run


FACTORIES = {"regex (mtqa)": make_regex, "pysbd": make_pysbd, "choppa-srx": make_choppa, "blingfire": make_blingfire}


def load_gold(path: Path) -> list[tuple[str, str, set[int]]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        sep = item.get("sep", " ")
        text = sep.join(item["sentences"])
        starts, pos = set(), 0
        for i, sentence in enumerate(item["sentences"]):
            if i:
                starts.add(pos)
            pos += len(sentence) + len(sep)
        cases.append((item["id"], text, starts))
    return cases


def score_quality(run, cases) -> dict:
    tp = fp = fn = exact = 0
    wrong: list[str] = []
    for case_id, text, gold in cases:
        spans, _ = run(text)
        predicted = {s for s, _ in spans[1:]}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if predicted == gold:
            exact += 1
        else:
            wrong.append(case_id)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "cases": len(cases),
        "exact": exact,
        "exact_rate": round(exact / len(cases), 3),
        "boundary_precision": round(precision, 3),
        "boundary_recall": round(recall, 3),
        "boundary_f1": round(f1, 3),
        "wrong_cases": wrong,
    }


# Texts that broke other splitters' offsets (pysbd issues #49, #83: list items, runs of
# periods, carriage returns) plus repeated sentences and non-BMP characters.
STRESS = [
    "1) The first item. 2) The second item.",
    "He left the room .. Later, he came back.",
    "He left .... Later, he came back.",
    "Der Uebel) abe. .hatt' nun geglaubt",
    "First line.\r\nSecond line.\r\n\r\nThird.",
    "He said no. He said no. He said no.",
    "Fans cheered 🎉. Then they left 🏠. The end.",
    "a. The first item b. The second item c. The third list item",
    "Wait... What?! No!!! Really?? Yes.",
]


def offset_problems(run) -> int:
    """Texts whose spans overlap, go backwards or leave a non-space character uncovered."""
    problems = 0
    for text in STRESS:
        spans, bad = run(text)
        covered = [0] * len(text)
        ok = bad == 0
        last = 0
        for start, end in spans:
            ok &= start >= last
            last = end
            for i in range(start, end):
                covered[i] += 1
        ok &= all(c == 1 or (c == 0 and ch.isspace()) for c, ch in zip(covered, text, strict=True))
        problems += not ok
    return problems


def corpus_lines(wmt: Path, limit_chars: int) -> list[str]:
    lines: list[str] = []
    total = 0
    for path in sorted(wmt.glob("*/*/reference.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append(line)
                total += len(line)
        if limit_chars and total >= limit_chars:
            break
    return lines


def speed_and_offsets(run, lines: list[str]) -> dict:
    start = time.perf_counter()
    bad = sentences = 0
    boundaries: list[frozenset[int]] = []
    for line in lines:
        spans, wrong = run(line)
        bad += wrong
        sentences += len(spans)
        boundaries.append(frozenset(s for s, _ in spans[1:]))
    elapsed = time.perf_counter() - start
    chars = sum(len(line) for line in lines)
    return {
        "lines": len(lines),
        "chars": chars,
        "seconds": round(elapsed, 2),
        "kchars_per_s": round(chars / elapsed / 1000, 1),
        "sentences": sentences,
        "offset_mismatches": bad,
        "_boundaries": boundaries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared")) / "corpus" / "wmt")
    parser.add_argument("--limit-chars", type=int, default=0, help="stop reading references after this many characters")
    args = parser.parse_args()

    cases = load_gold(REPO / "tests" / "segment" / "news_sentences.jsonl")
    heldout = load_gold(REPO / "tests" / "segment" / "news_sentences_heldout.jsonl")
    lines = corpus_lines(args.wmt, args.limit_chars)
    results: dict[str, dict] = {}
    for name, factory in FACTORIES.items():
        try:
            run = factory()
        except ImportError as exc:
            results[name] = {"skipped": f"not installed ({exc.name})"}
            continue
        results[name] = {
            "quality": score_quality(run, cases),
            "heldout": score_quality(run, heldout),
            "corpus": speed_and_offsets(run, lines),
            "stress_offset_problems": offset_problems(run),
        }
        print(name, json.dumps({k: v for k, v in results[name]["quality"].items() if k != "wrong_cases"}),
              {k: v for k, v in results[name]["corpus"].items() if not k.startswith("_")}, flush=True)

    reference = results.get("choppa-srx", {}).get("corpus", {}).get("_boundaries")
    for name, result in results.items():
        corpus = result.get("corpus")
        if not corpus:
            continue
        mine = corpus.pop("_boundaries")
        if reference is not None:
            same = sum(1 for a, b in zip(mine, reference, strict=True) if a == b)
            corpus["agreement_with_choppa"] = round(same / len(mine), 4)

    out = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "gold_file": "tests/segment/news_sentences.jsonl",
        "corpus": "WMT reference.txt files (one paragraph a line)",
        "results": results,
    }
    out_dir = REPO / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "segmenters.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = [
        "| splitter | gold exact | boundary P / R / F1 | held-out exact | held-out P / R / F1 "
        "| WMT refs kchars/s | offset mismatches (WMT) "
        f"| broken stress texts (of {len(STRESS)}) | same as choppa |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        if "skipped" in result:
            rows.append(f"| {name} | {result['skipped']} | | | | | | | |")
            continue
        q, h, c = result["quality"], result["heldout"], result["corpus"]
        rows.append(
            f"| {name} | {q['exact']}/{q['cases']} | {q['boundary_precision']} / {q['boundary_recall']} / "
            f"{q['boundary_f1']} | {h['exact']}/{h['cases']} | {h['boundary_precision']} / {h['boundary_recall']} / "
            f"{h['boundary_f1']} | {c['kchars_per_s']} | {c['offset_mismatches']} | {result['stress_offset_problems']} | "
            f"{c.get('agreement_with_choppa', '')} |"
        )
    md = ["# Sentence splitters", "", f"{len(cases)} hand-labelled news paragraphs (+{len(heldout)} held out); "
          f"{len(lines)} WMT reference lines "
          f"({sum(len(x) for x in lines):,} characters).", "", *rows, ""]
    for name, result in results.items():
        if "quality" in result:
            md.append(f"- {name} wrong on: {', '.join(result['quality']['wrong_cases']) or 'none'}; held out: "
                      f"{', '.join(result['heldout']['wrong_cases']) or 'none'}")
    (out_dir / "segmenters.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
