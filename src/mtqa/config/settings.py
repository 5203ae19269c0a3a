"""Resolve configuration once into a frozen Settings object that checkers receive.

Layering (sqlfluff's): the packaged, commented ``defaults.toml`` is both the default
values and their documentation; a project file may only set keys that exist there
(typos are errors, not silently ignored); command-line flags override the file.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from mtqa.config.languages import UnknownLanguage, language_code, normalise_lang
from mtqa.errors import ConfigError
from mtqa.model import Severity

CONFIG_FILENAMES = ("mtqa.toml", "pyproject.toml")


def defaults_text() -> str:
    return resources.files("mtqa.config").joinpath("defaults.toml").read_text(encoding="utf-8")


def packaged_defaults() -> dict[str, Any]:
    return tomllib.loads(defaults_text())


def option_ranges() -> dict[str, Any]:
    """``ranges.toml``: the inclusive ``min``/``max`` of numeric options, by table."""
    return tomllib.loads(resources.files("mtqa.config").joinpath("ranges.toml").read_text(encoding="utf-8"))


def find_config_file(start: Path) -> Path | None:
    """First `mtqa.toml`, or `pyproject.toml` with a `[tool.mtqa]` table, upward from ``start``.

    A `pyproject.toml` that cannot be read is an error, not a file to pass over: it may hold
    the project's gate (``fail_on``), and skipping it would let every check pass.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "mtqa.toml" or _tool_table(_read_toml(candidate)[0], candidate) is not None:
                return candidate
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """A TOML file's data and text. A UTF-8 byte order mark (some Windows editors write one)
    is skipped, as Python's own ``utf-8-sig`` reading does; TOML parsers refuse it otherwise."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        return tomllib.loads(text), text
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def read_config_file(path: Path, named: bool = False) -> tuple[dict[str, Any], str]:
    """The mtqa settings of a config file, and its text (to name the line of a bad option).

    A `pyproject.toml` the user ``named`` (``--config``) must hold a `[tool.mtqa]` table:
    found by the upward search, one without it belongs to other tools and is passed over,
    but named, it was meant for mtqa, and running with the defaults instead would quietly
    drop the gate it sets (a typo such as `[tool.mtq]`)."""
    data, text = _read_toml(path)
    if path.name == "pyproject.toml":
        table = _tool_table(data, path)
        if table is None and named:
            others = [str(k) for k in data["tool"]] if isinstance(data.get("tool"), Mapping) else []
            close = difflib.get_close_matches("mtqa", others, n=1)
            hint = f" (is [tool.{close[0]}] a typo for it?)" if close else ""
            raise ConfigError(f"{path}: no [tool.mtqa] table{hint}")
        data = table or {}
    return data, text


def _tool_table(data: Mapping[str, Any], path: Path) -> Mapping[str, Any] | None:
    """`pyproject.toml`'s `[tool.mtqa]` table, or None if it has none."""
    tool = data.get("tool", {})
    table = tool.get("mtqa") if isinstance(tool, Mapping) else None
    if table is not None and not isinstance(table, Mapping):
        raise ConfigError(f"{path}: tool.mtqa must be a table, got {table!r}")
    return table


_HEADER = re.compile(r"^\[\[?\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"""^["']?([\w.-]+?)["']?\s*=""")


def line_of(text: str, dotted: str) -> int:
    """Line of option ``dotted`` (``checkers.consistency.pronoun_window``) in a TOML text:
    the line setting it, or the header of its table (``[checkers.grammer]`` for a misspelt
    table), whichever comes first."""
    from mtqa.readers.lines import split_lines  # (not str.splitlines: U+2028 may sit in a TOML string)

    lines = split_lines(text)
    table = ""
    for number, line in enumerate(lines, 1):
        line = line.strip()
        header = _HEADER.match(line)
        if header:
            table = header.group(1).replace('"', "").removeprefix("tool.mtqa").lstrip(".")
            if _within(table, dotted):
                return number
            continue
        key = _KEY.match(line)
        if key and _within(".".join(filter(None, (table, key.group(1)))), dotted):
            return number
    leaf = dotted.rsplit(".", 1)[-1]
    return next((n for n, line in enumerate(lines, 1) if re.search(rf"\b{re.escape(leaf)}\s*=", line)), 1)


def _within(name: str, dotted: str) -> bool:
    """Whether TOML key or table ``name`` is option ``dotted`` or lies inside it."""
    return name == dotted or name.startswith(dotted + ".")


def _merge(base: dict[str, Any], override: Mapping[str, Any], origin: str, text: str = "", where: str = "") -> None:
    """Merge ``override`` into ``base``, refusing keys and types the defaults do not know.

    The default's type is the option's type: a checker's integer option takes integers
    only; a number elsewhere (weights, limits) takes any number; a float option gets a float.
    """
    for key, value in override.items():
        dotted = f"{where}{key}"
        at = f"{origin}:{line_of(text, dotted)}" if text and (key not in base or not _fits(base[key], value, where)) \
            else origin
        at = f"{at}: " if at else ""
        if key not in base:
            close = difflib.get_close_matches(str(key), [str(k) for k in base], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{at}unknown option {dotted!r}{hint}")
        current = base[key]
        if isinstance(current, dict) and isinstance(value, Mapping):
            _merge(current, value, origin, text, f"{dotted}.")
            continue
        if not _fits(current, value, where):
            want = "a list of strings" if isinstance(current, list) else \
                "a number" if _fits(current, 0.5, where) else _TYPE_NAMES[type(current)]
            raise ConfigError(f"{at}option {dotted!r} must be {want}, got {value!r}")
        base[key] = float(value) if isinstance(current, float) else value


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string", dict: "a table"}


def _fits(default: Any, value: Any, where: str) -> bool:
    strict = where.startswith("checkers.")
    if isinstance(default, dict):
        return isinstance(value, Mapping)
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(default, float) or (isinstance(default, int) and not strict):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Settings:
    """Built only by ``load_settings``: every value comes from defaults.toml or overrides it."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    source_lang: str | None
    fail_on: Severity | None
    max_mqm: float
    format: str
    severity_weights: Mapping[str, float]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    max_bytes: int
    accept_words: tuple[str, ...]
    reject_words: tuple[str, ...]
    checkers: Mapping[str, Mapping[str, Any]]
    server: Mapping[str, Any]  # the `[server]` table for `mtqa serve` (see mtqa.server.config)
    # Where the configuration came from, for provenance and relative paths.
    config_path: str | None
    config_hash: str
    # Run options that come only from the command line.
    source_file: str | None = None
    reference_file: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    doc_ids_file: str | None = None
    split_docs: str | None = None
    stdin_filename: str | None = None  # standard input read as this file (reader, name in reports)
    keep_text: bool = False

    def checker_options(self, name: str) -> Mapping[str, Any]:
        return self.checkers.get(name, MappingProxyType({}))

    @property
    def config_dir(self) -> Path:
        return Path(self.config_path).parent if self.config_path else Path.cwd()

    @property
    def grammar_enabled(self) -> bool:
        return self.checker_options("grammar")["enabled"]

    def __reduce__(self):
        # Read-only mappings do not pickle; worker processes and Dask workers need Settings.
        return (_restore, ({f.name: _thaw(getattr(self, f.name)) for f in fields(self)},))


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    return value


def _restore(values: dict[str, Any]) -> Settings:
    return Settings(**{name: _freeze(value) for name, value in values.items()})


def load_settings(
    config_file: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    search_from: Path | None = None,
    run_options: Mapping[str, Any] | None = None,
    search: bool = True,
) -> Settings:
    """Build Settings from defaults, a config file (given or found) and dotted-key overrides.

    ``overrides`` uses the config file's keys (``{"checkers.grammar.enabled": False}``) and is
    checked as a file is (an unknown key or a value of the wrong type is an error naming the
    key, not a file); ``run_options`` sets Settings fields that exist only per run
    (source_file, baseline…).
    """
    data = packaged_defaults()
    path: Path | None
    text = ""
    if config_file is not None:
        if not str(config_file):  # Path("") is "." and would be reported as ".: config file not found"
            raise ConfigError("config file: empty path; name a file")
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
    else:
        path = find_config_file(search_from or Path.cwd()) if search else None
    if path is not None:
        values, text = read_config_file(path, named=config_file is not None)
        _merge(data, values, str(path), text)
    ranges = option_ranges()
    _check_ranges(data, ranges, str(path) if path else "defaults", text)
    given = _nest(overrides or {}, data)
    _merge(data, given, "")  # the caller's own values: errors name the key alone
    _check_ranges(data, ranges, "", "")
    _check_vocabulary(data["vocabulary"]["reject"], path, text)
    try:
        data["source_lang"] = language_code(data["source_lang"]) or ""
    except UnknownLanguage as exc:
        from_file = path is not None and (overrides or {}).get("source_lang") is None
        where = f"{path}:{line_of(text, 'source_lang')}: option 'source_lang'" if from_file else "source_lang"
        raise ConfigError(f"{where}: {exc}") from None
    return _build(data, path, run_options or {}, given, text)


def _nest(overrides: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Dotted-key overrides as the nested tables a config file holds; None leaves an option
    as it is. A string or tuple given for a list option (``select="MTQA-CORE"``) is that list:
    a string is one entry, not its letters."""
    nested: dict[str, Any] = {}
    for dotted, value in overrides.items():
        if value is None:
            continue
        *parents, leaf = dotted.split(".")
        table, default = nested, defaults
        for part in parents:
            table = table.setdefault(part, {})
            default = default.get(part, {}) if isinstance(default, Mapping) else {}
        if isinstance(default, Mapping) and isinstance(default.get(leaf), list):
            value = [value] if isinstance(value, str) else list(value) if isinstance(value, tuple) else value
        table[leaf] = copy.deepcopy(value)
    return nested


def _check_ranges(data: Mapping[str, Any], ranges: Mapping[str, Any], origin: str, text: str, where: str = "") -> None:
    """Refuse a number outside its option's declared range, or a string not of its declared
    form, naming the file and line."""
    for key, bounds in ranges.items():
        value = data.get(key)
        dotted = f"{where}{key}"
        if not ("min" in bounds or "max" in bounds or "pattern" in bounds):  # a table of options
            if isinstance(value, Mapping):
                _check_ranges(value, bounds, origin, text, f"{dotted}.")
            continue
        if "pattern" in bounds:
            if isinstance(value, str) and not re.fullmatch(bounds["pattern"], value):
                raise ConfigError(f"{_at(origin, text, dotted)}option {dotted!r} must be {bounds['want']}, "
                                  f"got {value!r}")
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        low, high = bounds.get("min"), bounds.get("max")
        if (low is None or value >= low) and (high is None or value <= high):
            continue
        if low is not None and high is not None:
            want = f"between {low} and {high}"
        else:
            want = f"at least {low}" if low is not None else f"at most {high}"
        raise ConfigError(f"{_at(origin, text, dotted)}option {dotted!r} must be {want}, got {value!r}")


def _at(origin: str, text: str, dotted: str) -> str:
    """``file:line: `` of option ``dotted`` when the file names it, else ``file: `` (a default),
    or nothing for an option the caller gave (``origin`` empty)."""
    key = dotted.rsplit(".", 1)[-1]
    at = f"{origin}:{line_of(text, dotted)}" if text and re.search(rf"\b{re.escape(key)}\b", text) else origin
    return f"{at}: " if at else ""


def _check_vocabulary(entries: list[str], path: Path | None, text: str) -> None:
    from mtqa.checkers.vocabulary import entry_problem  # (checkers import settings)

    for entry in entries:
        problem = entry_problem(entry)
        if problem:
            at = f"{path}:{_entry_line(text, 'vocabulary.reject', entry)}: option" if path and text else "option"
            raise ConfigError(f"{at} 'vocabulary.reject': entry {entry!r} {problem}")


def _entry_line(text: str, dotted: str, entry: str) -> int:
    """Line of ``entry`` in the list option ``dotted`` (one may be written a line each)."""
    from mtqa.readers.lines import split_lines

    first = line_of(text, dotted)
    lines = split_lines(text)[first - 1:]
    return first + next((n for n, line in enumerate(lines) if entry in line), 0)


# File options of the checkers, as (checker, option): a relative path written in a config
# file means a file beside it, as `[checkers.rules] paths` does, whatever folder mtqa runs
# in (the file is found by searching upward). The caller's own values stay as given.
FILE_RELATIVE_OPTIONS = (("naturalness", "model"), ("grammar", "cache_path"))


def _file_relative(checkers: dict[str, Any], path: Path | None, given: Mapping[str, Any]) -> dict[str, Any]:
    """``checkers`` with the relative file options the config file set made relative to its
    folder. The configuration hash is taken before, so it does not depend on where the
    project is checked out."""
    if path is None:
        return checkers
    resolved = copy.deepcopy(checkers)
    for checker, option in FILE_RELATIVE_OPTIONS:
        value = resolved.get(checker, {}).get(option)
        if not value or option in given.get(checker, {}) or Path(value).is_absolute():
            continue
        resolved[checker][option] = str(path.parent / value)
    return resolved


def _build(data: dict[str, Any], path: Path | None, run_options: Mapping[str, Any],
           given: Mapping[str, Any], text: str = "") -> Settings:
    def at(key: str) -> str:
        """Where a bad value of ``key`` came from: nothing for one the caller gave (the key
        names it), else the file and the line that sets it (``mtqa.toml:3: option 'fail_on'``,
        as _merge and _check_ranges say), or the defaults."""
        table, leaf = key.rpartition(".")[::2]
        if leaf in (given.get(table, {}) if table else given):
            return key
        if path is None or not re.search(rf"\b{re.escape(leaf)}\b", text):
            return f"{path or 'defaults'}: {key}"
        return f"{path}:{line_of(text, key)}: option {key!r}"

    try:
        fail_on = Severity.parse(data["fail_on"]) if data["fail_on"] else None
    except ValueError as exc:
        raise ConfigError(f"{at('fail_on')}: {exc}") from None
    weights = data["severity_weights"]
    for name, weight in weights.items():
        if name not in ("minor", "major", "critical") or not isinstance(weight, (int, float)) or weight < 0:
            raise ConfigError(f"{at(f'severity_weights.{name}')} must be a non-negative number, got {weight!r}")
    try:
        max_mqm = float(data["max_mqm"])
    except (TypeError, ValueError):
        raise ConfigError(f"{at('max_mqm')} must be a number") from None
    if max_mqm < 0:
        raise ConfigError(f"{at('max_mqm')} must be 0 (no limit) or more, got {data['max_mqm']!r}")
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return Settings(
        select=tuple(data["select"]),
        ignore=tuple(data["ignore"]),
        source_lang=data["source_lang"] or None,  # already a code (load_settings), or ""
        fail_on=fail_on,
        max_mqm=max_mqm,
        format=data["format"],
        severity_weights=_freeze(weights),
        include=tuple(data["inputs"]["include"]),
        exclude=tuple(data["inputs"]["exclude"]),
        max_bytes=int(data["inputs"]["max_bytes"]),
        accept_words=tuple(data["vocabulary"]["accept"]),
        reject_words=tuple(data["vocabulary"]["reject"]),
        checkers=_freeze(_file_relative(data["checkers"], path, given.get("checkers", {}))),
        server=_freeze(data["server"]),
        config_path=str(path) if path else None,
        config_hash=hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16],
        **dict(run_options),
    )
