"""Load YAML while keeping the line of every mapping key and list item, for `file:line` errors.

PyYAML's safe loader forgets positions once it builds Python objects; rule authors need
to be told *where* a pack is wrong, so mappings and lists are built as subclasses that
remember the 1-based line of each key and item. Duplicate keys are an error here (PyYAML
silently keeps the last one, which would hide a rule field).
"""

from __future__ import annotations

from typing import Any

import yaml

from mtqa.errors import MtqaError


class PackError(MtqaError):
    """A rule pack cannot be loaded; the message starts with `file:line:`."""


class LineDict(dict):
    """A mapping that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows the line it starts on and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


# libyaml's parser (when PyYAML has it) is several times faster; construction stays ours.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    def __init__(self, stream: str, filename: str) -> None:
        super().__init__(stream)
        self.filename = filename


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    yield result
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise PackError(f"{loader.filename}:{line}: a mapping key must be a plain value") from None
        if key in result:
            raise PackError(f"{loader.filename}:{line}: duplicate key {key!r}")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode):
    result = LineList()
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield result
    result.extend(loader.construct_object(child, deep=True) for child in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_yaml(text: str, filename: str) -> Any:
    """Parse one YAML document; syntax errors become `PackError("file:line: …")`."""
    loader = _LineLoader(text, filename)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise PackError(f"{filename}:{line}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{filename}:1: invalid YAML: {exc}") from None
    finally:
        loader.dispose()
