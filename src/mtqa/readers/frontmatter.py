"""Markdown front matter: YAML between ``---`` lines, TOML between ``+++`` lines (Hugo's default).

Both are read only for what mtqa needs from them (``source_lang``), and read with bounds,
as the XML readers are: a YAML alias (``*a``) may stand for a structure that multiplies at
each level (390 bytes of ``&a [*b, *b, ...]`` are 9**9 strings once walked), so an alias is
refused; so is nesting deeper than ``MAX_DEPTH``, since both parsers recurse. Article
metadata needs neither. What cannot be read is an InputError naming the file and the line,
never an empty mapping: ``source_lang`` would be lost without a word.
"""

from __future__ import annotations

import re

from mtqa.errors import InputError

MAX_DEPTH = 32
_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def parse(block: str, path: str) -> dict:
    """The mapping in ``block``, the whole front matter including its two fence lines."""
    inner = block.split("\n", 1)[1].rstrip("\n")  # the lines after the opening fence, closing one last
    body = inner.rsplit("\n", 1)[0] if "\n" in inner else ""
    data = _toml(body, path) if block.startswith("+++") else _yaml(body, path)
    return data if isinstance(data, dict) else {}


def key_line(block: str, key: str) -> int:
    """The file line of ``key:`` (YAML) or ``key =`` (TOML) in the front matter; 1 if not found."""
    for number, row in enumerate(block.split("\n"), 1):
        if re.split(r"[:=]", row, maxsplit=1)[0].strip().strip("\"'") == key:
            return number
    return 1


def _toml(body: str, path: str) -> dict:
    import tomllib

    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        line = f" (line {int(where.group(1)) + 1})" if where and where.group(1) else ""
        problem = _TOML_WHERE.sub("", str(exc))
        raise InputError(path, f"front matter is not valid TOML{line}: {problem}") from None
    except RecursionError:
        data = None
    if data is None or _too_deep(data):
        raise InputError(path, f"front matter nests more than {MAX_DEPTH} levels deep")
    return data


def _too_deep(data) -> bool:
    """Whether TOML's tables and arrays nest deeper than YAML may (tomllib has no bound)."""
    level = [data]
    for _ in range(MAX_DEPTH):
        level = [v for c in level for v in (c.values() if isinstance(c, dict) else c)
                 if isinstance(v, (dict, list))]
        if not level:
            return False
    return True


class _Refused(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


def _yaml(body: str, path: str):
    import yaml

    class BoundedLoader(yaml.SafeLoader):
        """safe_load's loader, refusing aliases and deep nesting as it composes nodes."""

        depth = 0

        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(event.start_mark.line, f"YAML aliases (*{event.anchor}) are not accepted")
            if self.depth >= MAX_DEPTH:
                raise _Refused(event.start_mark.line, f"nests more than {MAX_DEPTH} levels deep")
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    try:
        return yaml.load(body, Loader=BoundedLoader)  # noqa: S506 - a SafeLoader
    except _Refused as exc:
        raise InputError(path, f"front matter line {exc.line + 2}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "unreadable"
        raise InputError(path, f"front matter is not valid YAML{where}: {problem}") from None
