"""Colour on a terminal by default, unless NO_COLOR is set (no-color.org); --color still wins."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest


def _on_a_terminal(tmp_path, *args: str, no_color: str | None) -> str:
    """What `mtqa check` writes to a pseudo-terminal as its standard output."""
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color is not None:
        env["NO_COLOR"] = no_color
    main, child = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "mtqa", "check", "--no-grammar", "a.txt", *args],
                                   cwd=tmp_path, stdout=child, stderr=subprocess.DEVNULL, env=env)
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed when the process exited
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(("no_color", "args", "coloured"), [
    (None, (), True),
    ("1", (), False),
    ("", (), True),  # an empty NO_COLOR does not count
    ("1", ("--color",), True),
])
def test_no_color_turns_the_terminal_default_off(tmp_path, no_color, args, coloured):
    output = _on_a_terminal(tmp_path, *args, no_color=no_color)
    assert "MTQA-CORE-001" in output
    assert ("\x1b[" in output) is coloured
