"""Markdown blocks CommonMark reads as code or definitions, and the look-alikes it reads as prose.

A link reference definition is a label, a destination and at most a title (§4.7), so
"[Updated]: The minister said …" and a footnote's text are article text. An indented code
block (§4.4) is code, masked like a fenced one, but only where it certainly is: an indented
line may also continue a paragraph or belong to a list item, and those stay prose.
"""

from __future__ import annotations

import json

import pytest

from mtqa.readers.markdown import masked_spans
from tests.conftest import run_mtqa


def _masked(text: str) -> list[str]:
    return [text[s:e] for s, e in masked_spans(text)]


def _findings(tmp_path, name: str, text: str) -> list[tuple[int, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", name, cwd=tmp_path)
    return [(f["line"], f["rule"]) for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


def test_notes_and_footnotes_that_look_like_definitions_are_checked(tmp_path):
    text = ("# News\n\n[Updated]: The minister said the the talks would resume on Monday.\n\n"
            "Footnote here[^1].\n\n[^1]: The ministry said the the figures were final.\n")
    assert _findings(tmp_path, "ref.md", text) == [(3, "MTQA-CORE-001"), (7, "MTQA-CORE-001")]
    assert _masked(text)[1:] == ["[^1]", "[^1]:"]  # after the heading's "# "


@pytest.mark.parametrize("definition", [
    "[foo]: /url",
    "[foo]: <a b> 'The the title'",
    '[Foo Bar]:\n  https://example.org/x\n  "The the title"',
    "[foo]: /url (The the title)",
])
def test_real_definitions_are_masked_whole(definition):
    text = f"Intro.\n\n{definition}\n\nAfter."
    assert definition in _masked(text)


def test_a_definition_with_text_after_its_title_is_prose():
    text = 'Intro.\n\n[foo]: /url "title" and the the rest\n'
    assert _masked(text) == []


@pytest.mark.parametrize("text, code", [
    ("Intro paragraph.\n\n    indented code the the block\n", ["    indented code the the block"]),
    ("    at the start the the\n\nProse.\n", ["    at the start the the"]),
    ("Intro.\n\n    a = 1\n\n    b = the the\nAfter.\n", ["    a = 1\n\n    b = the the"]),
    ("Intro.\n\n\tcode the the\n", ["\tcode the the"]),
    ("> A quote.\n\n    code the the\n", ["    code the the"]),
    ("- item\n\nA paragraph at the margin.\n\n    code the the\n", ["    code the the"]),
])
def test_indented_code_blocks_are_masked(text, code):
    assert [span for span in _masked(text) if span.strip() not in ("-", ">")] == code


@pytest.mark.parametrize("text", [
    "A paragraph line\n    continued lazily the the\n",
    "- item\n\n    the item's own paragraph the the\n",
    "1. item\n\n   second paragraph\n\n    third paragraph the the\n",
    "- item\nlazy line\n\n    the item's paragraph the the\n",
    "Paragraph\n- item interrupting it\n\n    the item's paragraph the the\n",
    "   Indented paragraph start.\n\n    maybe a list's the the\n",
])
def test_indented_lines_that_may_be_prose_are_checked(text):
    assert not any("the the" in span for span in _masked(text))


def test_safe_fixes_leave_indented_code_alone(tmp_path):
    article = tmp_path / "code.md"
    article.write_text("Config:\n\n    items = [a,, b]\n", encoding="utf-8")
    assert _findings(tmp_path, "code.md", article.read_text(encoding="utf-8")) == []
    run_mtqa("fix", "--no-grammar", "code.md", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "Config:\n\n    items = [a,, b]\n"
