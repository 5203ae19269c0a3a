"""Talks to a LanguageTool server through language-tool-python's ``remote_server`` mode.

language-tool-python validates the language against the server's `/v2/languages` and
builds the request (language, disabled rules, level). Its Match objects, though, drop the
category name and convert offsets with a per-match scan that leaves ``length`` in UTF-16
units, so mtqa takes the raw JSON matches from the same request path and converts offsets
itself (mtqa.offsets.Utf16Index) in the checker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import requests

from mtqa.languagetool.install import LanguageToolMissing


class ServerGone(Exception):
    """The server stopped answering (connection refused or reset): restart and retry."""


@dataclass(frozen=True, slots=True)
class RawMatch:
    """One LanguageTool match, offsets still in UTF-16 units of the text sent."""

    rule_id: str
    category_id: str
    issue_type: str
    offset: int
    length: int
    message: str
    replacements: tuple[str, ...]

    def to_json(self) -> list:
        return [self.rule_id, self.category_id, self.issue_type, self.offset, self.length,
                self.message, list(self.replacements)]

    @classmethod
    def from_json(cls, data: list) -> RawMatch:
        rule_id, category_id, issue_type, offset, length, message, replacements = data
        return cls(rule_id, category_id, issue_type, offset, length, message, tuple(replacements))


class LanguageToolClient:
    """A configured connection to one server URL."""

    def __init__(self, url: str, language: str, disabled_rules: Iterable[str] = (),
                 disabled_categories: Iterable[str] = (), picky: bool = False,
                 max_suggestions: int = 5, timeout: float = 300.0, enabled_rules: Iterable[str] = ()) -> None:
        import language_tool_python

        self.url = base_url(url)
        self.max_suggestions = max_suggestions
        self.timeout = timeout
        try:
            self._tool = language_tool_python.LanguageTool(language, remote_server=self.url)
        except Exception as exc:  # ValueError for a bad language, LanguageToolError when unreachable
            raise LanguageToolMissing(f"LanguageTool at {self.url} cannot be used: {_reason(exc)}") from None
        self._tool.disabled_rules = set(disabled_rules)
        self._tool.disabled_categories = set(disabled_categories)
        self._tool.picky = picky
        self._tool.enabled_rules = set(enabled_rules)  # off-by-default rules asked for
        self._session = requests.Session()
        self._version: str | None = None

    def check(self, text: str, mother_tongue: str | None = None) -> list[RawMatch]:
        """Matches for ``text``; raises ServerGone when the server is unreachable.

        ``mother_tongue`` (the source language) turns on LanguageTool's false-friend rules."""
        params = self._tool._create_params(text)
        if mother_tongue:
            params["motherTongue"] = mother_tongue
        try:
            response = self._session.post(f"{self.url}/v2/check", data=params, timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            # Refused, reset, cut off mid-answer: the JVM died (or is dying) under us.
            raise ServerGone(_reason(exc)) from None
        try:
            data = response.json() if response.status_code == 200 else None
        except ValueError:  # half an answer from a dying JVM, or not a LanguageTool server
            raise ServerGone(f"the answer is not LanguageTool's JSON: {_first_line(response.text)}") from None
        if response.status_code != 200:
            raise LanguageToolMissing(
                f"LanguageTool at {self.url} refused a check (HTTP {response.status_code}): "
                f"{_first_line(response.text)}"
            )
        self._version = data.get("software", {}).get("version", self._version)
        return [self._raw(m) for m in data.get("matches", ())]

    def version(self) -> str | None:
        """The version the server's last answer named; None before the first check."""
        return self._version

    def _raw(self, match: dict) -> RawMatch:
        rule = match.get("rule", {})
        return RawMatch(
            rule_id=rule.get("id", "UNKNOWN"),
            category_id=rule.get("category", {}).get("id", ""),
            issue_type=rule.get("issueType", ""),
            offset=int(match["offset"]),
            length=int(match["length"]),
            message=match.get("message", ""),
            replacements=tuple(r["value"] for r in match.get("replacements", ())[: self.max_suggestions]),
        )

    def close(self) -> None:
        self._session.close()
        try:
            self._tool.close()
        except Exception:
            pass


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def base_url(url: str) -> str:
    """The server's root: a URL given as its API's (`…/v2`, as LanguageTool's browser
    extension takes it) would otherwise pass language-tool-python's start-up check and then
    send every request to `…/v2/v2/check`. `localhost:8081` is taken as `http://…`, as
    language-tool-python's start-up check takes it (requests would refuse every check);
    another scheme than http(s) is refused here, before it is mangled into a host name."""
    url = url.strip().rstrip("/")
    scheme = _SCHEME.match(url)
    if scheme is None:
        url = f"http://{url}"
    elif scheme.group(1).lower() not in ("http", "https"):
        raise LanguageToolMissing(f"LanguageTool at {url} cannot be used: the URL must start with http:// or https://")
    return url[:-len("/v2")].rstrip("/") if url.lower().endswith("/v2") else url


def _reason(exc: BaseException) -> str:
    """The innermost cause ("Connection refused", "Name or service not known"): requests
    and urllib3 wrap it in pool and retry text that would fill a one-line error first."""
    seen = {id(exc)}
    while True:
        inner = exc.__cause__ or getattr(exc, "reason", None) or next(
            (arg for arg in exc.args if isinstance(arg, BaseException)), None)
        if not isinstance(inner, BaseException) or id(inner) in seen:
            break
        seen.add(id(inner))
        exc = inner
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return _first_line(exc)


def _first_line(value: object, limit: int = 200) -> str:
    """The first line, cut at a word boundary (with "…") when longer than ``limit``."""
    text = str(value).strip()
    if not text:
        return type(value).__name__
    line = text.splitlines()[0]
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"
