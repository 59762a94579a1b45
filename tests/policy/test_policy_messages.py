"""Finding messages: every key in both languages with the same placeholders; zh for zh documents."""

from __future__ import annotations

import string

import pytest
from policy_builders import cov, only, resp, summary

from slaextract.policy import check
from slaextract.policy import messages as m


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("section", ["messages", "terms"])
def test_every_entry_has_english_and_chinese_with_the_same_placeholders(section: str) -> None:
    for key, texts in m.catalog()[section].items():
        assert set(texts) == {"en", "zh"}, key
        assert placeholders(texts["en"]) == placeholders(texts["zh"]), key


def test_chinese_document_gets_chinese_messages() -> None:
    s = summary(language="zh", coverage=[cov(5, 8)], response_times=[resp(1, 30, priority="一级故障")])
    policy = only({"type": "response_time", "rank": 1, "max_minutes": 15})
    (f,) = check(s, policy).findings
    assert f.message == "1级问题的响应时间为 30分钟；策略要求不超过 15分钟。"


@pytest.mark.parametrize("language", ["en", "mixed"])
def test_english_and_mixed_documents_get_english_messages(language: str) -> None:
    policy = only({"type": "availability", "min_percent": 99.9})
    (f,) = check(summary(language=language), policy).findings
    assert f.message.startswith("No availability commitment is stated")


@pytest.mark.parametrize(
    ("minutes", "business", "en", "zh"),
    [
        (15, False, "15 min", "15分钟"),
        (90, False, "1.5 h", "1.5小时"),
        (100, False, "100 min", "100分钟"),
        (240, False, "4 h", "4小时"),
        (1440, True, "1 day (business time)", "1天（工作时间）"),
        (4320, False, "3 days", "3天"),
    ],
)
def test_durations(minutes: float, business: bool, en: str, zh: str) -> None:
    assert m.duration(minutes, "en", business) == en
    assert m.duration(minutes, "zh", business) == zh
