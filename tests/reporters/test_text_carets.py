"""Text report: the carets sit under the span whatever invisible characters precede it."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from mtqa.reporters.text import escape_controls
from tests.conftest import run_mtqa


@pytest.mark.parametrize(
    ("invisible", "escaped"),
    [("\u00ad", "\\xad"), ("\u200b", "\\u200b"), ("\u200d", "\\u200d"), ("\u200e", "\\u200e"),
     ("\u200f", "\\u200f"), ("\u2060", "\\u2060"), ("\ufeff", "\\ufeff")],
)
def test_carets_under_the_span_after_format_characters(tmp_path, invisible, escaped):
    # Web text carries soft hyphens and zero-width spaces, Hebrew- and Arabic-sourced text
    # LRM/RLM marks; terminals give them one column or none, so they are shown escaped.
    (tmp_path / "a.txt").write_text(f"The gov{invisible}ern{invisible}ment{invisible} said the the plan.\n",
                                    encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "--no-color", "--select", "MTQA-CORE-001", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    shown = next(line for line in lines if "said the the" in line)
    assert invisible not in result.stdout and shown.count(escaped) == 3
    caret = lines[lines.index(shown) + 1]
    assert shown[caret.index("^"):].startswith("the the")
    assert caret.strip() == "^" * len("the the")


def test_every_format_character_is_escaped():
    """Category Cf of the running Python's Unicode data; the escaped set is Cf (of any Unicode
    version: unassigned here) and controls."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf":
            assert escape_controls(char) != char, f"U+{code:04X}"
        elif escape_controls(char) != char:
            assert category in ("Cc", "Zl", "Zp", "Cn") or char == "\t", f"U+{code:04X}"
