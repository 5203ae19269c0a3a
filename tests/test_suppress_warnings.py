"""Suppression comments that suppress nothing are warned about (stderr, file:line): a
target that names no rule code, checker or category (`MTQA-CRE`), and a comment meant as
a directive that is none (`mtqa-disable-nextline`). Valid directives stay silent and work."""

from __future__ import annotations

import json

from tests.conftest import run_mtqa

LINE = "The the minister walked on Monday to the parliament building in the capital.\n"


def _check(tmp_path, name: str, text: str, *args: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return run_mtqa("check", name, "--no-grammar", *args, cwd=tmp_path)


def test_unknown_target_and_malformed_directive_are_warned_with_file_and_line(tmp_path):
    text = ("<!-- mtqa-disable-next-line MTQA-CRE -->\n" + LINE
            + "<!-- mtqa-disable-nextline -->\n" + LINE
            + "<!-- mtqa-disable-next-line MTQA-CORE, fluency -->\n" + LINE
            + "<!--mtqa-disable-next-line-->\n" + LINE
            + "<!-- MTQA-DISABLE-NEXT-LINE -->\n" + LINE)
    result = _check(tmp_path, "a.txt", text, "-f", "json")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("mtqa: warning:")]
    assert warnings == [
        "mtqa: warning: a.txt:1: mtqa-disable-next-line 'MTQA-CRE' names no rule code, checker or category, "
        "and suppresses nothing",
        "mtqa: warning: a.txt:3: '<!-- mtqa-disable-nextline -->' is not an mtqa directive and suppresses nothing "
        "(use mtqa-disable, mtqa-enable or mtqa-disable-next-line)",
    ]
    lines = sorted(f["line"] for d in json.loads(result.stdout)["documents"] for f in d["findings"])
    assert lines == [2, 4]  # the three valid directives silence their lines


def test_html_comments_are_warned_at_their_markup_line(tmp_path):
    html = ("<html><body><article><h1>Talks</h1>\n"
            "<p>The minister spoke on Monday about the budget and the coalition.</p>\n"
            "<!-- mtqa-disable nonsense -->\n"
            f"<p>{LINE.strip()}</p>\n</article></body></html>\n")
    result = _check(tmp_path, "a.html", html)
    assert "mtqa: warning: a.html:3: mtqa-disable 'nonsense' names no rule code" in result.stderr


def test_valid_directives_and_quiet_runs_print_no_warning(tmp_path):
    good = _check(tmp_path, "a.md", "<!-- mtqa-disable MTQA-HE-012, grammar, fluency/spelling -->\n" + LINE)
    assert "warning" not in good.stderr
    quiet = _check(tmp_path, "b.txt", "<!-- mtqa-disable-nextline -->\n" + LINE, "--quiet")
    assert quiet.stderr == ""
