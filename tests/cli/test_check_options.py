"""`mtqa check` options borrowed from ruff, Vale and sacrebleu, and slow rules that time out."""

from __future__ import annotations

import json
import textwrap

import pytest

from mtqa.engine import CompiledRules, parse_pack_text
from mtqa.engine.matchers import MAX_TIMEOUTS
from tests.conftest import run_mtqa

# A minor doubled word, a major subscribe prompt and a sentence without findings.
ARTICLE = ("The minister said that the the talks would resume on Monday.\n\n"
           "Subscribe to our newsletter\n")

RUNAWAY_PACK = textwrap.dedent("""\
    pack: slow
    source_langs: []
    rules:
      - id: MTQA-SLOW-001
        name: runaway
        title: A pattern that backtracks for ever on runs of a
        category: style/awkward
        severity: minor
        message: "{match}"
        regex: '(a|aa)+c'
        engine: backtracking
        timeout_ms: 1
        examples:
          bad: ["[[aac]]"]
          good: ["b"]
    """)


@pytest.fixture
def article(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_min_severity_hides_rescores_and_ungates_lower_findings(article):
    full = json.loads(run_mtqa("check", "--no-grammar", "-f", "json", "a.txt", cwd=article).stdout)
    shown = run_mtqa("check", "--no-grammar", "-f", "json", "--min-severity", "major", "--fail-on", "minor",
                     "a.txt", cwd=article)
    report = json.loads(shown.stdout)
    severities = {f["severity"] for d in report["documents"] for f in d["findings"]}
    assert {f["severity"] for d in full["documents"] for f in d["findings"]} == {"minor", "major"}
    assert severities == {"major"}
    assert report["documents"][0]["penalty"] == full["documents"][0]["penalty"] - 1
    assert shown.returncode == 1  # the major finding still fails the gate
    text = run_mtqa("check", "--no-grammar", "--min-severity", "critical", "--fail-on", "minor", "a.txt",
                    cwd=article)
    assert text.returncode == 0 and "0 finding(s) in 1 document(s)" in text.stdout


def test_exit_zero_passes_a_failed_gate_but_not_an_input_error(article):
    failed = run_mtqa("check", "--no-grammar", "--fail-on", "minor", "--exit-zero", "a.txt", cwd=article)
    assert failed.returncode == 0
    assert "mtqa: gate failed" in failed.stderr  # still said
    missing = run_mtqa("check", "--no-grammar", "--exit-zero", "a.txt", "missing.txt", cwd=article)
    assert missing.returncode == 2


def test_quiet_prints_only_the_findings(article):
    loud = run_mtqa("check", "--no-grammar", "a.txt", "--write-baseline", "b.json", cwd=article)
    quiet = run_mtqa("check", "--no-grammar", "-q", "a.txt", "--baseline", "b.json", "--write-baseline", "b.json",
                     cwd=article)
    assert "finding(s) in 1 document(s)" in loud.stdout and "wrote 2 finding(s)" in loud.stderr
    assert quiet.returncode == 0
    assert quiet.stdout == "" and quiet.stderr == ""  # baseline hides both; no summary, no notes
    alone = run_mtqa("check", "--no-grammar", "-q", "a.txt", cwd=article)
    assert alone.stdout.startswith("a.txt:1:24: MTQA-CORE-001 minor")
    assert "finding(s)" not in alone.stdout


def test_statistics_counts_each_rule(article, tmp_path):
    (article / "b.txt").write_text("They met in in Paris.\n\nRead also: more news\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--statistics", "a.txt", "b.txt", cwd=article)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "4 finding(s) in 2 document(s)"
    counts = {line.split()[1]: (int(line.split()[0]), line.split()[2]) for line in lines[:-1]}
    assert counts == {"MTQA-CORE-001": (2, "minor"), "MTQA-WEB-005": (1, "major"), "MTQA-WEB-007": (1, "minor")}
    assert "The same word twice in a row" in result.stdout
    refused = run_mtqa("check", "--no-grammar", "--statistics", "-f", "json", "a.txt", cwd=article)
    assert refused.returncode == 2 and "--statistics" in refused.stderr


def test_help_explains_every_new_option():
    text = run_mtqa("check", "--help").stdout
    for option in ("--quiet", "--statistics", "--exit-zero", "--min-severity", "--language", "130"):
        assert option in text


def test_a_runaway_rule_stops_costing_time_after_its_first_timeouts():
    rules = CompiledRules(parse_pack_text(RUNAWAY_PACK, "slow.yml").rules)
    for _ in range(MAX_TIMEOUTS + 4):
        assert list(rules.scan("a" * 5000 + "b")) == []
    assert rules.timeouts == {"MTQA-SLOW-001": MAX_TIMEOUTS}
    assert list(rules.scan("aac")) == []  # switched off for the rest of the run


def test_rule_timeouts_are_said_once_on_stderr(tmp_path):
    (tmp_path / "slow.yml").write_text(RUNAWAY_PACK, encoding="utf-8")
    (tmp_path / "mtqa.toml").write_text('[checkers.rules]\npaths = ["slow.yml"]\n', encoding="utf-8")
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text("Words " + "a" * 5000 + "b.\n", encoding="utf-8")
    # In one process: each `--jobs` worker stops paying after its own first timeouts.
    result = run_mtqa("check", "--no-grammar", "--jobs", "1", "-f", "json", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "MTQA-SLOW-001" in line]
    assert warnings == [f"mtqa: warning: rule MTQA-SLOW-001 ran out of time on {MAX_TIMEOUTS} document(s) and "
                        "found nothing there; it was switched off for the rest of the run"]
    details = json.loads(result.stdout)["provenance"]["checker_details"]["rules"]
    assert details["timeouts"] == {"MTQA-SLOW-001": MAX_TIMEOUTS}
    quiet = run_mtqa("check", "--no-grammar", "-q", ".", cwd=tmp_path)
    assert "MTQA-SLOW-001" not in quiet.stderr


def test_language_selects_the_english_variant_of_the_grammar_checker(tmp_path, languagetool_server):
    (tmp_path / "mtqa.toml").write_text("[checkers.grammar]\ncache = false\n", encoding="utf-8")
    # "colour"/"color" are both English (never reported); "aluminium" is no American word.
    (tmp_path / "a.txt").write_text("The aluminium of the frame was chosen by the council. The aluminum was light.\n",
                                    encoding="utf-8")

    def spelling(*language: str) -> list[str]:
        result = run_mtqa("check", "-f", "json", "--languagetool-url", languagetool_server, *language, "a.txt",
                          cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return [f["text"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]
                if f["rule"].startswith("LT-MORFOLOGIK")]

    assert spelling() == ["aluminium"]  # en-US by default
    assert spelling("--language", "en-GB") == ["aluminum"]
    assert spelling("--language", "en-US") == ["aluminium"]
    bad = run_mtqa("check", "--language", "fr", "a.txt", cwd=tmp_path)
    assert bad.returncode == 2


def test_doc_ids_and_split_docs_together_are_a_usage_error(tmp_path):
    """Both say where articles end; --split-docs was silently ignored for the ids."""
    (tmp_path / "sys.txt").write_text("One line.\n\nAnother the the line.\n", encoding="utf-8")
    (tmp_path / "ids.txt").write_text("a\na\na\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "sys.txt", "--doc-ids", "ids.txt", "--split-docs", "blank-line",
                      cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: --doc-ids and --split-docs both say where documents end: give one")


def test_statistics_against_the_configs_format_names_the_file(tmp_path):
    """`format = "json"` in mtqa.toml and --statistics blamed a --format json nobody typed."""
    (tmp_path / "mtqa.toml").write_text('format = "json"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    refused = run_mtqa("check", "--no-grammar", "--statistics", "a.txt", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.strip() == ("mtqa: error: --statistics prints a text table; it cannot be combined with "
                                      f"format = 'json' of {tmp_path / 'mtqa.toml'} (add --format text)")
    counted = run_mtqa("check", "--no-grammar", "--statistics", "--format", "text", "a.txt", cwd=tmp_path)
    assert counted.returncode == 0, counted.stderr
    assert "MTQA-CORE-001" in counted.stdout
