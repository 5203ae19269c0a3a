"""TMX with no fixed source language (``srclang="*all*"``, valid TMX 1.4, or none): mtqa
checks English output, so the English variant is the target wherever it stands in the unit."""

from __future__ import annotations

import json

import pytest

from mtqa.config.settings import load_settings
from mtqa.readers import read_file
from tests.conftest import run_mtqa

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
          'creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" {srclang}o-tmf="x"/><body>\n')
EN = '<tuv xml:lang="en"><seg>He said the the thing yesterday in Berlin.</seg></tuv>'
DE = '<tuv xml:lang="de"><seg>Er hat das gestern in Berlin gesagt.</seg></tuv>'


@pytest.mark.parametrize("srclang", ['srclang="*all*" ', ""])
@pytest.mark.parametrize("order", ["en-first", "de-first"])
def test_the_english_variant_is_checked_whatever_its_place(tmp_path, srclang, order):
    variants = EN + DE if order == "en-first" else DE + EN
    (tmp_path / "all.tmx").write_text(HEADER.format(srclang=srclang) + f"<tu>{variants}</tu>\n</body></tmx>\n",
                                      encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "-f", "json", "all.tmx", cwd=tmp_path)
    (document,) = json.loads(result.stdout)["documents"]
    assert [(f["rule"], f["text"]) for f in document["findings"]] == [("MTQA-CORE-001", "the the")]
    (read,) = read_file(str(tmp_path / "all.tmx"), load_settings())
    assert read.source_lang == "de"
    assert [u.source for u in read.units] == ["Er hat das gestern in Berlin gesagt."]
