"""The built wheel ships the rule packs and an installed copy finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest


@pytest.fixture(scope="module")
def wheel(repo_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
         str(repo_root)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("mtqa-*.whl")
    return path


def test_wheel_contains_rule_packs_and_defaults(wheel, repo_root):
    names = zipfile.ZipFile(wheel).namelist()
    packs = sorted(p.relative_to(repo_root).as_posix() for p in (repo_root / "rules").rglob("*.y*ml"))
    assert packs, "no rule packs in the repository"
    for pack in packs:
        assert f"mtqa/{pack}" in names
    assert "mtqa/config/defaults.toml" in names
    assert "mtqa/checkers/codes/consistency.yml" in names
    # data beside the code, and the licence that must travel with the IPAdic readings
    assert "mtqa/checkers/bilingual/japanese_readings.tsv.gz" in names
    assert "mtqa/checkers/bilingual/JAPANESE_READINGS_LICENSE" in names
    assert "mtqa/checkers/bilingual/japanese_romaji.toml" in names


def test_installed_wheel_finds_its_rules(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True)
    code = (
        "import mtqa, pathlib; from importlib import resources\n"
        "root = resources.files('mtqa') / 'rules'\n"
        "assert pathlib.Path(mtqa.__file__).is_relative_to(pathlib.Path(__import__('sys').argv[1]))\n"
        "print(len(list(pathlib.Path(str(root)).rglob('*.yml'))) + len(list(pathlib.Path(str(root)).rglob('*.yaml'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, env=env,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0
