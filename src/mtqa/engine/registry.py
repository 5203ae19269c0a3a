"""The one registry of every code mtqa can emit, and of every checker's options.

Codes come from three kinds of data in one schema (engine.schema): the rule packs
(`rules/`), one code file per Python checker (`checkers/codes/<checker>.yml`), and
LanguageTool's matches, declared as the family `LT-*` whose category and severity
`languagetool/mapping.toml` fills in per rule. Checkers name a code and a span; the
registry supplies everything else, so `mtqa rules list|show|docs`, SARIF rule
descriptors and the example tests all read the same entries. A checker's options, their
defaults and types are its table in `config/defaults.toml`; nothing else repeats them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mtqa.engine.loader import RuleSet, load_rule_set
from mtqa.engine.schema import Rule, parse_codes_file
from mtqa.engine.yaml_lines import PackError

LT_PREFIX = "LT-"
LT_FAMILY = "LT-*"


@cache
def checker_codes() -> dict[str, Rule]:
    """Codes of the Python checkers, by code, in file order; a code declared twice is an error."""
    codes: dict[str, Rule] = {}
    for path in sorted(Path(str(resources.files("mtqa.checkers") / "codes")).glob("*.yml")):
        for rule in parse_codes_file(path):
            if rule.id in codes:
                raise PackError(f"{rule.where}: duplicate rule code {rule.id!r} (first at {codes[rule.id].where})")
            codes[rule.id] = rule
    return codes


def codes_for(checker: str) -> dict[str, Rule]:
    """The codes one checker may emit (what its ``finding`` calls look up)."""
    return {code: rule for code, rule in checker_codes().items() if rule.checker == checker}


def checker_options(checker: str) -> dict[str, tuple[Any, str]]:
    """A checker's options: name -> (default, the comment above it in defaults.toml).

    The default's type is the option's type (config.settings validates against it).
    """
    from mtqa.config.settings import defaults_text, packaged_defaults

    values = packaged_defaults().get("checkers", {}).get(checker, {})
    helps: dict[str, str] = {}
    comment: list[str] = []
    table = ""
    for line in defaults_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            table, comment = line.strip("[]").strip(), []
        elif line.startswith("#"):
            comment.append(line.lstrip("#").strip())
        elif "=" in line and table == f"checkers.{checker}":
            helps[line.split("=", 1)[0].strip()] = " ".join(comment)
            comment = []
        elif not line:
            comment = []
    return {key: (value, helps.get(key, "")) for key, value in values.items()}


@dataclass
class Registry:
    """Every code: pack rules (and the project's own packs) followed by the checkers' codes."""

    rule_set: RuleSet
    rules: list[Rule]

    def __post_init__(self) -> None:
        self.by_code = {r.id: r for r in self.rules}
        self.by_name = {r.name: r for r in self.rules}

    def resolve(self, key: str) -> Rule | None:
        """A rule by code (following redirects, `LT-ANY_RULE` to the LanguageTool family) or name."""
        code = key.strip().upper()
        code = self.rule_set.redirects.get(code, code)
        found = self.by_code.get(code) or self.by_name.get(key.strip().lower())
        if found is None and code.startswith(LT_PREFIX):
            found = self.by_code.get(LT_FAMILY)
        return found

    def checkers(self) -> list[str]:
        return list(dict.fromkeys(r.checker for r in self.rules))


def load_registry(extra_paths: tuple[str | Path, ...] = ()) -> Registry:
    rule_set = load_rule_set(extra_paths)
    return Registry(rule_set, [*rule_set.rules, *checker_codes().values()])
