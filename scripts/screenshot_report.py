"""Save a PNG screenshot of an mtqa HTML report, with one highlight's tooltip showing.

Usage: python scripts/screenshot_report.py REPORT.html OUT.png [--width 1200] [--height 900]

Drives the system Chromium (Debian's `chromium` package) through Playwright; it never
downloads a browser. Chromium runs headless, sandboxed from the network (the report is
self-contained) and with a throw-away profile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def find_chromium() -> str | None:
    """Path of a system Chromium: $MTQA_CHROMIUM, else the first candidate on PATH."""
    configured = os.environ.get("MTQA_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def open_browser(playwright, executable: str, profile: str):
    """A headless persistent context on a fresh profile directory (Chromium wants one)."""
    return playwright.chromium.launch_persistent_context(
        profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1200, "height": 900}, offline=True,
    )


def screenshot(report: Path, out: Path, width: int = 1200, height: int = 900) -> None:
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("screenshot_report: no Chromium found (install Debian's `chromium` package)")
    with tempfile.TemporaryDirectory(prefix="mtqa-chromium-") as profile, sync_playwright() as p:
        context = open_browser(p, executable, profile)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_viewport_size({"width": width, "height": height})
            page.goto(report.resolve().as_uri())
            first = page.locator("mark.hl[data-anchor]").first
            if first.count():
                first.focus()  # shows its tooltip, as a keyboard user would see it
                first.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -120)")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
        finally:
            context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"screenshot_report: {args.report}: no such file", file=sys.stderr)
        return 2
    screenshot(args.report, args.out, args.width, args.height)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
