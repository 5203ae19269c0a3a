"""The JSON and SARIF reports write penalties rounded, as docs/report-schema.md promises:
three minor punctuation findings weigh 0.1 each, and their sum is 0.3, not the
0.30000000000000004 of floating-point addition."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa

ARTICLE = "He said so.. She said so.. They said so.. It ended there.\n"


@pytest.mark.parametrize("format_", ["json", "sarif"])
def test_penalties_are_written_rounded(tmp_path, format_):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "--format", format_, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "0.30000000000000004" not in result.stdout
    data = json.loads(result.stdout)
    if format_ == "json":
        document = data["documents"][0]
        assert [f["rule"] for f in document["findings"]] == ["MTQA-CORE-003"] * 3
        assert document["penalty"] == 0.3
        summary = data["summary"]
    else:
        summary = data["runs"][0]["properties"]["summary"]
    assert summary["penalty"] == 0.3
