"""Unicode script of letters: which non-Latin scripts a span contains, and where.

Ranges are data (``scripts.toml``); one compiled regex per script finds runs of its
letters, joined across spaces and punctuation but not digits or line breaks, so a finding
covers "שלום עולם" as one span and stops at the last letter.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Script:
    name: str
    ranges: tuple[tuple[int, int], ...]
    min_run: int
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScriptRun:
    script: Script
    start: int
    end: int
    letters: int


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("mtqa.langid").joinpath("scripts.toml").read_text(encoding="utf-8"))


@cache
def lookalikes() -> dict[str, str]:
    """Non-Latin letter -> the Latin letter it looks like."""
    return dict(_data()["lookalikes"])


@cache
def scripts() -> tuple[Script, ...]:
    data = _data()
    out = []
    for name, table in data["scripts"].items():
        ranges = tuple((int(lo, 16), int(hi, 16)) for lo, hi in (r.split("-") for r in table["ranges"]))
        out.append(Script(name, ranges, int(table.get("min_run", 1)), tuple(table.get("languages", ()))))
    return tuple(out)


def _class(script: Script) -> str:
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in script.ranges)


@cache
def _patterns() -> tuple[tuple[Script, re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for script in scripts():
        letters = _class(script)
        # Letters of the script, then (gap of spaces/punctuation, more letters)*; digits and
        # line breaks end a run ("90х190х27" is two look-alike multiplication signs).
        run = re.compile(rf"[{letters}]+(?:[^\w\n]+[{letters}]+)*")
        out.append((script, re.compile(f"[{letters}]"), run))
    return tuple(out)


@cache
def _any_foreign() -> re.Pattern[str]:
    return re.compile("[" + "".join(_class(s) for s in scripts()) + "]")


def has_foreign_letters(text: str, start: int, end: int) -> bool:
    """Fast test: any letter of a listed non-Latin script in ``text[start:end]``?"""
    return _any_foreign().search(text, start, end) is not None


def script_runs(text: str, start: int, end: int) -> list[ScriptRun]:
    """Runs of each non-Latin script in ``text[start:end]``, in text order."""
    runs: list[ScriptRun] = []
    for script, letter, run in _patterns():
        if not letter.search(text, start, end):
            continue
        for m in run.finditer(text, start, end):
            count = sum(1 for ch in m.group() if ch.isalpha() and letter.match(ch))
            runs.append(ScriptRun(script, m.start(), m.end(), count))
    runs.sort(key=lambda r: (r.start, r.end))
    return runs
