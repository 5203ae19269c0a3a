"""Which of LanguageTool's picky and off-by-default English rules are precise on real MT?

One LanguageTool server (started here) checks the labelled sets twice: as mtqa asks by
default, and at the `picky` level with every rule the English module ships `default="off"`
(read from the installed jar) turned on. Per rule: findings and finding precision on
he-en dev and zh-en newstest2021 (measures of qe_metrics), and matches per 1,000 words on a
sample of the WMT human references. The rules worth turning on are those new in the second
run that are precise on both sets and rare on the references; docs/languagetool.md lists
the choice. Not part of `make bench` (it starts its own server and takes minutes).

Usage: python -m benchmarks.survey_languagetool_rules [--zh-sources N] [--ref-lines N]
Writes benchmarks/results/languagetool_rules.json and .md.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from benchmarks.bench_detection import _clean, by_doc, default_wmt, reference_groups, sample_zh  # noqa: E402
from benchmarks.qe_metrics import load_he_en, load_zh_en, overlaps  # noqa: E402
from mtqa.languagetool.batching import make_batches  # noqa: E402
from mtqa.languagetool.client import LanguageToolClient  # noqa: E402
from mtqa.languagetool.install import require_installed  # noqa: E402
from mtqa.languagetool.mapping import default_mapping  # noqa: E402
from mtqa.languagetool.server import ServerProcess  # noqa: E402
from mtqa.offsets import Utf16Index  # noqa: E402
from mtqa.readers.segments import Unit, document_from_units  # noqa: E402
from mtqa.scoring import count_words  # noqa: E402

RESULTS = REPO / "benchmarks" / "results"


def off_by_default_rules(libs: Path) -> dict[str, str]:
    """Rule (group) id -> its XML file, for English rules marked default="off"/"temp_off"."""
    jar = next(libs.glob("language-en-*.jar"))
    found: dict[str, str] = {}
    with zipfile.ZipFile(jar) as archive:
        for name in archive.namelist():
            if not (name.startswith("org/languagetool/rules/en/") and name.endswith(".xml")):
                continue
            tree = etree.fromstring(archive.read(name))
            for element in tree.iter("rule", "rulegroup"):
                if element.get("default") in ("off", "temp_off"):
                    rule_id = element.get("id") or element.getparent().get("id")
                    if rule_id:
                        found[rule_id] = name.rsplit("/", 1)[-1]
    return found


def matches_per_segment(client: LanguageToolClient, groups: dict) -> dict[str, list[tuple[str, int, int]]]:
    """(rule, start, end) per segment id, offsets in code points of the segment."""
    out: dict[str, list] = defaultdict(list)
    for doc_id, segs in groups.items():
        doc = document_from_units(doc_id, doc_id, [Unit(_clean(s.target), id=s.id) for s in segs], None)
        for batch in make_batches(doc.text, ((p.start, p.end) for p in doc.paragraphs), 10_000):
            index = Utf16Index(batch.text)
            for m in client.check(batch.text):
                span = batch.to_document(m.offset, m.length, index)
                unit = doc.unit_index(span[0]) if span else None
                if unit is not None:
                    seg = doc.units[unit]
                    out[seg.id].append((m.rule_id, span[0] - seg.start, span[1] - seg.start))
    return out


def tally(segments, found) -> dict[str, list[int]]:
    """rule -> [findings, overlapping a gold span]."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for seg in segments:
        for rule, start, end in found.get(seg.id, ()):
            counts[rule][0] += 1
            counts[rule][1] += any(overlaps((start, end, ""), g) for g in seg.gold)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zh-sources", type=int, default=None, help="zh-en: first N source segments")
    parser.add_argument("--ref-lines", type=int, default=300, help="lines per WMT reference file")
    args = parser.parse_args(argv)
    installation = require_installed()
    off = off_by_default_rules(installation.directory / "libs")
    mapping = default_mapping()
    he = load_he_en()
    zh = [s for s in sample_zh(load_zh_en(), args.zh_sources)]
    refs = {}
    for _, _, groups in reference_groups(default_wmt(), args.ref_lines):
        refs.update(groups)
    ref_words = sum(count_words(s.target) for g in refs.values() for s in g)
    server = ServerProcess(installation)
    url = server.start()
    runs = {}
    try:
        for run, picky in (("default", False), ("picky_and_off", True)):
            client = LanguageToolClient(url, "en-US", mapping.disabled_rules, mapping.disabled_categories,
                                        picky=picky, enabled_rules=off if picky else ())
            runs[run] = {
                "he-en": tally(he, matches_per_segment(client, by_doc(he))),
                "zh-en": tally(zh, matches_per_segment(client, by_doc(zh))),
                "refs": tally([s for g in refs.values() for s in g], matches_per_segment(client, refs)),
            }
            client.close()
            print(f"{run}: done", flush=True)
    finally:
        server.stop()
    rules = sorted(set().union(*(set(t) for r in runs.values() for t in r.values())))
    table = {}
    for rule in rules:
        row = {"off_by_default": off.get(rule)}
        for name in ("he-en", "zh-en"):
            for run in runs:
                n, hit = runs[run][name].get(rule, (0, 0))
                row[f"{name}/{run}"] = [n, hit]
        for run in runs:
            n = runs[run]["refs"].get(rule, (0, 0))[0]
            row[f"refs/{run}"] = round(n * 1000 / max(ref_words, 1), 3)
        table[rule] = row
    result = {"off_by_default_rules": len(off), "ref_words": ref_words, "he_segments": len(he),
              "zh_segments": len(zh), "rules": table}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "languagetool_rules.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "languagetool_rules.md").write_text(render_md(result), encoding="utf-8")
    print(render_md(result))
    return 0


def render_md(result: dict) -> str:
    lines = [
        "# LanguageTool rules new at the picky level or off by default, on real MT",
        "",
        f"he-en dev {result['he_segments']} segments, zh-en {result['zh_segments']} MT segments, WMT references "
        f"{result['ref_words']:,} words. Cells: findings / overlapping a gold span (finding precision); "
        "references: matches per 1,000 words. Only rules that fire more in the picky run.",
        "",
        "| rule | off by default | he-en | zh-en | references / 1k words |",
        "|---|---|---|---|---|",
    ]
    rows = []
    for rule, row in result["rules"].items():
        extra = [row[f"{s}/picky_and_off"][k] - row[f"{s}/default"][k] for s in ("he-en", "zh-en") for k in (0, 1)]
        if extra[0] + extra[2] <= 0:
            continue
        cell = lambda n, h: f"{n} / {h} ({h / n:.2f})" if n else "0"  # noqa: E731
        rows.append((-(extra[0] + extra[2]), f"| {rule} | {row['off_by_default'] or 'picky'} | "
                     f"{cell(extra[0], extra[1])} | {cell(extra[2], extra[3])} | "
                     f"{round(row['refs/picky_and_off'] - row['refs/default'], 3)} |"))
    lines += [r for _, r in sorted(rows)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
