"""A short fuzz run of both targets in fuzz/targets.py (text → summary, bytes → document).

SLAEXTRACT_FUZZ_EXAMPLES raises the number of examples for a long run (see fuzz/README.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))

import targets

EXAMPLES = int(os.environ.get("SLAEXTRACT_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Contract-like text: the words and shapes rules look for, in any order, so examples reach the extractors.
VOCABULARY = [
    "Severity 1", "P1", "Critical", "response", "resolution", "within", "minutes", "hours", "business days",
    "24x7", "24/7", "Monday", "Friday", "9:00", "17:00", "8 a.m.", "to", "-", "–", "availability",
    "uptime", "99.9%", "99.95 %", "service credit", "10%", "of the monthly fee", "less than", "claim",
    "within 30 days", "phone", "email", "support@example.com", "ticket", "portal", "chat", "|", "\n", "\n\n",
    ". ", "; ", ": ", "一级故障", "响应时间", "不超过", "十五分钟", "两小时", "半小时", "7×24小时", "工作日",
    "9:00-18:00", "可用性", "不低于", "百分之九十九点九", "服务费", "赔偿", "电话", "工单", "邮箱", "。", "，",
    "１５", "％", "（", "）", "１２３４５６７８９０", "一万", "零", "点", "个", "# ", "1. ", "(a) ",
]
contract_text = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=8),
                                   st.integers(0, 10**6).map(str)), max_size=60).map(" ".join)


@FUZZ
@given(st.one_of(contract_text, st.text(max_size=500)))
def test_text_to_summary(text: str) -> None:
    targets.text_to_summary(text)


SEEDS = targets.seeds()


@st.composite
def mutated_pdf(draw: st.DrawFn) -> bytes:
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete", "splice"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from([b"0 0 R", b"<<", b">>", b"/Kids [2 0 R]", b"999999999",
                                                b"endobj", b"stream\n", b"/Count -1", b"%%EOF", b"(", b"\\"])
                               | st.binary(max_size=16))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "splice":
            other = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start:start + draw(st.integers(1, 256))]
    return bytes(data)


@FUZZ
@given(st.one_of(mutated_pdf(), st.binary(max_size=2048)), st.sampled_from([".pdf", ".pdf", ".txt"]),
       st.sampled_from([None, None, "secret", "wrong"]))
def test_bytes_to_document(data: bytes, suffix: str, password: str | None) -> None:
    targets.bytes_to_document(data, suffix, password)
