"""A language named in the file itself ("Hebrew" in a JSONL field, "he-IL" in front matter)
reaches every checker as its code: the bilingual checks compare codes."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa


def _rules(path) -> list[str]:
    result = run_mtqa("check", "--no-grammar", "--format", "json", "--exit-zero", str(path))
    assert result.returncode == 0, result.stderr
    return [f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


def test_a_language_name_in_a_jsonl_field_runs_the_hebrew_source_checks(tmp_path):
    path = tmp_path / "a.jsonl"
    for value, expected in (("he", ["MTQA-BI-072"]), ("Hebrew", ["MTQA-BI-072"]), ("he-IL", ["MTQA-BI-072"])):
        record = {"text": "He lives in Streets, near Tel Aviv.", "source": "הוא גר ברחובות, ליד תל אביב.",
                  "source_lang": value}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        assert _rules(path) == expected, value


def test_a_region_tagged_code_in_front_matter_selects_the_pack(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("---\nsource_lang: he-IL\n---\nThe rear command said that sirens sounded in the south.\n",
                    encoding="utf-8")
    assert _rules(path) == ["MTQA-HE-064"]


def test_a_jsonl_source_lang_that_names_no_language_is_an_input_error(tmp_path):
    """As in front matter: silently dropping 'xx' would lose the language's checks without a word."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"target": "Fine text here."}) + "\n"
                   + json.dumps({"target": "The parties have not yet came down from the tree.", "source_lang": "xx"})
                   + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--format", "json", "bad.jsonl", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == ("mtqa: error: bad.jsonl: line 2: source_lang: unknown language 'xx': give an "
                                     "ISO 639 code such as 'he', 'ru' or 'ar', or an English language name")
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["good.txt"]
    # --source-lang decides the language, so the file's value is not needed (as for front matter).
    result = run_mtqa("check", "--no-grammar", "--format", "json", "--source-lang", "he", "bad.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]] == ["MTQA-HE-012"]
