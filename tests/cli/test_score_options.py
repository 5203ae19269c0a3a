"""`mtqa score --confidence` and tokenizer options give what the sacrebleu CLI gives."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import run_mtqa


def _sacrebleu(reference, system, *options: str) -> dict[str, dict]:
    out = subprocess.run([sys.executable, "-m", "sacrebleu", str(reference), "-i", str(system),
                          "-m", "bleu", "chrf", "-w", "4", "-f", "json", *options],
                         capture_output=True, text=True, check=True).stdout
    return {s["name"][:4].lower(): s for s in json.loads(out)}


def test_confidence_and_tokenizer_options_match_sacrebleu(wmt_dir):
    folder = wmt_dir / "2022" / "liv-en"
    reference, system = folder / "reference.txt", sorted((folder / "systems").glob("*.txt"))[0]
    result = run_mtqa("score", "-r", str(reference), str(system), "--no-artifacts", "--metrics", "bleu,chrf",
                      "--confidence", "--bootstrap", "200", "--tokenize", "char", "--chrf-word-order", "2",
                      "--lowercase", "-f", "json")
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    theirs = _sacrebleu(reference, system, "--confidence", "--confidence-n", "200", "-tok", "char", "-cw", "2",
                        "-lc")
    assert board["confidence"] == {"level": 0.95, "samples": 200}
    row = board["systems"][0]
    for metric in ("bleu", "chrf"):
        assert board["signatures"][metric] == theirs[metric]["signature"]
        assert f"{row[metric]['score']:.4f}" == f"{theirs[metric]['score']:.4f}"
        assert f"{row[metric]['mean']:.4f}" == f"{theirs[metric]['confidence_mean']:.4f}"
        assert f"{row[metric]['ci']:.4f}" == f"{theirs[metric]['confidence_var']:.4f}"
    assert "tok:char" in board["signatures"]["bleu"] and "nw:2" in board["signatures"]["chrf"]
    text = run_mtqa("score", "-r", str(reference), str(system), "--no-artifacts", "--metrics", "bleu",
                    "--confidence", "--bootstrap", "200")
    assert "(μ = " in text.stdout and "95% confidence interval over 200 bootstrap resamples" in text.stdout
    plain = run_mtqa("score", "-r", str(reference), str(system), "--no-artifacts", "--metrics", "bleu")
    assert "μ" not in plain.stdout


def test_score_help_explains_the_options():
    text = run_mtqa("score", "--help").stdout
    for option in ("--confidence", "--tokenize", "--lowercase", "--chrf-word-order", "95%"):
        assert option in text


def test_confidence_with_one_resample_is_a_usage_error(tmp_path):
    """One resample has no interval: the leaderboard showed plain scores, no μ ± x and no word."""
    (tmp_path / "ref.txt").write_text("He said the thing.\nShe left early.\n", encoding="utf-8")
    (tmp_path / "sys.txt").write_text("He said a thing.\nShe left early.\n", encoding="utf-8")
    result = run_mtqa("score", "-r", "ref.txt", "sys.txt", "--no-artifacts", "--confidence", "--bootstrap", "1",
                      cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == "Error: --confidence needs --bootstrap 2 or more resamples"


def test_a_seed_sacrebleu_cannot_read_is_one_line(tmp_path):
    """SACREBLEU_SEED=abc ended in sacrebleu's ValueError traceback after the checkers ran."""
    import os

    (tmp_path / "ref.txt").write_text("He said the thing.\nShe left early.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("He said a thing.\nShe left early.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("He said the thing.\nShe left.\n", encoding="utf-8")
    command = [sys.executable, "-m", "mtqa", "score", "-r", "ref.txt", "a.txt", "b.txt", "--no-artifacts"]
    bad = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "SACREBLEU_SEED": "abc"})
    assert bad.returncode == 2
    assert bad.stderr == ("mtqa: error: SACREBLEU_SEED='abc': the bootstrap seed must be a whole number, "
                          "or none for a random one\n")
    for seed in ("7", "None"):
        good = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "SACREBLEU_SEED": seed})
        assert good.returncode == 0, good.stderr
