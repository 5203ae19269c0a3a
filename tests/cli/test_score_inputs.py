"""`mtqa score` on inputs and options a new user gets wrong: one error line and exit 2, never a traceback."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import run_mtqa

# sacrebleu tokenizers that need packages mtqa does not install, and a module each imports.
NEEDS_EXTRAS = {"ja-mecab": "MeCab", "ko-mecab": "mecab_ko", "flores101": "sentencepiece", "flores200": "sentencepiece"}


@pytest.fixture
def pair(tmp_path):
    reference, system = tmp_path / "ref.txt", tmp_path / "sys.txt"
    reference.write_text("The cat sat on the mat.\nIt rained all day.\n", encoding="utf-8")
    system.write_text("The cat sat on a mat.\nIt rained the whole day.\n", encoding="utf-8")
    return reference, system


@pytest.mark.parametrize("tokenizer", sorted(NEEDS_EXTRAS))
def test_tokenizer_without_its_extras_is_one_error_line(pair, tokenizer):
    if importlib.util.find_spec(NEEDS_EXTRAS[tokenizer]) is not None:
        pytest.skip(f"{NEEDS_EXTRAS[tokenizer]} is installed here")
    reference, system = pair
    result = run_mtqa("score", "-r", str(reference), str(system), "--tokenize", tokenizer)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"mtqa: error: --tokenize {tokenizer}: "), result.stderr
    assert "pip install" in lines[0]
    assert result.stdout == ""


def test_spm_the_deprecated_alias_is_refused_for_flores101(pair):
    reference, system = pair
    result = run_mtqa("score", "-r", str(reference), str(system), "--tokenize", "spm")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'spm' is not one of" in result.stderr and "flores101" in result.stderr
    assert "spm" not in run_mtqa("score", "--help").stdout



@pytest.mark.parametrize("count", [1, 2])
def test_json_mean_and_ci_are_null_without_confidence(pair, tmp_path, count):
    reference, system = pair
    other = tmp_path / "other.txt"
    other.write_text("A cat sat on the mat.\nIt was raining all day.\n", encoding="utf-8")
    systems = [str(system), str(other)][:count]
    base = ["score", "-r", str(reference), *systems, "--no-artifacts", "--metrics", "bleu,chrf",
            "--bootstrap", "50", "-f", "json"]
    for confidence in (False, True):
        result = run_mtqa(*base, *(["--confidence"] if confidence else []))
        assert result.returncode == 0, result.stderr
        board = json.loads(result.stdout)
        cells = [row[m] for row in board["systems"] for m in ("bleu", "chrf")]
        if confidence:
            assert all(c["mean"] >= 0 and c["ci"] >= 0 for c in cells), cells
        else:
            assert board["confidence"] is None
            assert all(c["mean"] is None and c["ci"] is None for c in cells), cells


def test_a_system_given_twice_is_scored_once_with_a_warning(pair, tmp_path):
    reference, system = pair
    other = tmp_path / "other.txt"
    other.write_text("A cat sat on the mat.\nIt was raining all day.\n", encoding="utf-8")
    # The same file twice, once through another spelling of its path.
    result = run_mtqa("score", "-r", "ref.txt", "sys.txt", "other.txt", "./sys.txt", "--no-artifacts",
                      "--metrics", "bleu", "--bootstrap", "50", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    assert [row["path"] for row in board["systems"]] == ["sys.txt", "other.txt"]
    assert result.stderr == "mtqa: warning: ./sys.txt: the same file as sys.txt; scored once\n"
    alone = run_mtqa("score", "-r", "ref.txt", "sys.txt", "sys.txt", "--no-artifacts", "--metrics", "bleu",
                     cwd=tmp_path)
    assert alone.returncode == 0 and "p=" not in alone.stdout and alone.stdout.count("sys ") == 1, alone.stdout
    assert alone.stderr == "mtqa: warning: sys.txt: given more than once; scored once\n"


@pytest.mark.parametrize("which", ["system", "reference", "source"])
def test_output_naming_an_input_is_refused_and_the_input_kept(pair, tmp_path, which):
    reference, system = pair
    source = tmp_path / "src.txt"
    source.write_text("Die Katze saß auf der Matte.\nEs regnete den ganzen Tag.\n", encoding="utf-8")
    target = {"system": system, "reference": reference, "source": source}[which]
    before = target.read_bytes()
    result = run_mtqa("score", "-r", str(reference), "-s", str(source), str(system), "-o", str(target),
                      "--no-artifacts")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (f"mtqa: error: {target}: --output names an input file ({target}); "
                                      "the report would replace it. Choose another file")
    assert target.read_bytes() == before


@pytest.mark.parametrize("which", ["system", "reference", "source"])
def test_a_file_read_by_a_guessed_encoding_is_named_in_a_warning(pair, tmp_path, which):
    reference, system = pair
    source = tmp_path / "src.txt"
    source.write_text("Die Katze saß auf der Matte.\nEs regnete den ganzen Tag.\n", encoding="utf-8")
    legacy = {"system": system, "reference": reference, "source": source}[which]
    legacy.write_bytes(legacy.read_text(encoding="utf-8").replace("a", "à").encode("cp1252"))
    result = run_mtqa("score", "-r", "ref.txt", "-s", "src.txt", "sys.txt", "--no-artifacts", "--metrics", "bleu",
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"mtqa: warning: {legacy.name}: not UTF-8; read as " in result.stderr
    assert result.stderr.count("not UTF-8") == 1
