"""Save a PNG screenshot of an mtqa HTML report, with one highlight's tooltip showing.

Usage: python scripts/screenshot_report.py REPORT.html OUT.png [--width 1200] [--height 900] [--full-page]

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


def screenshot(report: Path, out: Path, width: int = 1200, height: int = 900, full_page: bool = False) -> None:
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
            # Focus the first highlight without scrolling: its tooltip shows, as a keyboard
            # user would see it, while the summary and chart stay in the picture.
            page.evaluate("() => { const m = document.querySelector('mark.hl[data-anchor]');"
                          " if (m) { m.focus({preventScroll: true}); } }")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=full_page)
        finally:
            context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full-page", action="store_true", help="capture the whole page, not one viewport")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"screenshot_report: {args.report}: no such file", file=sys.stderr)
        return 2
    screenshot(args.report, args.out, args.width, args.height, args.full_page)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
