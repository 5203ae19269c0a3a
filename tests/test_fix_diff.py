"""`mtqa fix --diff`: the diff's lines are the file's lines, and only a last line without a
line end is marked "\\ No newline at end of file"."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(("content", "diff"), [
    # Old Mac line ends: one line a CR, shown as LF under a note (diff tools know only LF).
    (b"Line one.\rHe said the the thing.\r",
     "cr.txt: line ends are CR (old Mac), shown as LF below\n--- a/cr.txt\n+++ b/cr.txt\n@@ -1,2 +1,2 @@\n"
     " Line one.\n-He said the the thing.\n+He said the thing.\n"),
    (b"Line one.\rHe said the the thing.",
     "cr.txt: line ends are CR (old Mac), shown as LF below\n--- a/cr.txt\n+++ b/cr.txt\n@@ -1,2 +1,2 @@\n"
     " Line one.\n-He said the the thing.\n\\ No newline at end of file\n"
     "+He said the thing.\n\\ No newline at end of file\n"),
    # A form feed ends no line (str.splitlines would cut there and mark "no newline").
    (b"Page one.\x0cHe said the the thing.\n",
     "--- a/cr.txt\n+++ b/cr.txt\n@@ -1 +1 @@\n-Page one.\x0cHe said the the thing.\n"
     "+Page one.\x0cHe said the thing.\n"),
    # CRLF: the lines keep their CR, as patch and git apply expect.
    (b"Line one.\r\nHe said the the thing.\r\n",
     "--- a/cr.txt\n+++ b/cr.txt\n@@ -1,2 +1,2 @@\n Line one.\r\n-He said the the thing.\r\n"
     "+He said the thing.\r\n"),
])
def test_the_diff_has_the_file_s_lines(tmp_path, content, diff):
    (tmp_path / "cr.txt").write_bytes(content)
    # Bytes, not text: text mode would turn every CR into an LF before the test saw it.
    result = subprocess.run([sys.executable, "-m", "mtqa", "fix", "--no-grammar", "--unsafe-fixes", "--diff",
                             "cr.txt"], capture_output=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout == diff.encode()
    assert (tmp_path / "cr.txt").read_bytes() == content  # --diff writes nothing
