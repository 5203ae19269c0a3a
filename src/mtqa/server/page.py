"""The review page served at `GET /`: one self-contained HTML document.

The HTML, CSS and JavaScript live beside this module as ordinary files (so they can be
read and linted as what they are) and are inlined once at startup, so the page loads no
other resource and works offline under a strict Content-Security-Policy.
"""

from __future__ import annotations

from importlib import resources


def review_page(token_required: bool = False) -> str:
    static = resources.files("mtqa.server").joinpath("static")
    html = static.joinpath("review.html").read_text(encoding="utf-8")
    css = static.joinpath("review.css").read_text(encoding="utf-8")
    js = static.joinpath("review.js").read_text(encoding="utf-8")
    # Guard against a stray closing tag ending the inline blocks early.
    if "</style" in css.lower() or "</script" in js.lower():
        raise ValueError("inline CSS/JS must not contain closing style/script tags")
    return (html.replace("/*CSS*/", css, 1)
                .replace("/*JS*/", js, 1)
                .replace("/*TOKEN_REQUIRED*/", "true" if token_required else "false", 1))
