"""Benchmark the gendered-pronoun check (countries, institutions and devices called he/she).

* Labelled sets: finding precision of the pronoun code on he-en dev and zh-en
  newstest2021 (`qe_metrics`), every finding listed with whether a human marked it.
* False alarms: pronoun findings per 1,000 words on every WMT human reference; each is a
  false alarm unless the human text itself is wrong, so all are listed for review.
* MT outputs: pronoun findings on every WMT system output, per source language, and the
  precision of those findings that were reviewed by eye (`pronouns_reviewed.tsv`: one
  verdict per file, pronoun and context; unreviewed findings are counted apart).
* Speed: segments per second of the whole pipeline without grammar on one WMT system
  output (CPU time, best of three), since the consistency checker's tokenizer and mention
  finder are its hottest spots.

Usage: python -m benchmarks.bench_pronouns [--wmt DIR] [--no-write]
Writes benchmarks/results/pronouns.json and .md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from benchmarks.bench_doclevel import default_wmt, documents_of  # noqa: E402
from benchmarks.qe_metrics import Score, load_he_en, load_zh_en, overlaps  # noqa: E402
from mtqa.checkers.consistency import ConsistencyChecker  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.model import Document  # noqa: E402
from mtqa.scoring import count_words  # noqa: E402

CODES = frozenset({"MTQA-CONS-001"})
RESULTS = REPO / "benchmarks" / "results"
REVIEWED = Path(__file__).resolve().parent / "pronouns_reviewed.tsv"
SPEED_FILE = "2022/de-en/systems/Online-B.txt"


def pronoun_findings(checker: ConsistencyChecker, doc: Document) -> list:
    return [f for f in checker.check(doc) if f.rule in CODES]


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]).replace("\n", " / ")


def labelled(checker: ConsistencyChecker, segments) -> dict:
    """Segments of one document joined line by line; findings mapped back to their segment."""
    docs: dict[str, list] = defaultdict(list)
    for seg in segments:
        docs[seg.doc].append(seg)
    score = Score()
    listed = []
    for doc_id, segs in docs.items():
        text = "\n".join(s.target for s in segs)
        found = pronoun_findings(checker, Document(id=doc_id, path=doc_id, text=text))
        offset = 0
        for seg in segs:
            end = offset + len(seg.target)
            mine = [(f.start - offset, f.end - offset, f.severity.value) for f in found if offset <= f.start < end]
            mine = [(s, e, "major" if sev in ("major", "critical") else "minor") for s, e, sev in mine]
            score.add(seg.target, seg.gold, mine)
            for s, e, sev in mine:
                listed.append({"segment": seg.id, "text": seg.target[s:e],
                               "marked": any(overlaps((s, e, sev), g) for g in seg.gold),
                               "context": _context(seg.target, s, e)})
            offset = end + 1
    return {"segments": len(segments), **score.as_dict(), "listed": listed}


def _review_key(path: str, text: str, context: str) -> tuple[str, str, str]:
    return path, text, " ".join(context.split())


def load_reviewed() -> dict[tuple[str, str, str], str]:
    """(file, pronoun, context) -> "ok" or "wrong", as judged by eye."""
    verdicts = {}
    if REVIEWED.is_file():
        for line in REVIEWED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                verdict, path, text, context = line.split("\t")
                verdicts[_review_key(path, text, context)] = verdict
    return verdicts


def scan(checker: ConsistencyChecker, files: list[tuple[Path, Path]], wmt: Path) -> tuple[int, list[dict]]:
    words = 0
    hits = []
    for path, pair in files:
        for doc in documents_of(path, pair, 20):
            words += count_words(doc.text)
            for f in pronoun_findings(checker, doc):
                hits.append({"file": str(path.relative_to(wmt)), "text": f.text, "evidence": f.evidence,
                             "suggestion": f.suggestions[0] if f.suggestions else "",
                             "context": _context(doc.text, f.start, f.end)})
    return words, hits


def speed(wmt: Path, repeat: int = 3) -> dict:
    """Pipeline without grammar on one system output: segments (lines) per CPU second."""
    from mtqa.pipeline import Pipeline

    path = wmt / SPEED_FILE
    pair = path.parents[1]
    settings = load_settings(overrides={"checkers.grammar.enabled": False})
    best = None
    with Pipeline(settings) as pipeline:
        for _ in range(repeat):
            docs = documents_of(path, pair, 20)
            started = time.process_time()
            pipeline.run_documents(docs)
            spent = time.process_time() - started
            best = spent if best is None else min(best, spent)
    lines = sum(d.text.count("\n") + 1 for d in docs)
    return {"file": SPEED_FILE, "segments": lines, "cpu_seconds": round(best, 3),
            "segments_per_second": round(lines / best)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt", type=Path, default=default_wmt())
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    if not args.wmt.is_dir():
        print(f"WMT corpus not found at {args.wmt}", file=sys.stderr)
        return 2
    checker = ConsistencyChecker(load_settings())
    pairs = sorted(p for p in args.wmt.glob("*/*") if (p / "reference.txt").is_file())

    result: dict = {"codes": sorted(CODES)}
    result["labelled"] = {"he-en dev": labelled(checker, load_he_en()), "zh-en newstest2021": labelled(checker, load_zh_en())}

    words, hits = scan(checker, [(p / "reference.txt", p) for p in pairs], args.wmt)
    result["references"] = {"words": words, "findings": len(hits),
                            "per_1000_words": round(len(hits) * 1000 / max(words, 1), 4), "listed": hits}

    verdicts = load_reviewed()
    by_lang: dict[str, dict] = {}
    for pair in pairs:
        lang = pair.name.split("-")[0]
        w, h = scan(checker, [(s, pair) for s in sorted((pair / "systems").glob("*.txt"))], args.wmt)
        entry = by_lang.setdefault(lang, {"words": 0, "findings": 0, "reviewed": 0, "correct": 0, "listed": []})
        entry["words"] += w
        entry["findings"] += len(h)
        for hit in h:
            verdict = verdicts.get(_review_key(hit["file"], hit["text"], hit["context"]))
            hit["verdict"] = verdict
            entry["reviewed"] += verdict is not None
            entry["correct"] += verdict == "ok"
        entry["listed"].extend(h)
    for entry in by_lang.values():
        entry["per_1000_words"] = round(entry["findings"] * 1000 / max(entry["words"], 1), 4)
    result["systems"] = by_lang
    if not args.no_speed:
        result["speed"] = speed(args.wmt)
    print(render_md(result))
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "pronouns.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (RESULTS / "pronouns.md").write_text(render_md(result), encoding="utf-8")
    return 0


def render_md(result: dict) -> str:
    lines = ["# Gendered pronouns for countries, institutions and devices", "",
             "| labelled set | segments | findings | finding precision | major recall |", "|---|---|---|---|---|"]
    for name, entry in result["labelled"].items():
        precision = entry["finding_precision"] if entry["findings"] else "n/a"
        lines.append(f"| {name} | {entry['segments']:,} | {entry['findings']} | {precision} "
                     f"| {entry['major_recall']} |")
    ref = result["references"]
    lines += ["", f"WMT human references: {ref['findings']} findings in {ref['words']:,} words "
              f"({ref['per_1000_words']} per 1,000 words):", ""]
    lines += [f"- {hit['file']}: {hit['context']}" for hit in ref["listed"]]
    lines.append("")
    lines += ["| MT outputs, source | words | findings | per 1k words | reviewed | correct |", "|---|---|---|---|---|---|"]
    for lang, entry in sorted(result["systems"].items()):
        lines.append(f"| {lang} | {entry['words']:,} | {entry['findings']} | {entry['per_1000_words']} "
                     f"| {entry['reviewed']} | {entry['correct']} |")
    entries = result["systems"].values()
    found, reviewed, correct = (sum(e[k] for e in entries) for k in ("findings", "reviewed", "correct"))
    lines.append(f"| all | {sum(e['words'] for e in entries):,} | {found} | "
                 f"{round(found * 1000 / max(1, sum(e['words'] for e in entries)), 4)} | {reviewed} | {correct} |")
    if "speed" in result:
        s = result["speed"]
        lines += ["", f"Pipeline without grammar on {s['file']}: {s['segments_per_second']:,} segments/s "
                  f"({s['segments']:,} segments in {s['cpu_seconds']} CPU s, best of three)."]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
