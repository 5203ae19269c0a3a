"""A UTF-32 file with a BOM is read (and fixed) as UTF-32, not as UTF-16 with NULs between the letters."""

from __future__ import annotations

import codecs
import json

import pytest

from tests.conftest import run_mtqa

TEXT = "The minister left the capital on Monday.\n"


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_file_is_checked_as_its_text(tmp_path, codec):
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    path = tmp_path / "u32.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    result = run_mtqa("check", "--no-grammar", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    assert document["encoding"] == "utf-32"
    assert document["findings"] == []
    assert document["words"] == len(TEXT.split())


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_is_fixed_and_written_back_as_utf32(tmp_path, codec):
    (tmp_path / "mtqa.toml").write_text('vocabulary = { reject = ["Kiev -> Kyiv"] }\n', encoding="utf-8")
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    (tmp_path / "d.txt").write_bytes(bom + "Kiev.\n".encode(codec))
    result = run_mtqa("fix", "--no-grammar", "d.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "applied 1 fix(es) in 1 file(s)" in result.stderr
    assert (tmp_path / "d.txt").read_bytes() == bom + "Kyiv.\n".encode(codec)
