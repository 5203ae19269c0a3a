"""A suppression comment quoted in Markdown code is an example, not a directive."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

ARTICLE = "He said the the thing on Kraschatyk Boulevard.\n"
QUOTED = {
    "inline": "# Silencing mtqa\n\nWrite `<!-- mtqa-disable -->` above a passage.\n\n",
    "fenced": "# Silencing mtqa\n\n```html\n<!-- mtqa-disable -->\n<!-- mtqa-disable-nextline -->\n```\n\n",
    "front matter": "---\nnote: <!-- mtqa-disable -->\n---\n\n",
    "indented": "# Silencing mtqa\n\nWrite this above a passage:\n\n    <!-- mtqa-disable -->\n\n",
}


@pytest.mark.parametrize("where", QUOTED)
def test_a_comment_in_code_silences_nothing_and_is_not_warned_about(tmp_path, where):
    (tmp_path / "a.md").write_text(QUOTED[where] + ARTICLE, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "a.md", cwd=tmp_path)
    document = json.loads(result.stdout)["documents"][0]
    assert sorted(f["rule"] for f in document["findings"]) == ["MTQA-CONS-004", "MTQA-CORE-001"]
    assert "warning" not in result.stderr


def test_a_comment_outside_code_still_works(tmp_path):
    (tmp_path / "a.md").write_text(QUOTED["inline"] + "<!-- mtqa-disable-next-line -->\n" + ARTICLE,
                                   encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "a.md", cwd=tmp_path)
    document = json.loads(result.stdout)["documents"][0]
    assert document["findings"] == []
