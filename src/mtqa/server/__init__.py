"""`mtqa serve`: LanguageTool-compatible HTTP API, mtqa's JSON API and a review page.

`create_app(settings, config)` returns the ASGI application; `run(settings, config)`
serves it with uvicorn. See docs/serve.md for endpoints, defaults and editor recipes.
"""

from mtqa.server.app import create_app
from mtqa.server.config import ServerConfig
from mtqa.server.run import run

__all__ = ["ServerConfig", "create_app", "run"]
