"""--source FOLDER mirrors a quoted glob's files as it mirrors a folder's."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_mtqa


@pytest.mark.parametrize("inputs", ["mt", "mt/**/*.txt", "mt/*/*.txt"])
def test_a_glob_pairs_each_file_with_its_mirror(tmp_path, inputs):
    for folder, number in (("", 5), ("pol/", 7)):
        for side, text in (("mt", f"The budget is {number} billion.\n"),
                           ("src", f"Der Haushalt beträgt {number} Milliarden.\n")):
            (tmp_path / side / folder).mkdir(parents=True, exist_ok=True)
            (tmp_path / side / folder / "a.txt").write_text(text, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "--source", "src", inputs, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert "mt/pol/a.txt" in [d["path"] for d in documents]
    assert [f["rule"] for d in documents for f in d["findings"]] == []
