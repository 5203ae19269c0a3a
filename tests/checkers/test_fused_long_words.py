"""Fused-word splitting stays linear for any token length (hostile or broken input).

The splitter slices a token at every position and looks each part up in a cached
frequency function; on an 80,000-letter token that was quadratic in time and memory.
Tokens longer than the longest dictionary word are not split at all, so the frequency
function is never asked about anything longer. Timing is in benchmarks/bench_fused.py.
"""

from __future__ import annotations

import pytest

from mtqa.checkers.fluency import fused
from mtqa.checkers.fluency.fused import find_fused, longest_word

HUGE = 80_000

@pytest.fixture
def asked(monkeypatch):
    """Every word the splitter looks up, through the real frequency function."""
    real = fused._zipf_of()
    words: list[str] = []

    def zipf(word: str) -> float:
        words.append(word)
        return real(word)

    monkeypatch.setattr(fused, "_zipf_of", lambda: zipf)
    monkeypatch.setattr(fused, "_KNOWN", set())  # known words asked again, not remembered from other tests
    return words

def run(text: str):
    return list(find_fused(text, accept=frozenset(), camelcase=frozenset()))

@pytest.mark.parametrize("token", [
    "b" * HUGE,                       # lower case: two- and three-part splits
    "Parliament" + "x" * HUGE,        # capitalised: glued reporting verb
    "before" + "x" * HUGE + "Russian",  # camel case
    "fromthe" * (HUGE // 7),          # made of frequent words, still no split
])
def test_a_token_longer_than_any_word_is_never_sliced(asked, token):
    assert run(f"The report {token} was published.") == []
    assert asked, "the splitter looked up no words at all: the test would prove nothing"
    assert max(map(len, asked)) <= longest_word()

def test_lookups_grow_linearly_with_the_number_of_long_tokens(asked):
    run(" ".join(["q" * HUGE] * 5) + " dictatormost")
    few = len(asked)
    asked.clear()
    run(" ".join(["q" * HUGE] * 50) + " dictatormost")
    assert len(asked) == few  # skipped tokens cost no lookups, however long

def test_words_up_to_the_limit_are_still_split():
    assert longest_word() >= 20
    hits = run("The dictatormost feared was gone, and theeconomy grew.")
    assert [h.split for h in hits] == ["dictator most", "the economy"]

def test_checker_keeps_its_other_findings_next_to_a_huge_token():
    from mtqa.checkers.fluency import FluencyChecker
    from mtqa.config.settings import load_settings
    from mtqa.model import Document

    text = "The dictatormost feared was gone. " + "z" * HUGE + " is not a word.\n"
    checker = FluencyChecker(load_settings(overrides={"checkers.grammar.enabled": False}))
    findings = list(checker.check(Document(id="d", path="d.txt", text=text)))
    assert [f.suggestions for f in findings if f.rule == "MTQA-FLU-001"] == [("dictator most",)]
