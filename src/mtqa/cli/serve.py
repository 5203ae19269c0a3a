"""`mtqa serve`: the HTTP server for editors, CMS hooks and LanguageTool clients."""

from __future__ import annotations

import click

from mtqa.cli import (common_overrides, config_option, languagetool_url_option, no_grammar_option,
                      refuse_selecting_nothing, split_list)
from mtqa.config.settings import load_settings


@click.command()
@click.option("--host", default=None, metavar="ADDR",
              help="Address to listen on (default 127.0.0.1). Any non-loopback address needs a token.")
@click.option("--port", "-p", type=int, default=None,
              help="Port (default 8081, LanguageTool's; 0 = any free port, announced at start).")
@click.option("--token", default=None, envvar="MTQA_TOKEN", show_envvar=True,
              help="Shared secret clients must send (Authorization: Bearer, or LanguageTool's apiKey field).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Host-header name to answer besides localhost (DNS-rebinding protection). Repeatable.")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="Browser origin allowed to call the API (CORS), e.g. chrome-extension://ID. Repeatable.")
@click.option("--max-body-bytes", type=int, default=None, help="Largest request body (default 2 MiB).")
@click.option("--max-text-chars", type=int, default=None, help="Longest article in characters (default 200,000).")
@click.option("--request-timeout", type=float, default=None, help="Seconds per check before 503 (default 30).")
@click.option("--concurrency", type=int, default=None, help="Checks running at once (default 2).")
@click.option("--queue", type=int, default=None, help="Checks that may wait; beyond that 503 (default 16).")
@click.option("--rate-limit", type=int, default=None, metavar="N",
              help="Check requests per minute per client; over it 429 (default 0 = off).")
@no_grammar_option
@languagetool_url_option
@click.option("--source-lang", metavar="LANG", help="Default source language (he, ru, ar, …) for rule packs.")
@click.option("--select", multiple=True, metavar="X", help="Report only these rules/packs/checkers/categories.")
@click.option("--ignore", multiple=True, metavar="X", help="Do not report these.")
@config_option()
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="info",
              help="Log detail. Document text is never logged; only sizes and counts.")
def serve(host, port, token, allowed_hosts, allow_origins, max_body_bytes, max_text_chars, request_timeout,
          concurrency, queue, rate_limit, no_grammar, languagetool_url, source_lang, select, ignore,
          config_file, log_level) -> None:
    """Serve mtqa over HTTP: LanguageTool's API, mtqa's JSON API and a review page.

    \b
    Endpoints:
      GET  /              review page (paste, check, accept suggestions, copy)
      POST /v2/check      LanguageTool-compatible check (text or data, language, …)
      GET  /v2/languages  languages, as LanguageTool lists them
      POST /api/check     mtqa's JSON report; body {"text", "source", "source_lang", "reference",
                          "filename"} (filename: read the text as that file, e.g. a.md)
      GET  /healthz       liveness and load

    \b
    Examples:
      mtqa serve
      mtqa serve --no-grammar --port 9000
      MTQA_TOKEN=s3cret mtqa serve --host 0.0.0.0 --allowed-host qa.newsroom.example
    """
    from mtqa.server.config import ServerConfig
    from mtqa.server.run import run

    settings = load_settings(config_file, common_overrides(select, ignore, source_lang, no_grammar, languagetool_url))
    refuse_selecting_nothing(settings, bool(select), no_grammar, "every check would find nothing")
    config = ServerConfig.from_settings(
        settings.server, host=host, port=port, token=token, allowed_hosts=tuple(split_list(allowed_hosts)),
        allow_origins=tuple(split_list(allow_origins)), max_body_bytes=max_body_bytes, max_text_chars=max_text_chars,
        request_timeout=request_timeout, concurrency=concurrency, queue=queue, rate_limit=rate_limit,
    )
    run(settings, config, log_level=log_level)
