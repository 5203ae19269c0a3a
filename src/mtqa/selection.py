"""Which findings an entry names: --select / --ignore and suppression comments alike.

An entry is a code prefix, a pack, a checker or an MQM category (or its root). As in
flake8, the most specific matching entry wins: a finding is reported when its best
`select` match (everything matches an empty `select`) is more specific than its best
`ignore` match. Code prefixes beat packs and checkers, which beat categories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mtqa.categories import CATEGORIES
from mtqa.checkers import REGISTRY
from mtqa.config.settings import Settings
from mtqa.errors import ConfigError
from mtqa.model import Finding

_CATEGORY_ROOTS = frozenset(c.split("/")[0] for c in CATEGORIES)
_KNOWN_CHECKERS = frozenset(REGISTRY)


@dataclass(frozen=True)
class Selector:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: Mapping[str, str] = field(default_factory=dict)  # rule code -> pack

    @classmethod
    def build(cls, select: Iterable[str], ignore: Iterable[str], packs: Mapping[str, str] | None = None) -> Selector:
        clean = lambda entries: tuple(e.strip() for e in entries if e.strip())  # noqa: E731
        return cls(clean(select), clean(ignore), dict(packs or {}))

    def allows(self, finding: Finding) -> bool:
        chosen = self._specificity(finding, self.select) if self.select else 0
        if chosen < 0:
            return False
        return chosen > self._specificity(finding, self.ignore)

    def checker_wanted(self, checker: str, categories: Iterable[str]) -> bool:
        """False when nothing the checker can emit would be reported, so it need not run."""
        if checker in self.ignore or any(_covers_code_space(entry, checker) for entry in self.ignore):
            # Only a code prefix is more specific than a checker (--select MTQA-HE-012 --ignore rules),
            # and only one of this checker's codes can be reported.
            return any(_is_code(entry) and _meets_code_space(entry, checker) for entry in self.select)
        if not self.select:
            return True
        cats = tuple(categories)
        for entry in self.select:
            if entry in _CATEGORY_ROOTS or "/" in entry:
                if any(c == entry or c.split("/")[0] == entry for c in cats):
                    return True
            elif _is_code(entry):
                if _meets_code_space(entry, checker):
                    return True  # a code prefix of its kind: only the findings can tell
            elif entry == checker or entry not in _KNOWN_CHECKERS:
                return True  # a pack: only the findings can tell
        return False

    def _specificity(self, finding: Finding, entries: tuple[str, ...]) -> int:
        return max((specificity(finding, entry, self.packs.get(finding.rule)) for entry in entries), default=-1)


def _is_code(entry: str) -> bool:
    return entry.upper().startswith(("MTQA", "LT"))


def _code_space(checker: str) -> str:
    """The prefix of every code ``checker`` emits: LanguageTool's rules are LT-<RULE_ID>,
    mtqa's own MTQA-<PACK or CHECKER>-<number>."""
    return "LT-" if checker == "grammar" else "MTQA-"


def _meets_code_space(entry: str, checker: str) -> bool:
    """Whether the code prefix ``entry`` can name a code of ``checker`` (`--select MTQA-CORE`
    names none of LanguageTool's, so the grammar checker need not start a JVM for it)."""
    space, prefix = _code_space(checker), entry.upper()
    return space.startswith(prefix) or prefix.startswith(space)


def _covers_code_space(entry: str, checker: str) -> bool:
    """Whether the code prefix ``entry`` names every code of ``checker`` (`--ignore LT-`)."""
    return _is_code(entry) and _code_space(checker).startswith(entry.upper())


def specificity(finding: Finding, entry: str, pack: str | None = None) -> int:
    """How specifically ``entry`` names ``finding``: -1 not at all, code prefixes highest."""
    return rule_specificity(finding.rule, finding.checker, finding.category, entry, pack)


def rule_specificity(code: str, checker: str, category: str, entry: str, pack: str | None = None) -> int:
    """How specifically ``entry`` names the rule ``code`` (of ``checker``, in ``category``)."""
    if _is_code(entry) and code.upper().startswith(entry.upper()):
        return 100 + len(entry)
    if entry.lower() in (checker, pack):
        return 50
    if entry.lower() in (category, category.split("/")[0]):
        return 20 + len(entry)
    return -1


def check_entries(settings: Settings, codes: Iterable[str], packs: Iterable[str]) -> None:
    """Refuse `select`/`ignore` entries that name nothing `mtqa rules list` knows.

    ``codes`` and ``packs`` are those of the checkers that run; an entry they lack is looked
    up in the whole registry (every pack, the project's own included, and every checker's
    codes), since a code of a checker or pack that this run skips is no typo.
    """
    codes, packs = list(codes), list(packs)
    for option in ("select", "ignore"):
        typos = unknown_anywhere(getattr(settings, option), settings, codes, packs)
        if typos:
            raise ConfigError(f"{option}: unknown rule code, pack, checker or category: {', '.join(map(repr, typos))}")


def unknown_anywhere(entries: Iterable[str], settings: Settings, codes: Iterable[str],
                     packs: Iterable[str] | None) -> list[str]:
    """``unknown_entries`` against the run's codes, then the whole registry (packs None: none valid)."""
    typos = unknown_entries(entries, codes, packs or ())
    if typos:
        registry = _registry(settings)
        typos = unknown_entries(typos, registry.by_code, () if packs is None else registry.rule_set.packs)
    return typos


def switched_off(settings: Settings, grammar_off_by: str) -> dict[str, str]:
    """Why each `select` entry can report nothing in this run, when none of them can.

    A gate over a run that checks nothing never fails (``--select grammar --no-grammar
    --fail-on minor`` scores 100), so such a run is refused. Empty when `select` is empty
    or any entry names something that runs.
    """
    reasons: dict[str, str] = {}
    registry = None
    for entry in settings.select:
        if entry.lower() == "grammar" or entry.upper().startswith("LT"):
            reason = None if settings.grammar_enabled else f"the grammar checker is off ({grammar_off_by})"
        else:
            registry = registry or _registry(settings)
            reason = _packs_off(entry, settings, registry)
        if reason is None:
            return {}
        reasons[entry] = reason
    return reasons


def _packs_off(entry: str, settings: Settings, registry) -> str | None:
    """Why the packs an entry names (a pack, or a code prefix of pack rules only) are all off."""
    options = settings.checker_options("rules")
    enable, disable = set(options["enable"]), set(options["disable"])
    if entry.lower() in registry.rule_set.packs:
        names = {entry.lower()}
    elif _is_code(entry):
        rules = [r for r in registry.rules if r.id.upper().startswith(entry.upper())]
        names = {r.pack for r in rules}
        if not rules or not all(names):  # a checker's code (no pack)
            return None
    else:
        return None
    packs = registry.rule_set.packs
    if any((packs[n].default_enabled or n in enable) and n not in disable for n in names):  # as the rules checker
        return None
    how = {n: "[checkers.rules] disable" if n in disable else "add it to [checkers.rules] enable" for n in names}
    return ", ".join(f"the {n} pack is off ({how[n]})" for n in sorted(names))


def _registry(settings: Settings):
    """Every code of every pack (the project's own included) and checker, loaded once a run."""
    return _load_registry(tuple(settings.config_dir / Path(p) for p in settings.checker_options("rules")["paths"]))


@lru_cache(maxsize=4)
def _load_registry(paths: tuple[Path, ...]):
    from mtqa.engine.registry import load_registry

    return load_registry(paths)


def unknown_entries(entries: Iterable[str], codes: Iterable[str], packs: Iterable[str]) -> list[str]:
    """Entries that name no rule code prefix, pack, checker or category (likely typos).

    LanguageTool codes (`LT-…`) are accepted as they are: the server's rule list is open.
    """
    codes = [c.upper() for c in codes]
    names = {p.lower() for p in packs} | _KNOWN_CHECKERS | _CATEGORY_ROOTS | set(CATEGORIES)
    unknown = []
    for entry in entries:
        upper = entry.upper()
        if upper.startswith("LT") or entry.lower() in names or any(code.startswith(upper) for code in codes):
            continue
        unknown.append(entry)
    return unknown
