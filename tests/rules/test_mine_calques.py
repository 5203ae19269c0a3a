"""The calque miner on a small corpus laid out like the WMT one: a phrase that every MT
system writes and the reference never does is a candidate; one that a single system writes
in a single sentence, or that the reference writes as often, is not."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "mine_calques.py"


def load_script():
    spec = importlib.util.spec_from_file_location("mine_calques", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_corpus(root: Path) -> Path:
    pair = root / "wmt" / "2023" / "xx-en"
    (pair / "systems").mkdir(parents=True)
    human, mt = [], []
    for i in range(40):
        human.append(f"Amid the crisis number {i}, the mayor said the market stayed open.")
        mt.append(f"On the background of the crisis number {i}, the mayor said the market stayed open.")
    (pair / "reference.txt").write_text("\n".join(human) + "\n", encoding="utf-8")
    for name in ("A", "B", "C"):
        lines = list(mt)
        if name == "A":
            lines[0] = lines[0].replace("the mayor", "the purple walrus")
        (pair / "systems" / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root / "wmt"


def test_calque_of_every_system_is_a_candidate_and_shared_or_one_off_text_is_not(tmp_path):
    miner = load_script()
    wmt = make_corpus(tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(SCRIPT), "--wmt", str(wmt), "--out", str(out),
                             "--qe", str(tmp_path / "none.jsonl")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in (out / "xx.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    grams = {row[0]: row for row in rows}
    assert "on the background of" in grams
    assert int(grams["on the background of"][3]) == 0  # never in the reference
    assert "the mayor said" not in grams  # both sides write it
    assert "purple walrus" not in grams  # one system, one sentence
    assert miner.tokens("It’s the crisis.") == ["it's", "the", "crisis", "."]


def test_missing_corpus_is_a_one_line_error(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--wmt", str(tmp_path / "nowhere"), "--out", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "nowhere" in result.stderr
