"""The Markdown reader's scans are linear: long runs of markup characters with no partner.

Each pattern once restarted at every character of such a run and scanned on to the end
of the text (a line of 60,000 backticks took 38 seconds). The inputs here are large enough
that the quadratic scans would hang the suite; the assertions are on what is masked.
"""

from __future__ import annotations

import json

import pytest

from mtqa.readers.markdown import masked_spans
from tests.conftest import run_mtqa

N = 200_000
PROSE = "He said the the thing. "


@pytest.mark.parametrize("run", ["`", "<!--", "[", "](", "<http:", "![", "[a\n"])
def test_a_long_unpaired_run_masks_nothing_after_the_prose(run):
    text = PROSE + run * (N // len(run))
    assert all(start >= len(PROSE) - 1 for start, _ in masked_spans(text))


def test_code_spans_pair_runs_of_equal_length_as_commonmark_does():
    text = "a ``x` y`` b `z` c ``` d ` e"
    spans = [text[s:e] for s, e in masked_spans(text) if "`" in text[s:e]]
    assert spans == ["``x` y``", "`z`"]  # the run of three and the last lone backtick are literal


def test_link_markup_is_masked_and_the_link_text_kept():
    text = "See [the report](http://example.org/a \"T\") and <!-- note --> ![map](m.png)."
    masked = "".join(" " if any(s <= i < e for s, e in masked_spans(text)) else ch for i, ch in enumerate(text))
    assert masked.split() == ["See", "the", "report", "and", "map", "."]


def test_a_line_of_backticks_is_read_quickly_and_checked(tmp_path):
    (tmp_path / "q.md").write_text(PROSE + "`" * 60_000 + "\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "q.md", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]] == ["MTQA-CORE-001"]


def test_a_run_of_unclosed_suppression_comments_silences_nothing(tmp_path):
    (tmp_path / "c.txt").write_text(PROSE + "<!-- mtqa-disable " * 20_000 + "\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "c.txt", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]] == ["MTQA-CORE-001"]
