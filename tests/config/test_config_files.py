"""A config file that is found is read or refused, never passed over: a `pyproject.toml` or
`mtqa.toml` may hold the project's gate, and skipping it lets every check pass."""

from __future__ import annotations

import pytest

from tests.conftest import run_mtqa

BOM = b"\xef\xbb\xbf"
ARTICLE = "He said the the thing.\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "table"), [("pyproject.toml", b"[tool.mtqa]\n"), ("mtqa.toml", b"")])
def test_a_config_saved_with_a_byte_order_mark_keeps_its_gate(project, name, table):
    (project / name).write_bytes(BOM + table + b'fail_on = "minor"\n')
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "gate failed" in result.stderr


def test_a_bom_config_names_the_line_of_a_bad_option(project):
    (project / "mtqa.toml").write_bytes(BOM + b'fail_on = "minor"\nfail_no = 1\n')
    result = run_mtqa("check", "a.txt", "--no-grammar", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtqa: error: {project / 'mtqa.toml'}:2: unknown option 'fail_no' (did you mean 'fail_on'?)")


def test_a_pyproject_with_a_syntax_error_is_an_error_naming_it(project):
    (project / "pyproject.toml").write_text('[tool.mtqa]\nfail_on = "minor"\n[tool.black\n', encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"mtqa: error: {project / 'pyproject.toml'}: invalid TOML: ")
    assert "line 3" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_pyproject_in_another_encoding_is_an_error_naming_it(project):
    (project / "pyproject.toml").write_bytes(b'[tool.mtqa]\n# caf\xe9\nfail_on = "minor"\n')
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"mtqa: error: {project / 'pyproject.toml'}: cannot read config file: ")


def test_a_pyproject_without_an_mtqa_table_is_still_passed_over(project):
    (project / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n', encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("text", "message"), [
    ('[project]\nname = "x"\n\n[tool.mtq]\nfail_on = "minor"\n', "no [tool.mtqa] table (is [tool.mtq] a typo for it?)"),
    ('[project]\nname = "x"\n', "no [tool.mtqa] table"),
])
def test_a_pyproject_named_with_config_must_have_an_mtqa_table(project, text, message):
    """Named with --config it was meant for mtqa: the defaults would silently drop its gate."""
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", "--config", "pyproject.toml", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: pyproject.toml: {message}"
    found = run_mtqa("check", "a.txt", "--no-grammar", "-q", cwd=project)  # found by the search: not mtqa's
    assert found.returncode == 0, found.stderr


def test_a_pyproject_named_with_config_and_an_empty_mtqa_table_runs_with_the_defaults(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.mtqa]\n', encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", "--config", "pyproject.toml", cwd=project)
    assert result.returncode == 0, result.stderr


def test_a_tool_mtqa_that_is_no_table_is_an_error_not_a_crash(project):
    (project / "pyproject.toml").write_text('[tool]\nmtqa = 1\n', encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: {project / 'pyproject.toml'}: tool.mtqa must be a table, got 1"


def test_file_options_of_a_config_found_upward_are_relative_to_it(project):
    """`model = "model.bin"` in the project's mtqa.toml was looked for in the folder mtqa ran
    in: from a subfolder the naturalness checker could not start."""
    import json
    import shutil

    from mtqa.checkers.naturalness import default_model_path
    from mtqa.config.settings import load_settings

    shutil.copy(default_model_path(), project / "model.bin")
    (project / "mtqa.toml").write_text('[checkers.naturalness]\nmodel = "model.bin"\n'
                                       '[checkers.grammar]\ncache_path = "cache/lt.sqlite3"\n', encoding="utf-8")
    sub = project / "articles"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-f", "json", cwd=sub)
    assert result.returncode == 0, result.stderr
    assert "naturalness" in json.loads(result.stdout)["provenance"]["checkers"]
    found = load_settings(search_from=sub)
    assert found.checker_options("naturalness")["model"] == str(project / "model.bin")
    assert found.checker_options("grammar")["cache_path"] == str(project / "cache/lt.sqlite3")
    # The hash does not depend on where the project is: the same file elsewhere hashes the same.
    elsewhere = project / "copy"
    elsewhere.mkdir()
    shutil.copy(project / "mtqa.toml", elsewhere / "mtqa.toml")
    assert load_settings(search_from=elsewhere).config_hash == found.config_hash
    # A path given by the caller is the caller's: relative to where it runs.
    given = load_settings(search_from=sub, overrides={"checkers.naturalness.model": "m.bin"})
    assert given.checker_options("naturalness")["model"] == "m.bin"
