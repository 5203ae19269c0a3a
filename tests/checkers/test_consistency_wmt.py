"""False alarms of the consistency checker on human WMT references (a sample per pair)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.checkers.consistency import ConsistencyChecker
from mtqa.config.settings import load_settings
from mtqa.model import Document
from mtqa.scoring import count_words

LINES_PER_PAIR = 300
MAX_MAJOR_PER_1000_WORDS = 0.3


def reference_sample(wmt_dir: Path, lines_per_pair: int = LINES_PER_PAIR) -> list[Document]:
    """The first lines of every reference, grouped into documents by docids.txt or 20-line blocks."""
    docs = []
    for ref in sorted(wmt_dir.glob("*/*/reference.txt")):
        lines = ref.read_text(encoding="utf-8").split("\n")[:lines_per_pair]
        ids_path = ref.parent / "docids.txt"
        if ids_path.is_file():
            ids = [row.split("\t")[0] for row in ids_path.read_text(encoding="utf-8").split("\n")[: len(lines)]]
        else:
            ids = [str(i // 20) for i in range(len(lines))]
        groups: dict[str, list[str]] = {}
        for line, docid in zip(lines, ids):
            groups.setdefault(docid, []).append(line)
        for docid, group in groups.items():
            docs.append(Document(id=docid, path=str(ref), text="\n".join(group)))
    return docs


@pytest.fixture(scope="module")
def sample(wmt_dir):
    docs = reference_sample(wmt_dir)
    assert docs
    return docs


def major_rate(checker, docs) -> tuple[float, list[str]]:
    words = sum(count_words(d.text) for d in docs)
    major = [f.text for d in docs for f in checker.check(d) if f.severity.value != "minor"]
    return len(major) * 1000 / words, major


def test_references_major_rate(sample):
    rate, major = major_rate(ConsistencyChecker(load_settings()), sample)
    assert rate <= MAX_MAJOR_PER_1000_WORDS, major
