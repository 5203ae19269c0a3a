"""Benchmark the document-level checkers (consistency, fluency) on the shared WMT corpus.

* False alarms: findings per 1,000 words on the human references (the goal is at most
  0.3 major findings per 1,000 words per checker), with every major finding listed in
  the JSON so it can be read by eye.
* Output on MT systems: the same counts on system outputs (a sample of systems per
  pair), to see what fires on real machine translation.
* Throughput: sentences per second of both checkers together on one core, measured on
  the reference documents with sentence segmentation done beforehand (the segmenter is
  benchmarked on its own) and, separately, including it.

Documents: a reference or system file holds one segment a line; lines are grouped into
documents by ``docids.txt`` where the pair has one, otherwise into blocks of
``--block`` lines (default 20), one line a paragraph.

Usage: python benchmarks/bench_doclevel.py [--wmt DIR] [--systems N] [--quick]
Writes benchmarks/results/doclevel.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mtqa.checkers import load_checker_class  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.model import Document  # noqa: E402
from mtqa.scoring import count_words  # noqa: E402

CHECKERS = ("consistency", "fluency")
RESULTS = REPO / "benchmarks" / "results"


def default_wmt() -> Path:
    shared = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
    return shared / "corpus" / "wmt"


def group_lines(lines: list[str], docids: list[str] | None, block: int) -> list[list[str]]:
    """Lines grouped into documents: by document id where known, else in fixed blocks."""
    if docids and len(docids) == len(lines):
        groups: list[list[str]] = []
        last = None
        for line, docid in zip(lines, docids):
            if docid != last:
                groups.append([])
                last = docid
            groups[-1].append(line)
        return groups
    return [lines[i:i + block] for i in range(0, len(lines), block)]


def documents_of(path: Path, pair_dir: Path, block: int, limit: int | None = None) -> list[Document]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    docids = None
    ids_path = pair_dir / "docids.txt"
    if ids_path.is_file():
        docids = [row.split("\t")[0] for row in ids_path.read_text(encoding="utf-8").split("\n")[: len(lines)]]
    docs = []
    for n, group in enumerate(group_lines(lines, docids, block)):
        text = "\n".join(group)
        docs.append(Document(id=f"{path.name}#{n}", path=str(path.relative_to(pair_dir.parents[1])), text=text))
        if limit and len(docs) >= limit:
            break
    return docs


def run_checkers(checkers, docs):
    found = defaultdict(list)
    for doc in docs:
        for checker in checkers:
            for finding in checker.check(doc):
                found[checker.name].append((doc, finding))
    return found


def summarise(found, words: int, keep_major: bool, keep_minor: int = 0) -> dict:
    out = {}
    for name in CHECKERS:
        items = found.get(name, [])
        by_rule = Counter(f.rule for _, f in items)
        major = [(d, f) for d, f in items if f.severity.value in ("major", "critical")]
        minor = [(d, f) for d, f in items if f.severity.value == "minor"]
        entry = {
            "findings": len(items),
            "major": len(major),
            "minor": len(minor),
            "major_per_1000_words": round(len(major) * 1000 / max(words, 1), 3),
            "minor_per_1000_words": round(len(minor) * 1000 / max(words, 1), 3),
            "by_rule": dict(sorted(by_rule.items())),
        }
        if keep_major:
            entry["major_examples"] = [_example(d, f) for d, f in major]
        if keep_minor:
            entry["minor_examples"] = [_example(d, f) for d, f in minor[:keep_minor]]
        out[name] = entry
    return out


def _example(doc: Document, f) -> dict:
    context = doc.text[max(0, f.start - 60):f.end + 60].replace("\n", " / ")
    return {"doc": doc.path + ":" + doc.id, "rule": f.rule, "text": f.text, "context": context}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=default_wmt())
    parser.add_argument("--systems", type=int, default=2, help="system outputs per pair to scan")
    parser.add_argument("--block", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="first 30 documents of each file only")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not args.wmt.is_dir():
        print(f"WMT corpus not found at {args.wmt}", file=sys.stderr)
        return 2
    settings = load_settings()
    checkers = [load_checker_class(name)(settings) for name in CHECKERS]
    limit = 30 if args.quick else None
    pairs = sorted(p for p in args.wmt.glob("*/*") if (p / "reference.txt").is_file())

    # References: false alarms and throughput.
    ref_docs: list[Document] = []
    per_pair = {}
    for pair in pairs:
        docs = documents_of(pair / "reference.txt", pair, args.block, limit)
        ref_docs.extend(docs)
        per_pair[str(pair.relative_to(args.wmt))] = {"documents": len(docs), "words": sum(count_words(d.text) for d in docs)}
    words = sum(p["words"] for p in per_pair.values())
    start = time.process_time()
    sentences = sum(len(d.sentences) for d in ref_docs)
    segment_seconds = time.process_time() - start
    for doc in ref_docs:  # warm the per-document caches the checkers share
        doc.paragraphs
    start = time.process_time()
    found = run_checkers(checkers, ref_docs)
    check_seconds = time.process_time() - start
    references = {
        "documents": len(ref_docs),
        "words": words,
        "sentences": sentences,
        "pairs": per_pair,
        "checkers": summarise(found, words, keep_major=True, keep_minor=40),
    }
    throughput = {
        "sentences": sentences,
        "check_cpu_seconds": round(check_seconds, 3),
        "sentences_per_second": round(sentences / check_seconds) if check_seconds else None,
        "segmentation_cpu_seconds": round(segment_seconds, 3),
        "sentences_per_second_with_segmentation": round(sentences / (check_seconds + segment_seconds)),
        "words_per_second": round(words / check_seconds) if check_seconds else None,
    }

    # MT systems: what fires on real machine translation.
    sys_docs: list[Document] = []
    scanned = []
    for pair in pairs:
        for system in sorted((pair / "systems").glob("*.txt"))[: args.systems]:
            sys_docs.extend(documents_of(system, pair, args.block, limit))
            scanned.append(str(system.relative_to(args.wmt)))
    sys_words = sum(count_words(d.text) for d in sys_docs)
    sys_found = run_checkers(checkers, sys_docs)
    systems = {
        "files": scanned,
        "documents": len(sys_docs),
        "words": sys_words,
        "checkers": summarise(sys_found, sys_words, keep_major=False, keep_minor=0),
        "examples": {
            name: [_example(d, f) for d, f in sys_found.get(name, [])[:: max(1, len(sys_found.get(name, [])) // 40)]][:40]
            for name in CHECKERS
        },
    }
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpu": platform.processor()},
        "quick": args.quick,
        "references": references,
        "throughput": throughput,
        "systems": systems,
    }
    print(render_md(result))
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "doclevel.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (RESULTS / "doclevel.md").write_text(render_md(result), encoding="utf-8")
    return 0


def _checker_table(checkers: dict) -> list[str]:
    """Markdown rows of findings per checker (major/minor, rates, rules)."""
    rows = [
        "| checker | major | major / 1k words | minor | minor / 1k words | by rule |",
        "|---|---|---|---|---|---|",
    ]
    for name, entry in checkers.items():
        rules = ", ".join(f"{k} {v}" for k, v in entry["by_rule"].items())
        rows.append(f"| {name} | {entry['major']} | {entry['major_per_1000_words']} | {entry['minor']} "
                    f"| {entry['minor_per_1000_words']} | {rules} |")
    return rows


def render_md(result: dict) -> str:
    ref, thr, sysr = result["references"], result["throughput"], result["systems"]
    lines = [
        "# Document-level checkers on WMT (consistency, fluency)",
        "",
        f"Human references: {ref['documents']} documents, {ref['words']:,} words, {ref['sentences']:,} sentences.",
        "",
        *_checker_table(ref["checkers"]),
        "",
        f"MT system outputs ({len(sysr['files'])} files, {sysr['words']:,} words):",
        "",
        *_checker_table(sysr["checkers"]),
    ]
    lines += [
        "",
        f"Throughput (one core, CPU time): {thr['sentences_per_second']:,} sentences/s for both checkers "
        f"({thr['check_cpu_seconds']} s for {thr['sentences']:,} sentences); "
        f"{thr['sentences_per_second_with_segmentation']:,} sentences/s including sentence segmentation.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
