"""For every input format and checker: doc.text[start:end] == finding.text, line/col agree.

Runs the real pipeline (all checkers present, grammar off: its own tests cover its
offsets against a live server) over the seed article, the sample corpus, and 500 WMT
lines written out as text, Markdown, JSONL (with sources) and TSV.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.config import load_settings
from mtqa.offsets import LineIndex
from mtqa.pipeline import Pipeline
from mtqa.readers import iter_documents
from mtqa.model import InputProblem


def _assert_exact(paths: list[str]) -> int:
    settings = load_settings(None, {"checkers.grammar.enabled": False})
    checked = 0
    with Pipeline(settings) as pipeline:
        for document in iter_documents(paths, settings):
            assert not isinstance(document, InputProblem), document
            result = pipeline.check_document(document)
            index = LineIndex(document.text)
            for f in result.findings:
                assert document.text[f.start:f.end] == f.text, (document.path, f)
                assert index.line_col(f.start) == (f.line, f.column), (document.path, f)
                if f.segment is not None:
                    unit = next(u for u in document.units if u.id == f.segment)
                    assert document.text[unit.start:unit.end][f.segment_start:f.segment_end] == f.text[
                        : f.segment_end - f.segment_start
                    ]
                checked += 1
    return checked


def test_seed_article_and_corpus(seed_article, repo_root):
    assert _assert_exact([str(seed_article), str(repo_root / "corpus")]) >= 20


@pytest.fixture(scope="module")
def wmt_sample(wmt_dir, tmp_path_factory) -> Path:
    pair = wmt_dir / "2023" / "he-en"
    targets = (pair / "systems" / "NLLB_Greedy.txt").read_text(encoding="utf-8").splitlines()[:500]
    sources = (pair / "source.txt").read_text(encoding="utf-8").splitlines()[:500]
    folder = tmp_path_factory.mktemp("wmt")
    (folder / "sample.txt").write_text("\n".join(targets) + "\n", encoding="utf-8")
    (folder / "sample.md").write_text("---\nsource_lang: he\n---\n\n" + "\n\n".join(targets) + "\n", encoding="utf-8")
    (folder / "sample.jsonl").write_text(
        "".join(json.dumps({"doc": f"d{i // 50}", "id": str(i), "source": s, "target": t}, ensure_ascii=False) + "\n"
                for i, (s, t) in enumerate(zip(sources, targets))),
        encoding="utf-8",
    )
    (folder / "sample.tsv").write_text(
        "".join(f"{s}\t{t}\n" for s, t in zip(sources, targets)), encoding="utf-8"
    )
    html = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in targets[:200]) + "</article></body></html>"
    (folder / "sample.html").write_text(html, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["sample.txt", "sample.md", "sample.jsonl", "sample.tsv", "sample.html"])
def test_wmt_lines_in_every_format(wmt_sample, name):
    _assert_exact([str(wmt_sample / name)])
