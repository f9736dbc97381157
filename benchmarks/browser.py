"""Headless Chromium for the page benchmark and the browser tests (Debian's chromium)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run"]


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or "",
                      shutil.which("chromium-browser") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@contextmanager
def chromium_page(viewport=(1280, 800)):
    """A Playwright page in headless Debian Chromium (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            yield page
        finally:
            browser.close()


def wait_for(page, expression: str, timeout: float = 120.0, interval: float = 0.05) -> float:
    """Poll `expression` in the page until it is truthy; seconds waited.

    (Playwright's wait_for_function evaluates a string, which the page's
    Content-Security-Policy forbids; plain evaluate calls are allowed.)
    """
    import time

    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if page.evaluate(f"() => Boolean({expression})"):
            return time.perf_counter() - started
        time.sleep(interval)
    raise TimeoutError(f"{expression} still false after {timeout} s")
