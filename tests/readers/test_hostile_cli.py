"""`mtqa check` over a folder of hostile inputs: exit 2, one line per bad file, the rest checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

GOOD = "The minister said that the talks would resume on Monday.\n"
XLIFF2 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">'
          '<file id="f"><unit id="1"><segment><source>Hallo</source><target>Hello<cp hex="DFFF"/></target>'
          '</segment></unit></file></xliff>')


def test_hostile_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Ségolène Royal met officials in São Paulo.\n".encode("latin-1"))
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")  # found in the folder it is skipped: named, it is read
    (folder / "cp.xlf").write_text(XLIFF2, encoding="utf-8")
    (folder / "surrogate.jsonl").write_text('{"target": "\\ud800"}\n', encoding="utf-8")
    (folder / "deep.jsonl").write_text('{"target": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    (folder / "paper.txt").write_bytes(b"%PDF-1.4\nBT (Uncompressed text) Tj ET\n%%EOF\n")
    result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", "--format", "json", str(folder),
                             str(folder / "zero.txt")],
                            capture_output=True, text=True, timeout=600,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("mtqa: error: "))
    bad = ["cp.xlf", "deep.jsonl", "paper.txt", "pipe.txt", "surrogate.jsonl", "zero.txt"]
    assert [line.split(": ")[2].removeprefix(str(folder) + "/") for line in errors] == bad, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("mtqa: warning: ")]
    assert warnings == [f"mtqa: warning: {folder / 'latin1.txt'}: not UTF-8; read as cp1252 "
                        "(a guess: save it as UTF-8 to be sure)"]
    report = json.loads(result.stdout)
    documents = {os.path.basename(d["path"]): d for d in report["documents"]}
    assert set(documents) == {"good.txt", "latin1.txt"}
    assert (documents["latin1.txt"]["encoding"], documents["latin1.txt"]["encoding_guessed"]) == ("cp1252", True)
    assert "encoding" not in documents["good.txt"]
    assert len(report["errors"]) == len(bad)
