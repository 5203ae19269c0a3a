"""The Python API gives the same Report the CLI builds."""

from __future__ import annotations

import pytest

import mtqa
from mtqa.errors import ConfigError, InputError


def test_check_text_returns_report_with_exact_findings():
    text = "The talks resumed on Monday.\nВечером в городе снова объявили воздушную тревогу, и жители ушли в укрытия.\n"
    report = mtqa.check_text(text)
    (doc,) = report.documents
    assert doc.words > 10
    assert doc.findings, "the Cyrillic sentence should be flagged"
    for finding in doc.findings:
        assert text[finding.start:finding.end] == finding.text
    assert "grammar" not in report.provenance["checkers"]


def test_check_files_reports_missing_file(tmp_path):
    report = mtqa.check_files([str(tmp_path / "nope.txt")], **{"checkers.grammar.enabled": False})
    assert report.documents == []
    assert report.errors[0].message == "no such file or directory"


def test_bad_config_value_is_a_config_error():
    with pytest.raises(ConfigError):
        mtqa.check_text("Text.", fail_on="sometimes")


TEXT = "He said the the thing. Russia said she would come back."


@pytest.mark.parametrize("options, message", [
    ({"bogus": 1}, "unknown option 'bogus'"),
    ({"checkers.grammar.languag": "en-GB"}, "unknown option 'checkers.grammar.languag' (did you mean 'language'?)"),
    ({"max_mqm": "x"}, "option 'max_mqm' must be a number, got 'x'"),
    ({"max_mqm": -1}, "max_mqm must be 0 (no limit) or more, got -1"),
    ({"fail_on": "sometimes"}, "fail_on: unknown severity 'sometimes'; expected minor, major or critical"),
    ({"min_severity": "huge"}, "min_severity: unknown severity 'huge'; expected minor, major or critical"),
])
def test_unknown_or_bad_options_are_errors_naming_the_argument(options, message):
    """As in mtqa.toml: never silently ignored, and never blamed on the defaults."""
    with pytest.raises(ConfigError) as error:
        mtqa.check_text(TEXT, **options)
    assert str(error.value) == message
    with pytest.raises(ConfigError) as error:
        mtqa.check_files([], **options)
    assert str(error.value) == message


def test_min_severity_hides_lesser_findings_and_rescores():
    every = mtqa.check_text(TEXT).documents[0]
    assert {f.severity.value for f in every.findings} == {"minor", "major"}
    (shown,) = mtqa.check_text(TEXT, min_severity="major").documents
    assert [f.rule for f in shown.findings] == [f.rule for f in every.findings if f.severity.value == "major"]
    assert shown.penalty < every.penalty


def test_a_string_select_is_one_entry():
    (document,) = mtqa.check_text(TEXT, select="MTQA-CORE").documents
    assert [f.rule for f in document.findings] == ["MTQA-CORE-001"]


def test_one_path_is_one_path_not_its_letters(tmp_path, monkeypatch):
    """A name given alone is that file: not m, t, q, a, ".", t, x, t (where "." is the folder)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mtqa.txt").write_text("He said the the thing.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("He said the the thing.\n", encoding="utf-8")
    for paths in ("mtqa.txt", tmp_path / "mtqa.txt", [tmp_path / "mtqa.txt"]):
        report = mtqa.check_files(paths)
        assert [d.path for d in report.documents] == [str(paths if not isinstance(paths, list) else paths[0])]
        assert report.errors == []
    with pytest.raises(TypeError):
        mtqa.check_files([3])


@pytest.mark.parametrize("text", ["He said \ud800 the the thing.", "Text.\udcff"])
def test_a_lone_surrogate_is_a_value_error_before_any_checker_runs(text):
    """As `mtqa serve` answers 400: half a UTF-16 pair (a bad byte read with surrogateescape,
    half a JSON pair) is not text, and no rule engine can encode it."""
    with pytest.raises(ValueError, match=r"^text contains a lone surrogate \(U\+D[8C][0-9A-F]{2} at offset \d+\)"):
        mtqa.check_text(text)
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        mtqa.check_text(b"He said the the thing.")


MARKDOWN = ("---\nsource_lang: he\ntitle: Talks on Kraschatyk\n---\n\n"
            "The parties have not yet came down from the tree.\n\n```\nBy Editor\n```\n")


def test_a_filename_reads_the_text_as_that_file():
    """Markdown by its extension, as `--stdin-filename a.md` and the server's "filename" read it:
    front matter and code are not the article, and the front matter's source_lang counts."""
    assert sorted(f.rule for f in mtqa.check_text(MARKDOWN).documents[0].findings) == ["MTQA-CONS-004",
                                                                                       "MTQA-WEB-001"]
    (document,) = mtqa.check_text(MARKDOWN, filename="news/talks.md").documents
    assert document.path == "news/talks.md"
    assert [(f.rule, f.line) for f in document.findings] == [("MTQA-HE-012", 6)]
    with pytest.raises(InputError, match="only plain text and Markdown"):
        mtqa.check_text(MARKDOWN, filename="page.html")


def test_a_source_is_aligned_by_lines_as_the_server_aligns_it():
    text = "The minister said 5 people died.\nTalks resume on Monday.\n"
    source = "השר אמר ש-7 אנשים מתו.\nהשיחות יתחדשו ביום שני.\n"
    (document,) = mtqa.check_text(text, source=source, source_lang="he").documents
    missing = [f for f in document.findings if f.rule == "MTQA-BI-011"]
    assert [(f.line, f.message) for f in missing] == [(1, "source number '7' is missing from the translation")]
    with pytest.raises(ValueError, match="^source contains a lone surrogate"):
        mtqa.check_text(text, source="\udc80")


@pytest.fixture(scope="module")
def served():
    """A real `mtqa serve` (no grammar) on a free loopback port."""
    from mtqa.server import ServerConfig
    from tests.server.conftest import live_server, no_grammar_settings

    settings = no_grammar_settings()
    with live_server(settings, ServerConfig.from_settings(settings.server)) as url:
        yield url


@pytest.mark.parametrize("fields", [
    {"filename": "news/talks.md"},
    {"source": "השר אמר ש-7 אנשים מתו.\nהשיחות יתחדשו.\n", "source_lang": "he"},
    {"reference": "The minister said seven people died.\nPrices of bread and milk will rise next year.\n"},
])
def test_check_text_gives_what_the_server_gives_for_the_same_fields(served, fields):
    """check_text builds its document with the server's code: same fields, same findings."""
    import requests

    text = MARKDOWN if "filename" in fields else "The minister said 5 people died.\nA dog ran across the field.\n"
    response = requests.post(f"{served}/api/check", json={"text": text, **fields}, timeout=120)
    assert response.status_code == 200, response.text
    expected = [(f["rule"], f["start"], f["end"], f["message"]) for f in response.json()["documents"][0]["findings"]]
    (document,) = mtqa.check_text(text, **fields).documents
    assert [(f.rule, f.start, f.end, f.message) for f in document.findings] == expected
    assert expected, "the example should have findings to compare"


def test_an_empty_config_path_is_named_as_such():
    """`config=""` said ".: config file not found"."""
    with pytest.raises(ConfigError, match=r"^config file: empty path; name a file$"):
        mtqa.check_text("The the cat.", config="")
