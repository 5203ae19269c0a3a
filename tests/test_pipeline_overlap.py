"""A generic checker's finding that overlaps a specialised one is the same problem once."""

from __future__ import annotations

from mtqa.model import Document
from mtqa.pipeline import _drop_shadowed

TEXT = "They urged the the parties to act.. Then they left."


def _finding(doc, checker, rule, start, end):
    return doc.finding(rule=rule, checker=checker, category="fluency/grammar", severity="minor",
                       message="m", start=start, end=end)


def test_generic_finding_overlapping_a_specialised_one_is_dropped():
    doc = Document(id="d", path="d", text=TEXT)
    the = TEXT.index("the the")
    dots = TEXT.index("..")
    then = TEXT.index("Then")
    findings = [
        _finding(doc, "rules", "MTQA-CORE-001", the, the + 7),
        _finding(doc, "grammar", "LT-ENGLISH_WORD_REPEAT_RULE", the + 4, the + 7),
        _finding(doc, "grammar", "LT-DOUBLE_PUNCTUATION", dots, dots + 2),
        _finding(doc, "grammar", "LT-OTHER", then, then + 4),
        _finding(doc, "rules", "MTQA-CORE-003", dots + 1, dots + 2),
    ]
    kept = _drop_shadowed(findings, frozenset({"grammar"}))
    assert [f.rule for f in kept] == ["MTQA-CORE-001", "LT-OTHER", "MTQA-CORE-003"]


def test_nothing_is_dropped_without_a_generic_checker():
    doc = Document(id="d", path="d", text=TEXT)
    findings = [_finding(doc, "rules", "A", 0, 4), _finding(doc, "fluency", "B", 2, 6)]
    assert _drop_shadowed(findings, frozenset()) == findings
    assert _drop_shadowed(findings, frozenset({"grammar"})) == findings
