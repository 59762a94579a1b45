"""`slaextract report`: one self-contained HTML page with cards, crops, boxes, requirements and what is missing."""

from __future__ import annotations

import pytest
from conftest import VERSIONS
from paths import ROOT
from reportcheck import elements, external_references, with_class
from typer.testing import CliRunner

from slaextract import extract
from slaextract.cli import app
from slaextract.policy import load_preset
from slaextract.views.report import build_report

runner = CliRunner()

EN_V2 = VERSIONS / "en-streamcast-sla-v2.pdf"
ZH = ROOT / "samples" / "zh-tech-service-contract.pdf"
DRAFT = ROOT / "samples" / "en-draft-missing-terms.pdf"


@pytest.fixture(scope="module")
def en_report() -> str:
    return build_report(EN_V2, load_preset("strict-enterprise"))


def test_every_term_is_a_card_with_its_crop_and_box(en_report):
    summary = extract(EN_V2)
    count = (
        len(summary.coverage)
        + len(summary.response_times)
        + len(summary.channels)
        + len(summary.availability)
        + len(summary.service_credits)
        + (summary.credit_cap_percent is not None)
        + (summary.claim_window_days is not None)
    )
    cards = with_class(en_report, "article", "card")
    assert len(cards) == count
    crops = [a for t, a in elements(en_report) if t == "img" and a["src"].startswith("data:image/png;base64,")]
    assert len(crops) == count
    # one box per card, and one per evidence on each whole-page view
    assert len(with_class(en_report, "a", "box")) == 2 * count


def test_a_click_on_a_crop_opens_its_page_with_every_box_of_that_page(en_report):
    pages = {a["id"] for a in with_class(en_report, "div", "pageview")}
    assert pages == {"page-1", "page-2"}
    links = {a["href"] for t, a in elements(en_report) if t == "a" and a.get("href", "").startswith("#page-")}
    assert links == {"#page-1", "#page-2"}


def test_the_header_names_the_file_hash_pages_and_verdict(en_report):
    summary = extract(EN_V2)
    assert summary.document.sha256 in en_report
    assert "strict-enterprise" in en_report
    assert with_class(en_report, "span", "fail")  # the v2 draft fails the preset


def test_each_requirement_is_listed_with_its_status(en_report):
    statuses = [a["data-status"] for t, a in elements(en_report) if t == "li" and "data-status" in a]
    policy = load_preset("strict-enterprise")
    assert len(statuses) >= len(policy.requirements)
    assert statuses.count("fail") == 3  # rank-1 response, availability, the ticket channel


def test_a_missing_term_says_where_the_tool_looked():
    html = build_report(DRAFT, load_preset("strict-enterprise"))
    assert 'id="missing"' in html
    missing = html[html.index('id="missing"') : html.index('id="terms"')]
    assert "page " in missing and "<q>" in missing  # a page and a quoted candidate passage


def test_chinese_document_gets_chinese_labels():
    html = build_report(ZH, load_preset("live-showroom"))
    assert '<html lang="zh">' in html
    assert "服务等级条款证据报告" in html and "提取的条款" in html and "策略要求" in html


def test_the_report_references_nothing_outside_itself(en_report):
    assert external_references(en_report) == []


def test_the_reference_check_can_fail():
    assert external_references('<img src="https://example.com/a.png">')
    assert external_references('<div style="background:url(x.png)"></div>')
    assert external_references("<script></script>")
    assert external_references('<a href="#page-1">') == []


def test_a_text_input_has_cards_without_pictures(tmp_path):
    source = tmp_path / "sla.txt"
    text = "Support is available 24x7.\nSeverity 1 incidents: response within 15 minutes.\n"
    source.write_text(text, encoding="utf-8")
    html = build_report(source)
    assert with_class(html, "article", "card")
    assert not [a for t, a in elements(html) if t == "img"]


def test_cli_writes_the_file_and_bad_input_exits_2(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(DRAFT), "-o", str(out), "--preset", "online-education"])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = runner.invoke(app, ["report", str(tmp_path / "none.pdf"), "-o", str(out)])
    assert bad.exit_code == 2 and "none.pdf" in bad.stderr and "Traceback" not in bad.stderr


def test_where_the_tool_looked_names_the_governing_headings_and_pages():
    from slaextract.pdf import read_document
    from slaextract.views.missing import candidates

    places = candidates("channels", read_document(ROOT / "samples" / "en-msa-sla-exhibit.pdf"), "en")
    support = [p for p in places if p.heading and p.heading.endswith("A4. CONTACTING SUPPORT")]
    assert [(p.page, p.hits >= 2) for p in support] == [(4, True)]
    assert [p.page for p in places] == sorted(p.page for p in places)
    assert candidates("no-such-term", read_document(ROOT / "samples" / "en-msa-sla-exhibit.pdf"), "en") == []
