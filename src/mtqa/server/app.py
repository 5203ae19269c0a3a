"""The Starlette application: routes, error mapping and the service's lifetime.

``create_app`` builds the Pipeline (through CheckService) once, at startup, and wraps
the routes in the Guard middleware. Endpoints under /v2 speak LanguageTool's API and
answer errors in plain text as LanguageTool does; everything else answers JSON.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from mtqa.config.settings import Settings
from mtqa.offsets import LONE_SURROGATE
from mtqa.reporters import languagetool
from mtqa.server.config import ServerConfig
from mtqa.server.guard import Guard, token_matches
from mtqa.server.ltapi import BadRequest, TextTooLong, parse_check_form
from mtqa.server.native import parse_native
from mtqa.server.page import review_page
from mtqa.server.service import Busy, CheckService

log = logging.getLogger("mtqa.server")
JSON_TYPES = ("application/json", "text/json")


def _error(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    if request.url.path.startswith("/v2/"):
        return PlainTextResponse(f"Error: {message}", status_code=status, headers=headers)
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


async def _form(request: Request) -> dict[str, str]:
    """URL-encoded form fields, decoded strictly as UTF-8 (LanguageTool clients send these);
    in the query string of a GET, which LanguageTool's server accepts too."""
    if request.method == "GET":
        body = request.scope.get("query_string", b"")
    else:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type not in ("application/x-www-form-urlencoded", ""):
            raise Unsupported(f"send application/x-www-form-urlencoded form fields, not {content_type}")
        body = await request.body()
    try:
        pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict",
                          max_num_fields=100)
    except UnicodeDecodeError:
        raise BadRequest("form body is not valid percent-encoded UTF-8") from None
    except ValueError as exc:  # too many fields
        raise BadRequest(f"malformed form body: {exc}") from None
    return dict(pairs)


class Unsupported(BadRequest):
    """Answered with 415."""


async def _run(request: Request, document, then=None) -> tuple:
    for name, value in (("text", document.text), ("source", document.source_text),
                        ("reference", document.reference_text)):
        if value and LONE_SURROGATE.search(value):  # refused at the door, not deep in a checker
            raise BadRequest(f"'{name}' contains a lone surrogate (\\ud800-\\udfff), which is not Unicode text")
    service: CheckService = request.app.state.service
    return await service.check(document, then), service


def _handled(handler):
    """Map the errors every check endpoint shares to LanguageTool's status codes."""

    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except Unsupported as exc:
            return _error(request, 415, str(exc))
        except TextTooLong as exc:
            return _error(request, 413, str(exc))
        except BadRequest as exc:
            return _error(request, 400, str(exc))
        except Busy as exc:
            return _error(request, 503, str(exc), {"Retry-After": str(exc.retry_after)})
        except UnicodeDecodeError:
            return _error(request, 400, "request body is not valid UTF-8")
        except Exception:  # a checker bug: log it, answer plainly (never the exception's text), keep serving
            log.exception("check failed")
            return _error(request, 500, "Internal Error: the check failed; the server log has the details")

    wrapper.__name__ = handler.__name__
    return wrapper


@_handled
async def v2_check(request: Request) -> Response:
    form = await _form(request)
    config: ServerConfig = request.app.state.config
    if config.token and not request.scope.get("state", {}).get("token_ok"):
        if not token_matches(config.token, form.get("apiKey")):
            return _error(request, 401, "missing or wrong token (send it as apiKey or an Authorization header)")
    check = parse_check_form(form, config.max_text_chars)
    document = check.document()
    result, service = await _run(request, document)
    kept = dataclasses.replace(result, findings=[f for f in result.findings if check.keeps(f)])
    body = languagetool.render(document, kept, check.language, service.pipeline.rules,
                               [c.name for c in service.pipeline.checkers], incomplete=bool(service.pipeline.failed))
    log.info("v2/check chars=%d matches=%d", len(document.text), len(body["matches"]))
    return JSONResponse(body)


async def v2_languages(request: Request) -> Response:
    return JSONResponse(list(languagetool.LANGUAGES))


async def v2_healthcheck(request: Request) -> Response:
    service: CheckService = request.app.state.service
    if service.in_flight >= service.capacity:
        return PlainTextResponse("Error: too many parallel requests", status_code=503)
    return PlainTextResponse("OK")


@_handled
async def api_check(request: Request) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/x-www-form-urlencoded":
        payload = await _form(request)
    elif content_type in JSON_TYPES or content_type.endswith("+json"):
        try:
            payload = json.loads(await request.body())
        except RecursionError:
            raise BadRequest("body nests JSON too deeply") from None
        except UnicodeDecodeError:  # (a ValueError too): the bytes, not the JSON, are wrong
            raise BadRequest("request body is not valid UTF-8 (send JSON as UTF-8)") from None
        except ValueError:
            raise BadRequest("body is not valid JSON") from None
    else:
        raise Unsupported(f"send Content-Type: application/json (or form fields), not {content_type or 'none'}")
    config: ServerConfig = request.app.state.config
    document = parse_native(payload, config.max_text_chars)
    name = payload.get("filename")
    if name is not None:  # the text is that file: Markdown by its extension, named in the report
        document = _read_as(request, document, name)
    pipeline = request.app.state.service.pipeline
    from mtqa.reporters.json_ import report_to_dict

    # This request's metrics only (the pipeline's run-wide ones sum every request served),
    # and built in the request's own run, so its provenance names its own rule timeouts.
    report, _ = await _run(request, document,
                           lambda result: pipeline.report([result], [], metrics=result.metrics))
    log.info("api/check chars=%d findings=%d", len(document.text), len(report.documents[0].findings))
    return JSONResponse(report_to_dict(report))


def _read_as(request: Request, document, name):
    from mtqa.errors import InputError
    from mtqa.readers import read_as

    if not isinstance(name, str) or not name.strip():
        raise BadRequest("'filename' must be a file name such as article.md")
    try:
        return read_as(document, name, request.app.state.service.settings)
    except InputError as exc:
        raise BadRequest(f"'filename': {exc.path}: {exc.reason}") from None


async def healthz(request: Request) -> Response:
    service: CheckService = request.app.state.service
    stats = service.stats()
    status = "busy" if stats["in_flight"] >= stats["capacity"] else "failed" if stats["failed"] else "ok"
    return JSONResponse({"status": status, **stats}, status_code=200 if status == "ok" else 503)


async def index(request: Request) -> Response:
    return HTMLResponse(request.app.state.page, headers={
        "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                                   "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
                                   "frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    })


ROUTE_LIST = "GET /, POST /api/check, GET|POST /v2/check, GET /v2/languages, GET /healthz"


async def _routing_error(request: Request, exc: HTTPException) -> Response:
    """404 and 405 in the shape of every other error of the endpoint's API."""
    if exc.status_code == 404:
        message = f"no endpoint {request.url.path} (this server has {ROUTE_LIST})"
    elif exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        message = f"{request.method} is not allowed on {request.url.path}; use {allowed}"
    else:
        message = str(exc.detail)
    return _error(request, exc.status_code, message, exc.headers)


def create_app(settings: Settings, config: ServerConfig, service: CheckService | None = None):
    """The ASGI app. ``service`` may be passed in (tests share one across apps)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        owned = service is None
        app.state.service = service or CheckService(settings, config)
        try:
            yield
        finally:
            if owned:
                app.state.service.close()

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/v2/check", v2_check, methods=["GET", "POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
        Route("/v2/healthcheck", v2_healthcheck, methods=["GET"]),
        Route("/api/check", api_check, methods=["POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: _routing_error})
    app.state.config = config
    app.state.page = review_page(token_required=bool(config.token))
    if service is not None:
        app.state.service = service
    return Guard(app, config)
