"""`mtqa fix`: safe fixes only, deterministic overlaps, idempotent, atomic, refuses what it cannot write."""

from __future__ import annotations

import os
import stat

import pytest

from mtqa import atomic as fixmod
from mtqa.atomic import atomic_write
from mtqa.fix import apply_edits, choose_edits
from mtqa.model import Document
from tests.conftest import run_mtqa

CONFIG = 'vocabulary = { reject = ["Kiev -> Kyiv", "Kyiv Oblast -> Kyiv region", "e-mail -> email"] }\n'
ARTICLE = "Kiev said on Monday.\r\nThe e-mail from Kiev Oblast arrived.\r\n"
FIXED = "Kyiv said on Monday.\r\nThe email from Kyiv region arrived.\r\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "mtqa.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.md").write_bytes(ARTICLE.encode("utf-8"))
    return tmp_path


def _finding(doc, start, end, suggestion, rule="MTQA-T-001", applicability="safe"):
    return doc.finding(rule=rule, checker="rules", category="style/awkward", severity="minor", message="m",
                       start=start, end=end, suggestions=[suggestion], applicability=applicability)


def test_only_safe_fixes_unless_unsafe_and_never_display_only():
    doc = Document(id="a", path="a", text="one two three")
    findings = [_finding(doc, 0, 3, "1"), _finding(doc, 4, 7, "2", applicability="unsafe"),
                _finding(doc, 8, 13, "3", applicability="display-only")]
    assert [e.replacement for e in choose_edits(doc.text, findings)[0]] == ["1"]
    assert [e.replacement for e in choose_edits(doc.text, findings, unsafe=True)[0]] == ["1", "2"]


def test_overlaps_are_resolved_deterministically():
    doc = Document(id="a", path="a", text="abcdefghij")
    findings = [_finding(doc, 2, 6, "X", "MTQA-B"), _finding(doc, 2, 6, "Y", "MTQA-A"), _finding(doc, 4, 8, "Z"),
                _finding(doc, 8, 8, "+"), _finding(doc, 8, 8, "-"), _finding(doc, 0, 1, "a")]
    for order in (findings, findings[::-1], findings[2:] + findings[:2]):
        edits, overlapping = choose_edits(doc.text, order)
        assert [(e.start, e.end, e.replacement) for e in edits] == [(2, 6, "Y"), (8, 8, "+")]
        assert overlapping == 3
    assert apply_edits(doc.text, edits) == "abYgh+ij"


def test_fix_applies_converges_and_second_run_changes_nothing(project):
    diff = run_mtqa("fix", "--no-grammar", "--diff", "a.md", cwd=project)
    assert diff.returncode == 1, diff.stderr
    assert "-The e-mail from Kiev Oblast arrived." in diff.stdout
    assert "+The email from Kyiv region arrived." in diff.stdout
    assert (project / "a.md").read_bytes() == ARTICLE.encode()  # --diff writes nothing
    os.chmod(project / "a.md", 0o640)
    first = run_mtqa("fix", "--no-grammar", "a.md", cwd=project)
    assert first.returncode == 0, first.stderr
    assert (project / "a.md").read_bytes() == FIXED.encode()  # CRLF kept
    assert stat.S_IMODE(os.stat(project / "a.md").st_mode) == 0o640
    second = run_mtqa("fix", "--no-grammar", "a.md", cwd=project)
    assert second.returncode == 0 and "applied 0 fix(es)" in second.stderr
    assert (project / "a.md").read_bytes() == FIXED.encode()
    assert sorted(p.name for p in project.iterdir()) == ["a.md", "mtqa.toml"]  # no temporary files left


def test_bom_and_utf16_are_kept(project):
    (project / "b.txt").write_bytes(b"\xef\xbb\xbf" + "Kiev.\n".encode())
    (project / "c.txt").write_bytes(b"\xff\xfe" + "Kiev.\n".encode("utf-16-le"))
    result = run_mtqa("fix", "--no-grammar", "b.txt", "c.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "b.txt").read_bytes() == b"\xef\xbb\xbf" + b"Kyiv.\n"
    assert (project / "c.txt").read_bytes() == b"\xff\xfe" + "Kyiv.\n".encode("utf-16-le")


def test_other_formats_and_stdin_are_refused_clearly(project):
    (project / "page.html").write_text("<p>Kiev</p>", encoding="utf-8")
    (project / "s.jsonl").write_text('{"target": "Kiev"}\n', encoding="utf-8")
    result = run_mtqa("fix", "--no-grammar", "page.html", "s.jsonl", "-", "a.md", cwd=project)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("mtqa: error:")]
    assert len(errors) == 3
    assert "page.html: mtqa fix only writes plain text and Markdown" in errors[0]
    assert "Traceback" not in result.stderr
    assert (project / "page.html").read_text(encoding="utf-8") == "<p>Kiev</p>"
    assert (project / "a.md").read_bytes() == FIXED.encode()  # the good file was still fixed


def test_folder_fixes_text_files_and_skips_other_formats(project):
    (project / "sub").mkdir()
    (project / "sub" / "page.html").write_text("<p>Kiev</p>", encoding="utf-8")
    (project / "sub" / "n.txt").write_text("Kiev.\n", encoding="utf-8")
    result = run_mtqa("fix", "--no-grammar", ".", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "sub" / "n.txt").read_text(encoding="utf-8") == "Kyiv.\n"
    assert (project / "sub" / "page.html").read_text(encoding="utf-8") == "<p>Kiev</p>"


def test_undecodable_file_is_never_written(project):
    data = b"Kiev caf\xe9 \xff\xfe\n"
    (project / "bad.txt").write_bytes(data)
    result = run_mtqa("fix", "--no-grammar", "bad.txt", cwd=project)
    assert result.returncode == 2 and "bad.txt" in result.stderr
    assert (project / "bad.txt").read_bytes() == data


def test_a_failing_check_never_writes(project, monkeypatch):
    from click.testing import CliRunner

    from mtqa.checkers.vocabulary import VocabularyChecker
    from mtqa.cli.fix import fix

    def broken(self, document):
        raise RuntimeError("checker crashed")

    monkeypatch.setattr(VocabularyChecker, "check", broken)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(fix, ["--no-grammar", "a.md"])
    assert result.exit_code == 2
    assert "check failed, file not written" in result.output
    assert (project / "a.md").read_bytes() == ARTICLE.encode()


@pytest.mark.parametrize("where", ["mid-write", "fsync", "replace"])
def test_failure_injected_during_the_write_leaves_the_original_intact(tmp_path, monkeypatch, where):
    target = tmp_path / "a.txt"
    original = b"original text\n" * 10_000
    target.write_bytes(original)
    os.chmod(target, 0o600)
    new = b"new text\n" * 20_000  # several chunks

    if where == "mid-write":
        calls = []
        real_write = fixmod._write_all

        def failing(handle, data):
            half = len(data) // 2
            real_write(handle, data[:half])
            calls.append(half)
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(fixmod, "_write_all", failing)
    elif where == "fsync":
        def failing_fsync(fd):
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(fixmod.os, "fsync", failing_fsync)
    else:
        def failing_replace(src, dst):
            raise OSError(13, "Permission denied")

        monkeypatch.setattr(fixmod.os, "replace", failing_replace)
    with pytest.raises(OSError):
        atomic_write(str(target), new)
    assert target.read_bytes() == original
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_atomic_write_replaces_a_symlink_target_not_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(str(link), b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"


def test_write_failure_reported_by_the_cli_leaves_file(project, monkeypatch):
    from click.testing import CliRunner

    from mtqa.cli.fix import fix

    def failing_replace(src, dst):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(fixmod.os, "replace", failing_replace)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(fix, ["--no-grammar", "a.md"])
    assert result.exit_code == 2
    assert "cannot write: Permission denied; file unchanged" in result.output
    assert (project / "a.md").read_bytes() == ARTICLE.encode()
    assert sorted(p.name for p in project.iterdir()) == ["a.md", "mtqa.toml"]


@pytest.mark.parametrize("kind", ["read-only", "hard link"])
def test_read_only_files_and_hard_links_are_left_alone_unless_forced(project, kind):
    target = project / "a.md"
    other = project / "other-name.md"
    if kind == "read-only":
        os.chmod(target, 0o444)
    else:
        os.link(target, other)
    refused = run_mtqa("fix", "--no-grammar", "a.md", cwd=project)
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"mtqa: error: a.md: file {'is read-only' if kind == 'read-only' else 'has 2 hard links'}")
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert target.read_bytes() == ARTICLE.encode()
    assert run_mtqa("fix", "--no-grammar", "--diff", "a.md", cwd=project).returncode == 1  # --diff writes nothing
    forced = run_mtqa("fix", "--no-grammar", "--force", "a.md", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() == FIXED.encode()
    if kind == "read-only":
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o444
    else:
        assert other.read_bytes() == ARTICLE.encode()  # the other name keeps the old text, as --force warned


def test_fixing_the_corpus_converges_with_real_checkers(repo_root, tmp_path):
    files = sorted(p for p in (repo_root / "corpus").glob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
    if not files:
        pytest.skip("corpus/ has no text or Markdown samples")
    for path in files:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    first = run_mtqa("fix", "--no-grammar", "--unsafe-fixes", ".", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = run_mtqa("fix", "--no-grammar", "--unsafe-fixes", ".", cwd=tmp_path)
    assert second.returncode == 0 and "applied 0 fix(es) in 0 file(s)" in second.stderr, second.stderr
    changed = [p.name for p in files if (tmp_path / p.name).read_bytes() != p.read_bytes()]
    applied = int(first.stderr.split("applied ", 1)[1].split(" ", 1)[0])
    assert bool(changed) == bool(applied)


def test_a_selection_of_only_what_is_switched_off_is_refused(tmp_path):
    """`mtqa fix --select grammar --no-grammar` said "applied 0 fix(es)" and exit 0, as if the
    file were clean; mtqa check refuses the same selection."""
    article = tmp_path / "a.txt"
    article.write_text("He said so.. Then he left.\n", encoding="utf-8")
    result = run_mtqa("fix", "--no-grammar", "--select", "grammar", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("mtqa: error: --select grammar: the grammar checker is off (--no-grammar); "
                             "nothing would be fixed\n")
    assert article.read_text(encoding="utf-8") == "He said so.. Then he left.\n"
