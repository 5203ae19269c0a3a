"""Find rule packs (shipped and the project's own), load them and check them as a whole.

Shipped packs live at ``mtqa/rules`` inside an installed wheel (pyproject force-includes
the top-level ``rules/`` folder there) and at the repository's ``rules/`` in an editable
install; the wheel location is tried first. A pack name may span several files; codes
and names must be unique across everything loaded, and retired codes redirect.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from mtqa.engine.schema import CODE_RE, Pack, Rule, parse_pack_file
from mtqa.engine.yaml_lines import LineDict, PackError, load_yaml

REDIRECTS_FILE = "redirects.yml"
SUFFIXES = (".yml", ".yaml")


def builtin_rules_dir() -> Path:
    """Folder of the shipped packs: inside the installed package, else the checkout's `rules/`."""
    try:
        packaged = resources.files("mtqa") / "rules"
        if packaged.is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[3] / "rules"


def pack_files(path: Path) -> list[Path]:
    """Pack files under ``path`` (a file or a folder searched recursively), in a stable order."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise PackError(f"{path}: rule pack path does not exist")
    return sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.name != REDIRECTS_FILE and p.is_file())


@dataclass
class RuleSet:
    packs: dict[str, Pack]
    rules: list[Rule]
    redirects: dict[str, str]


def _add_pack(packs: dict[str, Pack], pack: Pack) -> None:
    info = packs.get(pack.name)
    if info is None:
        info = packs[pack.name] = Pack(pack.name, pack.title, pack.description, pack.source_langs,
                                       pack.default_enabled)
    elif info.source_langs != pack.source_langs or info.default_enabled != pack.default_enabled:
        raise PackError(
            f"{pack.files[0]}:1: pack {pack.name!r} is also declared in {info.files[0]} with different "
            "'source_langs' or 'default'"
        )
    info.files.extend(pack.files)
    info.rules.extend(pack.rules)


def load_redirects(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        raise PackError(f"{path}:1: redirects must map a retired code to its replacement")
    for old, new in data.items():
        if not (isinstance(old, str) and isinstance(new, str) and CODE_RE.match(old) and CODE_RE.match(new)):
            raise PackError(f"{path}:{data.line_of(old)}: redirect {old!r} -> {new!r} must map a code to a code")
    return dict(data)


def load_rule_set(extra_paths: tuple[str | Path, ...] = (), builtin: bool = True) -> RuleSet:
    """Load the shipped packs (unless ``builtin`` is false) plus ``extra_paths``, validated together."""
    packs: dict[str, Pack] = {}
    redirects: dict[str, str] = {}
    sources = [Path(p) for p in extra_paths]
    if builtin:
        root = builtin_rules_dir()
        sources.insert(0, root)
        redirects.update(load_redirects(root / REDIRECTS_FILE))
    loaded: set[Path] = set()
    for folder in sources:
        for file in pack_files(folder):
            # Each file once, however it is named: `mtqa rules test PACK` on a pack the
            # configuration loads too, a folder and a file inside it, relative and absolute.
            if file.resolve() not in loaded:
                loaded.add(file.resolve())
                _add_pack(packs, _parse_cached(str(file), file.stat().st_mtime_ns))
    rules: list[Rule] = []
    seen_codes: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    for info in packs.values():
        for rule in info.rules:
            for seen, key, what in ((seen_codes, rule.id, "code"), (seen_names, rule.name, "name")):
                if key in seen:
                    raise PackError(f"{rule.where}: duplicate rule {what} {key!r} (first at {seen[key].where})")
                seen[key] = rule
            if rule.id in redirects:
                raise PackError(f"{rule.where}: {rule.id} is retired (redirects to {redirects[rule.id]}); never reuse a code")
            rules.append(rule)
    for old, new in redirects.items():
        if new not in seen_codes:
            raise PackError(f"{REDIRECTS_FILE}: {old} redirects to unknown code {new}")
    return RuleSet(packs=packs, rules=rules, redirects=redirects)


@lru_cache(maxsize=256)
def _parse_cached(path: str, mtime_ns: int) -> Pack:
    """A pack file parsed and validated, from mtqa's cache when this file's bytes were
    parsed before by this parser (reading the YAML took a tenth of every start-up)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return parse_pack_file(path)  # its error names the file
    digest = hashlib.sha256(_parser_digest() + path.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()[:32]
    from mtqa.languagetool.install import cache_root

    cached = cache_root() / "rule-packs" / f"{digest}.pickle"
    try:
        pack = pickle.loads(cached.read_bytes())
        if isinstance(pack, Pack):
            return pack
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, ImportError):
        pass
    pack = parse_pack_file(path)
    try:
        from mtqa.atomic import atomic_write

        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(str(cached), pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        pass  # an unwritable cache costs speed, never a result
    return pack


@lru_cache(maxsize=1)
def _parser_digest() -> bytes:
    """The parser's own source: a changed parser never reads packs parsed by an older one."""
    here = Path(__file__).resolve().parent
    return b"".join(hashlib.sha256((here / name).read_bytes()).digest() for name in ("schema.py", "yaml_lines.py"))
