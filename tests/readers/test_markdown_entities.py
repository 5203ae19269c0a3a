"""Entity references in Markdown are how the author writes a character (CommonMark §6.2):
markup, never flagged, and never "decoded" by `mtqa fix` (``&lt;script&gt;`` would become a
live tag). In plain text the same codes are leftovers of HTML and MTQA-WEB-011 fixes them."""

from __future__ import annotations

import json

from mtqa.readers.markdown import masked_spans
from tests.conftest import run_mtqa

ESCAPED = "Editors should wrap the headline in the &lt;script&gt; tag, never in &lt;b&gt;, the style guide says.\n"


def _rules(result) -> list[str]:
    return [f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


def test_markdown_entities_are_not_flagged_and_fix_leaves_them(tmp_path):
    article = tmp_path / "lt.md"
    article.write_text(ESCAPED + "\nShares of AT&amp;T rose 5&nbsp;percent.\n", encoding="utf-8")
    before = article.read_bytes()
    assert _rules(run_mtqa("check", "--no-grammar", "-f", "json", "lt.md", cwd=tmp_path)) == []
    run_mtqa("fix", "--no-grammar", "lt.md", cwd=tmp_path)
    assert article.read_bytes() == before


def test_plain_text_entities_are_fixed_and_nbsp_stays_non_breaking(tmp_path):
    article = tmp_path / "nb.txt"
    article.write_text("Shares of AT&amp;T rose 5&nbsp;percent.\n", encoding="utf-8")
    assert _rules(run_mtqa("check", "--no-grammar", "-f", "json", "nb.txt", cwd=tmp_path)) == ["MTQA-WEB-011"] * 2
    run_mtqa("fix", "--no-grammar", "nb.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "Shares of AT&T rose 5\u00a0percent.\n"


def test_only_real_references_are_masked():
    text = "A&amp;B &#8217; &#x2019; &nbsp &bogus; R&D"
    masked = [text[s:e] for s, e in masked_spans(text)]
    assert masked == ["&amp;", "&#8217;", "&#x2019;"]
