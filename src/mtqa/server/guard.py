"""The ASGI layer every request passes before any endpoint: who may ask, and how much.

Order matters and is cheap-first: Host header (DNS rebinding), Origin/CORS, token, rate
limit, then the body is read under a byte cap *before* the app sees it, so an oversized
upload is refused from its Content-Length without being read, and a chunked one is cut
off at the cap. Refusals use LanguageTool's status codes (403, 401, 413, 429) so editor
plug-ins that speak to LanguageTool react as they already do.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from mtqa.server.config import ServerConfig

log = logging.getLogger("mtqa.server")
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]

# Paths that need no token: liveness probes, the language list LanguageTool clients fetch
# before anything else, and the review page itself (it holds no data and asks for the token).
PUBLIC_PATHS = frozenset({"/healthz", "/v2/healthcheck", "/v2/languages", "/"})
# Largest header block accepted. uvicorn/h11 bound only a header block still arriving;
# this also bounds one that arrived whole.
MAX_HEADER_BYTES = 16 * 1024


async def send_error(send: Send, path: str, status: int, message: str,
                     headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """LanguageTool answers errors in plain text (its clients show the body); /api in JSON."""
    if path.startswith("/v2/"):
        body = f"Error: {message}".encode()
        content_type = b"text/plain; charset=utf-8"
    else:
        body = json.dumps({"error": {"status": status, "message": message}}).encode()
        content_type = b"application/json"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


# RFC 9110 Host: a name or IPv4 address, or an IPv6 address in brackets, then an optional
# port. Anything else ("127.0.0.1:1@evil.example") is refused, not guessed at.
_HOST = re.compile(r"(?:\[(?P<ip6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9._-]+))(?::[0-9]{1,5})?")


def host_name(host_header: str) -> str:
    """`example.org:8081` -> `example.org`; `[::1]:8081` -> `::1`; "" when malformed."""
    match = _HOST.fullmatch(host_header.strip().lower())
    if match is None:
        return ""
    return match.group("ip6") or match.group("name")


def supplied_token(headers: dict[str, str]) -> str | None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return headers.get("x-mtqa-token")


def token_matches(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


class RateLimiter:
    """At most ``per_minute`` requests per client address in any 60-second window."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}

    def allow(self, client: str) -> bool:
        if self.per_minute <= 0:
            return True
        now = time.monotonic()
        times = self._seen.setdefault(client, deque())
        while times and now - times[0] > 60:
            times.popleft()
        if len(times) >= self.per_minute:
            return False
        times.append(now)
        if len(self._seen) > 10_000:  # forget idle clients so the table stays small
            for key in [k for k, v in self._seen.items() if not v or now - v[-1] > 60]:
                del self._seen[key]
        return True


class Guard:
    """Pure ASGI middleware applying the ServerConfig's access and size rules."""

    def __init__(self, app, config: ServerConfig) -> None:
        self.app = app
        self.config = config
        self.hosts = config.host_names()
        self.origins = frozenset(o.rstrip("/") for o in config.allow_origins)
        self.limiter = RateLimiter(config.rate_limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "/")
        raw_headers = scope.get("headers", [])
        if sum(len(k) + len(v) + 4 for k, v in raw_headers) > MAX_HEADER_BYTES:
            await send_error(send, path, 431, f"request headers larger than {MAX_HEADER_BYTES} bytes")
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw_headers}

        if "*" not in self.hosts and host_name(headers.get("host", "")) not in self.hosts:
            log.warning("refused Host %r (allow it with --allowed-host)", headers.get("host", "")[:200])
            await send_error(send, path, 403, "Host header not allowed (DNS-rebinding protection); "
                                              "add the name with --allowed-host")
            return

        origin = headers.get("origin")
        cors_headers: list[tuple[bytes, bytes]] = []
        if origin is not None and not self._same_origin(origin, headers):
            if "*" not in self.origins and origin.rstrip("/") not in self.origins:
                log.warning("refused Origin %r (allow it with --allow-origin)", origin[:200])
                await send_error(send, path, 403, f"origin {origin} not allowed; add it with --allow-origin")
                return
            cors_headers = [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
            if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
                await self._preflight(send, cors_headers, headers)
                return

        if self.config.token and path not in PUBLIC_PATHS:
            given = supplied_token(headers)
            # /v2/check may also carry it as LanguageTool's `apiKey` form field; the endpoint checks that.
            if not token_matches(self.config.token, given) and not (path == "/v2/check" and given is None):
                await send_error(send, path, 401, "missing or wrong token", cors_headers)
                return
            scope.setdefault("state", {})["token_ok"] = token_matches(self.config.token, given)

        client = (scope.get("client") or ("?", 0))[0]
        # Every request that may run a check counts, whatever its method (LanguageTool's
        # clients send /v2/check as GET too); only preflights are free.
        if path not in PUBLIC_PATHS and scope["method"] != "OPTIONS" and not self.limiter.allow(client):
            await send_error(send, path, 429, f"more than {self.config.rate_limit} requests per minute",
                             [(b"retry-after", b"60"), *cors_headers])
            return

        body = await self._read_body(scope, receive, send, path, headers, cors_headers)
        if body is None:
            return
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def send_with_cors(message: dict) -> None:
            if message["type"] == "http.response.start" and cors_headers:
                message = {**message, "headers": [*message.get("headers", []), *cors_headers]}
            await send(message)

        await self.app(scope, replay, send_with_cors)

    async def _read_body(self, scope, receive, send, path, headers, cors_headers) -> bytes | None:
        """The whole body, or None after answering 413 (never reads past the cap)."""
        limit = self.config.max_body_bytes
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await send_error(send, path, 400, "invalid Content-Length", cors_headers)
                return None
            if int(declared) > limit:
                await send_error(send, path, 413, f"request body larger than {limit} bytes", cors_headers)
                return None
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await send_error(send, path, 413, f"request body larger than {limit} bytes", cors_headers)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    def _same_origin(origin: str, headers: dict[str, str]) -> bool:
        """The review page's own requests: Origin names the same host:port as Host."""
        _, _, rest = origin.partition("://")
        return bool(rest) and rest.rstrip("/").lower() == headers.get("host", "").lower()

    @staticmethod
    async def _preflight(send: Send, cors_headers, headers: dict[str, str]) -> None:
        extra = [
            (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
            (b"access-control-allow-headers", b"Authorization, Content-Type, X-Mtqa-Token"),
            (b"access-control-max-age", b"600"),
        ]
        if headers.get("access-control-request-private-network") == "true":
            extra.append((b"access-control-allow-private-network", b"true"))
        await send({"type": "http.response.start", "status": 204,
                    "headers": [*cors_headers, *extra, (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
