"""Which sentence is a channel's evidence: the clause that offers it, not the first that names it
(issue 11, items 6 and 12). Documents are small Markdown texts: `#` lines are headings."""

from __future__ import annotations

import pytest

from slaextract.pipeline import extract_text


def channel_evidence(text: str) -> dict[str, str]:
    return {c.channel: c.evidence.text for c in extract_text(text).channels}


def test_a_definition_loses_to_the_offer_that_follows_it():
    text = (
        "# 1. Definitions\n\n"
        "“Help Desk” means the vendor’s web system in which support tickets are recorded.\n\n"
        "# 2. Support\n\n"
        "Licensee may open a support ticket in the Help Desk at any time.\n"
    )
    assert channel_evidence(text)["ticket"] == "Licensee may open a support ticket in the Help Desk at any time."


def test_an_offer_under_a_support_channels_heading_beats_an_earlier_mention():
    text = (
        "# 3. Service levels\n\n"
        "Initial response times are measured from the moment a support case is logged.\n\n"
        "Support covers the hosted service and its public API.\n\n"
        "# 4. How to contact support\n\n"
        "Support cases are opened in the customer portal.\n"
    )
    assert channel_evidence(text)["ticket"] == "Support cases are opened in the customer portal."


def test_ties_go_to_the_earliest_offer():
    text = (
        "# Support channels\n\n"
        "Customers may call the support hotline on +1 555 0100.\n\n"
        "Customers may also call the support hotline for urgent issues.\n"
    )
    assert channel_evidence(text)["phone"].startswith("Customers may call the support hotline on")


def test_a_chinese_measurement_rule_loses_to_the_channel_list():
    text = (
        "# 五、响应时限\n\n"
        "经服务热线报障的，以电话接通时间为响应时间。\n\n"
        "# 六、支持渠道\n\n"
        "客户可拨打服务热线400-000-1234报告故障。\n"
    )
    assert channel_evidence(text)["phone"] == "客户可拨打服务热线400-000-1234报告故障。"


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Customer shall designate a technical contact, reachable by phone during business hours.", "phone"),
        ("Tenants who upgrade to the Gold plan also receive a named account manager.", "dedicated_manager"),
        ("Basic Support does not include chat support.", "chat"),
        ("租户应指定一名运维对接人，并保持电话畅通以接收故障通知。", "phone"),
        ("上述邮箱不用于技术支持，仅用于接收合同通知：ops@example.cn。", "email"),
    ],
)
def test_what_is_not_an_offer_gives_no_channel(text, absent):
    assert absent not in channel_evidence(text)


def test_billing_questions_in_a_list_of_support_topics_do_not_veto_the_offer():
    text = "Customers may open a support ticket for technical incidents, setup questions and billing questions."
    assert "ticket" in channel_evidence(text)


def test_availability_evidence_prefers_the_target_over_a_reasonable_efforts_clause():
    text = (
        "For the Basic plan, Vendor will use commercially reasonable efforts to keep the service available 99% of the time in each month.\n\n"
        "The Service will be available at least 99% of each calendar month.\n"
    )
    (item,) = extract_text(text).availability
    assert item.evidence.text.startswith("The Service will be available at least 99%")


@pytest.mark.parametrize(
    ("text", "channels"),
    [
        ("4.2 甲方可通过下列方式联系乙方技术支持：\n\n（1）在控制台提交工单；\n\n（2）拨打技术支持热线400-926-3071；\n\n（3）发送邮件至help@example.cn。",
         {"ticket", "phone", "email"}),
        ("Customers may contact support in any of the following ways:\n\n(a) through the portal;\n\n(b) by e-mail to help@example.com.",
         {"ticket", "email"}),
        ("Invoices are sent as follows:\n\n(a) by post;\n\n(b) by e-mail to billing@example.com.", set()),
    ],
)
def test_a_list_item_reads_its_context_from_the_sentence_that_introduces_the_list(text, channels) -> None:
    assert {c.channel for c in extract_text(text).channels} == channels
