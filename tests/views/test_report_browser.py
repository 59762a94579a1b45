"""The report opened in a real browser (headless Chromium): cards, pictures and boxes are rendered,
the pictures decode, the boxes have a size on screen, and a screenshot is saved."""

from __future__ import annotations

import sys

import pytest
from conftest import VERSIONS
from paths import ROOT
from PIL import Image
from reportcheck import elements, with_class

from slaextract.policy import load_preset
from slaextract.views.report import build_report

sys.path.insert(0, str(ROOT / "scripts"))
from report_screenshot import dump_dom, find_chromium, screenshot

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (apt-get install chromium)")

# Added to the test's copy only (the report itself has no script): after load, record what the
# browser made of the pictures and boxes, so --dump-dom shows it.
PROBE = """<script>
window.addEventListener('load', () => {
  const imgs = [...document.images];
  const boxes = [...document.querySelectorAll('.card .box')];
  document.body.dataset.images = imgs.length;
  document.body.dataset.decoded = imgs.filter(i => i.complete && i.naturalWidth > 0).length;
  document.body.dataset.boxesShown = boxes.filter(b => b.getBoundingClientRect().width > 2).length;
  document.body.dataset.cards = document.querySelectorAll('article.card').length;
});
</script>"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    html = build_report(VERSIONS / "en-streamcast-sla-v2.pdf", load_preset("strict-enterprise"))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_browser_renders_cards_pictures_and_boxes(report_file, tmp_path):
    probed = tmp_path / "probed.html"
    probed.write_text(report_file.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = dump_dom(probed)
    body = next(attrs for tag, attrs in elements(dom) if tag == "body")
    cards = len(with_class(dom, "article", "card"))
    assert cards > 10 and int(body["data-cards"]) == cards
    # every picture (a crop per card, a whole page per page with evidence) decoded in the browser
    assert int(body["data-images"]) == int(body["data-decoded"]) == cards + 2
    assert int(body["data-boxes-shown"]) == cards  # each card's evidence box has a size on screen


def test_screenshot_is_saved_and_not_blank(report_file, tmp_path):
    shot = screenshot(report_file, tmp_path / "shot.png", width=900, height=1200)
    with Image.open(shot) as image:
        assert image.size == (900, 1200)
        low, high = image.convert("L").getextrema()
        assert high - low > 100  # text and pictures, not an empty page
