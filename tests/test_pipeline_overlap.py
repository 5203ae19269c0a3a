"""A generic checker's finding on mostly the same text as a specialised one counts once."""

from __future__ import annotations

from mtqa.model import Document
from mtqa.pipeline import _drop_shadowed

TEXT = "They urged the the parties to act.. Then they have not yet came down from the tree."


def _finding(doc, checker, rule, start, end):
    return doc.finding(rule=rule, checker=checker, category="fluency/grammar", severity="minor",
                       message="m", start=start, end=end)


def test_generic_finding_on_the_same_text_is_dropped_a_different_problem_stays():
    doc = Document(id="d", path="d", text=TEXT)
    the = TEXT.index("the the")
    dots = TEXT.index("..")
    then = TEXT.index("Then")
    came = TEXT.index("came")
    idiom = TEXT.index("came down from the tree")
    findings = [
        _finding(doc, "rules", "MTQA-CORE-001", the, the + 7),
        _finding(doc, "grammar", "LT-ENGLISH_WORD_REPEAT_RULE", the, the + 7),
        _finding(doc, "grammar", "LT-DOUBLE_PUNCTUATION", dots, dots + 2),
        _finding(doc, "grammar", "LT-OTHER", then, then + 4),
        _finding(doc, "rules", "MTQA-CORE-003", dots + 1, dots + 2),
        _finding(doc, "rules", "MTQA-HE-012", idiom, idiom + len("came down from the tree")),
        _finding(doc, "grammar", "LT-HAVE_PART_AGREEMENT", came, came + 4),
    ]
    kept = _drop_shadowed(findings, frozenset({"grammar"}))
    assert [f.rule for f in kept] == [
        "MTQA-CORE-001", "LT-OTHER", "MTQA-CORE-003", "MTQA-HE-012", "LT-HAVE_PART_AGREEMENT"
    ]


def test_nothing_is_dropped_without_a_generic_checker():
    doc = Document(id="d", path="d", text=TEXT)
    findings = [_finding(doc, "rules", "A", 0, 4), _finding(doc, "fluency", "B", 2, 6)]
    assert _drop_shadowed(findings, frozenset()) == findings
    assert _drop_shadowed(findings, frozenset({"grammar"})) == findings


def test_same_span_and_fix_from_two_checkers_counts_once_keeping_the_more_severe():
    from mtqa.pipeline import _dedupe

    doc = Document(id="d", path="d", text="The mayor of Kiev spoke.")
    start = doc.text.index("Kiev")

    def make(checker, rule, severity, suggestion, applicability="unsafe"):
        return doc.finding(rule=rule, checker=checker, category="locale/convention", severity=severity,
                           message="m", start=start, end=start + 4, suggestions=[suggestion],
                           applicability=applicability)

    gazetteer = make("consistency", "MTQA-CONS-005", "minor", "Kyiv")
    vocabulary = make("vocabulary", "MTQA-VOCAB-001", "major", "Kyiv")
    other_fix = make("rules", "MTQA-STYLE-001", "minor", "Kyïv")
    assert _dedupe([gazetteer, vocabulary, other_fix]) == [vocabulary, other_fix]
    assert _dedupe([gazetteer, gazetteer]) == [gazetteer]
    safe_vocabulary = make("vocabulary", "MTQA-VOCAB-001", "minor", "Kyiv", applicability="safe")
    assert _dedupe([gazetteer, safe_vocabulary]) == [safe_vocabulary]


def test_same_span_and_category_without_a_fix_from_two_checkers_counts_once():
    """A Russian paragraph left in the English is untranslated (language) and a copy of the source (bilingual)."""
    from mtqa.pipeline import _dedupe

    doc = Document(id="d", path="d", text="Негативно влияет на возможность заснуть. Then English.")
    end = doc.text.index(" Then")

    def make(checker, rule, severity, category="accuracy/untranslated", start=0):
        return doc.finding(rule=rule, checker=checker, category=category, severity=severity,
                           message="m", start=start, end=end)

    language = make("language", "MTQA-LANG-001", "major")
    bilingual = make("bilingual", "MTQA-BI-002", "major")
    assert _dedupe([language, bilingual]) == [language]
    other_category = make("naturalness", "MTQA-NAT-001", "minor", category="style/awkward")
    shorter = make("bilingual", "MTQA-BI-002", "major", start=1)
    assert _dedupe([language, other_category, shorter]) == [language, other_category, shorter]
