"""Front matter that cannot say what it means to (an unknown source_lang, a list, broken
YAML or TOML, a YAML alias, runaway nesting) is an input error naming the file and line;
the other inputs are still checked. TOML front matter (``+++``) is read as YAML's is."""

from __future__ import annotations

import pytest

from tests.conftest import run_mtqa

BODY = "\nThe parties have not yet came down from the tree.\n"


def alias_bomb(levels: int) -> str:
    """``a: &a [lol x 9]``, then each level an anchored list of nine aliases of the one before:
    9**levels strings once walked (nine levels: 390 bytes that printed would take gigabytes)."""
    rows, previous = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'], "a"
    for name in "bcdefghij"[:levels - 1]:
        rows.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
        previous = name
    return "\n".join([*rows, f"title: *{previous}", ""])


@pytest.mark.parametrize(("front", "message"), [
    ("title: t\nsource_lang: xx\n", "bad.md: front matter line 3: source_lang: unknown language 'xx'"),
    ("source_language: Hebrw\n", "bad.md: front matter line 2: source_language: unknown language 'Hebrw': "
                                 "did you mean 'he' (Hebrew)?"),
    ("source_lang: [he]\n", "bad.md: front matter line 2: source_lang must be a language code or name, not ['he']"),
    ("title: a: b\n", "bad.md: front matter is not valid YAML (line 2): mapping values are not allowed here"),
    (alias_bomb(4), "bad.md: front matter line 3: YAML aliases (*a) are not accepted"),
    ("base: &b {source_lang: he}\nother:\n  <<: *b\n", "bad.md: front matter line 4: YAML aliases (*b) are not accepted"),
    ("title: " + "[" * 40 + "]" * 40 + "\n", "bad.md: front matter line 2: nests more than 32 levels deep"),
    ("title: " + "[" * 5000 + "]" * 5000 + "\n", "bad.md: front matter line 2: nests more than 32 levels deep"),
])
def test_bad_front_matter_is_an_input_error(tmp_path, front, message):
    (tmp_path / "bad.md").write_text(f"---\n{front}---\n{BODY}", encoding="utf-8")
    (tmp_path / "good.md").write_text(f"---\nsource_lang: Hebrew\n---\n{BODY}", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "bad.md", "good.md", cwd=tmp_path)
    assert result.returncode == 2
    assert f"mtqa: error: {message}" in result.stderr.splitlines()[0]
    assert "good.md:5:26: MTQA-HE-012" in result.stdout  # the other file is still checked, in Hebrew


def test_the_command_line_language_wins_over_the_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(f"---\nsource_lang: xx\n---\n{BODY}", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--source-lang", "he", "a.md", cwd=tmp_path)
    assert result.returncode == 0 and "MTQA-HE-012" in result.stdout, result.stderr


def test_an_alias_bomb_is_refused_before_it_is_expanded(tmp_path):
    """Nine levels: 9**9 strings if anything walked the structure; refused from the text."""
    (tmp_path / "bomb.md").write_text(f"---\n{alias_bomb(9)}---\n{BODY}", encoding="utf-8")
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "bomb.md", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["mtqa: error: bomb.md: front matter line 3: YAML aliases (*a) are not accepted"]
    assert "a.txt:1:9: MTQA-CORE-001" in result.stdout


@pytest.mark.parametrize(("front", "message"), [
    ('title = "Talks"\nsource_lang = "xx"\n', "bad.md: front matter line 3: source_lang: unknown language 'xx'"),
    ('source_lang = ["he"]\n', "bad.md: front matter line 2: source_lang must be a language code or name, not ['he']"),
    ('title = "Talks\nsource_lang = "he"\n', "bad.md: front matter is not valid TOML (line 2): Illegal character"),
    ("source_lang: he\n", "bad.md: front matter is not valid TOML (line 2): Expected '=' after a key"),
    ("t = " + "[" * 40 + "]" * 40 + "\n", "bad.md: front matter nests more than 32 levels deep"),
    ("t = " + "[" * 5000 + "]" * 5000 + "\n", "bad.md: front matter nests more than 32 levels deep"),
])
def test_bad_toml_front_matter_is_an_input_error(tmp_path, front, message):
    (tmp_path / "bad.md").write_text(f"+++\n{front}+++\n{BODY}", encoding="utf-8")
    (tmp_path / "good.md").write_text(f'+++\ntitle = "Talks"\nsource_lang = "he"\n+++\n{BODY}', encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "bad.md", "good.md", cwd=tmp_path)
    assert result.returncode == 2
    assert f"mtqa: error: {message}" in result.stderr.splitlines()[0]
    assert "good.md:6:26: MTQA-HE-012" in result.stdout  # TOML's source_lang selects the Hebrew pack


def test_front_matter_closed_at_the_end_of_the_file_is_read_whole(tmp_path):
    """No line end after the closing fence: its last line is still front matter."""
    (tmp_path / "a.md").write_text("---\ntitle: t\nsource_lang: xx\n---", encoding="utf-8")
    (tmp_path / "b.md").write_text('+++\ntitle = "t"\nsource_lang = "xx"\n+++', encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "a.md", "b.md", cwd=tmp_path)
    assert result.returncode == 2
    assert sorted(result.stderr.splitlines()) == [
        f"mtqa: error: {name}: front matter line 3: source_lang: unknown language 'xx': give an ISO 639 code "
        "such as 'he', 'ru' or 'ar', or an English language name" for name in ("a.md", "b.md")]
