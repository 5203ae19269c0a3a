"""What `mtqa serve` may do, resolved once: bind address, token, limits, CORS, hosts.

The defaults are the safe ones (LanguageTool's and Jupyter's lessons): listen on loopback
only, refuse to listen anywhere else without a token, cap every request's size and time,
bound the work in flight, send no CORS headers and answer only to local Host names.
Each value comes from the `[server]` table of the configuration (documented in
defaults.toml) and can be overridden on the command line.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from mtqa.errors import MtqaError

TOKEN_ENV = "MTQA_TOKEN"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


@dataclass(frozen=True)
class ServerConfig:
    host: str
    port: int
    token: str
    allowed_hosts: tuple[str, ...]
    allow_origins: tuple[str, ...]
    max_body_bytes: int
    max_text_chars: int
    request_timeout: float
    read_timeout: float
    concurrency: int
    queue: int
    rate_limit: int

    @classmethod
    def from_settings(cls, table: Mapping[str, Any], **overrides: Any) -> ServerConfig:
        """Build from the `[server]` table (defaults.toml's for keys it lacks), then apply
        non-None command-line overrides."""
        from mtqa.config.settings import packaged_defaults

        values = {**packaged_defaults()["server"], **table}
        config = cls(**{k: tuple(v) if isinstance(v, (list, tuple)) else v for k, v in values.items()})
        if not config.token and os.environ.get(TOKEN_ENV):
            config = replace(config, token=os.environ[TOKEN_ENV])
        changes = {k: v for k, v in overrides.items() if v is not None and v != ()}
        config = replace(config, **changes)
        config.validate()
        return config

    @property
    def is_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host.strip("[]")).is_loopback
        except ValueError:
            return False

    def validate(self) -> None:
        """Refuse unsafe or meaningless combinations before anything listens."""
        if not self.is_loopback and not self.token:
            raise MtqaError(
                f"refusing to listen on {self.host or '*'} without a token: set --token or "
                f"{TOKEN_ENV} (anyone who can reach the port could use the server otherwise)"
            )
        if self.token and self.token != self.token.strip():
            # Blank ("  "), or spaces a client's header would lose: no client could send it right.
            raise MtqaError("the token starts or ends with whitespace (or is only whitespace); set a secret "
                            f"without it with --token or {TOKEN_ENV}")
        if "*" in self.allow_origins and self.token:
            raise MtqaError("--allow-origin '*' cannot be combined with a token; list the origins instead")
        for name, value, low in (("port", self.port, 0), ("max_body_bytes", self.max_body_bytes, 1024),
                                 ("max_text_chars", self.max_text_chars, 1), ("concurrency", self.concurrency, 1),
                                 ("queue", self.queue, 0), ("rate_limit", self.rate_limit, 0)):
            if not isinstance(value, int) or value < low or (name == "port" and value > 65535):
                bound = "from 0 to 65535" if name == "port" else f">= {low}"
                raise MtqaError(f"server option {name} must be an integer {bound}, got {value!r}")
        for name in ("request_timeout", "read_timeout"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and value > 0):
                raise MtqaError(f"server option {name} must be positive, got {value!r}")

    def host_names(self) -> frozenset[str]:
        """Host-header names the server answers to (DNS-rebinding defence)."""
        names = set(LOOPBACK_NAMES)
        names.update(h.lower() for h in self.allowed_hosts)
        if self.host not in WILDCARD_HOSTS:
            names.add(self.host.lower().strip("[]"))
        return frozenset(names)
