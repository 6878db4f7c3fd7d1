"""In a real browser: Playwright drives Debian's Chromium (headless) against the web app.

The app runs in a thread on a free port of 127.0.0.1; nothing else is contacted (each
test checks every request the page made). Skipped, with the reason, when Playwright or
Chromium is missing; CI installs both (``apt-get install chromium``, ``pip install
playwright``; never ``playwright install``, which downloads a browser).

The README's picture is made by ``docs/screenshot.py`` (the same browser), not here.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = os.environ.get("READOUTS_CHROMIUM", "/usr/bin/chromium")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
NATO = "2021-09-27_nato-china_nato_en.txt"
CHINA = "2021-09-27_nato-china_cn_zh.txt"
#: The report's colours (report/templates/report.css), as the browser computes them.
BACKGROUND = {
    "shared": "rgb(219, 234, 245)",
    "conflict": "rgb(251, 226, 210)",
    "one-sided": "rgb(253, 240, 210)",
}
LINE = {"shared": "solid", "conflict": "double", "one-sided": "dotted"}
COUNTERPART = "rgb(255, 245, 157)"
HOSTILE = (
    "Secretary Blinken spoke with Foreign Minister Wang Yi about climate change. He said "
    "<script>window.__pwned = 1</script> and <img src=x onerror=\"alert('img')\"> and "
    '<a href="javascript:alert(1)">click here</a> were on the agenda.'
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The app (with the configured embedder) on a free port of 127.0.0.1, in a thread."""
    from readouts.web import Settings, create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings()), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except sync_api.Error as exc:  # pragma: no cover - a broken browser install
            pytest.skip(f"Chromium does not start: {exc}")
        yield chromium
        chromium.close()


class Watched:
    """A page, with every request and dialog it made recorded."""

    def __init__(self, browser, width: int = 1280, height: int = 900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def only_local(self, base: str) -> None:
        strays = [u for u in self.requests if not u.startswith((base, "file://"))]
        assert not strays, strays


@pytest.fixture()
def watched(browser) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.page.close()


def _style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")


def _share_of_colour(png: bytes, rgb: str, tolerance: int = 6) -> float:
    """The share of the pixels of a PNG within ``tolerance`` of the CSS colour ``rgb``."""
    image_mod = pytest.importorskip("PIL.Image")
    import io

    import numpy as np

    want = np.array([int(x) for x in re.findall(r"\d+", rgb)[:3]])
    pixels = np.asarray(image_mod.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    close = (np.abs(pixels - want) <= tolerance).all(axis=-1)
    return float(close.mean())


def test_browser_compares_uploaded_accounts(server: str, watched: Watched, shared_dir, tmp_path):
    page = watched.page
    accounts = shared_dir / "eval" / "accounts"
    page.goto(server + "/")
    page.set_input_files("#file-1", str(accounts / NATO))
    page.set_input_files("#file-2", str(accounts / CHINA))
    page.click("#compare")
    page.wait_for_url(re.compile(r"/report/[\w-]+$"), timeout=60_000)
    page.wait_for_selector("#score-value")

    # the score, as the page shows it and as its JSON twin gives it
    shown = int(page.inner_text("#score-value"))
    twin = page.request.get(page.url + ".json").json()
    assert 0 <= shown <= 100 and shown == twin["score"]["value"]
    assert page.inner_text("#verdict") == twin["score"]["verdict"]
    assert page.locator("#reasons li").count() == len(twin["score"]["reasons"])

    # every claim is highlighted, in its relation's colour and line style
    claims = sum(len(a["claims"]) for a in twin["accounts"])
    assert page.locator(".claim").count() == claims
    labels = {r["label"] for r in twin["relations"]}
    assert {"shared", "one-sided"} <= labels
    for label in labels:
        first = f".claim.rel-{label}"
        assert _style(page, first, "backgroundColor") == BACKGROUND[label]
        assert _style(page, first, "borderBottomStyle") == LINE[label]
        badge = page.locator(f"{first} > .badge").first.inner_text()
        assert label in badge  # a text label, not colour alone

    # click a claim of NATO's account: its counterparts in China's are highlighted
    claim = page.locator('#account-a .claim:not([data-partners=""])').first
    partners = (claim.get_attribute("data-partners") or "").split()
    assert partners
    claim.click()
    sync_api.expect(claim).to_have_class(re.compile(r"\bselected\b"))
    target = f"#{partners[0]}"
    sync_api.expect(page.locator(target)).to_have_class(re.compile(r"\bcounterpart\b"))
    assert _style(page, target, "outlineStyle") == "dashed"
    assert _style(page, target, "backgroundColor") == COUNTERPART
    assert "↔" in page.inner_text("#status")
    page.wait_for_function(  # the other column scrolled the counterpart into view
        """id => { const e = document.getElementById(id), box = e.closest('.text');
                   const r = e.getBoundingClientRect(), b = box.getBoundingClientRect();
                   return r.top >= b.top - 1 && r.top < b.bottom; }""",
        arg=partners[0],
        timeout=5_000,
    )

    # a screenshot, checked against what it should show (not pixel for pixel): the
    # highlight colours cover a good part of each claim's box (a multi-line inline
    # span's box also holds the ends of the lines around it)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert _share_of_colour(page.locator(target).screenshot(), COUNTERPART) > 0.05
    other = page.locator(".claim.rel-shared:not(.selected):not(.counterpart)").first
    other.scroll_into_view_if_needed()
    assert _share_of_colour(other.screenshot(), BACKGROUND["shared"]) > 0.05

    # the status line gives the counterpart's own words, not just its id
    claim_id = page.locator(f"#{partners[0]}").get_attribute("data-claim")
    said = next(c["text"] for a in twin["accounts"] for c in a["claims"] if c["id"] == claim_id)
    sync_api.expect(page.locator("#status .counterpart-text").first).to_contain_text(said[:12])

    # and Chinese is drawn with a font that has it, not as boxes
    assert _glyphs_render(page, "#account-b .text")
    watched.only_local(server)
    assert not watched.dialogs


#: Draws two Chinese characters, and one no font has, in the font of an element: Chinese
#: renders when the two differ from each other and from the missing one (a box: "tofu").
_GLYPHS = r"""
sel => {
  const el = document.querySelector(sel);
  const font = getComputedStyle(el).fontSize + " " + getComputedStyle(el).fontFamily;
  const draw = ch => {
    const c = document.createElement("canvas");
    c.width = 48; c.height = 48;
    const g = c.getContext("2d");
    g.font = font; g.fillStyle = "#000"; g.textBaseline = "top";
    g.fillText(ch, 4, 4);
    return Array.from(g.getImageData(0, 0, 48, 48).data).join(",");
  };
  const a = draw("中"), b = draw("国"), none = draw("\u{10FFFD}");
  return {differ: a !== b, notBox: a !== none && b !== none, ink: a.includes("255")};
}
"""


def _glyphs_render(page, selector: str) -> bool:
    found = page.evaluate(_GLYPHS, selector)
    return bool(found["differ"] and found["notBox"] and found["ink"])


def test_browser_hostile_readout_stays_text(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    page.fill("#text-1", HOSTILE)
    page.fill("#party-1", "United States")
    page.fill("#text-2", "王毅同布林肯通电话。王毅表示，中美应加强气候变化合作。")
    page.click("#compare")
    page.wait_for_selector("#score-value")
    text = page.inner_text("#account-a .text")
    assert "<script>window.__pwned = 1</script>" in text
    assert "<img src=x onerror=\"alert('img')\">" in text
    assert '<a href="javascript:alert(1)">click here</a>' in text
    assert page.locator("#account-a img, #account-a a, #account-a script").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.wait_for_timeout(200)
    assert not watched.dialogs
    watched.only_local(server)


def test_browser_index_adds_account_slots(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    assert page.locator("#accounts fieldset").count() == 2
    page.click("#add-account")
    assert page.locator("#accounts fieldset").count() == 3
    assert page.locator("#text-3").is_visible()


@pytest.mark.parametrize("media", ["print"])
def test_browser_report_file_prints_cleanly(
    browser, tmp_path: Path, us_account, cn_account, lexicon, fake_embedder, media: str
) -> None:
    from readouts.comparison import compare
    from readouts.report.html import render_html

    c = compare(us_account, cn_account, lexicon=lexicon, embedder=fake_embedder)
    path = tmp_path / "report.html"
    path.write_text(render_html(c, links=[("JSON", "/x.json")]), encoding="utf-8")
    w = Watched(browser)
    try:
        page = w.page
        page.goto(path.as_uri())
        claim = page.locator('#account-b .claim:not([data-partners=""])').first
        claim.click()  # the standalone file works without the app
        partner = (claim.get_attribute("data-partners") or "").split()[0]
        sync_api.expect(page.locator(f"#{partner}")).to_have_class(re.compile("counterpart"))
        page.emulate_media(media=media)
        assert _style(page, "#status", "display") == "none"
        assert _style(page, ".toolbar", "display") == "none"
        assert _style(page, ".text", "overflowY") == "visible"
        assert _style(page, ".text", "maxHeight") == "none"
        assert _style(page, f"#{partner}", "outlineStyle") == "none"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        w.only_local(path.as_uri())
    finally:
        w.page.close()


# --------------------------------------------------------------------------- issue 12

KISHIDA_JAN = (
    "President Biden met with Prime Minister Kishida of Japan on January 21, 2022. The two "
    "leaders discussed trade and the security of the Indo-Pacific."
)
KISHIDA_MAY = (
    "President Biden met with Prime Minister Kishida of Japan in Tokyo on May 23, 2022. The "
    "two leaders discussed the Quad and economic security."
)


def test_browser_warning_banner_comes_first(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    page.fill("#text-1", KISHIDA_JAN)
    page.fill("#party-1", "United States")
    page.fill("#text-2", KISHIDA_MAY)
    page.fill("#party-2", "United States")
    page.click("#compare")
    page.wait_for_selector(".warnings")
    banner = page.locator(".warnings")
    sync_api.expect(banner).to_be_visible()
    sync_api.expect(banner).to_contain_text("different meetings")
    sync_api.expect(banner).to_contain_text("one side")
    # the banner is above the score, and the score is no verdict
    top = banner.bounding_box()["y"]
    assert top < page.locator("#score").bounding_box()["y"]
    assert page.inner_text("#score-value").lower() == "not comparable"
    watched.only_local(server)


def test_browser_three_accounts_in_the_report_layout(
    server: str, watched: Watched, shared_dir
) -> None:
    page = watched.page
    accounts = shared_dir / "eval" / "accounts"
    page.goto(server + "/")
    page.click("#add-account")
    for n, (name, party) in enumerate(
        [(NATO, "NATO"), (CHINA, "China"), ("2021-09-27_nato-china_cn_en.txt", "China")], 1
    ):
        page.set_input_files(f"#file-{n}", str(accounts / name))
        page.fill(f"#party-{n}", party)
    page.click("#compare")
    page.wait_for_url(re.compile(r"/report/[\w-]+$"), timeout=120_000)
    page.wait_for_selector(".score-card")
    # the two-account report's layout: its toolbar, score card, chart, in its colours
    assert page.locator(".toolbar a").count() >= 3
    assert page.locator(".score-card .score-value").count() == 1
    assert page.locator("#topics svg.chart").count() == 1
    assert page.locator("table.matrix td.rel-shared").count() >= 1
    assert _style(page, "table.matrix td.rel-shared", "backgroundColor") == BACKGROUND["shared"]
    assert _style(page, ".score-card", "borderTopStyle") == "solid"
    # every side's own words in a row; Chinese drawn
    assert page.locator("table.matrix div[lang=zh]").count() >= 1
    assert _glyphs_render(page, "table.matrix div[lang=zh]")
    watched.only_local(server)
