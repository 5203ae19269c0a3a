"""`mtqa score` agrees with the sacrebleu CLI, and its leaderboard carries artifact rates."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mtqa.categories import CATEGORIES
from mtqa.cli import cli

PAIRS = {"2022/liv-en": 3, "2023/uk-en": 2}  # pair -> systems compared (TER is slow on long lines)


def _sacrebleu(reference, system) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "sacrebleu", str(reference), "-i", str(system),
                          "-m", "bleu", "chrf", "ter", "-w", "4", "-f", "json"],
                         capture_output=True, text=True, check=True).stdout
    names = {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter"}
    return {names[s["name"]]: float(s["score"]) for s in json.loads(out)}


def _systems(wmt_dir, pair, count):
    folder = wmt_dir / pair
    return folder / "reference.txt", sorted((folder / "systems").glob("*.txt"))[:count]


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_scores_equal_sacrebleu_cli_to_two_decimals(wmt_dir, pair):
    reference, systems = _systems(wmt_dir, pair, PAIRS[pair])
    result = CliRunner().invoke(cli, ["score", "-r", str(reference), *map(str, systems),
                                      "--format", "json", "--no-artifacts", "--bootstrap", "200"])
    assert result.exit_code == 0, result.output
    board = json.loads(result.output)
    assert [row["system"] for row in board["systems"]] == [s.stem for s in systems]
    for row, system in zip(board["systems"], systems):
        expected = _sacrebleu(reference, system)
        for metric in ("bleu", "chrf", "ter"):
            assert f"{row[metric]['score']:.2f}" == f"{expected[metric]:.2f}", (system.stem, metric)
    assert board["signatures"]["bleu"].startswith("nrefs:1|bs:200|seed:12345|case:mixed|eff:no|tok:13a")
    assert "nc:6" in board["signatures"]["chrf"] and "tok:tercom" in board["signatures"]["ter"]


def test_paired_bootstrap_p_values_are_sacrebleus(wmt_dir):
    reference, systems = _systems(wmt_dir, "2022/liv-en", 2)
    result = CliRunner().invoke(cli, ["score", "-r", str(reference), *map(str, systems), "--format", "json",
                                      "--no-artifacts", "--metrics", "bleu,chrf", "--bootstrap", "300"])
    board = json.loads(result.output)
    text = subprocess.run([sys.executable, "-m", "sacrebleu", str(reference), "-i", *map(str, systems),
                           "-m", "bleu", "chrf", "--paired-bs", "--paired-bs-n", "300", "-f", "text"],
                          capture_output=True, text=True, check=True).stdout
    theirs = [float(p) for p in re.findall(r"p = ([0-9.]+)", text)]
    ours = [board["systems"][1][m]["p_value"] for m in ("bleu", "chrf")]
    assert [round(p, 4) for p in ours] == theirs
    assert board["systems"][0]["bleu"]["p_value"] is None


def test_leaderboard_formats_with_artifact_rates(wmt_dir, tmp_path):
    folder = wmt_dir / "2023/he-en"
    paths = []
    for name in ("reference.txt", "source.txt", "systems/GPT4-5shot.txt", "systems/NLLB_Greedy.txt"):
        lines = (folder / name).read_text(encoding="utf-8").split("\n")[:60]
        path = tmp_path / name.replace("systems/", "")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    reference, source, *systems = map(str, paths)
    runner = CliRunner()
    base = ["score", "-r", reference, "-s", source, *systems, "--metrics", "bleu,chrf", "--bootstrap", "100"]
    data = json.loads(runner.invoke(cli, [*base, "--format", "json"]).output)
    assert "bilingual" in data["checkers"] and "grammar" not in data["checkers"]
    for row in data["systems"]:
        artifacts = row["artifacts"]
        assert artifacts["words"] > 500
        assert set(artifacts["by_category"]) <= set(CATEGORIES)
        assert sum(artifacts["by_category"].values()) == pytest.approx(artifacts["per_1000_words"], abs=0.1)
    text = runner.invoke(cli, [*base, "--format", "text"]).output
    assert "GPT4-5shot" in text and "Artifacts/1k words" in text
    markdown = runner.invoke(cli, [*base, "--format", "markdown"]).output
    assert "| System | BLEU | chrF2 | Words | Artifacts/1k words |" in markdown


def test_misaligned_system_is_a_one_line_error(tmp_path):
    reference = tmp_path / "ref.txt"
    system = tmp_path / "sys.txt"
    reference.write_text("one line\ntwo lines\n", encoding="utf-8")
    system.write_text("only one\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mtqa", "score", "-r", str(reference), str(system),
                             "--no-artifacts"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"mtqa: error: {system}: 1 lines, but the reference has 2"]
