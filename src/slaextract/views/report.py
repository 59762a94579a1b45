"""The HTML evidence report of one contract: what goes in it (this module) and how it looks (report_html).

html = build_report("contract.pdf", policy)   # one self-contained page, pictures as data: URIs
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import BBox, ClauseSummary
from ..pdf import Document, read_document
from ..pipeline import summarize
from ..policy import Finding, Policy, RuleInfo, Verdict, check
from ..policy.messages import Lang
from .diff import Status, rule_status
from .judged import judged_terms
from .missing import Candidate, candidates
from .pages import PagePictures, Picture
from .terms import Term, terms_of, view_language


@dataclass
class Card:
    id: str
    term: Term
    crop: Picture | None = None


@dataclass
class RequirementView:
    rule: RuleInfo
    status: Status
    findings: list[Finding]  # active and waived, in that order
    judged: list[Card]


@dataclass
class MissingView:
    requirement: str
    description: str
    message: str
    places: list[Candidate]


@dataclass
class PageView:
    page: int
    picture: Picture
    boxes: list[tuple[BBox, Card]] = field(default_factory=list)


@dataclass
class ReportData:
    summary: ClauseSummary
    lang: Lang
    version: str
    cards: list[Card]
    pages: list[PageView]
    policy: str | None = None
    passed: bool | None = None
    requirements: list[RequirementView] = field(default_factory=list)
    missing: list[MissingView] = field(default_factory=list)


def _cards(terms: list[Term], pictures: PagePictures | None) -> list[Card]:
    cards = []
    for n, term in enumerate(terms, start=1):
        box = term.evidence.bbox if term.evidence else None
        crop = pictures.crop(term.evidence.page, box) if pictures and term.evidence and box else None
        cards.append(Card(id=f"term-{n}", term=term, crop=crop))
    return cards


def _pages(cards: list[Card], pictures: PagePictures | None) -> list[PageView]:
    """One whole-page picture per page that holds evidence, with every box of that page."""
    if pictures is None:
        return []
    views: dict[int, PageView] = {}
    for card in cards:
        evidence = card.term.evidence
        if evidence is None or evidence.bbox is None:
            continue
        if evidence.page not in views:
            views[evidence.page] = PageView(evidence.page, pictures.whole(evidence.page))
        views[evidence.page].boxes.append((evidence.bbox, card))
    return [views[page] for page in sorted(views)]


def _requirements(policy: Policy, verdict: Verdict, cards: list[Card]) -> list[RequirementView]:
    by_id = {r.id: r for r in policy.requirements}
    terms = [c.term for c in cards]
    views = []
    for rule in verdict.rules:
        findings = verdict.findings_for(rule.id) + verdict.waived_for(rule.id)
        if rule.id in by_id:
            judged = judged_terms(by_id[rule.id], terms)
        else:  # a self-consistency check judges the items its findings cite
            cited = [f.evidence for f in findings if f.evidence]
            judged = [t for t in terms if t.evidence in cited]
        chosen = [c for c in cards if c.term in judged]
        views.append(RequirementView(rule, rule_status(verdict, rule.id), findings, chosen))
    return views


def _missing(policy: Policy, verdict: Verdict, doc: Document, language: str) -> list[MissingView]:
    by_id = {r.id: r for r in policy.requirements}
    views = []
    for finding in verdict.findings + verdict.waived:
        requirement = by_id.get(finding.requirement)
        if finding.kind != "missing" or requirement is None:
            continue
        places = candidates(requirement.type, doc, language)
        views.append(MissingView(requirement.id, requirement.describe(), finding.message, places))
    return views


def report_data(
    doc: Document, summary: ClauseSummary, policy: Policy | None, pictures: PagePictures | None
) -> ReportData:
    from .. import __version__  # noqa: PLC0415 - the package root imports lazily

    lang = view_language(summary)
    cards = _cards(terms_of(summary, lang), pictures)
    data = ReportData(summary=summary, lang=lang, version=__version__, cards=cards, pages=_pages(cards, pictures))
    if policy is not None:
        verdict = check(summary, policy)
        data.policy = policy.name or "policy"
        data.passed = verdict.passed
        data.requirements = _requirements(policy, verdict, cards)
        data.missing = _missing(policy, verdict, doc, summary.document.language)
    return data


def build_report(path: str | Path, policy: Policy | None = None, password: str | None = None,
                 max_pages: int | None = None) -> str:  # fmt: skip
    from .report_html import report_page  # noqa: PLC0415 - templates only when a report is made

    doc = read_document(path, password=password, max_pages=max_pages)
    summary = summarize(doc, path=str(path))
    if not doc.page_sizes:  # a text or Markdown input: no layout, so no pictures
        return report_page(report_data(doc, summary, policy, None))
    with PagePictures(path, password) as pictures:
        return report_page(report_data(doc, summary, policy, pictures))
