"""Detection on real MT errors: mtqa against human-labelled spans, false alarms, system ranking.

1. Labelled sets (`shared/qe`, measures of `benchmarks/qe_metrics.py`): character F1,
   finding precision and major recall on he-en dev and zh-en newstest2021, overall, per
   checker, per MQM category and per rule (finding precision), with and without grammar.
2. False alarms on the WMT human references (each line with its source): major and all
   findings per 1,000 words, per checker, with the major findings listed for reading.
3. System ranking on zh-en newstest2021: pairwise accuracy over the 13 MT systems of
   mtqa's own score (no reference) against human MQM (major 5, minor 1), beside BLEU and
   chrF against the two human references. mtqa's score is the product's: the MQM
   penalty of `mtqa.scoring` with the configured severity weights, per 1,000 words, over
   the segments every system has.

mtqa runs through its pipeline exactly as the CLI does on JSONL input: one document per
article (zh-en: per system and article; he-en: per segment, the set has no article ids),
each unit with its source, `--source-lang he|zh`; findings are mapped back to segments
with `segment`, `segment_start`, `segment_end`.

Usage: python -m benchmarks.bench_detection [--sets he,zh,refs] [--no-grammar]
       [--only-grammar] [--sample N] [--out PATH]
A run of everything (the default) writes benchmarks/results/detection.json and .md; a
partial run (--sets, --sample, --no-grammar, --only-grammar) prints the tables and writes
only to --out (a .json path; the .md goes beside it).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from benchmarks.bench_doclevel import default_wmt, group_lines  # noqa: E402
from benchmarks.qe_metrics import Score, Segment, load_he_en, load_zh_en, normalise_severity, overlaps  # noqa: E402
from mtqa.config.settings import load_settings  # noqa: E402
from mtqa.pipeline import Pipeline  # noqa: E402
from mtqa.readers.segments import Unit, document_from_units  # noqa: E402
from mtqa.scoring import count_words, penalty, per_1000_words  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"
SETS = ("he", "zh", "refs")
MQM_WEIGHTS = {"major": 5, "minor": 1}
MAJOR_EXAMPLES = 300


def _severity(finding) -> str:
    return "major" if finding.severity.value in ("major", "critical") else "minor"


def _clean(text: str) -> str:
    """One line per unit, offsets kept (the JSONL reader also folds newlines)."""
    return text.replace("\r", " ").replace("\n", " ")


def run_mtqa(groups: dict[str, list[Segment]], source_lang: str | dict[str, str], grammar: bool) -> tuple[dict, float]:
    """Findings per segment id, and the wall time of the pipeline. `source_lang` is one
    language for all documents, or one per document (then one pipeline, one server)."""
    langs = source_lang if isinstance(source_lang, dict) else dict.fromkeys(groups, source_lang)
    overall = source_lang if isinstance(source_lang, str) else None
    settings = load_settings(None, {"source_lang": overall, "checkers.grammar.enabled": grammar},
                             search_from=Path(tempfile.gettempdir()))
    docs = [
        document_from_units(doc, doc, [Unit(_clean(s.target), id=s.id, source=_clean(s.source)) for s in segs],
                            langs[doc])
        for doc, segs in groups.items()
    ]
    found: dict[str, list] = defaultdict(list)
    started = time.perf_counter()
    with Pipeline(settings) as pipeline:
        report = pipeline.run_documents(docs)
    elapsed = time.perf_counter() - started
    for _, finding in report.iter_findings():
        if finding.segment is not None:
            found[finding.segment].append(finding)
    return found, elapsed


def _spans(findings) -> list[tuple[int, int, str]]:
    return [(f.segment_start, f.segment_end, _severity(f)) for f in findings]


def score_set(segments: list[Segment], found: dict) -> dict:
    """Overall, per checker, per category (full and top level) and per rule."""
    overall = Score()
    groups: dict[str, dict[str, Score]] = {"checker": {}, "category": {}, "category_top": {}}
    keys = {
        "checker": lambda f: f.checker,
        "category": lambda f: f.category,
        "category_top": lambda f: f.category.split("/")[0],
    }
    seen = {kind: sorted({key(f) for fs in found.values() for f in fs}) for kind, key in keys.items()}
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for seg in segments:
        findings = found.get(seg.id, [])
        overall.add(seg.target, seg.gold, _spans(findings))
        for kind, key in keys.items():
            for name in seen[kind]:
                mine = [f for f in findings if key(f) == name]
                groups[kind].setdefault(name, Score()).add(seg.target, seg.gold, _spans(mine))
        for f in findings:
            hit = any(overlaps((f.segment_start, f.segment_end, ""), g) for g in seg.gold)
            rules[f.rule][0] += 1
            rules[f.rule][1] += hit
    return {
        "segments": len(segments),
        "gold_spans": sum(len(s.gold) for s in segments),
        "overall": overall.as_dict(),
        **{kind: {name: s.as_dict() for name, s in table.items()} for kind, table in groups.items()},
        "rules": {
            rule: {"findings": n, "overlapping": hit, "finding_precision": round(hit / n, 4)}
            for rule, (n, hit) in sorted(rules.items(), key=lambda kv: (-kv[1][0], kv[0]))
        },
    }


def whole_segments(segments: list[Segment]) -> dict:
    """The score of marking every segment whole as one major error, a detector with no
    information: most labelled segments hold an error and most gold spans are major, so
    this sets the floor that character F1 and finding precision must be read against."""
    score = Score()
    for seg in segments:
        score.add(seg.target, seg.gold, [(0, len(seg.target), "major")])
    return score.as_dict()


def by_doc(segments: list[Segment]) -> dict[str, list[Segment]]:
    groups: dict[str, list[Segment]] = defaultdict(list)
    for seg in segments:
        groups[seg.doc].append(seg)
    return groups


def sample_zh(segments: list[Segment], n: int | None) -> list[Segment]:
    """The first n source segments (all systems of each), so ranking stays meaningful."""
    if not n:
        return segments
    keep: list[str] = []
    for seg in segments:
        if seg.source not in keep:
            keep.append(seg.source)
            if len(keep) == n:
                break
    wanted = set(keep)
    return [s for s in segments if s.source in wanted]


def ranking(segments: list[Segment], found: dict) -> dict:
    """Pairwise accuracy of system-level measures against human MQM, on the segments every
    MT system and both human references have."""
    import sacrebleu

    weights = load_settings(None, {}, search_from=Path(tempfile.gettempdir())).severity_weights
    key = lambda s: (s.doc.split("/", 1)[1], s.source)  # noqa: E731
    by_system: dict[str, dict] = defaultdict(dict)
    for seg in segments:
        by_system[seg.system][key(seg)] = seg
    refs = sorted(name for name in by_system if any(s.is_human for s in by_system[name].values()))
    systems = sorted(name for name in by_system if name not in refs)
    common = set.intersection(*(set(by_system[name]) for name in systems + refs))
    order = sorted(common)
    table = {}
    for name in systems:
        segs = [by_system[name][k] for k in order]
        hyps = [s.target for s in segs]
        references = [[by_system[r][k].target for k in order] for r in refs]
        mqm = sum(MQM_WEIGHTS[sev] for s in segs for _, _, sev in s.gold) / len(segs)
        words = sum(count_words(s.target) for s in segs)
        table[name] = {
            "human_mqm_per_segment": round(mqm, 4),
            "mtqa_penalty_per_1000_words": per_1000_words(
                penalty((f for s in segs for f in found.get(s.id, [])), weights), words),
            "bleu": round(sacrebleu.corpus_bleu(hyps, references).score, 2),
            "chrf": round(sacrebleu.corpus_chrf(hyps, references).score, 2),
        }
    # Lower is better for MQM and mtqa's penalty, higher for BLEU and chrF.
    measures = {"mtqa": ("mtqa_penalty_per_1000_words", 1), "bleu": ("bleu", -1), "chrf": ("chrf", -1)}
    accuracy = {}
    for label, (field, sign) in measures.items():
        credit = 0.0
        pairs = list(combinations(systems, 2))
        for a, b in pairs:
            human = table[a]["human_mqm_per_segment"] - table[b]["human_mqm_per_segment"]
            metric = sign * (table[a][field] - table[b][field])
            credit += 0.5 if human == 0 or metric == 0 else float((human > 0) == (metric > 0))
        accuracy[label] = round(credit / len(pairs), 4) if pairs else 0.0
    return {"segments": len(order), "systems": len(systems), "references": refs,
            "pairwise_accuracy": accuracy, "table": table}


def reference_groups(wmt: Path, sample: int | None) -> list[tuple[str, str, dict[str, list[Segment]]]]:
    """(pair, source language, documents) of every WMT reference with its source."""
    out = []
    for pair in sorted(p for p in wmt.glob("*/*") if (p / "reference.txt").is_file()):
        refs = (pair / "reference.txt").read_text(encoding="utf-8").split("\n")
        srcs = (pair / "source.txt").read_text(encoding="utf-8").split("\n")
        while refs and refs[-1] == "":
            refs.pop()
        refs = refs[:sample] if sample else refs
        ids_path = pair / "docids.txt"
        docids = ids_path.read_text(encoding="utf-8").split("\n")[: len(refs)] if ids_path.is_file() else None
        docids = [d.split("\t")[0] for d in docids] if docids else None
        name = "/".join(pair.parts[-2:])
        numbered = [Segment(f"{name}:{i + 1}", srcs[i] if i < len(srcs) else "", line, (), doc="")
                    for i, line in enumerate(refs)]
        groups = {f"{name}#{n}": g for n, g in enumerate(group_lines(numbered, docids, 20))}
        out.append((name, pair.name.split("-")[0], groups))
    return out


def false_alarms(wmt: Path, grammar: bool, sample: int | None) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    major_rules: Counter = Counter()
    all_rules: Counter = Counter()
    examples = []
    groups: dict[str, list[Segment]] = {}
    langs: dict[str, str] = {}
    for _, lang, pair_groups in reference_groups(wmt, sample):
        groups.update(pair_groups)
        langs.update(dict.fromkeys(pair_groups, lang))
    found, seconds = run_mtqa(groups, langs, grammar)
    segs = {s.id: s for g in groups.values() for s in g}
    words = sum(count_words(s.target) for s in segs.values())
    for seg_id, findings in found.items():
        for f in findings:
            counts[f.checker]["all"] += 1
            all_rules[f.rule] += 1
            if _severity(f) == "major":
                counts[f.checker]["major"] += 1
                major_rules[f.rule] += 1
                examples.append({"segment": seg_id, "rule": f.rule, "text": f.text,
                                 "context": segs[seg_id].target[max(0, f.segment_start - 60):f.segment_end + 60]})
    per = lambda n: round(n * 1000 / max(words, 1), 3)  # noqa: E731
    total_major = sum(c["major"] for c in counts.values())
    total_all = sum(c["all"] for c in counts.values())
    return {
        "words": words,
        "seconds": round(seconds, 1),
        "major_per_1000_words": per(total_major),
        "all_per_1000_words": per(total_all),
        "checker": {name: {"major": c["major"], "all": c["all"], "major_per_1000_words": per(c["major"]),
                           "all_per_1000_words": per(c["all"])} for name, c in sorted(counts.items())},
        "major_rules": dict(major_rules.most_common()),
        "rules": dict(all_rules.most_common()),
        "major_examples": examples[:MAJOR_EXAMPLES],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: he, zh, refs")
    parser.add_argument("--no-grammar", action="store_true", help="only the run without LanguageTool")
    parser.add_argument("--only-grammar", action="store_true", help="only the run with LanguageTool")
    parser.add_argument("--sample", type=int, default=None,
                        help="first N segments of he-en, N source segments of zh-en, N lines per reference")
    parser.add_argument("--wmt", type=Path, default=default_wmt())
    parser.add_argument("--out", type=Path, default=None, help="write the JSON here (and .md beside it)")
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    if unknown := [s for s in sets if s not in SETS]:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    configs = {"all": True, "no_grammar": False}
    if args.no_grammar:
        configs.pop("all")
    if args.only_grammar:
        configs.pop("no_grammar")
    full = set(sets) == set(SETS) and len(configs) == 2 and not args.sample
    result: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "sample": args.sample,
        "configs": list(configs),
    }
    labelled = {}
    if "he" in sets:
        he = load_he_en()
        labelled["he-en"] = ("he", he[: args.sample] if args.sample else he)
    if "zh" in sets:
        labelled["zh-en"] = ("zh", sample_zh(load_zh_en(include_human=True), args.sample))
    for name, (lang, segments) in labelled.items():
        mt = [s for s in segments if not s.is_human]
        entry = result.setdefault(name, {})
        result.setdefault("trivial", {})[name] = whole_segments(mt)
        for config, grammar in configs.items():
            found, seconds = run_mtqa(by_doc(mt if lang == "he" else segments), lang, grammar)
            entry[config] = score_set(mt, found)
            entry[config]["seconds"] = round(seconds, 1)
            if lang == "zh":
                entry[config]["ranking"] = ranking(segments, found)
            print(f"{name} {config}: {entry[config]['overall']} in {seconds:.1f} s", flush=True)
    if "refs" in sets:
        if not args.wmt.is_dir():
            print(f"WMT corpus not found at {args.wmt}", file=sys.stderr)
            return 2
        result["references"] = {config: false_alarms(args.wmt, grammar, args.sample)
                                for config, grammar in configs.items()}
    md = render_md(result)
    print(md)
    out = args.out or (RESULTS / "detection.json" if full else None)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        out.with_suffix(".md").write_text(md, encoding="utf-8")
    return 0


def _row(label: str, s: dict) -> str:
    return (f"| {label} | {s['char_f1']:.3f} | {s['char_precision']:.3f} | {s['char_recall']:.3f} "
            f"| {s['finding_precision']:.3f} | {s['major_recall']:.3f} | {s['findings']} |")


HEADER = ["| | char F1 | char precision | char recall | finding precision | major recall | findings |",
          "|---|---|---|---|---|---|---|"]


def render_md(result: dict) -> str:
    lines = ["# Detection on human-labelled MT errors", ""]
    if result.get("sample"):
        lines += [f"Sample: first {result['sample']} segments per set (not the full sets).", ""]
    for name in ("he-en", "zh-en"):
        if name not in result:
            continue
        entry = result[name]
        lines += [f"## {name}", "", *HEADER]
        for config, scored in entry.items():
            lines.append(_row(f"**mtqa, {config.replace('_', ' ')}**", scored["overall"]))
        if trivial := result.get("trivial", {}).get(name):
            lines.append(_row("every segment marked whole, major (no information)", trivial))
        richest = entry.get("all") or entry.get("no_grammar")
        for kind in ("checker", "category"):
            lines += ["", f"By {kind} ({'all checkers' if 'all' in entry else 'no grammar'}):", "", *HEADER]
            for key, s in sorted(richest[kind].items(), key=lambda kv: -kv[1]["findings"]):
                lines.append(_row(key, s))
        if "ranking" in richest:
            rank = richest["ranking"]
            acc = rank["pairwise_accuracy"]
            lines += ["", f"System ranking ({rank['systems']} MT systems, {rank['segments']} common segments; "
                          f"pairwise accuracy against human MQM): mtqa without reference {acc['mtqa']:.3f}, "
                          f"BLEU {acc['bleu']:.3f}, chrF {acc['chrf']:.3f} (both against "
                          f"{' + '.join(rank['references'])})."]
        lines.append("")
    if "references" in result:
        lines += ["## False alarms on WMT human references", "",
                  "| run | words | major / 1k words | all / 1k words |", "|---|---|---|---|"]
        for config, fa in result["references"].items():
            lines.append(f"| {config.replace('_', ' ')} | {fa['words']:,} | {fa['major_per_1000_words']} "
                         f"| {fa['all_per_1000_words']} |")
        richest = result["references"].get("all") or result["references"]["no_grammar"]
        lines += ["", "| checker | major / 1k words | all / 1k words |", "|---|---|---|"]
        for name, c in richest["checker"].items():
            lines.append(f"| {name} | {c['major_per_1000_words']} | {c['all_per_1000_words']} |")
        top = ", ".join(f"{rule} {n}" for rule, n in list(richest["major_rules"].items())[:12])
        lines += ["", f"Most frequent major rules: {top}.", ""]
    lines.append("Regenerate: `python -m benchmarks.bench_detection` (details per rule in detection.json).")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
