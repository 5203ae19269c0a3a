"""`--language` says what it changes: the grammar checker's rules and the spelling of its
suggestions, while the other variant's known spellings are accepted under either."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mtqa.cli import cli
from tests.conftest import run_mtqa

TEXT = "The color of the flag in the centre of town was changed. The colur was grey.\n"


def test_help_does_not_promise_to_flag_the_other_variant():
    help_text = " ".join(CliRunner().invoke(cli, ["check", "--help"], terminal_width=200).output.split())
    assert "flags 'color'" not in help_text
    assert "Spellings known as the other variant's ('color', 'centre') are accepted under both." in help_text


def test_each_variant_accepts_both_spellings_and_suggests_its_own(tmp_path, languagetool_server):
    (tmp_path / "mtqa.toml").write_text("[checkers.grammar]\ncache = false\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    def spelling(language: str) -> dict[str, list[str]]:
        result = run_mtqa("check", "-f", "json", "--languagetool-url", languagetool_server, "--language", language,
                          "a.txt", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return {f["text"]: f["suggestions"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]
                if f["rule"].startswith("LT-MORFOLOGIK")}

    british, american = spelling("en-GB"), spelling("en-US")
    assert set(british) == set(american) == {"colur"}  # neither 'color' nor 'centre' is flagged
    assert british["colur"][0] == "colour"
    assert american["colur"][0] == "color"
