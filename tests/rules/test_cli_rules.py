"""`mtqa rules list|show|test|docs` through click, with real packs."""

from __future__ import annotations

from click.testing import CliRunner

from mtqa.cli import cli

USER_PACK = """\
pack: house
source_langs: []
rules:
  - id: MTQA-HOUSE-001
    name: no-utilize
    title: utilize
    category: style/awkward
    severity: minor
    message: "use 'use'"
    substitute: {utilize: use}
    examples:
      bad: ["We [[utilize]] it."]
      good: ["We use it."]
"""


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_list_filters_by_pack():
    result = run("rules", "list", "--pack", "ar-en")
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.output.splitlines()]
    assert codes and all(c.startswith("MTQA-AR-") for c in codes)


def test_show_by_code_and_by_name():
    by_code = run("rules", "show", "MTQA-HE-001")
    by_name = run("rules", "show", "view-with-a-bad-eye")
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.output == by_name.output
    assert "with a bad eye" in by_code.output


def test_test_all_shipped_rules_pass():
    result = run("rules", "test")
    assert result.exit_code == 0, result.output


def test_test_user_pack_file_pass_and_fail(tmp_path):
    pack = tmp_path / "house.yml"
    pack.write_text(USER_PACK)
    ok = run("rules", "test", str(pack))
    assert ok.exit_code == 0 and "1 of 1 rules passed" in ok.output
    pack.write_text(USER_PACK.replace('good: ["We use it."]', 'good: ["We utilize it."]'))
    bad = run("rules", "test", str(pack))
    assert bad.exit_code == 1 and "FAIL" in bad.output and "MTQA-HOUSE-001" in bad.output


def test_test_one_code():
    result = run("rules", "test", "MTQA-RU-018")
    assert result.exit_code == 0 and "1 of 1 rules passed" in result.output


def test_docs_check_reports_stale_folder(tmp_path):
    assert run("rules", "docs", "--check", "-o", str(tmp_path)).exit_code == 1
    assert run("rules", "docs", "-o", str(tmp_path)).exit_code == 0
    assert run("rules", "docs", "--check", "-o", str(tmp_path)).exit_code == 0
    (tmp_path / "he-en.md").write_text("edited by hand\n")
    assert run("rules", "docs", "--check", "-o", str(tmp_path)).exit_code == 1


def test_check_with_malformed_user_pack_is_one_line_exit_2(tmp_path):
    import subprocess
    import sys

    (tmp_path / "mtqa.toml").write_text('[checkers.rules]\npaths = ["bad.yml"]\n')
    (tmp_path / "bad.yml").write_text(USER_PACK.replace("    substitute: {utilize: use}", "    regex: '(a)\\1'"))
    (tmp_path / "a.txt").write_text("We utilize it.\n")
    result = subprocess.run([sys.executable, "-m", "mtqa", "check", "a.txt", "--no-grammar"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.yml:10: MTQA-HOUSE-001: RE2 cannot compile" in lines[0], result.stderr
