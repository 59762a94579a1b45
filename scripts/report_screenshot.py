#!/usr/bin/env python3
"""Open an HTML report in headless Chromium: dump its rendered DOM, or take a screenshot.

Usage: python scripts/report_screenshot.py [OUT.png]
  builds the report of samples/versions/en-streamcast-sla-v2.pdf (preset strict-enterprise)
  and saves its screenshot (default: docs/report-screenshot.png, the picture in the README).

The tests of the report (tests/views/test_report_browser.py) use the same functions.
Needs Debian's `chromium` (`apt-get install chromium`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "versions" / "en-streamcast-sla-v2.pdf"
PRESET = "strict-enterprise"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def _run(args: list[str], timeout: float = 90) -> str:
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="slaextract-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=5000",  # let images decode before the DOM or the picture is taken
            *args,
        ]
        env = {**os.environ, "HOME": profile}
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout


def dump_dom(html: Path) -> str:
    """The DOM after Chromium has loaded and laid out the page."""
    return _run(["--dump-dom", html.resolve().as_uri()])


def screenshot(html: Path, png: Path, width: int = 1100, height: int = 1500) -> Path:
    _run([f"--window-size={width},{height}", f"--screenshot={png.resolve()}", html.resolve().as_uri()])
    return png


def main(argv: list[str]) -> int:
    from slaextract.policy import load_preset  # noqa: PLC0415
    from slaextract.views.report import build_report  # noqa: PLC0415

    out = Path(argv[0]) if argv else ROOT / "docs" / "report-screenshot.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(ROOT)  # the report shows the path as given: keep it relative
        html = Path(tmp) / "report.html"
        html.write_text(build_report(SAMPLE.relative_to(ROOT), load_preset(PRESET)), encoding="utf-8")
        screenshot(html, out)
    print(f"{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
