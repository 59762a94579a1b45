"""A pattern that times out on one sentence skips that sentence with a warning naming the page;
the document is still summarized."""

from __future__ import annotations

from slaextract import extract_text
from slaextract.rules import default_rules

TEXT = (
    "Support is available 24 hours a day, 7 days a week.\n\n"
    "The Provider will respond to Priority 1 incidents within 15 minutes.\n\n"
    "The Service will be available 99.9% of each calendar month."
)


class SlowOn:
    """A compiled pattern that times out on texts containing `word`, and works elsewhere."""

    def __init__(self, pattern, word: str) -> None:
        self.pattern, self.word = pattern, word

    def search(self, text, *args, **kwargs):
        if self.word in text:
            raise TimeoutError("regex timed out")
        return self.pattern.search(text, *args, **kwargs)

    def finditer(self, text, *args, **kwargs):
        if self.word in text:
            raise TimeoutError("regex timed out")
        return self.pattern.finditer(text, *args, **kwargs)


def test_a_rule_timing_out_on_one_sentence_skips_it_with_a_warning(monkeypatch):
    rules = [r for r in default_rules().rules if r.term == "availability" and r.pattern is not None]
    for rule in rules:
        monkeypatch.setattr(rule, "_pattern", SlowOn(rule.pattern, "99.9%"))  # the compiled regex
    summary = extract_text(TEXT)
    assert summary.availability == []
    assert [c.days_per_week for c in summary.coverage] == [7]  # the other sentences are read
    assert any(w.startswith("page 1: a pattern took too long") for w in summary.warnings)


def test_no_warning_when_nothing_times_out():
    assert not any("took too long" in w for w in extract_text(TEXT).warnings)
