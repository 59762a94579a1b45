"""Two versions of one contract, term by term: what was added, removed or changed, and whether
each change is better or worse for the customer; with a policy, the verdicts that flip.

diff = diff_summaries(old, new, policy)      # SummaryDiff, a pydantic model (the JSON format)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..model import ClauseSummary
from ..policy import Policy, Verdict, check
from ..policy.messages import Lang
from .terms import FIELDS, Term, downtime_minutes, label, terms_of, view_language

ChangeKind = Literal["added", "removed", "changed"]
Judgement = Literal["better", "worse", "neutral"]
Status = Literal["pass", "fail", "warn", "waived"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Side(_Model):
    """One version of a term: its value in words and where the contract says it."""

    value: str
    page: int | None
    quote: str | None


class Change(_Model):
    field: str
    term: str
    change: ChangeKind
    judgement: Judgement
    old: Side | None
    new: Side | None
    note: str | None = None


class VerdictFlip(_Model):
    requirement: str
    description: str
    old: Status
    new: Status


class PolicyDiff(_Model):
    policy: str | None
    old_passed: bool
    new_passed: bool
    flips: list[VerdictFlip]


class SummaryDiff(_Model):
    old: str
    new: str
    language: Lang
    changes: list[Change]
    unchanged: int
    policy: PolicyDiff | None = None

    def count(self, judgement: Judgement) -> int:
        return sum(c.judgement == judgement for c in self.changes)

    @property
    def worse(self) -> bool:
        return self.count("worse") > 0 or bool(self.policy and self.policy.old_passed and not self.policy.new_passed)


def _side(term: Term) -> Side:
    quote = " ".join(term.evidence.text.split()) if term.evidence else None
    return Side(value=term.value, page=term.page, quote=quote)


def _judge(old: Term, new: Term) -> Judgement:
    """Element-wise on merit: better when nothing got worse and something got better."""
    ups = [n > o for o, n in zip(old.merit, new.merit, strict=True)]
    downs = [n < o for o, n in zip(old.merit, new.merit, strict=True)]
    if any(ups) and not any(downs):
        return "better"
    if any(downs) and not any(ups):
        return "worse"
    return "neutral"


def _note(old: Term, new: Term, lang: Lang) -> str | None:
    """A figure that makes a change concrete: downtime minutes, a speed ratio, hours per week."""
    if old.field == "availability":
        before, after = downtime_minutes(old.item.percent), downtime_minutes(new.item.percent)
        return label("note.downtime", lang, old=f"{before:g}", new=f"{after:g}")
    if old.field == "response_times":
        return _response_note(old, new, lang)
    if old.field == "coverage" and old.merit != new.merit:
        return label("note.hours_per_week", lang, old=f"{old.merit[0]:g}", new=f"{new.merit[0]:g}")
    if old.field == "service_credits" and _judge(old, new) == "neutral" and old.merit != new.merit:
        return label("note.mixed", lang)
    return None


def _response_note(old: Term, new: Term, lang: Lang) -> str | None:
    before, after = old.item, new.item
    if before.business_time != after.business_time:
        return label("note.business_time" if after.business_time else "note.calendar_time", lang)
    if before.minutes == after.minutes:
        return None
    slower = after.minutes > before.minutes
    ratio = after.minutes / before.minutes if slower else before.minutes / after.minutes
    return label("note.slower" if slower else "note.faster", lang, ratio=f"{ratio:.3g}")


def _grouped(terms: list[Term]) -> dict[tuple, list[Term]]:
    groups: dict[tuple, list[Term]] = {}
    for term in terms:
        groups.setdefault(term.key, []).append(term)
    return groups


def _pair(old: list[Term], new: list[Term], lang: Lang) -> tuple[list[Change], int]:
    """Items with one key, matched best with best (a key rarely holds more than one item)."""
    old = sorted(old, key=lambda t: t.merit, reverse=True)
    new = sorted(new, key=lambda t: t.merit, reverse=True)
    changes: list[Change] = []
    unchanged = 0
    for before, after in zip(old, new, strict=False):
        if before.merit == after.merit:  # the same promise, perhaps worded or labelled differently
            unchanged += 1
            continue
        judgement = _judge(before, after)
        note = _note(before, after, lang)
        changes.append(Change(field=after.field, term=after.row, change="changed", judgement=judgement,
                              old=_side(before), new=_side(after), note=note))  # fmt: skip
    for gone in old[len(new) :]:
        changes.append(Change(field=gone.field, term=gone.row, change="removed", judgement="worse",
                              old=_side(gone), new=None, note=_single_note(gone, lang)))  # fmt: skip
    for came in new[len(old) :]:
        changes.append(Change(field=came.field, term=came.row, change="added", judgement="better",
                              old=None, new=_side(came), note=_single_note(came, lang)))  # fmt: skip
    return changes, unchanged


def _single_note(term: Term, lang: Lang) -> str | None:
    if term.field == "availability":
        return label("note.downtime_one", lang, n=f"{downtime_minutes(term.item.percent):g}")
    return None


def rule_status(verdict: Verdict, rule_id: str, fail_on: str = "error") -> Status:
    findings = verdict.findings_for(rule_id)
    if any(f.fails_at(fail_on) for f in findings):  # type: ignore[arg-type]
        return "fail"
    if findings:
        return "warn"
    return "waived" if verdict.waived_for(rule_id) else "pass"


def policy_diff(old: ClauseSummary, new: ClauseSummary, policy: Policy) -> PolicyDiff:
    before, after = check(old, policy), check(new, policy)
    flips = []
    for rule in after.rules:
        was, now = rule_status(before, rule.id), rule_status(after, rule.id)
        if was != now:
            flips.append(VerdictFlip(requirement=rule.id, description=rule.description, old=was, new=now))
    return PolicyDiff(policy=policy.name, old_passed=before.passed, new_passed=after.passed, flips=flips)


def _keys_in_field_order(before: dict[tuple, list[Term]], after: dict[tuple, list[Term]]) -> list[tuple]:
    """Every key once, field by field; within a field the old version's order, then what is new."""
    first = {key: terms[0] for key, terms in {**after, **before}.items()}
    keys = list(dict.fromkeys([*before, *after]))
    return sorted(keys, key=lambda key: FIELDS.index(first[key].field))


def diff_summaries(old: ClauseSummary, new: ClauseSummary, policy: Policy | None = None) -> SummaryDiff:
    lang = view_language(new)
    before, after = _grouped(terms_of(old, lang)), _grouped(terms_of(new, lang))
    changes: list[Change] = []
    unchanged = 0
    for key in _keys_in_field_order(before, after):
        found, same = _pair(before.get(key, []), after.get(key, []), lang)
        changes += found
        unchanged += same
    return SummaryDiff(
        old=old.document.path,
        new=new.document.path,
        language=lang,
        changes=changes,
        unchanged=unchanged,
        policy=policy_diff(old, new, policy) if policy is not None else None,
    )
