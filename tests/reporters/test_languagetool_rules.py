"""Every LanguageTool rule a finding names is described in SARIF and GitHub annotations,
not only the few that mapping.toml lists (real LanguageTool server)."""

from __future__ import annotations

import json

from mtqa.pipeline import Pipeline
from mtqa.reporters import render

TEXT = "Their is a problem with the plan.\nHe go to school yesterday.\n"


def test_an_unmapped_languagetool_rule_gets_the_generic_title_and_link(grammar_settings, tmp_path):
    from mtqa.languagetool.mapping import default_mapping

    assert "THEIR_IS" not in default_mapping().rules  # the case: a rule the mapping does not list
    path = tmp_path / "g.txt"
    path.write_text(TEXT, encoding="utf-8")
    with Pipeline(grammar_settings()) as pipeline:
        report = pipeline.run([str(path)])
    assert "LT-THEIR_IS" in {f.rule for _, f in report.iter_findings()}
    assert "LT-THEIR_IS" not in report.rules

    rules = {r["id"]: r for r in json.loads(render(report, "sarif"))["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["LT-THEIR_IS"]
    assert rule["name"] == "their-is"
    assert rule["shortDescription"] == {"text": "LanguageTool rule THEIR_IS"}
    assert rule["helpUri"] == "https://community.languagetool.org/rule/show/THEIR_IS?lang=en"
    assert rule["help"]["text"].endswith("See https://community.languagetool.org/rule/show/THEIR_IS?lang=en")

    github = render(report, "github")
    assert "title=LT-THEIR_IS LanguageTool rule THEIR_IS::" in github
