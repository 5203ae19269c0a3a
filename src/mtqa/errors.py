"""Errors that end in one line for the user, never a traceback."""

from __future__ import annotations


class MtqaError(Exception):
    """A user-facing error: usage, configuration, or an unusable environment (exit code 2)."""


class InputError(MtqaError):
    """One input cannot be read; the others are still checked."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(MtqaError):
    """A configuration file or option is invalid."""
