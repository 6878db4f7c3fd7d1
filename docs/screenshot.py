#!/usr/bin/env python3
"""Make the README's picture, and the figures the README gives with it, from the program.

Compares the README's example accounts (NATO's and the Chinese Foreign Ministry's
accounts of the 27 September 2021 video meeting, read from ``../shared``) with the
default encoder, renders the HTML report, opens it in Debian's Chromium (through the
playwright package; never ``playwright install``), clicks NATO's first claim that has a
counterpart so that the status line shows the counterpart's words, and saves the summary
and the first claims of both accounts as ``docs/screenshot.png`` (256 colours). It writes
the figures it showed to ``docs/screenshot.json`` and into the README between the
``<!-- figures -->`` markers; ``tests/test_readme.py`` fails when either no longer matches
what the program says::

    .venv/bin/python docs/screenshot.py            # the picture, the figures, the README
    .venv/bin/python docs/screenshot.py --check    # only: do they still match? (exit 1)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ACCOUNTS = ("2021-09-27_nato-china_nato_en.txt", "2021-09-27_nato-china_cn_zh.txt")
PNG = ROOT / "docs" / "screenshot.png"
FIGURES = ROOT / "docs" / "screenshot.json"
README = ROOT / "README.md"
CHROMIUM = os.environ.get("READOUTS_CHROMIUM", "/usr/bin/chromium")
_MARKED = re.compile(r"<!-- figures -->.*?<!-- /figures -->", re.S)


def figures(comparison: Any) -> dict[str, Any]:
    """What the README says of the example: the score, its band, and the points."""
    labels = [r.label for r in comparison.relations.values()]
    return {
        "score": comparison.score.value,
        "band": comparison.score.band,
        "points": len(labels),
        "shared": labels.count("shared"),
        "conflict": labels.count("conflict"),
        "warnings": [w.code for w in comparison.warnings],
    }


def sentence(f: dict[str, Any]) -> str:
    """The README's sentence for the figures."""
    return (
        f"<!-- figures -->The report scores the meeting {f['score']}/100 ({f['band']}): "
        f"{f['shared']} of its {f['points']} points are reported by both sides, "
        f"{f['conflict']} are in conflict.<!-- /figures -->"
    )


def compute() -> tuple[Any, dict[str, Any]]:
    """The README's example, read by the paths the README gives (relative to the project)."""
    from readouts.comparison import compare

    os.chdir(ROOT)
    comparison = compare(*(Path("..", "shared", "eval", "accounts", name) for name in ACCOUNTS))
    return comparison, figures(comparison)


def shoot(comparison: Any, path: Path) -> None:
    """The report in Chromium, a claim clicked, the top of the page saved as a PNG."""
    from playwright.sync_api import sync_playwright

    from readouts.report.html import render_html

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(render_html(comparison), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(page_file.as_uri())
            claim = page.locator('#account-a .claim:not([data-partners=""])').first
            claim.click()
            page.evaluate("window.scrollTo(0, 0)")
            bottom = page.eval_on_selector(
                ".columns", "e => e.getBoundingClientRect().top + window.scrollY + 520"
            )
            png = page.screenshot(
                full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": bottom}
            )
            browser.close()
    try:  # 256 colours, no dithering: a third of the size, the same to the eye
        from PIL import Image

        image = Image.open(io.BytesIO(png)).convert("RGB")
        image = image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        image.save(path, optimize=True)
    except ImportError:
        path.write_bytes(png)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check the figures; exit 1 if stale")
    args = ap.parse_args(argv)
    comparison, now = compute()
    readme = README.read_text(encoding="utf-8")
    if args.check:
        stale = []
        if not FIGURES.exists() or json.loads(FIGURES.read_text(encoding="utf-8")) != now:
            stale.append(f"{FIGURES.name} (the picture)")
        if sentence(now) not in readme:
            stale.append("the README's figures")
        if stale:
            print(f"stale: {', '.join(stale)}; the program now says {now}", file=sys.stderr)
            return 1
        print(f"current: {now}")
        return 0
    shoot(comparison, PNG)
    FIGURES.write_text(json.dumps(now, indent=2) + "\n", encoding="utf-8")
    if not _MARKED.search(readme):
        print("the README has no <!-- figures --> markers", file=sys.stderr)
        return 1
    README.write_text(_MARKED.sub(sentence(now), readme), encoding="utf-8")
    print(f"wrote {PNG.relative_to(ROOT)}, {FIGURES.relative_to(ROOT)} and the README: {now}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
